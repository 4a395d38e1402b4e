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
	about := "donne le rôle helpdesk (la console d'assistance) à un compte du personnel"
	if verb == "revoke" {
		about = "retire le rôle helpdesk à un compte"
	}
	f := newFlags(verb, "[options] helpdesk IDENTIFIANT", about)
	f.storeOptions(false)
	f.domainOptions()
	pos, err := f.parse(args, stdout)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) != 2 || pos[0] != "helpdesk" {
		return usageError{fmt.Sprintf("%s : entkiosk %s helpdesk IDENTIFIANT", verb, verb)}
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
		fmt.Fprintf(stdout, "%s avait déjà le rôle helpdesk : rien n'a changé\n", full)
	case !rc.Changed:
		fmt.Fprintf(stdout, "%s n'avait pas le rôle helpdesk : rien n'a changé\n", full)
	case on:
		fmt.Fprintf(stdout, "%s a maintenant le rôle helpdesk\n", full)
	default:
		fmt.Fprintf(stdout, "%s n'a plus le rôle helpdesk\n", full)
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
		return fmt.Errorf("%s : aucun compte n'a l'identifiant %q", verb, unknown.Identifiant)
	case errors.As(err, &notStaff):
		return fmt.Errorf("%s : %s est un compte étudiant ; le rôle helpdesk est réservé aux comptes du personnel", verb, data.Clean(notStaff.Identifiant))
	}
	return fmt.Errorf("%s : rôle non modifié : %w", verb, err)
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
