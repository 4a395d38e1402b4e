package screens

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
)

// The console's actions, each confirmed on a page of its own and written to
// the audit log by the store. The agent never sees nor sets a password or
// a code: codes go to the person's mail de secours.

// hdActionMsg is the store's answer to an action; notice says what was done.
type hdActionMsg struct {
	id     int
	notice string
	err    error
}

// hdConfirm confirms resending an activation code, sending a reset code, or
// unlocking.
type hdConfirm struct {
	h       *Helpdesk
	id      int
	card    *hdCard
	action  data.NextAction
	form    *Form
	errText string
}

func newHDConfirm(card *hdCard, action data.NextAction) *hdConfirm {
	p := &hdConfirm{h: card.h, id: card.h.c.NewID(), card: card, action: action, form: NewForm(card.h.c)}
	p.form.AddAction("confirm", "helpdesk.confirm.yes", false)
	p.form.AddAction("cancel", "helpdesk.confirm.no", false)
	return p
}

func (p *hdConfirm) keys() []key.Binding {
	c := p.h.c
	return []key.Binding{c.bind([]string{"tab"}, "Tab", "key.next"), c.SubmitKey("key.choose")}
}

func (p *hdConfirm) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case hdActionMsg:
		return p.h.actionDone(p.id, p.card, msg, &p.errText)
	case tea.KeyMsg:
		if msg.String() == "esc" {
			return p.h.pop()
		}
		switch p.form.Update(msg).Action {
		case "cancel":
			return p.h.pop()
		case "confirm":
			p.errText = ""
			return p.h.busy.Start(p.do())
		}
	}
	return nil
}

// do is the action's store request.
func (p *hdConfirm) do() tea.Cmd {
	c := p.h.c
	id, person, action := p.id, p.card.personID, p.action
	return func() tea.Msg {
		notice, err := helpdeskAct(context.Background(), c, person, action)
		return hdActionMsg{id: id, notice: notice, err: err}
	}
}

func (p *hdConfirm) view() string {
	h, c, st := p.h, p.h.c, p.h.c.Styles
	card := p.card.card
	lines := []string{st.Title.Render(c.T("helpdesk.action." + nextActionKey[p.action]))}
	lines = append(lines, flow(h.width(), span{text: c.Tf("helpdesk.confirm.for", card.Person.DisplayName(),
		Clean(card.Identifiant))})...)
	text := h.fill("helpdesk.confirm."+nextActionKey[p.action], card.Now, 0, Clean(card.Recovery))
	lines = append(append(lines, ""), flow(h.width(), span{text, st.Text.Render})...)
	lines = append(lines, "", p.form.View(), "")
	return strings.Join(append(lines, h.status("", p.errText)...), "\n")
}

// actionDone takes an action's answer on its page: back to the card, which
// reads itself again and shows what was done; or the refusal, in place,
// the card read again behind it (the refusal is in its history too). The
// card's journal reads itself again when next shown.
func (h *Helpdesk) actionDone(pageID int, card *hdCard, msg hdActionMsg, errText *string) tea.Cmd {
	if msg.id != pageID {
		return nil
	}
	card.journal.entries = nil
	if !h.answered(pageID, msg.id, msg.err, errText) {
		if !h.ready {
			return nil // the role is gone: nothing more is read
		}
		return card.load("")
	}
	return tea.Batch(h.pop(), card.load(msg.notice))
}

// hdCorrect corrects the mail de secours after the agent has checked the
// person's identity: the student number and birth date are shown here, the
// agent asks for them and compares, and ticks.
type hdCorrect struct {
	h       *Helpdesk
	id      int
	card    *hdCard
	form    *Form
	address *Input
	checked *Toggle
	errText string

	// The address typed is shown whole before it is saved (a typo is
	// caught while the person is there), then masked; and once saved, a
	// new code is offered at once (helpdesk_correct.go).
	stage      correctStage
	stageForm  *Form
	doneNotice string
}

