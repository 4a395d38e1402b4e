package tui

import (
	"context"
	"errors"
	"io"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/log"

	"entkiosk/data"
	"entkiosk/data/text"
	"entkiosk/screens"
)

// A remote session (tui/sshserver, a web server) runs the interface in a
// Bubble Tea program of its own. The server owns the connection, the
// terminal output and the timers; the shell owns what the person sees and
// does, and says when and why the session ends. This file is everything a
// server needs of the shell.

// Session describes one remote session.
type Session struct {
	Store    *data.Store
	Renderer *lipgloss.Renderer // the session's own: the client's terminal
	// Width and Height of the client's window (bounded by ClampWindow).
	Width, Height int
	Lang          screens.Lang
	Kiosk, Demo   bool
	Client        string // "ssh:203.0.113.7": throttling and the audit log
	SharedClient  bool   // Client is in a shared network (serve --shared-networks)
	// Token of a mail's link: the session opens its step (or home saying
	// why not). Empty: home.
	Token string
	// IdleTimeout of the interface (0: 120 s). The server ends a session
	// that never received a key itself; so does its max session time.
	IdleTimeout time.Duration
	// HelpdeskIdleTimeout replaces it while an agent with the helpdesk
	// role is logged in (0: DefaultHelpdeskIdleTimeout).
	HelpdeskIdleTimeout time.Duration
	Logger              screens.Logger

	// Draw receives every frame (Bubble Tea's renderer is off).
	Draw func(frame string)
	// DrawLines, when set, receives every frame by its lines instead; it
	// may keep them (they are never changed afterwards), and the lines
	// that did not change are the very strings of the last frame.
	DrawLines func(lines []string)
	// Resize is told the window's new size (bounded) before the frame at it.
	Resize func(width, height int)
	// Repaint draws everything again (ctrl+l); with scrollback, the
	// terminal's history is erased too (a kiosk's wipe).
	Repaint func(scrollback bool)
	// Ending records why the session ends, when the shell decides it; the
	// first reason the server records wins.
	Ending func(EndReason)
	// Tick schedules a message (0: tea.Tick); a server gives one whose
	// timers end with the session.
	Tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd

	// Hook sees every message first (tests of the servers).
	Hook func(msg tea.Msg) tea.Cmd
}

// EndReason is why a session ended (logs, and the line left on the
// client's terminal).
type EndReason string

const (
	EndQuit       EndReason = "quit"     // q or ctrl+c at home
	EndIdle       EndReason = "idle"     // personal session left alone
	EndMaxTime    EndReason = "max_time" // the max session time
	EndShutdown   EndReason = "shutdown" // the server stops
	EndError      EndReason = "error"    // a panic in the session
	EndDisconnect EndReason = "disconnect"
)

// endText is the line left on the terminal after the session.
var endText = map[EndReason]string{EndIdle: "ssh.end.idle", EndMaxTime: "ssh.end.maxtime",
	EndShutdown: "ssh.end.shutdown", EndError: "ssh.end.error"}

// The client chooses its window size: a frame of 10,000 × 10,000 cells
// would cost 100 MB a redraw. Larger windows get a frame of this size.
const maxWidth, maxHeight = 400, 200

// ClampWindow bounds the client's window; a client that does not say
// (0 × 0) gets 80 × 24.
func ClampWindow(w, h int) (width, height int) {
	if w <= 0 {
		w = 80
	}
	if h <= 0 {
		h = 24
	}
	return min(w, maxWidth), min(h, maxHeight)
}

// Text is a catalogue entry in lang (the lines a server writes outside the
// interface).
func Text(lang text.Lang, key string) string { return text.T(lang, key) }

// Bilingual is a catalogue entry in French and English, for the lines sent
// before any session exists (no language chosen yet).
func Bilingual(key string) string {
	return text.T(text.French, key) + " / " + text.T(text.English, key)
}

