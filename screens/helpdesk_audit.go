package screens

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"entkiosk/data"
)

// hdAudit is the audit log, newest first, a page at a time, filtered by
// event type and by person: the whole log (its own page, with an
// identifiant field) or one person's (a tab of their card).
type hdAudit struct {
	h       *Helpdesk
	id      int
	card    *hdCard // nil: the whole log
	form    *Form   // the whole log: the identifiant filter, then the event filter
	ident   *Input
	onEvent *Action // its focus is the event filter's (drawn here, not by the form)
	event   int     // 0: every event; else data.AuditEvents[event-1]
	applied string
	entries []data.AuditEntry
	more    bool    // an older page exists
	before  []int64 // the BeforeID of each page up to this one
	sel     int
	top     int  // the first row shown
	unknown bool // the whole log's identifiant filter names nobody the store knows
	errText string
}

type hdAuditMsg struct {
	id      int
	entries []data.AuditEntry
	more    bool
	before  []int64
	unknown bool
	err     error
}

func newHDAudit(h *Helpdesk, card *hdCard) *hdAudit {
	a := &hdAudit{h: h, id: h.c.NewID(), card: card}
	if card == nil {
		a.form = NewForm(h.c)
		a.ident = a.form.AddInput(InputSpec{Label: "helpdesk.audit.identifiant", Placeholder: "helpdesk.audit.all",
			Limit: data.MaxEmailLength, Width: 40})
		a.onEvent = a.form.AddAction("event", "helpdesk.audit.event", true)
	}
	return a
}

// pageSize is how many entries a page shows: the rows (one line each)
// that fit under the filters, with the chosen entry in full below them.
func (a *hdAudit) pageSize() int {
	if a.card != nil {
		return max(a.card.tabHeight()-auditChrome, 3)
	}
	return max(a.h.c.BodyHeight()-auditHead-1-1-auditChrome, 3) // the whole log: its head, and a blank and the status
}

// auditHead is the whole log's head: the title, the identifiant filter.
const auditHead = 2

// auditChrome is the lines of a page around its rows: the event filter,
// the table's head, a blank line and the chosen entry in full (two lines).
const auditChrome = 5

// reload shows the newest page of the current filters.
func (a *hdAudit) reload() tea.Cmd { return a.load(nil) }

// load reads the page older than before's last ID (none: the newest).
func (a *hdAudit) load(before []int64) tea.Cmd {
	f := data.AuditFilter{Limit: a.pageSize() + 1}
	if len(before) > 0 {
		f.BeforeID = before[len(before)-1]
	}
	if a.event > 0 {
		f.Events = []data.Event{data.AuditEvents[a.event-1]}
	}
	switch {
	case a.card != nil && a.card.card.HasAccount():
		f.Identifiant = a.card.card.Identifiant
	case a.card != nil:
		f.PersonID = a.card.personID
	default:
		a.applied = strings.TrimSpace(a.ident.Value())
		f.Identifiant = a.applied
	}
	store, agent, id, size := a.h.c.Store, a.h.c.Account, a.id, a.pageSize()
	whole := a.card == nil
	return a.h.busy.Start(func() tea.Msg {
		ctx := context.Background()
		entries, err := store.HelpdeskAudit(ctx, agent, f)
		more := len(entries) > size
		if more {
			entries = entries[:size]
		}
		// Nothing for an identifiant typed: say whether it names anyone.
		unknown := false
		if err == nil && whole && len(entries) == 0 && f.Identifiant != "" {
			known, kerr := store.AuditSubjectKnown(ctx, agent, f.Identifiant)
			unknown, err = !known, kerr
		}
		return hdAuditMsg{id: id, entries: entries, more: more, before: before, unknown: unknown, err: err}
	})
}

func (a *hdAudit) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case hdAuditMsg:
		if !a.h.answered(a.id, msg.id, msg.err, &a.errText) {
			return nil
		}
		a.entries, a.more, a.before, a.sel, a.top, a.errText = msg.entries, msg.more, msg.before, 0, 0, ""
		a.unknown = msg.unknown
		if a.entries == nil {
			a.entries = []data.AuditEntry{}
		}
		return nil
	case tea.KeyMsg:
		return a.key(msg)
	}
	return nil
}

