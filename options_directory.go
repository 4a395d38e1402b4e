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
	f.str(&d.url, "ldap", "URL", "", say("cli.flag.ldap"))
	f.str(&d.bindDN, "ldap-bind-dn", "DN", "", say("cli.flag.ldapbinddn"))
	f.str(&d.passwordFile, "ldap-password-file", "FICHIER", "", say("cli.flag.ldappasswordfile"))
	f.str(&d.base, "ldap-base", "DN", "", say("cli.flag.ldapbase"))
	f.str(&d.caFile, "ldap-ca-file", "FICHIER", "", say("cli.flag.ldapcafile"))
	f.str(&d.personClass, "ldap-person-class", "CLASSE", directory.DefaultPersonClass, say("cli.flag.ldappersonclass"))
	f.str(&d.login, "ldap-login-attributes", "ATTRS", strings.Join(def.Login, ","),
		say("cli.flag.ldapattridentifiant"))
	f.str(&d.mailPerso, "ldap-attr-mail-perso", "ATTR", def.MailPerso, say("cli.flag.ldapattrmailperso"))
	f.str(&d.redirection, "ldap-attr-redirection", "ATTR", def.Redirection, say("cli.flag.ldapattrredirection"))
	f.str(&d.mail, "ldap-attr-mail", "ATTR", def.Mail, say("cli.flag.ldapattrmail"))
	f.str(&d.lifeCycle, "ldap-attr-life-cycle", "ATTR", def.LifeCycle, say("cli.flag.ldapattrlifecycle"))
	f.str(&d.shadowLastChange, "ldap-attr-shadow-last-change", "ATTR", def.ShadowLastChange, say("cli.flag.ldapattrshadow"))
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
		return nil, fmt.Errorf(say("cli.directory.failed"), err)
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
