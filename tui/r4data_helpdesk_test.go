package tui

import (
	"strings"
	"testing"
	"time"

	"entkiosk/data"
)

// Round 4: the helpdesk console, as the try-out found it.

// A resend says from when the next one is possible, and the refusal of a
// resend right after names the same minute; the history calls that refusal
// the wait between two codes, not the mail limit (hourly), in both
// languages.
func TestR4HelpdeskResendTimesAgree(t *testing.T) {
	tm := hdConsole(t)
	tm.clock.Advance(data.ResendCooldown + 30*time.Second) // 10:01:30: the next one at 10:02:30
	tm.hdOpen("camille")
	tm.press("enter", "enter") // Renvoyer le code d'activation, Confirmer
	tm.requireScreen("✓ Code d'activation créé", "envoi possible à 10:03.")
	tm.clock.Advance(5 * time.Second)
	tm.press("enter", "enter") // again, at once
	tm.requireScreen("Un code vient d'être envoyé. Nouvel envoi possible à 10:03.")
	e := hdAudit(t, tm.store, data.EventHelpdeskAction)
	if e.Outcome != "refused: resend cooldown" {
		t.Fatalf("audit outcome %q", e.Outcome)
	}
	tm.press("esc", "4") // the card's journal: the refusal is the newest line, chosen
	tm.requireScreen("refusé (délai entre deux codes)")
	if strings.Contains(tm.screen(), "limite d'envoi") {
		t.Fatalf("the cooldown called the mail limit:\n%s", tm.screen())
	}
	tm.press("f2")
	tm.requireScreen("refused (wait between two codes)")
}
