package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"entkiosk/screens"
)

// newHelp builds the help line from the session's styles (bubbles' default
// styles would use the server's terminal).
func newHelp(c *screens.Common) help.Model {
	h := help.New()
	h.ShortSeparator = " · "
	st := c.Styles
	h.Styles.ShortKey, h.Styles.ShortDesc, h.Styles.ShortSeparator = st.HelpKey, st.HelpDesc, st.HelpSep
	h.Styles.FullKey, h.Styles.FullDesc, h.Styles.FullSeparator = st.HelpKey, st.HelpDesc, st.HelpSep
	h.Styles.Ellipsis = st.HelpSep
	h.Width = c.Width - 2
	return h
}

// View draws the frame: banner, the screen, the help line.
func (m *Model) View() string {
	if m.quitting {
		return ""
	}
	c, st := m.c, m.c.Styles
	width := max(c.Width, 20)

	left := st.Header.Render(c.T("app.university")) + " " + st.HeaderSub.Render(c.T("app.ent"))
	var right []string
	if c.Demo {
		right = append(right, st.Badge.Render(c.T("app.demo")))
	}
	right = append(right, st.LangTag.Render(c.T("app.lang")))
	rightStr := strings.Join(right, " ")
	gap := width - lipgloss.Width(left) - lipgloss.Width(rightStr)
	if gap < 1 {
		left = st.Header.Render(c.T("app.university"))
		gap = max(width-lipgloss.Width(left)-lipgloss.Width(rightStr), 1)
	}
	banner := left + strings.Repeat(" ", gap) + rightStr
	rule := st.HelpSep.Render(strings.Repeat("─", width))

	body := lipgloss.NewStyle().Padding(0, 1).Render(m.screen.View())
	bodyHeight := max(c.Height-screens.ChromeHeight, 1)
	body = clip(body, bodyHeight)

	status := ""
	if m.countdown > 0 {
		status = st.Countdown.Render(c.Tf("app.idle", m.countdown))
	} else if c.Account != nil {
		status = st.Muted.Render(c.Tf("app.loggedas", screens.Clean(c.Account.Identifiant)))
	}
	// bubbles' help adds an item that overflows when its "…" does not fit: cut.
	footer := " " + ansi.Truncate(m.help.ShortHelpView(m.bindings()), width-2, "…")

	return lipgloss.JoinVertical(lipgloss.Left, banner, rule, lipgloss.PlaceVertical(bodyHeight, lipgloss.Top, body),
		" "+status, footer)
}

// bindings are the screen's keys, then the global ones that work here.
func (m *Model) bindings() []key.Binding {
	c := m.c
	keys := append([]key.Binding{}, m.screen.Keys()...)
	if !m.atHome() {
		keys = append(keys, c.BackKey())
	}
	keys = append(keys, c.HelpKey(), c.LangKey())
	if c.Demo {
		keys = append(keys, c.MailboxKey())
	}
	if c.Kiosk && !m.atHome() {
		keys = append(keys, c.HomeKeys())
	}
	return keys
}

// clip keeps at most n lines, so that a long screen never scrolls the terminal.
func clip(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) <= n {
		return s
	}
	return strings.Join(lines[:n], "\n")
}
