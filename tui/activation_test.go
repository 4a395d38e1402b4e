package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
	"entkiosk/data/institution"
	"entkiosk/screens"
)

// The activation's own steps are tested beside the screen
// (screens/activation_test.go). Here: what the shell does around it (the
// routes to and from home, the help line it draws), and the helpers other
// tui tests use to walk through an activation.

const (
	camilleMail = "camille.martin@example.org"
	camilleID   = "camille.martin@etu.umontpellier.fr"
	newPassword = "Soleil-Vert-2026"
)

func (tm *testModel) openActivation() {
	tm.send(screens.NavigateMsg{Page: screens.PageActivation})
}

// identify types an identifiant on the first step of the activation.
func (tm *testModel) identify(ident string) {
	tm.typeText(ident)
	tm.press("enter")
}

// camilleCode opens the activation, identifies Camille Martin and returns
// the code mailed to her: the code step is shown.
func (tm *testModel) camilleCode() string {
	tm.t.Helper()
	tm.openActivation()
	tm.identify("camille.martin")
	return mailedCode(tm.t, tm.store, camilleMail)
}

// camilleAtCharter brings Camille Martin to the charter with her code.
func (tm *testModel) camilleAtCharter() {
	tm.t.Helper()
	tm.typeText(tm.camilleCode())
	tm.press("enter")
}

// acceptCharter ticks the charter and goes on.
func (tm *testModel) acceptCharter() {
	tm.t.Helper()
	tm.requireScreen("étape 3 sur 5 : charte")
	tm.press("space", "tab", "enter")
	tm.requireScreen("étape 4 sur 5 : messagerie")
}

// choosePassword types the password twice and submits.
func (tm *testModel) choosePassword(pw string) {
	tm.typeText(pw)
	tm.press("enter")
	tm.typeText(pw)
	tm.press("enter")
}

// On the charter, Enter on the ticked box goes on (as the help line says);
// Space still unticks it; Enter on the unticked box ticks it.
func TestActivationCharterEnterOnTickedBoxContinues(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.send(tea.WindowSizeMsg{Width: 100, Height: 24}) // F3 leads the help line: room for every key
	tm.camilleAtCharter()
	tm.requireScreen("› [ ] J'ai lu la charte", "Espace/Entrée cocher")
	tm.press("enter")
	tm.requireScreen("› [x] J'ai lu la charte", "Espace décocher · Entrée valider")
	tm.press("space")
	tm.requireScreen("› [ ] J'ai lu la charte")
	tm.press("space")
	tm.press("enter")
	tm.requireScreen("étape 4 sur 5 : messagerie")
	tm.press("esc")
	tm.requireScreen("étape 3 sur 5 : charte", "› [x] J'ai lu la charte")
	tm.press("tab")
	tm.requireScreen("› [ Continuer ]", "↑/↓ faire défiler · Entrée valider")
	if strings.Contains(tm.screen(), "Espace") {
		t.Fatalf("the help line offers Space on the button:\n%s", tm.screen())
	}
}

// Esc on "compte activé" goes to a clean home: the next person at the
// kiosk types their identifiant into Identifiant, never into the password
// field of the one who just activated. Only "Se connecter" fills it in.
func TestActivationDoneEscGoesToCleanHome(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.camilleAtCharter()
	tm.acceptCharter()
	tm.press("enter")
	tm.choosePassword(newPassword)
	tm.requireScreen("✓ Votre compte est activé.")
	tm.press("esc")
	if !tm.atHome() {
		t.Fatalf("esc on the done screen did not go home: %T", tm.Screen())
	}
	if strings.Contains(tm.screen(), "camille") {
		t.Fatalf("the identifiant stays on home:\n%s", tm.screen())
	}
	tm.requireScreen("› Identifiant")
	tm.typeText("hugo.lefevre")
	if v := tm.field("Identifiant"); v != "hugo.lefevre" {
		t.Fatalf("typed into Identifiant: %q\n%s", v, tm.screen())
	}
}

// The identifiant typed on home arrives selected: typing it again replaces
// it (never "camille.martincamille.martin"), a paste too; Backspace or an
// arrow keeps it, to be edited.
func TestActivationPrefilledIdentifiantReplaced(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, home string // what was typed on home
		keys       func(tm *testModel)
	}{
		{"typed again", "camille.martin", func(tm *testModel) { tm.typeText("camille.martin") }},
		{"pasted", "camille.martin", func(tm *testModel) {
			tm.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("camille.martin"), Paste: true})
		}},
		{"backspace edits", "camille.martix", func(tm *testModel) { tm.press("backspace"); tm.typeText("n") }},
		{"arrow edits", "camille.marti", func(tm *testModel) { tm.press("left", "right"); tm.typeText("n") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tm := newTestModel(t)
			tm.typeText(tc.home)
			tm.press("tab", "tab", "tab", "enter") // "1ère connexion"
			tm.requireScreen("étape 1 sur 5 : identification")
			tc.keys(tm)
			if v := tm.field("Identifiant"); v != "camille.martin" {
				t.Fatalf("identifiant %q:\n%s", v, tm.screen())
			}
			tm.press("enter")
			tm.requireScreen("étape 2 sur 5 : code d'activation")
		})
	}
}

// newTestModelAt is newTestModel on a store whose demo was loaded at a
// given time (its clock starts there): times with seconds.
func newTestModelAt(t *testing.T, at time.Time) *testModel {
	t.Helper()
	clock := data.NewManualClock(at)
	s, err := data.Open(t.TempDir()+"/entkiosk.db", data.Config{Clock: clock, Hasher: testHasher, Institution: institution.Demo(),
		LinkHost: "ent.umontpellier.fr", LinkPort: 2222})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.LoadDemo(t.Context()); err != nil {
		t.Fatal(err)
	}
	tm := newTestModel(t, func(o *Options) { o.Store = s })
	tm.store, tm.clock = s, clock
	return tm
}
