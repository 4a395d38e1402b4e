package screens

import (
	"strings"
	"testing"

	"entkiosk/data"
)

// Dashboard: what stays on screen follows F2, a revoked or granted
// helpdesk role shows once the account is read again, and the password
// checklist is drawn as in the other flows.

// revokeInes is the operator's `entkiosk revoke ines.moreau`.
func (tm *screenFlow) revokeInes() { tm.setHelpdesk(false) }

// grantInes is the operator's `entkiosk grant helpdesk ines.moreau`.
func (tm *screenFlow) grantInes() { tm.setHelpdesk(true) }

func (tm *screenFlow) setHelpdesk(on bool) {
	tm.t.Helper()
	rc, err := tm.store.SetHelpdesk(tm.t.Context(), "ines.moreau", on, data.Origin{Client: "cli"})
	if err != nil || !rc.Changed {
		tm.t.Fatalf("helpdesk %v: %+v %v", on, rc, err)
	}
}

// requireNoConsole fails if the dashboard still offers the console or
// shows the role.
func (tm *screenFlow) requireNoConsole() {
	tm.t.Helper()
	tm.require("Mon compte", "Statut : personnel · compte actif")
	tm.requireHidden("Console assistance", "· assistance")
}

// requireConsole fails unless the dashboard offers the console and shows
// the role.
func (tm *screenFlow) requireConsole() {
	tm.t.Helper()
	tm.require("Mon compte", "Statut : personnel · assistance · compte actif", "Console assistance")
}

// The last change done stays on the overview in the language shown.
func TestDashboardNoticeFollowsLanguage(t *testing.T) {
	t.Parallel()
	const next = "Tulipe-Orage-Violon-42"
	tm := newLoggedIn(t, "hugo.lefevre", dashHugoPassword)
	tm.dashAction("Mot de passe")
	tm.typeText(dashHugoPassword)
	tm.press("enter")
	tm.typeText(next)
	tm.press("enter")
	tm.typeText(next)
	tm.press("enter")
	tm.require("✓ Mot de passe modifié. Un avis a été envoyé à votre mail de secours.")
	tm.c.Lang = tm.c.Lang.Other() // F2
	tm.require("My account", "✓ Password changed. A notice was sent to your recovery address.")
	tm.c.Lang = tm.c.Lang.Other() // F2
	tm.require("✓ Mot de passe modifié.")

	// Its words too: "copie conservée" / "copy kept".
	tm.dashAction("Redirection")
	tm.press("tab", "tab")
	tm.typeText(next)
	tm.press("tab", "tab", "enter") // "Rediriger vers mon mail de secours"
	tm.require("✓ Redirection en place : vers hu•••••e@ex•••••e.org, copie conservée.")
	tm.c.Lang = tm.c.Lang.Other() // F2
	tm.require("✓ Redirection set: to hu•••••e@ex•••••e.org, copy kept.")
	tm.requireWidth(80)
}

// Refusals under a field, the form's and the store's, follow F2 too.
func TestDashboardFieldErrorsFollowLanguage(t *testing.T) {
	t.Parallel()
	tm := newLoggedIn(t, "hugo.lefevre", dashHugoPassword)
	tm.dashAction("Mot de passe")
	tm.press("enter", "enter", "enter")
	tm.require("✗ Saisissez votre mot de passe actuel.")
	tm.c.Lang = tm.c.Lang.Other() // F2
	tm.require("✗ Type your current password.")
	tm.c.Lang = tm.c.Lang.Other() // F2

	tm.typeText("Not-The-Password-1")
	tm.press("enter")
	tm.typeText("Tulipe-Orage-Violon-42")
	tm.press("enter")
	tm.typeText("Tulipe-Orage-Violon-42")
	tm.press("enter")
	tm.require("✗ Mot de passe actuel incorrect.")
	tm.c.Lang = tm.c.Lang.Other() // F2
	tm.require("✗ Current password incorrect.")

	// A refusal of the whole step (not about one field) follows F2 as well.
	tm.c.Lang = tm.c.Lang.Other() // F2
	tm.press("esc")
	tm.dashAction("Mail de secours")
	tm.typeText("ines.moreau@umontpellier.fr")
	tm.press("enter")
	tm.typeText(dashHugoPassword)
	tm.press("enter")
	fr := tm.text()
	tm.c.Lang = tm.c.Lang.Other() // F2
	if tm.text() == fr || strings.Contains(tm.text(), "✗ L") {
		t.Fatalf("the refusal stayed in French:\n%s", tm.text())
	}
}

