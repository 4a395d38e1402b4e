package sshserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/muesli/termenv"

	"entkiosk/data"
	"entkiosk/tui"
	"entkiosk/tui/termwriter"
)

// KioskUser is the SSH user name of campus terminals that are thin ssh
// clients: the kiosk behaviour (no quitting, the idle wipe).
const KioskUser = "kiosk"

var sessionKey = &ctxKey{"entkiosk-session"}

// sshSession is one person's session over SSH.
type sshSession struct {
	srv   *sshServer
	sess  ssh.Session
	log   *slog.Logger
	kiosk bool
	kind  string // kiosk, token or personal: logs never carry the user name (it may be a token)

	screen  *termwriter.Writer
	input   *sessionInput
	handoff *handoff        // the program's input, handed to the accessible mode on F3
	parsed  *countingReader // what reaches the program's input parser
	client  string          // "ssh:ADDRESS": throttling and audit
	shared  bool            // client is in --shared-networks
	// accessible: the user name asked for the accessible mode (acces,
	// TOKEN+acces): no screen, no program; token is the link's.
	accessible bool
	token      string
	renderer   *lipgloss.Renderer
	program    *tui.Program

	cancel context.CancelFunc // ends the session's pending timers

	mu       sync.Mutex
	reason   tui.EndReason
	finished bool
	idle     *time.Timer
	maxTime  *time.Timer
	watchdog *time.Timer
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
		reason := tui.EndReason("")
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

func isLink(user string) bool { _, ok := data.LinkToken(user); return ok }

func userKind(user string) string {
	switch {
	case user == KioskUser:
		return "kiosk"
	case isLink(user):
		return "token"
	}
	if accessibleMode, token := accessibleUser(user); accessibleMode {
		if token != "" {
			return "accessible-token"
		}
		return "accessible"
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
			fmt.Fprint(sess.Stderr(), tui.Bilingual("ssh.nopty")+"\r\n")
			_ = sess.Exit(1)
			return
		}
		ss := s.newSession(sess)
		sess.Context().SetValue(sessionKey, ss)
		if !s.register(ss) {
			go ss.program.Closing()
		}
		defer s.unregister(ss)
		if ss.accessible {
			ss.screen.Discard() // plain lines only: no alternate screen, no query
		} else {
			ss.screen.Start()
			if pty, _, _ := sess.Pty(); answersQueries(pty.Term) {
				_, _ = io.WriteString(sess, queryBackground)
			}
		}
		ss.armTimers()
		next(sess) // the Bubble Tea middleware runs the program
		ss.finish()
	}
}

// runMiddleware runs the session's program. Window changes reach it from
// the connection's request loop through the session's windowBox, never
// directly: the loop must not wait for a program that is itself waiting
// for a client that reads nothing.
func (s *sshServer) runMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		ss := sessionOf(sess.Context())
		if ss == nil {
			next(sess)
			return
		}
		if ss.accessible {
			ss.program.Kill() // never run: messages to it return at once
			ss.runAccessible(sess.Context(), ss.input, accessibleStart{token: ss.token})
			next(sess)
			return
		}
		stop := ss.followWindow(sess.Context(), windowOf(sess.Context()))
		if _, err := ss.program.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) {
			ss.log.Error("program", "err", err)
		}
		ss.program.Kill()
		stop()
		if acct, lang, ok := ss.program.TakeAccessible(); ok {
			// F3: the screens give the terminal back, the accessible mode
			// goes on with whoever was logged in.
			ss.screen.Stop()
			ss.runAccessible(sess.Context(), ss.handoff.handOver(), accessibleStart{account: acct, lang: string(lang)})
		}
		next(sess)
	}
}

// followWindow hands the latest window size to the program, and the
// connection's end quits it, until stop. Nothing waits for them: an idle
// session has no goroutine of its own for this (a goroutine runs while a
// size is on its way).
func (ss *sshSession) followWindow(ctx context.Context, box *windowBox) (stop func()) {
	quit := context.AfterFunc(ctx, ss.program.Quit)
	if box != nil {
		box.follow(func(w, h int) { ss.program.Send(tea.WindowSizeMsg{Width: w, Height: h}) })
	}
	return func() {
		quit()
		if box != nil {
			box.follow(nil)
		}
	}
}

