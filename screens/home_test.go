package screens

import (
	"strings"
	"testing"
	"time"
)

func TestHomeLoginAndRefusal(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageHome)
	tm.require("Identifiant", "Mot de passe", "Se connecter", "1ère connexion",
		"Problème de connexion", "Consulter mon inscription (IA)", "Aide")
	tm.requireGolden()

	tm.typeText("Hugo.Lefevre")
	tm.press("enter")
	tm.typeText("wrong-Password-1")
	tm.press("enter")
	tm.require("Identifiant ou mot de passe incorrect.", "Hugo.Lefevre")
	if strings.Contains(tm.text(), "wrong-Password-1") {
		t.Fatal("password shown in clear")
	}
	tm.typeText("Kiosque-Demo-2026")
	tm.press("enter")
	if in, ok := tm.lastAsked().(LoginMsg); !ok || in.Account.Identifiant != "hugo.lefevre@etu.umontpellier.fr" {
		t.Fatalf("not logged in (%#v):\n%s", tm.lastAsked(), tm.text())
	}
}

// A burst "identifiant⏎motdepasse⏎" (typed ahead or pasted) never puts the
// password in the identifiant field.
func TestHomeBurstNeverShowsPassword(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageHome)
	for _, r := range "paul.bernard\rSecret-Burst-42\r" {
		if r == '\r' {
			tm.press("enter")
			continue
		}
		tm.typeText(string(r))
	}
	if strings.Contains(tm.text(), "Secret-Burst-42") {
		t.Fatalf("password in clear:\n%s", tm.text())
	}
	tm2 := newFlow(t, PageHome)
	tm2.press("paul.bernard\rSecret-Burst-42\r") // one key message: a paste
	if strings.Contains(tm2.text(), "Secret-Burst-42") {
		t.Fatalf("password in clear after paste:\n%s", tm2.text())
	}
	tm2.require("paul.bernard")
}

// homeRefusal is the home screen's lines from the button down to the links,
// no-break spaces as spaces: the outcome of the last login.
func (tm *screenFlow) homeRefusal() string {
	tm.t.Helper()
	s := strings.ReplaceAll(tm.text(), "\u00a0", " ")
	from, to := strings.Index(s, "[ Se connecter ]"), strings.Index(s, "Vous n'avez pas encore")
	if from < 0 || to < from {
		tm.t.Fatalf("no login outcome:\n%s", tm.text())
	}
	return s[from:to]
}

// retryLogin submits pw on the home screen 2 s after the last try: a
// person, not a script.
func (tm *screenFlow) retryLogin(pw string) {
	tm.clock.Advance(2 * time.Second)
	tm.typeText(pw)
	tm.press("enter")
}

// The lock is never told (a locked identifiant gets the same refusal as a
// wrong password), so the hint under a refusal is the same every time, from
// the first one, and names both ways out: activation, and what errors do.
// A person locked at another terminal reads it under their right password.
func TestHomeRefusalHintAlwaysTheSame(t *testing.T) {
	t.Parallel()
	const hint = "Compte jamais activé ? « 1ère connexion ». Après 5 erreurs, la connexion"
	tm := newFlow(t, PageHome)
	tm.typeText("hugo.lefevre")
	tm.press("enter")
	tm.retryLogin("Mauvais-Mot-2026")
	tm.require("Identifiant ou mot de passe incorrect.", hint, "est suspendue quelques minutes : patientez, ou « Problème de connexion »",
		"pour un nouveau mot de passe.")
	tm.requireWidth(80)
	tm.requireGolden()
	first := tm.homeRefusal()

	// Every refusal says the same, the fifth (which locks) and the right
	// password during the lock included: no count, no lock oracle.
	for i := 2; i <= 5; i++ {
		tm.retryLogin("Mauvais-Mot-2026")
		if got := tm.homeRefusal(); got != first {
			t.Fatalf("refusal %d differs:\n%s\nvs\n%s", i, got, first)
		}
	}
	tm.retryLogin("Kiosque-Demo-2026")
	if _, in := tm.lastAsked().(LoginMsg); in {
		t.Fatal("logged in during the lock")
	}
	if got := tm.homeRefusal(); got != first {
		t.Fatalf("the lock shows (no lock oracle allowed):\n%s\nvs\n%s", got, first)
	}

	// Locked at another terminal: this one's very first refusal, under the
	// right password, gives the same hint.
	other := newFlow(t, PageHome, func(c *Common) { c.Store = tm.store; c.Client = "kiosk:other" })
	other.typeText("hugo.lefevre")
	other.press("enter")
	other.typeText("Kiosque-Demo-2026")
	other.press("enter")
	if _, in := other.lastAsked().(LoginMsg); in {
		t.Fatal("logged in during the lock")
	}
	if got := other.homeRefusal(); got != first {
		t.Fatalf("another terminal reads another refusal:\n%s\nvs\n%s", got, first)
	}

	// English too.
	en := newFlow(t, PageHome)
	en.c.Lang = English // F2
	en.typeText("Paul.Bernard")
	en.press("enter")
	en.retryLogin("Mauvais-Mot-2026")
	en.require("Wrong identifiant or password.", `Never activated your account? "First login". After 5 errors,`,
		`wait, or "Login problem" for a new password.`)
	en.requireWidth(80)
}

// An empty field is named: with the identifiant typed, only the password
// is asked for.
func TestHomeSaysWhatIsMissing(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageHome)
	tm.press("tab", "enter") // Se connecter with nothing typed
	tm.require("Saisissez votre identifiant et votre mot de passe.")
	tm.typeText("hugo.lefevre")
	tm.press("tab", "enter")
	tm.require("✗ Saisissez votre mot de passe.")
	tm.c.Lang = English // F2
	tm.require("✗ Type your password.")
}

func TestHomeErrorUnderTheButton(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageHome)
	tm.typeText("hugo.lefevre")
	tm.press("enter")
	tm.typeText("wrong-password-1")
	tm.press("enter")
	lines := strings.Split(tm.text(), "\n")
	for i, l := range lines {
		if strings.Contains(l, "[ Se connecter ]") {
			if !strings.Contains(lines[i+1], "✗ Identifiant ou mot de passe incorrect.") {
				t.Fatalf("the error is not right under the button:\n%s", tm.text())
			}
			tm.requireGolden()
			return
		}
	}
	t.Fatal("no button")
}
