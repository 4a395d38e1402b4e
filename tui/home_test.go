package tui

import (
	"strings"
	"testing"

	"entkiosk/screens"
)

func TestHomeLoginAndRefusal(t *testing.T) {
	tm := newTestModel(t)
	tm.requireScreen("UNIVERSITÉ DE MONTPELLIER", "Identifiant", "Mot de passe", "Se connecter", "1ère connexion",
		"Problème de connexion", "Consulter mon inscription (IA)", "Aide", "DÉMO")
	tm.requireGolden()

	tm.typeText("Hugo.Lefevre")
	tm.press("enter")
	tm.typeText("wrong-Password-1")
	tm.press("enter")
	tm.requireScreen("Identifiant ou mot de passe incorrect.", "Hugo.Lefevre")
	if strings.Contains(tm.screen(), "wrong-Password-1") {
		t.Fatal("password shown in clear")
	}
	tm.typeText("Kiosque-Demo-2026")
	tm.press("enter")
	if tm.Common().Account == nil || tm.Common().Account.Identifiant != "hugo.lefevre@etu.umontpellier.fr" {
		t.Fatalf("not logged in:\n%s", tm.screen())
	}
	_ = screens.PageHome
}

// A burst "identifiant⏎motdepasse⏎" (typed ahead or pasted) never puts the
// password in the identifiant field.
func TestHomeBurstNeverShowsPassword(t *testing.T) {
	tm := newTestModel(t)
	for _, r := range "paul.bernard\rSecret-Burst-42\r" {
		if r == '\r' {
			tm.press("enter")
			continue
		}
		tm.typeText(string(r))
	}
	if strings.Contains(tm.screen(), "Secret-Burst-42") {
		t.Fatalf("password in clear:\n%s", tm.screen())
	}
	tm2 := newTestModel(t)
	tm2.send(keyMsg("paul.bernard\rSecret-Burst-42\r"))
	if strings.Contains(tm2.screen(), "Secret-Burst-42") {
		t.Fatalf("password in clear after paste:\n%s", tm2.screen())
	}
	tm2.requireScreen("paul.bernard")
}
