package screens

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"entkiosk/data"
	"entkiosk/data/text"
	"entkiosk/data/wrap"
)

// Lookup is "Consulter mon inscription (IA)": student number and birth date
// → the registrations of the current academic year and the identifiant.
type Lookup struct {
	c      *Common
	id     int
	form   *Form
	number *Input
	birth  *Input
	err    error // the store's refusal, said at View time (F2 follows)
	busy   Busy
	// result is shown instead of the form once found; its actions.
	result  *data.Lookup
	actions *Form
	vp      viewport.Model // the result, when taller than the screen
}

type lookupResultMsg struct {
	id     int
	lookup *data.Lookup
	err    error
}

// NewLookup builds the lookup screen with an empty form.
func NewLookup(c *Common, nav NavigateMsg) Screen {
	l := &Lookup{c: c, id: c.NewID(), busy: newBusy(c), vp: viewport.New(60, 10)}
	l.vp.KeyMap = scrollKeyMap()
	l.newForm()
	return l
}

func (l *Lookup) newForm() {
	l.form = NewForm(l.c)
	l.number = l.form.AddInput(InputSpec{Label: "lookup.number", Hint: "lookup.number.hint", Limit: 12, Width: 12})
	l.birth = l.form.AddInput(InputSpec{Label: "lookup.birth", Hint: "lookup.birth.hint", Limit: 10, Width: 12})
	l.form.AddAction("lookup", "lookup.submit", false)
	l.err = nil
}

func (l *Lookup) Init() tea.Cmd { return nil }

func (l *Lookup) HelpTopic() string { return "lookup" }

func (l *Lookup) Keys() []key.Binding {
	if l.busy.On() {
		return nil
	}
	if l.result != nil {
		keys := []key.Binding{l.c.bind([]string{"tab", "right", "left"}, "Tab", "key.next"), l.c.SubmitKey("key.choose")}
		if _, scrolls := l.resultView(); scrolls {
			keys = append(keys, l.c.ScrollKey())
		}
		return keys
	}
	return []key.Binding{l.c.NextKey(), l.c.SubmitKey("key.lookup")}
}

func (l *Lookup) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case lookupResultMsg:
		if msg.id != l.id {
			return l, nil
		}
		l.busy.Stop()
		if msg.err != nil {
			l.c.logInternal("IA lookup", msg.err)
			l.err = msg.err
			l.form.FocusItem(l.birth)
			return l, nil
		}
		l.showResult(msg.lookup)
		return l, nil
	case spinner.TickMsg:
		return l, l.busy.Tick(msg)
	case tea.KeyMsg:
		if l.busy.On() {
			return l, nil // typed ahead while searching: dropped
		}
		if l.result != nil {
			return l.updateResult(msg)
		}
		if msg.String() == "esc" {
			return l, Back
		}
		ev := l.form.Update(msg)
		if ev.Changed {
			l.err = nil
		}
		if ev.Submit || ev.Action == "lookup" {
			return l, l.lookup()
		}
	}
	return l, nil
}

func (l *Lookup) updateResult(k tea.KeyMsg) (Screen, tea.Cmd) {
	switch k.String() {
	case "esc":
		// One step back: the form as it was, to correct a digit.
		l.result, l.actions = nil, nil
		return l, nil
	case "up", "down", "pgup", "pgdown":
		if _, scrolls := l.resultView(); scrolls {
			l.vp, _ = l.vp.Update(k)
		}
		return l, nil
	case "right":
		k = tea.KeyMsg{Type: tea.KeyTab}
	case "left":
		k = tea.KeyMsg{Type: tea.KeyShiftTab}
	}
	switch l.actions.Update(k).Action {
	case "again":
		l.result, l.actions = nil, nil
		l.newForm()
	case "first":
		return l, Navigate(NavigateMsg{Page: PageActivation, Identifiant: l.result.Identifiant})
	}
	return l, nil
}

func (l *Lookup) showResult(r *data.Lookup) {
	l.result = r
	l.vp.GotoTop()
	l.actions = NewForm(l.c)
	l.actions.AddAction("again", "lookup.again", true)
	if r.Identifiant != "" && r.Status == data.StatusPending {
		l.actions.AddAction("first", "lookup.first", true)
	}
}

