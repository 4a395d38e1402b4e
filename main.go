// Command entkiosk is the Université de Montpellier account self-service
// ("ENT — compte informatique") as a terminal application: on a campus
// kiosk's own terminal, over SSH, and the operator's commands around them.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/x/term"

	"entkiosk/data"
	"entkiosk/screens"
	"entkiosk/tui"
)

const usage = `entkiosk — ENT compte informatique, Université de Montpellier

Usage:
  entkiosk kiosk  [--db PATH] [--demo] [--lang fr|en]
  entkiosk serve  [--db PATH] [--demo] [--listen HOST:PORT] [--host-key PATH] [--lang fr|en]
  entkiosk import [--db PATH] FILE.csv
  entkiosk outbox [--db PATH] [--to ADDRESS] [--status failed]
  entkiosk mail   [--db PATH] --smtp URL [--from ADDRESS] [--watch]
  entkiosk export aliases [--db PATH] [--out FILE]
  entkiosk grant|revoke [--db PATH] helpdesk IDENTIFIANT
  entkiosk backup [--db PATH] DEST
  entkiosk audit  [--db PATH] [--identifiant X] [--since DATE] [--event E] [--json]

Every flag also reads ENTKIOSK_<FLAG> (ENTKIOSK_DB, ENTKIOSK_LISTEN, ...).
"entkiosk COMMAND -h" lists a command's flags.
`

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "entkiosk:", err)
		var ue usageError
		if errors.As(err, &ue) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// usageError is a mistake on the command line (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(stdout, usage)
		return nil
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "kiosk":
		return cmdKiosk(ctx, rest, stderr)
	case "serve":
		return cmdServe(ctx, rest, stderr)
	case "import":
		return cmdImport(ctx, rest, stdout, stderr)
	case "outbox":
		return cmdOutbox(ctx, rest, stdout, stderr)
	case "mail":
		return cmdMail(ctx, rest, stdout, stderr)
	case "export":
		return cmdExport(ctx, rest, stdout, stderr)
	case "grant", "revoke":
		return cmdRole(ctx, cmd, rest, stdout, stderr)
	case "backup":
		return cmdBackup(ctx, rest, stdout, stderr)
	case "audit":
		return cmdAudit(ctx, rest, stdout, stderr)
	}
	return usageError{fmt.Sprintf("unknown command %q (entkiosk help)", cmd)}
}

// flags is a command's flag set where every flag defaults to its
// ENTKIOSK_<FLAG> environment variable.
type flags struct {
	fs *flag.FlagSet
	// store settings shared by every command that opens the store
	db, linkHost, studentDomain, staffDomain, logPath *string
	linkPort                                          *int
}