func (a *hdAudit) key(k tea.KeyMsg) tea.Cmd {
	n := len(data.AuditEvents) + 1
	switch k.String() {
	case "esc":
		if a.card == nil {
			return a.h.pop()
		}
	case "up", "down":
		if len(a.entries) > 0 {
			a.sel = min(max(a.sel+map[string]int{"up": -1, "down": 1}[k.String()], 0), len(a.entries)-1)
		}
		return nil
	case "pgdown":
		if a.more {
			return a.load(append(append([]int64(nil), a.before...), a.entries[len(a.entries)-1].ID))
		}
		return nil
	case "pgup":
		if len(a.before) > 0 {
			return a.load(a.before[:len(a.before)-1])
		}
		return nil
	}
	if a.card != nil { // a tab of the card: Tab changes the event filter
		switch k.String() {
		case "tab":
			a.event = (a.event + 1) % n
			return a.reload()
		case "shift+tab":
			a.event = (a.event + n - 1) % n
			return a.reload()
		}
		return nil
	}
	if a.eventFocused() {
		switch k.String() {
		case "right", " ":
			a.event = (a.event + 1) % n
			return a.reload()
		case "left":
			a.event = (a.event + n - 1) % n
			return a.reload()
		}
	}
	if ev := a.form.Update(k); ev.Submit {
		return a.reload()
	}
	return nil
}

// eventFocused: the whole log's event filter has the focus.
func (a *hdAudit) eventFocused() bool { return a.form != nil && a.form.Focused() == a.onEvent }

func (a *hdAudit) keys() []key.Binding {
	c := a.h.c
	var k []key.Binding
	switch {
	case a.card != nil:
		k = append(k, c.bind([]string{"tab"}, "Tab", "helpdesk.key.event"))
	case a.eventFocused():
		k = append(k, c.bind([]string{"left", "right"}, "←/→", "helpdesk.key.event"), c.bind([]string{"tab"}, "Tab",
			"helpdesk.key.identifiant"))
	default:
		k = append(k, c.SubmitKey("helpdesk.key.filter"), c.bind([]string{"tab"}, "Tab", "helpdesk.key.event"))
	}
	if len(a.entries) > 1 {
		k = append(k, c.bind([]string{"up", "down"}, "↑/↓", "key.choose"))
	}
	if a.more || len(a.before) > 0 {
		k = append(k, c.bind([]string{"pgdown", "pgup"}, "PgDn/PgUp", "helpdesk.key.pages"))
	}
	return k
}

// view is the whole log's page.
func (a *hdAudit) view() string {
	c, st := a.h.c, a.h.c.Styles
	head := []string{st.Title.UnsetMarginBottom().Render(c.T("helpdesk.audit.title")), a.identLine()}
	status := a.h.status("", a.errText)
	lines := append(head, a.lines(c.BodyHeight()-len(head)-1-len(status))...)
	return strings.Join(append(append(lines, ""), status...), "\n")
}

// identLine is the identifiant filter on one line: the label, the field,
// and in the empty field what it means (every person).
func (a *hdAudit) identLine() string {
	c, st := a.h.c, a.h.c.Styles
	focused := a.form.Focused() == a.ident
	label, box, marker := st.Label, st.Input, "  "
	if focused {
		label, box, marker = st.LabelOn, st.InputOn, "› "
	}
	m := a.ident.shown()
	m.Placeholder = c.T(a.ident.Placeholder)
	m.TextStyle, m.PlaceholderStyle = st.Text, st.Muted
	m.Cursor.Style, m.Cursor.TextStyle = st.Text.Reverse(true), st.Text
	return marker + label.Render(c.T(a.ident.Label)) + " " + box.Render(m.View())
}

