package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/screens"
)

// The idle timer counts keys, not redraws. At most one timer is pending per
// session: when it fires it looks at the time of the last key and either
// waits again for what is left, shows the countdown (one tick a second in
// the last 30 s, see screens.IdleWarning), or wipes. An untouched home screen has no timer at all,
// so idle sessions cost no CPU.
type idleTickMsg struct{}

// armIdle makes sure a timer is pending.
func (m *Model) armIdle() tea.Cmd {
	if m.idleTimer {
		return nil
	}
	m.idleTimer = true
	return m.tickIn(m.untilWarning())
}

func (m *Model) untilWarning() time.Duration {
	return m.lastKey.Add(m.c.IdleFor() - m.warning()).Sub(m.opts.Now())
}

func (m *Model) warning() time.Duration { return screens.IdleWarning(m.c.IdleFor()) }

func (m *Model) tickIn(d time.Duration) tea.Cmd {
	if d < 10*time.Millisecond {
		d = 10 * time.Millisecond
	}
	return m.opts.Tick(d, func(time.Time) tea.Msg { return idleTickMsg{} })
}

func (m *Model) idleTick() tea.Cmd {
	m.idleTimer = false
	if !m.dirty {
		m.countdown = 0
		return nil
	}
	if w, ok := m.screen.(screens.Waiter); ok && w.Waiting() {
		// Waiting in the login queue on the worst morning is not being
		// away: the wait counts as a key, and the timer looks again later.
		m.lastKey, m.countdown, m.idleTimer = m.opts.Now(), 0, true
		return m.tickIn(m.untilWarning())
	}
	idle := m.opts.Now().Sub(m.lastKey)
	switch {
	case idle >= m.c.IdleFor():
		if !m.opts.Kiosk {
			// A personal session that nobody uses is closed.
			m.quitting = true
			return tea.Quit
		}
		return m.wipe("idle")
	case idle >= m.c.IdleFor()-m.warning():
		left := m.c.IdleFor() - idle
		m.countdown = int((left + time.Second - 1) / time.Second)
		m.idleTimer = true
		// Tick on the next whole second of the countdown.
		return m.tickIn(left - time.Duration(m.countdown-1)*time.Second)
	default:
		m.countdown = 0
		m.idleTimer = true
		return m.tickIn(m.untilWarning())
	}
}
