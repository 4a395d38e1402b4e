package screens

import (
	"strconv"
	"strings"
	"time"

	"entkiosk/data"
)

// auditWords say the audit log's lines: the helpdesk console's history
// (Helpdesk embeds them) and `entkiosk audit` (AuditWords) read them alike.
type auditWords struct{ c *Common }

// The audit log in the agent's language. The store writes its lines in
// fixed English words (they are also read by operators with `entkiosk
// audit`); the console names each event, translates each outcome, and
// says each kind of detail from its arguments, in the catalogue's words.
// Anything else shows cleaned, as written.

// auditText is an audit line in words: the event, its outcome, who acted,
// the detail, and from where.
func (w auditWords) auditText(e data.AuditEntry) string {
	c := w.c
	s := w.eventName(e.Event)
	if _, noCode := w.noCode(e); noCode {
		s = c.T("helpdesk.event.nocode") // the detail says why
	} else if o := w.outcome(e.Event, e.Outcome); o != "" {
		s = c.Tf("helpdesk.tl.outcome", s, o)
	}
	if e.Actor != "" {
		s += " · " + c.Tf("helpdesk.tl.by", localPart(Clean(e.Actor)))
	}
	if e.Detail != "" || e.Info.Kind != "" {
		s += " (" + w.detail(e) + ")"
	}
	if e.Client != "" {
		s += " · " + Clean(e.Client)
	}
	return s
}

func (w auditWords) eventName(e data.Event) string {
	if k := "helpdesk.event." + string(e); w.c.hasText(k) {
		return w.c.T(k)
	}
	return Clean(string(e))
}

// outcome translates the outcomes the store writes (the event's own word
// first: "wrong" is a password for a login, a code for a code); "ok" says
// nothing more than the event; others show as written.
func (w auditWords) outcome(e data.Event, o string) string {
	if o == "" || o == "ok" || sameAsEvent[e] == o {
		return ""
	}
	if reason, refused := strings.CutPrefix(o, "refused: "); refused {
		if k := "helpdesk.reason." + strings.ReplaceAll(reason, " ", "_"); w.c.hasText(k) {
			reason = w.c.T(k)
		}
		return w.c.T("helpdesk.outcome.refused") + " (" + Clean(reason) + ")"
	}
	word := strings.ReplaceAll(o, " ", "_")
	for _, k := range []string{"helpdesk.outcome." + string(e) + "." + word, "helpdesk.outcome." + word} {
		if w.c.hasText(k) {
			return w.c.T(k)
		}
	}
	return Clean(o)
}

// sameAsEvent: outcomes the event's name already says ("Code envoyé",
// not "Code envoyé : envoyé").
var sameAsEvent = map[data.Event]string{data.EventSendCode: "sent", data.EventHelpdeskView: "viewed"}

// outcomeCell is the outcome in a table, where "ok" is said.
func (w auditWords) outcomeCell(e data.AuditEntry) string {
	if e.Outcome == "ok" {
		return w.c.T("helpdesk.outcome.ok")
	}
	if sameAsEvent[e.Event] == e.Outcome {
		return w.c.T("helpdesk.outcome." + e.Outcome)
	}
	return w.outcome(e.Event, e.Outcome)
}

// helpdeskTries name what an agent tried, in a refused HELPDESK_ACTION.
var helpdeskTries = map[string]string{
	data.HelpdeskTryConsole: "helpdesk.detail.try.console", data.HelpdeskTryView: "helpdesk.detail.try.view",
	data.HelpdeskTryActivation: "helpdesk.detail.try.activation", data.HelpdeskTryReset: "helpdesk.detail.try.reset",
	data.HelpdeskTryUnlock: "helpdesk.detail.try.unlock", data.HelpdeskTryRecovery: "helpdesk.detail.try.recovery",
}

// lifted names what an unlock lifted: login, IA lookup, both ("" none).
func lifted(a data.DetailArgs) string {
	switch {
	case a.Login && a.Lookup:
		return "helpdesk.detail.what.both"
	case a.Login:
		return "helpdesk.detail.what.login"
	case a.Lookup:
		return "helpdesk.detail.what.lookup"
	}
	return ""
}

// detail says an audit line's detail from its kind and arguments (the
// store reads old lines' sentences into them); a detail of no known kind,
// or whose words are missing, shows cleaned, as written.
func (w auditWords) detail(e data.AuditEntry) string {
	if s, ok := w.detailWords(e.Info); ok {
		return s
	}
	return Clean(e.Detail)
}

