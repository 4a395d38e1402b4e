package screens

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"entkiosk/data"
	"entkiosk/data/wrap"
)

// Layout helpers shared by the pages' screens: wrapping text for a width,
// fitting a height, laying actions out in rows, viewports' keys.

// rightsLine says until when resources stay accessible, or since when they are not.
func (c *Common) rightsLine(end time.Time) string {
	st := c.Styles
	switch {
	case end.IsZero():
		return st.Warning.Render(c.T("rights.none"))
	case !data.RightsActive(end, c.Now()):
		return st.Warning.Render(c.Tf("rights.ended", c.FormatDate(end)))
	}
	return st.Success.Render(c.Tf("rights.until", c.FormatDate(end)))
}

// rowView lays a form's items out side by side, in as many rows as width
// needs (the form's keys still move through them in order).
func (f *Form) rowView(width int) string {
	var rows []string
	row := ""
	for _, it := range f.items {
		v := f.ItemView(it)
		switch {
		case row == "":
			row = v
		case lipgloss.Width(row)+1+lipgloss.Width(v) <= width:
			row += " " + v
		default:
			rows = append(rows, row)
			row = v
		}
	}
	return strings.Join(append(rows, row), "\n")
}

// fitHeight drops blank lines, from the bottom up, until s fits in height
// lines: on a small terminal the actions at the bottom stay visible.
func fitHeight(s string, height int) string {
	if strings.Count(s, "\n") < height {
		return s // it fits: nothing to drop
	}
	lines := strings.Split(s, "\n")
	for i := len(lines) - 1; i >= 0 && len(lines) > height; i-- {
		if strings.TrimSpace(ansi.Strip(lines[i])) == "" {
			lines = append(lines[:i], lines[i+1:]...)
		}
	}
	return strings.Join(lines, "\n")
}

// scrollKeyMap is the viewports' keys: up, down, page up and down. The
// default's ctrl+d and h/l are taken elsewhere (home key, typing).
func scrollKeyMap() viewport.KeyMap {
	return viewport.KeyMap{
		PageDown:     key.NewBinding(key.WithKeys("pgdown", " ")),
		PageUp:       key.NewBinding(key.WithKeys("pgup")),
		Down:         key.NewBinding(key.WithKeys("down", "j")),
		Up:           key.NewBinding(key.WithKeys("up", "k")),
		HalfPageDown: key.NewBinding(key.WithDisabled()),
		HalfPageUp:   key.NewBinding(key.WithDisabled()),
		Left:         key.NewBinding(key.WithDisabled()),
		Right:        key.NewBinding(key.WithDisabled()),
	}
}

// wrapText wraps paragraphs to width (see wrap.Text: list items and
// indented lines keep their next lines under their text). A line starting
// with "## " is a heading.
func (c *Common) wrapText(s string, width int) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, "## ") {
			out = append(out, c.Styles.Strong.Render(ansi.Truncate(line[3:], width, "…")))
			continue
		}
		out = append(out, wrap.Text(line, width))
	}
	return strings.Join(out, "\n")
}