// newSession builds the interface for one session.
func (s *sshServer) newSession(sess ssh.Session) *sshSession {
	ctx := sess.Context()
	user := sess.User()
	ss := &sshSession{srv: s, sess: sess, kiosk: user == KioskUser, kind: userKind(user),
		log: s.log.With("session", shortID(ctx)), client: "ssh:" + remoteIP(sess.RemoteAddr()).String(),
		shared: s.o.SharedNetworks.Contains(remoteIP(sess.RemoteAddr()))}
	ss.accessible, ss.token = accessibleUser(user)
	pty, _, _ := sess.Pty()
	width, height := tui.ClampWindow(pty.Window.Width, pty.Window.Height)
	ss.screen = termwriter.New(pieceWriter{sess}, width, height)
	renderer := sessionRenderer(pty.Term)
	ss.renderer = renderer
	ss.input = newSessionInput(sess, func(dark bool) {
		if renderer.HasDarkBackground() != dark {
			renderer.SetHasDarkBackground(dark)
			go ss.program.Recolour()
		}
	})
	// No more input (the client closed its side): nothing can happen any
	// more in this session.
	ss.input.onEOF = func() { ss.end(tui.EndDisconnect) }
	var done context.Context
	done, ss.cancel = context.WithCancel(ctx)
	o := tui.Session{Store: s.o.Store, Renderer: renderer, Width: width, Height: height, Lang: s.o.Lang,
		Kiosk: ss.kiosk, Demo: s.o.Demo, Client: ss.client, SharedClient: ss.shared,
		IdleTimeout: s.o.IdleTimeout, HelpdeskIdleTimeout: s.o.HelpdeskIdleTimeout, Logger: tui.SessionLogger(s.tuiLog, "session", shortID(ctx)),
		DrawLines: ss.screen.DrawLines, Resize: ss.screen.Resize, Repaint: ss.screen.Repaint, Ending: ss.setReason,
		Tick: tui.SessionTick(done), Hook: s.o.hook}
	if ss.kind == "token" {
		o.Token, _ = data.LinkToken(user)
	}
	// Bubble Tea's parser rescans a run of characters from its start at
	// every read: the shell's input guard keeps what a person could type
	// and drops the rest before it costs anything (1 MiB typed in one
	// write cost 39 s of CPU without it).
	ss.handoff = newHandoff(ss.input)
	ss.parsed = &countingReader{r: tui.GuardInput(ss.handoff)}
	ss.program = tui.NewProgram(ctx, o, tea.WithInput(ss.parsed))
	return ss
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

// armTimers starts the max session time and, for a personal session, the
// idle timer (the interface closes an idle session it has seen used; this
// one also closes a session that never received a key).
func (ss *sshSession) armTimers() {
	o := ss.srv.o
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ss.maxTime = time.AfterFunc(o.MaxSessionTime, func() {
		if ss.kiosk {
			ss.program.MaxTime() // ends at the next return home
			return
		}
		ss.end(tui.EndMaxTime)
	})
	if !ss.kiosk {
		ss.idle = time.AfterFunc(o.IdleTimeout+time.Second, ss.checkIdle)
	}
}

func (ss *sshSession) checkIdle() {
	idle, limit := ss.input.idleFor(), ss.program.IdleLimit() // the helpdesk's while an agent is logged in
	if idle >= limit {
		ss.end(tui.EndIdle)
		return
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if !ss.finished {
		ss.idle.Reset(limit - idle + time.Second)
	}
}

// setReason records why the session ends; the first reason wins.
func (ss *sshSession) setReason(r tui.EndReason) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.reason == "" {
		ss.reason = r
	}
}

func (ss *sshSession) endReason() tui.EndReason {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.reason
}

// end asks the session to end for r; if it cannot (a client that stopped
// reading blocks the program's writes) the connection is cut after endGrace.
func (ss *sshSession) end(r tui.EndReason) {
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
	go ss.program.End(r)
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
		ss.reason = tui.EndDisconnect
		if ss.sess.Context().Err() == nil {
			ss.reason = tui.EndError
			ss.log.Error("session stopped by a panic in a command")
		}
	}
	reason := ss.reason
	ss.mu.Unlock()

	ss.cancel()
	ss.screen.Stop()
	line, err := ss.program.Finish(context.Background(), reason)
	if err != nil {
		ss.log.Error("logout", "err", err)
	}
	if line != "" {
		_, _ = io.WriteString(ss.sess, line+"\n")
	}
	status := 0
	if reason == tui.EndError {
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
