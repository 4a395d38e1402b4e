// Package tui is entkiosk's application shell: the root model that routes
// between screens, global keys, the idle wipe, the frame (banner and help
// line), the kiosk runner on the local terminal, and what a remote
// session's server needs (session.go: tui/sshserver uses it).
package tui

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/log"

	"entkiosk/data"
	"entkiosk/screens"
)

// Options configure one session of the interface.
type Options struct {
	Store    *data.Store
	Renderer *lipgloss.Renderer // the session's: over SSH, the client's terminal
	Lang     screens.Lang
	Kiosk    bool // never quit on keys; wipe when idle
	Demo     bool
	Client   string // "ssh:203.0.113.7" or "kiosk:hostname/tty1"
	// SharedClient: Client is in a shared network (serve
	// --shared-networks); never a kiosk terminal.
	SharedClient bool
	// IdleTimeout before the wipe (kiosk) or the end of the session
	// (personal); 0 means 120 s.
	IdleTimeout time.Duration
	// HelpdeskIdleTimeout replaces IdleTimeout while an agent with the
	// helpdesk role is logged in (on the phone, the console stays open);
	// 0 means DefaultHelpdeskIdleTimeout.
	HelpdeskIdleTimeout time.Duration
	// AllowQuit lets a kiosk be left with q / ctrl+c at home (an operator's flag).
	AllowQuit bool
	// Start is the first page (an ssh:// link opens its step); zero is home.
	Start screens.NavigateMsg
	// ClearScrollback erases the terminal's scrollback (on wipe and logout).
	ClearScrollback func()
	Logger          screens.Logger
	// Now is the wall clock of the idle timer (tests move it).
	Now func() time.Time
	// Tick schedules a message after a delay (tests replace it: no timers).
	Tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	// Accessible runs the accessible mode (tui/accessible) instead of the
	// screens: --accessible, the SSH user acces, a link ending in +acces.
	Accessible bool
	// Prepare is a kiosk's start-up work that home does not need (the
	// demo's people): RunKiosk does it once home is shown, and the
	// screens' commands wait for it; its error ends the kiosk.
	Prepare func(context.Context) error
}

// Model is the root model: it only routes. Screens do the work and ask for
// navigation with messages; the root keeps the page stack, the global keys
// and the idle timer, and survives a screen that panics.
type Model struct {
	opts   Options
	c      *screens.Common
	screen screens.Screen
	stack  []screens.Screen // pages to go back to (esc)
	cache  frameCache
	wait   waitFrame // while a password check waits (frame_wait.go)

	lastKey   time.Time
	idleTimer bool // a timer is pending (at most one at a time)
	countdown int  // seconds left, shown during the idle warning; 0: hidden
	dirty     bool // something was typed or shown since the last wipe
	quitting  bool
	// toAccessible: F3 asked for the accessible mode; the runner starts it
	// once the program has left the screen.
	toAccessible bool
}

// New builds the root model of one session.
func New(o Options) *Model {
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = 120 * time.Second
	}
	if o.HelpdeskIdleTimeout <= 0 {
		o.HelpdeskIdleTimeout = DefaultHelpdeskIdleTimeout
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = log.New(io.Discard)
	}
	if o.Tick == nil {
		o.Tick = tea.Tick
	}
	if o.Renderer == nil {
		o.Renderer = lipgloss.DefaultRenderer()
	}
	if o.Lang == "" {
		o.Lang = screens.French
	}
	c := &screens.Common{Store: o.Store, Styles: screens.StylesFor(o.Renderer), Lang: o.Lang,
		Client: o.Client, SharedClient: o.SharedClient, Demo: o.Demo, Kiosk: o.Kiosk, IdleTimeout: o.IdleTimeout, HelpdeskIdleTimeout: o.HelpdeskIdleTimeout, Width: 80, Height: 24, Log: o.Logger, Tick: o.Tick}
	m := &Model{opts: o, c: c}
	m.screen = screens.Open(c, o.Start)
	if o.Start.Page != screens.PageHome {
		m.stack = []screens.Screen{screens.NewHome(c, screens.NavigateMsg{})}
		m.dirty = true
	}
	m.lastKey = o.Now()
	return m
}

// Common is the session's shared state (tests read it).
func (m *Model) Common() *screens.Common { return m.c }

// Screen is the current screen (tests read it).
func (m *Model) Screen() screens.Screen { return m.screen }

// Account is who is logged in (nil: nobody); the runners end the session
// with it when the program stops.
func (m *Model) Account() *data.Account { return m.c.Account }

// ToAccessible says F3 asked for the accessible mode: the runner starts it
// (with Account and Lang) once the program has ended.
func (m *Model) ToAccessible() bool { return m.toAccessible }

