package screens

import (
	"strings"

	"entkiosk/data"
)

// forCLI is a text for the command line: its no-break spaces (French
// typography on screens and in mails) are plain spaces there, so that
// operators' scripts and greps read « audit : » as they type it (as
// text.Plain, for the words the console puts together).
func forCLI(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }

// AuditWords says audit lines as the helpdesk console does (auditWords in
// helpdesk_words.go), for `entkiosk audit` and the accessible console: the
// log's words with a language and a clock, no screen behind them.
type AuditWords struct{ w auditWords }

// NewAuditWords reads lines of store's log in lang.
func NewAuditWords(store *data.Store, lang Lang) AuditWords {
	return AuditWords{auditWords{&Common{Store: store, Lang: lang}}}
}

// Event is the event's name ("Échec de connexion").
func (w AuditWords) Event(e data.Event) string { return forCLI(w.w.eventName(e)) }

// Outcome is the line's outcome in words ("refusé (délai entre deux
// codes)", "ok"); empty when the line has none.
func (w AuditWords) Outcome(e data.AuditEntry) string {
	if e.Outcome == "" {
		return ""
	}
	return forCLI(w.w.outcomeCell(e))
}

// Detail is the line's detail in words ("renvoi du code d'activation"),
// cleaned; empty when the line has none.
func (w AuditWords) Detail(e data.AuditEntry) string {
	if e.Detail == "" && e.Info.Kind == "" {
		return ""
	}
	return forCLI(w.w.detail(e))
}

// By says who acted ("par ines.moreau").
func (w AuditWords) By(actor string) string { return forCLI(w.w.c.Tf("helpdesk.tl.by", Clean(actor))) }
