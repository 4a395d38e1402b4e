package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/muesli/termenv"

	"entkiosk/data"
	"entkiosk/screens"
)

// KioskUser is the SSH user name of campus terminals that are thin ssh
// clients: the kiosk behaviour (no quitting, the idle wipe).
const KioskUser = "kiosk"

// endReason is why a session ended (logs, and the line left on the
// client's terminal).
type endReason string

const (
	endQuit       endReason = "quit"     // q or ctrl+c at home
	endIdle       endReason = "idle"     // personal session left alone
	endMaxTime    endReason = "max_time" // --max-session-time
	endShutdown   endReason = "shutdown" // the server stops
	endError      endReason = "error"    // a panic in the session
	endDisconnect endReason = "disconnect"
)

// endText is the line left on the terminal after the session.
var endText = map[endReason]string{endIdle: "ssh.end.idle", endMaxTime: "ssh.end.maxtime",
	endShutdown: "ssh.end.shutdown", endError: "ssh.end.error"}

var sessionKey = &ctxKey{"entkiosk-session"}

// sshSession is one person's session over SSH.
type sshSession struct {
	srv   *sshServer
	sess  ssh.Session
	log   *log.Logger
	kiosk bool
	kind  string // kiosk, token or personal: logs never carry the user name (it may be a token)

	screen  *screenWriter
	input   *sessionInput
	model   *sessionModel
	program *tea.Program

	cancel context.CancelFunc // ends the session's pending timers

	mu       sync.Mutex
	reason   endReason
	finished bool
	idle     *time.Timer
	maxTime  *time.Timer
	watchdog *time.Timer
	// idleNow is the idle timeout of who is logged in now (nanoseconds),
	// set by the program after each message, read by the idle timer.
	idleNow atomic.Int64
}

// idleLimit is the idle timeout in force: the helpdesk's while an agent is
// logged in, else the server's.
func (ss *sshSession) idleLimit() time.Duration {
	if d := time.Duration(ss.idleNow.Load()); d > 0 {
		return d
	}
	return ss.srv.o.IdleTimeout
}

func sessionOf(ctx ssh.Context) *sshSession {
	ss, _ := ctx.Value(sessionKey).(*sshSession)
	return ss
}

// loggingMiddleware logs each session's start and end: address, kind,
// terminal, duration, why it ended. Never the user name (a token), never
// anything typed. (wish's logging middleware logs the user name.)
func (s *sshServer) loggingMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		started := time.Now()
		pty, _, hasPty := sess.Pty()
		s.log.Info("session start", "addr", sess.RemoteAddr().String(), "session", shortID(sess.Context()),
			"user", userKind(sess.User()), "pty", hasPty, "term", pty.Term, "width", pty.Window.Width,
			"height", pty.Window.Height, "client", sess.Context().ClientVersion())
		next(sess)
		reason := endReason("")
		if ss := sessionOf(sess.Context()); ss != nil {
			reason = ss.endReason()
		}
		s.log.Info("session end", "addr", sess.RemoteAddr().String(), "session", shortID(sess.Context()),
			"duration", time.Since(started).Round(time.Millisecond), "reason", reason)
	}
}

func shortID(ctx ssh.Context) string {
	id := ctx.SessionID()
	if len(id) > 8 {
		id = id[:8]
	}
	return id
}

func userKind(user string) string {
	switch {
	case user == KioskUser:
		return "kiosk"
	case data.IsToken(user):
		return "token"
	}
	return "personal"
}

// sessionMiddleware is the session's life: it refuses a session without a
// terminal (activeterm), builds the interface for the user name, and
// leaves the terminal clean afterwards with a line saying why it ended.
func (s *sshServer) sessionMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if c := connOf(sess.Context()); c != nil && !c.established() {
			return // the handshake timer fired meanwhile: the connection is closing
		}
		s.running.Add(1)
		defer s.running.Add(-1)
		if _, _, ok := sess.Pty(); !ok {
			fmt.Fprint(sess.Stderr(), s.bilingual("ssh.nopty")+"\r\n")
			_ = sess.Exit(1)
			return
		}
		ss := s.newSession(sess)
		sess.Context().SetValue(sessionKey, ss)
		if !s.register(ss) {
			ss.model.closing = true
		}
		defer s.unregister(ss)
		ss.screen.start()
		if pty, _, _ := sess.Pty(); answersQueries(pty.Term) {
			_, _ = io.WriteString(sess, queryBackground)
		}
		ss.armTimers()
		next(sess) // the Bubble Tea middleware runs the program
		ss.finish()
	}
}

// program hands the session's program to wish's Bubble Tea middleware.
func (s *sshServer) program(sess ssh.Session) *tea.Program {
	if ss := sessionOf(sess.Context()); ss != nil {
		return ss.program
	}
	return nil
}

