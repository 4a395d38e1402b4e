package tui

import (
	"strings"
	"testing"
	"time"

	"entkiosk/data"
)

// A refused helpdesk action shows at once in the card's history and
// journal, and in the whole log, never cut.

// hdResendUntilRefused resends Camille's activation code until the hourly
// mail limit refuses it; the refusal stays on the confirmation page.
func hdResendUntilRefused(t *testing.T, tm *testModel) {
	t.Helper()
	tm.hdOpen("camille")
	for range data.MailsPerHour + 1 {
		tm.clock.Advance(data.ResendCooldown + time.Second)
		tm.press("enter", "enter") // Renvoyer le code d'activation, Confirmer
		if strings.Contains(tm.screen(), "✗ ") {
			return
		}
	}
	t.Fatalf("never refused:\n%s", tm.screen())
}

// A refused action is in the card's history as soon as the agent is back
// on it, as in its journal.
func TestHelpdeskHistoryAfterRefusedAction(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	hdResendUntilRefused(t, tm)
	tm.press("esc", "2")
	tm.requireScreen("2 Historique", "refusé (limite d'envoi de mails)")
	tm.press("4")
	tm.requireScreen("4 Journal", "refusé (limite d'envoi")
}

// The card's journal at 80×24, from a kiosk with a long name: the outcome
// is never cut (the poste gives way); a long one goes on under itself.
func TestHelpdeskJournalOutcomeWhole(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t, func(o *Options) { o.Client = "kiosk:bu-sciences-accueil/tty2" })
	tm.hdLogin("ines.moreau", "Helpdesk-Demo-2026")
	tm.dashAction("Console assistance")
	hdResendUntilRefused(t, tm)
	tm.press("esc", "4")
	s := tm.screen()
	if strings.Contains(s, "mai…") || !strings.Contains(s, "refusé (limite d'envoi") {
		t.Fatalf("the outcome is cut:\n%s", s)
	}
	tm.requireWidth(80)
	tm.requireGolden()
	tm.press("f2")
	tm.requireScreen("refused (mail limit)")
}

// The whole log at 80×24 has the identifiant too: the outcome goes on
// under itself rather than being cut.
func TestHelpdeskAuditLogOutcomeWraps(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t, func(o *Options) { o.Client = "kiosk:bu-sciences-accueil/tty2" })
	tm.hdLogin("ines.moreau", "Helpdesk-Demo-2026")
	tm.dashAction("Console assistance")
	hdResendUntilRefused(t, tm)
	tm.press("esc", "esc") // the confirmation, the card
	tm.press("tab", "enter")
	tm.requireScreen("Journal d'audit")
	s := tm.screen()
	if strings.Contains(s, "mai…") || !strings.Contains(s, "refusé (limite d'envoi") {
		t.Fatalf("the outcome is cut:\n%s", s)
	}
	tm.requireWidth(80)
	tm.requireGolden()
}
