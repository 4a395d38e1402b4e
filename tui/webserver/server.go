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

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/log"

	"entkiosk/data"
	"entkiosk/data/text"
	"entkiosk/tui"
	"entkiosk/tui/netlist"
)

// Options configure the web server (entkiosk serve --http). The limits
// and timers are the SSH server's, with the same defaults.
type Options struct {
	Store  *data.Store
	Listen string // host:port
	Demo   bool
	Lang   text.Lang // the page's and the session's language when the address does not ask (?lang=en)
	// MaxSessions caps WebSocket sessions in total, MaxSessionsPerAddress
	// those from one client address (0: 1000 and 10).
	MaxSessions, MaxSessionsPerAddress int
	// SharedNetworks: a client address in them (after the trusted
	// proxies) is shared by many people (a campus NAT): it may have
	// MaxSessionsPerSharedAddress sessions (0: 200; still within
	// MaxSessions), and the store's higher per-client limits.
	SharedNetworks              netlist.List
	MaxSessionsPerSharedAddress int
	// IdleTimeout without a key closes a session (0: 120 s);
	// MaxSessionTime ends any session (0: 30 min).
	IdleTimeout, MaxSessionTime time.Duration
	// HelpdeskIdleTimeout while an agent with the helpdesk role is logged
	// in (0: tui.DefaultHelpdeskIdleTimeout).
	HelpdeskIdleTimeout time.Duration
	// ShutdownGrace is how long sessions see "the service restarts" before
	// they are closed (0: 5 s).
	ShutdownGrace time.Duration
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
	hook     func(msg tea.Msg) tea.Cmd
}

// Defaults, the SSH server's (serve's flags set both servers).
const (
	DefaultMaxSessions           = 1000
	DefaultMaxSessionsPerAddress = 10
	// DefaultMaxSessionsPerSharedAddress: a lecture hall behind one address.
	DefaultMaxSessionsPerSharedAddress = 200
	DefaultIdleTimeout                 = 120 * time.Second
	DefaultMaxSessionTime              = 30 * time.Minute
	DefaultShutdownGrace               = 5 * time.Second
)

// endGrace is how long a session asked to end may take before its
// connection is cut (a page that stopped reading blocks its writes).
const endGrace = 5 * time.Second

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
	log     *log.Logger // "web"
	tuiLog  *log.Logger // "tui"
	limiter *limiter
	http    *http.Server
	page    *page

	mu       sync.Mutex
	sessions map[*webSession]struct{}
	closing  bool
}

// New checks the options and the embedded page.
func New(o Options) (*Server, error) {
	if o.Store == nil {
		return nil, errors.New("webserver: no store")
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
	if o.MaxSessionsPerSharedAddress <= 0 {
		o.MaxSessionsPerSharedAddress = DefaultMaxSessionsPerSharedAddress
	}
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = DefaultIdleTimeout
	}
	if o.MaxSessionTime <= 0 {
		o.MaxSessionTime = DefaultMaxSessionTime
	}
	if o.ShutdownGrace <= 0 {
		o.ShutdownGrace = DefaultShutdownGrace
	}
	if o.Lang == "" {
		o.Lang = text.French
	}
	if o.Logger == nil {
		o.Logger = log.New(io.Discard)
	}
	if (o.TLSCert == "") != (o.TLSKey == "") {
		return nil, errors.New("webserver: --tls-cert and --tls-key go together")
	}
	s := &Server{o: o, log: o.Logger.WithPrefix("web"), tuiLog: o.Logger.WithPrefix("tui"),
		sessions: map[*webSession]struct{}{}}
	s.limiter = newLimiter(o.MaxSessions, o.MaxSessionsPerAddress, s.log)
	s.limiter.shared, s.limiter.perShared = o.SharedNetworks, o.MaxSessionsPerSharedAddress
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
		"max_sessions_per_address", s.o.MaxSessionsPerAddress, "shared_networks", s.o.SharedNetworks.String(),
		"max_sessions_per_shared_address", s.o.MaxSessionsPerSharedAddress, "trusted_proxies", len(s.o.TrustedProxies))
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

// shutdown stops accepting, tells every session, waits the grace period
// (or until every session has left), then ends what remains.
func (s *Server) shutdown() {
	s.mu.Lock()
	s.closing = true
	live := s.liveLocked()
	s.mu.Unlock()
	s.log.Info("stopping", "sessions", len(live), "grace", s.o.ShutdownGrace)
	// No new connection from now on (hijacked WebSockets are not waited for).
	shut, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = s.http.Shutdown(shut)
	for _, ws := range live {
		go ws.program.Closing()
	}
	s.waitSessions(s.o.ShutdownGrace)
	s.mu.Lock()
	live = s.liveLocked()
	s.mu.Unlock()
	for _, ws := range live {
		ws.end(tui.EndShutdown)
	}
	s.waitSessions(endGrace + time.Second)
	s.log.Info("stopped")
}

func (s *Server) liveLocked() []*webSession {
	out := make([]*webSession, 0, len(s.sessions))
	for ws := range s.sessions {
		out = append(out, ws)
	}
	return out
}

// waitSessions waits until no session runs, at most d.
func (s *Server) waitSessions(d time.Duration) {
	deadline := time.Now().Add(d)
	for s.SessionCount() > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
}

// register adds a session to those told at shutdown; false if the server
// is already closing.
func (s *Server) register(ws *webSession) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sessions[ws] = struct{}{}
	return !s.closing
}

func (s *Server) unregister(ws *webSession) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.sessions, ws)
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