// SessionTick is tea.Tick whose pending timers end with the session: a
// command waiting 90 s for the idle timer would otherwise keep its
// goroutine that long after the person left.
func SessionTick(done context.Context) func(time.Duration, func(time.Time) tea.Msg) tea.Cmd {
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

// Messages from the server to a session's program.
type (
	closingMsg struct{}                   // the server stops: say so on the screen
	endMsg     struct{ reason EndReason } // end the session now
	maxTimeMsg struct{}                   // a kiosk session ends at its next return home
	repaintMsg struct{}                   // the colours changed
)

// Program is one remote session's Bubble Tea program. The server runs it
// (Run, with its input), tells it what happens with the methods below, and
// calls Finish once Run has returned.
type Program struct {
	*tea.Program
	model *sessionModel
	start screens.NavigateMsg
	// idleNow is the idle timeout of who is logged in now (nanoseconds),
	// set after each message, read by the server's idle timer.
	idleNow atomic.Int64
}

// DefaultHelpdeskIdleTimeout: an agent on the phone keeps the console open.
const DefaultHelpdeskIdleTimeout = 15 * time.Minute

// IdleLimit is the idle timeout in force: the helpdesk's while an agent is
// logged in, else the session's.
func (p *Program) IdleLimit() time.Duration { return time.Duration(p.idleNow.Load()) }

// NewProgram builds the interface of one session. Opening a link's token
// reads the store: ctx bounds it. opts come after the program's own
// (tea.WithInput: the session's input).
func NewProgram(ctx context.Context, s Session, opts ...tea.ProgramOption) *Program {
	s.Width, s.Height = ClampWindow(s.Width, s.Height)
	if s.Logger == nil {
		s.Logger = log.New(io.Discard)
	}
	p := &Program{}
	if s.Token != "" {
		p.start = openToken(ctx, s.Store, s.Token, s.Logger)
	}
	o := Options{Store: s.Store, Renderer: s.Renderer, Lang: s.Lang, Kiosk: s.Kiosk, Demo: s.Demo,
		Client: s.Client, SharedClient: s.SharedClient, IdleTimeout: s.IdleTimeout, HelpdeskIdleTimeout: s.HelpdeskIdleTimeout, Start: p.start,
		Logger: s.Logger, Tick: s.Tick}
	if s.Kiosk && s.Repaint != nil {
		// A campus terminal is shared: a wipe also erases its scrollback.
		// (A person's own terminal keeps its history: the interface runs in
		// the alternate screen, which never reaches the scrollback.)
		o.ClearScrollback = func() { s.Repaint(true) }
	}
	m := New(o)
	p.idleNow.Store(int64(m.c.IdleFor()))
	// The window's size is known: the first frame is drawn at that size.
	_, sized := m.Update(tea.WindowSizeMsg{Width: s.Width, Height: s.Height})
	p.model = &sessionModel{m: m, s: s, p: p, init: sized}
	p.Program = tea.NewProgram(p.model, append([]tea.ProgramOption{tea.WithOutput(io.Discard),
		tea.WithoutRenderer(), tea.WithoutSignalHandler()}, opts...)...)
	return p
}

// Start is the step a link opened (zero: home).
func (p *Program) Start() screens.NavigateMsg { return p.start }

// Closing shows that the server stops.
func (p *Program) Closing() { p.Send(closingMsg{}) }

// End ends the session now for r.
func (p *Program) End(r EndReason) { p.Send(endMsg{r}) }

// MaxTime: the session is past its time. A personal one should be ended
// with End; a kiosk one ends at its next clean return home.
func (p *Program) MaxTime() { p.Send(maxTimeMsg{}) }

// Recolour draws again after the renderer's colours changed.
func (p *Program) Recolour() { p.Send(repaintMsg{}) }

// Finish runs once the program has ended: the logged-in person is logged
// out in the audit log, and the line to leave on the terminal for r is
// returned ("" for none).
func (p *Program) Finish(ctx context.Context, r EndReason) (line string, err error) {
	c := p.model.m.c // the program has ended: nothing else touches the model
	if acct := c.Account; acct != nil {
		err = c.Store.Logout(ctx, acct, c.Origin(), string(r))
	}
	if key := endText[r]; key != "" {
		line = Text(c.Lang, key)
	}
	return line, err
}

// sessionModel wraps the root model for one remote session: it hands the
// frames to the server, overlays the server's notices, ends the session
// when asked, and turns a panic into the end of this one session (logged,
// the person told) instead of a dead server.
type sessionModel struct {
	m       *Model
	s       Session
	p       *Program
	init    tea.Cmd
	closing bool // the server stops
	expired bool // kiosk past the max session time: end at the next clean home
	ending  bool
	drawn   bool // Update drew the frame: the View that follows it has nothing to do
}

func (sm *sessionModel) Init() tea.Cmd { return tea.Batch(sm.init, sm.m.Init()) }

func (sm *sessionModel) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	onOwnStack(func() {
		model, cmd = sm.update(msg)
		// Bubble Tea asks for the view right after each Update: it is drawn
		// now, on the same trip to a frame worker. A key's echo made two
		// trips, and with 200 people typing at once each echo waited in
		// line twice.
		sm.view()
		sm.drawn = true
	})
	return model, cmd
}

