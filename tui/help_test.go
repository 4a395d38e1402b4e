package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/screens"
)

// F1 opens Aide on the topic of the screen it was pressed on; esc returns
// to that screen as it was.
func TestHelpFromHome(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.typeText("camille.martin")
	tm.press("f1")
	tm.requireScreen("Aide", "› Le compte informatique", "prenom.nom@etu.umontpellier.fr",
		"Jean-Luc D'Alembert → jean-luc.dalembert", "↑/↓ sujet", "PgUp/PgDn faire défiler")
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

func TestHelpTopicOfEachScreen(t *testing.T) {
	t.Parallel()
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

// The help line never offers what does nothing: no F1 inside Aide, even
// on a wide terminal where it would fit.
func TestHelpLineInAideHasNoF1(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.send(tea.WindowSizeMsg{Width: 140, Height: 30})
	tm.press("f1")
	tm.requireScreen("↑/↓ sujet", "F2 English")
	if strings.Contains(tm.screen(), "F1 aide") {
		t.Fatalf("Aide offers F1:\n%s", tm.screen())
	}
}
