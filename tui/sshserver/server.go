// Package sshserver offers entkiosk's interface over SSH (entkiosk serve):
// wish's server with everything but a shell closed, connection limits, the
// host key, and for each session its own renderer, input and screen
// writer around the shell's program (tui.NewProgram).
package sshserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/recover"
	gossh "golang.org/x/crypto/ssh"

	"entkiosk/data"
	"entkiosk/screens"
	"entkiosk/tui"
	"entkiosk/tui/netlist"
)

// ServeOptions configure the SSH server (entkiosk serve).
type ServeOptions struct {
	Store       *data.Store
	Listen      string // host:port
	HostKeyPath string // generated on first start
	Demo        bool
	Lang        screens.Lang // first language of every session
	// MaxSessions caps connections in total, MaxSessionsPerAddress those
	// from one source address (0: 1000 and 10).
	MaxSessions, MaxSessionsPerAddress int
	// SharedNetworks are networks where many people share one address (a
	// campus NAT, a library proxy): a source in them may have
	// MaxSessionsPerSharedAddress connections (0: 200; still within
	// MaxSessions) and maxWaitingPerSharedSource handshakes under way, and
	// its sessions the store's higher per-client limits (data.Origin.Shared).
	SharedNetworks              netlist.List
	MaxSessionsPerSharedAddress int
	// IdleTimeout without a key: a personal session is closed, a kiosk one
	// wiped (0: 120 s). MaxSessionTime ends any session (a kiosk one at its
	// next return home) (0: 30 min).
	IdleTimeout, MaxSessionTime time.Duration
	// HelpdeskIdleTimeout is the idle timeout of a session where an agent
	// with the helpdesk role is logged in (0: 15 min).
	HelpdeskIdleTimeout time.Duration
	// ShutdownGrace is how long sessions see "the service restarts" before
	// they are closed (0: 5 s).
	ShutdownGrace time.Duration
	Logger        *log.Logger

	// for tests (ssh_harness_test.go)
	listener   net.Listener              // instead of Listen
	handshake  time.Duration             // instead of handshakeTimeout
	keyGrace   time.Duration             // instead of hostKeyGrace
	maxWaiting int                       // instead of DefaultMaxWaiting
	hook       func(msg tea.Msg) tea.Cmd // sees every message first
	ready      func(s *sshServer)
}

// The algorithms offered. Key exchange: ML-KEM hybrid and curve25519
// (sntrup761 is not in x/crypto); ciphers: AEAD only, which carry their
// own integrity, so no MAC is ever negotiated (OpenSSH and x/crypto skip
// the MAC choice with an AEAD cipher); the MACs listed are the SHA-2 ETM
// ones, for clients that look at the list.
var (
	kexAlgorithms = []string{gossh.KeyExchangeMLKEM768X25519, gossh.KeyExchangeCurve25519,
		"curve25519-sha256@libssh.org"}
	cipherAlgorithms = []string{gossh.CipherAES128GCM, gossh.CipherAES256GCM, gossh.CipherChaCha20Poly1305}
	macAlgorithms    = []string{gossh.HMACSHA256ETM, gossh.HMACSHA512ETM}
)

// Defaults of the serve flags (the README lists them).
const (
	DefaultMaxSessions           = 1000
	DefaultMaxSessionsPerAddress = 10
	// DefaultMaxSessionsPerSharedAddress: a lecture hall's worth of
	// students behind one campus address.
	DefaultMaxSessionsPerSharedAddress = 200
	DefaultIdleTimeout                 = 120 * time.Second
	DefaultHelpdeskIdleTimeout         = tui.DefaultHelpdeskIdleTimeout
	DefaultMaxSessionTime              = 30 * time.Minute
	DefaultShutdownGrace               = 5 * time.Second
)

// endGrace is how long a session asked to end may take before its
// connection is cut (a client that stopped reading blocks its writes).
const endGrace = 5 * time.Second

// sshServer is the running server: wish's server, the limits, and the
// sessions it can reach at shutdown.
type sshServer struct {
	o           ServeOptions
	srv         *ssh.Server
	limiter     *connLimiter
	log         *slog.Logger // "ssh", through logHandler
	tuiLog      *log.Logger  // "tui"
	fingerprint string

	mu       sync.Mutex
	sessions map[*sshSession]struct{}
	closing  bool
	running  atomic.Int64 // session handlers
}

// Serve runs the SSH server until ctx ends, then closes it gracefully:
// no new connection, every session told, a grace period, then closed.
// The caller closes the store afterwards.
func Serve(ctx context.Context, o ServeOptions) error {
	s, err := newSSHServer(o)
	if err != nil {
		return err
	}
	ln := o.listener
	if ln == nil {
		if ln, err = net.Listen("tcp", o.Listen); err != nil {
			return err
		}
	}
	s.log.Info("listening", "addr", ln.Addr().String(), "fingerprint", s.fingerprint, "host_key", o.HostKeyPath,
		"max_sessions", s.o.MaxSessions, "max_sessions_per_address", s.o.MaxSessionsPerAddress,
		"shared_networks", s.o.SharedNetworks.String(), "max_sessions_per_shared_address", s.o.MaxSessionsPerSharedAddress,
		"idle_timeout", s.o.IdleTimeout, "max_session_time", s.o.MaxSessionTime)
	if o.ready != nil {
		o.ready(s)
	}
	go handBackAfterWaves(ctx, &s.limiter.opened)
	served := make(chan error, 1)
	sl := &servingListener{Listener: ln, serving: make(chan struct{})}
	go func() { served <- s.srv.Serve(sl) }()
	select {
	case err := <-served:
		s.srv.Close()
		return fmt.Errorf("ssh: %w", err)
	case <-ctx.Done():
	}
	// The library's Shutdown must not run before Serve has set itself up:
	// it would race with it and miss the listener, and Serve would then
	// accept for ever (a SIGTERM in the first milliseconds).
	select {
	case <-sl.serving:
	case err := <-served:
		s.srv.Close()
		return fmt.Errorf("ssh: %w", err)
	}
	s.shutdown()
	<-served
	return nil
}