func (sm *sessionModel) update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			sm.crashed(r)
			model, cmd = sm, tea.Quit
		}
	}()
	if sm.ending {
		return sm, nil
	}
	switch msg := msg.(type) {
	case closingMsg:
		sm.closing = true
		return sm, nil
	case endMsg:
		return sm, sm.quit(msg.reason)
	case maxTimeMsg:
		sm.expired = true
		return sm, sm.endIfHome()
	case repaintMsg:
		// The background changed: the styles of the new one (shared).
		sm.m.c.Styles = screens.StylesFor(sm.m.opts.Renderer)
		return sm, nil // View runs next, with the new colours
	case tea.WindowSizeMsg:
		msg.Width, msg.Height = ClampWindow(msg.Width, msg.Height)
		if sm.s.Resize != nil {
			sm.s.Resize(msg.Width, msg.Height)
		}
		return sm.forward(msg)
	}
	if msg == tea.ClearScreen() {
		if sm.s.Repaint != nil {
			sm.s.Repaint(false)
		}
		return sm, nil
	}
	return sm.forward(msg)
}

// forward hands a message to the root model and watches how it ends.
func (sm *sessionModel) forward(msg tea.Msg) (tea.Model, tea.Cmd) {
	var hooked tea.Cmd
	if sm.s.Hook != nil {
		hooked = sm.s.Hook(msg)
	}
	_, idleTick := msg.(idleTickMsg)
	_, cmd := sm.m.Update(msg)
	sm.p.idleNow.Store(int64(sm.m.c.IdleFor()))
	if sm.m.quitting {
		if idleTick {
			return sm, sm.quit(EndIdle)
		}
		return sm, sm.quit(EndQuit)
	}
	if sm.expired {
		if end := sm.endIfHome(); end != nil {
			return sm, end
		}
	}
	return sm, tea.Batch(hooked, cmd)
}

func (sm *sessionModel) quit(r EndReason) tea.Cmd {
	sm.setReason(r)
	sm.ending = true
	return tea.Quit
}

func (sm *sessionModel) setReason(r EndReason) {
	if sm.s.Ending != nil {
		sm.s.Ending(r)
	}
}

// endIfHome ends a kiosk session past its time once it is back home with
// nothing on the screen (never in the middle of someone's steps).
func (sm *sessionModel) endIfHome() tea.Cmd {
	if sm.m.atHome() && !sm.m.dirty {
		return sm.quit(EndMaxTime)
	}
	return nil
}

func (sm *sessionModel) View() (frame string) {
	if sm.drawn { // by Update, just before
		sm.drawn = false
		return ""
	}
	onOwnStack(func() { frame = sm.view() })
	return frame
}

