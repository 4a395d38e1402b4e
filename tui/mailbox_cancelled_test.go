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
	t.Parallel()
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

// A mail whose code was used (read here, in the outbox) is held back, and
// the mailbox says so: "cancelled" would read as if it never reached anyone.
func TestMailboxSaysACodeWasUsed(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	resetHugoByMail(t, tm)
	tm.press("f4", "down") // the newest is the "password changed" notice
	tm.requireScreen("› 25/11 10:00  hugo.lefevre@example.org    (code utilisé) Réinitialisation",
		"Le code de ce mail a déjà servi")
	if strings.Contains(tm.screen(), "annulé") {
		t.Fatalf("a used code's mail is called cancelled:\n%s", tm.screen())
	}
	tm.press("f2")
	tm.requireScreen("(code used) ", "This mail's code has been used")
}

// The helpdesk reads the same story: the reset code's mail was held back
// because its code was used, not lost.
func TestHelpdeskSaysAUsedCodesMailWasHeldBack(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	resetHugoByMail(t, tm)
	tm.hdOpen("hugo lefevre")
	tm.press("2")
	tm.requireSaid("code lu dans la boîte d'envoi et utilisé")
	if strings.Contains(tm.screen(), "annulé avant de partir") {
		t.Fatalf("a used code's mail is called cancelled:\n%s", tm.screen())
	}
}

// resetHugoByMail resets Hugo's password elsewhere with the code read from
// his mail: the code is used, its mail held back.
func resetHugoByMail(t *testing.T, tm *testModel) {
	t.Helper()
	o := data.Origin{Client: "elsewhere", Lang: "fr"}
	ch, err := tm.store.StartReset(t.Context(), "hugo.lefevre", o)
	if err != nil {
		t.Fatal(err)
	}
	ticket, err := tm.store.VerifyCode(t.Context(), ch, mailedCode(t, tm.store, hugoMail), o)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tm.store.CompleteReset(t.Context(), ticket, "Tramway-Ocre-Lune-42", o); err != nil {
		t.Fatal(err)
	}
}
