package screens

import (
	"context"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"entkiosk/data"
)

// The steps after the code: charter, redirection, password, done.

// charterChrome is what the charter step shows besides the text: title (2),
// intro (1), the card's borders (2), toggle (1), button (1), status (2).
const charterChrome = 9

func (a *Activation) buildCharter() {
	c := a.c
	on := a.accept != nil && a.accept.On
	a.charterForm = NewForm(c)
	a.accept = a.charterForm.AddToggle("accept", "activation.charter.accept", on)
	a.accept.EnterSubmits = true // ticked, Enter means "continue" (Space still unticks)
	a.charterForm.AddAction("continue", "activation.continue", false)
	a.charter = viewport.New(0, 0)
	a.resizeCharter()
}

// resizeCharter fits the text to the window, keeping the reading position.
func (a *Activation) resizeCharter() {
	c := a.c
	offset := a.charter.YOffset
	w := min(max(c.Width-2, 20), 78) - 4 // the card: border and padding
	chrome := charterChrome
	if a.linkTicket() != nil {
		chrome++ // the account's line under the title
	}
	if a.notice != "" {
		chrome += lipgloss.Height(c.Styles.Notice.Render(a.wrap(c.Styles.Text, c.T(a.notice), 4)))
	}
	a.charter.Width, a.charter.Height = w, max(c.BodyHeight()-chrome, 3)
	setCharterText(c, &a.charter, w)
	a.charterLang = c.Lang
	a.charter.SetYOffset(offset)
}

func (a *Activation) keyCharter(k tea.KeyMsg) tea.Cmd {
	if scrollCharter(&a.charter, k) {
		return nil
	}
	ev := a.charterForm.Update(k)
	if ev.Changed {
		a.err = nil
	}
	if ev.Submit || ev.Action == "continue" { // Submit: Enter on the ticked box
		if !a.accept.On {
			a.err = data.ErrCharterNotAccepted
			a.charterForm.FocusItem(a.accept)
			return nil
		}
		a.err, a.notice = nil, ""
		a.step = actRedirect
		a.buildRedirect()
		a.resizeCharter() // the notice is gone: more room if the person comes back
	}
	return nil
}

func (a *Activation) viewCharter() string {
	c, st := a.c, a.c.Styles
	if a.charterLang != c.Lang {
		a.resizeCharter() // F2 switched the language: the text follows (no message tells the screen)
	}
	where := " " + c.Tf("activation.charter.read", int(a.charter.ScrollPercent()*100+0.5))
	intro := st.Text.Render(c.T("activation.charter.intro")) + st.Muted.Render(where)
	return lipgloss.JoinVertical(lipgloss.Left, intro, st.Card.Render(a.charter.View()), a.charterForm.View())
}

// The redirection: keep mail in the university mailbox, or forward it to
// the mail de secours (the address the code went to, already proven).

func (a *Activation) buildRedirect() {
	a.redirectForm = NewForm(a.c)
	none := a.redirectForm.AddAction("none", "activation.redirect.none", true)
	keep := a.redirectForm.AddAction("copy", "activation.redirect.copy", true)
	move := a.redirectForm.AddAction("nocopy", "activation.redirect.nocopy", true)
	switch {
	case a.redirect && a.keepCopy:
		a.redirectForm.FocusItem(keep)
	case a.redirect:
		a.redirectForm.FocusItem(move)
	default:
		a.redirectForm.FocusItem(none)
	}
}

func (a *Activation) keyRedirect(k tea.KeyMsg) tea.Cmd {
	switch a.redirectForm.Update(k).Action {
	case "none":
		a.redirect, a.keepCopy = false, true
	case "copy":
		a.redirect, a.keepCopy = true, true
	case "nocopy":
		a.redirect, a.keepCopy = true, false
	default:
		return nil
	}
	a.enterPassword()
	return nil
}

// enterPassword builds the password step afresh each time it is entered:
// empty fields and no old refusal, whatever happened before an esc.
func (a *Activation) enterPassword() {
	a.pw.wipe()
	a.pw = newPasswordStep(a.c, "activation.password.submit")
	if a.personal != nil {
		a.pw.picker.SetPersonal(*a.personal)
	}
	a.step = actPassword
}

func (a *Activation) viewRedirect() string {
	c, st := a.c, a.c.Styles
	mailbox := st.Strong.Render(Clean(a.ticket.Identifiant))
	target := st.Strong.Render(data.MaskEmail(a.ticket.Target))
	return lipgloss.JoinVertical(lipgloss.Left,
		// wrapped, never cut: the address is the person's, whole (jean-luc.dalembert@...)
		a.wrap(st.Text, c.Tf("activation.redirect.ready", mailbox), 0), "",
		a.wrap(st.Text, c.Tf("activation.redirect.question", target), 0),
		a.wrap(st.Muted, c.T("activation.redirect.why"), 0), "",
		a.redirectForm.View())
}

func (a *Activation) keyPassword(k tea.KeyMsg) tea.Cmd {
	submit, changed := a.pw.update(k)
	if changed {
		a.err = nil
	}
	if !submit {
		return nil
	}
	a.err = nil
	store, origin, id, t := a.c.Store, a.c.Origin(), a.id, a.ticket
	choice := data.ActivationChoice{CharterAccepted: a.accept.On, Redirect: a.redirect, KeepCopy: a.keepCopy,
		Password: a.pw.picker.Value()}
	return a.busy.Start(func() tea.Msg {
		acct, err := store.CompleteActivation(context.Background(), t, choice, origin)
		return activationDoneMsg{id: id, account: acct, err: err}
	})
}

func (a *Activation) viewDone() string {
	c, st := a.c, a.c.Styles
	acct := a.account
	redirect := c.T("activation.done.noredirect")
	switch {
	case acct.RedirectEmail != "" && acct.KeepCopy:
		redirect = c.Tf("activation.done.redirect.copy", data.MaskEmail(acct.RedirectEmail))
	case acct.RedirectEmail != "":
		redirect = c.Tf("activation.done.redirect.nocopy", data.MaskEmail(acct.RedirectEmail))
	}
	const labelWidth = 14
	inner := min(max(c.Width-2, 20), 78) - 4 // inside the card
	row := func(label, value string) string {
		return lipgloss.JoinHorizontal(lipgloss.Top, st.Label.Width(labelWidth).Render(c.T(label)),
			st.Text.Width(inner-labelWidth).Render(value))
	}
	card := st.Card.Render(lipgloss.JoinVertical(lipgloss.Left,
		row("activation.done.identifiant", st.Strong.Render(Clean(acct.Identifiant))),
		row("activation.done.redirection", redirect)))
	return lipgloss.JoinVertical(lipgloss.Left,
		st.Success.Render("✓ "+c.T("activation.done.ok")), "", card, "",
		a.wrap(st.Text, c.Tf("activation.done.how", Clean(acct.LocalPart)), 0), "",
		a.doneForm.View())
}
