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
	data.DirPending: say("cli.directory.status.pending"), data.DirApplying: say("cli.directory.status.applying"), data.DirDone: say("cli.directory.status.done"), data.DirFailed: say("cli.directory.status.failed"),
	data.DirSuperseded: say("cli.directory.status.superseded"),
}

// cmdDirectory: the directory queue (entkiosk directory [--status S]), and
// the operator's check of the settings (entkiosk directory check).
func cmdDirectory(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "check" {
		return cmdDirectoryCheck(ctx, name+" check", args[1:], stdout)
	}
	f := newFlags(name, say("cli.directory.usage"), say("cli.directory.about"))
	f.storeOptions(false)
	var status string
	f.str(&status, "status", "ÉTAT", "", say("cli.directory.flag.status"))
	if err := f.parseNoArgs(args, stdout); err != nil {
		return helpOK(err)
	}
	if _, ok := dirStatus[status]; !ok && status != "" {
		return usageError{fmt.Sprintf(say("cli.directory.status.bad"), status)}
	}
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	changes, err := store.DirectoryQueue(ctx, data.DirectoryFilter{Status: status})
	if err != nil {
		return fmt.Errorf(say("cli.directory.read"), err)
	}
	loc := store.Config().Location
	for _, c := range changes {
		fmt.Fprintf(stdout, "%s  %s  %s  %s", c.CreatedAt.In(loc).Format("02/01/2006 15:04:05"), data.Clean(c.Identifiant),
			describeChange(c), dirStatus[c.Status])
		switch c.Status {
		case data.DirDone:
			fmt.Fprintf(stdout, say("cli.directory.done"), c.DoneAt.In(loc).Format(say("cli.layout.datetime")), text.PlainN(text.French, "cli.count.attempt", c.Attempts))
		case data.DirPending:
			if c.Attempts > 0 {
				fmt.Fprintf(stdout, say("cli.directory.retry"), text.PlainN(text.French, "cli.count.attempt", c.Attempts), c.NextTryAt.In(loc).Format(say("cli.layout.datetime")))
			}
		case data.DirFailed:
			fmt.Fprintf(stdout, " (%s)", text.PlainN(text.French, "cli.count.attempt", c.Attempts))
		}
		fmt.Fprintln(stdout)
		if c.LastError != "" && c.Status != data.DirDone {
			fmt.Fprintf(stdout, say("cli.directory.lasterror"), data.Clean(c.LastError))
		}
	}
	if len(changes) == 0 {
		fmt.Fprintln(stdout, say("cli.directory.none"))
	}
	return nil
}

// describeChange says a queued change in French, addresses masked.
func describeChange(c data.DirectoryChange) string {
	ch := c.Change
	switch ch.Kind {
	case "mail_perso":
		return say("cli.directory.change.recovery") + data.MaskEmail(ch.Address)
	case "redirection":
		if ch.Address == "" {
			return say("cli.directory.change.unredirected")
		}
		copy := say("cli.directory.change.nocopy")
		if ch.KeepCopy {
			copy = say("cli.directory.change.copy")
		}
		return "redirection → " + data.MaskEmail(ch.Address) + " (" + copy + ")"
	case "account_end":
		return say("cli.directory.change.until") + ch.End.Format("02/01/2006")
	}
	return string(ch.Kind)
}

func cmdDirectoryCheck(ctx context.Context, name string, args []string, stdout io.Writer) error {
	f := newFlags(name, say("cli.directory.check.usage"),
		say("cli.directory.check.about"))
	f.directoryOptions()
	var sample string
	f.str(&sample, "sample", "IDENTIFIANT", "", say("cli.directory.check.flag.sample"))
	if err := f.parseNoArgs(args, stdout); err != nil {
		return helpOK(err)
	}
	if f.dir.url == "" {
		return usageError{say("cli.directory.check.noldap")}
	}
	if sample == "" {
		return usageError{say("cli.directory.check.nosample")}
	}
	d, err := f.openDirectory(nil)
	if err != nil {
		return err
	}
	defer d.Close()
	r, err := d.Check(ctx, sample)
	fmt.Fprintf(stdout, say("cli.directory.check.url"), r.URL)
	if r.BoundAs != "" {
		fmt.Fprintf(stdout, say("cli.directory.check.bound"), r.TLS, r.BoundAs)
	}
	if err != nil {
		return fmt.Errorf(say("cli.directory.check.trouble"), directoryTrouble(err))
	}
	fmt.Fprintf(stdout, say("cli.directory.check.person"), data.Clean(sample), r.Sample)
	var refused int
	for _, a := range r.Writable {
		if a.Err != nil {
			refused++
			fmt.Fprintf(stdout, say("cli.directory.check.refused"), a.Name, directoryTrouble(a.Err))
			continue
		}
		fmt.Fprintf(stdout, say("cli.directory.check.allowed"), a.Name)
	}
	fmt.Fprintln(stdout, say("cli.directory.check.password"))
	if refused > 0 {
		return fmt.Errorf(say("cli.directory.check.trouble"), text.PlainN(text.French, "cli.count.attribute.readonly", refused))
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
		fmt.Fprintf(stdout, say("cli.directory.missing"), data.Clean(ident))
	}
	fmt.Fprintf(stdout, say("cli.directory.checked"), text.PlainN(text.French, "cli.count.account", r.Checked),
		text.PlainN(text.French, "cli.count.absent", len(r.Missing)))
	return nil
}

// directoryTrouble says in French what went wrong with the directory, then
// its technical cause for the operator.
func directoryTrouble(err error) string {
	why := map[directory.Kind]string{
		directory.Unreachable:    say("cli.directory.trouble.unreachable"),
		directory.Misconfigured:  say("cli.directory.trouble.refused"),
		directory.NotInDirectory: say("cli.directory.trouble.notfound"),
		directory.Refused:        say("cli.directory.trouble.write"),
	}[directory.KindOf(err)]
	if why == "" {
		why = "annuaire"
	}
	if cause, ok := certificateTrouble(err); ok {
		return say("cli.directory.trouble.certificate") + cause
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
