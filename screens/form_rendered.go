package screens

import "github.com/charmbracelet/lipgloss"

// A button or a menu entry is drawn the same in every session with the
// same styles and language: on home, five of them were drawn again at each
// key typed, a tenth of a key's cost over SSH. Their lines are kept in the
// shared styles (labels are catalogue keys: a few hundred lines at most).

// actionLine is what an Action's line depends on, besides the styles.
type actionLine struct {
	lang        Lang
	label, desc string
	link        bool
	focused     bool
}

func (a *Action) view(c *Common, focused bool) string {
	kept := c.Styles.rendered
	if kept == nil {
		return a.render(c, focused)
	}
	k := actionLine{lang: c.Lang, label: a.Label, desc: a.Desc, link: a.Link, focused: focused}
	if l, ok := kept.Load(k); ok {
		return l.(string)
	}
	l := a.render(c, focused)
	kept.Store(k, l)
	return l
}

// keptText is style.Render(c.T(key)): a title, a label, a hint drawn the
// same in every session with the same styles and language, kept in the
// shared styles like the buttons. which names style among the styles
// (one name, one style).
func keptText(c *Common, which string, style lipgloss.Style, key string) string {
	kept := c.Styles.rendered
	if kept == nil {
		return style.Render(c.T(key))
	}
	k := textLine{which: which, lang: c.Lang, key: key}
	if l, ok := kept.Load(k); ok {
		return l.(string)
	}
	l := style.Render(c.T(key))
	kept.Store(k, l)
	return l
}

type textLine struct {
	which string
	lang  Lang
	key   string
}
