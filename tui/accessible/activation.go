package accessible

import (
	"context"
	"errors"
	"strings"
	"time"

	"entkiosk/data"
	"entkiosk/screens"
)

// activation is "1ère connexion", the screen's steps in a row: identify
// (identifiant, or student number and birth date) → too early? → the code
// → the charter → the redirection → the password → done. The code is
// consumed only by the last step.
func (s *session) activation(nav screens.NavigateMsg) (screens.NavigateMsg, error) {
	c := s.c
	s.title(c.T("activation.title"))
	if nav.Notice != "" {
		s.say(c.T(nav.Notice))
	}
	ticket := nav.Ticket
	if ticket != nil && ticket.Purpose != data.PurposeActivation {
		ticket = nil
	}
	if ticket != nil {
		s.sayf("flow.account", screens.Clean(ticket.Identifiant))
	}
	identifiant := strings.TrimSpace(nav.Identifiant)
	for {
		if ticket == nil {
			t, next, err := s.activationCode(identifiant)
			if err != nil || t == nil {
				return next, err
			}
			ticket = t
		}
		acct, err := s.activationChoices(ticket)
		switch {
		case err == nil:
			return s.activationDone(acct)
		case errors.Is(err, data.ErrCodeExpired), errors.Is(err, data.ErrCodeUsed):
			// The code went stale meanwhile: a new one, from the first step.
			s.failErr("complete activation", err)
			identifiant, ticket = ticket.Identifiant, nil
		case errors.Is(err, data.ErrAlreadyActive):
			return screens.NavigateMsg{Page: screens.PageRecovery, Case: screens.RecoveryCaseForgot,
				Notice: "activation.active.notice"}, nil
		case isInput(err):
			return home(), err
		default:
			s.failErr("complete activation", err)
			return home(), nil
		}
	}
}

// isInput says an error is the session's (Ctrl+C, idle, end of input),
// not the store's.
func isInput(err error) bool {
	return errors.Is(err, errInterrupt) || errors.Is(err, errIdle) || errors.Is(err, errQuit) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || isEOF(err)
}

func (s *session) stepTitle(n int, step string) {
	c := s.c
	s.title(c.Tf("activation.steptitle", c.T("activation.title"), n, 5, c.T("activation.step."+step)))
}

// activationCode is the first two steps: who, then the code. It returns
// the ticket, or where to go instead (nil ticket).
func (s *session) activationCode(identifiant string) (*data.Ticket, screens.NavigateMsg, error) {
	c, ctx := s.c, context.Background()
	byNumber := false
	for {
		s.stepTitle(1, "identify")
		who, typed, err := s.activationIdentity(identifiant, byNumber)
		if err != nil {
			return nil, home(), err
		}
		identifiant = ""
		ac, err := c.Store.StartActivation(ctx, who, c.Origin())
		var ch *data.Challenge
		if err == nil {
			ch, err = c.Store.ActivationChallenge(ctx, ac, false, c.Origin())
		}
		var early *data.TooEarlyError
		switch {
		case err == nil:
			s.stepTitle(2, "code")
			s.say(c.T("activation.code.intro"))
			intro := "code.sent"
			if !byNumber && who.Identifiant != "" {
				intro = "activation.code.sent" // the same words whoever it is
			}
			t, err := s.codeStep(ch, intro)
			if screens.FinalAnswer(err) {
				next, retry, err := s.activationAnswer(err, typed)
				if err != nil || !retry {
					return nil, next, err
				}
				identifiant = typed
				continue
			}
			return t, home(), err
		case errors.As(err, &early):
			retry, err := s.tooEarly(early.AllowedFrom)
			if err != nil || !retry {
				return nil, home(), err
			}
			identifiant = typed
			continue
		case errors.Is(err, data.ErrAlreadyActive):
			// Never activated twice: the way back in is a new password.
			return nil, screens.NavigateMsg{Page: screens.PageRecovery, Identifiant: typed,
				Case: screens.RecoveryCaseForgot, Notice: "activation.active.notice"}, nil
		}
		if screens.Internal(err) {
			s.log.Error("start activation", "err", err)
		}
		text, next := c.ActivationRefusal(err)
		s.fail(text)
		if next != "" {
			s.say(next)
		}
		i, err := s.choose(c.T("a11y.next.question"), c.T("a11y.activation.retype"), c.T("activation.bynumber"),
			c.T("a11y.home"))
		if err != nil || i == 2 {
			return nil, home(), err
		}
		byNumber = i == 1
	}
}

// activationIdentity asks the identifiant (an empty answer: by student
// number and birth date instead), checking what can be checked here.
func (s *session) activationIdentity(identifiant string, byNumber bool) (data.ActivationIdentity, string, error) {
	c := s.c
	if identifiant != "" {
		s.sayf("a11y.activation.for", screens.Clean(identifiant))
		return data.ActivationIdentity{Identifiant: identifiant}, identifiant, nil
	}
	if !byNumber {
		s.say(c.T("activation.intro"))
		for {
			answer, err := s.ask(c.T("a11y.activation.empty") + " " +
				s.question("activation.identifiant", "activation.identifiant.hint"))
			if err != nil {
				return data.ActivationIdentity{}, "", err
			}
			ident := strings.TrimSpace(answer)
			if problem := c.IdentifiantProblem(ident); problem != "" {
				s.fail(c.T(problem))
				continue
			}
			if ident != "" {
				return data.ActivationIdentity{Identifiant: ident}, ident, nil
			}
			break
		}
	}
	s.say(c.T("activation.bynumber.intro"))
	var number string
	for {
		answer, err := s.ask(s.question("activation.number", "activation.number.hint"))
		if err != nil {
			return data.ActivationIdentity{}, "", err
		}
		number = strings.Join(strings.Fields(answer), "")
		if data.IsStudentNumber(number) {
			break
		}
		s.fail(c.T("activation.number.invalid"))
	}
	for {
		answer, err := s.ask(s.question("activation.birth", "activation.birth.hint"))
		if err != nil {
			return data.ActivationIdentity{}, "", err
		}
		if birth, ok := c.ParseActivationBirth(answer); ok {
			return data.ActivationIdentity{StudentNumber: number, BirthDate: birth}, "", nil
		}
		s.fail(c.T("activation.birth.invalid"))
	}
}

