package tui

import (
	"strings"
	"testing"
	"time"

	"entkiosk/data"
)

// On a demo kiosk the outbox is the mailbox: a mail cancelled because its
// code was replaced is still listed, marked, and says its code is dead.
func TestMailboxMarksCancelledMails(t *testing.T) {
	tm := newTestModel(t)
	tm.clock.Advance(2 * time.Minute)
	// "Lost password" for Camille (never activated): a new activation code;
	// the import's is replaced and its mail cancelled.
	if _, err := tm.store.StartReset(t.Context(), "camille.martin", data.Origin{Client: "test", Lang: "fr"}); err != nil {
		t.Fatal(err)
	}
	tm.press("f4")
	tm.requireScreen("› ", "camille.martin@example.org", "Bonjour Camille Martin,")
	if strings.Contains(tm.screen(), "Mail annulé") {
		t.Fatalf("the new mail is marked cancelled:\n%s", tm.screen())
	}
	// The list shows four mails at 80×24: the newest is Camille's new
	// code; the import's, now cancelled, is the oldest, at the bottom.
	if strings.Contains(tm.screen(), "(annulé)") {
		t.Fatalf("the newest mails are marked cancelled:\n%s", tm.screen())
	}
	tm.press("down", "down", "down", "down") // the oldest
	tm.requireScreen("› 25/11 10:00  camille.martin@example.org  (annulé)", "Mail annulé avant son envoi", "son code ne fonctionne plus", "Bonjour Camille Martin,")

	tm.press("f2") // English
	tm.requireScreen("(cancelled) Activation", "Mail cancelled before it was sent")
}
