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

const usage = `entkiosk — ENT compte informatique, Université de Montpellier

Usage :
  entkiosk kiosk  [--db CHEMIN] [--demo] [--lang fr|en]
  entkiosk serve  [--db CHEMIN] [--demo] [--listen HÔTE:PORT] [--host-key CLÉ]
                  [--link-host HÔTE] [--link-port N] [--smtp URL] [--ldap URL …]
  entkiosk import [--db CHEMIN] [--lang fr|en] FICHIER.csv
  entkiosk outbox [--db CHEMIN] [--to ADRESSE] [--status failed]
  entkiosk mail   [--db CHEMIN] --smtp URL [--from ADRESSE] [--watch]
  entkiosk export aliases [--db CHEMIN] [--out FICHIER]
  entkiosk grant|revoke [--db CHEMIN] helpdesk IDENTIFIANT
  entkiosk backup [--db CHEMIN] DESTINATION
  entkiosk audit  [--db CHEMIN] [--identifiant X] [--since DATE] [--event E]
                  [--json] [--limit N] [--lang fr|en]
  entkiosk audit  [--db CHEMIN] --verify [--lang fr|en]
  entkiosk directory [--db CHEMIN] [--status pending|failed]
  entkiosk directory check --ldap URL … --sample IDENTIFIANT
  entkiosk institution init [--out FICHIER] | check FICHIER
  entkiosk migrate-store --from CHEMIN --to URL

Commandes :
  kiosk    la borne, sur ce terminal
  serve    la même interface par SSH (et l'envoi des mails avec --smtp)
  import   importe l'export des inscriptions (comptes et mails d'activation)
  outbox   affiche les mails de la boîte d'envoi
  mail     envoie les mails en attente par un relais SMTP
  export   écrit la table Postfix des redirections (export aliases)
  grant    donne le rôle helpdesk à un compte du personnel ; revoke le retire
  backup   copie la base à chaud, vérifiée, sans jamais écraser un fichier
  audit    affiche le journal d'audit
  directory les changements en attente pour l'annuaire LDAP ; check : ses réglages
  institution  écrit (init) ou vérifie (check) le fichier d'établissement
  migrate-store  copie une base SQLite vers une base PostgreSQL vide

kiosk, serve, import et mail lisent le fichier d'établissement (--institution,
ou ENTKIOSK_INSTITUTION) : nom, contacts, expéditeur, charte, calendrier.

Seuls kiosk, serve et import créent la base si elle n'existe pas ; les autres
commandes refusent un chemin où il n'y a pas de base.

« entkiosk COMMANDE -h » ou « entkiosk help COMMANDE » : les options d'une
commande. Chaque option lit aussi sa variable ENTKIOSK_<OPTION> (ENTKIOSK_DB,
ENTKIOSK_LISTEN…) ; l'option donnée sur la ligne de commande l'emporte.

Code de sortie : 0 tout s'est bien passé ; 1 une erreur, ou pour import au
moins une ligne refusée ; 2 une mauvaise utilisation (commande ou option
inconnue, valeur invalide).
`

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
		fmt.Fprint(stdout, usage)
		return nil
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "help", "-h", "-help", "--help":
		if len(rest) == 0 {
			fmt.Fprint(stdout, usage)
			return nil
		}
		if _, ok := commands[rest[0]]; !ok {
			return usageError{fmt.Sprintf("help : commande inconnue « %s » (entkiosk help donne la liste)", rest[0])}
		}
		return run([]string{rest[0], "-h"}, stdout, stderr)
	}
	command, ok := commands[cmd]
	if !ok {
		return usageError{fmt.Sprintf("commande inconnue « %s » (entkiosk help donne la liste)", cmd)}
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