func newHDCorrect(card *hdCard) *hdCorrect {
	p := &hdCorrect{h: card.h, id: card.h.c.NewID(), card: card, form: NewForm(card.h.c)}
	p.address = p.form.AddInput(InputSpec{Label: "helpdesk.correct.address", Limit: data.MaxEmailLength, Width: 50})
	checked := "helpdesk.correct.checked"
	if card.card.Person.StudentNumber == "" {
		checked = "helpdesk.correct.checked.staff" // staff have no student number
	}
	p.checked = p.form.AddToggle("checked", checked, false)
	p.form.AddAction("confirm", "helpdesk.correct.yes", false)
	p.form.AddAction("cancel", "helpdesk.confirm.no", false)
	return p
}

func (p *hdCorrect) keys() []key.Binding {
	if p.stage != correctTyping {
		return p.stageKeys()
	}
	c := p.h.c
	k := []key.Binding{c.NextKey()}
	switch p.form.Focused() {
	case p.checked:
		return append(k, c.toggleKey(p.checked, c.T("helpdesk.keyname.space")))
	case p.address:
		return append(k, c.SubmitKey("key.next"))
	}
	return append(k, c.SubmitKey("key.choose"))
}

func (p *hdCorrect) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case hdActionMsg:
		return p.saved(msg)
	case tea.KeyMsg:
		if p.stage != correctTyping {
			return p.stageKey(msg)
		}
		if msg.String() == "esc" {
			return p.h.pop()
		}
		ev := p.form.Update(msg)
		if ev.Changed {
			p.errText = ""
		}
		switch {
		case ev.Submit:
			p.form.FocusItem(p.checked) // Enter in the field: on to the identity check
		case ev.Action == "cancel":
			return p.h.pop()
		case ev.Action == "confirm":
			return p.review()
		}
	}
	return nil
}

func (p *hdCorrect) submit() tea.Cmd {
	c := p.h.c
	if !p.checked.On {
		p.errText = c.T("helpdesk.error.identity")
		p.form.FocusItem(p.checked)
		return nil
	}
	p.errText = ""
	id, person := p.id, p.card.personID
	address, checked := p.address.Value(), p.checked.On
	return p.h.busy.Start(func() tea.Msg {
		notice, err := helpdeskCorrect(context.Background(), c, person, address, checked)
		return hdActionMsg{id: id, notice: notice, err: err}
	})
}

func (p *hdCorrect) view() string {
	if p.stage != correctTyping {
		return p.stageView()
	}
	h, c, st := p.h, p.h.c, p.h.c.Styles
	card := p.card.card
	number := card.Person.StudentNumber
	if number == "" {
		number = c.T("helpdesk.staff")
	}
	lw := labelColumn(c.T("helpdesk.correct.number"), c.T("helpdesk.correct.birth"), c.T("helpdesk.correct.current")) + 1
	field := func(label, value string) []string {
		return hang("  "+st.Label.Render(padTo(c.T(label), lw)), flow(h.width()-2-lw, span{value, st.Strong.Render}))
	}
	lines := []string{st.Title.Render(c.T("helpdesk.action.recovery"))}
	lines = append(lines, flow(h.width(), span{text: c.Tf("helpdesk.confirm.for", card.Person.DisplayName(),
		Clean(card.Identifiant))})...)
	ask := "helpdesk.correct.ask"
	if card.Person.StudentNumber == "" {
		ask = "helpdesk.correct.ask.staff"
	}
	lines = append(lines, flow(h.width(), span{c.T(ask), st.Warning.Render})...)
	lines = append(lines, field("helpdesk.correct.number", Clean(number))...)
	lines = append(lines, field("helpdesk.correct.birth", c.FormatDate(card.Person.BirthDate))...)
	lines = append(lines, field("helpdesk.correct.current", Clean(card.Recovery))...)
	if card.RedirectToRecovery {
		// The redirection goes along with the mail de secours: say so
		// before the agent confirms (the person may not expect it).
		lines = append(lines, flow(h.width(), span{c.Tf("helpdesk.correct.follow", c.copyWord(card.KeepCopy)),
			st.Warning.Render})...)
	}
	lines = append(lines, "", p.form.View(), "")
	return strings.Join(append(lines, h.status("", p.errText)...), "\n")
}
