package screens

import (
	"strconv"
	"strings"
	"time"

	"entkiosk/data"
)

// The audit log in the agent's language. The store writes its lines in
// fixed English words (they are also read by operators with `entkiosk
// audit`); the console names each event, translates each outcome, and
// says each kind of detail from its arguments, in the catalogue's words.
// Anything else shows cleaned, as written.

// auditText is an audit line in words: the event, its outcome, who acted,
// the detail, and from where.
func (h *Helpdesk) auditText(e data.AuditEntry) string {
	c := h.c
	s := h.eventName(e.Event)
	if _, noCode := h.noCode(e); noCode {
		s = c.T("helpdesk.event.nocode") // the detail says why
	} else if o := h.outcome(e.Event, e.Outcome); o != "" {
		s = c.Tf("helpdesk.tl.outcome", s, o)
	}
	if e.Actor != "" {
		s += " · " + c.Tf("helpdesk.tl.by", localPart(Clean(e.Actor)))
	}
	if e.Detail != "" || e.Info.Kind != "" {
		s += " (" + h.detail(e) + ")"
	}
	if e.Client != "" {
		s += " · " + Clean(e.Client)
	}
	return s
}

func (h *Helpdesk) eventName(e data.Event) string {
	if k := "helpdesk.event." + string(e); h.c.hasText(k) {
		return h.c.T(k)
	}
	return Clean(string(e))
}

// outcome translates the outcomes the store writes (the event's own word
// first: "wrong" is a password for a login, a code for a code); "ok" says
// nothing more than the event; others show as written.
func (h *Helpdesk) outcome(e data.Event, o string) string {
	if o == "" || o == "ok" || sameAsEvent[e] == o {
		return ""
	}
	if reason, refused := strings.CutPrefix(o, "refused: "); refused {
		if k := "helpdesk.reason." + strings.ReplaceAll(reason, " ", "_"); h.c.hasText(k) {
			reason = h.c.T(k)
		}
		return h.c.T("helpdesk.outcome.refused") + " (" + Clean(reason) + ")"
	}
	word := strings.ReplaceAll(o, " ", "_")
	for _, k := range []string{"helpdesk.outcome." + string(e) + "." + word, "helpdesk.outcome." + word} {
		if h.c.hasText(k) {
			return h.c.T(k)
		}
	}
	return Clean(o)
}

// sameAsEvent: outcomes the event's name already says ("Code envoyé",
// not "Code envoyé : envoyé").
var sameAsEvent = map[data.Event]string{data.EventSendCode: "sent", data.EventHelpdeskView: "viewed"}

// outcomeCell is the outcome in a table, where "ok" is said.
func (h *Helpdesk) outcomeCell(e data.AuditEntry) string {
	if e.Outcome == "ok" {
		return h.c.T("helpdesk.outcome.ok")
	}
	if sameAsEvent[e.Event] == e.Outcome {
		return h.c.T("helpdesk.outcome." + e.Outcome)
	}
	return h.outcome(e.Event, e.Outcome)
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
func (h *Helpdesk) detail(e data.AuditEntry) string {
	if s, ok := h.detailWords(e.Info); ok {
		return s
	}
	return Clean(e.Detail)
}

func (h *Helpdesk) detailWords(d data.AuditDetail) (string, bool) {
	c, a := h.c, d.Args
	purpose := func() bool { return h.isPurpose(string(a.Purpose)) }
	switch d.Kind {
	case data.DetailNoCode:
		return h.noCodeWords(a)
	case data.DetailNewRegistration:
		return c.Tf("helpdesk.detail.newreg", Clean(a.Registration), h.importMail(a.Mail)), true
	case data.DetailCodeSent:
		if purpose() {
			return c.Tf("helpdesk.detail.code.to", h.purpose(a.Purpose), Clean(a.To)), true
		}
	case data.DetailPurpose:
		if purpose() {
			return c.Tf("helpdesk.detail.code", h.purpose(a.Purpose)), true
		}
	case data.DetailCodeErrors:
		if purpose() {
			return c.Tf("helpdesk.detail.code.errors", h.purpose(a.Purpose), a.Failures, a.Max), true
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
		return c.Tf("helpdesk.detail.sent", h.purpose(a.Purpose), Clean(a.To)), true
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
		return c.Tf("helpdesk.detail.created", h.when(a.Validated.Truncate(time.Minute)), h.importMail(a.Mail)), true
	case data.DetailNumber:
		return c.Tf("helpdesk.detail.number", Clean(a.Number)), true
	case data.DetailLoginLock:
		if k := "helpdesk.detail.lock.why." + a.Why; c.hasText(k) {
			return c.Tf("helpdesk.detail.lock.login", h.seconds(a.Seconds), c.T(k)), true
		}
	case data.DetailLoginClosed:
		return c.Tf("helpdesk.detail.lock.closed", strconv.Itoa(a.Failures)), true
	case data.DetailLookupClientBlocked:
		return c.Tf("helpdesk.detail.lock.lookupclient", h.seconds(a.Seconds)), true
	case data.DetailClientBlocked:
		return c.Tf("helpdesk.detail.lock.client", h.seconds(a.Seconds)), true
	case data.DetailLookupOff:
		return c.Tf("helpdesk.detail.lock.lookupoff", Clean(a.Number)), true
	case data.DetailLookupLocked:
		return c.Tf("helpdesk.detail.lock.lookup", Clean(a.Number), h.when(a.Until)), true
	case data.DetailLookupPairLocked:
		return c.Tf("helpdesk.detail.lock.lookuppair", Clean(a.Number), h.when(a.Until)), true
	}
	return "", false
}

// importMail says what an import did about the activation mail.
func (h *Helpdesk) importMail(m *data.ImportMail) string {
	switch {
	case m == nil:
		return ""
	case m.To == "":
		return h.c.Tf("helpdesk.detail.mail.none", m.RightsEnd.Format("02/01/2006"))
	}
	return h.c.Tf("helpdesk.detail.mail.due", Clean(m.To), h.when(m.Due))
}

// seconds says a duration in seconds in the largest whole unit ("5 min").
func (h *Helpdesk) seconds(n int) string {
	switch {
	case n >= 3600 && n%3600 == 0:
		return h.c.Tf("helpdesk.unit.hours", n/3600)
	case n >= 60 && n%60 == 0:
		return h.c.Tf("helpdesk.unit.minutes", n/60)
	}
	return h.c.Tf("helpdesk.unit.seconds", n)
}

func (h *Helpdesk) isPurpose(p string) bool { return p != "" && h.c.hasText("helpdesk.purpose."+p) }

// noCode says a code asked for and not sent (data.NoCodeDetail): « mot de
// passe oublié : droits terminés le 31/12/2025 : aucun code envoyé », and
// where a notice went instead.
func (h *Helpdesk) noCode(e data.AuditEntry) (string, bool) {
	if e.Event != data.EventSendCode || e.Info.Kind != data.DetailNoCode {
		return "", false
	}
	return h.noCodeWords(e.Info.Args)
}

func (h *Helpdesk) noCodeWords(a data.DetailArgs) (string, bool) {
	c := h.c
	if !h.isPurpose(string(a.Purpose)) {
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
