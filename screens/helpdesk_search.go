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
		if msg.id != p.id {
			return nil
		}
		p.h.done()
		if msg.err != nil {
			p.errText = p.h.fail(msg.err)
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
			step := map[string]int{"up": -1, "down": 1, "pgup": -p.rows(), "pgdown": p.rows()}[k.String()]
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
	p.errText = ""
	store, agent, id := p.h.c.Store, p.h.c.Account, p.id
	return p.h.run(func() tea.Msg {
		res, err := store.HelpdeskSearch(context.Background(), agent, q)
		return hdSearchMsg{id: id, query: q, res: res, err: err}
	})
}

func (p *hdSearch) open(hit data.SearchHit) tea.Cmd {
	card := newHDCard(p.h, hit.PersonID)
	return p.h.push(card, card.load(""))
}

// rows is how many results fit under the form.
func (p *hdSearch) rows() int { return max(p.h.c.BodyHeight()-11, 3) }

func (p *hdSearch) view() string {
	h, c, st := p.h, p.h.c, p.h.c.Styles
	lines := []string{st.Title.Render(c.T("helpdesk.title")), p.form.ItemView(p.query), ""}
	if p.res != nil {
		lines = append(lines, p.table()...)
	}
	lines = strings.Split(strings.Join(lines, "\n"), "\n")
	for len(lines) < c.BodyHeight()-3 {
		lines = append(lines, "")
	}
	lines = append(lines, p.form.ItemView(p.auditLog), "", h.status("", p.errText))
	return strings.Join(lines, "\n")
}

func (p *hdSearch) table() []string {
	h, c, st := p.h, p.h.c, p.h.c.Styles
	res := p.res
	var count string
	switch {
	case res.Total == 0:
		return []string{st.Muted.Render(c.Tf("helpdesk.search.none", Clean(p.searched)))}
	case res.Total > len(res.Hits):
		count = c.Tf("helpdesk.search.more", len(res.Hits), res.Total)
	default:
		count = c.Tf("helpdesk.search.count", res.Total)
	}
	w := h.width() - 2
	nameW, numW, stateW := w*34/100, 12, 12
	identW := w - nameW - numW - stateW - 3
	row := func(name, num, ident, state string) string {
		return cell(name, nameW) + " " + cell(num, numW) + " " + cell(ident, identW) + " " + cell(state, stateW)
	}
	lines := []string{st.Muted.Render(count), "  " + st.TableHead.Render(row(c.T("helpdesk.col.name"),
		c.T("helpdesk.col.number"), c.T("helpdesk.col.identifiant"), c.T("helpdesk.col.account")))}
	rows := p.rows()
	if p.sel < p.top {
		p.top = p.sel
	} else if p.sel >= p.top+rows {
		p.top = p.sel - rows + 1
	}
	for i := p.top; i < len(res.Hits) && i < p.top+rows; i++ {
		hit := res.Hits[i]
		num := hit.StudentNumber
		if hit.Category == data.Staff {
			num = c.T("helpdesk.staff")
		}
		ident := localPart(Clean(hit.Identifiant))
		if ident == "" {
			ident = "—"
		}
		line := row(Clean(hit.Nom)+" "+Clean(hit.Prenom), num, ident, h.accountState(hit.Identifiant, hit.Status))
		if i == p.sel {
			lines = append(lines, st.LinkOn.Render("› "+line))
		} else {
			lines = append(lines, st.Text.Render("  "+line))
		}
	}
	return lines
}
