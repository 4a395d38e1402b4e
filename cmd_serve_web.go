package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"strconv"
	"time"

	"github.com/charmbracelet/log"

	"entkiosk/data"
	"entkiosk/data/text"
	"entkiosk/tui/netlist"
	"entkiosk/tui/webserver"
)

// webOptions: serve's web page (--http), beside the SSH server.
type webOptions struct {
	listen, trustedProxy, tlsCert, tlsKey string
	proxies                               []netip.Prefix
	shared                                netlist.List // --shared-networks, read by serve
	perShared                             int
}

func (f *flags) webOptions(w *webOptions) {
	f.str(&w.listen, "http", "HÔTE:PORT", "", say("cli.web.flag.http"))
	f.str(&w.trustedProxy, "trusted-proxy", "ADRESSES", "", say("cli.web.flag.trustedproxy"))
	f.str(&w.tlsCert, "tls-cert", "CHEMIN", "", say("cli.web.flag.tlscert"))
	f.str(&w.tlsKey, "tls-key", "CHEMIN", "", say("cli.web.flag.tlskey"))
}

// check refuses, before anything starts, what cannot work.
func (w *webOptions) check(cmd string) error {
	if w.listen == "" {
		if w.tlsCert != "" || w.tlsKey != "" || w.trustedProxy != "" {
			return usageError{cmd + say("cli.web.needshttp")}
		}
		return nil
	}
	_, port, err := net.SplitHostPort(w.listen)
	if n, perr := strconv.Atoi(port); err != nil || perr != nil || n < 0 || n > 65535 {
		return usageError{fmt.Sprintf(say("cli.web.http.bad"), cmd, w.listen)}
	}
	if (w.tlsCert == "") != (w.tlsKey == "") {
		return usageError{cmd + say("cli.web.tls.pair")}
	}
	for _, p := range []string{w.tlsCert, w.tlsKey} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err != nil {
			return fmt.Errorf("%s : %s : %s", cmd, p, osReason(err))
		}
	}
	if w.proxies, err = webserver.ParseTrustedProxies(w.trustedProxy); err != nil {
		return usageError{fmt.Sprintf(say("cli.web.proxy.bad"), cmd, w.trustedProxy)}
	}
	if !webserver.AssetsPresent() {
		return errors.New(cmd + say("cli.web.noassets") +
			say("cli.web.generate"))
	}
	return nil
}

// serveWeb runs the web page until ctx ends; nil without --http.
func (w *webOptions) serve(ctx context.Context, store *data.Store, demo bool, lang string, maxSessions, perAddress int,
	idle, helpdeskIdle, maxTime time.Duration, logger *log.Logger) error {
	if w.listen == "" {
		return nil
	}
	err := webserver.Serve(ctx, webserver.Options{Store: store, Listen: w.listen, Demo: demo, Lang: text.ParseLang(lang),
		MaxSessions: maxSessions, MaxSessionsPerAddress: perAddress, SharedNetworks: w.shared,
		MaxSessionsPerSharedAddress: w.perShared, IdleTimeout: idle, HelpdeskIdleTimeout: helpdeskIdle,
		MaxSessionTime: maxTime, TrustedProxies: w.proxies, TLSCert: w.tlsCert, TLSKey: w.tlsKey, Logger: logger})
	if msg, ok := listenErrorOf(say("cli.web.page"), "--http", say("cli.web.listen.example"), w.listen, err); ok {
		return errors.New(msg)
	}
	if err != nil {
		return fmt.Errorf(say("cli.web.failed"), err)
	}
	return nil
}