func envName(flagName string) string {
	return "ENTKIOSK_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

func newFlags(name string, stderr io.Writer) *flags {
	fs := flag.NewFlagSet("entkiosk "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	f := &flags{fs: fs}
	f.db = f.str("db", "entkiosk.db", "the SQLite store shared by every instance")
	f.linkHost = f.str("link-host", "", "host of the ssh:// links in mails (empty: no link line)")
	f.linkPort = f.int("link-port", 2222, "port of the ssh:// links in mails")
	f.studentDomain = f.str("student-domain", "etu.umontpellier.fr", "domain of student identifiants")
	f.staffDomain = f.str("staff-domain", "umontpellier.fr", "domain of staff identifiants")
	f.logPath = f.str("log", "", "log file (default: stderr; for kiosk, entkiosk.log beside the store)")
	return f
}

func (f *flags) str(name, def, help string) *string {
	if v, ok := os.LookupEnv(envName(name)); ok {
		def = v
	}
	return f.fs.String(name, def, help+" ["+envName(name)+"]")
}

func (f *flags) int(name string, def int, help string) *int {
	if v, ok := os.LookupEnv(envName(name)); ok {
		if n, err := strconv.Atoi(v); err == nil {
			def = n
		}
	}
	return f.fs.Int(name, def, help+" ["+envName(name)+"]")
}

func (f *flags) duration(name string, def time.Duration, help string) *time.Duration {
	if v, ok := os.LookupEnv(envName(name)); ok {
		if d, err := time.ParseDuration(v); err == nil {
			def = d
		}
	}
	return f.fs.Duration(name, def, help+" ["+envName(name)+"]")
}

func (f *flags) bool(name string, def bool, help string) *bool {
	if v, ok := os.LookupEnv(envName(name)); ok {
		if b, err := strconv.ParseBool(v); err == nil {
			def = b
		}
	}
	return f.fs.Bool(name, def, help+" ["+envName(name)+"]")
}

// parse reads args; flags may come before or after the positional arguments.
func (f *flags) parse(args []string) ([]string, error) {
	var positional []string
	for {
		if err := f.fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, flag.ErrHelp
			}
			return nil, usageError{err.Error()}
		}
		args = f.fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// logger writes to the --log file, or to stderr.
func (f *flags) logger(stderr io.Writer, defaultFile string) (*log.Logger, func(), error) {
	path := *f.logPath
	if path == "" {
		path = defaultFile
	}
	w, done := stderr, func() {}
	if path != "" {
		file, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
		if err != nil {
			return nil, nil, fmt.Errorf("log file: %w", err)
		}
		w, done = file, func() { file.Close() }
	}
	l := log.NewWithOptions(w, log.Options{ReportTimestamp: true, TimeFormat: time.RFC3339})
	return l, done, nil
}

// open opens the store with the shared settings.
func (f *flags) open() (*data.Store, error) {
	return data.Open(*f.db, data.Config{LinkHost: *f.linkHost, LinkPort: *f.linkPort,
		StudentDomain: *f.studentDomain, StaffDomain: *f.staffDomain})
}

func cmdKiosk(ctx context.Context, args []string, stderr io.Writer) error {
	f := newFlags("kiosk", stderr)
	demo := f.bool("demo", false, "load the demo people (idempotent), show the DÉMO badge and mailbox key")
	lang := f.str("lang", "fr", "language of the interface: fr or en")
	idle := f.duration("idle", 120*time.Second, "inactivity before the kiosk wipes and returns home")
	allowQuit := f.bool("allow-quit", false, "let q / ctrl+c at home leave the kiosk")
	terminal := f.str("terminal", "", "name of this kiosk terminal, for throttling and audit (default: host/tty)")
	if _, err := f.parse(args); err != nil {
		return helpOK(err)
	}
	if *lang != "fr" && *lang != "en" {
		return usageError{fmt.Sprintf("--lang %q: fr or en", *lang)}
	}
	// Until Bubble Tea takes the terminal (opening the store, loading the
	// demo), ctrl+c or ctrl+\ typed on the keyboard would still raise
	// signals: raw mode from the start, so only an operator stops a kiosk.
	if fd := os.Stdin.Fd(); !*allowQuit && term.IsTerminal(fd) {
		if state, err := term.MakeRaw(fd); err == nil {
			defer term.Restore(fd, state)
		}
	}
	logger, done, err := f.logger(stderr, filepath.Join(filepath.Dir(*f.db), "entkiosk.log"))
	if err != nil {
		return err
	}
	defer done()
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	if *demo {
		if _, err := store.LoadDemo(ctx); err != nil {
			return fmt.Errorf("demo data: %w", err)
		}
	}
	client := *terminal
	if client == "" {
		client = kioskName()
	}
	logger.Info("kiosk start", "store", *f.db, "terminal", client, "demo", *demo)
	return tui.RunKiosk(ctx, tui.Options{Store: store, Lang: screens.ParseLang(*lang), Kiosk: true, Demo: *demo,
		Client: "kiosk:" + client, IdleTimeout: *idle, AllowQuit: *allowQuit, Logger: logger.WithPrefix("tui")})
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

func helpOK(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	return err
}

func cmdImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newFlags("import", stderr)
	pos, err := f.parse(args)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) != 1 {
		return usageError{"import: one FILE.csv expected"}
	}
	file, err := os.Open(pos[0])
	if err != nil {
		return err
	}
	defer file.Close()
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	report, err := store.Import(ctx, file, data.Origin{Client: "import", Lang: "fr"})
	if report != nil {
		for _, col := range report.Ignored {
			fmt.Fprintf(stdout, "colonne ignorée : %s\n", col)
		}
		for _, ident := range report.Accounts {
			fmt.Fprintf(stdout, "compte créé : %s\n", ident)
		}
		for _, r := range report.Refusals {
			fmt.Fprintf(stdout, "refusée : %s\n", r.Error())
		}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d créée(s), %d mise(s) à jour, %d inchangée(s), %d refusée(s)\n",
		report.Created, report.Updated, report.Unchanged, report.Refused)
	return nil
}

func cmdOutbox(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newFlags("outbox", stderr)
	to := f.str("to", "", "only the mails to this address")
	status := f.str("status", "", "only the mails in this state: pending, sending, sent or failed")
	if _, err := f.parse(args); err != nil {
		return helpOK(err)
	}
	switch *status {
	case "", data.MailPending, data.MailSending, data.MailSent, data.MailFailed:
	default:
		return usageError{fmt.Sprintf("--status %q: pending, sending, sent or failed", *status)}
	}
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	mails, err := store.Outbox(ctx, data.OutboxFilter{To: *to, Status: *status})
	if err != nil {
		return err
	}
	loc := store.Config().Location
	for i, m := range mails {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "To: %s\nSubject: %s\nDate: %s\nStatus: %s", data.Clean(m.To), m.Subject,
			m.NotBefore.In(loc).Format("02/01/2006 15:04"), m.Status)
		switch {
		case m.Status == data.MailSent:
			fmt.Fprintf(stdout, " (%s, %d tentative(s))", m.SentAt.In(loc).Format("02/01/2006 15:04:05"), m.Attempts)
		case m.Status == data.MailPending && m.Attempts > 0:
			fmt.Fprintf(stdout, " (%d tentative(s), prochaine %s)", m.Attempts, m.NextTryAt.In(loc).Format("02/01/2006 15:04"))
		case m.Status == data.MailFailed:
			fmt.Fprintf(stdout, " (%d tentative(s))", m.Attempts)
		}
		fmt.Fprintln(stdout)
		if m.LastError != "" && m.Status != data.MailSent {
			fmt.Fprintf(stdout, "Error: %s\n", data.Clean(m.LastError))
		}
		fmt.Fprintf(stdout, "\n%s", m.Body)
		fmt.Fprintln(stdout, strings.Repeat("─", 72))
	}
	if len(mails) == 0 {
		fmt.Fprintln(stdout, "(aucun mail)")
	}
	return nil
}

