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
	var rows []string
	for _, line := range strings.Split(tm.screen(), "\n") {
		if strings.Contains(line, "camille.martin@example.org") {
			rows = append(rows, line)
		}
	}
	if len(rows) != 2 || strings.Contains(rows[0], "(annulé)") || !strings.Contains(rows[1], "(annulé) Activation") {
		t.Fatalf("Camille's rows:\n%s", strings.Join(rows, "\n"))
	}
	tm.press("down", "down", "down", "down") // the oldest
	tm.requireScreen("› 25/11 10:00  camille.martin@example.org  (annulé)", "Mail annulé avant son envoi", "son code ne fonctionne plus", "Bonjour Camille Martin,")

	tm.press("f2") // English
	tm.requireScreen("(cancelled) Activation", "Mail cancelled before it was sent")
}
