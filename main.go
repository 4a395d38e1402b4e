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
// The whole command line is this one file because the project's layout
// keeps main.go alone at the top level (main.go, tui/, screens/, data/:
// DESIGN.md §3) and it belongs to no other package. It reads in order:
// the usage and dispatch, the options kit, then one "// ---- " section a
// command.
package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"os/signal"
	"os/user"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/x/term"

	"entkiosk/data"
	"entkiosk/screens"
	"entkiosk/tui"
)

const usage = `entkiosk — ENT compte informatique, Université de Montpellier

Usage :
  entkiosk kiosk  [--db CHEMIN] [--demo] [--lang fr|en]
  entkiosk serve  [--db CHEMIN] [--demo] [--listen HÔTE:PORT] [--host-key CLÉ]
                  [--link-host HÔTE] [--link-port N] [--smtp URL]
  entkiosk import [--db CHEMIN] [--lang fr|en] FICHIER.csv
  entkiosk outbox [--db CHEMIN] [--to ADRESSE] [--status failed]
  entkiosk mail   [--db CHEMIN] --smtp URL [--from ADRESSE] [--watch]
  entkiosk export aliases [--db CHEMIN] [--out FICHIER]
  entkiosk grant|revoke [--db CHEMIN] helpdesk IDENTIFIANT
  entkiosk backup [--db CHEMIN] DESTINATION
  entkiosk audit  [--db CHEMIN] [--identifiant X] [--since DATE] [--event E]
                  [--json] [--limit N] [--lang fr|en]

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
	}
}

// ---- options

// option is one --name of a command; its ENTKIOSK_<NAME> variable, when
// set, gives its value before the command line is read.
type option struct {
	name   string
	arg    string // what the value is ("CHEMIN"); empty for a switch
	help   string
	def    string // the default, for the help ("" when there is none to show)
	want   string // what a value must look like, for the error
	isBool bool
	set    func(string) error
}

// flags is a command's options, parsed by hand so that every message
// (help, unknown option, bad value) is in French.
type flags struct {
	cmd, args, about string // "import", "[options] FICHIER.csv", one line of what it does
	opts             []*option
	envErr           error // the first ENTKIOSK_ variable with a value that does not fit

	// the store's settings, for the commands that open it
	db, linkHost, studentDomain, staffDomain, logPath string
	linkPort                                          int
	mustExist, demo                                   bool
	langName                                          string // --lang, for the commands that speak both languages
}

func envName(flagName string) string {
	return "ENTKIOSK_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

func newFlags(cmd, args, about string) *flags {
	return &flags{cmd: cmd, args: args, about: about}
}

func (f *flags) add(o *option) {
	f.opts = append(f.opts, o)
	v, ok := os.LookupEnv(envName(o.name))
	if !ok || f.envErr != nil || (v == "" && o.want != "") {
		return // an empty variable of a number, a duration or a switch is no value
	}
	if err := o.set(v); err != nil {
		f.envErr = usageError{fmt.Sprintf("%s : %s=%q : %s", f.cmd, envName(o.name), v, o.want)}
	}
}

func (f *flags) str(p *string, name, arg, def, help string) {
	*p = def
	f.add(&option{name: name, arg: arg, help: help, def: def, set: func(v string) error { *p = v; return nil }})
}

func (f *flags) int(p *int, name string, def int, help string) {
	*p = def
	f.add(&option{name: name, arg: "N", help: help, def: strconv.Itoa(def), want: "un nombre entier attendu",
		set: func(v string) error {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err == nil {
				*p = n
			}
			return err
		}})
}

func (f *flags) duration(p *time.Duration, name string, def time.Duration, help string) {
	*p = def
	f.add(&option{name: name, arg: "DURÉE", help: help, def: fmtDuration(def),
		want: "une durée attendue (90s, 2m, 1h30m)",
		set: func(v string) error {
			d, err := time.ParseDuration(strings.TrimSpace(v))
			if err == nil && d < 0 {
				err = errors.New("negative")
			}
			if err == nil {
				*p = d
			}
			return err
		}})
}

func (f *flags) bool(p *bool, name string, help string) {
	*p = false
	f.add(&option{name: name, help: help, isBool: true, want: "true ou false attendu",
		set: func(v string) error {
			b, err := strconv.ParseBool(strings.TrimSpace(v))
			if err == nil {
				*p = b
			}
			return err
		}})
}

// fmtDuration writes 2m0s as 2m and 30m0s as 30m.
func fmtDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// errHelp: -h or --help was given; the help is printed.
var errHelp = errors.New("help")

// parse reads args: options may come before or after the positional
// arguments, as --name VALUE, --name=VALUE or with one dash; "--" ends them.
func (f *flags) parse(args []string, stdout io.Writer) ([]string, error) {
	byName := map[string]*option{}
	for _, o := range f.opts {
		byName[o.name] = o
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			f.printHelp(stdout)
			return nil, errHelp
		}
	}
	if f.envErr != nil {
		return nil, f.envErr
	}
	var positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			positional = append(positional, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			positional = append(positional, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(a[1:], "-"), "=")
		o := byName[name]
		if o == nil {
			return nil, usageError{fmt.Sprintf("%s : option inconnue --%s (entkiosk %s -h donne les options)", f.cmd, name, f.cmd)}
		}
		switch {
		case o.isBool && !hasValue:
			value = "true"
		case !hasValue:
			if i+1 == len(args) {
				return nil, usageError{fmt.Sprintf("%s : --%s demande une valeur (%s)", f.cmd, name, o.arg)}
			}
			i++
			value = args[i]
		}
		if err := o.set(value); err != nil {
			return nil, usageError{fmt.Sprintf("%s : --%s %q : %s", f.cmd, name, value, o.want)}
		}
	}
	return positional, nil
}

// parseNoArgs reads the options of a command that takes no argument: a
// word left over (an option's name forgotten) is a usage error, not ignored.
func (f *flags) parseNoArgs(args []string, stdout io.Writer) error {
	pos, err := f.parse(args, stdout)
	if err == nil && len(pos) > 0 {
		err = usageError{fmt.Sprintf("%s : argument inattendu %q (entkiosk %s -h donne les options)", f.cmd, pos[0], f.cmd)}
	}
	return err
}

func (f *flags) printHelp(w io.Writer) {
	fmt.Fprintf(w, "%s\n\nUsage : entkiosk %s %s\n", wrap("entkiosk "+f.cmd+" — "+f.about, ""), f.cmd, f.args)
	if len(f.opts) == 0 {
		return
	}
	fmt.Fprintf(w, "\nOptions (chacune lit aussi sa variable d'environnement ; l'option l'emporte) :\n")
	for _, o := range f.opts {
		fmt.Fprintf(w, "  --%s", o.name)
		if o.arg != "" {
			fmt.Fprintf(w, " %s", o.arg)
		}
		fmt.Fprintf(w, "\n%s\n", wrap(o.help, "        "))
		last := "        " + envName(o.name)
		if o.def != "" {
			last = "        défaut : " + o.def + " · " + envName(o.name)
			if utf8.RuneCountInString(last) > 80 {
				last = "        défaut : " + o.def + "\n        " + envName(o.name)
			}
		}
		fmt.Fprintln(w, last)
	}
}

// wrap fills text to 80 columns, each line after indent.
func wrap(text, indent string) string {
	var b strings.Builder
	line := indent
	for _, word := range strings.Fields(text) {
		if line != indent && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > 80 {
			b.WriteString(line + "\n")
			line = indent
		}
		if line != indent {
			line += " "
		}
		line += word
	}
	b.WriteString(line)
	return b.String()
}

// The store's options. Only the commands that start the service or import
// may create the store; the others refuse a path where none is.
func (f *flags) storeOptions(create bool) {
	f.mustExist = !create
	help := "la base SQLite, partagée par toutes les instances"
	if create {
		help += " (créée si elle n'existe pas)"
	} else {
		help += " (doit exister)"
	}
	f.str(&f.db, "db", "CHEMIN", "entkiosk.db", help)
}

// domainOptions: the identifiants' domains, for the commands that create
// accounts or find one by its identifiant.
func (f *flags) domainOptions() {
	f.str(&f.studentDomain, "student-domain", "DOMAINE", "etu.umontpellier.fr", "domaine des identifiants étudiants")
	f.str(&f.staffDomain, "staff-domain", "DOMAINE", "umontpellier.fr", "domaine des identifiants du personnel")
}

// linkOptions: the ssh:// link of the code mails, for the commands that write them.
func (f *flags) linkOptions() {
	f.str(&f.linkHost, "link-host", "HÔTE", "", "hôte des liens ssh:// des mails (vide : pas de ligne de lien)")
	f.int(&f.linkPort, "link-port", 2222, "port des liens ssh:// des mails")
}

// langOption: --lang, for the commands whose messages come from the
// catalogue (import, audit); checkLang checks it after parse.
func (f *flags) langOption() {
	f.str(&f.langName, "lang", "fr|en", "fr", screens.Text(screens.French, "cli.lang.help"))
}

// lang is the language --lang chose.
func (f *flags) lang() screens.Lang { return screens.ParseLang(f.langName) }

// demoOption: the demonstration people, for the commands that run the interface.
func (f *flags) demoOption() {
	f.bool(&f.demo, "demo", "charge les personnes de démonstration (sans doublon), affiche le badge DÉMO et la touche de la boîte mail")
}

func (f *flags) logOption(where string) {
	f.str(&f.logPath, "log", "FICHIER", "", "fichier de journal, complété (défaut : "+where+")")
}

// logger writes to the --log file, or to stderr.
func (f *flags) logger(stderr io.Writer, defaultFile string) (*log.Logger, func(), error) {
	path := f.logPath
	if path == "" {
		path = defaultFile
	}
	w, done := stderr, func() {}
	if path != "" {
		file, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
		if err != nil {
			return nil, nil, fmt.Errorf("fichier de journal %s : %s", path, osReason(err))
		}
		w, done = file, func() { file.Close() }
	}
	l := log.NewWithOptions(w, log.Options{ReportTimestamp: true, TimeFormat: time.RFC3339})
	return l, done, nil
}

// open opens the store with the command's settings.
func (f *flags) open() (*data.Store, error) {
	s, err := data.Open(f.db, data.Config{LinkHost: f.linkHost, LinkPort: f.linkPort,
		StudentDomain: f.studentDomain, StaffDomain: f.staffDomain, MustExist: f.mustExist})
	var missing *data.MissingStoreError
	if errors.As(err, &missing) {
		return nil, fmt.Errorf("%s ; seuls entkiosk import, kiosk et serve créent une base", err)
	}
	return s, err
}

// start opens what a working command needs: its log (see logger), then its
// store, with the demonstration people loaded under --demo. stop closes the
// store, then the log; on an error nothing is left open.
func (f *flags) start(ctx context.Context, stderr io.Writer, defaultLog string) (logger *log.Logger, store *data.Store, stop func(), err error) {
	logger, closeLog, err := f.logger(stderr, defaultLog)
	if err != nil {
		return nil, nil, nil, err
	}
	if store, err = f.open(); err != nil {
		closeLog()
		return nil, nil, nil, err
	}
	stop = func() { store.Close(); closeLog() }
	if f.demo {
		if _, err := store.LoadDemo(ctx); err != nil {
			stop()
			return nil, nil, nil, fmt.Errorf("données de démonstration : %w", err)
		}
	}
	return logger, store, stop, nil
}

// helpOK turns the printed help into success.
func helpOK(err error) error {
	if errors.Is(err, errHelp) {
		return nil
	}
	return err
}

// osReason says in French why a file operation failed.
func osReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "fichier ou dossier introuvable"
	case errors.Is(err, fs.ErrPermission):
		return "accès refusé"
	case errors.Is(err, syscall.ENOSPC):
		return "disque plein"
	case errors.Is(err, syscall.EROFS):
		return "système de fichiers en lecture seule"
	case errors.Is(err, syscall.EISDIR):
		return "c'est un dossier"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// count says n things, French style: 0 and 1 take the singular.
func count(n int, one, other string) string {
	if n < 2 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, other)
}

func checkLang(cmd, lang string) error {
	if lang != "fr" && lang != "en" {
		return usageError{fmt.Sprintf("%s : --lang %q : fr ou en", cmd, lang)}
	}
	return nil
}

// ---- kiosk

func cmdKiosk(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name, "[options]", "la borne, sur ce terminal")
	f.storeOptions(true)
	var allowQuit bool
	var lang, terminal string
	var idle time.Duration
	f.demoOption()
	f.str(&lang, "lang", "fr|en", "fr", "langue de l'interface : fr ou en")
	f.duration(&idle, "idle", 120*time.Second, "inactivité après laquelle la borne efface tout et revient à l'accueil")
	f.bool(&allowQuit, "allow-quit", "laisse q / ctrl+c à l'accueil quitter la borne")
	f.str(&terminal, "terminal", "NOM", "", "nom de ce terminal, pour les limites d'essais et l'audit (défaut : hôte/tty)")
	f.domainOptions()
	f.linkOptions()
	f.logOption("entkiosk.log à côté de la base")
	if err := f.parseNoArgs(args, stdout); err != nil {
		return helpOK(err)
	}
	if err := checkLang(name, lang); err != nil {
		return err
	}
	// Until Bubble Tea takes the terminal (opening the store, loading the
	// demo), ctrl+c or ctrl+\ typed on the keyboard would still raise
	// signals: raw mode from the start, so only an operator stops a kiosk.
	if fd := os.Stdin.Fd(); !allowQuit && term.IsTerminal(fd) {
		if state, err := term.MakeRaw(fd); err == nil {
			defer term.Restore(fd, state)
		}
	}
	logger, store, stop, err := f.start(ctx, stderr, filepath.Join(filepath.Dir(f.db), "entkiosk.log"))
	if err != nil {
		return err
	}
	defer stop()
	client := terminal
	if client == "" {
		client = kioskName()
	}
	logger.Info("kiosk start", "store", f.db, "terminal", client, "demo", f.demo)
	return tui.RunKiosk(ctx, tui.Options{Store: store, Lang: screens.ParseLang(lang), Kiosk: true, Demo: f.demo,
		Client: "kiosk:" + client, IdleTimeout: idle, AllowQuit: allowQuit, Logger: logger.WithPrefix("tui")})
}

// kioskName is host/tty: each terminal of a kiosk counts on its own.
func kioskName() string {
	host, _ := os.Hostname()
	tty, err := os.Readlink("/proc/self/fd/0")
	if err != nil {
		tty = "console"
	}
	return host + strings.TrimPrefix(tty, "/dev")
}

// ---- import

func cmdImport(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name, "[options] FICHIER.csv", "importe l'export des inscriptions : "+
		"crée les comptes et leurs mails d'activation, met à jour les personnes et les inscriptions. "+
		"Le bilan compte les lignes (créée : une personne ou une inscription nouvelle ; mise à jour ; "+
		"inchangée ; refusée, avec son numéro et la raison) puis les comptes créés. "+
		"Code de sortie 1 si une ligne est refusée (les autres sont enregistrées).")
	f.storeOptions(true)
	f.domainOptions()
	f.linkOptions()
	f.langOption()
	pos, err := f.parse(args, stdout)
	if err != nil {
		return helpOK(err)
	}
	if err := checkLang(name, f.langName); err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"import : un fichier attendu (entkiosk import FICHIER.csv)"}
	}
	lang := f.lang()
	content, err := readExport(pos[0], lang)
	if err != nil {
		return err
	}
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	report, err := store.Import(ctx, bytes.NewReader(content), data.Origin{Client: "import", Lang: "fr"})
	if report != nil {
		for _, col := range report.Ignored {
			fmt.Fprintln(stdout, screens.Text(lang, "cli.import.ignored", col))
		}
		for _, ident := range report.Accounts {
			fmt.Fprintln(stdout, screens.Text(lang, "cli.import.account", ident))
		}
		for _, r := range report.Refusals {
			fmt.Fprintln(stdout, screens.Text(lang, "cli.import.refusal", r.Error()))
		}
	}
	if err != nil {
		return importFileError(pos[0], lang, err)
	}
	fmt.Fprintln(stdout, importSummary(lang, report))
	if report.Refused > 0 {
		// Exit status 1: a nightly job (cron, systemd) must notice.
		return errors.New(screens.TextN(lang, "cli.import.failed", report.Refused))
	}
	return nil
}

// readExport reads the file to import, or says in lang why it cannot: a
// folder, no such file, no right to read it, empty (Go's own words, "read
// csv: is a directory", never reach the operator).
func readExport(path string, lang screens.Lang) ([]byte, error) {
	text := func(key string, args ...any) error {
		return errors.New(screens.Text(lang, key, append([]any{path}, args...)...))
	}
	content, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, text("cli.import.missing")
	case errors.Is(err, fs.ErrPermission):
		return nil, text("cli.import.denied")
	case errors.Is(err, syscall.EISDIR):
		return nil, text("cli.import.dir")
	case err != nil:
		return nil, text("cli.import.unreadable", osReason(err))
	}
	return content, nil
}

// importFileError says in lang why the store refused the whole file, for
// the refusals it names (FileError.Kind); the others as the store says
// them (in French).
func importFileError(path string, lang screens.Lang, err error) error {
	var fe *data.FileError
	if errors.As(err, &fe) {
		if key, ok := map[data.FileErrorKind]string{data.FileEmpty: "cli.import.empty", data.FileUTF16: "cli.import.utf16",
			data.FileNotUTF8: "cli.import.notutf8", data.FileNoHeader: "cli.import.noheader"}[fe.Kind]; ok {
			return errors.New(screens.Text(lang, key, path))
		}
	}
	return err
}

// importSummary says what each count counts: lines of the file by what
// they did (a created line is a new person or registration), then the
// accounts created (a person's first valid registration).
func importSummary(lang screens.Lang, r *data.ImportReport) string {
	n := func(key string, n int) string { return screens.TextN(lang, "cli.import."+key, n) }
	return screens.Text(lang, "cli.import.summary", n("created", r.Created), n("updated", r.Updated),
		n("unchanged", r.Unchanged), n("refused", r.Refused), len(r.Accounts))
}

// ---- outbox

// mailStatus names an outbox state in French.
var mailStatus = map[string]string{
	data.MailPending: "en attente", data.MailSending: "en cours d'envoi", data.MailSent: "envoyé", data.MailFailed: "en échec",
	data.MailCancelled: "annulé",
}

// cancelWhy says in French why a mail was cancelled.
var cancelWhy = map[string]string{data.CancelUsed: "code déjà utilisé", data.CancelSuperseded: "code remplacé par un plus récent",
	data.CancelFailures: "code annulé après 5 erreurs", data.CancelCorrected: "le mail de secours a changé"}

func cmdOutbox(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name, "[options]", "affiche les mails de la boîte d'envoi, les plus récents d'abord")
	f.storeOptions(false)
	var to, status string
	f.str(&to, "to", "ADRESSE", "", "seulement les mails à cette adresse")
	f.str(&status, "status", "ÉTAT", "", "seulement les mails dans cet état : pending (en attente), "+
		"sending (en cours d'envoi), sent (envoyé), failed (en échec) ou cancelled (annulé : son code ne sert plus)")
	if err := f.parseNoArgs(args, stdout); err != nil {
		return helpOK(err)
	}
	switch status {
	case "", data.MailPending, data.MailSending, data.MailSent, data.MailFailed, data.MailCancelled:
	default:
		return usageError{fmt.Sprintf("outbox : --status %q : pending, sending, sent, failed ou cancelled", status)}
	}
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	mails, err := store.Outbox(ctx, data.OutboxFilter{To: to, Status: status})
	if err != nil {
		return fmt.Errorf("outbox : lecture de la base : %w", err)
	}
	loc := store.Config().Location
	attempts := func(n int) string { return count(n, "tentative", "tentatives") }
	for i, m := range mails {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "À : %s\nObjet : %s\nDate : %s\nÉtat : %s", data.Clean(m.To), m.Subject,
			m.NotBefore.In(loc).Format("02/01/2006 15:04"), mailStatus[m.Status])
		switch {
		case m.Status == data.MailSent:
			fmt.Fprintf(stdout, " le %s (%s)", m.SentAt.In(loc).Format("02/01/2006 à 15:04:05"), attempts(m.Attempts))
		case m.Status == data.MailPending && m.Attempts > 0:
			fmt.Fprintf(stdout, " (%s, prochaine le %s)", attempts(m.Attempts), m.NextTryAt.In(loc).Format("02/01/2006 à 15:04"))
		case m.Status == data.MailFailed:
			fmt.Fprintf(stdout, " (%s)", attempts(m.Attempts))
		case m.Status == data.MailCancelled:
			fmt.Fprintf(stdout, " le %s, jamais envoyé (%s)", m.CancelledAt.In(loc).Format("02/01/2006 à 15:04:05"),
				cmp.Or(cancelWhy[m.CancelWhy], m.CancelWhy))
		}
		fmt.Fprintln(stdout)
		if m.LastError != "" && m.Status != data.MailSent {
			fmt.Fprintf(stdout, "Erreur : %s\n", data.Clean(m.LastError))
		}
		fmt.Fprintf(stdout, "\n%s", m.Body)
		fmt.Fprintln(stdout, strings.Repeat("─", 72))
	}
	if len(mails) == 0 {
		fmt.Fprintln(stdout, "(aucun mail)")
	}
	return nil
}

// ---- audit

func cmdAudit(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name, "[options]", "affiche le journal d'audit, les événements les plus récents d'abord (heures UTC)")
	f.storeOptions(false)
	var ident, since, events string
	var asJSON bool
	var limit int
	f.str(&ident, "identifiant", "X", "", "seulement les événements de cet identifiant (complet, ou sa partie avant @) ou de ce numéro d'étudiant")
	f.str(&since, "since", "DATE", "", "seulement les événements depuis cette date (jj/mm/aaaa ou aaaa-mm-jj, heure de Paris)")
	f.str(&events, "event", "E,E…", "", "seulement ces événements, séparés par des virgules (LOGIN_ERROR,LOCK,…)")
	f.bool(&asJSON, "json", "un objet JSON par ligne (les mots du journal, tels qu'écrits)")
	f.int(&limit, "limit", 1000, "au plus ce nombre d'événements, les plus récents")
	f.langOption()
	if err := f.parseNoArgs(args, stdout); err != nil {
		return helpOK(err)
	}
	if err := checkLang(name, f.langName); err != nil {
		return err
	}
	lang := f.lang()
	if limit < 1 {
		return usageError{fmt.Sprintf("audit : --limit %d : au moins 1", limit)}
	}
	filter := data.AuditFilter{Identifiant: ident, Limit: limit}
	if events != "" {
		known := map[data.Event]bool{}
		var names []string
		for _, e := range data.AuditEvents {
			known[e] = true
			names = append(names, string(e))
		}
		for _, name := range strings.Split(events, ",") {
			e := data.Event(strings.ToUpper(strings.TrimSpace(name)))
			if !known[e] {
				return usageError{fmt.Sprintf("audit : --event %q : événement inconnu (%s)", name, strings.Join(names, ", "))}
			}
			filter.Events = append(filter.Events, e)
		}
	}
	if since != "" {
		t, err := parseDay(name, "since", since, lang)
		if err != nil {
			return err
		}
		filter.Since = t
	}
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	entries, err := store.AuditLog(ctx, filter)
	if err != nil {
		return fmt.Errorf("audit : lecture de la base : %w", err)
	}
	enc := json.NewEncoder(stdout)
	words := screens.NewAuditWords(store, lang) // the helpdesk console's words
	for _, e := range entries {
		if asJSON {
			if err := enc.Encode(map[string]any{"id": e.ID, "at": e.At.UTC().Format(time.RFC3339), "event": e.Event,
				"person_id": e.PersonID, "identifiant": e.Identifiant, "client": e.Client, "outcome": e.Outcome,
				"actor": e.Actor, "detail": e.Detail}); err != nil {
				return err
			}
			continue
		}
		// The event's code stays (it is what --event takes); the outcome,
		// the actor and the detail are said in words.
		fmt.Fprintf(stdout, "%s  %-20s %-40s %-24s %s", e.At.UTC().Format(time.RFC3339), e.Event,
			data.Clean(e.Identifiant), data.Clean(e.Client), words.Outcome(e))
		if e.Actor != "" {
			fmt.Fprintf(stdout, "  %s", words.By(e.Actor))
		}
		if d := words.Detail(e); d != "" {
			fmt.Fprintf(stdout, "  (%s)", d)
		}
		fmt.Fprintln(stdout)
	}
	switch {
	case len(entries) == 0 && !asJSON:
		fmt.Fprintln(stdout, screens.Text(lang, "cli.audit.none"))
	case len(entries) == limit:
		fmt.Fprintln(stderr, limitNote(lang, limit))
	}
	return nil
}

// limitNote says that the audit printed only the newest limit events.
func limitNote(lang screens.Lang, limit int) string {
	if limit == 1 {
		return screens.Text(lang, "cli.audit.limit.one")
	}
	return screens.Text(lang, "cli.audit.limit.other", limit)
}

// dayFormats are the dates the options take: jj/mm/aaaa and aaaa-mm-jj.
var dayFormats = []*regexp.Regexp{
	regexp.MustCompile(`^(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})$`),
	regexp.MustCompile(`^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$`),
}

// parseDay reads a date option (--since) as the start of that day in
// Paris. A date of the right shape that is not in the calendar (31/02,
// 12/13) is said as such: a usage error, exit status 2.
func parseDay(cmd, option, v string, lang screens.Lang) (time.Time, error) {
	for _, re := range dayFormats {
		m := re.FindStringSubmatch(strings.TrimSpace(v))
		if m == nil {
			continue
		}
		num := func(name string) int { n, _ := strconv.Atoi(m[re.SubexpIndex(name)]); return n }
		y, mo, d := num("y"), num("m"), num("d")
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, data.ParisLocation())
		if mo < 1 || mo > 12 || d < 1 || t.Day() != d {
			return time.Time{}, usageError{screens.Text(lang, "cli.date.none", cmd, option, strings.TrimSpace(v))}
		}
		return t, nil
	}
	return time.Time{}, usageError{screens.Text(lang, "cli.date.bad", cmd, option, v)}
}

// ---- serve

func cmdServe(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name, "[--link-host HÔTE] [--link-port N] [options]",
		"l'interface par SSH, pour les étudiants chez eux, l'assistance et les bornes légères. "+
			"Les mails de code portent un lien ssh://…@HÔTE:PORT vers ce serveur quand --link-host donne "+
			"son nom public (et --link-port son port, s'il n'est pas 2222)")
	f.storeOptions(true)
	var listen, hostKey, lang, memLimit, smtpURL, from string
	var maxSessions, perAddress int
	var idle, maxTime time.Duration
	f.demoOption()
	f.str(&listen, "listen", "HÔTE:PORT", "0.0.0.0:2222", "adresse d'écoute")
	f.str(&hostKey, "host-key", "CHEMIN", "", "clé d'hôte SSH, créée au premier démarrage (défaut : entkiosk_host_ed25519 à côté de la base)")
	f.str(&lang, "lang", "fr|en", "fr", "langue de départ de chaque session : fr ou en")
	f.int(&maxSessions, "max-sessions", tui.DefaultMaxSessions, "connexions au total (les suivantes refusées avant la négociation SSH)")
	f.int(&perAddress, "max-sessions-per-address", tui.DefaultMaxSessionsPerAddress, "connexions par adresse source")
	f.duration(&idle, "idle-timeout", tui.DefaultIdleTimeout, "inactivité après laquelle une session personnelle est fermée (utilisateur kiosk : effacée)")
	f.duration(&maxTime, "max-session-time", tui.DefaultMaxSessionTime, "durée maximale d'une session (utilisateur kiosk : à son retour à l'accueil)")
	f.str(&memLimit, "memory-limit", "TAILLE", "256MiB", "limite de mémoire souple : au-delà, le ramasse-miettes travaille davantage (0 : aucune ; GOMEMLIMIT l'emporte)")
	f.str(&smtpURL, "smtp", "URL", "", "envoie les mails par ce relais (smtp://utilisateur:motdepasse@hôte:587, smtps://…) ; sans lui ils restent dans la boîte d'envoi")
	f.str(&from, "from", "ADRESSE", defaultFrom, "expéditeur des mails")
	f.domainOptions()
	f.linkOptions()
	f.logOption("la sortie d'erreur")
	if err := f.parseNoArgs(args, stdout); err != nil {
		return helpOK(err)
	}
	if err := checkLang(name, lang); err != nil {
		return err
	}
	if err := checkListen(listen); err != nil {
		return err
	}
	limit, err := parseBytes(memLimit)
	if err != nil {
		return usageError{fmt.Sprintf("serve : --memory-limit %q : une taille comme 256MiB ou 1GiB", memLimit)}
	}
	if limit > 0 && os.Getenv("GOMEMLIMIT") == "" {
		// A burst of logins leaves argon2's 19 MiB blocks behind: without a
		// limit the heap doubles before they are collected.
		debug.SetMemoryLimit(limit)
	}
	var mailCfg data.SMTPConfig
	if smtpURL != "" {
		if mailCfg, err = data.ParseSMTP(smtpURL, from); err != nil {
			return usageError{name + " : " + smtpError(err)}
		}
	}
	logger, store, stop, err := f.start(ctx, stderr, "")
	if err != nil {
		return err
	}
	defer stop()
	log.SetDefault(logger) // wish's Bubble Tea middleware logs through it
	if hostKey == "" {
		hostKey = filepath.Join(filepath.Dir(f.db), "entkiosk_host_ed25519")
	}
	if smtpURL != "" {
		// The mailer stops with the server, after recording the mail in hand.
		mailCtx, stopMailer := context.WithCancel(ctx)
		mailerDone := make(chan struct{})
		go func() {
			defer close(mailerDone)
			store.RunMailer(mailCtx, mailCfg, logger.WithPrefix("mail"))
		}()
		defer func() { stopMailer(); <-mailerDone }()
	} else {
		logger.Info("no --smtp: mails stay in the outbox (entkiosk outbox)")
	}
	err = tui.Serve(ctx, tui.ServeOptions{Store: store, Listen: listen, HostKeyPath: hostKey, Demo: f.demo,
		Lang: screens.ParseLang(lang), MaxSessions: maxSessions, MaxSessionsPerAddress: perAddress,
		IdleTimeout: idle, MaxSessionTime: maxTime, Logger: logger})
	if msg, ok := listenError(listen, err); ok {
		return errors.New(msg)
	}
	if err != nil {
		return fmt.Errorf("serveur SSH : %w", err)
	}
	return nil
}

// checkListen refuses a --listen that is not HOST:PORT before anything
// starts.
func checkListen(listen string) error {
	_, port, err := net.SplitHostPort(listen)
	if n, perr := strconv.Atoi(port); err != nil || perr != nil || n < 0 || n > 65535 {
		return usageError{fmt.Sprintf("serve : --listen %q : une adresse HÔTE:PORT attendue, comme 0.0.0.0:2222", listen)}
	}
	return nil
}

// listenError says in one French sentence why the server could not listen
// on addr, for the common cases: the port taken, a port below 1024 without
// the right, an address that is not this machine's, an unknown host.
func listenError(addr string, err error) (string, bool) {
	var op *net.OpError
	if !errors.As(err, &op) || op.Op != "listen" {
		return "", false
	}
	why := ""
	var dns *net.DNSError
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		why = "ce port est déjà pris par un autre programme (un autre entkiosk serve ?) ; choisissez-en un autre avec --listen"
	case errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM):
		why = "les ports inférieurs à 1024 demandent les droits d'administrateur ; prenez un port à partir de 1024 avec --listen (2222 par défaut)"
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		why = "cette adresse n'est pas celle de cette machine ; donnez avec --listen l'adresse d'une de ses interfaces, ou 0.0.0.0 pour toutes"
	case errors.As(err, &dns):
		why = "cet hôte est inconnu ; donnez avec --listen une adresse IP, ou 0.0.0.0 pour toutes les interfaces"
	default:
		return "", false
	}
	return fmt.Sprintf("le serveur SSH ne peut pas écouter sur %s : %s", addr, why), true
}

// parseBytes reads a size as GOMEMLIMIT does: 256MiB, 1GiB, 500000000.
func parseBytes(s string) (int64, error) {
	units := []struct {
		suffix string
		factor int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40}, {"B", 1}}
	factor := int64(1)
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			s, factor = strings.TrimSuffix(s, u.suffix), u.factor
			break
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n < 0 {
		return 0, errors.New("une taille comme 256MiB ou 1GiB")
	}
	return n * factor, nil
}

// ---- mail

// smtpFrench says data.ParseSMTP's refusals in French (they never repeat
// the password; neither does this).
var smtpFrench = []struct {
	re *regexp.Regexp
	fr string
}{
	{regexp.MustCompile(`^--smtp: not a URL`), "--smtp : ce n'est pas une URL (smtp://utilisateur:motdepasse@hôte:587 ou smtps://hôte:465 ; caractères spéciaux encodés en %XX)"},
	{regexp.MustCompile(`^--smtp: scheme (".*"): `), "--smtp : schéma $1 : smtp:// ou smtps://"},
	{regexp.MustCompile(`^--smtp: no host`), "--smtp : aucun hôte (smtp://hôte:587)"},
	{regexp.MustCompile(`^--smtp: a password without a user name`), "--smtp : un mot de passe sans nom d'utilisateur"},
	{regexp.MustCompile(`^--smtp: port (".*")`), "--smtp : port $1 invalide"},
	{regexp.MustCompile(`^--smtp: nothing may follow`), "--smtp : rien ne peut suivre l'hôte et le port, sauf ?starttls="},
	{regexp.MustCompile(`^--smtp: unknown option (".*") `), "--smtp : option $1 inconnue (seulement starttls=opportunistic|required|off)"},
	{regexp.MustCompile(`^--smtp: starttls= does not apply`), "--smtp : starttls= ne s'applique pas à smtps:// (TLS dès le début)"},
	{regexp.MustCompile(`^--smtp: starttls=(".*"): `), "--smtp : starttls=$1 : opportunistic, required ou off"},
	{regexp.MustCompile(`^--from (".*"): not an address`), "--from $1 : ce n'est pas une adresse (Nom <adresse@domaine>)"},
}

func smtpError(err error) string {
	msg := err.Error()
	for _, t := range smtpFrench {
		if loc := t.re.FindStringSubmatchIndex(msg); loc != nil {
			return string(t.re.ExpandString(nil, t.fr, msg, loc))
		}
	}
	return "--smtp : adresse du relais refusée (" + msg + ")"
}

func cmdMail(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name, "--smtp URL [options]", "envoie les mails en attente par un relais SMTP "+
		"(un passage ; code de sortie 1 si le relais est inutilisable)")
	f.storeOptions(false)
	var smtpURL, from string
	var watch bool
	f.str(&smtpURL, "smtp", "URL", "", "le relais SMTP (smtp://utilisateur:motdepasse@hôte:587, smtps://hôte:465, ?starttls=required|off) ; obligatoire")
	f.str(&from, "from", "ADRESSE", defaultFrom, "expéditeur des mails")
	f.bool(&watch, "watch", "continue d'envoyer les nouveaux mails, jusqu'à l'arrêt")
	f.logOption("la sortie d'erreur")
	if err := f.parseNoArgs(args, stdout); err != nil {
		return helpOK(err)
	}
	if smtpURL == "" {
		return usageError{"mail : --smtp URL est obligatoire (ou ENTKIOSK_SMTP)"}
	}
	cfg, err := data.ParseSMTP(smtpURL, from)
	if err != nil {
		return usageError{name + " : " + smtpError(err)}
	}
	logger, store, stop, err := f.start(ctx, stderr, "")
	if err != nil {
		return err
	}
	defer stop()
	if watch {
		return mailError(store.RunMailer(ctx, cfg, logger.WithPrefix("mail")))
	}
	report, err := store.DeliverDue(ctx, cfg, logger.WithPrefix("mail"))
	fmt.Fprintf(stdout, "mails : %s, %d à réessayer, %d en échec définitif\n",
		count(report.Sent, "envoyé", "envoyés"), report.Retry, report.Failed)
	return mailError(err)
}

func mailError(err error) error {
	var re *data.RelayError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &re):
		return fmt.Errorf("mail : relais %s inutilisable, les mails restent en attente : %v", re.Relay, re.Err)
	}
	return fmt.Errorf("mail : envoi interrompu : %w", err)
}

// defaultFrom is the sender of every mail unless --from says otherwise.
const defaultFrom = "ENT Université de Montpellier <ne-pas-repondre@umontpellier.fr>"

// ---- export aliases

func cmdExport(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name+" aliases", "[options]", "écrit la table d'alias virtuels de Postfix : les redirections choisies par les titulaires")
	f.storeOptions(false)
	var out string
	f.str(&out, "out", "FICHIER", "", "écrit la table dans ce fichier, de façon atomique (défaut : la sortie standard)")
	pos, err := f.parse(args, stdout)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) != 1 || pos[0] != "aliases" {
		return usageError{"export : quoi exporter ? entkiosk export aliases [--out FICHIER]"}
	}
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	var report data.AliasReport
	if out == "" {
		report, err = store.WriteAliases(ctx, stdout)
	} else {
		report, err = store.ExportAliases(ctx, out)
	}
	for _, ident := range report.Skipped {
		fmt.Fprintf(stderr, "ignorée : %s (adresse impropre à la table Postfix)\n", ident)
	}
	if err != nil {
		where := "la sortie standard"
		if out != "" {
			where = out
		}
		return fmt.Errorf("export aliases : écriture de %s impossible : %s", where, osReason(err))
	}
	if out == "" {
		return nil
	}
	// The summary on stdout, problems on stderr: a cron job keeps only the latter.
	redirections := count(report.Redirections, "redirection", "redirections")
	if report.Unchanged {
		fmt.Fprintf(stdout, "%s inchangé (%s)\n", out, redirections)
	} else {
		fmt.Fprintf(stdout, "%s %s dans %s\n", redirections, map[bool]string{true: "écrite", false: "écrites"}[report.Redirections < 2], out)
	}
	return nil
}

// ---- grant, revoke

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

// ---- backup

func cmdBackup(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name, "[options] DESTINATION", "copie la base à chaud (les bornes et le serveur continuent), "+
		"vérifiée, mode 0600 ; n'écrase jamais un fichier")
	f.storeOptions(false)
	pos, err := f.parse(args, stdout)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) != 1 || pos[0] == "" {
		return usageError{"backup : un fichier de destination attendu (entkiosk backup DESTINATION)"}
	}
	dest := pos[0]
	if err := backupDest(dest); err != nil {
		return err
	}
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	if err := store.Backup(ctx, dest); err != nil {
		if _, statErr := os.Lstat(dest); statErr == nil {
			return backupExists(dest) // it appeared meanwhile
		}
		return fmt.Errorf("sauvegarde impossible, aucune copie écrite : %v", err)
	}
	size := int64(0)
	if st, err := os.Stat(dest); err == nil {
		size = st.Size()
	}
	fmt.Fprintf(stdout, "sauvegarde écrite : %s (%s Mo en %s, integrity_check ok, mode 0600)\n", dest,
		strings.Replace(strconv.FormatFloat(float64(size)/1e6, 'f', 1, 64), ".", ",", 1),
		strings.Replace(time.Since(start).Round(time.Millisecond).String(), ".", ",", 1))
	return nil
}

// backupDest refuses, in French, what data.Backup refuses in English: an
// existing file, a missing folder.
func backupDest(dest string) error {
	if _, err := os.Lstat(dest); err == nil {
		return backupExists(dest)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("sauvegarde : %s : %s", dest, osReason(err))
	}
	dir := filepath.Dir(dest)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("sauvegarde : le dossier %s n'existe pas", dir)
	}
	return nil
}

func backupExists(dest string) error {
	return fmt.Errorf("sauvegarde : %s existe déjà et n'est pas écrasé (donnez un autre nom, ou supprimez-le d'abord)", dest)
}
