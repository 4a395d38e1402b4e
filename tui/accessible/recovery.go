package accessible

import (
	"context"
	"errors"
	"io"
	"strings"

	"entkiosk/data"
	"entkiosk/screens"
)

func isEOF(err error) bool { return errors.Is(err, io.EOF) }

// recovery is "Problème de connexion": its three cases. The lost password
// answers the same whether the identifiant exists or not (the store's
// decoy): this page cannot tell, and says the same.
func (s *session) recovery(nav screens.NavigateMsg) (screens.NavigateMsg, error) {
	c := s.c
	s.title(c.T("recovery.menu.title"))
	if nav.Notice != "" {
		s.say(c.T(nav.Notice))
	}
	if t := nav.Ticket; t != nil {
		return s.gotResetTicket(t, "")
	}
	switch nav.Case {
	case screens.RecoveryCaseForgot:
		return s.forgot(nav.Identifiant)
	case screens.RecoveryCaseTrouble:
		return s.trouble()
	}
	i, err := s.choose(c.T("recovery.menu.intro"), c.T("recovery.case.activation"), c.T("recovery.case.forgot"),
		c.T("recovery.case.trouble"), c.T("a11y.home"))
	if err != nil {
		return home(), err
	}
	switch i {
	case 0:
		return screens.NavigateMsg{Page: screens.PageActivation, Identifiant: nav.Identifiant}, nil
	case 1:
		return s.forgot(nav.Identifiant)
	case 2:
		return s.trouble()
	}
	return home(), nil
}

// forgot is "mot de passe oublié": identifiant → code → new password.
func (s *session) forgot(identifiant string) (screens.NavigateMsg, error) {
	c, ctx := s.c, context.Background()
	s.title(c.Tf("a11y.pair", c.T("recovery.title"), c.T("recovery.forgot.title")))
	s.say(c.T("recovery.forgot.intro"))
	identifiant = strings.TrimSpace(identifiant)
	for {
		if identifiant == "" {
			answer, err := s.ask(s.question("recovery.identifiant", "recovery.identifiant.hint"))
			if err != nil {
				return home(), err
			}
			if identifiant = strings.TrimSpace(answer); identifiant == "" {
				s.fail(c.T("recovery.identifiant.required"))
				continue
			}
			if problem := c.IdentifiantProblem(identifiant); problem != "" {
				s.fail(c.T(problem))
				identifiant = ""
				continue
			}
		} else {
			s.sayf("a11y.activation.for", screens.Clean(identifiant))
		}
		ch, err := c.Store.StartReset(ctx, identifiant, c.Origin())
		if err != nil {
			s.failErr("start reset", err)
			i, err := s.choose(c.T("a11y.next.question"), c.T("a11y.login.again"), c.T("a11y.home"))
			if err != nil || i == 1 {
				return home(), err
			}
			identifiant = ""
			continue
		}
		t, err := s.codeStep(ch, "recovery.sent")
		if err != nil || t == nil {
			return home(), err
		}
		return s.gotResetTicket(t, identifiant)
	}
}

// gotResetTicket moves on with a proven code: a new password, or, for an
// account never activated, the activation's own steps.
func (s *session) gotResetTicket(t *data.Ticket, identifiant string) (screens.NavigateMsg, error) {
	c, ctx := s.c, context.Background()
	switch t.Purpose {
	case data.PurposeActivation:
		return screens.NavigateMsg{Page: screens.PageActivation, Ticket: t, Notice: "recovery.pending.notice"}, nil
	case data.PurposeReset:
	default:
		s.fail(c.ErrorText(data.ErrBadToken))
		return home(), nil
	}
	s.title(c.Tf("a11y.pair", c.T("recovery.title"), c.T("recovery.password.title")))
	s.sayf("flow.account", screens.Clean(t.Identifiant))
	personal, err := c.Store.PersonalDataFor(ctx, t)
	if err != nil {
		s.log.Error("reset personal data", "err", err)
	}
	var acct *data.Account
	err = s.passwordStep(personal, "", func(password string) error {
		var err error
		acct, err = c.Store.CompleteReset(ctx, t, password, c.Origin())
		return err
	})
	switch {
	case err == nil:
	case errors.Is(err, data.ErrCodeExpired), errors.Is(err, data.ErrCodeUsed):
		// The code went stale meanwhile: ask for a new one.
		s.failErr("complete reset", err)
		return screens.NavigateMsg{Page: screens.PageRecovery, Case: screens.RecoveryCaseForgot,
			Identifiant: t.Identifiant}, nil
	case isInput(err):
		return home(), err
	default:
		s.failErr("complete reset", err)
		return home(), nil
	}
	s.title(c.Tf("a11y.pair", c.T("recovery.title"), c.T("recovery.done.title")))
	s.done(c.T("recovery.done.ok"))
	s.say(c.T("recovery.done.notice"))
	s.say(c.Tf("recovery.done.how", screens.Clean(acct.Identifiant), screens.Clean(acct.LocalPart)))
	i, err := s.choose(c.T("a11y.next.question"), c.T("recovery.done.login"), c.T("a11y.home"))
	if err != nil || i == 1 {
		return home(), err
	}
	return screens.NavigateMsg{Identifiant: acct.Identifiant}, nil
}

// trouble is "je rencontre des problèmes de connexion": the checks read in
// order, each with what it says to do; nothing is looked up.
func (s *session) trouble() (screens.NavigateMsg, error) {
	c := s.c
	s.title(c.Tf("a11y.pair", c.T("recovery.title"), c.T("recovery.trouble.title")))
	s.say(c.T("recovery.trouble.intro"))
	checks := c.TroubleChecks()
	actions := map[string]bool{}
	var order []string
	for i, ch := range checks {
		s.blank()
		s.say(c.Tf("a11y.check", i+1, len(checks), ch.Title))
		s.say(ch.Text)
		for _, a := range ch.Actions {
			if !actions[a] {
				actions[a] = true
				order = append(order, a)
			}
		}
	}
	s.blank()
	labels := make([]string, len(order))
	for i, a := range order {
		labels[i] = c.T("recovery.action." + a)
	}
	i, err := s.choose(c.T("a11y.next.question"), labels...)
	if err != nil {
		return home(), err
	}
	switch order[i] {
	case "lookup":
		return screens.NavigateMsg{Page: screens.PageLookup}, nil
	case "activate":
		return screens.NavigateMsg{Page: screens.PageActivation}, nil
	case "forgot":
		return screens.NavigateMsg{Page: screens.PageRecovery, Case: screens.RecoveryCaseForgot}, nil
	case "help":
		return screens.NavigateMsg{Page: screens.PageHelp, Topic: "recovery"}, nil
	}
	return home(), nil
}
