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
// reads the few shapes of detail the store writes, in the catalogue's
// words. Anything else shows cleaned, as written.

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
	if e.Detail != "" {
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
	"open console": "helpdesk.detail.try.console", "view card": "helpdesk.detail.try.view",
	"send activation code": "helpdesk.detail.try.activation", "send reset code": "helpdesk.detail.try.reset",
	"unlock": "helpdesk.detail.try.unlock", "correct recovery mail": "helpdesk.detail.try.recovery",
}

// unlockedWhat name what an unlock lifted ("login", "IA lookup", both).
var unlockedWhat = map[string]string{
	"login": "helpdesk.detail.what.login", "IA lookup": "helpdesk.detail.what.lookup",
	"login and IA lookup": "helpdesk.detail.what.both",
}

// detail reads an audit line's detail (see the audit calls in data/): the
// shapes each event writes, in words; anything else as written.
func (h *Helpdesk) detail(e data.AuditEntry) string {
	c := h.c
	d := Clean(e.Detail)
	switch e.Event {
	case data.EventSendCode:
		if t, ok := h.noCode(e); ok {
			return t
		}
		if rest, ok := strings.CutPrefix(d, "new registration "); ok { // import
			reg, mail, _ := strings.Cut(rest, ", ")
			return c.Tf("helpdesk.detail.newreg", reg, h.importMail(mail))
		}
		if p, to, ok := strings.Cut(d, " to "); ok && h.isPurpose(p) {
			return c.Tf("helpdesk.detail.code.to", h.purpose(data.Purpose(p)), to)
		}
		if h.isPurpose(d) {
			return c.Tf("helpdesk.detail.code", h.purpose(data.Purpose(d)))
		}
	case data.EventCodeError:
		if p, ratio, ok := strings.Cut(d, ", "); ok && h.isPurpose(p) {
			n, of, _ := strings.Cut(ratio, "/")
			if n, err := strconv.Atoi(n); err == nil {
				if of, err := strconv.Atoi(of); err == nil {
					return c.Tf("helpdesk.detail.code.errors", h.purpose(data.Purpose(p)), n, of)
				}
			}
		}
		if h.isPurpose(d) {
			return c.Tf("helpdesk.detail.code", h.purpose(data.Purpose(d)))
		}
	case data.EventAcceptCharter:
		if d != "" {
			return c.Tf("helpdesk.detail.charter", d)
		}
	case data.EventActivate:
		if d == "no redirection" {
			return c.T("helpdesk.detail.noredirection")
		}
		if to, ok := strings.CutPrefix(d, "redirection to "); ok {
			return c.Tf("helpdesk.detail.redirection", to)
		}
	case data.EventUpdateRedirection:
		if d == "removed" {
			return c.T("helpdesk.detail.redirect.removed")
		}
		if to, ok := strings.CutPrefix(d, "to "); ok {
			if to, kept := strings.CutSuffix(to, ", copy kept"); kept {
				return c.Tf("helpdesk.detail.redirect.copy", to)
			}
			return c.Tf("helpdesk.detail.redirect.to", to)
		}
	case data.EventHelpdeskAction:
		return h.helpdeskDetail(d)
	case data.EventUnlock:
		if k, ok := unlockedWhat[d]; ok {
			return c.T(k)
		}
		if d == "login lock lifted by a new password" {
			return c.T("helpdesk.detail.unlock.password")
		}
	case data.EventRoleChange:
		if d == "helpdesk" {
			return c.T("helpdesk.detail.role.helpdesk")
		}
	case data.EventAccountCreated:
		if rest, ok := strings.CutPrefix(d, "IA validated "); ok {
			at, mail, _ := strings.Cut(rest, ", ")
			if t, ok := h.storeTime(at); ok {
				return c.Tf("helpdesk.detail.created", h.when(t), h.importMail(mail))
			}
		}
	case data.EventIALookup, data.EventIALookupError:
		if n, ok := strings.CutPrefix(d, "number "); ok {
			return c.Tf("helpdesk.detail.number", n)
		}
	case data.EventLock:
		return h.lockDetail(d)
	}
	return d
}

// helpdeskDetail reads an agent's action: what was done, or (refused) what
// was tried.
func (h *Helpdesk) helpdeskDetail(d string) string {
	c := h.c
	if k, ok := helpdeskTries[d]; ok {
		return c.T(k)
	}
	if what, ok := strings.CutPrefix(d, "unlock "); ok {
		if k, ok := unlockedWhat[what]; ok {
			return c.Tf("helpdesk.detail.unlocked", c.T(k))
		}
	}
	if d == "unlock: nothing was locked" {
		return c.T("helpdesk.detail.unlock.none")
	}
	for _, p := range []data.Purpose{data.PurposeActivation, data.PurposeReset} {
		if to, ok := strings.CutPrefix(d, string(p)+" code sent to "); ok {
			return c.Tf("helpdesk.detail.sent", h.purpose(p), to)
		}
	}
	for checked, k := range map[string]string{"student number and birth date": "helpdesk.detail.corrected.number",
		"birth date": "helpdesk.detail.corrected.birth"} {
		if change, ok := strings.CutPrefix(d, "recovery mail corrected ("+checked+" checked): "); ok {
			return c.Tf(k, change)
		}
	}
	return d
}

