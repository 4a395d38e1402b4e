package screens

import (
	"context"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"entkiosk/data"
	"entkiosk/data/wrap"
)

// passwordStep is the "choose your password" step that activation and the
// lost password share: the PasswordPicker (new, confirmation, live
// checklist, meter) and its button. A refused password keeps the fields:
// the person corrects it rather than typing both again.
type passwordStep struct {
	c      *Common
	form   *Form
	picker *PasswordPicker
	button *Action
}

func newPasswordStep(c *Common, submitLabel string) *passwordStep {
	p := &passwordStep{c: c, form: NewForm(c)}
	p.picker = AddPasswordPicker(c, p.form, data.PersonalData{})
	p.button = p.form.AddAction("save", submitLabel, false)
	return p
}

// update handles one key and says whether the password is to be submitted
// (it meets every rule and both entries match).
func (p *passwordStep) update(k tea.KeyMsg) (submit, changed bool) {
	ev := p.form.Update(k)
	if ev.Submit || ev.Action == "save" {
		if p.picker.Ready() {
			return true, ev.Changed
		}
		p.form.FocusItem(p.picker.New)
		if !p.picker.New.Failed() {
			p.form.FocusItem(p.picker.Confirm)
		}
	}
	return false, ev.Changed
}

// refused puts a store refusal under the new password, keeping both
// fields; said in the language shown at each redraw (F2).
func (p *passwordStep) refused(s Say) {
	p.picker.New.Fail(s)
	p.form.FocusItem(p.picker.New)
}

// wipe forgets the password once it was used.
func (p *passwordStep) wipe() { p.form.ClearSecrets() }

func (p *passwordStep) view() string {
	f := p.form
	return lipgloss.JoinVertical(lipgloss.Left, f.ItemView(p.picker.New), f.ItemView(p.picker.Confirm),
		p.picker.ChecklistView(), f.ItemView(p.button))
}

// personalMsg is what the password must not be built on, for the screen
// (id) that asked with loadPersonal; ok is false when it could not be read.
type personalMsg struct {
	id int
	pd data.PersonalData
	ok bool
}

// loadPersonal fetches what the password must not be built on for the
// ticket's account, so that the checklist is right before the store sees
// the password. A failure is logged under what.
func loadPersonal(c *Common, id int, t *data.Ticket, what string) tea.Cmd {
	store, log := c.Store, c.Log
	return func() tea.Msg {
		pd, err := store.PersonalDataFor(context.Background(), t)
		if err != nil && log != nil {
			log.Error(what, "err", err)
		}
		return personalMsg{id: id, pd: pd, ok: err == nil}
	}
}

// goLogin goes home with the account's identifiant (once known) in the
// login form: the way out of activation and of a new password.
func goLogin(acct *data.Account) tea.Cmd {
	ident := ""
	if acct != nil {
		ident = acct.Identifiant
	}
	return Navigate(NavigateMsg{Page: PageHome, Identifiant: ident})
}

// flowTitle is a flow step's title; with the ticket of a mail link, the
// account the step is for on the line under it.
func flowTitle(c *Common, title string, t *data.Ticket) string {
	st := c.Styles
	if t == nil {
		return st.Title.Render(title)
	}
	return lipgloss.JoinVertical(lipgloss.Left, st.Title.MarginBottom(0).Render(title),
		st.Muted.Render(c.Tf("flow.account", st.Strong.Render(Clean(t.Identifiant)))), "")
}

// paragraph renders s with style, wrapped to the body's width (the frame
// pads by one column each side) less margin, never wider than an 80-column
// body so lines stay readable; the style pads its lines to that width (a
// notice's box). A marked sentence (« ✗ … ») has its next lines under its text.
func (c *Common) paragraph(style lipgloss.Style, s string, margin int) string {
	w := min(max(c.Width-2, 20), 78) - margin
	return style.Width(w).Render(wrap.Text(strings.TrimSpace(s), w-style.GetHorizontalPadding()))
}
