package screens

import (
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"entkiosk/data"
)

// "Je rencontre des problèmes de connexion": a guided checklist of what a
// person can check alone. Nothing here looks anything up: every answer is
// general, so that the page reveals nothing about any account. Each point
// ends with the action that helps.

type troubleCheck struct {
	key     string   // recovery.check.<key>.title and .text
	actions []string // recovery.action.<id>
	args    func(c *Common) []any
}

var troubleChecks = []troubleCheck{
	{key: "caps", actions: []string{"home"}},
	{key: "ident", actions: []string{"lookup"}, args: func(c *Common) []any {
		cfg := c.Store.Config()
		return []any{cfg.StudentDomain, cfg.StaffDomain}
	}},
	{key: "pending", actions: []string{"activate"}, args: func(*Common) []any {
		return []any{int(data.ActivationDelay / time.Minute)}
	}},
	{key: "rights", actions: []string{"lookup"}},
	{key: "locked", actions: []string{"forgot"}, args: func(*Common) []any {
		return []any{data.LoginFailuresBeforeLock, int(data.LoginFailureWindow / time.Minute),
			int(data.LoginFirstLock / time.Second), int(data.LoginMaxLock / time.Minute)}
	}},
	{key: "client", actions: []string{"home"}, args: func(c *Common) []any {
		return []any{c.Origin().ClientFailuresBeforeBlock(), int(data.ClientFailureWindow / time.Minute),
			int(data.ClientBlock / time.Minute)}
	}},
	{key: "code", actions: []string{"forgot"}, args: func(*Common) []any {
		return []any{int(data.ResendCooldown / time.Second), data.MailsPerHour, int(data.CodeLifetime / time.Hour),
			data.CodeMaxFailures}
	}},
	{key: "secours", actions: []string{"help"}, args: func(c *Common) []any {
		return []any{c.helpdeskAside()}
	}},
}

func (r *Recovery) buildTrouble() {
	r.troubleForm = NewForm(r.c)
	for i, ch := range troubleChecks {
		r.troubleForm.AddAction(fmt.Sprint(i), "recovery.check."+ch.key+".title", true)
	}
}

func (r *Recovery) openCheck(i int) {
	r.check, r.step = i, recCheck
	r.checkForm = NewForm(r.c)
	for _, id := range troubleChecks[i].actions {
		r.checkForm.AddAction(id, "recovery.action."+id, false)
	}
	if i+1 < len(troubleChecks) {
		r.checkForm.AddAction("next", "recovery.action.next", true)
	}
	r.checkForm.AddAction("list", "recovery.action.list", true)
}

func (r *Recovery) keyTrouble(k tea.KeyMsg) tea.Cmd {
	if r.step == recTrouble {
		var i int
		if _, err := fmt.Sscan(r.troubleForm.Update(k).Action, &i); err == nil {
			r.openCheck(i)
		}
		return nil
	}
	switch r.checkForm.Update(k).Action {
	case "home":
		return Navigate(NavigateMsg{Page: PageHome})
	case "lookup":
		return Navigate(NavigateMsg{Page: PageLookup})
	case "activate":
		return Navigate(NavigateMsg{Page: PageActivation, Identifiant: strings.TrimSpace(r.identInput.Value())})
	case "forgot":
		r.step, r.forgotFrom = recForgot, recCheck
		r.forgotForm.FocusItem(r.identInput)
	case "help":
		return Navigate(NavigateMsg{Page: PageHelp, Topic: "recovery"})
	case "next":
		r.openCheck(r.check + 1)
	case "list":
		r.step = recTrouble
	}
	return nil
}

func (r *Recovery) viewCheck() string {
	c, st := r.c, r.c.Styles
	ch := troubleChecks[r.check]
	var args []any
	if ch.args != nil {
		args = ch.args(c)
	}
	return lipgloss.JoinVertical(lipgloss.Left,
		st.Strong.Render(c.T("recovery.check."+ch.key+".title")), "",
		c.paragraph(st.Text, c.Tf("recovery.check."+ch.key+".text", args...), 0), "",
		r.checkForm.View())
}
