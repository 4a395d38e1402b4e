package sshserver

import (
	"context"
	"errors"
	"io"
	"strings"
	"sync"

	"entkiosk/data"
	"entkiosk/screens"
	"entkiosk/tui"
	"entkiosk/tui/accessible"
)

// The accessible mode over SSH (tui/accessible): chosen with the user name
// acces (or access), with a mail's link followed by +acces, or with F3
// from the screens. The session's pty is this server's: the accessible
// line reader echoes what is typed itself, and never a password (huh's
// accessible mode cannot: it asks a password with term.ReadPassword on a
// file descriptor, which an SSH channel does not have).

// AccessibleUsers are the user names of the accessible mode.
var AccessibleUsers = []string{"acces", "access"}

// accessibleUser says whether user asks for the accessible mode, and the
// link token it carries (TOKEN+acces), if any.
func accessibleUser(user string) (accessibleMode bool, token string) {
	for _, name := range AccessibleUsers {
		if user == name {
			return true, ""
		}
		if t, ok := strings.CutSuffix(user, "+"+name); ok && data.IsToken(t) {
			return true, t
		}
	}
	return false, ""
}

// runAccessible runs the accessible mode on the session's terminal; from
// the screens (F3), with whoever was logged in. The session's idle rule is
// the accessible mode's own (its sentence before the end), its max time
// holds through ctx.
func (ss *sshSession) runAccessible(ctx context.Context, in io.Reader, start accessibleStart) {
	o := ss.srv.o
	ss.mu.Lock()
	if ss.idle != nil {
		ss.idle.Stop()
	}
	ss.mu.Unlock()
	ctx, cancel := context.WithTimeout(ctx, o.MaxSessionTime)
	defer cancel()
	ao := accessible.Options{Store: o.Store, Lang: screens.Lang(start.lang), Demo: o.Demo, Client: ss.client, SharedClient: ss.shared,
		IdleTimeout: o.IdleTimeout, In: in, Out: ss.sess, Terminal: true, Account: start.account,
		Logger: tui.SessionLogger(ss.srv.tuiLog, "session", shortID(ss.sess.Context()))}
	if ao.Lang == "" {
		ao.Lang = o.Lang
	}
	if ss.kiosk {
		// A campus terminal (F3 there): a wipe erases the terminal and its
		// scrollback, then ends the session; the terminal reconnects to the
		// screens for the next person, as "back to the usual display" does.
		ao.Kiosk, ao.FromScreens = true, true
		ao.Clear = func() { _, _ = io.WriteString(ss.sess, tui.ClearTerminal) }
	}
	if start.token != "" {
		ao.Start = tui.OpenLink(ctx, o.Store, start.token, ao.Logger)
	}
	err := accessible.Run(ctx, ao)
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		ss.setReason(tui.EndMaxTime)
	case err != nil && !errors.Is(err, accessible.ErrLeft):
		ss.log.Error("accessible", "err", err)
		ss.setReason(tui.EndError)
	default:
		ss.setReason(tui.EndQuit) // the session said why it ended
	}
}

type accessibleStart struct {
	token   string
	account *data.Account
	lang    string
}

// handoff is the program's input that can be handed over to the
// accessible mode (F3): Bubble Tea's reading goroutine outlives its
// program, blocked in a read; what it reads after the hand-over is kept
// for the accessible mode, never lost (the first key after F3).
type handoff struct {
	mu      sync.Mutex
	cond    *sync.Cond
	r       io.Reader
	stopped bool
	pending bool // the program's read is waiting on r
	back    []byte
	backErr error
}

func newHandoff(r io.Reader) *handoff {
	h := &handoff{r: r}
	h.cond = sync.NewCond(&h.mu)
	return h
}

// Read is the program's.
func (h *handoff) Read(p []byte) (int, error) {
	h.mu.Lock()
	if h.stopped {
		h.mu.Unlock()
		return 0, io.EOF
	}
	h.pending = true
	h.mu.Unlock()
	n, err := h.r.Read(p)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.pending = false
	h.cond.Broadcast()
	if h.stopped {
		h.back, h.backErr = append(h.back, p[:n]...), err
		return 0, io.EOF
	}
	return n, err
}

// handOver stops the program's reading; the reader returned gets
// everything from now on.
func (h *handoff) handOver() io.Reader {
	h.mu.Lock()
	h.stopped = true
	h.mu.Unlock()
	return readerFunc(h.after)
}

func (h *handoff) after(p []byte) (int, error) {
	h.mu.Lock()
	for h.pending && len(h.back) == 0 && h.backErr == nil {
		h.cond.Wait()
	}
	if len(h.back) > 0 {
		n := copy(p, h.back)
		h.back = h.back[n:]
		h.mu.Unlock()
		return n, nil
	}
	if err := h.backErr; err != nil {
		h.mu.Unlock()
		return 0, err
	}
	h.mu.Unlock()
	return h.r.Read(p)
}

type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }
