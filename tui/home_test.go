package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

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

// homeRefusal is the home screen's lines from the button down to the links,
// no-break spaces as spaces: the outcome of the last login.
func (tm *testModel) homeRefusal() string {
	tm.t.Helper()
	s := strings.ReplaceAll(tm.screen(), "\u00a0", " ")
	from, to := strings.Index(s, "[ Se connecter ]"), strings.Index(s, "Vous n'avez pas encore")
	if from < 0 || to < from {
		tm.t.Fatalf("no login outcome:\n%s", tm.screen())
	}
	return s[from:to]
}

// retryLogin submits pw on the home screen 2 s after the last try: a
// person, not a script.
func (tm *testModel) retryLogin(pw string) {
	tm.clock.Advance(2 * time.Second)
	tm.typeText(pw)
	tm.press("enter")
}

// The lock is never told (a locked identifiant gets the same refusal as a
// wrong password), but after three refusals in a row the home screen says
// how the lock works and what to do; another identifiant starts over.
func TestHomeLockHintAfterThreeRefusals(t *testing.T) {
	const hint = "Après 5 erreurs, la connexion est suspendue quelques minutes."
	tm := newTestModel(t)
	tm.typeText("hugo.lefevre")
	tm.press("enter")
	for i := 1; i <= 2; i++ {
		tm.retryLogin("Mauvais-Mot-2026")
		tm.requireScreen("Identifiant ou mot de passe incorrect.")
		if strings.Contains(tm.homeRefusal(), "Après 5 erreurs") {
			t.Fatalf("hint after %d refusals:\n%s", i, tm.screen())
		}
	}
	tm.retryLogin("Mauvais-Mot-2026")
	tm.requireTextNB(hint, "Patientez,", "ou choisissez « Problème de connexion » pour un nouveau mot de passe.",
		"Compte jamais activé ?")
	tm.requireWidth(80)
	tm.requireGolden()
	third := tm.homeRefusal()

	// Locked after the fifth: the right password gets the very same answer.
	for range 2 {
		tm.retryLogin("Mauvais-Mot-2026")
	}
	tm.retryLogin("Kiosque-Demo-2026")
	if tm.Common().Account != nil {
		t.Fatal("logged in during the lock")
	}
	if got := tm.homeRefusal(); got != third {
		t.Fatalf("the lock shows (no lock oracle allowed):\n%s\nvs\n%s", got, third)
	}

	// Typing the password again hides the outcome; the count stays with
	// the identifiant: the next refusal shows the hint again.
	tm.retryLogin("Mauvais-Mot-2026")
	tm.requireTextNB(hint)

	// Another identifiant: its own count (and Hugo.Lefevre is Hugo's).
	tm.press("shift+tab")
	tm.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	tm.typeText("paul.bernard")
	tm.press("enter")
	tm.typeText("Mauvais-Mot-2026")
	tm.press("enter")
	if strings.Contains(tm.homeRefusal(), "Après 5 erreurs") {
		t.Fatalf("hint for a new identifiant's first refusal:\n%s", tm.screen())
	}

	// English too (another terminal: this one has failed often enough).
	en := newTestModel(t)
	en.press("f2")
	en.typeText("Paul.Bernard")
	en.press("enter")
	for range 3 {
		en.retryLogin("Mauvais-Mot-2026")
	}
	en.requireTextNB("Wrong identifiant or password.", "After 5 errors, logging in is suspended for a few minutes.")
	en.requireWidth(80)
}

// A successful login starts the count over.
func TestHomeLockHintResetOnSuccess(t *testing.T) {
	tm := newTestModel(t)
	tm.typeText("hugo.lefevre")
	tm.press("enter")
	for range 2 {
		tm.retryLogin("Mauvais-Mot-2026")
	}
	tm.retryLogin("Kiosque-Demo-2026")
	if tm.Common().Account == nil {
		t.Fatalf("not logged in:\n%s", tm.screen())
	}
	tm.press("esc") // log out
	tm.typeText("hugo.lefevre")
	tm.press("enter")
	for range 2 {
		tm.retryLogin("Mauvais-Mot-2026")
	}
	tm.requireScreen("Identifiant ou mot de passe incorrect.")
	if strings.Contains(tm.homeRefusal(), "Après 5 erreurs") {
		t.Fatalf("the count survived a success:\n%s", tm.screen())
	}
}

// Enter on a link of the home screen names what it opens.
func TestHomeEnterNamesTheLink(t *testing.T) {
	tm := newTestModel(t)
	tm.press("tab", "tab", "tab") // password, button, first link
	for _, want := range []string{"Entrée 1ère connexion", "Entrée problème de connexion",
		"Entrée consulter mon inscription", "Entrée ouvrir l'aide"} {
		line := tm.helpLineNB()
		if !strings.HasPrefix(strings.TrimSpace(line), want) {
			t.Fatalf("help line %q, want %q first", line, want)
		}
		tm.requireWidth(80)
		tm.press("tab")
	}
	tm.press("f2", "shift+tab")
	if line := tm.helpLineNB(); !strings.HasPrefix(strings.TrimSpace(line), "Enter open the help") {
		t.Fatalf("English help line %q", line)
	}
}