// servingListener says when Serve first accepts: by then its set-up is
// done (handlers, host key, the listener tracked for Shutdown).
type servingListener struct {
	net.Listener
	once    sync.Once
	serving chan struct{}
}

func (l *servingListener) Accept() (net.Conn, error) {
	l.once.Do(func() { close(l.serving) })
	return l.Listener.Accept()
}

func newSSHServer(o ServeOptions) (*sshServer, error) {
	if o.Store == nil {
		return nil, errors.New("ssh: no store")
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
	if o.maxWaiting <= 0 {
		o.maxWaiting = DefaultMaxWaiting
	}
	if o.handshake <= 0 {
		o.handshake = handshakeTimeout
	}
	if o.Lang == "" {
		o.Lang = screens.French
	}
	if o.Logger == nil {
		o.Logger = log.New(io.Discard)
	}
	signer, created, err := loadHostKey(o.HostKeyPath)
	if err != nil {
		return nil, err
	}
	s := &sshServer{o: o, log: slog.New(newLogHandler(o.Logger.WithPrefix("ssh"))), tuiLog: o.Logger.WithPrefix("tui"),
		fingerprint: gossh.FingerprintSHA256(signer.PublicKey()), sessions: map[*sshSession]struct{}{}}
	if created {
		s.log.Info("host key generated", "path", o.HostKeyPath)
	}
	s.limiter = newConnLimiter(o.MaxSessions, o.MaxSessionsPerAddress, o.maxWaiting, o.handshake, s.log)
	s.limiter.shared, s.limiter.perShared = o.SharedNetworks, o.MaxSessionsPerSharedAddress
	if o.keyGrace > 0 {
		s.limiter.keyGrace = o.keyGrace
	}

	srv, err := wish.NewServer(
		func(srv *ssh.Server) error {
			srv.AddHostKey(signer)
			return nil
		},
		wish.WithVersion("entkiosk"),
		ssh.WrapConn(s.limiter.accept),
		wish.WithMiddleware(
			// Composed first to last, the last runs first.
			recover.MiddlewareWithLogger(slog.NewLogLogger(s.log.Handler(), slog.LevelError),
				s.runMiddleware,
				s.sessionMiddleware,
				s.loggingMiddleware,
			),
		),
	)
	if err != nil {
		return nil, err
	}
	// Only shell sessions: no other channel type (-L is direct-tcpip), no
	// global request (-R is tcpip-forward), no subsystem.
	srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": s.sessionChannel}
	srv.RequestHandlers = map[string]ssh.RequestHandler{}
	srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
	// Only modern algorithms (issue 13.8): a client that offers nothing else
	// is refused at the key exchange.
	srv.ServerConfigCallback = func(ssh.Context) *gossh.ServerConfig {
		return &gossh.ServerConfig{Config: gossh.Config{KeyExchanges: kexAlgorithms, Ciphers: cipherAlgorithms,
			MACs: macAlgorithms}}
	}
	srv.ConnectionFailedCallback = func(c net.Conn, err error) {
		s.log.Debug("handshake failed", "addr", c.RemoteAddr().String(), "err", err)
	}
	s.srv = srv
	return s, nil
}

// shutdown stops accepting, tells every session, waits the grace period
// (or until every session has left), then closes what remains.
func (s *sshServer) shutdown() {
	s.mu.Lock()
	s.closing = true
	live := s.liveLocked()
	s.mu.Unlock()
	s.log.Info("stopping", "sessions", len(live), "grace", s.o.ShutdownGrace)

	// Closing the listeners first: no new connection from now on.
	shut, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.srv.Shutdown(shut) //nolint:errcheck // waits for connections; cancelled below
	for _, ss := range live {
		go ss.program.Closing()
	}
	s.waitSessions(s.o.ShutdownGrace)

	s.mu.Lock()
	live = s.liveLocked()
	s.mu.Unlock()
	for _, ss := range live {
		ss.end(tui.EndShutdown)
	}
	s.waitSessions(endGrace)
	s.srv.Close()
	s.waitSessions(time.Second)
	s.log.Info("stopped")
}

func (s *sshServer) liveLocked() []*sshSession {
	out := make([]*sshSession, 0, len(s.sessions))
	for ss := range s.sessions {
		out = append(out, ss)
	}
	return out
}

// waitSessions waits until no session handler runs, at most d. (A
// WaitGroup would not do: sessions may still start while it waits.)
func (s *sshServer) waitSessions(d time.Duration) {
	deadline := time.Now().Add(d)
	for s.running.Load() > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
}

// register adds a session to those told at shutdown; false if the server
// is already closing.
func (s *sshServer) register(ss *sshSession) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sessions[ss] = struct{}{}
	return !s.closing
}

func (s *sshServer) unregister(ss *sshSession) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.sessions, ss)
}

// sessionCount is the number of running sessions.
func (s *sshServer) sessionCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}
