package tui

import (
	"strings"
	"testing"

	"entkiosk/screens"
)

// The recovery's own steps are tested beside the screen
// (screens/recovery_test.go). Here: its routes to and from home.

func (tm *testModel) openRecovery(nav screens.NavigateMsg) {
	nav.Page = screens.PageRecovery
	tm.send(nav)
}

// Esc on "mot de passe modifié" goes to a clean home; only "Se connecter"
// fills in the identifiant.
func TestRecoveryDoneEscGoesToCleanHome(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.openRecovery(screens.NavigateMsg{Case: screens.RecoveryCaseForgot})
	tm.typeText("hugo.lefevre")
	tm.press("enter")
	tm.typeText(mailedCode(t, tm.store, hugoMail))
	tm.press("enter")
	tm.choosePassword("Marron-Glace-77")
	tm.requireScreen("✓ Votre mot de passe a été modifié.")
	tm.press("esc")
	if !tm.atHome() {
		t.Fatalf("esc on the done screen did not go home: %T", tm.Screen())
	}
	if strings.Contains(tm.screen(), "hugo") {
		t.Fatalf("the identifiant stays on home:\n%s", tm.screen())
	}
	tm.requireScreen("› Identifiant")
}

// The identifiant typed on home arrives selected on "mot de passe oublié":
// typing it again replaces it.
func TestRecoveryPrefilledIdentifiantReplaced(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.typeText("hugo.lefevre")
	tm.press("tab", "tab", "tab", "tab", "enter") // "Problème de connexion"
	tm.press("tab", "enter")                      // "J'ai oublié mon mot de passe"
	tm.requireScreen("mot de passe oublié")
	if v := tm.field("Identifiant"); v != "hugo.lefevre" {
		t.Fatalf("not prefilled: %q", v)
	}
	tm.typeText("hugo.lefevre")
	if v := tm.field("Identifiant"); v != "hugo.lefevre" {
		t.Fatalf("typing appended to the prefilled identifiant: %q", v)
	}
	tm.press("enter")
	tm.requireScreen("Un mail a été envoyé sur votre adresse mail de secours", "hu•••••e@ex•••••e.org")
}