// Lang is the session's language of the moment.
func (m *Model) Lang() screens.Lang { return m.c.Lang }

func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.safeInit(m.screen)}
	if m.dirty {
		cmds = append(cmds, m.armIdle())
	}
	return guard(tea.Batch(cmds...))
}

// Update routes one message. A panic anywhere below (a screen's Update, a
// constructor) is logged and wipes back home: a kiosk never dies of a bug
// in one screen.
func (m *Model) Update(msg tea.Msg) (_ tea.Model, cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			m.logPanic("update", r, debug.Stack())
			cmd = guard(m.safeWipe("panic"))
		}
	}()
	m.waitTurn(msg)
	return m, guard(m.route(msg))
}

func (m *Model) route(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		return m.forward(msg)
	case tea.KeyMsg:
		return m.key(msg)
	case idleTickMsg:
		return m.idleTick()
	case cmdPanicMsg:
		m.logPanic("command", msg.value, msg.stack)
		return m.safeWipe("panic")
	case screens.NavigateMsg:
		return m.navigate(msg)
	case screens.BackMsg:
		return m.back()
	case screens.LoginMsg:
		m.c.Account = msg.Account
		m.stack = []screens.Screen{screens.NewHome(m.c, screens.NavigateMsg{})}
		return m.open(screens.NavigateMsg{Page: screens.PageDashboard})
	case screens.AccountMsg:
		m.c.Account = msg.Account
		return m.deliver(msg)
	case screens.LogoutMsg:
		return m.wipe("logout")
	case screens.QuitMsg:
		if m.quitAllowed() {
			m.quitting = true
			return tea.Quit
		}
		return nil
	}
	return m.deliver(msg)
}

// quitAllowed: a personal session may be left; a kiosk only with --allow-quit.
func (m *Model) quitAllowed() bool { return !m.opts.Kiosk || m.opts.AllowQuit }

// forward gives a key or a size to the current screen only.
func (m *Model) forward(msg tea.Msg) tea.Cmd {
	s, cmd := m.screen.Update(msg)
	m.screen = s
	return cmd
}