// lockDetail reads a lock: of an identifiant's login, of a client, of a
// student number's IA lookup.
func (h *Helpdesk) lockDetail(d string) string {
	c := h.c
	if rest, ok := strings.CutPrefix(d, "login "); ok {
		dur, why, _ := strings.Cut(rest, ", ")
		if s, ok := h.seconds(dur); ok && c.hasText("helpdesk.detail.lock.why."+why) {
			return c.Tf("helpdesk.detail.lock.login", s, c.T("helpdesk.detail.lock.why."+why))
		}
	}
	if dur, ok := strings.CutPrefix(d, "lookup client "); ok {
		if s, ok := h.seconds(dur); ok {
			return c.Tf("helpdesk.detail.lock.lookupclient", s)
		}
	}
	if dur, ok := strings.CutPrefix(d, "client "); ok {
		if s, ok := h.seconds(dur); ok {
			return c.Tf("helpdesk.detail.lock.client", s)
		}
	}
	if rest, ok := strings.CutPrefix(d, "lookup "); ok {
		number, until, _ := strings.Cut(rest, " ")
		if until == "disabled until the helpdesk unlocks it" {
			return c.Tf("helpdesk.detail.lock.lookupoff", number)
		}
		if at, ok := strings.CutPrefix(until, "until "); ok {
			if t, err := time.Parse(time.RFC3339Nano, at); err == nil {
				return c.Tf("helpdesk.detail.lock.lookup", number, h.when(t))
			}
		}
	}
	return d
}

// importMail reads what an import said of the activation mail it queued.
func (h *Helpdesk) importMail(m string) string {
	c := h.c
	if rest, ok := strings.CutPrefix(m, "activation mail to "); ok {
		if to, at, ok := strings.Cut(rest, " due "); ok {
			if t, ok := h.storeTime(at); ok {
				return c.Tf("helpdesk.detail.mail.due", to, h.when(t))
			}
		}
	}
	if end, ok := strings.CutPrefix(m, "no activation mail: rights ended "); ok {
		return c.Tf("helpdesk.detail.mail.none", end)
	}
	return m
}

// storeTime reads a local date and time as the import writes it.
func (h *Helpdesk) storeTime(s string) (time.Time, bool) {
	t, err := time.ParseInLocation("02/01/2006 15:04", s, h.c.Store.Config().Location)
	return t, err == nil
}

// seconds reads a duration as the store writes it ("300s") and says it in
// the largest whole unit ("5 min").
func (h *Helpdesk) seconds(s string) (string, bool) {
	n, err := strconv.Atoi(strings.TrimSuffix(s, "s"))
	if err != nil || !strings.HasSuffix(s, "s") || n < 0 {
		return "", false
	}
	switch {
	case n >= 3600 && n%3600 == 0:
		return h.c.Tf("helpdesk.unit.hours", n/3600), true
	case n >= 60 && n%60 == 0:
		return h.c.Tf("helpdesk.unit.minutes", n/60), true
	}
	return h.c.Tf("helpdesk.unit.seconds", n), true
}

func (h *Helpdesk) isPurpose(p string) bool { return p != "" && h.c.hasText("helpdesk.purpose."+p) }

// noCode reads a code asked for and not sent (data.noCodeDetail): « mot de
// passe oublié : droits terminés le 31/12/2025 : aucun code envoyé », and
// where a notice went instead.
func (h *Helpdesk) noCode(e data.AuditEntry) (string, bool) {
	c := h.c
	if e.Event != data.EventSendCode {
		return "", false
	}
	p, rest, ok := strings.Cut(Clean(e.Detail), ", no code: ")
	if !ok || !h.isPurpose(p) {
		return "", false
	}
	why, notice, _ := strings.Cut(rest, ", notice to ")
	request := c.T("helpdesk.request." + p)
	var t string
	if day, ok := strings.CutPrefix(why, "rights ended "); ok {
		end, err := time.ParseInLocation(time.DateOnly, day, c.Store.Config().Location)
		if err != nil {
			return "", false
		}
		t = c.Tf("helpdesk.detail.nocode.ended", request, c.FormatDate(end))
	} else if why == "account active" {
		t = c.Tf("helpdesk.detail.nocode.active", request)
	} else {
		return "", false
	}
	if notice != "" {
		t = c.Tf("helpdesk.detail.nocode.notice", t, notice)
	}
	return t, true
}
