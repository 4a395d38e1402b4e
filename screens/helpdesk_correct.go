package screens

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
)

// The end of « Corriger le mail de secours »: the address typed, whole,
// to be read back to the person before it is saved (issue 12.3: a typo in
// a masked address cannot be seen); then, saved, the way on — a new code
// to the corrected address at once (issue 12.9: the mails sent to the
// wrong one no longer count).

type correctStage int

const (
	correctTyping correctStage = iota
	correctReview              // the address whole: « Enregistrer » or « Modifier »
	correctDone                // saved: « Envoyer un nouveau code » or back to the card
)

// review checks what can be checked here, then shows the address whole.
func (p *hdCorrect) review() tea.Cmd {
	c := p.h.c
	if !p.checked.On {
		p.errText = c.T("helpdesk.error.identity")
		p.form.FocusItem(p.checked)
		return nil
	}
	addr, err := data.ParseEmail(p.address.Value())
	if err == nil && c.Store.OnUniversityDomain(addr) {
		// Refused by the store anyway: not after reading it back whole.
		err = data.ErrRecoveryUniversity
	}
	if err != nil {
		p.errText = c.ErrorText(err)
		p.form.FocusItem(p.address)
		return nil
	}
	p.errText, p.stage = "", correctReview
	p.stageForm = NewForm(c)
	p.stageForm.AddAction("save", "helpdesk.correct.save", false)
	p.stageForm.AddAction("edit", "helpdesk.correct.edit", false)
	return nil
}

// saved takes the store's answer: on to the done stage, the card read
// again behind it; a refusal goes back to the form, said there.
func (p *hdCorrect) saved(msg hdActionMsg) tea.Cmd {
	if msg.id != p.id {
		return nil
	}
	p.card.journal.entries = nil
	if !p.h.answered(p.id, msg.id, msg.err, &p.errText) {
		p.stage = correctTyping
		p.form.FocusItem(p.address)
		if !p.h.ready {
			return nil
		}
		return p.card.load("")
	}
	p.stage, p.doneNotice = correctDone, msg.notice
	p.stageForm = NewForm(p.h.c)
	if p.nextCode() != "" {
		p.stageForm.AddAction("send", "helpdesk.correct.send", false)
	}
	p.stageForm.AddAction("card", "helpdesk.correct.tocard", false)
	return p.card.load(msg.notice)
}

// nextCode is the code a corrected address is for: the activation code of
// an account not activated yet, a reset code otherwise ("": none applies).
func (p *hdCorrect) nextCode() data.NextAction {
	card := p.card.card
	switch {
	case card == nil || !card.HasAccount() || !card.RightsActive():
		return ""
	case card.Status == data.StatusPending:
		return data.NextResendActivation
	}
	return data.NextSendReset
}

func (p *hdCorrect) stageKey(k tea.KeyMsg) tea.Cmd {
	if k.String() == "esc" {
		if p.stage == correctReview {
			p.stage = correctTyping
			return nil
		}
		return p.h.pop()
	}
	switch p.stageForm.Update(k).Action {
	case "save":
		return p.submit()
	case "edit":
		p.stage = correctTyping
		p.form.FocusItem(p.address)
	case "send":
		// The confirmation of the code, in place of this page: its answer
		// goes back to the card.
		action := p.nextCode()
		p.h.pop()
		return p.h.push(newHDConfirm(p.card, action), nil)
	case "card":
		return p.h.pop()
	}
	return nil
}

func (p *hdCorrect) stageKeys() []key.Binding {
	c := p.h.c
	return []key.Binding{c.bind([]string{"tab"}, "Tab", "key.next"), c.SubmitKey("key.choose")}
}

func (p *hdCorrect) stageView() string {
	h, c, st := p.h, p.h.c, p.h.c.Styles
	card := p.card.card
	lines := []string{st.Title.Render(c.T("helpdesk.action.recovery"))}
	lines = append(lines, flow(h.width(), span{text: c.Tf("helpdesk.confirm.for", card.Person.DisplayName(),
		Clean(card.Identifiant))})...)
	lines = append(lines, "")
	if p.stage == correctReview {
		addr, _ := data.ParseEmail(p.address.Value())
		lines = append(lines, flow(h.width(), span{c.T("helpdesk.correct.review"), st.Text.Render})...)
		lines = append(lines, "  "+st.Strong.Render(Clean(addr)), "")
		lines = append(lines, flow(h.width(), span{c.T("helpdesk.correct.review.why"), st.Muted.Render})...)
	} else {
		lines = append(lines, flow(h.width(), span{"✓ " + p.doneNotice, st.Success.Render})...)
		if p.nextCode() != "" {
			lines = append(lines, "")
			lines = append(lines, flow(h.width(), span{c.T("helpdesk.correct.send.why"), st.Text.Render})...)
		}
	}
	lines = append(lines, "", p.stageForm.View(), "")
	return strings.Join(append(lines, h.status("", p.errText)...), "\n")
}
