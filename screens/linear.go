package screens

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"entkiosk/data"
)

// The decisions and texts of the screens, for the accessible front end
// (tui/accessible): it asks one question at a time instead of drawing
// forms, but the rules are these, not copies of them. Each function here
// is what a screen calls too.

// ParseBirthDate reads a birth date as the IA lookup does (jjmmaaaa,
// separators allowed), or says what is wrong.
func (c *Common) ParseBirthDate(s string) (time.Time, Say) { return c.parseBirthDate(s) }

// CheckStudentNumber says what is wrong with a student number, or nothing.
func (c *Common) CheckStudentNumber(number string) Say { return c.checkStudentNumber(number) }

// ParseActivationBirth reads the birth date of "1ère connexion" by number.
func (c *Common) ParseActivationBirth(s string) (time.Time, bool) {
	return parseBirthInput(s, c.Store.Config().Location, c.Now())
}

// IdentifiantProblem says what is wrong with an identifiant as typed (a
// catalogue key; "" when nothing is): a space inside it (« camille
// martin »: no identifiant has one), or a personal address (the one the
// activation mail went to, not an identifiant). The store would read
// either as an identifiant nobody has, answered as any other is (a decoy
// code step, « incorrect ») while the person waits for a mail that never
// comes. Said from what was typed alone, before the store is asked, so it
// is the same for every identifiant.
func (c *Common) IdentifiantProblem(ident string) string {
	ident = strings.TrimSpace(ident)
	if strings.ContainsFunc(ident, unicode.IsSpace) {
		return "identifiant.spaced"
	}
	if c.Store.PersonalAddress(ident) {
		return "identifiant.personal"
	}
	return ""
}

// RightsLine says until when resources stay accessible, or since when not.
func (c *Common) RightsLine(end time.Time) string { return c.rightsLine(end) }

// CopyWord says whether a redirection keeps a copy in the university mailbox.
func (c *Common) CopyWord(keep bool) string { return c.copyWord(keep) }

// RegistrationValues are a registration's fields in the order of
// RegistrationLabels, as the lookup's table shows them.
func (c *Common) RegistrationValues(r data.Registration) []string {
	etape := Clean(r.LibelleEtape)
	if r.CodeEtape != "" {
		etape += " (" + Clean(r.CodeEtape) + ")"
	}
	validated := "—"
	if !r.ValidatedAt.IsZero() {
		validated = c.FormatDate(r.ValidatedAt)
	}
	return []string{r.AcademicYearLabel(), etape, Clean(r.Diplome), Clean(r.Composante), Clean(r.Regime),
		c.statusWord("lookup.statut.", r.Statut), c.statusWord("lookup.paiement.", r.Paiement), validated}
}

// RegistrationLabels are the catalogue keys of a registration's fields, in
// the order the lookup's table shows them.
func RegistrationLabels() []string { return append([]string(nil), tableLabels...) }

// HelpTopics are the pages of Aide this session offers (an agent has one more).
func (c *Common) HelpTopics() []string {
	h := &Help{c: c}
	return h.topics()
}

// HelpText is a topic's text with the rules' figures, wrapped to width.
func (c *Common) HelpText(topic string, width int) string {
	if real, ok := helpAliases[topic]; ok {
		topic = real
	}
	return c.helpText(topic, width)
}

// ActivationRefusal is what the first step of "1ère connexion" says of a
// refusal, and what to do next (empty when nothing more is to be said).
// Ended rights are said without their date: the date is only for whoever
// gives the right password.
func (c *Common) ActivationRefusal(err error) (text, next string) {
	text = c.ErrorText(err)
	var ended *data.RightsEndedError
	if errors.As(err, &ended) && !ended.End.IsZero() {
		text = c.T("activation.rights.ended")
	}
	switch {
	case errors.Is(err, data.ErrUnknownIdentifiant):
		next = c.T("activation.unknown.next")
	case errors.As(err, &ended):
		next = c.RightsNext()
	}
	return text, next
}

// RightsNext says what to do once the rights ended (the registration
// office, the helpdesk).
func (c *Common) RightsNext() string {
	return c.Tf("activation.rights.next", c.registrationOffice(), c.helpdeskAside())
}

// CodeRefusal is what a refused code means for the code step: whether only
// a new code helps now, and whether the wait before asking for one is
// lifted (a code used elsewhere proves its mail arrived: see
// data.mailAllowance; the hourly limit still holds).
func CodeRefusal(err error) (needNew, waitLifted bool) {
	var wrong *data.CodeWrongError
	var earlier *data.EarlierCodeError
	switch {
	case errors.As(err, &wrong):
		return wrong.Remaining <= 0, false
	case finalAnswer(err):
		return false, false // said by the owner of the step: nothing to type any more
	case errors.As(err, &earlier):
		return false, false // from an earlier mail: the newest code still works
	case errors.Is(err, data.ErrCodeReplaced): // before used: a replaced code is one of them
		return false, false // the newest code still works: keep the field for it
	case errors.Is(err, data.ErrCodeUsed):
		return true, true
	case errors.Is(err, data.ErrCodeExpired):
		return true, false
	}
	return false, false
}

