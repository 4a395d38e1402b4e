package screens

import (
	"regexp"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"entkiosk/data"
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
	lines := strings.Split(s, "\n")
	for i := len(lines) - 1; i >= 0 && len(lines) > height; i-- {
		if strings.TrimSpace(ansi.Strip(lines[i])) == "" {
			lines = append(lines[:i], lines[i+1:]...)
		}
	}
	return strings.Join(lines, "\n")
}

// wrapOne wraps a one-paragraph message to width.
func wrapOne(s string, width int) string {
	return strings.Join(wrapWords(keepTogether(s), max(width, 20)), "\n")
}

// fitLines wraps the lines of s that are wider than width and leaves the
// others exactly as they are.
func fitLines(s string, width int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if ansi.StringWidth(l) > width {
			lines[i] = wrapOne(l, width)
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

// wrapText wraps paragraphs to width, breaking only at spaces (never
// inside "Jean-Luc" or "Wi-Fi"). A line starting with "- " or "1. " is a
// list item: its continuation lines are indented under its text, as are
// those of an indented line. A line starting with "## " is a heading.
func (c *Common) wrapText(s string, width int) string {
	var out []string
	for _, line := range strings.Split(keepTogether(s), "\n") {
		if strings.HasPrefix(line, "## ") {
			out = append(out, c.Styles.Strong.Render(ansi.Truncate(line[3:], width, "…")))
			continue
		}
		out = append(out, wrapIndented(line, width)...)
	}
	return strings.Join(out, "\n")
}

// wrapIndented wraps one line to width, its continuation lines indented
// under its text when it is a list item or indented (see listIndent).
func wrapIndented(line string, width int) []string {
	indent := listIndent(line)
	var out []string
	for i, w := range wrapWords(line[indent:], max(width-indent, 10)) {
		if i == 0 {
			out = append(out, line[:indent]+w)
		} else {
			out = append(out, strings.Repeat(" ", indent)+w)
		}
	}
	return out
}

// wrapWords breaks s at spaces into lines of at most width cells; a word
// longer than a line is cut.
func wrapWords(s string, width int) []string {
	var lines []string
	cur, curWidth := "", 0
	for _, w := range strings.Split(s, " ") {
		ww := ansi.StringWidth(w)
		for ww > width {
			if cur != "" {
				lines = append(lines, cur)
				cur, curWidth = "", 0
			}
			lines = append(lines, ansi.Truncate(w, width, ""))
			w = ansi.TruncateLeft(w, width, "")
			ww = ansi.StringWidth(w)
		}
		switch {
		case cur == "" && len(lines) > 0 && w == "":
			// a run of spaces at a break: dropped
		case curWidth == 0 && cur == "":
			cur, curWidth = w, ww
		case curWidth+1+ww <= width:
			cur, curWidth = cur+" "+w, curWidth+1+ww
		default:
			lines = append(lines, cur)
			cur, curWidth = w, ww
		}
	}
	return append(lines, cur)
}

// listIndent is the width of a list item's marker ("- ", "12. ") or of a
// line's leading spaces, or 0.
func listIndent(line string) int {
	if strings.HasPrefix(line, "- ") {
		return 2
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(line) && line[i] == '.' && line[i+1] == ' ' {
		return i + 2
	}
	return len(line) - len(strings.TrimLeft(line, " "))
}

// keepTogether puts no-break spaces where a line must not break: French
// punctuation with its word, a figure with its unit ("24 h", "60 s").
func keepTogether(s string) string {
	return unitSpace.ReplaceAllString(frenchSpaces.Replace(s), "${1}\u00a0${2}")
}

// unitSpace is a figure, a space and a unit of time (then anything but a
// letter or digit: "24 h.", "15 min)", "30 s").
var unitSpace = regexp.MustCompile(`([0-9]) (h|min|s|ms)\b`)

// frenchSpaces keeps French punctuation with its word: a line never starts
// with « ; » or « : » nor ends with « « ».
var frenchSpaces = strings.NewReplacer(" ;", "\u00a0;", " :", "\u00a0:", " ?", "\u00a0?", " !", "\u00a0!",
	"« ", "«\u00a0", " »", "\u00a0»", " %", "\u00a0%")
