package sshserver

import (
	"encoding/binary"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"entkiosk/tui"
)

// The server asks for no SSH authentication (the interface's own login is
// the authentication), so everything else SSH can do is closed here: one
// session channel per connection, a shell with a pty and nothing more.

type ctxKey struct{ name string }

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
// the program takes them are coalesced. A goroutine hands them over while
// one is pending, none otherwise.
type windowBox struct {
	mu      sync.Mutex
	w, h    int
	pending bool           // a size the program has not been given
	sending bool           // deliver runs
	send    func(w, h int) // the program's (nil: none yet, or no more)
}

func newWindowBox() *windowBox { return &windowBox{} }

func (b *windowBox) set(w, h int) {
	b.mu.Lock()
	b.w, b.h, b.pending = w, h, true
	start := b.startLocked()
	b.mu.Unlock()
	if start {
		go b.deliver()
	}
}

// follow hands the sizes to send from now on (nil: to nobody), the one
// pending first.
func (b *windowBox) follow(send func(w, h int)) {
	b.mu.Lock()
	b.send = send
	start := b.startLocked()
	b.mu.Unlock()
	if start {
		go b.deliver()
	}
}

func (b *windowBox) startLocked() bool {
	if b.send == nil || b.sending || !b.pending {
		return false
	}
	b.sending = true
	return true
}

// deliver hands the pending size over until none is.
func (b *windowBox) deliver() {
	for {
		b.mu.Lock()
		if !b.pending || b.send == nil {
			b.sending = false
			b.mu.Unlock()
			return
		}
		w, h, send := b.w, b.h, b.send
		b.pending = false
		b.mu.Unlock()
		send(w, h)
	}
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
