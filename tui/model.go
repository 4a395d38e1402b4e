// Package tui is entkiosk's application shell: the root model that routes
// between screens, global keys, the idle wipe, the frame (banner and help
// line), and the two ways to run it: on the local terminal (kiosk) and over
// SSH (wish).
package tui

import (
	"context"
	"io"
	"time"

	"github.com/charmbracelet/bubbles/help"
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
	// IdleTimeout before the wipe (kiosk) or the end of the session
	// (personal); 0 means 120 s.
	IdleTimeout time.Duration
	// AllowQuit lets a kiosk be left with q / ctrl+c (an operator's flag).
	AllowQuit bool
	// Start is the first page (an ssh:// link opens its step); zero is home.
	Start screens.NavigateMsg
	// ClearScrollback erases the terminal's scrollback (on wipe and logout).
	ClearScrollback func()
	Logger          *log.Logger
	// Now is the wall clock of the idle timer (tests move it).
	Now func() time.Time
	// Tick schedules a message after a delay (tests replace it: no timers).
	Tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
}

// idleWarning is how long the countdown shows before the wipe.
const idleWarning = 30 * time.Second

// Model is the root model: it only routes. Screens do the work and ask for
// navigation with messages; the root keeps the page stack, the global keys
// and the idle timer.
type Model struct {
	opts   Options
	c      *screens.Common
	screen screens.Screen
	stack  []screens.Screen // pages to go back to (esc)
	help   help.Model

	lastKey   time.Time
	idleTimer bool // a timer is pending (at most one at a time)
	countdown int  // seconds left, shown in the last 30 s; 0: hidden
	dirty     bool // something was typed or shown since the last wipe
	quitting  bool
}

// New builds the root model of one session.
func New(o Options) *Model {
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = 120 * time.Second
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
	c := &screens.Common{Store: o.Store, Styles: screens.NewStyles(o.Renderer), Lang: o.Lang,
		Client: o.Client, Demo: o.Demo, Kiosk: o.Kiosk, Width: 80, Height: 24, Log: o.Logger, Tick: o.Tick}
	m := &Model{opts: o, c: c, help: newHelp(c)}
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

func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.screen.Init()}
	if m.dirty {
		cmds = append(cmds, m.armIdle())
	}
	return tea.Batch(cmds...)
}

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		m.help.Width = msg.Width - 2
		return m, m.forward(msg)
	case tea.KeyMsg:
		return m, m.key(msg)
	case idleTickMsg:
		return m, m.idleTick()
	case screens.NavigateMsg:
		return m, m.navigate(msg)
	case screens.BackMsg:
		return m, m.back()
	case screens.LoginMsg:
		m.c.Account = msg.Account
		m.stack = []screens.Screen{screens.NewHome(m.c, screens.NavigateMsg{})}
		return m, m.open(screens.NavigateMsg{Page: screens.PageDashboard})
	case screens.AccountMsg:
		m.c.Account = msg.Account
		return m, m.forward(msg)
	case screens.LogoutMsg:
		return m, m.logout("logout")
	case screens.QuitMsg:
		if !m.opts.Kiosk || m.opts.AllowQuit {
			m.quitting = true
			return m, tea.Quit
		}
		return m, nil
	}
	return m, m.forward(msg)
}

func (m *Model) forward(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	m.screen, cmd = m.screen.Update(msg)
	return cmd
}

// key handles the global keys before the screen sees any key.
func (m *Model) key(k tea.KeyMsg) tea.Cmd {
	m.lastKey, m.countdown, m.dirty = m.opts.Now(), 0, true
	arm := m.armIdle()
	switch k.String() {
	case "ctrl+c", "ctrl+d", "ctrl+z", `ctrl+\`:
		// A kiosk never exits on these: they go home, wiping everything.
		if (!m.opts.Kiosk || m.opts.AllowQuit) && m.atHome() && k.String() == "ctrl+c" {
			m.quitting = true
			return tea.Quit
		}
		return tea.Batch(arm, m.wipe("home key"))
	case "ctrl+v":
		return arm // never the host's clipboard; a paste from the client still works
	case screens.KeyHelp:
		if _, inHelp := m.screen.(interface{ IsHelp() }); inHelp {
			return arm
		}
		return tea.Batch(arm, m.navigate(screens.NavigateMsg{Page: screens.PageHelp, Topic: m.screen.HelpTopic()}))
	case screens.KeyLang:
		m.c.Lang = m.c.Lang.Other()
		return arm
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

// navigate opens a page on top of the current one; home clears the stack.
func (m *Model) navigate(nav screens.NavigateMsg) tea.Cmd {
	if nav.Page == screens.PageHome {
		m.stack = nil
	} else {
		m.stack = append(m.stack, m.screen)
	}
	return m.open(nav)
}

func (m *Model) open(nav screens.NavigateMsg) tea.Cmd {
	if nav.Page == screens.PageDashboard && m.c.Account == nil {
		nav = screens.NavigateMsg{}
	}
	m.screen = screens.Open(m.c, nav)
	return tea.Batch(m.screen.Init(), m.forward(tea.WindowSizeMsg{Width: m.c.Width, Height: m.c.Height}))
}

// back returns to the previous page, as it was left.
func (m *Model) back() tea.Cmd {
	if len(m.stack) == 0 {
		if _, home := m.screen.(*screens.Home); home {
			return nil
		}
		return m.open(screens.NavigateMsg{})
	}
	m.screen = m.stack[len(m.stack)-1]
	m.stack = m.stack[:len(m.stack)-1]
	return m.forward(tea.WindowSizeMsg{Width: m.c.Width, Height: m.c.Height})
}

// logout ends the logged-in session and wipes.
func (m *Model) logout(why string) tea.Cmd {
	return m.wipe(why)
}

// wipe forgets everything of the previous person: session, screens and
// their fields, the screen and the terminal's scrollback.
func (m *Model) wipe(why string) tea.Cmd {
	var cmds []tea.Cmd
	if acct := m.c.Account; acct != nil {
		store, origin := m.c.Store, m.c.Origin()
		cmds = append(cmds, func() tea.Msg {
			if err := store.Logout(context.Background(), acct, origin, why); err != nil {
				return nil
			}
			return nil
		})
	}
	m.c.Account = nil
	m.stack = nil
	m.countdown, m.dirty = 0, false
	m.screen = screens.NewHome(m.c, screens.NavigateMsg{})
	cmds = append(cmds, m.screen.Init(), m.forward(tea.WindowSizeMsg{Width: m.c.Width, Height: m.c.Height}),
		tea.ClearScreen)
	if m.opts.ClearScrollback != nil {
		clear := m.opts.ClearScrollback
		cmds = append(cmds, func() tea.Msg { clear(); return nil })
	}
	return tea.Batch(cmds...)
}
