package tui

import (
	"strings"
	"testing"

	"entkiosk/screens"
)

// F1 opens Aide on the topic of the screen it was pressed on; esc returns
// to that screen as it was.
func TestHelpFromHome(t *testing.T) {
	tm := newTestModel(t)
	tm.typeText("camille.martin")
	tm.press("f1")
	tm.requireScreen("Aide", "› Le compte informatique", "prenom.nom@etu.umontpellier.fr",
		"Jean-Luc D'Alembert → jean-luc.dalembert", "Tab/←→ sujet", "↑/↓ faire défiler")
	if strings.Contains(tm.screen(), "camille.martin") {
		t.Fatal("help shows the screen below it")
	}
	tm.requireGolden()

	tm.press("f1") // no help on help
	tm.press("esc")
	if _, home := tm.Screen().(*screens.Home); !home {
		t.Fatalf("esc did not return home:\n%s", tm.screen())
	}
	tm.requireScreen("camille.martin")
	tm.press("esc") // home is the bottom: nothing to go back to
	tm.requireScreen("camille.martin")
}

func TestHelpTopicsAndScrolling(t *testing.T) {
	tm := newTestModel(t)
	tm.press("f1", "tab")
	tm.requireScreen("› 1ère connexion", "15 minutes après la validation", "1. Sur l'accueil")
	if strings.Contains(tm.screen(), "7. Choisissez votre mot de passe") {
		t.Fatal("the end of the topic fits: the scrolling test needs a longer one")
	}
	tm.requireScreen("↓ suite")
	for range 30 {
		tm.press("down")
	}
	tm.requireScreen("7. Choisissez votre mot de passe", "— fin —")
	if strings.Contains(tm.screen(), "1. Sur l'accueil") {
		t.Fatalf("did not scroll:\n%s", tm.screen())
	}
	tm.press("pgup", "pgup", "pgup")
	tm.requireScreen("1. Sur l'accueil")
	tm.press("pgdown", "pgdown", "pgdown")
	tm.requireScreen("— fin —")
	tm.requireGolden()

	// A new topic starts at its top; ← and → go round.
	tm.press("right")
	tm.requireScreen("› Problème de connexion", "propose trois parcours")
	tm.press("left", "left", "left")
	tm.requireScreen("› Assistance", "assistance-ent@umontpellier.fr")
	if strings.Contains(tm.screen(), "faire défiler") {
		t.Fatalf("the help line offers to scroll a text that fits:\n%s", tm.screen())
	}
	tm.press("shift+tab")
	tm.requireScreen("› Borne et confidentialité", "120\u00a0s")

	// The figures come from the rules.
	tm.press("shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab")
	tm.requireScreen("› Règles du mot de passe", "au moins 8 caractères (12 recommandés), au plus", "128\u00a0;",
		"< > \" ' $")

	// F2 switches the language of the text too.
	tm.press("f2")
	tm.requireScreen("› Password rules", "at least 8 characters (12 recommended), at most")
}

func TestHelpTopicOfEachScreen(t *testing.T) {
	tm := newTestModel(t)
	tm.send(screens.NavigateMsg{Page: screens.PageLookup})
	tm.press("f1")
	tm.requireScreen("› Consultation IA", "exactement 8 chiffres")
	tm.press("esc")
	tm.requireScreen("Consulter mon inscription (IA)", "Numéro étudiant")

	// An unknown topic opens the first one rather than nothing.
	tm.send(screens.NavigateMsg{Page: screens.PageHelp, Topic: "no-such-topic"})
	tm.requireScreen("› Le compte informatique")
}
