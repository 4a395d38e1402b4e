package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"

	"entkiosk/data"
	"entkiosk/data/text"
	"entkiosk/tui"
)

func cmdKiosk(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name, "[options]", say("cli.kiosk.about"))
	f.storeOptions(true)
	var allowQuit, accessible bool
	var lang, terminal string
	var idle, helpdeskIdle time.Duration
	f.demoOption()
	f.langOpt(&lang, say("cli.kiosk.flag.lang"))
	f.duration(&idle, "idle", 120*time.Second, say("cli.kiosk.flag.idle"))
	f.duration(&helpdeskIdle, "helpdesk-idle-timeout", tui.DefaultHelpdeskIdleTimeout, say("cli.kiosk.flag.helpdeskidle"))
	f.bool(&allowQuit, "allow-quit", say("cli.kiosk.flag.allowquit"))
	f.bool(&accessible, "accessible", say("cli.kiosk.flag.accessible"))
	f.str(&terminal, "terminal", "NOM", "", say("cli.kiosk.flag.terminal"))
	f.domainOptions()
	f.linkOptions()
	f.logOption(say("cli.kiosk.log"))
	f.directoryOptions()
	if err := f.parseNoArgs(args, stdout); err != nil {
		return helpOK(err)
	}
	// Until Bubble Tea takes the terminal (opening the store; with
	// --accessible, loading the demo), ctrl+c or ctrl+\ typed on the
	// keyboard would still raise signals: raw mode from the start, so only
	// an operator stops a kiosk.
	if fd := os.Stdin.Fd(); (!allowQuit || accessible) && term.IsTerminal(fd) {
		if state, err := term.MakeRaw(fd); err == nil {
			defer term.Restore(fd, state)
		}
	}
	// The demo's people are loaded once home is shown (home needs none of
	// them): on a new store that is a second of password hashing.
	f.demoLater = true
	// On a terminal, SQLite's own opening of the store (its settings, the
	// write probe and its disk flushes, a new store's migrations) comes
	// after home too: home reads nothing of it, and every command waits for
	// the start-up work. A store that cannot be used still stops the kiosk
	// with the same message, once home has been shown. Elsewhere (a script,
	// a service without a terminal) the store is opened first, as by every
	// other command.
	f.storeLater = !accessible && term.IsTerminal(os.Stdin.Fd()) && term.IsTerminal(os.Stdout.Fd())
	logger, store, stop, err := f.start(ctx, stderr, besideStore(f.db, "entkiosk.log"))
	if err != nil {
		return err
	}
	defer stop()
	stopQueue := func() {}
	defer func() { stopQueue() }()
	client := terminal
	if client == "" {
		client = kioskName()
	}
	logger.Info("kiosk start", "store", f.db, "terminal", client, "demo", f.demo)
	// After home: the store made ready, the directory's queue, the demo's
	// people, then (not waited for) the password word lists, so that the
	// first password typed here does not wait.
	prepare := func(ctx context.Context) error {
		if f.storeLater {
			if err := f.storeReady(); err != nil {
				return err
			}
		}
		stopQueue = runDirectoryQueue(ctx, store, logger)
		if f.demo {
			if _, err := store.LoadDemo(ctx); err != nil {
				return fmt.Errorf(say("cli.demo.failed"), err)
			}
		}
		go data.WarmPasswordPolicy()
		return nil
	}
	return tui.RunKiosk(ctx, tui.Options{Store: store, Lang: text.ParseLang(lang), Kiosk: true, Demo: f.demo,
		Client: "kiosk:" + client, IdleTimeout: idle, HelpdeskIdleTimeout: helpdeskIdle, AllowQuit: allowQuit,
		Accessible: accessible, Logger: logger.WithPrefix("tui"), Prepare: prepare})
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