// lines draws the filter, the page and the chosen entry in full in height
// lines. The page's cells wrap in their columns rather than being cut; the
// rows that do not fit scroll with the choice.
func (a *hdAudit) lines(height int) []string {
	h, c, st := a.h, a.h.c, a.h.c.Styles
	name := c.T("helpdesk.audit.every")
	if a.event > 0 {
		name = h.eventName(data.AuditEvents[a.event-1])
	}
	filter := c.T("helpdesk.audit.event") + " ‹ " + name + " ›"
	lead, style := "  ", st.Label.Render
	if a.eventFocused() {
		lead, style = st.LinkOn.Render("› "), st.LinkOn.Render
	}
	lines := hang(lead, flow(h.width()-2, span{filter, style},
		span{"   " + c.Tf("helpdesk.audit.page", len(a.before)+1), st.Muted.Render}))
	if a.entries == nil {
		return lines
	}
	if len(a.entries) == 0 {
		return append(lines, hang("  ", flow(h.width()-2, span{a.noneText(), st.Muted.Render}))...)
	}
	// One person's log (a tab of their card) has no identifiant column.
	whole := a.card == nil
	cells := [][]string{{c.T("helpdesk.col.when"), c.T("helpdesk.col.event")}}
	if whole {
		cells[0] = append(cells[0], c.T("helpdesk.col.identifiant"))
	}
	cells[0] = append(cells[0], c.T("helpdesk.col.client"), c.T("helpdesk.col.outcome"))
	for _, e := range a.entries {
		row := []string{h.shortDateTime(e.At), h.eventName(e.Event)}
		if whole {
			row = append(row, h.auditWho(e))
		}
		cells = append(cells, append(row, Clean(e.Client), h.outcomeCell(e)))
	}
	// One line a row, cells cut to their column ("…"), the chosen row in
	// full below the table; but the date, the event and the outcome stay
	// whole (the poste and the identifiant give way first), the outcome
	// going on under itself when it is longer than its column.
	last, ident := len(cells[0])-1, -1
	if whole {
		ident = 2
	}
	w := auditColumns(cells, h.width()-2, ident, last-1, last)
	if whole && ansi.StringWidth(cells[0][2]) > w.w[2] {
		cells[0][2] = c.T("helpdesk.col.identifiant.short") // its head whole, in the room of its cells
	}
	head := []string{"  " + st.TableHead.Render(w.line(cells[0]...))}
	rows := make([][]string, 0, len(a.entries))
	for i := range a.entries {
		row := w.lineWrapLast(cells[i+1]...)
		for j, l := range row {
			switch {
			case i == a.sel && j == 0:
				row[j] = st.LinkOn.Render("› " + l)
			case i == a.sel:
				row[j] = st.LinkOn.Render("  " + l)
			case a.entries[i].Failed():
				row[j] = "  " + st.Error.Render(l)
			default:
				row[j] = "  " + l
			}
		}
		rows = append(rows, row)
	}
	// The chosen entry in full, at the bottom.
	e := a.entries[a.sel]
	text := h.when(e.At) + " · " + h.auditText(e)
	if e.Identifiant != "" {
		text += " · " + Clean(e.Identifiant)
	}
	detail := flow(h.width(), span{text, st.Muted.Render})
	room := height - len(lines) - len(head) - 1 - len(detail)
	var shown []string
	shown, a.top = rowWindow(rows, a.sel, a.top, max(room, 1))
	lines = append(append(lines, head...), shown...)
	for len(lines) < height-len(detail)-1 {
		lines = append(lines, "")
	}
	return append(append(lines, ""), detail...)
}

// auditColumns shares total columns between the audit table's columns:
// the identifiant gives way first (down to 12; the chosen row shows it in
// full below), then the poste (down to 6: "kiosk…" or "ssh:2…" still say
// which), then the outcome, which wraps (down to its longest word); then
// the identifiant again, and last all of them evenly. Column ident is -1
// when the table has none.
func auditColumns(cells [][]string, total, ident, client, outcome int) table {
	t := table{w: naturalWidths(cells), gap: 2}
	over := func() int {
		sum := t.gap * (len(t.w) - 1)
		for _, n := range t.w {
			sum += n
		}
		return sum - total
	}
	if over() > 0 {
		t.gap = 1
	}
	word := 0
	for _, row := range cells[1:] {
		for _, wd := range strings.Fields(row[outcome]) {
			word = max(word, ansi.StringWidth(wd))
		}
	}
	give := func(col, least int) {
		if col >= 0 {
			t.w[col] -= max(min(over(), t.w[col]-least), 0)
		}
	}
	give(ident, 12)
	give(client, 6)
	give(outcome, max(word, 10))
	give(ident, 8)
	if over() > 0 {
		return fitColumnsEven(t.w, total, 4)
	}
	return t
}

// noneText says why a page is empty: an identifiant that names nobody (what
// to type instead), a person without events of the type chosen, or
// nothing for the filters.
func (a *hdAudit) noneText() string {
	c := a.h.c
	who := Clean(a.applied)
	switch {
	case a.card != nil || who == "":
		return c.T("helpdesk.audit.none")
	case a.unknown:
		return c.Tf("helpdesk.audit.none.unknown", who)
	case a.event > 0:
		return c.Tf("helpdesk.audit.none.event", a.h.eventName(data.AuditEvents[a.event-1]), who, c.T("helpdesk.audit.every"))
	}
	return c.Tf("helpdesk.audit.none.person", who)
}

// auditWho is whom a line of the whole log is about: the identifiant's
// local part or, for the IA lookup's lines (a number, no account), the
// student number they name.
func (h *Helpdesk) auditWho(e data.AuditEntry) string {
	if e.Identifiant != "" {
		return localPart(Clean(e.Identifiant))
	}
	if n := e.Info.Args.Number; n != "" {
		return h.c.Tf("helpdesk.audit.number", Clean(n))
	}
	return ""
}
