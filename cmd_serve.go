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
	"entkiosk/screens"
	"entkiosk/tui/sshserver"
)

func cmdServe(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name, "[--link-host HÔTE] [--link-port N] [options]",
		"l'interface par SSH (et, avec --http, sur une page web), pour les étudiants chez eux, l'assistance et les bornes légères. "+
			"Les mails de code portent un lien ssh://…@HÔTE:PORT vers ce serveur quand --link-host donne "+
			"son nom public (et --link-port son port, s'il n'est pas 2222)")
	f.storeOptions(true)
	var listen, hostKey, lang, memLimit, smtpURL, from string
	var maxSessions, perAddress int
	var idle, helpdeskIdle, maxTime time.Duration
	f.demoOption()
	f.str(&listen, "listen", "HÔTE:PORT", "0.0.0.0:2222", "adresse d'écoute")
	f.str(&hostKey, "host-key", "CHEMIN", "", "clé d'hôte SSH, créée au premier démarrage (défaut : entkiosk_host_ed25519 à côté de la base)")
	f.str(&lang, "lang", "fr|en", "fr", "langue de départ de chaque session : fr ou en")
	f.int(&maxSessions, "max-sessions", sshserver.DefaultMaxSessions, "connexions au total (les suivantes refusées avant la négociation SSH)")
	f.int(&perAddress, "max-sessions-per-address", sshserver.DefaultMaxSessionsPerAddress, "connexions par adresse source")
	f.duration(&idle, "idle-timeout", sshserver.DefaultIdleTimeout, "inactivité après laquelle une session personnelle est fermée (utilisateur kiosk : effacée)")
	f.duration(&helpdeskIdle, "helpdesk-idle-timeout", sshserver.DefaultHelpdeskIdleTimeout, "inactivité après laquelle une session où l'assistance est connectée est fermée (utilisateur kiosk : effacée)")
	f.duration(&maxTime, "max-session-time", sshserver.DefaultMaxSessionTime, "durée maximale d'une session (utilisateur kiosk : à son retour à l'accueil)")
	f.str(&memLimit, "memory-limit", "TAILLE", "auto", "limite de mémoire souple : au-delà, le ramasse-miettes travaille davantage (auto : suit --max-sessions ; 0 : aucune ; GOMEMLIMIT l'emporte)")
	f.str(&smtpURL, "smtp", "URL", "", "envoie les mails par ce relais (smtp://utilisateur:motdepasse@hôte:587, smtps://…) ; sans lui ils restent dans la boîte d'envoi")
	f.str(&from, "from", "ADRESSE", "", "expéditeur des mails (défaut : celui du fichier d'établissement)")
	f.domainOptions()
	f.linkOptions()
	var web webOptions
	f.webOptions(&web)
	f.logOption("la sortie d'erreur")
	f.directoryOptions()
	if err := f.parseNoArgs(args, stdout); err != nil {
		return helpOK(err)
	}
	if err := checkLang(name, lang); err != nil {
		return err
	}
	if err := checkListen(listen); err != nil {
		return err
	}
	if err := web.check(name); err != nil {
		return err
	}
	limit, err := memoryLimit(memLimit, maxSessions)
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
		if from, err = f.mailFrom(from); err != nil {
			return err
		}
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
		Lang: screens.ParseLang(lang), MaxSessions: maxSessions, MaxSessionsPerAddress: perAddress,
		IdleTimeout: idle, HelpdeskIdleTimeout: helpdeskIdle, MaxSessionTime: maxTime, Logger: logger})
	stopBoth()
	if werr := <-webDone; werr != nil {
		return werr
	}
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
	return listenErrorOf("le serveur SSH", "--listen", "2222 par défaut", addr, err)
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
		why = "ce port est déjà pris par un autre programme (un autre entkiosk serve ?) ; choisissez-en un autre avec " + option
	case errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM):
		why = "les ports inférieurs à 1024 demandent les droits d'administrateur ; prenez un port à partir de 1024 avec " + option + " (" + port + ")"
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		why = "cette adresse n'est pas celle de cette machine ; donnez avec " + option + " l'adresse d'une de ses interfaces, ou 0.0.0.0 pour toutes"
	case errors.As(err, &dns):
		why = "cet hôte est inconnu ; donnez avec " + option + " une adresse IP, ou 0.0.0.0 pour toutes les interfaces"
	default:
		return "", false
	}
	return fmt.Sprintf("%s ne peut pas écouter sur %s : %s", what, addr, why), true
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
