package sshserver

import (
	"encoding/binary"
	"net"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"entkiosk/tui"
)

// The server asks for no SSH authentication (the interface's own login is
// the authentication), so everything else SSH can do is closed here: one
// session channel per connection, a shell with a pty and nothing more.

// handshakeTimeout is how long a connection has, from accept, to reach a
// running session: a silent or slow TCP connection is closed after it.
const handshakeTimeout = 10 * time.Second

type ctxKey struct{ name string }

var connKey = &ctxKey{"entkiosk-conn"}

// connLimiter caps connections in total and per source address. It counts
// from accept to close, and refuses before reading a byte of SSH, so that a
// flood costs a closed socket and no handshake.
type connLimiter struct {
	max, perAddr int
	handshake    time.Duration
	log          *log.Logger

	mu     sync.Mutex
	total  int
	byAddr map[netip.Addr]int

	refused     atomic.Int64 // since the last log line
	lastRefusal atomic.Int64 // unix nano of that line
}

func newConnLimiter(max, perAddr int, handshake time.Duration, logger *log.Logger) *connLimiter {
	return &connLimiter{max: max, perAddr: perAddr, handshake: handshake, log: logger, byAddr: map[netip.Addr]int{}}
}

// remoteIP is the source address of a connection, without its port.
func remoteIP(a net.Addr) netip.Addr {
	if ap, err := netip.ParseAddrPort(a.String()); err == nil {
		return ap.Addr().Unmap()
	}
	return netip.Addr{}
}

// accept is the server's ConnCallback: nil refuses the connection.
func (l *connLimiter) accept(ctx ssh.Context, c net.Conn) net.Conn {
	ip := remoteIP(c.RemoteAddr())
	l.mu.Lock()
	if l.total >= l.max || l.byAddr[ip] >= l.perAddr {
		total, here := l.total, l.byAddr[ip]
		l.mu.Unlock()
		l.logRefusal(ip, total, here)
		return nil
	}
	l.total++
	l.byAddr[ip]++
	l.mu.Unlock()

	lc := &limitedConn{Conn: c, ip: ip, limiter: l}
	lc.deadline = time.AfterFunc(l.handshake, func() {
		lc.expired.Store(true)
		c.Close()
	})
	ctx.SetValue(connKey, lc)
	return lc
}

func (l *connLimiter) release(ip netip.Addr) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.total--
	if l.byAddr[ip]--; l.byAddr[ip] <= 0 {
		delete(l.byAddr, ip)
	}
}

// count is the number of open connections (tests and logs).
func (l *connLimiter) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.total
}

// logRefusal logs at most one line a second, so that a flood cannot fill
// the disk; the line says how many were refused meanwhile.
func (l *connLimiter) logRefusal(ip netip.Addr, total, here int) {
	n := l.refused.Add(1)
	now := time.Now().UnixNano()
	last := l.lastRefusal.Load()
	if now-last < int64(time.Second) || !l.lastRefusal.CompareAndSwap(last, now) {
		return
	}
	l.refused.Add(-n)
	l.log.Warn("connection refused: limit reached", "addr", ip.String(), "open", total, "open_from_addr", here,
		"refused", n, "max", l.max, "max_per_addr", l.perAddr)
}

// limitedConn is a counted connection. Its handshake timer closes it
// unless a session starts in time.
type limitedConn struct {
	net.Conn
	ip       netip.Addr
	limiter  *connLimiter
	deadline *time.Timer
	expired  atomic.Bool
	sessions atomic.Int32 // session channels opened (one allowed)
	once     sync.Once
}

// established stops the handshake timer; false if it already fired.
func (c *limitedConn) established() bool {
	return c.deadline.Stop() && !c.expired.Load()
}

func (c *limitedConn) Close() error {
	c.once.Do(func() {
		c.deadline.Stop()
		c.limiter.release(c.ip)
	})
	return c.Conn.Close()
}

