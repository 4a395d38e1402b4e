package tui

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"entkiosk/data"
	"entkiosk/screens"
)

// Golden screens through the real Bubble Tea runtime (teatest): the root
// model runs in a tea.Program, keys arrive through its event loop, store
// work runs in its goroutines, timers are real. The synchronous tests
// (testing_test.go) stay the reference for behaviour; these show that the
// same screens come out of the runtime.
//
// The golden is the final model's View(), stripped of escape codes (the
// renderer is ASCII anyway), not the output stream that
// teatest.RequireEqualOutput compares: the stream holds every intermediate
// frame (spinners, a frame drawn between two keys), the renderer's cursor
// moves and its skipped unchanged lines, all of which vary with the
// scheduling of a loaded machine. The stream is still what WaitFor reads:
// the screen's text reached the terminal before the frame is compared.
// Helpers are prefixed tt: other areas' tests share this package.

// ttSession is one kiosk session run by teatest at 80×24, on a test store,
// with the idle timer's wall clock stopped (no countdown in a golden).
type ttSession struct {
	*teatest.TestModel
	t     *testing.T
	store *data.Store
	frame string // the final frame, once the program has ended
}

func newTTSession(t *testing.T) *ttSession {
	t.Helper()
	store, _ := newTestStore(t)
	wall := data.NewManualClock(testNow)
	// Real timers (spinners, the idle timer, a code's resend delay), ended
	// with the test as an SSH session's are when it closes.
	ctx, stop := context.WithCancel(context.Background())
	m := New(Options{Store: store, Renderer: asciiRenderer(), Lang: screens.French, Kiosk: true, Demo: true,
		Client: "kiosk:teatest", Now: wall.Now, Tick: SessionTick(ctx)})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	s := &ttSession{TestModel: tm, t: t, store: store}
	// Cleanups run last first: the program ends, then its timers, then
	// (registered by newTestStore) the store closes.
	t.Cleanup(stop)
	t.Cleanup(func() {
		tm.Quit()
		tm.WaitFinished(t, teatest.WithFinalTimeout(waitLimit))
	})
	return s
}

// key sends keys by name ("enter", "tab", "f1"...), as testModel.press.
func (s *ttSession) key(keys ...string) {
	for _, k := range keys {
		s.Send(keyMsg(k))
	}
}

