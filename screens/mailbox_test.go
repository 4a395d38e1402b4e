package screens

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"entkiosk/data"
)

// On a demo kiosk the outbox is the mailbox: a mail cancelled because its
// code was replaced is still listed, marked, and says its code is dead.
func TestMailboxMarksCancelledMails(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageHome)
	tm.clock.Advance(2 * time.Minute)
	// "Lost password" for Camille (never activated): a new activation code;
	// the import's is replaced and its mail cancelled.
	if _, err := tm.store.StartReset(t.Context(), "camille.martin", data.Origin{Client: "test", Lang: "fr"}); err != nil {
		t.Fatal(err)
	}
	tm.open(PageMailbox) // F4, as the shell does it
	tm.require("› ", "camille.martin@example.org", "Bonjour Camille Martin,")
	if strings.Contains(tm.text(), "Mail annulé") {
		t.Fatalf("the new mail is marked cancelled:\n%s", tm.text())
	}
	// The list shows four mails at 80×24: the newest is Camille's new
	// code; the import's, now cancelled, is the oldest, at the bottom.
	if strings.Contains(tm.text(), "(annulé)") {
		t.Fatalf("the newest mails are marked cancelled:\n%s", tm.text())
	}
	tm.press("down", "down", "down", "down") // the oldest
	tm.require("› 25/11 10:00  camille.martin@example.org  (annulé)", "Mail annulé avant son envoi", "son code ne fonctionne plus", "Bonjour Camille Martin,")

	tm.c.Lang = tm.c.Lang.Other() // F2, as the shell does it
	tm.require("(cancelled) Activation", "Mail cancelled before it was sent")
}

// A mail whose code was used (read here, in the outbox) is held back, and
// the mailbox says so: "cancelled" would read as if it never reached anyone.
func TestMailboxSaysACodeWasUsed(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageHome)
	o := data.Origin{Client: "elsewhere", Lang: "fr"}
	ch, err := tm.store.StartReset(t.Context(), "hugo.lefevre", o)
	if err != nil {
		t.Fatal(err)
	}
	ticket, err := tm.store.VerifyCode(t.Context(), ch, mailedCode(t, tm.store, "hugo.lefevre@example.org"), o)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tm.store.CompleteReset(t.Context(), ticket, "Tramway-Ocre-Lune-42", o); err != nil {
		t.Fatal(err)
	}
	tm.open(PageMailbox)
	tm.press("down") // the newest is the "password changed" notice
	tm.require("› 25/11 10:00  hugo.lefevre@example.org    (code utilisé) Réinitialisation",
		"Le code de ce mail a déjà servi")
	if strings.Contains(tm.text(), "annulé") {
		t.Fatalf("a used code's mail is called cancelled:\n%s", tm.text())
	}
	tm.c.Lang = tm.c.Lang.Other()
	tm.require("(code used) ", "This mail's code has been used")
}

var mailedCodeLine = regexp.MustCompile(`(?m)^Code ?: (\d{8})$`)

// mailedCode is the code of the newest mail to address with one.
func mailedCode(t testing.TB, s *data.Store, address string) string {
	t.Helper()
	mails, err := s.Outbox(t.Context(), data.OutboxFilter{To: address})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mails {
		if sub := mailedCodeLine.FindStringSubmatch(m.Body); sub != nil {
			return sub[1]
		}
	}
	t.Fatalf("no code mailed to %s", address)
	return ""
}
