package screens

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

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
	errText string
}

type hdAuditMsg struct {
	id      int
	entries []data.AuditEntry
	more    bool
	before  []int64
	err     error
}

func newHDAudit(h *Helpdesk, card *hdCard) *hdAudit {
	a := &hdAudit{h: h, id: h.c.NewID(), card: card}
	if card == nil {
		a.form = NewForm(h.c)
		a.ident = a.form.AddInput(InputSpec{Label: "helpdesk.audit.identifiant", Hint: "helpdesk.audit.all",
			Limit: data.MaxEmailLength, Width: 50})
		a.onEvent = a.form.AddAction("event", "helpdesk.audit.event", true)
	}
	return a
}

// pageSize is how many entries a page shows.
func (a *hdAudit) pageSize() int {
	if a.card != nil {
		return max(a.card.tabHeight()-5, 3)
	}
	return max(a.h.c.BodyHeight()-12, 3)
}

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
	return a.h.run(func() tea.Msg {
		entries, err := store.HelpdeskAudit(context.Background(), agent, f)
		more := len(entries) > size
		if more {
			entries = entries[:size]
		}
		return hdAuditMsg{id: id, entries: entries, more: more, before: before, err: err}
	})
}

func (a *hdAudit) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case hdAuditMsg:
		if msg.id != a.id {
			return nil
		}
		a.h.done()
		if msg.err != nil {
			a.errText = a.h.fail(msg.err)
			return nil
		}
		a.entries, a.more, a.before, a.sel, a.errText = msg.entries, msg.more, msg.before, 0, ""
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
	head := strings.Split(st.Title.Render(c.T("helpdesk.audit.title"))+"\n"+a.form.ItemView(a.ident), "\n")
	lines := append(head, a.lines(c.BodyHeight()-len(head)-2)...)
	return strings.Join(append(lines, "", a.h.status("", a.errText)), "\n")
}

// lines draws the filter, the page and the chosen entry's detail in height lines.
func (a *hdAudit) lines(height int) []string {
	h, c, st := a.h, a.h.c, a.h.c.Styles
	name := c.T("helpdesk.audit.every")
	if a.event > 0 {
		name = string(data.AuditEvents[a.event-1])
	}
	filter := c.T("helpdesk.audit.event") + " ‹ " + name + " ›"
	if a.eventFocused() {
		filter = st.LinkOn.Render("› " + filter)
	} else {
		filter = st.Label.Render("  " + filter)
	}
	page := len(a.before) + 1
	filter += st.Muted.Render("   " + c.Tf("helpdesk.audit.page", page))
	lines := []string{filter}
	if a.entries == nil {
		return lines
	}
	if len(a.entries) == 0 {
		return append(lines, st.Muted.Render("  "+c.T("helpdesk.audit.none")))
	}
	// At 80 columns: 14 + 20 + 15 + 12 + 11; a wider screen widens the
	// identifiant and the client first.
	w := h.width() - 2
	extra := max(w-76, 0)
	identW, clientW := 15+extra/3, 12+extra/3
	row := func(at, event, ident, client, outcome string) string {
		return cell(at, 14) + " " + cell(event, 20) + " " + cell(ident, identW) + " " + cell(client, clientW) + " " +
			cell(outcome, max(w-38-identW-clientW, 4))
	}
	lines = append(lines, "  "+st.TableHead.Render(row(c.T("helpdesk.col.when"), c.T("helpdesk.col.event"),
		c.T("helpdesk.col.identifiant"), c.T("helpdesk.col.client"), c.T("helpdesk.col.outcome"))))
	for i, e := range a.entries {
		r := row(h.shortDateTime(e.At), string(e.Event), localPart(Clean(e.Identifiant)), Clean(e.Client), Clean(e.Outcome))
		if i == a.sel {
			lines = append(lines, st.LinkOn.Render("› "+r))
		} else {
			lines = append(lines, "  "+r)
		}
	}
	// The chosen entry in full, on the last two lines.
	e := a.entries[a.sel]
	detail := c.FormatDateTime(e.At) + " · " + h.auditText(e)
	if e.Identifiant != "" {
		detail += " · " + Clean(e.Identifiant)
	}
	wrapped := strings.SplitN(wrap(detail, h.width()), "\n", 3)
	if len(wrapped) > 2 {
		wrapped = []string{wrapped[0], fit(wrapped[1]+" "+wrapped[2], h.width())}
	}
	for len(lines) < height-len(wrapped)-1 {
		lines = append(lines, "")
	}
	lines = append(lines, "")
	for _, l := range wrapped {
		lines = append(lines, st.Muted.Render(l))
	}
	return lines
}
