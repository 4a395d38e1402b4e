package tui

import (
	"runtime/debug"

	tea "github.com/charmbracelet/bubbletea"
)

// Messages from the server to a session's program.
type (
	closingMsg struct{}                   // the server stops: say so on the screen
	endMsg     struct{ reason endReason } // end the session now
	maxTimeMsg struct{}                   // a kiosk session ends at its next return home
	repaintMsg struct{}                   // the colours changed (the terminal's background is known)
)

// sessionModel wraps the root model for one SSH session: it draws the
// frames with the session's screenWriter, overlays the server's notices,
// ends the session when asked, and turns a panic into the end of this one
// session (logged, the person told) instead of a dead server.
type sessionModel struct {
	m       *Model
	s       *sshSession
	init    tea.Cmd
	closing bool // the server stops
	expired bool // kiosk past the max session time: end at the next clean home
	ending  bool
	hook    func(*Model, tea.Msg) tea.Cmd // tests
}

func (sm *sessionModel) Init() tea.Cmd { return tea.Batch(sm.init, sm.m.Init()) }

func (sm *sessionModel) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
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
		return sm, nil // View runs next, with the new colours
	case tea.WindowSizeMsg:
		msg = clampWindow(msg.Width, msg.Height)
		sm.s.screen.resize(msg.Width, msg.Height)
		return sm.forward(msg)
	}
	if msg == tea.ClearScreen() {
		sm.s.screen.repaint(false)
		return sm, nil
	}
	return sm.forward(msg)
}

// forward hands a message to the root model and watches how it ends.
func (sm *sessionModel) forward(msg tea.Msg) (tea.Model, tea.Cmd) {
	var hooked tea.Cmd
	if sm.hook != nil {
		hooked = sm.hook(sm.m, msg)
	}
	_, idleTick := msg.(idleTickMsg)
	_, cmd := sm.m.Update(msg)
	sm.s.idleNow.Store(int64(sm.m.c.IdleFor()))
	if sm.m.quitting {
		if idleTick {
			return sm, sm.quit(endIdle)
		}
		return sm, sm.quit(endQuit)
	}
	if sm.expired {
		if end := sm.endIfHome(); end != nil {
			return sm, end
		}
	}
	return sm, tea.Batch(hooked, cmd)
}

// The client chooses its window size: a frame of 10,000 × 10,000 cells
// would cost 100 MB a redraw. Larger windows get a frame of this size.
const maxWidth, maxHeight = 400, 200

// clampWindow bounds the client's window; a client that does not say
// (0 × 0) gets 80 × 24.
func clampWindow(w, h int) tea.WindowSizeMsg {
	if w <= 0 {
		w = 80
	}
	if h <= 0 {
		h = 24
	}
	return tea.WindowSizeMsg{Width: min(w, maxWidth), Height: min(h, maxHeight)}
}

func (sm *sessionModel) quit(r endReason) tea.Cmd {
	sm.s.setReason(r)
	sm.ending = true
	return tea.Quit
}

// endIfHome ends a kiosk session past its time once it is back home with
// nothing on the screen (never in the middle of someone's steps).
func (sm *sessionModel) endIfHome() tea.Cmd {
	if sm.m.atHome() && !sm.m.dirty {
		return sm.quit(endMaxTime)
	}
	return nil
}

func (sm *sessionModel) View() string {
	defer func() {
		if r := recover(); r != nil {
			sm.crashed(r)
			go sm.s.send(endMsg{endError})
		}
	}()
	if sm.ending {
		return ""
	}
	frame := sm.m.View()
	if sm.closing {
		c := sm.m.c
		frame = statusLine(frame, " "+c.Styles.Countdown.Render(c.T("app.closing")))
	}
	sm.s.screen.draw(frame)
	return "" // Bubble Tea's renderer is off: the screenWriter drew it
}

// crashed logs a panic of this session; the session ends, nothing else.
func (sm *sessionModel) crashed(r any) {
	sm.s.setReason(endError)
	sm.ending = true
	sm.s.log.Error("session panic", "panic", r, "stack", string(debug.Stack()))
}
