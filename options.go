package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/log"

	"entkiosk/data"
	"entkiosk/data/institution"
	"entkiosk/data/text"
	"entkiosk/data/wrap"
)

// option is one --name of a command; its ENTKIOSK_<NAME> variable, when
// set, gives its value before the command line is read.
type option struct {
	name   string
	arg    string // what the value is ("CHEMIN"); empty for a switch
	help   string
	def    string // the default, for the help ("" when there is none to show)
	want   string // what a value must look like, for the error
	isBool bool
	noEnv  bool // read from the command line only (see cmdLineStr)
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
	readOnly                                          bool   // openToRead: audit, outbox
	demoLater                                         bool   // start leaves the demo to the caller (the kiosk: after its first frame)
	storeLater                                        bool   // start leaves SQLite's own opening of the store to the caller, through storeReady (the kiosk: after its first frame)
	langName                                          string // --lang, for the commands that speak both languages
	linkURL                                           string // --link-url: the web page, for the mails' links
	institutionPath                                   string // --institution
	dbPasswordFile                                    string // --db-password-file: a PostgreSQL store's password
	inst                                              *institution.Institution
	storeReady                                        func() error

	dir directoryFlags // --ldap… (options_directory.go)
}

func envName(flagName string) string {
	return "ENTKIOSK_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

func newFlags(cmd, args, about string) *flags {
	return &flags{cmd: cmd, args: args, about: about}
}

func (f *flags) add(o *option) {
	f.opts = append(f.opts, o)
	if o.noEnv {
		return
	}
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

// cmdLineStr is a text option read from the command line only, no
// ENTKIOSK_ variable: migrate-store's --from would otherwise read
// ENTKIOSK_FROM, the mails' sender in the deployments' environment files.
func (f *flags) cmdLineStr(p *string, name, arg, help string) {
	f.add(&option{name: name, arg: arg, help: help, noEnv: true, set: func(v string) error { *p = v; return nil }})
}

func (f *flags) int(p *int, name string, def int, help string) {
	*p = def
	f.add(&option{name: name, arg: "N", help: help, def: strconv.Itoa(def), want: say("cli.value.int"),
		set: func(v string) error {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err == nil {
				*p = n
			}
			return err
		}})
}

// intIn is int for a value that must lie between lo and hi.
func (f *flags) intIn(p *int, name string, def, lo, hi int, help string) {
	*p = def
	f.add(&option{name: name, arg: "N", help: help, def: strconv.Itoa(def), want: fmt.Sprintf(say("cli.value.intin"), lo, hi),
		set: func(v string) error {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err == nil && (n < lo || n > hi) {
				err = errors.New("out of range")
			}
			if err == nil {
				*p = n
			}
			return err
		}})
}

// smtpConnections is --smtp-connections: the senders at once, each with
// its own connection to the relay (data.SMTPConfig.Connections).
func (f *flags) smtpConnections(p *int) {
	f.intIn(p, "smtp-connections", defaultSMTPConnections, 1, 16, say("cli.flag.smtpconnections"))
}

// defaultSMTPConnections: a relay takes tens of milliseconds a mail; four
// connections send the morning's backlog four times as fast, and any
// relay accepts that many from one client.
const defaultSMTPConnections = 4

func (f *flags) duration(p *time.Duration, name string, def time.Duration, help string) {
	*p = def
	f.add(&option{name: name, arg: "DURÉE", help: help, def: fmtDuration(def),
		want: say("cli.value.duration"),
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

// langOpt is --lang: fr or en, refused like any other bad value; an empty
// ENTKIOSK_LANG is no value (the default), as for numbers and switches.
func (f *flags) langOpt(p *string, help string) {
	*p = "fr"
	f.add(&option{name: "lang", arg: "fr|en", help: help, def: "fr", want: say("cli.value.lang"),
		set: func(v string) error {
			if v = strings.TrimSpace(v); v != "fr" && v != "en" {
				return errors.New("not a language")
			}
			*p = v
			return nil
		}})
}

func (f *flags) bool(p *bool, name string, help string) {
	*p = false
	f.add(&option{name: name, help: help, isBool: true, want: say("cli.value.bool"),
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
			return nil, usageError{fmt.Sprintf(say("cli.option.unknown"), f.cmd, name, f.cmd)}
		}
		switch {
		case o.isBool && !hasValue:
			value = "true"
		case !hasValue:
			if i+1 == len(args) {
				return nil, usageError{fmt.Sprintf(say("cli.option.novalue"), f.cmd, name, o.arg)}
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
		err = usageError{fmt.Sprintf(say("cli.argument.unexpected"), f.cmd, pos[0], f.cmd)}
	}
	return err
}

func (f *flags) printHelp(w io.Writer) {
	fmt.Fprintf(w, say("cli.command.usage"), fill("entkiosk "+f.cmd+" — "+f.about, ""), f.cmd, f.args)
	if len(f.opts) == 0 {
		return
	}
	fmt.Fprint(w, say("cli.command.options"))
	for _, o := range f.opts {
		fmt.Fprintf(w, "  --%s", o.name)
		if o.arg != "" {
			fmt.Fprintf(w, " %s", o.arg)
		}
		fmt.Fprintf(w, "\n%s\n", fill(o.help, "        "))
		if o.noEnv {
			fmt.Fprintln(w, say("cli.option.cmdline"))
			continue
		}
		last := "        " + envName(o.name)
		if o.def != "" {
			last = say("cli.option.default") + o.def + " · " + envName(o.name)
			if utf8.RuneCountInString(last) > 80 {
				last = say("cli.option.default") + o.def + "\n        " + envName(o.name)
			}
		}
		fmt.Fprintln(w, last)
	}
}

// fill wraps text to 80 columns, each line after indent.
func fill(text, indent string) string { return strings.Join(wrap.Hang(indent, text, 80), "\n") }

// The store's options. Only the commands that start the service or import
// may create the store; the others refuse a path where none is.
func (f *flags) storeOptions(create bool) {
	f.mustExist = !create
	help := say("cli.flag.db")
	if create {
		help += say("cli.flag.db.created")
	} else {
		help += say("cli.flag.db.mustexist")
	}
	help += say("cli.flag.db.postgres")
	f.str(&f.db, "db", "CHEMIN", "entkiosk.db", help)
	f.str(&f.dbPasswordFile, "db-password-file", "FICHIER", "", say("cli.flag.db-password-file"))
}

// domainOptions: the identifiants' domains, for the commands that create
// accounts or find one by its identifiant; the institution file gives them
// too (these options win).
func (f *flags) domainOptions() {
	f.institutionOption()
	f.str(&f.studentDomain, "student-domain", "DOMAINE", "", say("cli.flag.studentdomain"))
	f.str(&f.staffDomain, "staff-domain", "DOMAINE", "", say("cli.flag.staffdomain"))
}

// institutionOption: the institution's file, for the commands that show or
// write words (its name, its contacts, its charter).
func (f *flags) institutionOption() {
	f.str(&f.institutionPath, "institution", "FICHIER", "", say("cli.flag.institution"))
}

// institution is the institution the command works for: its file, or the
// demonstration one under --demo, or none (nothing made up). A mistake in
// the file is a mistake on the command line (exit status 2).
func (f *flags) institution() (*institution.Institution, error) {
	if f.inst != nil {
		return f.inst, nil
	}
	switch {
	case f.institutionPath != "":
		in, err := institution.Load(f.institutionPath)
		if err != nil {
			return nil, usageError{f.cmd + " : " + err.Error()}
		}
		f.inst = in
	case f.demo:
		f.inst = institution.Demo()
	default:
		f.inst = institution.None()
	}
	return f.inst, nil
}

// mailFrom is the mails' sender: --from, or the institution file's.
func (f *flags) mailFrom(from string) (string, error) {
	if from != "" {
		return from, nil
	}
	in, err := f.institution()
	if err != nil {
		return "", err
	}
	if in.MailFrom == "" {
		return "", usageError{f.cmd + say("cli.from.unknown") +
			say("cli.from.unknown.end")}
	}
	return in.MailFrom, nil
}

// linkOptions: the ssh:// link of the code mails, for the commands that write them.
func (f *flags) linkOptions() {
	f.str(&f.linkHost, "link-host", "HÔTE", "", say("cli.flag.linkhost"))
	f.int(&f.linkPort, "link-port", 0, say("cli.flag.linkport"))
	f.add(&option{name: "link-url", arg: "URL", want: say("cli.linkurl.bad"),
		help: say("cli.flag.linkurl"),
		set: func(v string) error {
			u, err := url.Parse(v)
			if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
				return errors.New("not a page address")
			}
			f.linkURL = v
			return nil
		}})
}

// langOption: --lang, for the commands whose messages come from the
// catalogue (import, audit); checkLang checks it after parse.
func (f *flags) langOption() {
	f.langOpt(&f.langName, text.Plain(text.French, "cli.lang.help"))
}

// lang is the language --lang chose.
func (f *flags) lang() text.Lang { return text.ParseLang(f.langName) }

// demoOption: the demonstration people, for the commands that run the interface.
func (f *flags) demoOption() {
	f.bool(&f.demo, "demo", say("cli.flag.demo"))
}

func (f *flags) logOption(where string) {
	f.str(&f.logPath, "log", "FICHIER", "", say("cli.flag.log")+where+")")
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
			return nil, nil, fmt.Errorf(say("cli.log.failed"), path, osReason(err))
		}
		w, done = file, func() { file.Close() }
	}
	l := log.NewWithOptions(w, log.Options{ReportTimestamp: true, TimeFormat: time.RFC3339})
	return l, done, nil
}

// open opens the store with the command's settings.
func (f *flags) open() (*data.Store, error) {
	s, ready, err := f.openLater()
	if err != nil {
		return nil, err
	}
	if err := ready(); err != nil {
		return nil, f.storeError(err)
	}
	return s, nil
}

// openLater is open in two steps (data.OpenLater): ready's error is to be
// told with storeError.
func (f *flags) openLater() (*data.Store, func() error, error) {
	in, err := f.institution()
	if err != nil {
		return nil, nil, err
	}
	cfg := data.Config{LinkHost: f.linkHost, LinkPort: cmp.Or(f.linkPort, in.SSHPort, 2222), StudentDomain: f.studentDomain,
		StaffDomain: f.staffDomain, MustExist: f.mustExist, ReadOnly: f.readOnly, Institution: in, LinkURL: f.linkURL}
	if f.dir.handle == nil {
		if _, err := f.openDirectory(nil); err != nil {
			return nil, nil, err
		}
	}
	if f.dir.handle != nil { // never a nil *Directory in the interface
		cfg.Directory = f.dir.handle
	}
	if f.dbPasswordFile != "" {
		if !data.IsPostgresURL(f.db) {
			return nil, nil, usageError{fmt.Sprintf(say("cli.db-password-file.sqlite"), f.cmd)}
		}
		if cfg.DBPassword, err = data.ReadPasswordFile(f.dbPasswordFile); err != nil {
			return nil, nil, err
		}
	}
	s, ready, err := data.OpenLater(f.db, cfg)
	return s, ready, f.storeError(err)
}

// storeError tells a store that was never made (--must-exist) as such.
func (f *flags) storeError(err error) error {
	var missing *data.MissingStoreError
	if errors.As(err, &missing) {
		return fmt.Errorf(say("cli.db.notcreated"), err)
	}
	return err
}

// openToRead opens the store only to read it (a backup on read-only media,
// a file of mode 0444): no write, no migration. A store every local user
// can read is read all the same, with a warning on stderr.
func (f *flags) openToRead(stderr io.Writer) (*data.Store, error) {
	f.readOnly = true
	s, err := f.open()
	var wr *data.WorldReadableError
	if err == nil && errors.As(s.Warning(), &wr) {
		fmt.Fprintln(stderr, "entkiosk :", wr.ReadOnlyWarning())
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
	if _, err := f.openDirectory(logger); err != nil {
		closeLog()
		return nil, nil, nil, err
	}
	if f.storeLater {
		var ready func() error
		if store, ready, err = f.openLater(); err != nil {
			closeLog()
			return nil, nil, nil, err
		}
		f.storeReady = func() error { return f.storeError(ready()) }
	} else if store, err = f.open(); err != nil {
		closeLog()
		return nil, nil, nil, err
	}
	stop = func() { store.Close(); closeLog() }
	if f.demo && !f.demoLater {
		if _, err := store.LoadDemo(ctx); err != nil {
			stop()
			return nil, nil, nil, fmt.Errorf(say("cli.demo.failed"), err)
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
		return say("cli.os.notexist")
	case errors.Is(err, fs.ErrPermission):
		return say("cli.os.permission")
	case errors.Is(err, syscall.ENOSPC):
		return say("cli.os.nospace")
	case errors.Is(err, syscall.EROFS):
		return say("cli.os.readonly")
	case errors.Is(err, syscall.EISDIR):
		return say("cli.os.isdir")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