func cmdAudit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newFlags("audit", stderr)
	ident := f.str("identifiant", "", "only the events of this identifiant (full, or its local part)")
	since := f.str("since", "", "only the events since this date (jj/mm/aaaa or aaaa-mm-jj, local time)")
	events := f.str("event", "", "only these events, comma-separated (LOGIN_ERROR,LOCK,...)")
	asJSON := f.bool("json", false, "one JSON object per line")
	limit := f.int("limit", 1000, "at most this many events, newest first")
	if _, err := f.parse(args); err != nil {
		return helpOK(err)
	}
	filter := data.AuditFilter{Identifiant: *ident, Limit: *limit}
	if *events != "" {
		known := map[data.Event]bool{}
		for _, e := range data.AuditEvents {
			known[e] = true
		}
		for _, name := range strings.Split(*events, ",") {
			e := data.Event(strings.ToUpper(strings.TrimSpace(name)))
			if !known[e] {
				return usageError{fmt.Sprintf("--event %q: one of %v", name, data.AuditEvents)}
			}
			filter.Events = append(filter.Events, e)
		}
	}
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	if *since != "" {
		loc := store.Config().Location
		t, err := time.ParseInLocation("02/01/2006", *since, loc)
		if err != nil {
			if t, err = time.ParseInLocation("2006-01-02", *since, loc); err != nil {
				return usageError{fmt.Sprintf("--since %q: jj/mm/aaaa or aaaa-mm-jj", *since)}
			}
		}
		filter.Since = t
	}
	entries, err := store.AuditLog(ctx, filter)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	for _, e := range entries {
		if *asJSON {
			if err := enc.Encode(map[string]any{"id": e.ID, "at": e.At.UTC().Format(time.RFC3339), "event": e.Event,
				"person_id": e.PersonID, "identifiant": e.Identifiant, "client": e.Client, "outcome": e.Outcome,
				"actor": e.Actor, "detail": e.Detail}); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(stdout, "%s  %-20s %-40s %-24s %s", e.At.UTC().Format(time.RFC3339), e.Event,
			data.Clean(e.Identifiant), data.Clean(e.Client), data.Clean(e.Outcome))
		if e.Actor != "" {
			fmt.Fprintf(stdout, "  par %s", data.Clean(e.Actor))
		}
		if e.Detail != "" {
			fmt.Fprintf(stdout, "  (%s)", data.Clean(e.Detail))
		}
		fmt.Fprintln(stdout)
	}
	switch {
	case len(entries) == 0 && !*asJSON:
		fmt.Fprintln(stdout, "(aucun événement)")
	case len(entries) == *limit:
		fmt.Fprintf(stderr, "les %d plus récents seulement : --limit pour en voir plus\n", *limit)
	}
	return nil
}

