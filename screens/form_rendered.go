package screens

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
