package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/log"

	"entkiosk/data"
	"entkiosk/data/text"
	"entkiosk/tui/netlist"
	"entkiosk/tui/sshserver"
)

func cmdServe(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name, "[--link-host HÔTE] [--link-port N] [options]",
		say("cli.serve.about"))
	f.storeOptions(true)
	var listen, hostKey, lang, memLimit, smtpURL, from string
	var maxSessions, perAddress, perShared int
	var shared string
	var idle, helpdeskIdle, maxTime time.Duration
	f.demoOption()
	f.str(&listen, "listen", "HÔTE:PORT", "0.0.0.0:2222", say("cli.serve.flag.listen"))
	f.str(&hostKey, "host-key", "CHEMIN", "", say("cli.serve.flag.hostkey"))
	f.langOpt(&lang, say("cli.serve.flag.lang"))
	f.int(&maxSessions, "max-sessions", sshserver.DefaultMaxSessions, say("cli.serve.flag.maxsessions"))
	f.int(&perAddress, "max-sessions-per-address", sshserver.DefaultMaxSessionsPerAddress, say("cli.serve.flag.peraddress"))
	f.str(&shared, "shared-networks", "RÉSEAUX", "", fmt.Sprintf(say("cli.serve.flag.sharednetworks"), data.SharedClientFactor))
	f.int(&perShared, "max-sessions-per-shared-address", sshserver.DefaultMaxSessionsPerSharedAddress,
		say("cli.serve.flag.persharedaddress"))
	f.duration(&idle, "idle-timeout", sshserver.DefaultIdleTimeout, say("cli.serve.flag.idle"))
	f.duration(&helpdeskIdle, "helpdesk-idle-timeout", sshserver.DefaultHelpdeskIdleTimeout, say("cli.serve.flag.helpdeskidle"))
	f.duration(&maxTime, "max-session-time", sshserver.DefaultMaxSessionTime, say("cli.serve.flag.maxtime"))
	f.str(&memLimit, "memory-limit", "TAILLE", "auto", say("cli.serve.flag.memory"))
	f.str(&smtpURL, "smtp", "URL", "", say("cli.serve.flag.smtp"))
	f.str(&from, "from", "ADRESSE", "", say("cli.serve.flag.from"))
	var connections int
	f.smtpConnections(&connections)
	f.domainOptions()
	f.linkOptions()
	var web webOptions
	f.webOptions(&web)
	f.logOption(say("cli.serve.log"))
	f.directoryOptions()
	if err := f.parseNoArgs(args, stdout); err != nil {
		return helpOK(err)
	}
	if err := checkListen(listen); err != nil {
		return err
	}
	sharedNets, err := sharedNetworks(shared)
	if err != nil {
		return err
	}
	if err := web.check(name); err != nil {
		return err
	}
	web.shared, web.perShared = sharedNets, perShared
	limit, err := memoryLimit(memLimit, maxSessions)
	if err != nil {
		return usageError{fmt.Sprintf(say("cli.serve.memory.bad"), memLimit)}
	}
	if limit > 0 && os.Getenv("GOMEMLIMIT") == "" {
		// A burst of logins leaves argon2's 19 MiB blocks behind: without a
		// limit the heap doubles before they are collected.
		debug.SetMemoryLimit(limit)
	}
	if os.Getenv("GOGC") == "" {
		// A burst of logins: a collection every few hashes, each marking
		// every session, took a third of the CPU the hashes needed.
		data.SetHashingGCPercent(hashingGOGC)
	}
	var mailCfg data.SMTPConfig
	if smtpURL != "" {
		if from, err = f.mailFrom(from); err != nil {
			return err
		}
		if mailCfg, err = data.ParseSMTP(smtpURL, from); err != nil {
			return usageError{name + " : " + smtpError(err)}
		}
		mailCfg.Connections = connections
	}
	logger, store, stop, err := f.start(ctx, stderr, "")
	if err != nil {
		return err
	}
	defer stop()
	// What the start left to the collector (with --demo, its passwords'
	// argon2id hashes, 19 MiB each) goes back to the system before the
	// first session: the runtime would keep those pages, and an empty
	// server held 90 MiB instead of 40.
	debug.FreeOSMemory()
	log.SetDefault(logger) // wish's Bubble Tea middleware logs through it
	defer runDirectoryQueue(ctx, store, logger)()
	if hostKey == "" {
		hostKey = besideStore(f.db, "entkiosk_host_ed25519")
	}
	if smtpURL != "" {
		// The mailer stops with the server, after recording the mail in hand.
		mailCtx, stopMailer := context.WithCancel(ctx)
		mailerDone := make(chan struct{})
		go func() {
			defer close(mailerDone)
			store.RunMailer(mailCtx, mailCfg, slog.New(logger.WithPrefix("mail")))
		}()
		defer func() { stopMailer(); <-mailerDone }()
	} else {
		logger.Info("no --smtp: mails stay in the outbox (entkiosk outbox)")
	}
	// The web page (--http) runs beside the SSH server; either failing
	// stops both.
	ctx, stopBoth := context.WithCancel(ctx)
	defer stopBoth()
	webDone := make(chan error, 1)
	go func() {
		err := web.serve(ctx, store, f.demo, lang, maxSessions, perAddress, idle, helpdeskIdle, maxTime, logger)
		if err != nil {
			stopBoth()
		}
		webDone <- err
	}()
	err = sshserver.Serve(ctx, sshserver.ServeOptions{Store: store, Listen: listen, HostKeyPath: hostKey, Demo: f.demo,
		Lang: text.ParseLang(lang), MaxSessions: maxSessions, MaxSessionsPerAddress: perAddress,
		SharedNetworks: sharedNets, MaxSessionsPerSharedAddress: perShared,
		IdleTimeout: idle, HelpdeskIdleTimeout: helpdeskIdle, MaxSessionTime: maxTime, Logger: logger})
	stopBoth()
	if werr := <-webDone; werr != nil {
		return werr
	}
	if msg, ok := listenError(listen, err); ok {
		return errors.New(msg)
	}
	if err != nil {
		return fmt.Errorf(say("cli.serve.failed"), err)
	}
	return nil
}

