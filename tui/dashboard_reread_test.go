package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
	"entkiosk/screens"
)

// What the dashboard and the helpdesk card show follows what
// happened since they were drawn.

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

// grantInes is the operator's `entkiosk grant helpdesk ines.moreau`.
func (tm *testModel) grantInes() {
	tm.t.Helper()
	rc, err := tm.store.SetHelpdesk(tm.t.Context(), "ines.moreau", true, data.Origin{Client: "cli"})
	if err != nil || !rc.Changed {
		tm.t.Fatalf("grant: %+v %v", rc, err)
	}
}

// requireConsole fails unless the dashboard offers the console and shows
// the role.
func (tm *testModel) requireConsole() {
	tm.t.Helper()
	tm.requireTextNB("Mon compte", "Statut : personnel · assistance · compte actif", "Console assistance")
}

// Revoked while the dashboard is open: back on the menu from one of its
// steps (esc, or a change done), the dashboard has read the account again.
func TestDashboardRereadsWhenBackFromAStep(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.hdLogin("ines.moreau", "Helpdesk-Demo-2026")
	tm.requireConsole()
	tm.revokeInes()
	tm.dashAction("Mot de passe")
	tm.press("esc")
	tm.requireNoConsole()
	tm.requireTextNB("› Mot de passe", "✓ Rôle assistance retiré : la console n'est plus dans le menu.")
	if tm.Common().Account.Helpdesk {
		t.Fatal("the session's account still has the role")
	}
	tm.requireWidth(80)
	tm.requireGolden()

	// Granted while she changes her password: the change done, the console
	// is back, and the notice is the change's.
	const next = "Tulipe-Orage-Violon-42"
	tm.dashAction("Mot de passe")
	tm.grantInes()
	tm.typeText("Helpdesk-Demo-2026")
	tm.press("enter")
	tm.typeText(next)
	tm.press("enter")
	tm.typeText(next)
	tm.press("enter")
	tm.requireConsole()
	tm.requireTextNB("› Mot de passe", "✓ Mot de passe modifié.")
}

// r reads the account again from the menu; the help line says so. The
// focus stays on the action it was on, and never goes to Déconnexion when
// the console goes.
func TestDashboardRefreshKey(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.hdLogin("ines.moreau", "Helpdesk-Demo-2026")
	tm.revokeInes()
	tm.press("r")
	tm.requireNoConsole()
	tm.requireTextNB("✓ Rôle assistance retiré")
	// The help line tells r where it fits with F1 and F2 (100 columns).
	tm.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	tm.requireTextNB("r actualiser")
	tm.send(tea.WindowSizeMsg{Width: 80, Height: 24})

	tm.grantInes()
	tm.press("tab", "tab") // on Redirection
	tm.press("r")
	tm.requireConsole()
	tm.requireTextNB("› Redirection", "✓ Rôle assistance accordé : la console est dans le menu.")
	tm.press("tab") // on the console
	tm.requireTextNB("› Console assistance")
	tm.revokeInes()
	tm.press("r")
	tm.requireNoConsole()
	tm.requireTextNB("› Redirection")

	// Nothing changed: it says the account was read.
	tm.press("r")
	tm.requireTextNB("✓ Compte relu : les informations affichées sont à jour.", "› Redirection")
	tm.press("f2")
	tm.requireTextNB("✓ Account read again: what is shown is up to date.")
	if _, ok := tm.Screen().(*screens.Dashboard); !ok {
		t.Fatalf("r left the dashboard:\n%s", tm.screen())
	}
}