func (sm *sessionModel) view() string {
	defer func() {
		if r := recover(); r != nil {
			sm.crashed(r)
			go sm.p.End(EndError)
		}
	}()
	if sm.ending {
		return ""
	}
	if sm.s.DrawLines != nil {
		lines := sm.m.viewLines()
		if sm.closing {
			lines = slices.Clone(lines) // the model's own are kept as they are
			c := sm.m.c
			statusLines(lines, " "+c.Styles.Countdown.Render(c.T("app.closing")))
		}
		sm.s.DrawLines(lines)
		return ""
	}
	frame := sm.m.View()
	if sm.closing {
		c := sm.m.c
		frame = statusLine(frame, " "+c.Styles.Countdown.Render(c.T("app.closing")))
	}
	if sm.s.Draw != nil {
		sm.s.Draw(frame)
	}
	return "" // Bubble Tea's renderer is off: the server draws
}

// crashed logs a panic of this session; the session ends, nothing else.
func (sm *sessionModel) crashed(r any) {
	sm.setReason(EndError)
	sm.ending = true
	sm.s.Logger.Error("session panic", "panic", r, "stack", string(debug.Stack()))
}

// openToken turns a link's token (the user name) into the step it opens,
// or home with a sentence saying why not.
func openToken(ctx context.Context, store *data.Store, token string, l screens.Logger) screens.NavigateMsg {
	t, err := store.OpenToken(ctx, token)
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
		if nav, activated := activatedLink(ctx, store, token, l); activated {
			return nav
		}
		if nav, reset := resetLink(ctx, store, token, err, l); reset {
			return nav
		}
		notice = "ssh.token.used"
		if errors.Is(err, data.ErrCodeExpired) {
			notice = expiredNotice(ctx, store, token, l)
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

// expiredNotice names, for an expired link, the choice of home that sends
// a new code of its kind: home has no « new code » of its own, and
// « ci-dessous » alone left the person to guess between 1ère connexion and
// Problème de connexion.
func expiredNotice(ctx context.Context, store *data.Store, token string, l screens.Logger) string {
	link, err := store.LookupLink(ctx, token)
	if err != nil {
		l.Error("link: store error", "err", err)
		return "ssh.token.expired"
	}
	switch link.Purpose {
	case data.PurposeActivation:
		return "ssh.token.expired.activation"
	case data.PurposeReset:
		return "ssh.token.expired.reset"
	}
	return "ssh.token.expired"
}

// resetLink: the link of a reset that was done with it lands on home
// saying so, the identifiant typed in: « utilisez le dernier mail reçu »
// sent the person who had just chosen a password looking for a newer
// mail, and doubting the change was made.
func resetLink(ctx context.Context, store *data.Store, token string, err error, l screens.Logger) (screens.NavigateMsg, bool) {
	if errors.Is(err, data.ErrCodeExpired) {
		return screens.NavigateMsg{}, false
	}
	link, err := store.LookupLink(ctx, token)
	if err != nil {
		l.Error("link: store error", "err", err)
		return screens.NavigateMsg{}, false
	}
	if link.Purpose != data.PurposeReset || !link.Used {
		return screens.NavigateMsg{}, false
	}
	l.Info("link refused", "outcome", "ssh.token.reset.used")
	return screens.NavigateMsg{Notice: "ssh.token.reset.used", Identifiant: link.Identifiant}, true
}

// activatedLink: the activation link of an account that is active now
// (the person activated it, with this link or another code) lands on home
// saying so, the identifiant typed in: "already used" would send them
// looking for a newer mail that will never come.
func activatedLink(ctx context.Context, store *data.Store, token string, l screens.Logger) (screens.NavigateMsg, bool) {
	link, err := store.LookupLink(ctx, token)
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

// statusLine replaces the frame's status line (the one above the help
// line) with s: how the server tells a session something without touching
// the screen it is on.
func statusLine(frame, s string) string {
	lines := strings.Split(frame, "\n")
	if len(lines) < 2 {
		return s
	}
	statusLines(lines, s)
	return strings.Join(lines, "\n")
}

// statusLines is statusLine on a frame's lines, in place (a frame of one
// line becomes s).
func statusLines(lines []string, s string) {
	switch len(lines) {
	case 0:
		return
	case 1:
		lines[0] = s
		return
	}
	lines[len(lines)-2] = s
}
