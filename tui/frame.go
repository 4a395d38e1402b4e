package tui

import (
	"cmp"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"entkiosk/screens"
	"entkiosk/tui/internal/cells"
)

// Below this size the frame is replaced by "enlarge the window"; between it
// and 80×24 the screens still work, clipped, with a hint in the status line.
const (
	minWidth  = 60
	minHeight = 16
)

// helps are the help line's models, one for each styles (sessions share
// their styles: a help model of their own was 4 KiB each).
var helps sync.Map // *screens.Styles → *help.Model

// helpFor is the help line's model drawn with st (bubbles' default styles
// would use the server's terminal); its Width is 0, set by the caller on
// its copy.
func helpFor(st *screens.Styles) help.Model {
	if h, ok := helps.Load(st); ok {
		return *h.(*help.Model)
	}
	h := help.New()
	h.ShortSeparator = " · "
	h.Styles.ShortKey, h.Styles.ShortDesc, h.Styles.ShortSeparator = st.HelpKey, st.HelpDesc, st.HelpSep
	h.Styles.FullKey, h.Styles.FullDesc, h.Styles.FullSeparator = st.HelpKey, st.HelpDesc, st.HelpSep
	h.Styles.Ellipsis = st.HelpSep
	h.Width = 0
	helps.Store(st, &h)
	return h
}

func (m *Model) tooSmall() bool { return m.c.Width < minWidth || m.c.Height < minHeight }

// View draws the frame. A screen whose View panics is wiped like one whose
// Update does: the person sees home, never a dead kiosk.
func (m *Model) View() (out string) {
	defer func() {
		if r := recover(); r != nil {
			m.logPanic("view", r, debug.Stack())
			m.wipeFromView()
			out = m.safeFrame()
		}
	}()
	return m.frame()
}

// wipeFromView wipes without the runtime's help (View returns no command):
// the store and the terminal are told from a goroutine.
func (m *Model) wipeFromView() {
	for _, cmd := range m.reset("panic") {
		go guard(cmd)()
	}
	defer func() {
		if r := recover(); r != nil {
			m.screen = &brokenScreen{c: m.c}
		}
	}()
	m.screen = screens.NewHome(m.c, screens.NavigateMsg{})
	m.screen.Update(m.size())
}

func (m *Model) safeFrame() (out string) {
	defer func() {
		if r := recover(); r != nil {
			m.screen = &brokenScreen{c: m.c}
			out = m.c.T("error.internal")
		}
	}()
	return m.frame()
}

// frame: banner, rule, the screen's body, status line, help line; every
// line padded to the width, never more lines than the terminal has. Built
// by hand rather than with lipgloss joins: one width measure per line keeps
// a key press well under a millisecond.
func (m *Model) frame() string {
	if m.quitting {
		return ""
	}
	return strings.Join(m.frameLines(), "\n")
}

// viewLines is View by lines, for a remote session's screen writer: the
// lines that did not change are the very strings of the last frame, and a
// key's echo allocates only the lines it changed.
func (m *Model) viewLines() (out []string) {
	defer func() {
		if r := recover(); r != nil {
			m.logPanic("view", r, debug.Stack())
			m.wipeFromView()
			out = strings.Split(m.safeFrame(), "\n")
		}
	}()
	if m.quitting {
		return []string{""}
	}
	return m.frameLines()
}

// frameLines is the frame by lines; the caller may keep them (they are
// never changed afterwards).
func (m *Model) frameLines() []string {
	c, st := m.c, m.c.Styles
	if m.tooSmall() {
		return strings.Split(m.enlargeView(), "\n")
	}
	if f, ok := m.keptFrame(); ok {
		return f
	}
	width := c.Width

	var status string
	switch {
	case m.countdown > 0:
		status = st.Countdown.Render(c.Tf(m.idleKey(), m.countdown))
	case c.Width < 80 || c.Height < 24:
		status = st.Warning.Render(c.T("app.toosmall"))
	case c.Account != nil:
		status = st.Muted.Render(c.Tf("app.loggedas", screens.Clean(c.Account.Identifiant)))
	}

	bodyHeight := c.BodyHeight()
	lines := make([]string, 0, bodyHeight+4)
	banner, rule, _ := strings.Cut(m.cachedTop(), "\n")
	lines = append(lines, banner, rule)
	body := showFocus(strings.Split(m.screen.View(), "\n"), bodyHeight)
	for i := range bodyHeight {
		l := ""
		if i < len(body) {
			l = body[i]
		}
		// Below 80 columns a screen laid out for 80 is clipped here, as
		// documented, rather than wrapped by the terminal over the next line.
		lines = append(lines, m.cachedBodyLine(i, l))
	}
	// A status longer than the line (a long identifiant) is cut, never wrapped
	// onto the help line.
	status = " " + ansi.Truncate(status, width-2, "…")
	if w := cells.Width(status); w < width {
		status += strings.Repeat(" ", width-w)
	}
	lines = append(lines, status, m.cachedHelpLine(width-2))
	m.keepFrame(body, lines)
	return lines
}

