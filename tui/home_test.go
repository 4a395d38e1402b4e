package tui

import (
	"strings"
	"testing"
	"time"

	"entkiosk/screens"
)

func TestHomeLoginAndRefusal(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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
// wrong password), so the hint under a refusal is the same every time, from
// the first one, and names both ways out: activation, and what errors do.
// A person locked at another terminal reads it under their right password.
func TestHomeRefusalHintAlwaysTheSame(t *testing.T) {
	t.Parallel()
	const hint = "Compte jamais activé ? « 1ère connexion ». Après 5 erreurs, la connexion"
	tm := newTestModel(t)
	tm.typeText("hugo.lefevre")
	tm.press("enter")
	tm.retryLogin("Mauvais-Mot-2026")
	tm.requireTextNB("Identifiant ou mot de passe incorrect.", hint, "est suspendue quelques minutes : patientez, ou « Problème de connexion »",
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
	if tm.Common().Account != nil {
		t.Fatal("logged in during the lock")
	}
	if got := tm.homeRefusal(); got != first {
		t.Fatalf("the lock shows (no lock oracle allowed):\n%s\nvs\n%s", got, first)
	}

	// Locked at another terminal: this one's very first refusal, under the
	// right password, gives the same hint.
	other := newTestModel(t, func(o *Options) { o.Store = tm.store; o.Client = "kiosk:other" })
	other.typeText("hugo.lefevre")
	other.press("enter")
	other.typeText("Kiosque-Demo-2026")
	other.press("enter")
	if other.Common().Account != nil {
		t.Fatal("logged in during the lock")
	}
	if got := other.homeRefusal(); got != first {
		t.Fatalf("another terminal reads another refusal:\n%s\nvs\n%s", got, first)
	}

	// English too.
	en := newTestModel(t)
	en.press("f2")
	en.typeText("Paul.Bernard")
	en.press("enter")
	en.retryLogin("Mauvais-Mot-2026")
	en.requireTextNB("Wrong identifiant or password.", `Never activated your account? "First login". After 5 errors,`,
		`wait, or "Login problem" for a new password.`)
	en.requireWidth(80)
}

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

// An empty field is named: with the identifiant typed, only the password
// is asked for.
func TestHomeSaysWhatIsMissing(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.press("tab", "enter") // Se connecter with nothing typed
	tm.requireScreen("Saisissez votre identifiant et votre mot de passe.")
	tm.typeText("hugo.lefevre")
	tm.press("tab", "enter")
	tm.requireScreen("✗ Saisissez votre mot de passe.")
	tm.press("f2")
	tm.requireScreen("✗ Type your password.")
}