// lookup checks the two fields here (a real 8-digit number, a real date),
// then asks the store.
func (l *Lookup) lookup() tea.Cmd {
	number := strings.Join(strings.Fields(l.number.Value()), "")
	birth, birthErr := l.c.parseBirthDate(l.birth.Value())
	numErr := l.c.checkStudentNumber(number)
	l.number.Fail(numErr)
	l.birth.Fail(birthErr)
	l.err = nil
	switch {
	case !numErr.IsZero():
		l.form.FocusItem(l.number)
		return nil
	case !birthErr.IsZero():
		l.form.FocusItem(l.birth)
		return nil
	}
	store, origin, id := l.c.Store, l.c.Origin(), l.id
	return l.busy.Start(func() tea.Msg {
		r, err := store.LookupRegistrations(context.Background(), number, birth, origin)
		return lookupResultMsg{id: id, lookup: r, err: err}
	})
}

// checkStudentNumber says what is wrong with a student number, or nothing.
func (c *Common) checkStudentNumber(number string) Say {
	switch {
	case number == "":
		return SayKey("lookup.number.required")
	case strings.Trim(number, "0123456789") != "":
		return SayKey("lookup.number.digits")
	case len(number) != 8:
		return SayN("lookup.number.length", len(number))
	}
	return Say{}
}

// parseBirthDate reads jjmmaaaa (separators / . - and spaces are allowed)
// as a real date that is not in the future, or says what is wrong.
func (c *Common) parseBirthDate(s string) (time.Time, Say) {
	digits := strings.Map(func(r rune) rune {
		if r == '/' || r == '.' || r == '-' || r == ' ' {
			return -1
		}
		return r
	}, s)
	if digits == "" {
		return time.Time{}, SayKey("lookup.birth.required")
	}
	if len(digits) != 8 || strings.Trim(digits, "0123456789") != "" {
		return time.Time{}, SayKey("lookup.birth.format")
	}
	day, _ := strconv.Atoi(digits[:2])
	month, _ := strconv.Atoi(digits[2:4])
	year, _ := strconv.Atoi(digits[4:])
	loc := c.Store.Config().Location
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, loc)
	if t.Day() != day || int(t.Month()) != month || t.Year() != year {
		return time.Time{}, SayKey("lookup.birth.invalid", digits[:2]+"/"+digits[2:4]+"/"+digits[4:])
	}
	if year < 1900 || t.After(c.Local(c.Now())) {
		return time.Time{}, SayKey("lookup.birth.year")
	}
	return t, Say{}
}

func (l *Lookup) View() string {
	st := l.c.Styles
	parts := []string{st.Title.Render(l.c.T("lookup.title"))}
	if l.result != nil {
		view, _ := l.resultView()
		return view
	}
	parts = append(parts, st.Muted.Render(wrap.Text(l.c.T("lookup.intro"), l.c.Width-2)), "", l.form.View())
	switch {
	case l.busy.On():
		parts = append(parts, "", l.busy.View())
	case l.err != nil:
		parts = append(parts, "", st.Error.Render(wrap.Text("✗ "+l.c.ErrorText(l.err), l.c.Width-2)))
	}
	return lipgloss.JoinVertical(lipgloss.Left, parts...)
}

func (l *Lookup) resultBody() string {
	c, st, r := l.c, l.c.Styles, l.result
	width := c.bodyWidth()
	lines := []string{st.Strong.Render(r.Person.DisplayName()) + st.Muted.Render(" · "+c.Tf("lookup.numberis", Clean(r.Person.StudentNumber)))}
	switch {
	case r.Identifiant == "":
		lines = append(lines, st.Label.Render(c.T("lookup.identifiant")+" ")+st.Text.Render(c.T("lookup.noaccount")))
	case r.Status == data.StatusPending:
		line := st.Label.Render(c.T("lookup.identifiant")+" ") + st.Strong.Render(Clean(r.Identifiant))
		if lipgloss.Width(line)+1+lipgloss.Width(c.T("lookup.pending")) > width {
			line += "\n"
		} else {
			line += " "
		}
		lines = append(lines, line+st.Muted.Render(c.T("lookup.pending")))
	default:
		lines = append(lines, st.Label.Render(c.T("lookup.identifiant")+" ")+st.Strong.Render(Clean(r.Identifiant)))
	}
	lines = append(lines, c.rightsLine(r.RightsEnd), "")

	regs := r.Current()
	if len(regs) > 0 {
		lines = append(lines, st.Text.Render(c.Nf("lookup.current", len(regs))))
	} else {
		lines = append(lines, st.Warning.Render(wrap.Text(c.Tf("lookup.none", yearLabel(r.CurrentYear)), width)))
		if len(r.Registrations) > 0 {
			latest := r.Registrations[0].Annee
			for _, reg := range r.Registrations {
				if reg.Annee == latest {
					regs = append(regs, reg)
				}
			}
			lines = append(lines, st.Text.Render(c.Tf("lookup.latest", yearLabel(latest))))
		}
	}
	// As many side by side as fit; the others in tables below.
	for i, n := 0, c.tableColumns(width); i < len(regs); i += n {
		if i > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, c.registrationTable(regs[i:min(i+n, len(regs))], width))
	}
	if somethingWrong(r, regs) {
		lines = append(lines, "", st.Warning.Render(wrap.Text(c.T("lookup.wrong"), width)))
	}
	return lipgloss.JoinVertical(lipgloss.Left, lines...)
}