// showFocus: a screen taller than the frame's body (60 × 16, a phone held
// upright) is clipped at the bottom, and the focused item (the screens'
// "› " marker) could be below the cut: the code's box of a reset, Aide on
// home, typed into or opened unseen. Then lines under the title are left
// out so that the focused line shows with the two under it (a field's box
// and its hint).
func showFocus(body []string, height int) []string {
	if len(body) <= height || height < 2 {
		return body
	}
	focus := -1
	for i, l := range body {
		if strings.HasPrefix(strings.TrimLeft(ansi.Strip(l), " "), "› ") {
			focus = i
			break
		}
	}
	last := min(focus+2, len(body)-1) // the last line to show
	if focus < 1 || last < height {
		return body
	}
	drop := min(last-height+1, focus-1) // never the title, never the focused line
	return append([]string{body[0]}, body[1+drop:]...)
}

// idleKey is what the countdown announces: a kiosk goes back home, a
// personal session (over SSH) is closed.
func (m *Model) idleKey() string {
	if m.opts.Kiosk {
		return "app.idle"
	}
	return "app.idle.close"
}

// banner: the university on the left, the DÉMO badge and the language on the right.
func (m *Model) banner() string {
	c, st := m.c, m.c.Styles
	university := c.University(c.Width / 2)
	left := st.HeaderSub.Render(c.T("app.ent"))
	if university != "" {
		left = st.Header.Render(university) + " " + left
	}
	var right []string
	if c.Demo {
		right = append(right, st.Badge.Render(c.T("app.demo")))
	}
	right = append(right, st.LangTag.Render(c.T("app.lang")))
	rightStr := strings.Join(right, " ")
	gap := c.Width - lipgloss.Width(left) - lipgloss.Width(rightStr)
	if gap < 1 && university != "" {
		left = st.Header.Render(university)
		gap = max(c.Width-lipgloss.Width(left)-lipgloss.Width(rightStr), 1)
	}
	return left + strings.Repeat(" ", gap) + rightStr
}

// enlargeView replaces the frame on a terminal too small to show a screen;
// keys other than the global ones are ignored meanwhile (no typing blind).
func (m *Model) enlargeView() string {
	c, st := m.c, m.c.Styles
	w := max(c.Width, 1)
	msg := lipgloss.NewStyle().Width(w).Align(lipgloss.Center).Render(
		st.Header.Render(cmp.Or(c.University(w), c.T("app.ent"))) + "\n\n" + st.Warning.Render(c.T("app.toosmall")) + "\n" +
			st.Muted.Render(c.Tf("app.size", c.Width, c.Height)))
	return lipgloss.PlaceVertical(max(c.Height, 1), lipgloss.Center, msg)
}

