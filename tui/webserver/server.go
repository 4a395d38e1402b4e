// Package webserver offers the interface on a web page: one page with a
// full-window terminal (xterm.js, embedded), connected by a WebSocket to a
// session of the same program an SSH session gets, with its own renderer,
// timers and limits.
package webserver

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"sync"
	"time"

	"github.com/charmbracelet/log"

	"entkiosk/screens"
)

// Options configure the web server (entkiosk serve --http).
type Options struct {
	Listen   string // host:port
	Sessions Sessions
	Lang     screens.Lang // the page's language when the address does not ask (?lang=en)
	// MaxSessions caps WebSocket sessions in total, MaxSessionsPerAddress
	// those from one client address (0: 1000 and 10, as over SSH).
	MaxSessions, MaxSessionsPerAddress int
	// TrustedProxies are the reverse proxies whose X-Forwarded-For is
	// believed; from anyone else the header is ignored.
	TrustedProxies []netip.Prefix
	// TLSCert and TLSKey make the listener HTTPS (otherwise TLS is the
	// reverse proxy's job).
	TLSCert, TLSKey string
	Logger          *log.Logger

	// for tests
	listener net.Listener
	ready    func(*Server)
}

// Defaults, the same as the SSH server's.
const (
	DefaultMaxSessions           = 1000
	DefaultMaxSessionsPerAddress = 10
)

// Limits of what a browser may send: a message (a paste is cut into 8 KiB
// pieces by the page) and the terminal's size.
const (
	maxMessage   = 64 << 10
	maxHeader    = 16 << 10
	headerWait   = 10 * time.Second
	helloWait    = 10 * time.Second
	writeTimeout = 10 * time.Second
)

// ErrNoAssets says that xterm.js was not copied into the package before the
// build (see assets/vendor.sh).
var ErrNoAssets = errors.New("webserver: xterm.js is missing from the binary: run `go generate ./tui/webserver` (npm ci) and build again")

// Server is the running web server.
type Server struct {
	o       Options
	log     *log.Logger
	limiter *limiter
	http    *http.Server
	page    *page

	mu       sync.Mutex
	sessions map[*webSession]struct{}
	closing  bool
	wg       sync.WaitGroup
}

// New checks the options and the embedded page.
func New(o Options) (*Server, error) {
	if o.Sessions == nil {
		return nil, errors.New("webserver: no sessions")
	}
	if !AssetsPresent() {
		return nil, ErrNoAssets
	}
	if o.MaxSessions <= 0 {
		o.MaxSessions = DefaultMaxSessions
	}
	if o.MaxSessionsPerAddress <= 0 {
		o.MaxSessionsPerAddress = DefaultMaxSessionsPerAddress
	}
	if o.Lang == "" {
		o.Lang = screens.French
	}
	if o.Logger == nil {
		o.Logger = log.New(io.Discard)
	}
	if (o.TLSCert == "") != (o.TLSKey == "") {
		return nil, errors.New("webserver: --tls-cert and --tls-key go together")
	}
	s := &Server{o: o, log: o.Logger.WithPrefix("web"), sessions: map[*webSession]struct{}{}}
	s.limiter = newLimiter(o.MaxSessions, o.MaxSessionsPerAddress, s.log)
	p, err := newPage()
	if err != nil {
		return nil, err
	}
	s.page = p
	s.http = &http.Server{Handler: s.Handler(), ReadHeaderTimeout: headerWait, MaxHeaderBytes: maxHeader,
		IdleTimeout: time.Minute, ErrorLog: s.log.StandardLog(log.StandardLogOptions{ForceLevel: log.DebugLevel})}
	if o.TLSCert != "" {
		cert, err := tls.LoadX509KeyPair(o.TLSCert, o.TLSKey)
		if err != nil {
			return nil, fmt.Errorf("webserver: --tls-cert/--tls-key: %w", err)
		}
		s.http.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	return s, nil
}

// Serve runs the web server until ctx ends, then tells every session and
// closes them.
func Serve(ctx context.Context, o Options) error {
	s, err := New(o)
	if err != nil {
		return err
	}
	ln := o.listener
	if ln == nil {
		if ln, err = net.Listen("tcp", o.Listen); err != nil {
			return err
		}
	}
	return s.serve(ctx, ln)
}

func (s *Server) serve(ctx context.Context, ln net.Listener) error {
	scheme := "http"
	if s.http.TLSConfig != nil {
		ln = tls.NewListener(ln, s.http.TLSConfig)
		scheme = "https"
	}
	s.log.Info("listening", "addr", ln.Addr().String(), "scheme", scheme, "max_sessions", s.o.MaxSessions,
		"max_sessions_per_address", s.o.MaxSessionsPerAddress, "trusted_proxies", len(s.o.TrustedProxies))
	if s.o.ready != nil {
		s.o.ready(s)
	}
	served := make(chan error, 1)
	go func() { served <- s.http.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("web: %w", err)
	case <-ctx.Done():
	}
	s.shutdown()
	<-served
	return nil
}

// shutdown stops accepting and ends every session (each is told by its
// program and closed with a reason the page shows).
func (s *Server) shutdown() {
	s.mu.Lock()
	s.closing = true
	live := make([]*webSession, 0, len(s.sessions))
	for ws := range s.sessions {
		live = append(live, ws)
	}
	s.mu.Unlock()
	s.log.Info("stopping", "sessions", len(live))
	shut, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	go func() {
		for _, ws := range live {
			ws.shutdown()
		}
	}()
	s.wg.Wait()
	_ = s.http.Shutdown(shut)
	s.log.Info("stopped")
}

func (s *Server) register(ws *webSession) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	s.sessions[ws] = struct{}{}
	s.wg.Add(1)
	return true
}

func (s *Server) unregister(ws *webSession) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.sessions, ws)
	s.wg.Done()
}

// SessionCount is the number of open web sessions.
func (s *Server) SessionCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}

// Handler serves the page, its files and the WebSocket.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.servePage)
	mux.Handle("GET /static/", s.static())
	mux.HandleFunc("GET /favicon.ico", s.favicon)
	mux.HandleFunc("GET /ws", s.serveSocket)
	return securityHeaders(mux)
}
