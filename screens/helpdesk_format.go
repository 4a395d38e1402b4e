package screens

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"entkiosk/data"
	"entkiosk/data/text"
	"entkiosk/data/wrap"
)

// Small pieces the console's pages share: lines that wrap instead of being
// cut, tables whose cells wrap, names of states, and the catalogue's named
// placeholders. Nothing the agent reads is cut with "…": what does not fit
// goes on the next line.

// span is a piece of a line in its style (nil: as is).
type span struct {
	text  string
	style func(...string) string
}

// flow lays spans out in lines of at most w columns (see package wrap:
// never before a French colon, nor before a " · "). Every word carries its
// span's style, so that each line stands alone on the screen.
func flow(w int, spans ...span) []string {
	words := []string{""}
	for _, sp := range spans {
		for i, piece := range strings.Split(wrap.French(sp.text), " ") {
			if i > 0 {
				words = append(words, "")
			}
			if piece != "" && sp.style != nil {
				piece = sp.style(piece)
			}
			words[len(words)-1] += piece
		}
	}
	return wrap.Lines(strings.Join(words, " "), max(w, 10))
}

// hang puts lead before the first line and indents the others under it:
// a label and its value, a marker and its text.
func hang(lead string, lines []string) []string {
	out := make([]string, len(lines))
	pad := strings.Repeat(" ", ansi.StringWidth(lead))
	for i, l := range lines {
		if i == 0 {
			out[i] = lead + l
		} else {
			out[i] = pad + l
		}
	}
	return out
}

// padTo fills s with spaces to w columns.
func padTo(s string, w int) string { return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0)) }

// labelColumn is the column that holds the widest of labels, and a space.
func labelColumn(labels ...string) int {
	w := 0
	for _, l := range labels {
		w = max(w, ansi.StringWidth(l))
	}
	return w + 1
}

// table is the columns of a table: their widths and the gap between them.
type table struct {
	w   []int
	gap int
}

// fitColumns shares total columns between cells of the natural widths
// given (the widest cell of each column), two spaces apart, or one when
// space is short. When they still do not all fit, the last column gives
// way first, then the widest, down to least; their cells then wrap.
func fitColumns(natural []int, total, least int) table {
	return shareColumns(natural, total, least, true)
}

// fitColumnsEven is fitColumns for one-line rows whose cells are cut: the
// widest columns give way first, so that none is cut much more than the
// others; the columns kept give way only when the others are down to least.
func fitColumnsEven(natural []int, total, least int, keep ...int) table {
	return shareColumns(natural, total, least, false, keep...)
}

func shareColumns(natural []int, total, least int, lastFirst bool, keep ...int) table {
	t := table{w: append([]int(nil), natural...), gap: 2}
	sum := 0
	for _, n := range t.w {
		sum += n
	}
	if sum+t.gap*(len(t.w)-1) > total {
		t.gap = 1
	}
	sum += t.gap * (len(t.w) - 1)
	if last := len(t.w) - 1; last >= 0 && lastFirst { // the last column (free text) wraps first
		cut := min(sum-total, t.w[last]-least)
		if cut > 0 {
			t.w[last] -= cut
			sum -= cut
		}
	}
	widest := func(kept bool) int {
		w := -1
		for i, n := range t.w {
			if n > least && slices.Contains(keep, i) == kept && (w < 0 || n > t.w[w]) {
				w = i
			}
		}
		return w
	}
	for sum > total {
		w := widest(false)
		if w < 0 {
			w = widest(true)
		}
		if w < 0 {
			break
		}
		t.w[w]--
		sum--
	}
	return t
}

// row lays a row's cells out in the table's columns: a cell too long for
// its column goes on as many lines as it needs, nothing is cut.
func (t table) row(cells ...string) []string {
	var wrapped [][]string
	height := 1
	for i, c := range cells {
		lines := wrap.Lines(c, max(t.w[i], 1))
		wrapped = append(wrapped, lines)
		height = max(height, len(lines))
	}
	out := make([]string, height)
	for l := range height {
		var parts []string
		for i := range cells {
			s := ""
			if l < len(wrapped[i]) {
				s = wrapped[i][l]
			}
			if i < len(cells)-1 {
				s = padTo(s, t.w[i])
			}
			parts = append(parts, s)
		}
		out[l] = strings.TrimRight(strings.Join(parts, strings.Repeat(" ", t.gap)), " ")
	}
	return out
}

// line lays a row's cells out on one line, each cut to its column with
// "…" when it is longer (the table says the full row elsewhere).
func (t table) line(cells ...string) string {
	parts := make([]string, len(cells))
	for i, c := range cells {
		c = ansi.Truncate(c, max(t.w[i], 1), "…")
		if i < len(cells)-1 {
			c = padTo(c, t.w[i])
		}
		parts[i] = c
	}
	return strings.TrimRight(strings.Join(parts, strings.Repeat(" ", t.gap)), " ")
}

