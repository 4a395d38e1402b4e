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
	"entkiosk/tui/webserver"
)

// webOptions: serve's web page (--http), beside the SSH server.
type webOptions struct {
	listen, trustedProxy, tlsCert, tlsKey string
	proxies                               []netip.Prefix
}

func (f *flags) webOptions(w *webOptions) {
	f.str(&w.listen, "http", "HÔTE:PORT", "", "sert aussi l'interface sur une page web (WebSocket) à cette adresse ; vide : pas de page web")
	f.str(&w.trustedProxy, "trusted-proxy", "ADRESSES", "", "proxys inverses (adresses ou réseaux, séparés par des virgules) dont l'en-tête X-Forwarded-For donne l'adresse du client ; ailleurs il est ignoré")
	f.str(&w.tlsCert, "tls-cert", "CHEMIN", "", "certificat TLS : la page web est servie en HTTPS (sans lui, le TLS est l'affaire du proxy)")
	f.str(&w.tlsKey, "tls-key", "CHEMIN", "", "clé privée du certificat --tls-cert")
}

// check refuses, before anything starts, what cannot work.
func (w *webOptions) check(cmd string) error {
	if w.listen == "" {
		if w.tlsCert != "" || w.tlsKey != "" || w.trustedProxy != "" {
			return usageError{cmd + " : --tls-cert, --tls-key et --trusted-proxy vont avec --http"}
		}
		return nil
	}
	_, port, err := net.SplitHostPort(w.listen)
	if n, perr := strconv.Atoi(port); err != nil || perr != nil || n < 0 || n > 65535 {
		return usageError{fmt.Sprintf("%s : --http %q : une adresse HÔTE:PORT attendue, comme 127.0.0.1:8080", cmd, w.listen)}
	}
	if (w.tlsCert == "") != (w.tlsKey == "") {
		return usageError{cmd + " : --tls-cert et --tls-key vont ensemble"}
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
		return usageError{fmt.Sprintf("%s : --trusted-proxy %q : des adresses IP ou des réseaux (127.0.0.1, 10.0.0.0/8), séparés par des virgules", cmd, w.trustedProxy)}
	}
	if !webserver.AssetsPresent() {
		return errors.New(cmd + " : --http : la page web n'est pas dans ce binaire (xterm.js manque) : " +
			"lancez « go generate ./tui/webserver » (npm ci), puis recompilez")
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
		MaxSessions: maxSessions, MaxSessionsPerAddress: perAddress, IdleTimeout: idle, HelpdeskIdleTimeout: helpdeskIdle,
		MaxSessionTime: maxTime, TrustedProxies: w.proxies, TLSCert: w.tlsCert, TLSKey: w.tlsKey, Logger: logger})
	if msg, ok := listenErrorOf("la page web", "--http", "8080 par exemple", w.listen, err); ok {
		return errors.New(msg)
	}
	if err != nil {
		return fmt.Errorf("page web : %w", err)
	}
	return nil
}
