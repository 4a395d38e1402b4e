package accessible

import (
	"context"
	"errors"
	"strings"

	"entkiosk/data"
	"entkiosk/screens"
)

// dashboard is "Mon compte": who is logged in, until when, the services,
// and the changes (password, mail de secours, redirection), as the
// dashboard screen offers them; the console for the helpdesk.
func (s *session) dashboard(nav screens.NavigateMsg) (screens.NavigateMsg, error) {
	c, ctx := s.c, context.Background()
	// Read again, as the screen does when it opens: a role or an address
	// changed since the login shows.
	if fresh, err := c.Store.Account(ctx, c.Account.Person.ID); err == nil {
		c.Account = fresh
	} else {
		s.log.Error("dashboard reload", "err", err)
	}
	if c.Store.NeedsCharter(c.Account) {
		// A new charter since the last one accepted: before anything else.
		return s.newCharter()
	}
	a := c.Account
	s.title(c.T("dash.title"))
	status := c.T("dash.status.student")
	if a.Person.Category == data.Staff {
		status = c.T("dash.status.staff")
	}
	if a.Helpdesk {
		status += ", " + c.T("dash.status.helpdesk")
	}
	if a.Status == data.StatusActive {
		status += ", " + c.T("dash.status.active")
	}
	if nav.Notice != "" {
		s.done(c.T(nav.Notice))
	}
	s.say(a.Person.DisplayName() + ", " + status + ".")
	s.field("dash.identifiant", screens.Clean(a.Identifiant))
	s.say(c.RightsLine(a.RightsEnd) + ".")
	s.field("dash.recovery", data.MaskEmail(a.RecoveryEmail))
	s.field("dash.redirection", s.redirectionNow())

	type entry struct {
		label string
		run   func() (screens.NavigateMsg, error)
	}
	entries := []entry{
		{c.T("dash.action.password"), s.changePassword},
		{c.T("dash.action.recovery"), s.changeRecovery},
		{c.T("dash.action.redirection"), s.changeRedirection},
		{c.T("dash.services"), func() (screens.NavigateMsg, error) {
			s.title(c.T("dash.services"))
			for _, sv := range c.Services() {
				s.say("- " + c.Tf("a11y.service", sv.Name, sv.What, sv.Address))
			}
			return screens.NavigateMsg{Page: screens.PageDashboard}, nil
		}},
	}
	if a.Helpdesk {
		entries = append(entries, entry{c.T("dash.action.helpdesk"), s.openConsole})
	}
	entries = append(entries,
		entry{c.T("home.help"), page(screens.PageHelp)},
		entry{c.T("dash.action.logout"), func() (screens.NavigateMsg, error) {
			s.logout("logout")
			s.done(c.T("a11y.loggedout"))
			return home(), nil
		}})
	if s.o.Demo {
		entries = append(entries, entry{c.T("a11y.mailbox"), page(screens.PageMailbox)})
	}
	labels := make([]string, len(entries))
	for i, e := range entries {
		labels[i] = e.label
	}
	i, err := s.choose(c.T("a11y.home.question"), labels...)
	if err != nil {
		return home(), err
	}
	return entries[i].run()
}

func (s *session) redirectionNow() string {
	c, a := s.c, s.c.Account
	if a.RedirectEmail == "" {
		return c.T("dash.redirection.none")
	}
	return c.Tf("dash.redirection.to", data.MaskEmail(a.RedirectEmail), c.CopyWord(a.KeepCopy))
}

var toDashboard = screens.NavigateMsg{Page: screens.PageDashboard}

// changed takes the account as the store returns it after a change and
// says so on the dashboard.
func (s *session) changed(acct *data.Account, notice string, args ...any) (screens.NavigateMsg, error) {
	if acct != nil {
		s.c.Account = acct
	}
	s.done(s.c.Tf(notice, args...))
	return toDashboard, nil
}

// changePassword: the current password, then a new one.
func (s *session) changePassword() (screens.NavigateMsg, error) {
	c, ctx := s.c, context.Background()
	s.title(c.T("dash.password.title"))
	var current string
	for current == "" {
		var err error
		if current, err = s.askSecret(s.question("dash.password.current", "")); err != nil {
			return home(), err
		}
		if current == "" {
			s.fail(c.T("dash.password.current.required"))
		}
	}
	err := s.passwordStep(c.Account.PersonalData(), current, func(next string) error {
		return c.Store.ChangePassword(ctx, c.Account, current, next, c.Origin())
	})
	switch {
	case err == nil:
		return s.changed(nil, "dash.password.done")
	case isInput(err):
		return home(), err
	}
	s.failErr("dashboard password", err)
	return toDashboard, nil
}

// askCurrent asks the current password that every change of address
// asks first (a session left open must not be enough).
func (s *session) askCurrent() (string, error) {
	c := s.c
	for {
		pw, err := s.askSecret(s.question("dash.confirm.password", "dash.confirm.password.hint"))
		if err != nil || pw != "" {
			return pw, err
		}
		s.fail(c.T("dash.password.current.required"))
	}
}

func (s *session) askAddress(label, hint string) (string, error) {
	c := s.c
	for {
		answer, err := s.ask(s.question(label, hint))
		if err != nil {
			return "", err
		}
		if a := strings.TrimSpace(answer); a != "" {
			return a, nil
		}
		s.fail(c.T("dash.address.required"))
	}
}