// deliver gives any other message (results of commands, spinner ticks) to
// the current screen and to the pages below it: a screen left for Aide in
// the middle of a login gets its result and is not stuck "busy" when the
// person comes back. Each screen keeps only the results that carry its id;
// screens thrown away by a wipe are not in the stack and get nothing.
func (m *Model) deliver(msg tea.Msg) tea.Cmd {
	cmds := []tea.Cmd{m.forward(msg)}
	for i, s := range m.stack {
		var cmd tea.Cmd
		m.stack[i], cmd = s.Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// key handles the global keys before the screen sees any key.
func (m *Model) key(k tea.KeyMsg) tea.Cmd {
	// "Press a key to stay": any key stops the countdown, and does what it
	// does (a letter typed as the countdown appears is not lost).
	m.lastKey = m.opts.Now()
	m.countdown = 0
	switch strings.TrimPrefix(k.String(), "alt+") { // Esc then Ctrl+C, quickly, is alt+ctrl+c
	case "ctrl+c", "ctrl+d", "ctrl+z", `ctrl+\`:
		// A kiosk never exits on these: they go home, wiping everything.
		if m.quitAllowed() && m.atHome() && k.String() == "ctrl+c" {
			m.quitting = true
			return tea.Quit
		}
		return m.wipe("home key")
	}
	m.dirty = true
	arm := m.armIdle()
	switch k.String() {
	case "ctrl+v":
		return arm // never the host's clipboard; a paste from the client still works
	case screens.KeyAccessible:
		// Works even on a window too small to draw anything: it needs none.
		m.toAccessible, m.quitting = true, true
		return tea.Quit
	case screens.KeyLang:
		m.c.Lang = m.c.Lang.Other()
		return arm
	}
	if m.tooSmall() {
		return arm // nothing to see: no typing or acting blind
	}
	switch k.String() {
	case screens.KeyHelp:
		if _, inHelp := m.screen.(interface{ IsHelp() }); inHelp {
			return arm
		}
		return tea.Batch(arm, m.navigate(screens.NavigateMsg{Page: screens.PageHelp, Topic: m.screen.HelpTopic()}))
	case screens.KeyMailbox:
		if m.opts.Demo {
			if _, inMailbox := m.screen.(interface{ IsMailbox() }); !inMailbox {
				return tea.Batch(arm, m.navigate(screens.NavigateMsg{Page: screens.PageMailbox}))
			}
		}
		return arm
	}
	return tea.Batch(arm, m.forward(k))
}

func (m *Model) atHome() bool {
	_, home := m.screen.(*screens.Home)
	return home && len(m.stack) == 0
}

// navigate opens a page on top of the current one; home clears the stack
// and ends a logged-in session (home is the login page).
func (m *Model) navigate(nav screens.NavigateMsg) tea.Cmd {
	var logout tea.Cmd
	if nav.Page == screens.PageHome {
		m.stack = nil
		if acct := m.c.Account; acct != nil {
			logout, m.c.Account = m.logoutCmd(acct, "logout"), nil
		}
	} else {
		m.stack = append(m.stack, m.screen)
	}
	return tea.Batch(logout, m.open(nav))
}

func (m *Model) open(nav screens.NavigateMsg) tea.Cmd {
	if nav.Page == screens.PageDashboard && m.c.Account == nil {
		nav = screens.NavigateMsg{}
	}
	m.screen = screens.Open(m.c, nav)
	return tea.Batch(m.screen.Init(), m.forward(m.size()))
}

func (m *Model) size() tea.WindowSizeMsg {
	return tea.WindowSizeMsg{Width: m.c.Width, Height: m.c.Height}
}

// back returns to the previous page, as it was left; the page is told
// (screens.ReturnedMsg), and whether the page left was an overlay (Aide,
// the demo mailbox).
func (m *Model) back() tea.Cmd {
	if len(m.stack) == 0 {
		if _, home := m.screen.(*screens.Home); home {
			return nil
		}
		return m.open(screens.NavigateMsg{})
	}
	if _, home := m.stack[len(m.stack)-1].(*screens.Home); home && m.c.Account != nil {
		// Back from the dashboard to the login page: the session ends
		// there, not left open behind a login form.
		return m.wipe("logout")
	}
	left := m.screen
	m.screen = m.stack[len(m.stack)-1]
	m.stack = m.stack[:len(m.stack)-1]
	returned := m.forward(screens.ReturnedMsg{FromOverlay: overlay(left)})
	return tea.Batch(returned, m.forward(m.size()))
}

// overlay says a page is one that the global keys open over any screen
// (Aide with F1, the demo mailbox with F4): esc from it returns to the
// screen exactly as it was, a glance in the middle of typing.
func overlay(s screens.Screen) bool {
	_, help := s.(interface{ IsHelp() })
	_, mailbox := s.(interface{ IsMailbox() })
	return help || mailbox
}

// wipe forgets everything of the previous person: the logged-in session
// (audit LOGOUT), the screens and their fields, the language they chose
// (on a kiosk: a personal session's next page is for the same person),
// the screen and the terminal's scrollback.
func (m *Model) wipe(why string) tea.Cmd {
	cmds := m.reset(why)
	m.screen = screens.NewHome(m.c, screens.NavigateMsg{})
	return tea.Batch(append(cmds, m.screen.Init(), m.forward(m.size()))...)
}

// reset is the part of the wipe that needs no screen: it ends the session
// and returns the commands that tell the store and clear the terminal.
func (m *Model) reset(why string) []tea.Cmd {
	var cmds []tea.Cmd
	if acct := m.c.Account; acct != nil {
		cmds = append(cmds, m.logoutCmd(acct, why))
	}
	m.c.Account = nil
	if m.opts.Kiosk {
		m.c.Lang = m.opts.Lang
	}
	m.stack = nil
	m.countdown, m.dirty = 0, false
	cmds = append(cmds, tea.ClearScreen)
	if m.opts.ClearScrollback != nil {
		clear := m.opts.ClearScrollback
		cmds = append(cmds, func() tea.Msg { clear(); return nil })
	}
	return cmds
}

func (m *Model) logoutCmd(acct *data.Account, why string) tea.Cmd {
	store, origin, logger := m.c.Store, m.c.Origin(), m.opts.Logger
	return func() tea.Msg {
		if err := store.Logout(context.Background(), acct, origin, why); err != nil {
			logger.Error("logout", "err", err)
		}
		return nil
	}
}

// safeWipe is the wipe after a panic: if home itself cannot be built, a
// bare page stays up rather than the program dying.
func (m *Model) safeWipe(why string) (cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			m.logPanic("wipe", r, debug.Stack())
			m.screen = &brokenScreen{c: m.c}
			cmd = nil
		}
	}()
	return m.wipe(why)
}

func (m *Model) safeInit(s screens.Screen) (cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			m.logPanic("init", r, debug.Stack())
			cmd = m.safeWipe("panic")
		}
	}()
	return s.Init()
}

func (m *Model) logPanic(where string, value any, stack []byte) {
	// The value and the stack name code, not what was typed: fields are
	// never formatted into a panic.
	m.opts.Logger.Error("screen panic: wiped back home", "where", where, "screen", fmt.Sprintf("%T", m.screen),
		"panic", fmt.Sprint(value), "stack", string(stack))
}
