package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"strings"

	"entkiosk/data"
	"entkiosk/data/directory"
	"entkiosk/data/text"
)

// dirStatus names a directory queue state in French.
var dirStatus = map[string]string{
	data.DirPending: "en attente", data.DirApplying: "en cours", data.DirDone: "appliqué", data.DirFailed: "en échec",
	data.DirSuperseded: "remplacé par un plus récent",
}

// cmdDirectory: the directory queue (entkiosk directory [--status S]), and
// the operator's check of the settings (entkiosk directory check).
func cmdDirectory(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "check" {
		return cmdDirectoryCheck(ctx, name+" check", args[1:], stdout)
	}
	f := newFlags(name, "[--status ÉTAT] | check [options]", "les changements en attente pour l'annuaire LDAP "+
		"(mail de secours, redirection, fin des droits), les plus récents d'abord ; "+
		"« entkiosk directory check » vérifie les réglages de l'annuaire")
	f.storeOptions(false)
	var status string
	f.str(&status, "status", "ÉTAT", "", "seulement les changements dans cet état : pending (en attente), applying (en cours), "+
		"done (appliqué), failed (en échec) ou superseded (remplacé)")
	if err := f.parseNoArgs(args, stdout); err != nil {
		return helpOK(err)
	}
	if _, ok := dirStatus[status]; !ok && status != "" {
		return usageError{fmt.Sprintf("directory : --status %q : pending, applying, done, failed ou superseded", status)}
	}
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	changes, err := store.DirectoryQueue(ctx, data.DirectoryFilter{Status: status})
	if err != nil {
		return fmt.Errorf("directory : lecture de la base : %w", err)
	}
	loc := store.Config().Location
	for _, c := range changes {
		fmt.Fprintf(stdout, "%s  %s  %s  %s", c.CreatedAt.In(loc).Format("02/01/2006 15:04:05"), data.Clean(c.Identifiant),
			describeChange(c), dirStatus[c.Status])
		switch c.Status {
		case data.DirDone:
			fmt.Fprintf(stdout, " le %s (%s)", c.DoneAt.In(loc).Format("02/01/2006 à 15:04:05"), text.PlainN(text.French, "cli.count.attempt", c.Attempts))
		case data.DirPending:
			if c.Attempts > 0 {
				fmt.Fprintf(stdout, " (%s, prochain le %s)", text.PlainN(text.French, "cli.count.attempt", c.Attempts), c.NextTryAt.In(loc).Format("02/01/2006 à 15:04:05"))
			}
		case data.DirFailed:
			fmt.Fprintf(stdout, " (%s)", text.PlainN(text.French, "cli.count.attempt", c.Attempts))
		}
		fmt.Fprintln(stdout)
		if c.LastError != "" && c.Status != data.DirDone {
			fmt.Fprintf(stdout, "    erreur : %s\n", data.Clean(c.LastError))
		}
	}
	if len(changes) == 0 {
		fmt.Fprintln(stdout, "(aucun changement)")
	}
	return nil
}

// describeChange says a queued change in French, addresses masked.
func describeChange(c data.DirectoryChange) string {
	ch := c.Change
	switch ch.Kind {
	case "mail_perso":
		return "mail de secours → " + data.MaskEmail(ch.Address)
	case "redirection":
		if ch.Address == "" {
			return "redirection supprimée"
		}
		copy := "sans copie"
		if ch.KeepCopy {
			copy = "copie gardée"
		}
		return "redirection → " + data.MaskEmail(ch.Address) + " (" + copy + ")"
	case "account_end":
		return "compte actif jusqu'au " + ch.End.Format("02/01/2006")
	}
	return string(ch.Kind)
}

