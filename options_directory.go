package main

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/charmbracelet/log"

	"entkiosk/data"
	"entkiosk/data/directory"
)

// directoryFlags are the campus directory's options (--ldap…), for the
// commands that check or write passwords and settings there.
type directoryFlags struct {
	url, bindDN, passwordFile, base, caFile string
	personClass, login                      string
	mailPerso, redirection, mail, lifeCycle string
	shadowLastChange                        string
	handle                                  *directory.Directory
}

// directoryOptions: --ldap and the settings that go with it. Without
// --ldap, nothing else is read and the store works alone, as always.
func (f *flags) directoryOptions() {
	d, def := &f.dir, directory.DefaultAttributes()
	f.str(&d.url, "ldap", "URL", "", "annuaire LDAP de l'université (ldaps://hôte, ou ldap://hôte avec StartTLS obligatoire ; "+
		"?starttls=off seulement sur 127.0.0.1) : les mots de passe y sont vérifiés et écrits, les réglages y sont recopiés ; "+
		"sans lui, la base seule")
	f.str(&d.bindDN, "ldap-bind-dn", "DN", "", "compte de service d'entkiosk dans l'annuaire (cn=entkiosk,ou=services,dc=…)")
	f.str(&d.passwordFile, "ldap-password-file", "FICHIER", "", "fichier du mot de passe du compte de service, une ligne, "+
		"lisible par son seul propriétaire (chmod 600) ; jamais le mot de passe sur la ligne de commande")
	f.str(&d.base, "ldap-base", "DN", "", "branche où chercher les personnes (ou=people,dc=…)")
	f.str(&d.caFile, "ldap-ca-file", "FICHIER", "", "certificats (PEM) des autorités qui signent celui de l'annuaire (défaut : celles du système)")
	f.str(&d.personClass, "ldap-person-class", "CLASSE", directory.DefaultPersonClass, "classe d'objet de toute personne cherchée")
	f.str(&d.login, "ldap-login-attributes", "ATTRS", strings.Join(def.Login, ","),
		"attributs où trouver l'identifiant (sa partie locale), séparés par des virgules")
	f.str(&d.mailPerso, "ldap-attr-mail-perso", "ATTR", def.MailPerso, "attribut du mail de secours")
	f.str(&d.redirection, "ldap-attr-redirection", "ATTR", def.Redirection, "attribut de la redirection")
	f.str(&d.mail, "ldap-attr-mail", "ATTR", def.Mail, "attribut de l'adresse universitaire (gardée en copie d'une redirection)")
	f.str(&d.lifeCycle, "ldap-attr-life-cycle", "ATTR", def.LifeCycle, "attribut du cycle de vie du compte ({COMPTE}A:SupannActif::AAAAMMJJ)")
	f.str(&d.shadowLastChange, "ldap-attr-shadow-last-change", "ATTR", def.ShadowLastChange, "attribut du jour du dernier changement de mot de passe")
}

// openDirectory opens the directory the options name, or nil without --ldap.
func (f *flags) openDirectory(logger *log.Logger) (*directory.Directory, error) {
	d := &f.dir
	if d.url == "" {
		return nil, nil
	}
	var login []string
	for _, a := range strings.Split(d.login, ",") {
		if a = strings.TrimSpace(a); a != "" {
			login = append(login, a)
		}
	}
	cfg := directory.Config{URL: d.url, BindDN: d.bindDN, PasswordFile: d.passwordFile, BaseDN: d.base, CAFile: d.caFile,
		PersonClass: d.personClass, Attributes: directory.Attributes{Login: login, MailPerso: d.mailPerso,
			Redirection: d.redirection, Mail: d.mail, LifeCycle: d.lifeCycle, ShadowLastChange: d.shadowLastChange}}
	if logger != nil {
		cfg.Logger = slogFrom(logger.WithPrefix("directory"))
	}
	h, err := directory.Open(cfg)
	if err != nil {
		return nil, fmt.Errorf("annuaire : %w", err)
	}
	d.handle = h
	return h, nil
}

// runDirectoryQueue applies the directory queue in the background while
// the command runs (serve, kiosk); stop waits for the change in hand.
func runDirectoryQueue(ctx context.Context, store *data.Store, logger *log.Logger) (stop func()) {
	if !store.HasDirectory() {
		return func() {}
	}
	qctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		store.RunDirectoryQueue(qctx, 5*time.Second, slogFrom(logger.WithPrefix("directory")))
	}()
	return func() { cancel(); <-done }
}

// slogFrom: the directory package logs through log/slog, which
// charmbracelet/log serves as a handler.
func slogFrom(l *log.Logger) *slog.Logger { return slog.New(l) }
