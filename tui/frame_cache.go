package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"entkiosk/screens"
	"entkiosk/tui/internal/cells"
)

// frameCache keeps the frame's parts that change only with the width, the
// language, the styles or the keys on offer (the banner and its rule, the
// help line): a key typed into a field redraws the field, not them.
type frameCache struct {
	top     string
	topKey  topKey
	help    string
	helpKey string
	helpFor *screens.Styles
	body    bodyLines
}

type topKey struct {
	width  int
	lang   screens.Lang
	demo   bool
	styles *screens.Styles
}

// cachedTop is the banner and the rule under it, each padded to the width.
func (m *Model) cachedTop() string {
	c := m.c
	k := topKey{c.Width, c.Lang, c.Demo, c.Styles}
	if m.cache.topKey != k || m.cache.top == "" {
		banner := m.banner()
		if w := ansi.StringWidth(banner); w < c.Width {
			banner += strings.Repeat(" ", c.Width-w)
		}
		m.cache.topKey = k
		m.cache.top = banner + "\n" + c.Styles.HelpSep.Render(strings.Repeat("─", c.Width))
	}
	return m.cache.top
}

// cachedHelpLine is " " + helpLine, padded to the frame's width, computed
// again only when the keys offered, their words, the width or the styles
// changed. What it is computed for is compared without making a string.
func (m *Model) cachedHelpLine(width int) string {
	screenKeys, global := m.bindings()
	var buf [512]byte
	b := append(buf[:0], byte(width), byte(width>>8), byte(width>>16))
	for _, list := range [2][]key.Binding{screenKeys, global} {
		for _, k := range list {
			h := k.Help()
			b = append(append(append(append(b, h.Key...), 1), h.Desc...), 0)
			if !k.Enabled() {
				b = append(b, 3)
			}
		}
		b = append(b, 2)
	}
	if string(b) != m.cache.helpKey || m.cache.helpFor != m.c.Styles {
		line := " " + m.helpLine(width)
		if w := cells.Width(line); w < m.c.Width {
			line += strings.Repeat(" ", m.c.Width-w)
		}
		m.cache.helpKey, m.cache.helpFor, m.cache.help = string(b), m.c.Styles, line
	}
	return m.cache.help
}