// helpLine is never cut in the middle: when the keys do not fit, the least
// useful global ones go first (see dropOrder), then the screen's own from
// the end. A long key dropped early may leave room for a shorter, more
// useful one dropped after it: those are put back, most useful first.
func (m *Model) helpLine(width int) string {
	screenKeys, global := m.bindings()
	h := helpFor(m.c.Styles)
	h.Width = 0 // measure without truncating
	// F3 comes first on every screen, never dropped: a screen-reader user
	// hears it before anything else of the line.
	view := func(g []key.Binding) string {
		return h.ShortHelpView(append(append([]key.Binding{m.c.AccessibleKey()}, screenKeys...), g...))
	}
	kept := global
	var dropped []string
	for lipgloss.Width(view(kept)) > width {
		switch {
		case len(kept) > 0 && !onlyWayOut(kept):
			var name string
			kept, name = dropLeastUseful(kept)
			dropped = append(dropped, name)
		case len(screenKeys) > 1 && dropScreenKey(&screenKeys):
		default:
			h.Width = width // a single key too wide: bubbles cuts it
			return view(nil)
		}
	}
	for i := len(dropped) - 1; i >= 0; i-- {
		if more := withKey(global, kept, dropped[i]); lipgloss.Width(view(more)) <= width {
			kept = more
		}
	}
	return view(kept)
}

// bindings are the screen's keys, then the global ones that work here, in
// the order they are shown.
func (m *Model) bindings() (screenKeys, global []key.Binding) {
	c := m.c
	screenKeys = m.screen.Keys()
	global = make([]key.Binding, 0, 5) // one allocation, not one per key added
	if !m.atHome() && !bindsKey(screenKeys, "esc") {
		// A screen whose esc does more than go back says so itself.
		global = append(global, c.BackKey())
	}
	if _, inHelp := m.screen.(interface{ IsHelp() }); !inHelp {
		global = append(global, c.HelpKey()) // no help on help
	}
	global = append(global, c.LangKey())
	if _, inMailbox := m.screen.(interface{ IsMailbox() }); c.Demo && !inMailbox {
		global = append(global, c.MailboxKey())
	}
	// Ctrl+C (home) works on every screen but is shown on none: Aide says
	// it, and the line keeps its room for the screen's own keys.
	if m.atHome() && m.quitAllowed() {
		global = append(global, c.QuitKey())
	}
	return screenKeys, global
}

func bindsKey(keys []key.Binding, name string) bool {
	for _, k := range keys {
		for _, n := range k.Keys() {
			if n == name {
				return true
			}
		}
	}
	return false
}

// dropOrder: the first of these still in the list goes first: Ctrl+C;
// then F1 help (Aide is also on the home menu); then F4, the demo mailbox
// (the step that sends a code says "F4" in its own text); and last F2, the
// way to English for someone who reads no French. Esc, the way out, is
// never dropped.
var dropOrder = []string{"ctrl+c", screens.KeyHelp, screens.KeyMailbox, screens.KeyLang}

// onlyWayOut says keys hold nothing but the way out of the screen (Esc):
// the one key a help line never drops, at any width.
func onlyWayOut(keys []key.Binding) bool {
	for i := range keys {
		if !bindsKey(keys[i:i+1], "esc") {
			return false
		}
	}
	return true
}

// dropScreenKey takes out the last of the screen's keys that is not its
// way out (Esc), and says whether there was one.
func dropScreenKey(keys *[]key.Binding) bool {
	for i := len(*keys) - 1; i >= 0; i-- {
		if !bindsKey((*keys)[i:i+1], "esc") {
			*keys = append(append([]key.Binding{}, (*keys)[:i]...), (*keys)[i+1:]...)
			return true
		}
	}
	return false
}

// dropLeastUseful takes out the first key of dropOrder still in keys (or
// the last key) and says which it was.
func dropLeastUseful(keys []key.Binding) ([]key.Binding, string) {
	for _, name := range dropOrder {
		for i, k := range keys {
			if firstKey(k) == name {
				return append(append([]key.Binding{}, keys[:i]...), keys[i+1:]...), name
			}
		}
	}
	for i := len(keys) - 1; i >= 0; i-- {
		if !bindsKey(keys[i:i+1], "esc") {
			return append(append([]key.Binding{}, keys[:i]...), keys[i+1:]...), firstKey(keys[i])
		}
	}
	return keys, ""
}

// withKey is kept plus the key named name, in the order of all.
func withKey(all, kept []key.Binding, name string) []key.Binding {
	out := make([]key.Binding, 0, len(kept)+1)
	for _, k := range all {
		if firstKey(k) == name || bindsKey(kept, firstKey(k)) {
			out = append(out, k)
		}
	}
	return out
}

func firstKey(k key.Binding) string {
	if len(k.Keys()) == 0 {
		return ""
	}
	return k.Keys()[0]
}
