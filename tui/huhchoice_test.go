package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"

	"entkiosk/screens"
)

// The case of the helpdesk's walk-through is chosen in huh's list
// (screens.ListChoice). Helpers are prefixed hc: other areas' tests share
// this package.

// hcWalk opens Hugo Lefèvre's card on its walk-through tab; the card
// suggests "Mot de passe oublié" (an active account, no failure).
func hcWalk(t *testing.T) *testModel {
	t.Helper()
	tm := hdConsole(t)
	tm.hdOpen("21805555")
	tm.press("3")
	tm.requireScreen("◉ Mot de passe oublié", "Tab choisir le cas")
	return tm
}

// hcPress sends a key and fails if anything returns a command: the list
// starts no timer (no cursor blink, no tick) and nothing asynchronous.
// The test model's own timers are off, so a command can only come from
// the screen.
func (tm *testModel) hcPress(k string) {
	tm.t.Helper()
	if _, cmd := tm.Model.Update(keyMsg(k)); cmd != nil {
		tm.t.Fatalf("%s returned a command: something ticks or waits\n%s", k, tm.screen())
	}
}

const hcTitle = "┃ Quel est le problème de la personne ?"

// Each case, chosen with the arrows and Enter from the list that Tab opens
// on the current case; the walk-through follows.
func TestHelpdeskCaseChoiceEachCase(t *testing.T) {
	t.Parallel()
	tm := hcWalk(t)
	cases := []struct{ label, shows string }{
		{"Jamais activé", "passer au cas « Mot de passe oublié » (Entrée)"},
		{"Mot de passe oublié", "Mail de secours  hu•••••e@ex•••••e.org"},
		{"Problème de connexion", "Dernière connexion le 23/11/2026 à 08:00"}, // the demo's last login: 50 h ago
	}
	at := 1
	for i, c := range cases {
		tm.hcPress("tab")
		tm.requireScreen(hcTitle, "┃ › "+cases[at].label, "F3 accessible · ↑/↓ choisir · Entrée valider")
		for ; at < i; at++ {
			tm.hcPress("down")
		}
		for ; at > i; at-- {
			tm.hcPress("up")
		}
		tm.requireScreen("┃ › " + c.label)
		tm.hcPress("enter")
		tm.requireScreen("◉ "+c.label, c.shows, "Tab choisir le cas")
		if strings.Contains(tm.screen(), hcTitle) {
			t.Fatalf("the list stayed open after Enter:\n%s", tm.screen())
		}
	}
	// Home and End, and the arrows wrap around.
	tm.hcPress("tab")
	tm.hcPress("home")
	tm.requireScreen("┃ › Jamais activé")
	tm.hcPress("end")
	tm.requireScreen("┃ › Problème de connexion")
	tm.hcPress("down")
	tm.requireScreen("┃ › Jamais activé")
	tm.hcPress("up")
	tm.hcPress("enter")
	tm.requireScreen("◉ Problème de connexion")
}

// The open list at 80×24; what its keys do besides: esc closes it and keeps
// the case, the card's keys (tabs, "/" for huh's filter, letters) do
// nothing under it, F2 redraws it in English with the cursor where it was.
func TestHelpdeskCaseChoiceScreen(t *testing.T) {
	t.Parallel()
	tm := hcWalk(t)
	tm.hcPress("tab")
	tm.hcPress("down")
	tm.requireScreen(hcTitle, "┃   Mot de passe oublié", "┃ › Problème de connexion")
	if strings.Contains(tm.screen(), "Entrée : Envoyer un code") {
		t.Fatalf("the walk-through offers Enter while the list has it:\n%s", tm.screen())
	}
	tm.requireGolden()

	open := tm.screen()
	for _, k := range []string{"left", "right", "2", "/", "j", "x", "space", "pgdown", "backspace"} {
		tm.hcPress(k)
		if tm.screen() != open {
			t.Fatalf("%s changed the open list:\n%s", k, tm.screen())
		}
	}

	// A resize redraws it at the new width, cursor kept.
	tm.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	tm.requireScreen(hcTitle, "┃ › Problème de connexion")
	tm.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if tm.screen() != open {
		t.Fatalf("back at 80×24, the list is not as it was:\n%s", tm.screen())
	}

	tm.hcPress("esc")
	tm.requireScreen("◉ Mot de passe oublié", "Entrée : Envoyer un code", "3 Parcours guidé", "Tab choisir le cas")
	if strings.Contains(tm.screen(), hcTitle) {
		t.Fatalf("esc left the list open:\n%s", tm.screen())
	}

	tm.hcPress("tab")
	tm.hcPress("up")
	tm.press("f2")
	tm.requireScreen("┃ What is the person's problem?", "┃ › Never activated", "┃   Forgot password",
		"↑/↓ choose · Enter submit")
	tm.hcPress("enter")
	tm.requireScreen("◉ Never activated", "Tab choose the case")
	tm.press("f2")
	tm.requireScreen("◉ Jamais activé")
}

// Through the real runtime: Tab, ↓, Enter and a ↓ typed right after, in one
// burst. huh would complete its form two trips through the event loop after
// Enter, and the ↓ would have moved its cursor first; the choice is taken
// at Enter, and the ↓ is the walk-through's.
func TestHelpdeskCaseChoiceTypedAhead(t *testing.T) {
	t.Parallel()
	s := newTTSession(t)
	s.waitFor("Se connecter")
	s.login("ines.moreau", "Helpdesk-Demo-2026")
	s.Send(screens.NavigateMsg{Page: screens.PageHelpdesk})
	s.waitFor("Rechercher une personne")
	s.Type("21805555")
	s.key("enter")
	s.waitFor("Lefèvre Hugo")
	s.key("enter")
	s.waitFor("1 Fiche")
	s.key("3")
	s.waitFor("◉ Mot de passe oublié")
	s.key("tab", "down", "enter", "down")
	teatest.WaitFor(t, s.Output(), func(out []byte) bool {
		return strings.Contains(ansi.Strip(string(out)), "◉ Problème de connexion")
	}, teatest.WithDuration(waitLimit))
	frame := s.final("◉ Problème de connexion", "Tab choisir le cas")
	if strings.Contains(frame, hcTitle) {
		t.Fatalf("the list is still open:\n%s", frame)
	}
}