func connOf(ctx ssh.Context) *limitedConn {
	c, _ := ctx.Value(connKey).(*limitedConn)
	return c
}

// sessionChannel accepts one session channel per connection and filters
// its requests; every other channel type (direct-tcpip for -L, ...) has no
// handler and is rejected by the server.
func (s *sshServer) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	if c := connOf(ctx); c != nil && c.sessions.Add(1) > 1 {
		nc.Reject(gossh.Prohibited, "one session per connection")
		return
	}
	box := newWindowBox()
	ctx.SetValue(windowKey, box)
	ssh.DefaultSessionHandler(srv, conn, &guardedChannel{NewChannel: nc, s: s, ctx: ctx, window: box}, ctx)
}

// guardedChannel filters a session's requests before the library sees them.
// The connection's request loop never waits for the application: a
// request it waits on stops the whole connection from being read (its
// close included). Window changes go to the session's windowBox (only the
// last size matters); a refusal's line is written aside.
type guardedChannel struct {
	gossh.NewChannel
	s      *sshServer
	ctx    ssh.Context
	window *windowBox
}

func (g *guardedChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := g.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		told := false // the refusal's line is written once a channel
		for req := range reqs {
			if req.Type == "window-change" {
				w, h, ok := parseWindowChange(req.Payload)
				if ok {
					g.window.set(w, h)
				}
				if req.WantReply {
					_ = req.Reply(ok, nil)
				}
				continue
			}
			why := refusedRequest(req.Type)
			switch {
			case why == "":
				out <- req
				continue
			case why == "quiet":
				// env and agent requests come with every OpenSSH client: not news.
				g.s.log.Debug("request refused", "addr", g.ctx.RemoteAddr().String(), "request", req.Type)
			case !told:
				told = true
				g.s.log.Info("request refused", "addr", g.ctx.RemoteAddr().String(), "request", req.Type)
				// Aside: a client that reads nothing would block the write.
				go func(req *gossh.Request) {
					_, _ = ch.Stderr().Write([]byte(tui.Bilingual(why) + "\r\n"))
					// OpenSSH gives up at the refusal: let it print the line first.
					time.Sleep(100 * time.Millisecond)
					_ = req.Reply(false, nil)
				}(req)
				continue
			}
			_ = req.Reply(false, nil)
		}
	}()
	return ch, out, nil
}

// parseWindowChange reads a window-change request (RFC 4254 6.7): columns,
// rows, then the size in pixels.
func parseWindowChange(p []byte) (width, height int, ok bool) {
	if len(p) < 8 {
		return 0, 0, false
	}
	return int(binary.BigEndian.Uint32(p)), int(binary.BigEndian.Uint32(p[4:])), true
}

// windowBox holds a session's latest window size, from the request loop to
// the session's program: setting never waits, and sizes set faster than
// the program takes them are coalesced.
type windowBox struct {
	mu      sync.Mutex
	w, h    int
	changed chan struct{} // one pending signal at most
}

func newWindowBox() *windowBox { return &windowBox{changed: make(chan struct{}, 1)} }

func (b *windowBox) set(w, h int) {
	b.mu.Lock()
	b.w, b.h = w, h
	b.mu.Unlock()
	select {
	case b.changed <- struct{}{}:
	default: // a signal is pending: the program will read this size
	}
}

func (b *windowBox) size() (w, h int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.w, b.h
}

var windowKey = &ctxKey{"entkiosk-window"}

func windowOf(ctx ssh.Context) *windowBox {
	b, _ := ctx.Value(windowKey).(*windowBox)
	return b
}

// refusedRequest says whether a session request is refused: the catalogue
// key of the line sent to the client, or "quiet" (the client says it).
func refusedRequest(kind string) string {
	switch kind {
	case "shell", "pty-req", "window-change", "signal", "break":
		return ""
	case "exec":
		return "ssh.exec"
	case "subsystem":
		return "ssh.subsystem"
	}
	// env, auth-agent-req@openssh.com, x11-req and anything unknown
	return "quiet"
}
