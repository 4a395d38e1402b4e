package screens

import (
	"github.com/charmbracelet/x/ansi"

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
		marker, style := "  ", st.Text
		if e.Problem {
			marker, style = "✗ ", st.Error
		}
		lead := marker + h.shortDateTime(e.At) + "  "
		for _, l := range hang(lead, flow(w-ansi.StringWidth(lead), span{text: h.timelineText(card, e)})) {
			lines = append(lines, style.Render(l))
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

func (h *Helpdesk) purpose(p data.Purpose) string { return h.c.T("helpdesk.purpose." + string(p)) }

// mailState says where a code's mail is.
func (h *Helpdesk) mailState(card *data.PersonCard, m data.MailInfo) string {
	c := h.c
	switch {
	case !m.Exists:
		return c.T("helpdesk.mail.none")
	case m.Status == "sent":
		return c.Tf("helpdesk.mail.sent", h.when(m.SentAt))
	case m.Status == "failed":
		return c.Nf("helpdesk.mail.failed", m.Attempts, Clean(m.LastError))
	case card.Now.Before(m.NotBefore):
		return c.Tf("helpdesk.mail.due", h.when(m.NotBefore))
	}
	return c.T("helpdesk.mail.queued")
}

// hasText says whether the catalogue has a key (for texts chosen from data).
func (c *Common) hasText(k string) bool {
	_, ok := catalogues[c.Lang][k]
	return ok
}
