package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"entkiosk/screens"
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

// cachedHelpLine is helpLine, computed again only when the keys offered,
// their words, the width or the styles changed.
func (m *Model) cachedHelpLine(width int) string {
	screenKeys, global := m.bindings()
	var b strings.Builder
	for _, list := range [][]key.Binding{screenKeys, global} {
		for _, k := range list {
			h := k.Help()
			b.WriteString(h.Key + "\x01" + h.Desc + "\x00")
			for _, name := range k.Keys() { // which key is dropped first goes by these
				b.WriteString(name + "\x04")
			}
			if !k.Enabled() {
				b.WriteString("\x03")
			}
		}
		b.WriteString("\x02")
	}
	k := string(rune(width)) + b.String()
	if k != m.cache.helpKey || m.cache.helpFor != m.c.Styles {
		f3 := m.c.AccessibleKey().Help()
		line := sharedHelpLine(sharedHelpKey{m.c.Styles, f3.Key + "\x01" + f3.Desc + "\x00" + k},
			func() string { return m.helpLine(width) })
		m.cache.helpKey, m.cache.helpFor, m.cache.help = k, m.c.Styles, line
	}
	return m.cache.help
}
