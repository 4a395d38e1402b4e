package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"

	"entkiosk/data"
)

func cmdRole(ctx context.Context, verb string, args []string, stdout, stderr io.Writer) error {
	about := say("cli.role.grant.about")
	if verb == "revoke" {
		about = say("cli.role.revoke.about")
	}
	f := newFlags(verb, "[options] helpdesk IDENTIFIANT", about)
	f.storeOptions(false)
	f.domainOptions()
	pos, err := f.parse(args, stdout)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) != 2 || pos[0] != "helpdesk" {
		return usageError{fmt.Sprintf(say("cli.role.usage.args"), verb, verb)}
	}
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	on, ident := verb == "grant", pos[1]
	client := "cli:" + operatorName()
	rc, err := store.SetHelpdesk(ctx, ident, on, data.Origin{Client: client})
	if err != nil {
		return roleError(verb, err)
	}
	full := data.Clean(rc.Identifiant)
	switch {
	case !rc.Changed && on:
		fmt.Fprintf(stdout, say("cli.role.had"), full)
	case !rc.Changed:
		fmt.Fprintf(stdout, say("cli.role.hadnot"), full)
	case on:
		fmt.Fprintf(stdout, say("cli.role.granted"), full)
	default:
		fmt.Fprintf(stdout, say("cli.role.revoked"), full)
	}
	return nil
}

// roleError says SetHelpdesk's refusals in French (data/helpdesk.go words
// them for the log).
func roleError(verb string, err error) error {
	var unknown *data.UnknownIdentifiantError
	var notStaff *data.NotStaffError
	switch {
	case errors.As(err, &unknown):
		return fmt.Errorf(say("cli.role.unknown"), verb, unknown.Identifiant)
	case errors.As(err, &notStaff):
		return fmt.Errorf(say("cli.role.student"), verb, data.Clean(notStaff.Identifiant))
	}
	return fmt.Errorf(say("cli.role.failed"), verb, err)
}

// operatorName is who runs an operator's command, for the audit log: the
// system user, and the one behind sudo when there is one.
func operatorName() string {
	name := ""
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	if name == "" {
		name = os.Getenv("USER")
	}
	if name == "" {
		name = "operator"
	}
	if by := os.Getenv("SUDO_USER"); by != "" && by != name {
		name += " (sudo " + by + ")"
	}
	return name
}