// waitFor waits until every one of want has reached the terminal since the
// last wait (each on one line: the renderer writes a changed line whole).
// The limit is generous: a loaded machine is slow, never wrong.
func (s *ttSession) waitFor(want ...string) {
	s.t.Helper()
	teatest.WaitFor(s.t, s.Output(), func(out []byte) bool {
		text := asRead(ansi.Strip(string(out)))
		for _, w := range want {
			if !strings.Contains(text, w) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(waitLimit), teatest.WithCheckInterval(10*time.Millisecond))
}

// final ends the program and returns its last frame as text, random codes
// and link tokens replaced; want must be on it.
func (s *ttSession) final(want ...string) string {
	s.t.Helper()
	if s.frame == "" {
		s.Quit()
		m := s.FinalModel(s.t, teatest.WithFinalTimeout(waitLimit))
		s.frame = asRead(stableMail(ansi.Strip(m.View())))
	}
	for _, w := range want {
		if !strings.Contains(s.frame, w) {
			s.t.Fatalf("final frame lacks %q:\n%s", w, s.frame)
		}
	}
	return s.frame
}

// golden compares the final frame with testdata/<Test>/<subtest>.golden.
func (s *ttSession) golden(want ...string) {
	s.t.Helper()
	frame := s.final(want...)
	lines := strings.Split(frame, "\n")
	for _, l := range lines {
		if w := ansi.StringWidth(l); w != 80 || len(lines) > 24 {
			s.t.Fatalf("the frame does not fit 80×24 (%d lines, one %d wide):\n%s", len(lines), w, frame)
		}
	}
	golden.RequireEqual(s.t, []byte(frame))
}

// login logs in from home and waits for the dashboard.
func (s *ttSession) login(identifiant, password string) {
	s.t.Helper()
	s.Type(identifiant)
	s.key("enter") // the focus moves to the password at once: no wait
	s.Type(password)
	s.key("enter")
	s.waitFor("Mon compte")
}

func TestTeatestScreens(t *testing.T) {
	t.Parallel()
	t.Run("home", func(t *testing.T) {
		s := newTTSession(t)
		s.waitFor("Se connecter", "1ère connexion", "Consulter mon inscription (IA)")
		s.golden("Identifiant", "Mot de passe")
	})
	t.Run("activation_identify", func(t *testing.T) {
		s := newTTSession(t)
		s.waitFor("Se connecter")
		s.key("tab", "tab", "tab", "enter") // "1ère connexion"
		s.waitFor("1ère connexion — étape 1 sur 5 : identification")
		s.golden("Je ne connais pas mon identifiant")
	})
	// The code step, the charter and the password step of Camille's
	// activation, one program each: a golden needs the program ended.
	activation := func(t *testing.T, steps int) *ttSession {
		s := newTTSession(t)
		s.waitFor("Se connecter")
		s.key("tab", "tab", "tab", "enter")
		s.waitFor("étape 1 sur 5")
		s.Type("camille.martin")
		s.key("enter")
		s.waitFor("étape 2 sur 5 : code d'activation")
		if steps == 2 {
			return s
		}
		code := mailedCode(t, s.store, camilleMail)
		s.Type(code)
		s.key("enter")
		s.waitFor("CHARTE D'USAGE DES RESSOURCES NUMÉRIQUES")
		if steps == 3 {
			return s
		}
		s.key("space", "tab", "enter")
		s.waitFor("étape 4 sur 5 : messagerie")
		s.key("down", "enter")
		s.waitFor("étape 5 sur 5 : mot de passe")
		return s
	}
	t.Run("activation_code", func(t *testing.T) {
		s := activation(t, 2)
		s.golden("Un mail a été envoyé à l'adresse personnelle de ce compte", "ca•••••n@ex•••••e.org")
	})
	t.Run("activation_charter", func(t *testing.T) {
		s := activation(t, 3)
		s.golden("[ ] J'ai lu la charte et je l'accepte")
	})
	t.Run("activation_password", func(t *testing.T) {
		s := activation(t, 5)
		s.golden("Nouveau mot de passe", "Confirmation du mot de passe", "8 caractères au moins (0 saisi)")
	})
	t.Run("lost_password", func(t *testing.T) {
		s := newTTSession(t)
		s.waitFor("Se connecter")
		s.key("tab", "tab", "tab", "tab", "enter") // "Problème de connexion"
		s.waitFor("Gestion de comptes informatiques")
		s.key("tab", "enter") // "mot de passe oublié"
		s.waitFor("Problème de connexion — mot de passe oublié")
		s.golden("Identifiant", "Recevoir un code")
	})
	t.Run("lookup_result", func(t *testing.T) {
		s := newTTSession(t)
		s.waitFor("Se connecter")
		s.Send(screens.NavigateMsg{Page: screens.PageLookup}) // what home's entry asks for
		s.waitFor("Numéro étudiant")
		s.Type("22107777")
		s.key("enter")
		s.Type("16112003")
		s.key("enter")
		s.waitFor("Jean-Luc D'Alembert")
		s.golden("Inscriptions de l'année universitaire en cours (2)", "Nouvelle consultation")
	})
	t.Run("dashboard", func(t *testing.T) {
		s := newTTSession(t)
		s.waitFor("Se connecter")
		s.login("hugo.lefevre", dashHugoPassword)
		s.golden("hugo.lefevre@etu.umontpellier.fr")
	})
	t.Run("help", func(t *testing.T) {
		s := newTTSession(t)
		s.waitFor("Se connecter")
		s.key("f1")
		s.waitFor("› Le compte informatique")
		s.golden("Jean-Luc D'Alembert → jean-luc.dalembert")
	})
	t.Run("mailbox", func(t *testing.T) {
		s := newTTSession(t)
		s.waitFor("Se connecter")
		s.key("f4")
		// The mails load after the title (each is written from its
		// arguments as it is read): the frame is taken once they show.
		s.waitFor("Boîte mail de démonstration", "camille.martin@example.org")
		s.golden("camille.martin@example.org")
	})
	t.Run("helpdesk_search", func(t *testing.T) {
		s := newTTSession(t)
		s.waitFor("Se connecter")
		s.login("ines.moreau", "Helpdesk-Demo-2026")
		s.Send(screens.NavigateMsg{Page: screens.PageHelpdesk}) // what the dashboard's entry asks for
		s.waitFor("Rechercher une personne")
		s.Type("petit")
		s.key("enter")
		s.waitFor("marie.petit2")
		s.golden("Petit Marie", "22200002")
	})
}

// Every frame the runtime wrote, spinners and intermediate ones included,
// is free of the password typed on the way to the dashboard.
func TestTeatestStreamHidesThePassword(t *testing.T) {
	t.Parallel()
	s := newTTSession(t)
	s.waitFor("Se connecter")
	s.Type("hugo.lefevre")
	s.key("enter")
	s.Type(dashHugoPassword)
	s.key("enter")
	var stream []byte
	teatest.WaitFor(t, s.Output(), func(out []byte) bool {
		stream = out
		return strings.Contains(ansi.Strip(string(out)), "Mon compte")
	}, teatest.WithDuration(waitLimit), teatest.WithCheckInterval(10*time.Millisecond))
	if bytes.Contains(stream, []byte(dashHugoPassword)) || len(stream) == 0 {
		t.Fatalf("the password reached the terminal, or nothing did:\n%q", stream)
	}
}
