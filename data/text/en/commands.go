package en

// commands: the operator commands (entkiosk backup, directory, serve, ...):
// their usage, options and lines, said in French (say, in package main).
var commands = map[string]string{
	"cli.audit.about":                   "shows the audit log, the most recent events first (UTC times)",
	"cli.audit.flag.identifiant":        "only the events of this identifiant (whole, or its part before @) or of this student number",
	"cli.audit.flag.since":              "only the events since this date (dd/mm/yyyy or yyyy-mm-dd, Paris time)",
	"cli.audit.flag.event":              "only these events, separated by commas (LOGIN_ERROR,LOCK,…)",
	"cli.audit.flag.json":               "one JSON object a line (the log's words, as written)",
	"cli.audit.flag.limit":              "at most this number of events, the most recent",
	"cli.audit.limit.bad":               "audit: --limit %d: at least 1",
	"cli.audit.event.unknown":           "audit: --event %q: unknown event (%s)",
	"cli.audit.read":                    "audit: reading the database: %w",
	"cli.backup.about":                  "copies the database while it runs (the kiosks and the server go on), checked, mode 0600; never overwrites a file",
	"cli.backup.destination":            "backup: a destination file expected (entkiosk backup DESTINATION)",
	"cli.backup.failed":                 "backup impossible, no copy written: %v",
	"cli.backup.written":                "backup written: %s (%s MB in %s, integrity_check ok, mode 0600)\n",
	"cli.backup.nofolder":               "backup: the folder %s does not exist",
	"cli.backup.exists":                 "backup: %s already exists and is not overwritten (give another name, or remove it first)",
	"cli.directory.status.failed":       "failed",
	"cli.directory.status.superseded":   "replaced by a newer one",
	"cli.directory.usage":               "[--status STATE] | check [options]",
	"cli.directory.about":               "the changes waiting for the LDAP directory (recovery address, redirection, end of rights), the most recent first; « entkiosk directory check » checks the directory's settings",
	"cli.directory.flag.status":         "only the changes in this state: pending, applying, done, failed or superseded",
	"cli.directory.status.bad":          "directory: --status %q: pending, applying, done, failed or superseded",
	"cli.directory.read":                "directory: reading the database: %w",
	"cli.directory.done":                " on %s (%s)",
	"cli.layout.datetime":               "02/01/2006 at 15:04:05",
	"cli.directory.retry":               " (%s, next on %s)",
	"cli.directory.change.recovery":     "recovery address → ",
	"cli.directory.change.unredirected": "redirection removed",
	"cli.directory.change.nocopy":       "no copy",
	"cli.directory.change.copy":         "copy kept",
	"cli.directory.change.until":        "account active until ",
	"cli.directory.check.usage":         "--ldap URL --ldap-bind-dn DN --ldap-password-file FILE --ldap-base DN --sample IDENTIFIANT",
	"cli.directory.check.about":         "checks, for whoever sets up the directory: the connection, TLS, the service account, one person found and the write rights on the attributes entkiosk writes (without changing their values)",
	"cli.directory.check.flag.sample":   "a person of the directory (their local part), to try the search and the rights",
	"cli.directory.check.noldap":        "directory check: --ldap URL expected (or ENTKIOSK_LDAP)",
	"cli.directory.check.nosample":      "directory check: --sample IDENTIFIANT expected (a person of the directory)",
	"cli.directory.check.bound":         "connected: yes\nTLS: %s\nbound as: %s\n",
	"cli.directory.check.person":        "person « %s »: %s\n",
	"cli.directory.check.refused":       "attribute %s: write refused (%s)\n",
	"cli.directory.check.allowed":       "attribute %s: write allowed\n",
	"cli.directory.check.password":      "password: not tried (the Password Modify operation would change it)",
	"cli.directory.missing":             "missing from the directory: %s\n",
	"cli.directory.checked":             "directory: %s checked, %s\n",
	"cli.directory.trouble.unreachable": "the directory does not answer",
	"cli.directory.trouble.refused":     "the directory refuses entkiosk (service account, StartTLS or certificate, people's branch)",
	"cli.directory.trouble.notfound":    "person not found in the --ldap-base branch",
	"cli.directory.trouble.write":       "refused by the directory",
	"cli.directory.trouble.certificate": "the directory's certificate is not recognised: give the certificate (PEM) of the authority that signed it with --ldap-ca-file (or ENTKIOSK_LDAP_CA_FILE); technical cause: ",
	"cli.export.about":                  "writes Postfix's virtual alias table: the redirections the owners chose",
	"cli.export.flag.out":               "writes the table to this file, atomically (default: the standard output)",
	"cli.export.ignored":                "ignored: %s (address unfit for the Postfix table)\n",
	"cli.export.stdout":                 "the standard output",
	"cli.export.write":                  "export aliases: writing %s impossible: %s",
	"cli.export.unchanged":              "%s unchanged (%s)\n",
	"cli.export.written":                "%s %s in %s\n",
	"cli.export.left":                   "export aliases: %s out of the table (an address it cannot hold): their mail is not redirected; have their owner choose another address",
	"cli.import.about":                  "imports the registrations' export: creates the accounts and their activation mails, updates the people and the registrations. The summary counts the lines (created: a new person or registration; updated; unchanged; refused, with its number and the reason) then the accounts created. Exit code 1 if a line is refused (the others are recorded).",
	"cli.import.flag.checkdirectory":    "after the import, lists the accounts the directory (--ldap) does not know yet",
	"cli.import.checkdirectory.noldap":  "import: --check-directory needs --ldap URL (or ENTKIOSK_LDAP)",
	"cli.import.nofile":                 "import: a file expected (entkiosk import FILE.csv)",
	"cli.institution.about":             "the institution's file: init writes one, commented, with every key (and the charters beside it); check checks it and says where each value appears",
	"cli.institution.flag.out":          "init: the file to write (never over an existing file)",
	"cli.institution.written":           "written: %s\nTo fill in, then: entkiosk institution check %s\n",
	"cli.institution.check.nofile":      "institution check: which file? entkiosk institution check FILE (or --institution, ENTKIOSK_INSTITUTION)",
	"cli.institution.usage":             "institution: init [--out FILE] or check FILE (entkiosk help institution)",
	"cli.kiosk.about":                   "the kiosk, on this terminal",
	"cli.kiosk.flag.lang":               "language of the interface: fr or en",
	"cli.kiosk.flag.idle":               "idle time after which the kiosk clears everything and goes back home",
	"cli.kiosk.flag.helpdeskidle":       "idle time after which the kiosk clears everything when the helpdesk is logged in",
	"cli.kiosk.flag.allowquit":          "lets q / ctrl+c at home quit the kiosk",
	"cli.kiosk.flag.accessible":         "accessible mode (screen reader, braille display): one question at a time, answers read line by line, also on a pipe",
	"cli.kiosk.flag.terminal":           "name of this terminal, for the try limits and the audit (default: host/tty)",
	"cli.kiosk.log":                     "entkiosk.log beside the database",
	"cli.mail.about":                    "sends the waiting mails through an SMTP relay (one pass; exit code 1 if the relay is unusable)",
	"cli.mail.flag.smtp":                "the SMTP relay (smtp://user:password@host:587, smtps://host:465, ?starttls=required|off); required",
	"cli.mail.flag.from":                "sender of the mails (default: the institution file's)",
	"cli.mail.flag.watch":               "keeps sending the new mails, until stopped",
	"cli.mail.log":                      "the standard error",
	"cli.mail.nosmtp":                   "mail: --smtp URL is required (or ENTKIOSK_SMTP)",
	"cli.mail.summary":                  "mails: %s, %d to retry, %d failed for good\n",
	"cli.mail.relay.unusable":           "mail: relay %s unusable, the mails stay waiting: %v",
	"cli.outbox.status.failed":          "failed",
	"cli.outbox.cancel.used":            "code already used",
	"cli.outbox.cancel.superseded":      "code replaced by a newer one",
	"cli.outbox.cancel.failures":        "code cancelled after 5 errors",
	"cli.outbox.cancel.recovery":        "the recovery address changed",
	"cli.outbox.about":                  "shows the mails of the outbox, the most recent first",
	"cli.outbox.flag.to":                "only the mails to this address",
	"cli.outbox.flag.status":            "only the mails in this state: pending, sending, sent, failed or cancelled (its code no longer works)",
	"cli.outbox.status.bad":             "outbox: --status %q: pending, sending, sent, failed or cancelled",
	"cli.outbox.read":                   "outbox: reading the database: %w",
	"cli.outbox.header":                 "To: %s\nSubject: %s\nDate: %s\nState: %s",
	"cli.outbox.done":                   " on %s (%s)",
	"cli.outbox.retry":                  " (%s, next on %s)",
	"cli.layout.datetime.minute":        "02/01/2006 at 15:04",
	"cli.outbox.cancelled":              " on %s, never sent (%s)",
	"cli.role.grant.about":              "gives the helpdesk role (the helpdesk console) to a staff account",
	"cli.role.revoke.about":             "takes the helpdesk role from an account",
	"cli.role.had":                      "%s already had the helpdesk role: nothing changed\n",
	"cli.role.hadnot":                   "%s did not have the helpdesk role: nothing changed\n",
	"cli.role.granted":                  "%s now has the helpdesk role\n",
	"cli.role.revoked":                  "%s no longer has the helpdesk role\n",
	"cli.role.student":                  "%s: %s is a student account; the helpdesk role is for staff accounts only",
	"cli.role.failed":                   "%s: role not changed: %w",
	"cli.serve.about":                   "the interface over SSH (and, with --http, on a web page), for students at home, the helpdesk and light kiosks. The code mails carry a link ssh://…@HOST:PORT to this server when --link-host gives its public name (and --link-port its port, if it is not 2222)",
	"cli.serve.flag.listen":             "listening address",
	"cli.serve.flag.hostkey":            "SSH host key, created at the first start (default: entkiosk_host_ed25519 beside the database)",
	"cli.serve.flag.lang":               "starting language of each session: fr or en",
	"cli.serve.flag.maxsessions":        "connections in all (the next ones refused before the SSH handshake)",
	"cli.serve.flag.peraddress":         "connections per source address",
	"cli.serve.flag.idle":               "idle time after which a personal session is closed (kiosk user: cleared)",
	"cli.serve.flag.helpdeskidle":       "idle time after which a session where the helpdesk is logged in is closed (kiosk user: cleared)",
	"cli.serve.flag.maxtime":            "longest time of a session (kiosk user: when it is back home)",
	"cli.serve.flag.memory":             "soft memory limit: beyond it, the garbage collector works harder (auto: follows --max-sessions; 0: none; GOMEMLIMIT wins)",
	"cli.serve.flag.smtp":               "sends the mails through this relay (smtp://user:password@host:587, smtps://…); without it they stay in the outbox",
	"cli.serve.flag.from":               "sender of the mails (default: the institution file's)",
	"cli.serve.log":                     "the standard error",
	"cli.serve.memory.bad":              "serve: --memory-limit %q: a size like 256MiB or 1GiB",
	"cli.serve.listen.bad":              "serve: --listen %q: a HOST:PORT address expected, like 0.0.0.0:2222",
	"cli.serve.ssh":                     "the SSH server",
	"cli.serve.port.default":            "2222 by default",
	"cli.listen.inuse":                  "this port is already taken by another program (another entkiosk serve?); choose another one with ",
	"cli.listen.privileged":             "ports below 1024 need administrator rights; take a port from 1024 up with ",
	"cli.listen.notlocal":               "this address is not this machine's; give with ",
	"cli.listen.notlocal.end":           " the address of one of its interfaces, or 0.0.0.0 for all",
	"cli.listen.unknownhost":            "this host is unknown; give with ",
	"cli.listen.unknownhost.end":        " an IP address, or 0.0.0.0 for all the interfaces",
	"cli.listen.failed":                 "%s cannot listen on %s: %s",
	"cli.size.bad":                      "a size like 256MiB or 1GiB",
	"cli.web.flag.http":                 "also serves the interface on a web page (WebSocket) at this address; empty: no web page",
	"cli.web.flag.trustedproxy":         "reverse proxies (addresses or networks, separated by commas) whose X-Forwarded-For header gives the client's address; elsewhere it is ignored",
	"cli.web.flag.tlscert":              "TLS certificate: the web page is served over HTTPS (without it, TLS is the proxy's business)",
	"cli.web.flag.tlskey":               "private key of the --tls-cert certificate",
	"cli.web.needshttp":                 ": --tls-cert, --tls-key and --trusted-proxy go with --http",
	"cli.web.http.bad":                  "%s: --http %q: a HOST:PORT address expected, like 127.0.0.1:8080",
	"cli.web.tls.pair":                  ": --tls-cert and --tls-key go together",
	"cli.web.proxy.bad":                 "%s: --trusted-proxy %q: IP addresses or networks (127.0.0.1, 10.0.0.0/8), separated by commas",
	"cli.web.noassets":                  ": --http: the web page is not in this binary (xterm.js is missing): ",
	"cli.web.generate":                  "run « go generate ./tui/webserver » (npm ci), then build again",
	"cli.web.page":                      "the web page",
	"cli.usage": `entkiosk — ENT computer account, Université de Montpellier

Usage:
  entkiosk kiosk  [--db PATH] [--demo] [--lang fr|en]
  entkiosk serve  [--db PATH] [--demo] [--listen HOST:PORT] [--host-key KEY]
                  [--link-host HOST] [--link-port N] [--smtp URL] [--ldap URL …]
  entkiosk import [--db PATH] [--lang fr|en] FILE.csv
  entkiosk outbox [--db PATH] [--to ADDRESS] [--status failed]
  entkiosk mail   [--db PATH] --smtp URL [--from ADDRESS] [--watch]
  entkiosk export aliases [--db PATH] [--out FILE]
  entkiosk grant|revoke [--db PATH] helpdesk IDENTIFIANT
  entkiosk backup [--db PATH] DESTINATION
  entkiosk audit  [--db PATH] [--identifiant X] [--since DATE] [--event E]
                  [--json] [--limit N] [--lang fr|en]
  entkiosk audit  [--db PATH] --verify [--lang fr|en]
  entkiosk directory [--db PATH] [--status pending|failed]
  entkiosk directory check --ldap URL … --sample IDENTIFIANT
  entkiosk institution init [--out FILE] | check FILE
  entkiosk migrate-store --from PATH --to URL

Commands:
  kiosk    the kiosk, on this terminal
  serve    the same interface over SSH (and the sending of mails with --smtp)
  import   imports the registrations' export (accounts and activation mails)
  outbox   shows the mails of the outbox
  mail     sends the waiting mails through an SMTP relay
  export   writes the Postfix table of the redirections (export aliases)
  grant    gives the helpdesk role to a staff account; revoke takes it back
  backup   copies the database while it runs, checked, never over a file
  audit    shows the audit log
  directory the changes waiting for the LDAP directory; check: its settings
  institution  writes (init) or checks (check) the institution's file
  migrate-store  copies a SQLite store into an empty PostgreSQL database
  migrate-store  copies a SQLite database into an empty PostgreSQL one

kiosk, serve, import and mail read the institution's file (--institution,
or ENTKIOSK_INSTITUTION): name, contacts, sender, charter, calendar.

Only kiosk, serve and import create the database if it does not exist; the
other commands refuse a path where there is no database.

« entkiosk COMMAND -h » or « entkiosk help COMMAND »: the options of a
command. Each option also reads its variable ENTKIOSK_<OPTION> (ENTKIOSK_DB,
ENTKIOSK_LISTEN…); the option given on the command line wins.

Exit code: 0 all went well; 1 an error, or for import at least one line
refused; 2 a wrong use (unknown command or option, invalid value).
`,
	"cli.help.unknown":             "help: unknown command « %s » (entkiosk help gives the list)",
	"cli.command.unknown":          "unknown command « %s » (entkiosk help gives the list)",
	"cli.value.int":                "a whole number expected",
	"cli.value.duration":           "a duration expected (90s, 2m, 1h30m)",
	"cli.value.bool":               "true or false expected",
	"cli.value.lang":               "fr or en",
	"cli.option.unknown":           "%s: unknown option --%s (entkiosk %s -h gives the options)",
	"cli.option.novalue":           "%s: --%s needs a value (%s)",
	"cli.argument.unexpected":      "%s: unexpected argument %q (entkiosk %s -h gives the options)",
	"cli.option.default":           "        default: ",
	"cli.flag.db":                  "the SQLite database, shared by every instance",
	"cli.flag.db.created":          " (created if it does not exist)",
	"cli.flag.studentdomain":       "domain of the students' identifiants (default: the institution file's, otherwise etu.umontpellier.fr)",
	"cli.flag.staffdomain":         "domain of the staff's identifiants (default: the institution file's, otherwise umontpellier.fr)",
	"cli.flag.institution":         "institution file (TOML: name, contacts, charter; entkiosk institution init writes one); without it, nothing is made up",
	"cli.from.unknown":             ": sender of the mails unknown: give --from \"Name <address@domain>\" ",
	"cli.from.unknown.end":         "(or [mail] from in the institution file, --institution)",
	"cli.flag.linkhost":            "host of the mails' ssh:// links (default: the institution file's; empty: no link line)",
	"cli.flag.linkport":            "port of the mails' ssh:// links (default: the institution file's, otherwise 2222)",
	"cli.linkurl.bad":              "an https://host/path/ address expected (the web page's)",
	"cli.flag.linkurl":             "address of the web page (serve --http, behind its proxy): the mails then carry a link https://…/?t=… instead of the ssh:// link",
	"cli.flag.demo":                "loads the demo people (without duplicates), shows the DEMO badge and the mailbox key",
	"cli.flag.log":                 "log file, appended to (default: ",
	"cli.log.failed":               "log file %s: %s",
	"cli.db.notcreated":            "%s; only entkiosk import, kiosk and serve create a database",
	"cli.demo.failed":              "demo data: %w",
	"cli.os.notexist":              "file or folder not found",
	"cli.os.permission":            "access denied",
	"cli.os.readonly":              "read-only file system",
	"cli.os.isdir":                 "it is a folder",
	"cli.flag.ldap":                "the university's LDAP directory (ldaps://host, or ldap://host with StartTLS required; ?starttls=off only on 127.0.0.1): passwords are checked and written there, settings are copied there; without it, the database alone",
	"cli.flag.ldapbinddn":          "entkiosk's service account in the directory (cn=entkiosk,ou=services,dc=…)",
	"cli.flag.ldappasswordfile":    "file of the service account's password, one line, readable by its owner alone (chmod 600); never the password on the command line",
	"cli.flag.ldapbase":            "branch where people are searched (ou=people,dc=…)",
	"cli.flag.ldapcafile":          "certificates (PEM) of the authorities that sign the directory's (default: the system's)",
	"cli.flag.ldappersonclass":     "object class of every person searched",
	"cli.flag.ldapattridentifiant": "attributes where the identifiant is found (its local part), separated by commas",
	"cli.flag.ldapattrmailperso":   "attribute of the recovery address",
	"cli.flag.ldapattrredirection": "attribute of the redirection",
	"cli.flag.ldapattrmail":        "attribute of the university address (kept as a copy of a redirection)",
	"cli.flag.ldapattrlifecycle":   "attribute of the account's life cycle ({COMPTE}A:SupannActif::AAAAMMJJ)",
	"cli.flag.ldapattrshadow":      "attribute of the day of the last password change",
	"cli.backup.error":             "backup: %s: %s",
	"cli.directory.lasterror":      "    error: %s\n",
	"cli.directory.check.url":      "directory: %s\n",
	"cli.export.what":              "export: export what? entkiosk export aliases [--out FILE]",
	"cli.institution.correct":      "%s: correct.\n",
	"cli.mail.interrupted":         "mail: sending interrupted: %w",
	"cli.outbox.lasterror":         "Error: %s\n",
	"cli.role.unknown":             "%s: no account has the identifiant %q",
	"cli.serve.failed":             "SSH server: %w",
	"cli.web.failed":               "web page: %w",
	"cli.command.usage":            "%s\n\nUsage: entkiosk %s %s\n",
	"cli.command.options":          "\nOptions (each also reads its environment variable; the option wins):\n",
	"cli.directory.failed":         "directory: %w",
	// contracts (issue 11.2): data.ParseSMTP's refusals, said from their type (cmd_mail.go)
	"cli.smtp.noturl":         "--smtp: not a URL (smtp://user:password@host:587 or smtps://host:465; special characters encoded as %XX)",
	"cli.smtp.scheme":         "--smtp: scheme %s: smtp:// or smtps://",
	"cli.smtp.nohost":         "--smtp: no host (smtp://host:587)",
	"cli.smtp.nouser":         "--smtp: a password without a user name",
	"cli.smtp.port":           "--smtp: invalid port %s",
	"cli.smtp.trailing":       "--smtp: nothing may follow the host and port but ?starttls=",
	"cli.smtp.option":         "--smtp: unknown option %s (only starttls=opportunistic|required|off)",
	"cli.smtp.starttls.smtps": "--smtp: starttls= does not apply to smtps:// (TLS from the start)",
	"cli.smtp.starttls.value": "--smtp: starttls=%s: opportunistic, required or off",
	"cli.smtp.from":           "--from %s: not an address (Name <address@domain>)",
	"cli.smtp.other":          "--smtp: relay address refused (%v)",

	// pgcore: the PostgreSQL store's options
	"cli.flag.db.postgres":        ", or a PostgreSQL database shared by several servers: postgres://user@host:port/db?sslmode=verify-full",
	"cli.flag.db-password-file":   "file of the PostgreSQL database's password, one line, readable by its owner only (chmod 600); otherwise PGPASSWORD or ~/.pgpass, never in the URL",
	"cli.db-password-file.sqlite": "%s: --db-password-file is only for a PostgreSQL database (--db postgres://…)",
}