func cmdServe(ctx context.Context, args []string, stderr io.Writer) error {
	f := newFlags("serve", stderr)
	demo := f.bool("demo", false, "load the demo people (idempotent) and show the DÉMO badge and mailbox key")
	listen := f.str("listen", "0.0.0.0:2222", "address to listen on")
	hostKey := f.str("host-key", "", "SSH host key, generated on first start (default: beside the store)")
	lang := f.str("lang", "fr", "first language of every session: fr or en")
	maxSessions := f.int("max-sessions", tui.DefaultMaxSessions, "connections in total (refused before the SSH handshake)")
	perAddress := f.int("max-sessions-per-address", tui.DefaultMaxSessionsPerAddress, "connections per source address")
	idle := f.duration("idle-timeout", tui.DefaultIdleTimeout, "inactivity before a personal session is closed (user kiosk: wiped)")
	maxTime := f.duration("max-session-time", tui.DefaultMaxSessionTime, "longest session (user kiosk: ends at its next return home)")
	memLimit := f.str("memory-limit", "256MiB", "soft memory limit: past it the garbage collector works harder (0: none; GOMEMLIMIT wins)")
	smtpURL := f.str("smtp", "", "deliver the outbox through this SMTP server (smtp://user:pass@host:587, smtps://...)")
	from := f.str("from", defaultFrom, "From address of the mails")
	if _, err := f.parse(args); err != nil {
		return helpOK(err)
	}
	if *lang != "fr" && *lang != "en" {
		return usageError{fmt.Sprintf("--lang %q: fr or en", *lang)}
	}
	limit, err := parseBytes(*memLimit)
	if err != nil {
		return usageError{fmt.Sprintf("--memory-limit %q: %v", *memLimit, err)}
	}
	if limit > 0 && os.Getenv("GOMEMLIMIT") == "" {
		// A burst of logins leaves argon2's 19 MiB blocks behind: without a
		// limit the heap doubles before they are collected.
		debug.SetMemoryLimit(limit)
	}
	var mailCfg data.SMTPConfig
	if *smtpURL != "" {
		var err error
		if mailCfg, err = data.ParseSMTP(*smtpURL, *from); err != nil {
			return usageError{err.Error()}
		}
	}
	logger, done, err := f.logger(stderr, "")
	if err != nil {
		return err
	}
	defer done()
	log.SetDefault(logger) // wish's Bubble Tea middleware logs through it
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	if *demo {
		if _, err := store.LoadDemo(ctx); err != nil {
			return fmt.Errorf("demo data: %w", err)
		}
	}
	if *hostKey == "" {
		*hostKey = filepath.Join(filepath.Dir(*f.db), "entkiosk_host_ed25519")
	}
	if *smtpURL != "" {
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
	return tui.Serve(ctx, tui.ServeOptions{Store: store, Listen: *listen, HostKeyPath: *hostKey, Demo: *demo,
		Lang: screens.ParseLang(*lang), MaxSessions: *maxSessions, MaxSessionsPerAddress: *perAddress,
		IdleTimeout: *idle, MaxSessionTime: *maxTime, Logger: logger})
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
		return 0, errors.New("a size such as 256MiB or 1GiB")
	}
	return n * factor, nil
}

