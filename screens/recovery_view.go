package screens

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"entkiosk/data"
)

// What "Problème de connexion" shows, and its keys.

func (r *Recovery) Keys() []key.Binding {
	c := r.c
	switch {
	case r.busy.On():
		return nil
	case r.step == recCode:
		return r.entry.Keys()
	case r.step == recMenu || r.step == recTrouble || r.step == recCheck:
		return []key.Binding{c.NextKey(), c.SubmitKey("key.choose")}
	case r.step == recDone:
		return []key.Binding{c.SubmitKey("key.login")}
	}
	return []key.Binding{c.NextKey(), c.SubmitKey("key.submit")}
}

func (r *Recovery) View() string {
	c, st := r.c, r.c.Styles
	var link *data.Ticket // a mail link opened the new password: name the account
	if r.fromTicket && r.step == recPassword {
		link = r.ticket
	}
	parts := []string{flowTitle(c, r.title(), link)}
	if r.notice != "" {
		parts = append(parts, st.Notice.Render(c.paragraph(st.Text, c.T(r.notice), 4)), "")
	}
	switch r.step {
	case recMenu:
		parts = append(parts, st.Text.Render(c.T("recovery.menu.intro")), "", r.menu.View())
	case recForgot:
		parts = append(parts, c.paragraph(st.Text, c.T("recovery.forgot.intro"), 0), "", r.forgotForm.View())
	case recCode:
		parts = append(parts, r.entry.View(), "", c.paragraph(st.Muted, c.T("recovery.code.nothing"), 0))
	case recPassword:
		parts = append(parts, r.pw.view())
	case recDone:
		parts = append(parts, r.viewDone())
	case recTrouble:
		parts = append(parts, st.Text.Render(c.T("recovery.trouble.intro")), "", r.troubleForm.View())
	case recCheck:
		parts = append(parts, r.viewCheck())
	}
	// The password step fills the body: its status goes right under the button.
	gap := []string{""}
	if r.step == recPassword {
		gap = nil
	}
	switch {
	case r.busy.On():
		parts = append(append(parts, gap...), r.busy.View())
	case r.err != nil:
		parts = append(append(parts, gap...), c.paragraph(st.Error, "✗ "+c.ErrorText(r.err), 0))
	}
	return lipgloss.JoinVertical(lipgloss.Left, parts...)
}

func (r *Recovery) title() string {
	c := r.c
	switch r.step {
	case recForgot, recCode:
		return c.T("recovery.title") + " — " + c.T("recovery.forgot.title")
	case recPassword:
		return c.T("recovery.title") + " — " + c.T("recovery.password.title")
	case recDone:
		return c.T("recovery.title") + " — " + c.T("recovery.done.title")
	case recTrouble:
		return c.T("recovery.title") + " — " + c.T("recovery.trouble.title")
	case recCheck:
		return c.T("recovery.title") + " — " + c.Tf("recovery.check.of", r.check+1, len(troubleChecks))
	}
	return c.T("recovery.menu.title")
}

func (r *Recovery) viewDone() string {
	c, st := r.c, r.c.Styles
	return lipgloss.JoinVertical(lipgloss.Left,
		st.Success.Render("✓ "+c.T("recovery.done.ok")), "",
		c.paragraph(st.Text, c.T("recovery.done.notice"), 0), "",
		c.paragraph(st.Text, c.Tf("recovery.done.how", st.Strong.Render(Clean(r.account.Identifiant)),
			Clean(r.account.LocalPart)), 0), "",
		r.doneForm.View())
}