func (w auditWords) detailWords(d data.AuditDetail) (string, bool) {
	c, a := w.c, d.Args
	purpose := func() bool { return w.isPurpose(string(a.Purpose)) }
	switch d.Kind {
	case data.DetailNoCode:
		return w.noCodeWords(a)
	case data.DetailNewRegistration:
		return c.Tf("helpdesk.detail.newreg", Clean(a.Registration), w.importMail(a.Mail)), true
	case data.DetailCodeSent:
		if purpose() {
			return c.Tf("helpdesk.detail.code.to", w.purpose(a.Purpose), Clean(a.To)), true
		}
	case data.DetailPurpose:
		if purpose() {
			return c.Tf("helpdesk.detail.code", w.purpose(a.Purpose)), true
		}
	case data.DetailCodeErrors:
		if purpose() {
			return c.Tf("helpdesk.detail.code.errors", w.purpose(a.Purpose), a.Failures, a.Max), true
		}
	case data.DetailCharter:
		if a.Version != "" {
			return c.Tf("helpdesk.detail.charter", Clean(a.Version)), true
		}
	case data.DetailActivation:
		if a.To == "" {
			return c.T("helpdesk.detail.noredirection"), true
		}
		return c.Tf("helpdesk.detail.redirection", Clean(a.To)), true
	case data.DetailRedirectionRemoved:
		return c.T("helpdesk.detail.redirect.removed"), true
	case data.DetailRedirection:
		if a.KeepCopy {
			return c.Tf("helpdesk.detail.redirect.copy", Clean(a.To)), true
		}
		return c.Tf("helpdesk.detail.redirect.to", Clean(a.To)), true
	case data.DetailRecoveryChange:
		return Clean(a.From + " → " + a.To), true
	case data.DetailHelpdeskTry:
		if k, ok := helpdeskTries[a.Action]; ok {
			return c.T(k), true
		}
	case data.DetailHelpdeskUnlock:
		if k := lifted(a); k != "" {
			return c.Tf("helpdesk.detail.unlocked", c.T(k)), true
		}
	case data.DetailNothingLocked:
		return c.T("helpdesk.detail.unlock.none"), true
	case data.DetailHelpdeskCodeSent:
		return c.Tf("helpdesk.detail.sent", w.purpose(a.Purpose), Clean(a.To)), true
	case data.DetailRecoveryCorrected:
		k := "helpdesk.detail.corrected.birth"
		if a.NumberChecked {
			k = "helpdesk.detail.corrected.number"
		}
		return c.Tf(k, Clean(a.From+" → "+a.To)), true
	case data.DetailUnlocked:
		if k := lifted(a); k != "" {
			return c.T(k), true
		}
	case data.DetailLoginLockLifted:
		return c.T("helpdesk.detail.unlock.password"), true
	case data.DetailLoginReopened:
		return c.T("helpdesk.detail.unlock.reopened"), true
	case data.DetailRole:
		if a.Role == "helpdesk" {
			return c.T("helpdesk.detail.role.helpdesk"), true
		}
	case data.DetailAccountCreated:
		// To the minute, as the import wrote it before 0013.
		return c.Tf("helpdesk.detail.created", w.when(a.Validated.Truncate(time.Minute)), w.importMail(a.Mail)), true
	case data.DetailNumber:
		return c.Tf("helpdesk.detail.number", Clean(a.Number)), true
	case data.DetailLoginLock:
		if k := "helpdesk.detail.lock.why." + a.Why; c.hasText(k) {
			return c.Tf("helpdesk.detail.lock.login", w.seconds(a.Seconds), c.T(k)), true
		}
	case data.DetailLoginClosed:
		return c.Tf("helpdesk.detail.lock.closed", strconv.Itoa(a.Failures)), true
	case data.DetailLookupClientBlocked:
		return c.Tf("helpdesk.detail.lock.lookupclient", w.seconds(a.Seconds)), true
	case data.DetailClientBlocked:
		return c.Tf("helpdesk.detail.lock.client", w.seconds(a.Seconds)), true
	case data.DetailLookupOff:
		return c.Tf("helpdesk.detail.lock.lookupoff", Clean(a.Number)), true
	case data.DetailLookupLocked:
		return c.Tf("helpdesk.detail.lock.lookup", Clean(a.Number), w.when(a.Until)), true
	case data.DetailLookupPairLocked:
		return c.Tf("helpdesk.detail.lock.lookuppair", Clean(a.Number), w.when(a.Until)), true
	}
	return "", false
}

// importMail says what an import did about the activation mail.
func (w auditWords) importMail(m *data.ImportMail) string {
	switch {
	case m == nil:
		return ""
	case m.To == "":
		return w.c.Tf("helpdesk.detail.mail.none", m.RightsEnd.Format("02/01/2006"))
	}
	return w.c.Tf("helpdesk.detail.mail.due", Clean(m.To), w.when(m.Due))
}

// seconds says a duration in seconds in the largest whole unit ("5 min").
func (w auditWords) seconds(n int) string {
	switch {
	case n >= 3600 && n%3600 == 0:
		return w.c.Tf("helpdesk.unit.hours", n/3600)
	case n >= 60 && n%60 == 0:
		return w.c.Tf("helpdesk.unit.minutes", n/60)
	}
	return w.c.Tf("helpdesk.unit.seconds", n)
}

func (w auditWords) isPurpose(p string) bool { return p != "" && w.c.hasText("helpdesk.purpose."+p) }

// noCode says a code asked for and not sent (data.NoCodeDetail): « mot de
// passe oublié : droits terminés le 31/12/2025 : aucun code envoyé », and
// where a notice went instead.
func (w auditWords) noCode(e data.AuditEntry) (string, bool) {
	if e.Event != data.EventSendCode || e.Info.Kind != data.DetailNoCode {
		return "", false
	}
	return w.noCodeWords(e.Info.Args)
}

func (w auditWords) noCodeWords(a data.DetailArgs) (string, bool) {
	c := w.c
	if !w.isPurpose(string(a.Purpose)) {
		return "", false
	}
	request := c.T("helpdesk.request." + string(a.Purpose))
	t := c.Tf("helpdesk.detail.nocode.active", request)
	if !a.RightsEnd.IsZero() {
		t = c.Tf("helpdesk.detail.nocode.ended", request, c.FormatDate(a.RightsEnd))
	}
	if a.Notice != "" {
		t = c.Tf("helpdesk.detail.nocode.notice", t, Clean(a.Notice))
	}
	return t, true
}