func cmdMail(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newFlags("mail", stderr)
	smtpURL := f.str("smtp", "", "SMTP server (smtp://user:pass@host:587, smtps://host:465, ?starttls=required|off)")
	from := f.str("from", defaultFrom, "From address of the mails")
	watch := f.bool("watch", false, "keep delivering as new mails come, until stopped")
	if _, err := f.parse(args); err != nil {
		return helpOK(err)
	}
	if *smtpURL == "" {
		return usageError{"mail: --smtp URL is required (or ENTKIOSK_SMTP)"}
	}
	cfg, err := data.ParseSMTP(*smtpURL, *from)
	if err != nil {
		return usageError{err.Error()}
	}
	logger, done, err := f.logger(stderr, "")
	if err != nil {
		return err
	}
	defer done()
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	if *watch {
		return store.RunMailer(ctx, cfg, logger.WithPrefix("mail"))
	}
	report, err := store.DeliverDue(ctx, cfg, logger.WithPrefix("mail"))
	fmt.Fprintf(stdout, "%d envoyé(s), %d à réessayer, %d en échec définitif\n", report.Sent, report.Retry, report.Failed)
	return err
}

// defaultFrom is the sender of every mail unless --from says otherwise.
const defaultFrom = "ENT Université de Montpellier <ne-pas-repondre@umontpellier.fr>"

func cmdExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newFlags("export", stderr)
	out := f.str("out", "", "write the map to this file, atomically (default: standard output)")
	pos, err := f.parse(args)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) != 1 || pos[0] != "aliases" {
		return usageError{"export: what to export? entkiosk export aliases [--out FILE]"}
	}
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	var report data.AliasReport
	if *out == "" {
		report, err = store.WriteAliases(ctx, stdout)
	} else {
		report, err = store.ExportAliases(ctx, *out)
	}
	for _, ident := range report.Skipped {
		fmt.Fprintf(stderr, "ignorée : %s (adresse impropre à la table Postfix)\n", ident)
	}
	if err != nil || *out == "" {
		return err
	}
	// The summary on stdout, problems on stderr: a cron job keeps only the latter.
	if report.Unchanged {
		fmt.Fprintf(stdout, "%s inchangé (%d redirection(s))\n", *out, report.Redirections)
	} else {
		fmt.Fprintf(stdout, "%d redirection(s) écrite(s) dans %s\n", report.Redirections, *out)
	}
	return nil
}

func cmdRole(ctx context.Context, verb string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(verb, stderr)
	pos, err := f.parse(args)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) != 2 || pos[0] != "helpdesk" {
		return usageError{fmt.Sprintf("%s: entkiosk %s helpdesk IDENTIFIANT", verb, verb)}
	}
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	user := os.Getenv("USER")
	if user == "" {
		user = "operator"
	}
	if err := store.SetHelpdesk(ctx, pos[1], verb == "grant", data.Origin{Client: "cli:" + user}); err != nil {
		return err
	}
	if verb == "grant" {
		fmt.Fprintf(stdout, "%s a maintenant le rôle helpdesk\n", pos[1])
	} else {
		fmt.Fprintf(stdout, "%s n'a plus le rôle helpdesk\n", pos[1])
	}
	return nil
}

func cmdBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newFlags("backup", stderr)
	pos, err := f.parse(args)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) != 1 {
		return usageError{"backup: one DEST file expected"}
	}
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	if err := store.Backup(ctx, pos[0]); err != nil {
		return err
	}
	size := int64(0)
	if st, err := os.Stat(pos[0]); err == nil {
		size = st.Size()
	}
	fmt.Fprintf(stdout, "sauvegarde écrite : %s (%.1f Mo en %s, integrity_check ok, mode 0600)\n", pos[0],
		float64(size)/1e6, time.Since(start).Round(time.Millisecond))
	return nil
}
