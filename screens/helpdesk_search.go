package screens

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
)

// hdSearch finds a person: type, Enter searches; ↑/↓ choose; Enter again
// opens the card. Tab reaches the audit log.
type hdSearch struct {
	h        *Helpdesk
	id       int
	form     *Form
	query    *Input
	auditLog *Action
	searched string // the query whose results are shown
	res      *data.SearchResult
	sel      int
	top      int // first row shown
	errText  string
}

type hdSearchMsg struct {
	id    int
	query string
	res   *data.SearchResult
	err   error
}

func newHDSearch(h *Helpdesk) *hdSearch {
	p := &hdSearch{h: h, id: h.c.NewID(), form: NewForm(h.c)}
	p.query = p.form.AddInput(InputSpec{Label: "helpdesk.search.label", Hint: "helpdesk.search.placeholder",
		Limit: data.MaxEmailLength, Width: 50})
	p.auditLog = p.form.AddAction("audit", "helpdesk.search.audit", true)
	return p
}

func (p *hdSearch) keys() []key.Binding {
	c := p.h.c
	if p.form.Focused() == p.auditLog {
		return []key.Binding{c.SubmitKey("key.open"), c.NextKey()}
	}
	k := []key.Binding{c.SubmitKey("helpdesk.key.search")}
	if p.res != nil && len(p.res.Hits) > 0 {
		k = append(k, c.bind([]string{"up", "down"}, "↑/↓", "key.choose"))
	}
	return append(k, c.bind([]string{"tab"}, "Tab", "helpdesk.key.audit"))
}

func (p *hdSearch) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case hdSearchMsg:
		if !p.h.answered(p.id, msg.id, msg.err, &p.errText) {
			return nil
		}
		p.searched, p.res, p.sel, p.top = msg.query, msg.res, 0, 0
		return nil
	case tea.KeyMsg:
		return p.key(msg)
	}
	return nil
}

func (p *hdSearch) key(k tea.KeyMsg) tea.Cmd {
	hits := 0
	if p.res != nil {
		hits = len(p.res.Hits)
	}
	typing := p.form.Focused() == p.query
	switch k.String() {
	case "esc":
		return p.h.pop()
	case "up", "down", "pgup", "pgdown":
		if typing && hits > 0 {
			step := map[string]int{"up": -1, "down": 1, "pgup": -p.rows(1), "pgdown": p.rows(1)}[k.String()]
			p.sel = min(max(p.sel+step, 0), hits-1)
			return nil
		}
	}
	ev := p.form.Update(k)
	if ev.Changed {
		p.errText = ""
	}
	switch {
	case ev.Action == "audit":
		a := newHDAudit(p.h, nil)
		return p.h.push(a, a.reload())
	case ev.Submit:
		q := strings.TrimSpace(p.query.Value())
		if q == p.searched && hits > 0 {
			return p.open(p.res.Hits[p.sel])
		}
		return p.search(q)
	}
	return nil
}

func (p *hdSearch) search(q string) tea.Cmd {
	if q == "" {
		p.errText = p.h.c.T("helpdesk.search.empty")
		return nil
	}
	if p.h.c.Store.PersonalAddress(q) { // as the store refuses it: said, not "nobody"
		p.errText, p.res, p.searched = p.h.c.T("helpdesk.search.personal"), nil, ""
		return nil
	}
	p.errText = ""
	store, agent, id := p.h.c.Store, p.h.c.Account, p.id
	return p.h.busy.Start(func() tea.Msg {
		res, err := store.HelpdeskSearch(context.Background(), agent, q)
		return hdSearchMsg{id: id, query: q, res: res, err: err}
	})
}

func (p *hdSearch) open(hit data.SearchHit) tea.Cmd {
	card := newHDCard(p.h, hit.PersonID)
	return p.h.push(card, card.load(""))
}

// rows is how many result lines fit under the form: the body less the
// title, the field and a blank line (6), the count, the column names
// (head), the audit log's link, a blank line and the status.
func (p *hdSearch) rows(head int) int {
	return max(p.h.c.BodyHeight()-6-1-head-2-len(p.h.status("", p.errText)), 3)
}

func (p *hdSearch) view() string {
	h, c, st := p.h, p.h.c, p.h.c.Styles
	lines := []string{st.Title.Render(c.T("helpdesk.title")), p.form.ItemView(p.query), ""}
	if p.res != nil {
		lines = append(lines, p.table()...)
	}
	lines = strings.Split(strings.Join(lines, "\n"), "\n")
	status := h.status("", p.errText)
	for len(lines) < c.BodyHeight()-2-len(status) {
		lines = append(lines, "")
	}
	lines = append(lines, p.form.ItemView(p.auditLog), "")
	return strings.Join(append(lines, status...), "\n")
}

// table is the count, then the people found: every cell whole, wrapped in
// its column when the screen is narrow.
func (p *hdSearch) table() []string {
	h, c, st := p.h, p.h.c, p.h.c.Styles
	res := p.res
	var count string
	switch {
	case res.Total == 0:
		return flow(h.width(), span{c.Tf("helpdesk.search.none", Clean(p.searched)), st.Muted.Render})
	case res.Total > len(res.Hits):
		count = c.Tf("helpdesk.search.more", len(res.Hits), res.Total)
	default:
		count = c.Nf("helpdesk.search.count", res.Total)
	}
	cells := [][]string{{c.T("helpdesk.col.name"), c.T("helpdesk.col.number"), c.T("helpdesk.col.identifiant"),
		c.T("helpdesk.col.account")}}
	for _, hit := range res.Hits {
		num := Clean(hit.StudentNumber)
		if hit.Category == data.Staff {
			num = c.T("helpdesk.staff")
		}
		ident := localPart(Clean(hit.Identifiant))
		if ident == "" {
			ident = "—"
		}
		cells = append(cells, []string{Clean(hit.Nom) + " " + Clean(hit.Prenom), num, ident,
			h.accountState(hit.Identifiant, hit.Status, hit.RightsEnded)})
	}
	w := fitColumns(naturalWidths(cells), h.width()-2, 8)
	rows := make([][]string, 0, len(res.Hits))
	for i := range res.Hits {
		var row []string
		for j, l := range w.row(cells[i+1]...) {
			switch {
			case i == p.sel && j == 0:
				// « › » is the focus (the field, the audit log's link): the
				// row Entrée opens has its own mark, so one « › » shows.
				row = append(row, st.LinkOn.Render("▸ "+l))
			case i == p.sel:
				row = append(row, st.LinkOn.Render("  "+l))
			default:
				row = append(row, st.Text.Render("  "+l))
			}
		}
		rows = append(rows, row)
	}
	head := w.row(cells[0]...)
	var shown []string
	shown, p.top = rowWindow(rows, p.sel, p.top, p.rows(len(head)))
	lines := []string{st.Muted.Render(count)}
	for _, l := range head {
		lines = append(lines, "  "+st.TableHead.Render(l))
	}
	return append(lines, shown...)
}