// HourlyWait says a wait before a new code is the hourly limit
// (data.MailsPerHour), not the wait after a mail.
func (c *Common) HourlyWait(until time.Time) bool { return until.Sub(c.Now()) > data.ResendCooldown }

// CodeWaitText says from when a new code can be asked for; needNew: the
// code can no longer work; hourly: the wait is the hourly limit; err: the
// last refusal (which may already say why).
func (c *Common) CodeWaitText(resendAt time.Time, needNew, hourly bool, err error) string {
	label := "code.resend.at"
	if needNew {
		label = "code.new.at"
	}
	var limit *data.RateLimitError
	if !hourly || (errors.As(err, &limit) && limit.What == "mail") {
		return c.Tf(label, c.FormatFromTime(resendAt))
	}
	return c.Nf(label+".hourly", data.MailsPerHour, c.FormatFromTime(resendAt))
}

// CheckState is where a rule of the password checklist stands.
type CheckState int

const (
	CheckPending CheckState = iota // nothing typed yet: a rule to meet
	CheckMet
	CheckFailed
)

// CheckItem is one line of the password checklist.
type CheckItem struct {
	State CheckState
	Text  string
}

// PasswordChecklist is the checklist of the university's rules for a
// password and its confirmation, as every password step shows it.
func (c *Common) PasswordChecklist(r data.PolicyResult, value, confirm string) []CheckItem {
	empty := value == ""
	item := func(ok bool, text string) CheckItem {
		switch {
		case empty:
			return CheckItem{CheckPending, text}
		case ok:
			return CheckItem{CheckMet, text}
		}
		return CheckItem{CheckFailed, text}
	}
	items := []CheckItem{
		item(r.Result(data.RuleMinLength).OK, c.Tf("password.rule.length", data.PasswordMinLength, c.Nf("password.typed", r.Length))),
	}
	if !r.Result(data.RuleMaxLength).OK {
		items = append(items, item(false, c.Tf("password.rule.max", data.PasswordMaxLength)))
	}
	items = append(items,
		item(r.Result(data.RuleDigit).OK, c.T("password.rule.digit")),
		item(r.Result(data.RuleLetter).OK, c.T("password.rule.letter")),
	)
	if f := r.Result(data.RuleForbidden); f.OK {
		items = append(items, item(!empty, c.T("password.rule.forbidden")))
	} else {
		items = append(items, item(false, c.forbiddenFound(f.Found)))
	}
	return append(items,
		item(!empty && r.Result(data.RuleDictionary).OK, c.T("password.rule.dictionary")),
		item(!empty && r.Result(data.RulePersonal).OK, c.T("password.rule.personal")),
		item(!empty && value == confirm, c.T("password.rule.match")),
	)
}

// PasswordStrength is the meter's level (0 to 4, -1 when nothing is typed:
// strong needs the recommended length), its word, and the advice on the
// recommended length (empty once reached).
func (c *Common) PasswordStrength(r data.PolicyResult, value string) (level int, word, advice string) {
	if value == "" {
		level = -1
	} else {
		level = r.Strength
		if (!r.Recommended || !r.OK()) && level > 2 {
			level = 2 // strong needs the recommended length, and never while a rule fails
		}
		word = c.T(fmt.Sprintf("password.strength.%d", level))
	}
	if !r.Recommended {
		advice = c.Tf("password.recommended", data.PasswordRecommendedLength)
	}
	return level, word, advice
}

// TroubleCheck is one point of "je rencontre des problèmes de connexion":
// its title, its text with the rules' figures, and the actions that help
// (recovery.action.<id>: home, lookup, activate, forgot, help).
type TroubleCheck struct {
	Title, Text string
	Actions     []string
}

// TroubleChecks are the points of the guided checklist, in order.
func (c *Common) TroubleChecks() []TroubleCheck {
	out := make([]TroubleCheck, 0, len(troubleChecks))
	for _, ch := range troubleChecks {
		var args []any
		if ch.args != nil {
			args = ch.args(c)
		}
		out = append(out, TroubleCheck{Title: c.T("recovery.check." + ch.key + ".title"),
			Text: strings.TrimSpace(c.Tf("recovery.check."+ch.key+".text", args...)), Actions: ch.actions})
	}
	return out
}

// IsCodeLine says a mail's line is the one that carries its code.
func IsCodeLine(line string) bool { return codeLine().MatchString(strings.TrimSpace(line)) }

// Service is one of the ENT's services the dashboard lists.
type Service struct{ Name, What, Address string }

// Services are the ENT's services, in the dashboard's order and words
// (the institution's).
func (c *Common) Services() []Service {
	lang := string(c.Lang)
	var out []Service
	for _, sv := range c.institution().Services {
		out = append(out, Service{Name: Clean(sv.Name.In(lang)), What: Clean(sv.What.In(lang)), Address: Clean(sv.Address)})
	}
	return out
}

// FinalAnswer says a right code's answer tells what applies to the account
// (active now, rights ended, too early): the step that asked for the code
// says it, nothing more is typed.
func FinalAnswer(err error) bool { return finalAnswer(err) }