// checkListen refuses a --listen that is not HOST:PORT before anything
// starts.
func checkListen(listen string) error {
	_, port, err := net.SplitHostPort(listen)
	if n, perr := strconv.Atoi(port); err != nil || perr != nil || n < 0 || n > 65535 {
		return usageError{fmt.Sprintf(say("cli.serve.listen.bad"), listen)}
	}
	return nil
}

// sharedNetworks reads --shared-networks; a bad entry stops serve before
// anything starts, named in the message.
func sharedNetworks(v string) (netlist.List, error) {
	l, err := netlist.Parse(v)
	var bad *netlist.BadEntryError
	if errors.As(err, &bad) {
		return nil, usageError{fmt.Sprintf(say("cli.serve.shared.bad"), bad.Entry)}
	}
	return l, err
}

// listenError says in one French sentence why the server could not listen
// on addr, for the common cases: the port taken, a port below 1024 without
// the right, an address that is not this machine's, an unknown host.
func listenError(addr string, err error) (string, bool) {
	return listenErrorOf(say("cli.serve.ssh"), "--listen", say("cli.serve.port.default"), addr, err)
}

// listenErrorOf is listenError for a server (what), its option and a port
// to suggest.
func listenErrorOf(what, option, port, addr string, err error) (string, bool) {
	var op *net.OpError
	if !errors.As(err, &op) || op.Op != "listen" {
		return "", false
	}
	why := ""
	var dns *net.DNSError
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		why = say("cli.listen.inuse") + option
	case errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM):
		why = say("cli.listen.privileged") + option + " (" + port + ")"
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		why = say("cli.listen.notlocal") + option + say("cli.listen.notlocal.end")
	case errors.As(err, &dns):
		why = say("cli.listen.unknownhost") + option + say("cli.listen.unknownhost.end")
	default:
		return "", false
	}
	return fmt.Sprintf(say("cli.listen.failed"), what, addr, why), true
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
		return 0, errors.New(say("cli.size.bad"))
	}
	return n * factor, nil
}

// hashingGOGC is the collector's GOGC while passwords are hashed: four
// times fewer cycles for a burst (with 500 sessions live, one every ~20
// hashes instead of ~5), for up to four times the live heap in garbage;
// the memory limit still bounds the heap.
const hashingGOGC = 400

// memoryLimit is --memory-limit in bytes; "auto" follows --max-sessions: a
// fixed 256 MiB limit sat below the working set of 10,000 sessions, and the
// collector ran without a break while they opened.
func memoryLimit(v string, maxSessions int) (int64, error) {
	if strings.TrimSpace(v) != "auto" {
		return parseBytes(v)
	}
	return autoMemoryLimit(maxSessions, runtime.NumCPU()), nil
}

// autoMemoryLimit: the process and its store (64 MiB), an argon2id hash
// in flight per core (19 MiB each, with room), and 256 KiB a session, about
// twice what an idle session holds.
func autoMemoryLimit(maxSessions, cores int) int64 {
	return 64<<20 + int64(cores)*24<<20 + int64(max(maxSessions, 1))*256<<10
}