// Revoked while the dashboard is open: the button opens nothing and says
// why, and it goes with the role.
func TestDashboardRevokedRoleRefusesConsole(t *testing.T) {
	t.Parallel()
	tm := newLoggedIn(t, "ines.moreau", "Helpdesk-Demo-2026")
	tm.require("Statut : personnel · assistance", "Console assistance")
	tm.revokeInes()
	tm.dashAction("Console assistance")
	if nav, ok := tm.lastAsked().(NavigateMsg); ok && nav.Page == PageHelpdesk {
		t.Fatalf("the console opened after the role was revoked:\n%s", tm.text())
	}
	tm.require("✗ Vous n'avez plus le rôle assistance : la console n'est plus accessible.")
	tm.requireNoConsole()
	tm.requireWidth(80)
	tm.requireGolden()
	tm.c.Lang = tm.c.Lang.Other() // F2
	tm.require("✗ You no longer have the helpdesk role: the console is no longer available.")
	tm.requireHidden("Helpdesk console")
	// The focus went to the action before (an Enter pressed again does not
	// log out), and the menu still works.
	tm.c.Lang = tm.c.Lang.Other() // F2
	tm.require("› Redirection")
	tm.dashAction("Déconnexion")
	if _, out := tm.lastAsked().(LogoutMsg); !out {
		t.Fatalf("Déconnexion asked %#v", tm.lastAsked())
	}
}

// The checklist is drawn at the same column in every password step.
func TestChecklistSameColumnEverywhere(t *testing.T) {
	t.Parallel()
	column := func(tm *screenFlow) int {
		t.Helper()
		for _, line := range strings.Split(tm.text(), "\n") {
			if strings.Contains(line, "8 caractères au moins") {
				return strings.Index(line, "·")
			}
		}
		t.Fatalf("no checklist:\n%s", tm.text())
		return 0
	}
	tm := newFlow(t, PageActivation)
	tm.camilleAtCharter()
	tm.acceptCharter()
	tm.press("enter")
	activation := column(tm)

	tm = newLoggedIn(t, "hugo.lefevre", dashHugoPassword)
	tm.dashAction("Mot de passe")
	if dash := column(tm); dash != activation {
		t.Fatalf("checklist at column %d on the dashboard, %d in the activation:\n%s", dash, activation, tm.text())
	}
}

// Revoked while the dashboard is open: back on the menu from one of its
// steps (esc, or a change done), the dashboard has read the account again.
func TestDashboardRereadsWhenBackFromAStep(t *testing.T) {
	t.Parallel()
	tm := newLoggedIn(t, "ines.moreau", "Helpdesk-Demo-2026")
	tm.requireConsole()
	tm.revokeInes()
	tm.dashAction("Mot de passe")
	tm.press("esc")
	tm.requireNoConsole()
	tm.require("› Mot de passe", "✓ Rôle assistance retiré : la console n'est plus dans le menu.")
	if tm.c.Account.Helpdesk {
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
	tm.require("› Mot de passe", "✓ Mot de passe modifié.")
}

// r reads the account again from the menu; the help line says so. The
// focus stays on the action it was on, and never goes to Déconnexion when
// the console goes.
func TestDashboardRefreshKey(t *testing.T) {
	t.Parallel()
	tm := newLoggedIn(t, "ines.moreau", "Helpdesk-Demo-2026")
	tm.revokeInes()
	tm.press("r")
	tm.requireNoConsole()
	tm.require("✓ Rôle assistance retiré")
	// The help line offers r where it fits with F1 and F2 (100 columns).
	tm.resize(100, 30)
	if s := tm.keysSaid(); !strings.Contains(s, "r actualiser") {
		t.Fatalf("the help line does not offer r: %s", s)
	}
	tm.resize(80, 24)

	tm.grantInes()
	tm.press("tab", "tab") // on Redirection
	tm.press("r")
	tm.requireConsole()
	tm.require("› Redirection", "✓ Rôle assistance accordé : la console est dans le menu.")
	tm.press("tab") // on the console
	tm.require("› Console assistance")
	tm.revokeInes()
	tm.press("r")
	tm.requireNoConsole()
	tm.require("› Redirection")

	// Nothing changed: it says the account was read.
	tm.press("r")
	tm.require("✓ Compte relu : les informations affichées sont à jour.", "› Redirection")
	tm.c.Lang = tm.c.Lang.Other() // F2
	tm.require("✓ Account read again: what is shown is up to date.")
	if tm.lastAsked() != nil {
		t.Fatalf("r asked %#v of the shell:\n%s", tm.lastAsked(), tm.text())
	}
}