// newSession builds the interface for one session.
func (s *sshServer) newSession(sess ssh.Session) *sshSession {
	ctx := sess.Context()
	user := sess.User()
	ss := &sshSession{srv: s, sess: sess, kiosk: user == KioskUser, kind: userKind(user),
		log: s.log.With("session", shortID(ctx))}
	pty, _, _ := sess.Pty()
	size := clampWindow(pty.Window.Width, pty.Window.Height)
	ss.screen = newScreenWriter(sess, size.Width, size.Height)
	renderer := sessionRenderer(pty.Term)
	ss.input = newSessionInput(sess, func(dark bool) {
		if renderer.HasDarkBackground() != dark {
			renderer.SetHasDarkBackground(dark)
			go ss.send(repaintMsg{})
		}
	})
	// No more input (the client closed its side): nothing can happen any
	// more in this session.
	ss.input.onEOF = func() { ss.end(endDisconnect) }
	var start screens.NavigateMsg
	if ss.kind == "token" {
		start = s.openToken(ctx, user, ss.log)
	}
	var done context.Context
	done, ss.cancel = context.WithCancel(ctx)
	o := Options{Store: s.o.Store, Renderer: renderer, Lang: s.o.Lang, Kiosk: ss.kiosk, Demo: s.o.Demo,
		Client: "ssh:" + remoteIP(sess.RemoteAddr()).String(), IdleTimeout: s.o.IdleTimeout, HelpdeskIdleTimeout: s.o.HelpdeskIdleTimeout, Start: start,
		Logger: s.tuiLog.With("session", shortID(ctx)), Tick: sessionTick(done)}
	if ss.kiosk {
		// A campus terminal is shared: a wipe also erases its scrollback.
		// (A person's own terminal keeps its history: the interface runs in
		// the alternate screen, which never reaches the scrollback.)
		o.ClearScrollback = func() { ss.screen.repaint(true) }
	}
	m := New(o)
	// The window's size is known: the first frame is drawn at that size.
	_, sized := m.Update(size)
	ss.model = &sessionModel{m: m, s: ss, init: sized, hook: s.o.hook}
	ss.program = tea.NewProgram(ss.model, tea.WithInput(ss.input), tea.WithOutput(io.Discard),
		tea.WithoutRenderer(), tea.WithoutSignalHandler())
	return ss
}

// sessionTick is tea.Tick whose pending timers end with the session: a
// command waiting 90 s for the idle timer would otherwise keep its
// goroutine that long after the person left.
func sessionTick(done context.Context) func(time.Duration, func(time.Time) tea.Msg) tea.Cmd {
	return func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg {
			t := time.NewTimer(d)
			defer t.Stop()
			select {
			case at := <-t.C:
				return fn(at)
			case <-done.Done():
				return nil
			}
		}
	}
}

// sessionRenderer styles for the client's terminal: its colour profile
// from TERM, a dark background until the terminal says otherwise. Nothing
// is asked here (see sessionInput).
func sessionRenderer(term string) *lipgloss.Renderer {
	profile := termenv.Ascii
	if term != "" {
		profile = termenv.NewOutput(io.Discard, termenv.WithEnvironment(sshEnviron{"TERM=" + term}),
			termenv.WithTTY(true)).EnvColorProfile()
	}
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(profile)
	r.SetHasDarkBackground(true)
	return r
}

// sshEnviron is the client's environment as termenv sees it: only TERM
// (environment requests are refused).
type sshEnviron []string

func (e sshEnviron) Environ() []string { return e }

func (e sshEnviron) Getenv(k string) string {
	for _, v := range e {
		if len(v) > len(k) && v[:len(k)] == k && v[len(k)] == '=' {
			return v[len(k)+1:]
		}
	}
	return ""
}

// openToken turns a link's token (the user name) into the step it opens,
// or home with a sentence saying why not.
func (s *sshServer) openToken(ctx context.Context, token string, l *log.Logger) screens.NavigateMsg {
	t, err := s.o.Store.OpenToken(ctx, token)
	notice := ""
	switch {
	case err == nil && t.Purpose == data.PurposeActivation:
		l.Info("link opened", "purpose", t.Purpose)
		return screens.NavigateMsg{Page: screens.PageActivation, Ticket: t}
	case err == nil && t.Purpose == data.PurposeReset:
		l.Info("link opened", "purpose", t.Purpose)
		return screens.NavigateMsg{Page: screens.PageRecovery, Ticket: t}
	case err == nil:
		notice = "ssh.token.bad" // a confirmation code: it has no link
	case errors.Is(err, data.ErrCodeExpired) || errors.Is(err, data.ErrCodeUsed):
		if nav, activated := s.activatedLink(ctx, token, l); activated {
			return nav
		}
		notice = "ssh.token.used"
		if errors.Is(err, data.ErrCodeExpired) {
			notice = "ssh.token.expired"
		}
	case errors.Is(err, data.ErrBadToken):
		notice = "ssh.token.bad"
	default:
		l.Error("link: store error", "err", err)
		notice = "ssh.token.error"
	}
	l.Info("link refused", "outcome", notice)
	return screens.NavigateMsg{Notice: notice}
}