// tooEarly says from when the account can be activated; true: try again.
func (s *session) tooEarly(from time.Time) (bool, error) {
	c := s.c
	for {
		if c.Now().Before(from) {
			s.fail(c.Tf("activation.tooearly", c.FormatFromTime(from), c.MinutesUntilFrom(from)))
		} else {
			s.say(c.T("activation.early.now"))
		}
		s.say(c.Tf("activation.early.why", int(data.ActivationDelay/time.Minute)))
		i, err := s.choose(c.T("a11y.next.question"), c.T("activation.early.retry"), c.T("activation.early.home"))
		if err != nil || i == 1 {
			return false, err
		}
		if !c.Now().Before(from) {
			return true, nil
		}
		s.fail(c.Tf("flow.notyet", c.FormatFromTime(from), c.MinutesUntilFrom(from)))
	}
}

// activationChoices is the charter, the redirection and the password,
// then the activation itself; its error is the store's, or the session's.
func (s *session) activationChoices(t *data.Ticket) (*data.Account, error) {
	c, ctx := s.c, context.Background()
	personal, err := c.Store.PersonalDataFor(ctx, t)
	if err != nil {
		s.log.Error("activation personal data", "err", err)
	}
	s.stepTitle(3, "charter")
	s.say(c.T("activation.charter.intro"))
	s.blank()
	s.sayCharter()
	s.blank()
	for {
		ok, err := s.yesNo(c.T("a11y.charter.question"))
		if err != nil {
			return nil, err
		}
		if ok {
			break
		}
		s.fail(c.T("error.charter"))
	}
	s.stepTitle(4, "redirect")
	s.say(c.Tf("activation.redirect.ready", screens.Clean(t.Identifiant)))
	s.say(c.T("activation.redirect.why"))
	i, err := s.choose(c.Tf("activation.redirect.question", data.MaskEmail(t.Target)),
		c.T("activation.redirect.none"), c.T("activation.redirect.copy"), c.T("activation.redirect.nocopy"))
	if err != nil {
		return nil, err
	}
	choice := data.ActivationChoice{CharterAccepted: true, Redirect: i > 0, KeepCopy: i != 2}
	s.stepTitle(5, "password")
	var acct *data.Account
	err = s.passwordStep(personal, "", func(password string) error {
		choice.Password = password
		var err error
		acct, err = c.Store.CompleteActivation(ctx, t, choice, c.Origin())
		return err
	})
	return acct, err
}

// activationDone says the account is active, with what to do next.
func (s *session) activationDone(acct *data.Account) (screens.NavigateMsg, error) {
	c := s.c
	s.title(c.Tf("a11y.pair", c.T("activation.title"), c.T("activation.done.title")))
	s.done(c.T("activation.done.ok"))
	redirect := c.T("activation.done.noredirect")
	switch {
	case acct.RedirectEmail != "" && acct.KeepCopy:
		redirect = c.Tf("activation.done.redirect.copy", data.MaskEmail(acct.RedirectEmail))
	case acct.RedirectEmail != "":
		redirect = c.Tf("activation.done.redirect.nocopy", data.MaskEmail(acct.RedirectEmail))
	}
	s.field("activation.done.identifiant", screens.Clean(acct.Identifiant))
	s.field("activation.done.redirection", redirect)
	s.say(c.Tf("a11y.activation.done.how", screens.Clean(acct.LocalPart)))
	i, err := s.choose(c.T("a11y.next.question"), c.T("activation.done.login"), c.T("a11y.home"))
	if err != nil || i == 1 {
		return home(), err
	}
	return screens.NavigateMsg{Identifiant: acct.Identifiant}, nil
}

// sayCharter reads the charter in force (the institution's), each line
// cleaned.
func (s *session) sayCharter() {
	s.say(s.c.Store.CharterText(string(s.c.Lang)))
}

// activationAnswer says what a right code told of the account (the
// screens' answer step): too early (from when, then try again), active
// already (log in, or a new password), or rights ended.
func (s *session) activationAnswer(final error, typed string) (screens.NavigateMsg, bool, error) {
	c := s.c
	var early *data.TooEarlyError
	var ended *data.RightsEndedError
	switch {
	case errors.As(final, &early):
		retry, err := s.tooEarly(early.AllowedFrom)
		return home(), retry, err
	case errors.As(final, &ended):
		s.fail(c.ErrorText(final))
		s.say(c.RightsNext())
		return home(), false, nil
	}
	s.done(c.T("activation.answer.active"))
	s.say(c.T("activation.answer.active.next"))
	i, err := s.choose(c.T("a11y.next.question"), c.T("activation.answer.login"), c.T("activation.answer.forgot"),
		c.T("a11y.home"))
	switch {
	case err != nil || i == 2:
		return home(), false, err
	case i == 0:
		return screens.NavigateMsg{Identifiant: typed}, false, nil
	}
	return screens.NavigateMsg{Page: screens.PageRecovery, Identifiant: typed, Case: screens.RecoveryCaseForgot}, false, nil
}
