package tui

import (
	"strings"
	"testing"
)

// Privacy at the kiosk: home shown again by esc from another page is clean
// (no identifiant, no refusal, the focus on Identifiant) — Paul's "rights
// ended on 31/12/2025" is not for the next person in the queue.
func TestHomeCleanWhenComingBack(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.typeText("paul.bernard")
	tm.press("enter")
	tm.typeText("Archives-Demo-2025")
	tm.press("enter")
	tm.requireScreen("ont pris fin le 31/12/2025", "paul.bernard")
	for _, link := range []int{3, 4, 2} { // from Mot de passe: Problème de connexion, Consulter mon inscription, 1ère connexion
		for range link {
			tm.press("tab")
		}
		tm.press("enter")
		if tm.atHome() {
			t.Fatalf("link %d did not open a page:\n%s", link, tm.screen())
		}
		tm.press("esc")
		if !tm.atHome() {
			t.Fatalf("esc did not return home: %T", tm.Screen())
		}
		for _, leak := range []string{"paul", "31/12/2025", "incorrect", "•"} {
			if strings.Contains(tm.screen(), leak) {
				t.Fatalf("%q still on home after esc:\n%s", leak, tm.screen())
			}
		}
		tm.requireScreen("› Identifiant")
		// The next person types into Identifiant, then goes back to the password.
		tm.typeText("paul.bernard")
		tm.press("enter")
		tm.typeText("Archives-Demo-2025")
		tm.press("enter")
		tm.requireScreen("ont pris fin le 31/12/2025")
	}
}

// Enter on a link of the home screen names what it opens.
func TestHomeEnterNamesTheLink(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.press("tab", "tab", "tab") // password, button, first link
	for _, want := range []string{"Entrée 1ère connexion", "Entrée problème de connexion",
		"Entrée consulter mon inscription", "Entrée ouvrir l'aide"} {
		line := tm.helpLineNB()
		// F3 is named first on every line; the focused item's Enter right after it.
		if !strings.HasPrefix(strings.TrimPrefix(strings.TrimSpace(line), "F3 accessible · "), want) {
			t.Fatalf("help line %q, want %q first", line, want)
		}
		tm.requireWidth(80)
		tm.press("tab")
	}
	tm.press("f2", "shift+tab")
	if line := tm.helpLineNB(); !strings.HasPrefix(strings.TrimSpace(line), "F3 accessible · Enter open the help") {
		t.Fatalf("English help line %q", line)
	}
}
