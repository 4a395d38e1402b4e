package accessible

import (
	"context"
	"errors"
	"strings"

	"entkiosk/data"
	"entkiosk/screens"
)

// home is the first page: log in, or one of the other services, as the
// home screen offers them; the language; the demo mailbox on a demo.
func (s *session) home(nav screens.NavigateMsg) (screens.NavigateMsg, error) {
	c := s.c
	if nav.Notice != "" {
		s.blank()
		s.say(c.T(nav.Notice))
	}
	if nav.Identifiant != "" {
		// Back from a finished step with the identifiant: straight to the password.
		return s.login(strings.TrimSpace(nav.Identifiant))
	}
	type entry struct {
		label string
		to    func() (screens.NavigateMsg, error)
	}
	entries := []entry{
		{c.T("home.login"), func() (screens.NavigateMsg, error) { return s.login("") }},
		{c.Tf("a11y.pair", c.T("home.first"), c.T("home.first.desc")), page(screens.PageActivation)},
		{c.Tf("a11y.pair", c.T("home.problem"), c.T("home.problem.desc")), page(screens.PageRecovery)},
		{c.Tf("a11y.pair", c.T("home.lookup"), c.T("home.lookup.desc")), page(screens.PageLookup)},
		{c.T("home.help"), page(screens.PageHelp)},
		{c.T("a11y.lang"), func() (screens.NavigateMsg, error) {
			c.Lang = c.Lang.Other()
			return home(), nil
		}},
	}
	if s.o.Demo {
		entries = append(entries, entry{c.T("a11y.mailbox"), page(screens.PageMailbox)})
	}
	if s.o.FromScreens {
		entries = append(entries, entry{c.T("a11y.leave"), func() (screens.NavigateMsg, error) {
			if s.o.Left != nil {
				s.o.Left(c.Lang)
			}
			return home(), ErrLeft
		}})
	}
	if !s.o.Kiosk || s.o.AllowQuit {
		entries = append(entries, entry{c.T("a11y.quit"), func() (screens.NavigateMsg, error) {
			s.say(c.T("a11y.bye"))
			return home(), errQuit
		}})
	}
	labels := make([]string, len(entries))
	for i, e := range entries {
		labels[i] = e.label
	}
	s.title(c.T("a11y.home.title"))
	i, err := s.choose(c.T("a11y.home.question"), labels...)
	if err != nil {
		return home(), err
	}
	return entries[i].to()
}

// page is a menu entry that opens a page.
func page(p screens.Page) func() (screens.NavigateMsg, error) {
	return func() (screens.NavigateMsg, error) { return screens.NavigateMsg{Page: p}, nil }
}

// login asks the identifiant (unless known) and the password, then asks
// the store. A refusal says the same for every cause (no lock oracle),
// with both ways out.
func (s *session) login(identifiant string) (screens.NavigateMsg, error) {
	c := s.c
	s.title(c.T("home.title"))
	for {
		if identifiant == "" {
			answer, err := s.ask(s.question("home.identifiant", "home.identifiant.hint"))
			if err != nil {
				return home(), err
			}
			identifiant = strings.TrimSpace(answer)
			if identifiant == "" {
				s.fail(c.T("home.required"))
				continue
			}
			if problem := c.IdentifiantProblem(identifiant); problem != "" {
				s.fail(c.T(problem))
				identifiant = ""
				continue
			}
		} else {
			s.sayf("a11y.login.for", screens.Clean(identifiant))
		}
		password, err := s.askSecret(s.question("home.password", ""))
		if err != nil {
			return home(), err
		}
		if password == "" {
			s.fail(c.T("home.required.password"))
			continue
		}
		s.say(c.T("home.checking"))
		acct, err := c.Store.Login(context.Background(), identifiant, password, c.Origin())
		if err == nil {
			c.Account = acct
			return screens.NavigateMsg{Page: screens.PageDashboard}, nil
		}
		s.failErr("login", err)
		if errors.Is(err, data.ErrInvalidCredentials) {
			s.say(c.Tf("home.refused.hint", data.LoginFailuresBeforeLock))
		}
		// The identifiant is kept, never the password (as on the screens).
		i, err := s.choose(c.T("a11y.next.question"), c.T("a11y.login.password"), c.T("a11y.login.other"),
			c.T("home.problem"), c.T("a11y.home"))
		if err != nil {
			return home(), err
		}
		switch i {
		case 1:
			identifiant = ""
		case 2:
			return screens.NavigateMsg{Page: screens.PageRecovery, Identifiant: identifiant}, nil
		case 3:
			return home(), nil
		}
	}
}