// resultView is the result with its actions under it; when it is taller
// than the screen, the result scrolls in a viewport above the actions.
func (l *Lookup) resultView() (view string, scrolls bool) {
	c, st := l.c, l.c.Styles
	title, body, actions := st.Title.Render(c.T("lookup.title")), l.resultBody(), l.actions.rowView(c.bodyWidth())
	whole := fitHeight(lipgloss.JoinVertical(lipgloss.Left, title, body, "", actions), c.BodyHeight())
	if lipgloss.Height(whole) <= c.BodyHeight() {
		return whole, false
	}
	l.vp.Width = c.bodyWidth()
	l.vp.Height = max(c.BodyHeight()-lipgloss.Height(title)-lipgloss.Height(actions)-1, 3)
	l.vp.SetContent(body)
	hint := c.T("help.more")
	if l.vp.AtBottom() {
		hint = c.T("help.end")
	}
	return lipgloss.JoinVertical(lipgloss.Left, title, l.vp.View(), st.Muted.Render(hint), actions), true
}

func yearLabel(y int) string { return strconv.Itoa(y) + "/" + strconv.Itoa(y+1) }

// registrationTable shows registrations side by side, one column each, the
// fields as rows: eight columns of a registration never fit 80 columns, a
// few registrations do, with their long names wrapped.
func (c *Common) registrationTable(regs []data.Registration, width int) string {
	st := c.Styles
	labelWidth := c.tableLabelWidth()
	colWidth := (width-labelWidth)/len(regs) - 2
	cell := func(r data.Registration, row int) string { return c.RegistrationValues(r)[row] }
	var rows []string
	for i, k := range tableLabels {
		cols := []string{st.Label.Width(labelWidth).Render(wrap.Text(c.T(k), labelWidth))}
		for _, r := range regs {
			style := st.Text
			if i == 0 {
				style = st.TableHead
			}
			text := strings.Join(wrap.Lines(cell(r, i), colWidth), "\n")
			cols = append(cols, style.Width(colWidth+2).Render(text))
		}
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, cols...))
	}
	return strings.Join(rows, "\n")
}

// tableLabels are the rows of the registrations table.
var tableLabels = []string{"lookup.col.year", "lookup.col.etape", "lookup.col.diplome", "lookup.col.composante",
	"lookup.col.regime", "lookup.col.statut", "lookup.col.paiement", "lookup.col.date"}

// tableLabelWidth is the width of the table's first column.
func (c *Common) tableLabelWidth() int {
	w := 0
	for _, k := range tableLabels {
		w = max(w, lipgloss.Width(c.T(k)))
	}
	return w + 2
}

// tableColumns is how many registrations fit side by side, each column
// at least 20 cells wide: a person rarely has more than two a year.
func (c *Common) tableColumns(width int) int {
	return max((width-c.tableLabelWidth())/22, 1)
}

// statusWord translates a status code of the export; an unknown one shows as is.
func (c *Common) statusWord(prefix, code string) string {
	if text.Has(French, prefix+code) {
		return c.T(prefix + code)
	}
	return Clean(code)
}

// somethingWrong: no registration this year, or one cancelled or not paid.
// The result then says, as the university's page does, whom to contact.
func somethingWrong(r *data.Lookup, shown []data.Registration) bool {
	if len(r.Current()) == 0 {
		return true
	}
	for _, reg := range shown {
		if !reg.Valid() || reg.Paiement != "paye" {
			return true
		}
	}
	return false
}