// activatedLink: the activation link of an account that is active now
// (the person activated it, with this link or another code) lands on home
// saying so, the identifiant typed in: "already used" would send them
// looking for a newer mail that will never come.
func (s *sshServer) activatedLink(ctx context.Context, token string, l *log.Logger) (screens.NavigateMsg, bool) {
	link, err := s.o.Store.LookupLink(ctx, token)
	if err != nil {
		l.Error("link: store error", "err", err)
		return screens.NavigateMsg{}, false
	}
	if link.Purpose != data.PurposeActivation || !link.Active {
		return screens.NavigateMsg{}, false
	}
	l.Info("link refused", "outcome", "ssh.token.active")
	return screens.NavigateMsg{Notice: "ssh.token.active", Identifiant: link.Identifiant}, true
}

// armTimers starts the max session time and, for a personal session, the
// idle timer (the interface closes an idle session it has seen used; this
// one also closes a session that never received a key).
func (ss *sshSession) armTimers() {
	o := ss.srv.o
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ss.maxTime = time.AfterFunc(o.MaxSessionTime, func() {
		if ss.kiosk {
			ss.send(maxTimeMsg{}) // ends at the next return home
			return
		}
		ss.end(endMaxTime)
	})
	if !ss.kiosk {
		ss.idle = time.AfterFunc(o.IdleTimeout+time.Second, ss.checkIdle)
	}
}

func (ss *sshSession) checkIdle() {
	idle, limit := ss.input.idleFor(), ss.idleLimit()
	if idle >= limit {
		ss.end(endIdle)
		return
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if !ss.finished {
		ss.idle.Reset(limit - idle + time.Second)
	}
}

// send delivers a message to the session's program (a no-op once it ended).
func (ss *sshSession) send(msg tea.Msg) { ss.program.Send(msg) }

// setReason records why the session ends; the first reason wins.
func (ss *sshSession) setReason(r endReason) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.reason == "" {
		ss.reason = r
	}
}

func (ss *sshSession) endReason() endReason {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.reason
}

// end asks the session to end for r; if it cannot (a client that stopped
// reading blocks the program's writes) the connection is cut after endGrace.
func (ss *sshSession) end(r endReason) {
	ss.mu.Lock()
	if ss.finished {
		ss.mu.Unlock()
		return
	}
	if ss.reason == "" {
		ss.reason = r
	}
	if ss.watchdog == nil {
		ss.watchdog = time.AfterFunc(endGrace, ss.cut)
	}
	ss.mu.Unlock()
	go ss.send(endMsg{r})
}

// cut closes the connection under the session.
func (ss *sshSession) cut() {
	ss.log.Warn("session cut: it did not end in time")
	if c := connOf(ss.sess.Context()); c != nil {
		c.Close()
		return
	}
	ss.sess.Close()
}

// finish runs when the program has ended: the terminal is given back with a
// line saying why, the logged-in person is logged out in the audit log.
func (ss *sshSession) finish() {
	ss.mu.Lock()
	ss.finished = true
	for _, t := range []*time.Timer{ss.idle, ss.maxTime, ss.watchdog} {
		if t != nil {
			t.Stop()
		}
	}
	if ss.reason == "" {
		// The model did not end it: the client went away, or Bubble Tea
		// stopped the program after a panic in a command.
		ss.reason = endDisconnect
		if ss.sess.Context().Err() == nil {
			ss.reason = endError
			ss.log.Error("session stopped by a panic in a command")
		}
	}
	reason := ss.reason
	ss.mu.Unlock()

	ss.cancel()
	ss.screen.stop()
	c := ss.model.m.c // the program has ended: nothing else touches the model
	if key := endText[reason]; key != "" {
		_, _ = io.WriteString(ss.sess, text(c.Lang, key)+"\n")
	}
	if acct := c.Account; acct != nil {
		if err := c.Store.Logout(context.Background(), acct, c.Origin(), string(reason)); err != nil {
			ss.log.Error("logout", "err", err)
		}
	}
	status := 0
	if reason == endError {
		status = 1
	}
	_ = ss.sess.Exit(status)
	// One session per connection: once it has ended, the connection goes
	// too (OpenSSH closes it itself; a client that does not loses its slot).
	if c := connOf(ss.sess.Context()); c != nil {
		time.AfterFunc(connLinger, func() { c.Close() })
	}
}

// connLinger is how long a connection may stay after its session ended.
const connLinger = 2 * time.Second
