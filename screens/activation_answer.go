package screens

import (
	"errors"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"entkiosk/data"
)

// The answer step of « 1ère connexion »: the person typed their own code
// (from a mail), so what applies to the account can now be said — which
// the first step, open to anyone typing an identifiant, never says.
//   - the account is active (activated meanwhile with the mail's link, in
//     another session): say so, and offer to log in;
//   - its rights ended: since when, and what to do;
//   - too early: the too-early step, from when (counting down).

// answered moves to the step that says what the code told.
func (a *Activation) answered(final error) tea.Cmd {
	var early *data.TooEarlyError
	if errors.As(final, &early) {
		a.allowedFrom, a.earlyNotYet, a.earlyFromCode = early.AllowedFrom, false, true
		a.step = actTooEarly
		a.buildTooEarly()
		return a.armEarly()
	}
	a.answer, a.step = final, actAnswer
	a.answerForm = NewForm(a.c)
	if errors.Is(final, data.ErrAlreadyActive) {
		a.answerForm.AddAction("login", "activation.answer.login", false)
		a.answerForm.AddAction("forgot", "activation.answer.forgot", true)
	} else {
		a.answerForm.AddAction("home", "activation.early.home", false)
	}
	return nil
}

// armEarly schedules the redraws of the too-early step: at each minute
// boundary, so that « (dans N min) » counts down while it is on screen,
// and when activation opens.
func (a *Activation) armEarly() tea.Cmd {
	if a.c.Tick == nil {
		return nil
	}
	now := a.c.Now()
	if !now.Before(a.allowedFrom) {
		return nil
	}
	next := now.Truncate(time.Minute).Add(time.Minute)
	if at := a.allowedFrom; at.Before(next) {
		next = at
	}
	id, gen := a.id, a.earlyGen+1
	a.earlyGen = gen
	return a.c.Tick(next.Sub(now), func(time.Time) tea.Msg { return activationReadyMsg{id: id, gen: gen} })
}

func (a *Activation) keyAnswer(k tea.KeyMsg) tea.Cmd {
	switch a.answerForm.Update(k).Action {
	case "login":
		return Navigate(NavigateMsg{Page: PageHome, Identifiant: a.answerIdentifiant()})
	case "forgot":
		return Navigate(NavigateMsg{Page: PageRecovery, Identifiant: a.answerIdentifiant(), Case: RecoveryCaseForgot})
	case "home":
		return Navigate(NavigateMsg{Page: PageHome})
	}
	return nil
}

// answerIdentifiant is what the person typed (the identifiant of the code step).
func (a *Activation) answerIdentifiant() string { return a.typed }

func (a *Activation) viewAnswer() string {
	c, st := a.c, a.c.Styles
	var ended *data.RightsEndedError
	var parts []string
	if errors.As(a.answer, &ended) {
		parts = []string{a.c.paragraph(st.Error, "✗ "+c.ErrorText(a.answer), 0), "",
			a.c.paragraph(st.Text, c.RightsNext(), 0)}
	} else {
		parts = []string{a.c.paragraph(st.Success, "✓ "+c.T("activation.answer.active"), 0), "",
			a.c.paragraph(st.Text, c.T("activation.answer.active.next"), 0)}
	}
	return lipgloss.JoinVertical(lipgloss.Left, append(parts, "", a.answerForm.View())...)
}
