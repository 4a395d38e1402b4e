package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"entkiosk/data"
	"entkiosk/screens"

	tea "github.com/charmbracelet/bubbletea"
)

// A registration not paid yet (Jean-Luc's DU) gets the university's words:
// whom to contact when something is wrong; a paid, valid one does not.
func TestLookupSaysWhomToContactWhenSomethingIsWrong(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		number, birth string
		want          bool
	}{{"22107777", "16112003", true}, {"21805555", "21112002", false}} {
		tm := newTestModel(t)
		tm.send(screens.NavigateMsg{Page: screens.PageLookup})
		tm.typeText(tc.number)
		tm.press("enter")
		tm.typeText(tc.birth)
		tm.press("enter")
		if got := strings.Contains(tm.screen(), "Contactez votre service de scolarité"); got != tc.want {
			t.Errorf("%s: says whom to contact %v, want %v:\n%s", tc.number, got, tc.want, tm.screen())
		}
	}
}

// The charter says how much was read once reading has started, never « lu à 0 % ».
func TestCharterNeverSaysZeroRead(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.camilleAtCharter()
	if strings.Contains(tm.screen(), "lu à 0") {
		t.Fatalf("« lu à 0 %% »:\n%s", tm.screen())
	}
	tm.press("pgdown")
	tm.requireScreen("(lu à ")
}

// The card reads itself again: on r, on a tab change, and every few
// seconds while open. A lock set from another terminal shows.
func TestHelpdeskCardRereads(t *testing.T) {
	t.Parallel()
	var ticks []func(time.Time) tea.Msg
	tm := newTestModel(t, func(o *Options) {
		o.Tick = func(d time.Duration, f func(time.Time) tea.Msg) tea.Cmd {
			if d == 5*time.Second {
				ticks = append(ticks, f)
			}
			return nil
		}
	})
	tm.hdLogin("ines.moreau", "Helpdesk-Demo-2026")
	tm.dashAction("Console assistance")
	tm.hdOpen("21805555")
	lock := func() {
		for range data.LoginFailuresBeforeLock {
			tm.clock.Advance(2 * time.Second)
			tm.store.Login(t.Context(), "hugo.lefevre", "Wrong-Password-7", data.Origin{Client: "kiosk:bu/tty2"})
		}
	}
	unlock := func() {
		tm.clock.Advance(time.Hour) // the lock is over
		tm.press("r")
		tm.requireScreen("connexion libre")
	}
	tm.requireScreen("connexion libre")

	lock()
	tm.press("r")
	tm.requireScreen("connexion verrouillée jusqu'à")

	unlock()
	lock()
	tm.press("2") // another tab
	tm.press("1")
	tm.requireScreen("connexion verrouillée jusqu'à")

	unlock()
	lock()
	if len(ticks) == 0 {
		t.Fatal("the card schedules no re-read")
	}
	n := len(ticks)
	tm.send(ticks[n-1](tm.clock.Now()))
	tm.requireScreen("connexion verrouillée jusqu'à")
	if len(ticks) <= n {
		t.Fatal("the re-reads stop after one")
	}
	if strings.Contains(tm.screen(), "n° 0") {
		t.Fatalf("« n° 0 »:\n%s", tm.screen())
	}
}

// The way out of a screen is never dropped from its help line, at any
// width; « Ctrl+C accueil » is on no help line (Aide says it); the console
// search shows one « › ».
func TestHelpLineKeepsTheWayOut(t *testing.T) {
	t.Parallel()
	for _, lang := range []screens.Lang{screens.French, screens.English} {
		tm := newTestModel(t, func(o *Options) { o.Lang = lang })
		back := map[screens.Lang]string{screens.French: "Échap retour", screens.English: "Esc back"}[lang]
		for _, page := range []screens.Page{screens.PageMailbox, screens.PageLookup, screens.PageActivation,
			screens.PageRecovery, screens.PageHelp} {
			tm.send(screens.NavigateMsg{})
			tm.send(screens.NavigateMsg{Page: page})
			for width := 60; width <= 120; width++ {
				tm.send(tea.WindowSizeMsg{Width: width, Height: 30})
				lines := strings.Split(tm.screen(), "\n")
				help := lines[len(lines)-1]
				if !strings.Contains(help, back) {
					t.Fatalf("%s page %d at %d columns: no %q in %q", lang, page, width, back, help)
				}
				if strings.Contains(help, "Ctrl+C") {
					t.Fatalf("%s page %d at %d columns: %q", lang, page, width, help)
				}
			}
		}
	}
	tm := hdConsole(t)
	tm.typeText("marie")
	tm.press("enter", "down")
	if n := strings.Count(tm.screen(), "›"); n != 1 {
		t.Fatalf("%d « › » on the search:\n%s", n, tm.screen())
	}
}

// The whole audit log at 100 columns keeps the poste whole; an IA lookup's
// lock (a number, no account) names the number in the Identifiant column.
func TestAuditLogPosteWholeAt100AndLookupRowsNamed(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	for i := range 6 {
		tm.clock.Advance(2 * time.Second)
		tm.store.Login(t.Context(), "jean-luc.dalembert", fmt.Sprintf("Wrong-%02d", i), data.Origin{Client: "kiosk:vm/pts/0"})
		tm.store.LookupRegistrations(t.Context(), "21901234", time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC),
			data.Origin{Client: "kiosk:vm/pts/0"})
	}
	tm.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	tm.press("tab", "enter")
	tm.requireScreen("Journal d'audit")
	s := tm.screen()
	if strings.Contains(s, "kiosk:vm/p…") || !strings.Contains(s, "kiosk:vm/pts/0") {
		t.Fatalf("poste cut at 100 columns:\n%s", s)
	}
	if !strings.Contains(s, "n° 21901234") {
		t.Fatalf("no number on the lookup's rows:\n%s", s)
	}
}
