package accessible

import (
	"context"
	"errors"
	"strings"

	"entkiosk/data"
	"entkiosk/screens"
)

// The steps every flow shares: the mailed code, the new password.

// codeStep asks for the code of a challenge until it is right, offering a
// new code when asked (an empty answer) or when only a new one helps. It
// returns the ticket (nothing is consumed yet), or nil when the person
// goes home, or a final answer (screens.FinalAnswer: the code was right
// and tells what applies to the account). intro is a catalogue entry with
// one %s, the masked address; « 1ère connexion » by identifiant says the
// same whoever it is (no expiry: an unknown identifiant gets no code).
func (s *session) codeStep(ch *data.Challenge, intro string) (*data.Ticket, error) {
	anyIdent := intro == "activation.code.sent"
	c, ctx := s.c, context.Background()
	resendAt := ch.ResendAt
	hourly := c.HourlyWait(resendAt)
	needNew := false
	var last error
	s.sayChallenge(ch, intro, anyIdent)
	if anyIdent {
		s.say(c.T("a11y.activation.code.nothing"))
	}
	if s.o.Demo {
		s.say(c.T("a11y.code.demo"))
	}
	for {
		if !needNew {
			answer, err := s.askSecret(c.T("code.label") + ". " + c.T("a11y.code.menu"))
			if err != nil {
				return nil, err
			}
			if strings.TrimSpace(answer) != "" {
				typed := data.NormalizeCode(answer) // only digits count: "1234 5678" works
				if len(typed) != data.CodeDigits {
					// Not sent to the store: a short code is a typo, not a guess.
					s.fail(c.Nf("code.short", len(typed), data.CodeDigits))
					continue
				}
				t, err := c.Store.VerifyCode(ctx, ch, typed, c.Origin())
				if err == nil {
					s.done(c.T("a11y.code.ok"))
					return t, nil
				}
				if screens.FinalAnswer(err) {
					return nil, err // the code was the person's own: the flow says what applies
				}
				n, lifted := screens.CodeRefusal(err)
				needNew = needNew || n
				if lifted && !hourly {
					resendAt = c.Now()
				}
				last = err
				s.failErr("verify code", err)
				if !needNew {
					continue
				}
			}
		}
		// The other choices: a new code (from when it is possible), or home.
		var choices []string
		if !needNew {
			choices = append(choices, c.T("a11y.code.type"))
		}
		newLabel := c.T("code.resend")
		if needNew {
			newLabel = c.T("code.new")
		}
		if c.Now().Before(resendAt) {
			newLabel = c.CodeWaitText(resendAt, needNew, hourly, last)
		}
		choices = append(choices, newLabel, c.T("a11y.home"))
		i, err := s.choose(c.T("a11y.next.question"), choices...)
		if err != nil {
			return nil, err
		}
		if !needNew {
			i--
		}
		switch i {
		case -1:
			continue
		case 1:
			return nil, nil
		}
		if c.Now().Before(resendAt) {
			s.fail(c.Tf("flow.notyet", c.FormatFromTime(resendAt), c.MinutesUntilFrom(resendAt)))
			continue
		}
		next, err := c.Store.ResendChallenge(ctx, ch, c.Origin())
		var limit *data.RateLimitError
		switch {
		case err == nil:
			ch, resendAt, needNew, last = next, next.ResendAt, false, nil
			hourly = c.HourlyWait(resendAt)
			s.done(c.T("code.resent"))
			s.sayChallenge(ch, intro, anyIdent)
		case errors.As(err, &limit) && !limit.Until.IsZero():
			last, resendAt = err, limit.Until
			hourly = c.HourlyWait(resendAt)
			s.failErr("resend code", err)
		default:
			last = err
			s.failErr("resend code", err)
		}
	}
}

// sayChallenge says where the code went, and until when it works.
func (s *session) sayChallenge(ch *data.Challenge, intro string, anyIdent bool) {
	c := s.c
	text := c.Tf(intro, screens.Clean(ch.MaskedTarget))
	if !anyIdent {
		text += " " + c.Tf("code.expires", c.FormatDeadline(ch.ExpiresAt))
	}
	s.say(text)
}

// passwordStep asks a new password and its confirmation until both meet
// the rules, then hands it to submit (the store's own check may still
// refuse it: the checklist is read again). current, when set, is the
// password it must differ from. It returns the store's answer to submit,
// or an input error.
func (s *session) passwordStep(personal data.PersonalData, current string,
	submit func(password string) error) error {
	c := s.c
	s.say(c.T("a11y.password.rules"))
	s.sayChecklist(data.CheckPassword("", personal), "", "")
	for {
		next, err := s.askSecret(s.question("password.new", ""))
		if err != nil {
			return err
		}
		confirm, err := s.askSecret(s.question("password.confirm", ""))
		if err != nil {
			return err
		}
		result := data.CheckPassword(next, personal)
		switch {
		case !result.OK():
			s.fail(c.T("password.refused"))
			s.sayChecklist(result, next, confirm)
			continue
		case next != confirm:
			s.fail(c.T("password.mismatch"))
			continue
		case current != "" && next == current:
			s.fail(c.T("dash.password.same"))
			continue
		}
		err = submit(next)
		var policy *data.PolicyError
		if errors.As(err, &policy) {
			s.failErr("password", err)
			s.sayChecklist(data.CheckPassword(next, personal), next, confirm)
			continue
		}
		return err
	}
}

// sayChecklist reads the checklist as sentences: each rule, met or not,
// then the strength. Nothing of the password itself is said (its length
// only, as the screens show it).
func (s *session) sayChecklist(r data.PolicyResult, value, confirm string) {
	c := s.c
	var lines []string
	items := c.PasswordChecklist(r, value, confirm)
	if value == "" && len(items) > 0 {
		// The rules before anything is typed: the length rule (always the
		// first) without the live checklist's count, « (0 saisi) ».
		items[0].Text = c.Tf("a11y.rule.length", data.PasswordMinLength)
	}
	for _, it := range items {
		key := "a11y.rule.todo"
		switch it.State {
		case screens.CheckMet:
			key = "a11y.rule.ok"
		case screens.CheckFailed:
			key = "a11y.rule.no"
		}
		lines = append(lines, "- "+c.Tf(key, it.Text))
	}
	if level, word, advice := c.PasswordStrength(r, value); level >= 0 {
		lines = append(lines, "- "+c.Tf("a11y.strength", word, advice))
	}
	s.say(strings.Join(lines, "\n"))
}