// lineWrapLast is line for a row whose last cell is not to be cut (the
// audit's outcome): the others are cut to their column, the last wraps in
// its own, its next lines indented under its first.
func (t table) lineWrapLast(cells ...string) []string {
	last := len(cells) - 1
	if last < 0 {
		return []string{""}
	}
	parts := wrap.Lines(cells[last], max(t.w[last], 1))
	out := []string{t.line(append(append([]string(nil), cells[:last]...), parts[0])...)}
	indent := strings.Repeat(" ", t.gap*last)
	for _, w := range t.w[:last] {
		indent += strings.Repeat(" ", w)
	}
	for _, p := range parts[1:] {
		out = append(out, indent+p)
	}
	return out
}

// naturalWidths is the widest of each column over a table's rows.
func naturalWidths(rows [][]string) []int {
	var w []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(w) {
				w = append(w, 0)
			}
			w[i] = max(w[i], ansi.StringWidth(c))
		}
	}
	return w
}

// rowWindow shows rows (each one or more lines) in height lines from row
// top, moved so that row sel is in view; it says the top it used.
func rowWindow(rows [][]string, sel, top, height int) ([]string, int) {
	if len(rows) == 0 {
		return nil, 0
	}
	sel = min(max(sel, 0), len(rows)-1)
	top = min(max(top, 0), sel)
	fits := func(top int) bool {
		n := 0
		for i := top; i <= sel; i++ {
			n += len(rows[i])
		}
		return n <= height
	}
	for top < sel && !fits(top) {
		top++
	}
	var lines []string
	for i := top; i < len(rows) && len(lines)+len(rows[i]) <= height; i++ {
		lines = append(lines, rows[i]...)
	}
	if len(lines) == 0 { // one row taller than the room: its first lines
		lines = rows[top][:min(height, len(rows[top]))]
	}
	return lines, top
}

// localPart is the identifiant without its domain (columns are narrow; the
// category says which domain).
func localPart(ident string) string {
	if i := strings.LastIndexByte(ident, '@'); i > 0 {
		return ident[:i]
	}
	return ident
}

// accountState names an account's status for the agent.
func (h *Helpdesk) accountState(identifiant, status string, rightsEnded bool) string {
	switch {
	case identifiant == "":
		return h.c.T("helpdesk.state.none")
	case rightsEnded:
		return h.c.T("helpdesk.state.ended")
	case status == data.StatusActive:
		return h.c.T("helpdesk.state.active")
	}
	return h.c.T("helpdesk.state.pending")
}

// fill formats a catalogue entry of the console that says a fact: its
// arguments, by number, are the date, the time, the date and time of at
// (the university's local time), n, text, then the family's own (more).
// An entry counted by n has a singular and a plural (key.one, key.other,
// chosen by text.N's rule).
func (w auditWords) fill(k string, at time.Time, n int, txt string, more ...string) string {
	c := w.c
	if c.hasText(k + ".one") {
		k += "." + text.Form(c.Lang, n)
	}
	s := c.T(k)
	if !strings.Contains(s, "%") { // an entry without arguments takes none
		return s
	}
	args := []any{c.FormatDate(at), c.FormatTime(at), w.when(at), n, txt}
	for _, m := range more {
		args = append(args, m)
	}
	return fmt.Sprintf(s, args...)
}

// shortDateTime is "25/11 10:00" (tables), with the year when it is not
// this year's.
func (h *Helpdesk) shortDateTime(t time.Time) string {
	l := h.c.Local(t)
	if l.Year() != h.c.Local(h.c.Now()).Year() {
		return l.Format("02/01/06 15:04")
	}
	return l.Format("02/01 15:04")
}

// helpdeskErrorWords say the console's own error codes (data.HelpdeskCodes),
// which other screens treat as internal errors.
var helpdeskErrorWords = map[data.Code]string{
	data.CodeNotActive:          "helpdesk.error.notactive",
	data.CodeIdentityNotChecked: "helpdesk.error.identity",
	data.CodeNotFound:           "helpdesk.error.notfound",
}

// errorText says a store error; the console's own errors first.
func (h *Helpdesk) errorText(err error) string {
	if k, ok := helpdeskErrorWords[data.ErrorCode(err)]; ok {
		return h.c.T(k)
	}
	return h.c.ErrorText(err)
}

// isHelpdeskError: an error the console says in its own words (not logged).
func isHelpdeskError(err error) bool {
	_, ok := helpdeskErrorWords[data.ErrorCode(err)]
	return ok
}

// when is a local date and time that stays on one line ("25/11/2026 à
// 10:00"): flow breaks around it, not inside it.
func (w auditWords) when(t time.Time) string {
	if t.After(w.c.Now()) {
		// A time to come is said as the student's screen says it (the
		// next whole minute): agent and student give the same one.
		t = ceilMinute(t)
	}
	return strings.ReplaceAll(w.c.FormatDateTime(t), " ", "\u00a0")
}
