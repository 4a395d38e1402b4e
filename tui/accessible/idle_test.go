package accessible

import (
	"strings"
	"testing"
	"time"
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
