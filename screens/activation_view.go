package screens

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"entkiosk/data"
)

// What "1ère connexion" shows, and its keys.

func (a *Activation) Keys() []key.Binding {
	c := a.c
	if a.busy.On() {
		return nil
	}
	switch a.step {
	case actCode:
		return a.entry.Keys()
	case actCharter:
		// Tab works too; the help line keeps room for esc and F1.
		keys := []key.Binding{c.ScrollKey()}
		switch {
		case a.charterForm.Focused() != a.accept:
			return append(keys, c.SubmitKey("key.submit"))
		case a.accept.On: // Enter goes on (Toggle.EnterSubmits)
			return append(keys, c.bind([]string{" "}, c.T("keyname.space"), "key.untoggle"), c.SubmitKey("key.submit"))
		}
		return append(keys, c.bind([]string{" ", "enter"}, c.T("keyname.space")+"/"+c.T("keyname.enter"), "key.toggle"))
	case actRedirect, actTooEarly, actAnswer:
		return []key.Binding{c.NextKey(), c.SubmitKey("key.choose")}
	case actDone:
		return []key.Binding{c.SubmitKey("key.login")}
	case actIdentify:
		if f := a.identForm.Focused(); !a.byNumber && f == a.numberLink {
			return []key.Binding{c.NextKey(), c.SubmitKey("key.choose")}
		}
	}
	return []key.Binding{c.NextKey(), c.SubmitKey("key.submit")}
}

func (a *Activation) View() string {
	c, st := a.c, a.c.Styles
	parts := []string{flowTitle(c, a.title(), a.linkTicket())}
	if a.notice != "" {
		parts = append(parts, st.Notice.Render(a.wrap(st.Text, a.c.T(a.notice), 4)))
	}
	switch a.step {
	case actIdentify:
		parts = append(parts, a.viewIdentify())
	case actTooEarly:
		parts = append(parts, a.viewTooEarly())
	case actCode:
		if !a.entry.anyIdent { // by identifiant, the first line says it all
			parts = append(parts, st.Text.Render(c.T("activation.code.intro")), "")
		}
		parts = append(parts, a.entry.View())
	case actCharter:
		parts = append(parts, a.viewCharter())
	case actRedirect:
		parts = append(parts, a.viewRedirect())
	case actPassword:
		parts = append(parts, a.pw.view())
	case actDone:
		parts = append(parts, a.viewDone())
	case actAnswer:
		parts = append(parts, a.viewAnswer())
	}
	// The password step fills the body: its status goes right under the button.
	gap := []string{""}
	if a.step == actPassword {
		gap = nil
	}
	switch {
	case a.busy.On():
		parts = append(append(parts, gap...), a.busy.View())
	case a.err != nil:
		parts = append(append(parts, gap...), a.errorView())
	}
	return lipgloss.JoinVertical(lipgloss.Left, parts...)
}

// linkTicket is the ticket of a session opened by a mail link, on the steps
// it opened (charter, redirection, password): they name the account, since
// nothing typed here did (homonyms: marie.petit, marie.petit2).
func (a *Activation) linkTicket() *data.Ticket {
	if a.fromTicket && (a.step == actCharter || a.step == actRedirect || a.step == actPassword) {
		return a.ticket
	}
	return nil
}

func (a *Activation) title() string {
	c := a.c
	if a.step == actDone {
		return c.T("activation.title") + " — " + c.T("activation.done.title")
	}
	n := activationSteps[a.step]
	return c.Tf("activation.steptitle", c.T("activation.title"), n, len(activationStepNames),
		c.T(activationStepNames[n-1]))
}

var activationStepNames = []string{"activation.step.identify", "activation.step.code", "activation.step.charter",
	"activation.step.redirect", "activation.step.password"}

// wrap renders s with style, wrapped to the body's width less margin,
// breaking only at spaces: an identifiant (jean-luc.dalembert@...) or a
// name is never broken at its hyphen, nor cut.
func (a *Activation) wrap(style lipgloss.Style, s string, margin int) string {
	// wrapOne keeps French punctuation with its word; the lines show plain
	// spaces, and the style pads them to the width (a notice's box).
	w := min(max(a.c.Width-2, 20), 78) - margin
	lines := wrapOne(strings.TrimSpace(s), w-style.GetHorizontalPadding())
	return style.Width(w).Render(strings.ReplaceAll(lines, "\u00a0", " "))
}
