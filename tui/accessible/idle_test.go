package accessible

import (
	"strings"
	"testing"
	"time"

	"entkiosk/screens"
)

// The idle rules hold: one sentence at the start of the last seconds, then
// a kiosk erases everything and comes back home; a personal session
// closes. (Short timeouts: the waits are for sentences, not durations.)
func TestIdleKioskWipes(t *testing.T) {
	t.Parallel()
	ps := startSession(t, func(o *Options) { o.IdleTimeout = 600 * time.Millisecond })
	ps.write("4", "22107777") // something typed, then nothing
	ps.waitFor("Session effacée après une période d'inactivité.", 1)
	out := ps.end()
	warn := strings.Index(out, "Sans réponse, tout sera effacé et l'accueil reviendra dans 0 secondes")
	if warn < 0 {
		warn = strings.Index(out, "Sans réponse, tout sera effacé")
	}
	if warn < 0 || warn > strings.Index(out, "Session effacée") {
		t.Fatalf("no warning before the wipe:\n%s", out)
	}
	if strings.Count(out, "Sans réponse") != 1 {
		t.Errorf("the warning is said more than once:\n%s", out)
	}
	requirePlain(t, out)
}

func TestIdlePersonalCloses(t *testing.T) {
	t.Parallel()
	ps := startSession(t, func(o *Options) { o.IdleTimeout = 600 * time.Millisecond; o.Kiosk = false })
	ps.write("4")
	ps.waitFor("Session fermée après une période d'inactivité.", 1)
	select {
	case err := <-ps.done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the session did not end")
	}
	if !strings.Contains(ps.out.String(), "Sans réponse, la session se fermera dans") {
		t.Errorf("no warning:\n%s", ps.out.String())
	}
}

// Ctrl+C goes home: on a personal session the same person is still there
// and keeps the language they chose; a kiosk's next person gets the
// kiosk's language back.
func TestInterruptKeepsLanguageOnlyOnPersonalSession(t *testing.T) {
	t.Parallel()
	personal := startSession(t, func(o *Options) { o.Kiosk = false })
	personal.write("6", "2")
	personal.waitFor("First login — step 1 of 5", 1)
	personal.write("\x03")
	personal.waitFor("What do you want to do?", 2)
	personal.end()

	kiosk := startSession(t)
	kiosk.write("6", "2")
	kiosk.waitFor("First login — step 1 of 5", 1)
	kiosk.write("\x03")
	kiosk.waitFor("Que voulez-vous faire ?", 2)
	kiosk.end()
}

// « Revenir à l'affichage habituel » hands the language back: the same
// person goes on in the screens in it. A kiosk's wipe (Ctrl+C) does not:
// the next person gets the kiosk's.
func TestLeaveSaysTheLanguage(t *testing.T) {
	t.Parallel()
	var left []screens.Lang
	record := func(o *Options) {
		o.FromScreens = true
		o.Left = func(l screens.Lang) { left = append(left, l) }
	}
	ps := startSession(t, record)
	ps.write("6", "8") // English, then back to the screens
	ps.waitFor("Back to the usual display", 1)
	ps.waitLeft()
	if len(left) != 1 || left[0] != screens.English {
		t.Fatalf("left in %q, want English", left)
	}

	left = nil
	wiped := startSession(t, record)
	wiped.write("6", "\x03")
	wiped.waitLeft()
	if len(left) != 0 {
		t.Fatalf("a wipe handed a language back: %q", left)
	}
}