// changeRecovery: the new mail de secours, the current password, then
// the code sent to the new address.
func (s *session) changeRecovery() (screens.NavigateMsg, error) {
	c, ctx := s.c, context.Background()
	s.title(c.T("dash.recovery.title"))
	s.field("dash.current", data.MaskEmail(c.Account.RecoveryEmail))
	s.say(c.T("dash.recovery.intro"))
	address, err := s.askAddress("dash.recovery.new", "dash.recovery.new.hint")
	if err != nil {
		return home(), err
	}
	password, err := s.askCurrent()
	if err != nil {
		return home(), err
	}
	ch, err := c.Store.RequestRecoveryChange(ctx, c.Account, password, address, c.Origin())
	if err != nil {
		s.failErr("dashboard recovery", err)
		return toDashboard, nil
	}
	t, err := s.codeStep(ch, "dash.recovery.code")
	if err != nil || t == nil {
		return toDashboard, err
	}
	prev := c.Account
	acct, err := c.Store.ConfirmRecoveryChange(ctx, t, c.Origin())
	if err != nil {
		s.failErr("dashboard recovery.confirm", err)
		return toDashboard, nil
	}
	if prev.RedirectsToRecovery() && acct.RedirectsToRecovery() { // it followed
		return s.changed(acct, "dash.recovery.done.followed", data.MaskEmail(acct.RecoveryEmail), c.CopyWord(acct.KeepCopy))
	}
	return s.changed(acct, "dash.recovery.done", data.MaskEmail(acct.RecoveryEmail))
}

// changeRedirection: to an address (confirmed by a code unless it is the
// mail de secours), to the mail de secours, or none.
func (s *session) changeRedirection() (screens.NavigateMsg, error) {
	c, ctx := s.c, context.Background()
	a := c.Account
	s.title(c.T("dash.redirection.title"))
	s.field("dash.current", s.redirectionNow())
	s.field("dash.recovery.is", data.MaskEmail(a.RecoveryEmail))
	choices := []string{c.T("dash.redirection.submit"), c.T("dash.redirection.self")}
	if a.RedirectEmail != "" {
		choices = append(choices, c.T("dash.redirection.remove"))
	}
	choices = append(choices, c.T("a11y.back"))
	i, err := s.choose(c.T("a11y.next.question"), choices...)
	if err != nil {
		return home(), err
	}
	if i == len(choices)-1 {
		return toDashboard, nil
	}
	if i == 2 {
		password, err := s.askCurrent()
		if err != nil {
			return home(), err
		}
		if err := c.Store.RemoveRedirection(ctx, a, password, c.Origin()); err != nil {
			s.failErr("dashboard redirection.remove", err)
			return toDashboard, nil
		}
		fresh, err := c.Store.Account(ctx, a.Person.ID)
		if err != nil {
			s.log.Error("dashboard reload", "err", err)
		}
		return s.changed(fresh, "dash.redirection.removed")
	}
	address := a.RecoveryEmail
	if i == 0 {
		if address, err = s.askAddress("dash.redirection.address", "dash.redirection.address.hint"); err != nil {
			return home(), err
		}
	}
	keep, err := s.yesNo(c.T("dash.redirection.keep") + " ?")
	if err != nil {
		return home(), err
	}
	password, err := s.askCurrent()
	if err != nil {
		return home(), err
	}
	ch, err := c.Store.SetRedirection(ctx, a, password, address, keep, c.Origin())
	if err != nil {
		s.failErr("dashboard redirection", err)
		return toDashboard, nil
	}
	var acct *data.Account
	if ch != nil {
		// Any address but the mail de secours (proven) first receives a code.
		t, err := s.codeStep(ch, "dash.redirection.code")
		if err != nil || t == nil {
			return toDashboard, err
		}
		if acct, err = c.Store.ConfirmRedirection(ctx, t, c.Origin()); err != nil {
			s.failErr("dashboard redirection.confirm", err)
			return toDashboard, nil
		}
	} else if acct, err = c.Store.Account(ctx, a.Person.ID); err != nil {
		s.log.Error("dashboard reload", "err", err)
		return toDashboard, nil
	}
	return s.changed(acct, "dash.redirection.done", data.MaskEmail(acct.RedirectEmail), c.CopyWord(acct.KeepCopy))
}

// openConsole asks the store whether the role still holds.
func (s *session) openConsole() (screens.NavigateMsg, error) {
	c := s.c
	err := c.Store.HelpdeskAgent(context.Background(), c.Account, c.Origin())
	switch {
	case err == nil:
		return screens.NavigateMsg{Page: screens.PageHelpdesk}, nil
	case errors.Is(err, data.ErrNotHelpdesk):
		s.fail(c.T("dash.helpdesk.revoked"))
	default:
		s.failErr("dashboard console", err)
	}
	return toDashboard, nil
}

// newCharter asks the person logged in to accept the charter in force
// (the screens' Charter page): refusing logs out.
func (s *session) newCharter() (screens.NavigateMsg, error) {
	c := s.c
	s.title(c.T("charter.title"))
	s.say(c.Tf("charter.intro", screens.Clean(c.Store.CharterVersion())))
	s.blank()
	s.sayCharter()
	s.blank()
	s.say(c.T("a11y.charter.refuse"))
	ok, err := s.yesNo(c.T("a11y.charter.question"))
	if err != nil {
		return home(), err
	}
	if !ok {
		s.logout("logout")
		s.fail(c.T("a11y.charter.refused"))
		return home(), nil
	}
	acct, err := c.Store.AcceptCharter(context.Background(), c.Account, c.Origin())
	if err != nil {
		s.failErr("accept charter", err)
		return home(), nil
	}
	c.Account = acct
	return toDashboard, nil
}
