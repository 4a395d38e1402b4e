package tui

import (
	"strings"
	"testing"

	"entkiosk/data"
	"entkiosk/screens"
)

// Dashboard: what stays on screen follows F2, a revoked helpdesk role shows, and the password checklist is
// drawn as in the other flows.

// The last change done stays on the overview in the language shown.
func TestDashboardNoticeFollowsLanguage(t *testing.T) {
	t.Parallel()
	const next = "Tulipe-Orage-Violon-42"
	tm := newTestModel(t)
	dashLoginHugo(tm)
	tm.dashAction("Mot de passe")
	tm.typeText(dashHugoPassword)
	tm.press("enter")
	tm.typeText(next)
	tm.press("enter")
	tm.typeText(next)
	tm.press("enter")
	tm.requireTextNB("✓ Mot de passe modifié. Un avis a été envoyé à votre mail de secours.")
	tm.press("f2")
	tm.requireTextNB("My account", "✓ Password changed. A notice was sent to your recovery address.")
	tm.press("f2")
	tm.requireTextNB("✓ Mot de passe modifié.")

	// Its words too: "copie conservée" / "copy kept".
	tm.dashAction("Redirection")
	tm.press("tab", "tab")
	tm.typeText(next)
	tm.press("tab", "tab", "enter") // "Rediriger vers mon mail de secours"
	tm.requireTextNB("✓ Redirection en place : vers hu•••••e@ex•••••e.org, copie conservée.")
	tm.press("f2")
	tm.requireTextNB("✓ Redirection set: to hu•••••e@ex•••••e.org, copy kept.")
	tm.requireWidth(80)
}

// Refusals under a field, the form's and the store's, follow F2 too.
func TestDashboardFieldErrorsFollowLanguage(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	dashLoginHugo(tm)
	tm.dashAction("Mot de passe")
	tm.press("enter", "enter", "enter")
	tm.requireTextNB("✗ Saisissez votre mot de passe actuel.")
	tm.press("f2")
	tm.requireTextNB("✗ Type your current password.")
	tm.press("f2")

	tm.typeText("Not-The-Password-1")
	tm.press("enter")
	tm.typeText("Tulipe-Orage-Violon-42")
	tm.press("enter")
	tm.typeText("Tulipe-Orage-Violon-42")
	tm.press("enter")
	tm.requireTextNB("✗ Mot de passe actuel incorrect.")
	tm.press("f2")
	tm.requireTextNB("✗ Current password incorrect.")

	// A refusal of the whole step (not about one field) follows F2 as well.
	tm.press("f2", "esc")
	tm.dashAction("Mail de secours")
	tm.typeText("ines.moreau@umontpellier.fr")
	tm.press("enter")
	tm.typeText(dashHugoPassword)
	tm.press("enter")
	fr := tm.screen()
	tm.press("f2")
	if tm.screen() == fr || strings.Contains(tm.screen(), "✗ L") {
		t.Fatalf("the refusal stayed in French:\n%s", tm.screen())
	}
}

// revokeInes is the operator's `entkiosk revoke ines.moreau`.
func (tm *testModel) revokeInes() {
	tm.t.Helper()
	rc, err := tm.store.SetHelpdesk(tm.t.Context(), "ines.moreau", false, data.Origin{Client: "cli"})
	if err != nil || !rc.Changed {
		tm.t.Fatalf("revoke: %+v %v", rc, err)
	}
}

// requireNoConsole fails if the dashboard still offers the console or
// shows the role.
func (tm *testModel) requireNoConsole() {
	tm.t.Helper()
	tm.requireTextNB("Mon compte", "Statut : personnel · compte actif")
	tm.requireNoSecret("Console assistance", "· assistance")
}

// Revoked while the dashboard is open: the button opens nothing and says
// why, and it goes with the role.
func TestDashboardRevokedRoleRefusesConsole(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.hdLogin("ines.moreau", "Helpdesk-Demo-2026")
	tm.requireTextNB("Statut : personnel · assistance", "Console assistance")
	tm.revokeInes()
	tm.dashAction("Console assistance")
	if _, ok := tm.Screen().(*screens.Dashboard); !ok {
		t.Fatalf("the console opened after the role was revoked:\n%s", tm.screen())
	}
	tm.requireTextNB("✗ Vous n'avez plus le rôle assistance : la console n'est plus accessible.")
	tm.requireNoConsole()
	tm.requireWidth(80)
	tm.requireGolden()
	tm.press("f2")
	tm.requireTextNB("✗ You no longer have the helpdesk role: the console is no longer available.")
	tm.requireNoSecret("Helpdesk console")
	// The focus went to the action before (an Enter pressed again does not
	// log out), and the menu still works.
	tm.press("f2")
	tm.requireTextNB("› Redirection")
	tm.dashAction("Déconnexion")
	tm.requireScreen("Connexion")
}

// Revoked while the agent is elsewhere (the console, Aide): back on the
// dashboard, it has read the account again.
func TestDashboardRereadsRolesWhenBack(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.hdLogin("ines.moreau", "Helpdesk-Demo-2026")
	tm.press("f1")
	tm.revokeInes()
	tm.press("esc")
	tm.requireNoConsole()
	if tm.Common().Account.Helpdesk {
		t.Fatal("the session's account still has the role")
	}

	tm = newTestModel(t)
	tm.hdLogin("ines.moreau", "Helpdesk-Demo-2026")
	tm.dashAction("Console assistance")
	if _, ok := tm.Screen().(*screens.Dashboard); ok {
		t.Fatalf("the console did not open:\n%s", tm.screen())
	}
	tm.revokeInes()
	tm.press("esc")
	tm.requireNoConsole()
}

// The checklist is drawn at the same column in every password step.
func TestChecklistSameColumnEverywhere(t *testing.T) {
	t.Parallel()
	column := func(tm *testModel) int {
		t.Helper()
		for _, line := range strings.Split(tm.screen(), "\n") {
			if strings.Contains(line, "8 caractères au moins") {
				return strings.Index(line, "·")
			}
		}
		t.Fatalf("no checklist:\n%s", tm.screen())
		return 0
	}
	tm := newTestModel(t)
	tm.camilleAtCharter()
	tm.acceptCharter()
	tm.press("enter")
	activation := column(tm)

	tm = newTestModel(t)
	dashLoginHugo(tm)
	tm.dashAction("Mot de passe")
	if dash := column(tm); dash != activation {
		t.Fatalf("checklist at column %d on the dashboard, %d in the activation:\n%s", dash, activation, tm.screen())
	}
}
