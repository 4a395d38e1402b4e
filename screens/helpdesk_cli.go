package screens

import (
	"strings"

	"entkiosk/data"
)

// forCLI is a catalogue text for the command line: its no-break spaces
// (French typography on screens and in mails) are plain spaces there, so
// that operators' scripts and greps read « audit : » as they type it.
func forCLI(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }

// The command line (main.go) speaks through the catalogue too: its
// messages, and the audit log in the console's words (entkiosk audit).

// Text is the catalogue's text for key in lang, formatted with args when
// there are any.
func Text(lang Lang, key string, args ...any) string {
	c := &Common{Lang: lang}
	if len(args) == 0 {
		return forCLI(c.T(key))
	}
	return forCLI(c.Tf(key, args...))
}

// AuditWords says audit lines as the helpdesk console does (helpdesk_words.go),
// for `entkiosk audit`: the same labels, written once.
type AuditWords struct{ h *Helpdesk }

// NewAuditWords reads lines of store's log in lang.
func NewAuditWords(store *data.Store, lang Lang) AuditWords {
	return AuditWords{h: &Helpdesk{c: &Common{Store: store, Lang: lang}}}
}

// Event is the event's name ("Échec de connexion").
func (w AuditWords) Event(e data.Event) string { return forCLI(w.h.eventName(e)) }

// Outcome is the line's outcome in words ("refusé (délai entre deux
// codes)", "ok"); empty when the line has none.
func (w AuditWords) Outcome(e data.AuditEntry) string {
	if e.Outcome == "" {
		return ""
	}
	return forCLI(w.h.outcomeCell(e))
}

// Detail is the line's detail in words ("renvoi du code d'activation"),
// cleaned; empty when the line has none.
func (w AuditWords) Detail(e data.AuditEntry) string {
	if e.Detail == "" && e.Info.Kind == "" {
		return ""
	}
	return forCLI(w.h.detail(e))
}

// By says who acted ("par ines.moreau").
func (w AuditWords) By(actor string) string { return forCLI(w.h.c.Tf("helpdesk.tl.by", Clean(actor))) }

// TextN is Text for a count (key.one, key.other), n the first argument:
// French counts 0 and 1 as singular, English only 1 (as Common.Nf).
func TextN(lang Lang, key string, n int, args ...any) string {
	c := &Common{Lang: lang}
	return forCLI(c.Nf(key, n, args...))
}