func cmdDirectoryCheck(ctx context.Context, name string, args []string, stdout io.Writer) error {
	f := newFlags(name, "--ldap URL --ldap-bind-dn DN --ldap-password-file FICHIER --ldap-base DN --sample IDENTIFIANT",
		"vérifie, pour qui met en place l'annuaire : la connexion, TLS, le compte de service, une personne "+
			"trouvée et les droits d'écriture sur les attributs qu'entkiosk écrit (sans changer leurs valeurs)")
	f.directoryOptions()
	var sample string
	f.str(&sample, "sample", "IDENTIFIANT", "", "une personne de l'annuaire (sa partie locale), pour essayer la recherche et les droits")
	if err := f.parseNoArgs(args, stdout); err != nil {
		return helpOK(err)
	}
	if f.dir.url == "" {
		return usageError{"directory check : --ldap URL attendu (ou ENTKIOSK_LDAP)"}
	}
	if sample == "" {
		return usageError{"directory check : --sample IDENTIFIANT attendu (une personne de l'annuaire)"}
	}
	d, err := f.openDirectory(nil)
	if err != nil {
		return err
	}
	defer d.Close()
	r, err := d.Check(ctx, sample)
	fmt.Fprintf(stdout, "annuaire : %s\n", r.URL)
	if r.BoundAs != "" {
		fmt.Fprintf(stdout, "connecté : oui\nTLS : %s\nlié en tant que : %s\n", r.TLS, r.BoundAs)
	}
	if err != nil {
		return fmt.Errorf("directory check : %s", directoryTrouble(err))
	}
	fmt.Fprintf(stdout, "personne « %s » : %s\n", data.Clean(sample), r.Sample)
	var refused int
	for _, a := range r.Writable {
		if a.Err != nil {
			refused++
			fmt.Fprintf(stdout, "attribut %s : écriture refusée (%s)\n", a.Name, directoryTrouble(a.Err))
			continue
		}
		fmt.Fprintf(stdout, "attribut %s : écriture permise\n", a.Name)
	}
	fmt.Fprintln(stdout, "mot de passe : non essayé (l'opération Password Modify le changerait)")
	if refused > 0 {
		return errors.New("directory check : " + text.PlainN(text.French, "cli.count.attribute.readonly", refused))
	}
	return nil
}

// reportDirectory lists the accounts the directory does not know yet
// (import --check-directory): their activation would be refused until the
// university's provisioning feeds it.
func reportDirectory(ctx context.Context, store *data.Store, stdout io.Writer) error {
	r, err := store.CheckDirectory(ctx)
	if err != nil {
		return fmt.Errorf("import : %s", directoryTrouble(err))
	}
	for _, ident := range r.Missing {
		fmt.Fprintf(stdout, "absent de l'annuaire : %s\n", data.Clean(ident))
	}
	fmt.Fprintf(stdout, "annuaire : %s vérifiés, %s\n", text.PlainN(text.French, "cli.count.account", r.Checked),
		text.PlainN(text.French, "cli.count.absent", len(r.Missing)))
	return nil
}

// directoryTrouble says in French what went wrong with the directory, then
// its technical cause for the operator.
func directoryTrouble(err error) string {
	why := map[directory.Kind]string{
		directory.Unreachable:    "l'annuaire ne répond pas",
		directory.Misconfigured:  "l'annuaire refuse entkiosk (compte de service, StartTLS ou certificat, branche des personnes)",
		directory.NotInDirectory: "personne introuvable dans la branche --ldap-base",
		directory.Refused:        "refusé par l'annuaire",
	}[directory.KindOf(err)]
	if why == "" {
		why = "annuaire"
	}
	if cause, ok := certificateTrouble(err); ok {
		return "le certificat de l'annuaire n'est pas reconnu : donnez le certificat (PEM) de l'autorité qui l'a signé " +
			"avec --ldap-ca-file (ou ENTKIOSK_LDAP_CA_FILE) ; cause technique : " + cause
	}
	return why + " : " + err.Error()
}

// certificateTrouble finds, in what go-ldap and crypto/tls said, a
// certificate the directory showed and entkiosk could not verify; cause is
// the verifier's own words (x509: …), for the operator who searches them.
func certificateTrouble(err error) (cause string, ok bool) {
	var cv *tls.CertificateVerificationError
	var ua x509.UnknownAuthorityError
	var hn x509.HostnameError
	var ci x509.CertificateInvalidError
	msg := err.Error()
	i := strings.Index(msg, "x509: ")
	if !errors.As(err, &cv) && !errors.As(err, &ua) && !errors.As(err, &hn) && !errors.As(err, &ci) && i < 0 {
		return "", false
	}
	if i < 0 {
		return msg, true
	}
	return strings.TrimRight(msg[i:], ")"), true
}
