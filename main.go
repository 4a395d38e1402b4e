// Command entkiosk is the Université de Montpellier account self-service
// ("ENT — compte informatique") as a terminal application: on a campus
// kiosk's own terminal, over SSH, and the operator's commands around them.
//
// The command line speaks French, like the interface's default language,
// the staff who run it and the registration export's column names: usage,
// option help, reports and errors. import and audit also speak English
// (--lang en): their messages come from the interface's catalogue, and
// audit says outcomes and details in the helpdesk console's words.
//
// main.go holds the usage and the dispatch; options.go the options kit
// every command shares (parsed by hand so that every message is in French);
// each command is a cmd_<name>.go file beside it with its own options.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// usage is typeset when asked for: not at every start of every command.
func usage() string { return say("cli.usage") }

func main() {
	os.Exit(exitCode(run(os.Args[1:], os.Stdout, os.Stderr), os.Stderr))
}

// exitCode prints err (one line) and says the exit status: 0 all good,
// 1 an error (or lines refused by import), 2 a mistake on the command line.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var ue usageError
	isUsage := errors.As(err, &ue)
	if msg := err.Error(); msg != "" {
		fmt.Fprintln(stderr, "entkiosk :", msg)
	}
	if isUsage {
		return 2
	}
	return 1
}

// usageError is a mistake on the command line (exit status 2). An empty
// message prints nothing more (the usage was printed).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		// As the README shows it: bare entkiosk is the help.
		fmt.Fprint(stdout, usage())
		return nil
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "help", "-h", "-help", "--help":
		if len(rest) == 0 {
			fmt.Fprint(stdout, usage())
			return nil
		}
		if _, ok := commands[rest[0]]; !ok {
			return usageError{fmt.Sprintf(say("cli.help.unknown"), rest[0])}
		}
		return run([]string{rest[0], "-h"}, stdout, stderr)
	}
	command, ok := commands[cmd]
	if !ok {
		return usageError{fmt.Sprintf(say("cli.command.unknown"), cmd)}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return command(ctx, cmd, rest, stdout, stderr)
}

type commandFunc func(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error

var commands map[string]commandFunc

func init() {
	commands = map[string]commandFunc{
		"kiosk": cmdKiosk, "serve": cmdServe, "import": cmdImport, "outbox": cmdOutbox, "mail": cmdMail,
		"export": cmdExport, "grant": cmdRole, "revoke": cmdRole, "backup": cmdBackup, "audit": cmdAudit,
		"migrate-store": cmdMigrateStore, "institution": cmdInstitution,
		"directory": cmdDirectory,
	}
}
