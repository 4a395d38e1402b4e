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
		m.cache.topKey = k
		if c.Store == nil {
			m.cache.top = m.drawTop()
		} else {
			m.cache.top = sharedLine(sharedTopKey{k, c.Store.Config().Institution}, m.drawTop)
		}
	}
	return m.cache.top
}

func (m *Model) drawTop() string {
	c := m.c
	banner := m.banner()
	if w := ansi.StringWidth(banner); w < c.Width {
		banner += strings.Repeat(" ", c.Width-w)
	}
	return banner + "\n" + c.Styles.HelpSep.Render(strings.Repeat("─", c.Width))
}

// cachedHelpLine is paddedHelpLine, computed again only when the keys
// offered, their words, the width or the styles changed, and shared by the
// sessions that offer the same. What it is computed for is compared without
// making a string.
func (m *Model) cachedHelpLine(width int) string {
	screenKeys, global := m.bindings()
	var buf [512]byte
	b := append(buf[:0], byte(width), byte(width>>8), byte(width>>16))
	for _, list := range [2][]key.Binding{screenKeys, global} {
		for _, k := range list {
			h := k.Help()
			b = append(append(append(append(b, h.Key...), 1), h.Desc...), 0)
			for _, name := range k.Keys() { // which key is dropped first goes by these
				b = append(append(b, name...), 4)
			}
			if !k.Enabled() {
				b = append(b, 3)
			}
		}
		b = append(b, 2)
	}
	if string(b) != m.cache.helpKey || m.cache.helpFor != m.c.Styles {
		k := string(b)
		f3 := m.c.AccessibleKey().Help()
		line := sharedLine(sharedHelpKey{m.c.Styles, f3.Key + "\x01" + f3.Desc + "\x00" + k},
			func() string { return m.paddedHelpLine(width) })
		m.cache.helpKey, m.cache.helpFor, m.cache.help = k, m.c.Styles, line
	}
	return m.cache.help
}

// paddedHelpLine is " " + helpLine, padded to the frame's width (the
// help's width and the two columns around it): a function of width alone,
// as the sessions that share it have only that in common.
func (m *Model) paddedHelpLine(width int) string {
	line := " " + m.helpLine(width)
	if w := cells.Width(line); w < width+2 {
		line += strings.Repeat(" ", width+2-w)
	}
	return line
}
