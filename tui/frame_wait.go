package tui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"entkiosk/screens"
	"entkiosk/tui/internal/cells"
)

// waitFrame is the frame kept while the screen waits for a password check.
// On the first morning hundreds of sessions wait together, each drawing a
// frame a second (the spinner, the place in the queue), and drawing them
// whole took a fifth of the CPU the hashes needed: between two turns of the
// busy spinner nothing else can change, so only the busy line is drawn again.
type waitFrame struct {
	lines    []string // the frame's lines, padded to the width
	at       int      // the line holding the busy line
	pre, suf string   // that line's body, as the screen drew it, around the busy line
	busy     string   // the busy line in it
	key      waitKey
}

// waitKey is what the kept frame was drawn for: anything else changed (the
// colours are changed without a message), and it is drawn whole.
type waitKey struct {
	screen        screens.Screen
	b             *screens.Busy
	styles        *screens.Styles
	width, height int
	lang          screens.Lang
	countdown     int
}

// waitTurn keeps the frame only for a turn of the waiting screen's busy
// spinner; any other message may change anything, and it is dropped.
func (m *Model) waitTurn(msg tea.Msg) {
	if tick, ok := msg.(spinner.TickMsg); ok && m.wait.lines != nil && m.wait.key.b.Turns(tick) {
		return
	}
	m.wait = waitFrame{}
}

func (m *Model) waitKeyNow() (waitKey, bool) {
	hs, ok := m.screen.(screens.HashingScreen)
	if !ok || !hs.Waiting() {
		return waitKey{}, false
	}
	c := m.c
	return waitKey{screen: m.screen, b: hs.HashingBusy(), styles: c.Styles, width: c.Width, height: c.Height,
		lang: c.Lang, countdown: m.countdown}, true
}

// keptFrame is the kept frame with its busy line drawn again, if it holds
// (a new slice: the last one may be kept by the caller).
func (m *Model) keptFrame() ([]string, bool) {
	w := &m.wait
	if w.lines == nil {
		return nil, false
	}
	if k, ok := m.waitKeyNow(); !ok || k != w.key {
		m.wait = waitFrame{}
		return nil, false
	}
	w.lines = slices.Clone(w.lines)
	if now := w.key.b.Redraw(); now != w.busy {
		w.busy = now
		w.lines[w.at] = m.bodyLine(w.pre + now + w.suf)
	}
	return w.lines, true
}

// keepFrame keeps a frame drawn whole while the screen waits, when its
// busy line is found in exactly one line of the body.
func (m *Model) keepFrame(body, lines []string) {
	m.wait = waitFrame{}
	k, ok := m.waitKeyNow()
	if !ok {
		return
	}
	busy := k.b.Shown()
	if busy == "" {
		return
	}
	at := -1
	for i, l := range body[:min(len(body), len(lines)-4)] { // banner, rule; status, help
		switch n := strings.Count(l, busy); {
		case n > 1 || n == 1 && at >= 0:
			return // ambiguous: drawn whole each time
		case n == 1:
			at = i
		}
	}
	if at < 0 {
		return
	}
	pre, suf, _ := strings.Cut(body[at], busy)
	m.wait = waitFrame{lines: lines, at: at + 2, pre: pre, suf: suf, busy: busy, key: k}
}

// bodyLine is a line of the screen's body as the frame shows it: clipped
// to the width, padded to it.
func (m *Model) bodyLine(l string) string {
	width := m.c.Width
	if w := cells.Width(l); w <= width-1 {
		return " " + l + strings.Repeat(" ", width-1-w) // fits: ansi.Truncate would keep it whole
	}
	l = " " + ansi.Truncate(l, width-1, "")
	if w := cells.Width(l); w < width {
		l += strings.Repeat(" ", width-w)
	}
	return l
}
