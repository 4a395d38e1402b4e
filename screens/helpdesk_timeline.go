package screens

import (
	"github.com/charmbracelet/x/ansi"

	"entkiosk/data"
	"entkiosk/data/text"
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
	case data.TimelineCodeCreated:
		return c.Tf("helpdesk.tl.code.created", h.purpose(e.Code.Purpose), h.codeMail(card, e.Code))
	case data.TimelineCodeUsed:
		return c.Tf("helpdesk.tl.code.used", h.purpose(e.Code.Purpose))
	case data.TimelineCodeReplaced:
		return c.Tf("helpdesk.tl.code.replaced", h.purpose(e.Code.Purpose))
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
	return h.auditText(data.AuditEntry{Event: data.Event(e.What), Outcome: e.Outcome, Detail: e.Detail, Info: e.Info,
		Actor: e.Actor, Client: e.Client})
}

func (w auditWords) purpose(p data.Purpose) string {
	if p == "" {
		return ""
	}
	return w.c.T("helpdesk.purpose." + string(p))
}

// codeMail says where a code's mail is now: queued, due, sent, failed,
// cancelled (the code itself is said apart: created, used, replaced...).
func (h *Helpdesk) codeMail(card *data.PersonCard, ci *data.CodeInfo) string {
	c, m, to := h.c, ci.Mail, Clean(ci.Target)
	switch {
	case !m.Exists:
		return c.T("helpdesk.tl.mail.none")
	case m.Status == data.MailSent:
		return c.Tf("helpdesk.tl.mail.sent", to, h.when(m.SentAt))
	case m.Status == data.MailFailed:
		return c.Nf("helpdesk.tl.mail.failed", m.Attempts, to, Clean(m.LastError))
	case m.Status == mailCancelled && ci.State == data.CodeUsed:
		// Without SMTP (the outbox is the mailbox) the code was read there.
		return c.Tf("helpdesk.tl.mail.used", to)
	case m.Status == mailCancelled:
		return c.Tf("helpdesk.tl.mail.cancelled", to)
	case card.Now.Before(m.NotBefore):
		return c.Tf("helpdesk.tl.mail.due", to, h.when(m.NotBefore))
	case m.Attempts > 0:
		return c.Nf("helpdesk.tl.mail.retrying", m.Attempts, to, Clean(m.LastError))
	}
	return c.Tf("helpdesk.tl.mail.queued", to)
}

// mailCancelled is the status of a mail withdrawn before it left.
const mailCancelled = "cancelled"

// hasText says whether the catalogue has a key (for texts chosen from data).
func (c *Common) hasText(k string) bool {
	return text.Has(c.Lang, k)
}
