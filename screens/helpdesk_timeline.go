package screens

import (
	"strings"

	"entkiosk/data"
)

// The history of a card, in the agent's language: one line an event,
// newest first, trouble marked ✗.

func (h *Helpdesk) timelineLines(card *data.PersonCard) []string {
	st := h.c.Styles
	if len(card.Timeline) == 0 {
		return []string{st.Muted.Render(h.c.T("helpdesk.tl.empty"))}
	}
	w := h.width()
	lines := make([]string, 0, len(card.Timeline))
	for _, e := range card.Timeline {
		line := h.shortDateTime(e.At) + "  " + h.timelineText(card, e)
		if e.Problem {
			lines = append(lines, st.Error.Render(fit("✗ "+line, w)))
		} else {
			lines = append(lines, st.Text.Render(fit("  "+line, w)))
		}
	}
	return lines
}

func (h *Helpdesk) timelineText(card *data.PersonCard, e data.TimelineEvent) string {
	c := h.c
	switch e.What {
	case data.TimelineIAValidated:
		s := c.Tf("helpdesk.tl.ia", Clean(e.Detail))
		if e.Outcome == "annulee" {
			s += " (" + c.T("helpdesk.reg.annulee") + ")"
		}
		return s
	case data.TimelineCodeSent:
		purpose := h.purpose(e.Code.Purpose)
		if e.Code.State == data.CodeSuperseded {
			purpose = c.Tf("helpdesk.code.superseded", purpose)
		}
		return c.Tf("helpdesk.tl.code.sent", purpose, Clean(e.Code.Target)) + " — " + h.mailState(card, e.Code.Mail)
	case data.TimelineCodeUsed:
		return c.Tf("helpdesk.tl.code.used", h.purpose(e.Code.Purpose))
	case data.TimelineCodeExpired:
		return c.Tf("helpdesk.tl.code.expired", h.purpose(e.Code.Purpose))
	case data.TimelineCodeRevoked:
		switch e.Outcome {
		case "failures":
			return c.Tf("helpdesk.tl.code.revoked.failures", h.purpose(e.Code.Purpose), data.CodeMaxFailures)
		case "recovery mail corrected":
			return c.Tf("helpdesk.tl.code.revoked.recovery", h.purpose(e.Code.Purpose))
		}
		return c.Tf("helpdesk.tl.code.revoked", h.purpose(e.Code.Purpose))
	}
	return h.auditText(data.AuditEntry{Event: data.Event(e.What), Outcome: e.Outcome, Detail: e.Detail,
		Actor: e.Actor, Client: e.Client})
}

// auditText is an audit line in words: the event, its outcome, who acted,
// the detail as written (already masked; its usual phrases translated),
// and from where.
func (h *Helpdesk) auditText(e data.AuditEntry) string {
	c := h.c
	s := h.eventName(e.Event)
	if o := h.outcome(e.Event, e.Outcome); o != "" {
		s += " : " + o
	}
	if e.Actor != "" {
		s += " · " + c.Tf("helpdesk.tl.by", localPart(Clean(e.Actor)))
	}
	if e.Detail != "" && e.Event != data.EventAccountCreated {
		s += " (" + h.detail(Clean(e.Detail)) + ")"
	}
	if e.Client != "" {
		s += " · " + Clean(e.Client)
	}
	return s
}

// detailPhrases are the phrases the store writes in audit details, longest
// first; those ending in a space or ": " start a detail, the others are
// the whole detail.
var detailPhrases = []struct{ en, key string }{
	{"recovery mail corrected (student number and birth date checked): ", "helpdesk.detail.corrected.number"},
	{"recovery mail corrected (birth date checked): ", "helpdesk.detail.corrected.birth"},
	{"activation code sent to ", "helpdesk.detail.sent.activation"},
	{"reset code sent to ", "helpdesk.detail.sent.reset"},
	{"unlock login and IA lookup", "helpdesk.detail.unlock.both"},
	{"unlock login", "helpdesk.detail.unlock.login"},
	{"unlock IA lookup", "helpdesk.detail.unlock.lookup"},
	{"unlock: nothing was locked", "helpdesk.detail.unlock.none"},
	{"send activation code", "helpdesk.detail.try.activation"},
	{"send reset code", "helpdesk.detail.try.reset"},
	{"unlock", "helpdesk.detail.try.unlock"},
	{"correct recovery mail", "helpdesk.detail.try.recovery"},
	{"open console", "helpdesk.detail.try.console"},
	{"redirection to ", "helpdesk.detail.redirection"},
	{"no redirection", "helpdesk.detail.noredirection"},
	{"login ", "helpdesk.detail.login"},
}

func (h *Helpdesk) detail(d string) string {
	for _, p := range detailPhrases {
		if d == p.en {
			return h.c.T(p.key)
		}
		if strings.HasSuffix(p.en, " ") {
			if rest, ok := strings.CutPrefix(d, p.en); ok {
				return h.c.T(p.key) + rest
			}
		}
	}
	return d
}

func (h *Helpdesk) eventName(e data.Event) string {
	if k := "helpdesk.event." + string(e); h.c.hasText(k) {
		return h.c.T(k)
	}
	return Clean(string(e))
}

// outcome translates the outcomes the store writes (the event's own word
// first: "wrong" is a password for a login, a code for a code); others
// show as written.
func (h *Helpdesk) outcome(e data.Event, o string) string {
	if o == "" || o == "ok" {
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

func (h *Helpdesk) purpose(p data.Purpose) string { return h.c.T("helpdesk.purpose." + string(p)) }

// mailState says where a code's mail is.
func (h *Helpdesk) mailState(card *data.PersonCard, m data.MailInfo) string {
	c := h.c
	switch {
	case !m.Exists:
		return c.T("helpdesk.mail.none")
	case m.Status == "sent":
		return c.Tf("helpdesk.mail.sent", c.FormatDateTime(m.SentAt))
	case m.Status == "failed":
		return c.Tf("helpdesk.mail.failed", m.Attempts, Clean(m.LastError))
	case card.Now.Before(m.NotBefore):
		return c.Tf("helpdesk.mail.due", c.FormatDateTime(m.NotBefore))
	}
	return c.T("helpdesk.mail.queued")
}

// hasText says whether the catalogue has a key (for texts chosen from data).
func (c *Common) hasText(k string) bool {
	_, ok := catalogues[c.Lang][k]
	return ok
}
