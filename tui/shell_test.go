package tui

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"entkiosk/data"
	"entkiosk/screens"
)

// Model tests of the shell: global keys, the idle wipe (with an injected
// clock and timers), panics, results for screens that were left, the frame.

// fakeTimers replaces Options.Tick: a timer is pending once its command
// ran, and fires when the test says so.
type fakeTimers struct{ pending []func(time.Time) tea.Msg }

func (f *fakeTimers) tick(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	return func() tea.Msg { f.pending = append(f.pending, fn); return nil }
}

// idle counts the pending idle timers.
func (f *fakeTimers) idle() int {
	n := 0
	for _, fn := range f.pending {
		if _, ok := fn(time.Time{}).(idleTickMsg); ok {
			n++
		}
	}
	return n
}

// fireIdle fires the pending idle timers.
func (tm *testModel) fireIdle(f *fakeTimers) {
	tm.t.Helper()
	var keep []func(time.Time) tea.Msg
	var fire []tea.Msg
	for _, fn := range f.pending {
		if msg, ok := fn(tm.wall.Now()).(idleTickMsg); ok {
			fire = append(fire, msg)
		} else {
			keep = append(keep, fn)
		}
	}
	if len(fire) == 0 {
		tm.t.Fatal("no idle timer pending")
	}
	f.pending = keep
	for _, msg := range fire {
		tm.send(msg)
	}
}

func newIdleModel(t *testing.T, adjust ...func(*Options)) (*testModel, *fakeTimers, *int) {
	timers := &fakeTimers{}
	cleared := new(int)
	tm := newTestModel(t, append([]func(*Options){func(o *Options) {
		o.Tick = timers.tick
		o.ClearScrollback = func() { *cleared++ }
	}}, adjust...)...)
	return tm, timers, cleared
}

func (tm *testModel) login() {
	tm.t.Helper()
	tm.typeText("hugo.lefevre")
	tm.press("enter")
	tm.typeText("Kiosque-Demo-2026")
	tm.press("enter")
	if tm.Common().Account == nil {
		tm.t.Fatalf("not logged in:\n%s", tm.screen())
	}
}

func (tm *testModel) requireHomeWiped() {
	tm.t.Helper()
	if !tm.atHome() {
		tm.t.Fatalf("not at home: %T, stack %d", tm.Screen(), len(tm.stack))
	}
	if tm.Common().Account != nil {
		tm.t.Fatal("still logged in")
	}
	s := tm.screen()
	if strings.Contains(s, "hugo") || strings.Contains(s, "Connecté") || strings.Contains(s, "•") {
		tm.t.Fatalf("something of the previous person is on screen:\n%s", s)
	}
}

func (tm *testModel) audit(ident string) []data.AuditEntry {
	tm.t.Helper()
	entries, err := tm.store.AuditLog(context.Background(), data.AuditFilter{Identifiant: ident})
	if err != nil {
		tm.t.Fatal(err)
	}
	return entries
}

func hasEvent(entries []data.AuditEntry, ev data.Event, outcome string) bool {
	for _, e := range entries {
		if e.Event == ev && (outcome == "" || e.Outcome == outcome) {
			return true
		}
	}
	return false
}

// --- keys that never end a kiosk

func TestKioskNeverQuitsOnKeys(t *testing.T) {
	t.Parallel()
	for _, k := range []string{"ctrl+c", "ctrl+d", "ctrl+z", `ctrl+\`} {
		t.Run(k, func(t *testing.T) {
			tm, _, cleared := newIdleModel(t)
			tm.login()
			_, cmd := tm.Model.Update(keyMsg(k))
			if isQuit(cmd) {
				t.Fatalf("%s quits a kiosk", k)
			}
			tm.settle(cmd)
			tm.requireHomeWiped()
			if !hasEvent(tm.audit("hugo.lefevre"), data.EventLogout, "home key") {
				t.Fatal("no audit LOGOUT")
			}
			if *cleared == 0 {
				t.Fatal("scrollback not cleared")
			}
			// At home too: nothing quits.
			tm.typeText("x")
			_, cmd = tm.Model.Update(keyMsg(k))
			if isQuit(cmd) {
				t.Fatalf("%s at home quits a kiosk", k)
			}
			tm.settle(cmd)
			tm.requireScreen("Se connecter")
			if tm.quitting {
				t.Fatal("quitting")
			}
		})
	}
}

// isQuit runs cmd's messages one level deep looking for tea.Quit.
func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if isQuit(c) {
				return true
			}
		}
	}
	return false
}

func TestEscGoesBackNeverQuits(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.press("esc", "esc")
	tm.requireScreen("Se connecter")
	tm.press("tab", "tab", "tab", "enter") // 1ère connexion
	if tm.atHome() {
		t.Fatal("1ère connexion did not open")
	}
	tm.press("esc")
	if !tm.atHome() {
		t.Fatalf("esc did not go back home: %T", tm.Screen())
	}
}

func TestQuitOnlyWhenAllowed(t *testing.T) {
	t.Parallel()
	allow := func(o *Options) { o.AllowQuit = true }
	tm := newTestModel(t, allow)
	tm.requireScreen("Ctrl+C quitter")
	if _, cmd := tm.Model.Update(keyMsg("ctrl+c")); !isQuit(cmd) {
		t.Fatal("--allow-quit: ctrl+c at home does not quit")
	}
	personal := newTestModel(t, func(o *Options) { o.Kiosk = false })
	personal.press("tab", "tab") // on the button: q is not typing
	if _, cmd := personal.Model.Update(keyMsg("q")); !isQuit(cmd) && !isQuitMsg(cmd) {
		t.Fatal("personal session: q at home does not quit")
	}
	kiosk := newTestModel(t)
	kiosk.requireScreen("Se connecter")
	if strings.Contains(kiosk.screen(), "quitter") {
		t.Fatal("a kiosk advertises quitting")
	}
	kiosk.press("tab", "tab", "q")
	if kiosk.quitting {
		t.Fatal("q quits a kiosk")
	}
}

func isQuitMsg(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		for _, c := range b {
			if isQuitMsg(c) {
				return true
			}
		}
		return false
	}
	_, ok := msg.(screens.QuitMsg)
	return ok
}

// --- the idle wipe

func TestIdleWipe(t *testing.T) {
	t.Parallel()
	tm, timers, cleared := newIdleModel(t)
	if n := timers.idle(); n != 0 {
		t.Fatalf("an untouched home has %d idle timer(s)", n)
	}
	tm.login()
	tm.press("f2") // the person chose English: the next one gets French again
	if timers.idle() != 1 {
		t.Fatalf("%d idle timers after keys, want exactly 1", timers.idle())
	}

	// 60 s later, redraws and results do not count as activity.
	tm.wall.Advance(60 * time.Second)
	tm.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	tm.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	tm.send(screens.AccountMsg{Account: tm.Common().Account})
	tm.wall.Advance(30 * time.Second) // 90 s without a key
	tm.fireIdle(timers)
	tm.requireScreen("back to the home screen in 30 s")

	tm.wall.Advance(10 * time.Second)
	tm.fireIdle(timers)
	tm.requireScreen("back to the home screen in 20 s")

	// A key stops the countdown.
	tm.press("q")
	if strings.Contains(tm.screen(), "home screen in") {
		t.Fatal("the countdown is still shown after a key")
	}
	// The timer pending from before sees the key and waits again.
	tm.wall.Advance(20 * time.Second)
	tm.fireIdle(timers)
	tm.requireScreen("Logged in")

	// Then nothing for 120 s since that key: wiped.
	tm.wall.Advance(70 * time.Second)
	tm.fireIdle(timers) // 30 s left: countdown
	tm.requireScreen("in 30 s")
	for range 30 {
		tm.wall.Advance(time.Second)
		tm.fireIdle(timers)
	}
	tm.requireHomeWiped()
	tm.requireScreen("Connexion à votre compte ENT") // French again
	if *cleared == 0 {
		t.Fatal("scrollback not cleared")
	}
	if !hasEvent(tm.audit("hugo.lefevre"), data.EventLogout, "idle") {
		t.Fatal("no audit LOGOUT (idle)")
	}
	// The wiped home costs nothing: no timer left once the last one fired.
	if timers.idle() > 0 {
		tm.wall.Advance(time.Minute)
		tm.fireIdle(timers)
	}
	if n := timers.idle(); n != 0 {
		t.Fatalf("%d idle timers on a wiped home", n)
	}
}

// The key that stops the countdown also does what it does: a letter typed
// just as the countdown appears is not lost, nor the ones after it.
func TestCountdownKeyStopsAndCounts(t *testing.T) {
	t.Parallel()
	tm, timers, _ := newIdleModel(t)
	tm.typeText("camille")
	tm.wall.Advance(95 * time.Second)
	tm.fireIdle(timers)
	tm.requireScreen("retour à l'accueil dans 25 s")
	tm.typeText(".martin")
	tm.requireScreen("┃ camille.martin ")
	if strings.Contains(tm.screen(), "retour à l'accueil") {
		t.Fatalf("the countdown stayed after a key:\n%s", tm.screen())
	}
	// The key counts as activity: a full timeout again before the wipe.
	tm.wall.Advance(89 * time.Second)
	tm.fireIdle(timers)
	tm.requireScreen("┃ camille.martin ")
	if strings.Contains(tm.screen(), "retour à l'accueil") {
		t.Fatalf("countdown before its time:\n%s", tm.screen())
	}
}

// A short --idle keeps its countdown short: with 40 s, 20 s of warning, so
// someone typing every few seconds never sees it.
func TestShortIdleShortCountdown(t *testing.T) {
	t.Parallel()
	tm, timers, _ := newIdleModel(t, func(o *Options) { o.IdleTimeout = 40 * time.Second })
	for _, r := range "camille.martin" {
		tm.press(string(r))
		tm.wall.Advance(3 * time.Second)
		tm.fireIdle(timers)
		if strings.Contains(tm.screen(), "retour à l'accueil") {
			t.Fatalf("countdown while typing:\n%s", tm.screen())
		}
	}
	tm.requireScreen("┃ camille.martin ")
	tm.wall.Advance(17 * time.Second) // 20 s since the last key
	tm.fireIdle(timers)
	tm.requireScreen("retour à l'accueil dans 20 s")
	tm.press("f1", "up", "up")
	tm.requireScreen("› Borne et confidentialité", "après 40\u00a0s sans toucher le clavier", "s'affiche les 20 ")
}

func TestIdleWipeClearsFieldsWithoutLogin(t *testing.T) {
	t.Parallel()
	tm, timers, _ := newIdleModel(t, func(o *Options) { o.IdleTimeout = 40 * time.Second })
	tm.typeText("camille.martin")
	tm.press("enter")
	tm.typeText("secret")
	tm.wall.Advance(20 * time.Second)
	tm.fireIdle(timers)
	tm.requireScreen("retour à l'accueil dans 20 s")
	tm.wall.Advance(20 * time.Second)
	tm.fireIdle(timers)
	tm.requireScreen("Se connecter")
	if s := tm.screen(); strings.Contains(s, "camille") || strings.Contains(s, "••••") {
		t.Fatalf("fields not wiped:\n%s", s)
	}
}

func TestPersonalSessionEndsWhenIdle(t *testing.T) {
	t.Parallel()
	tm, timers, _ := newIdleModel(t, func(o *Options) { o.Kiosk = false })
	tm.typeText("x")
	tm.wall.Advance(2 * time.Minute)
	_, cmd := tm.Model.Update(idleTickMsg{})
	timers.pending = nil
	if !isQuit(cmd) {
		t.Fatal("an idle personal session is not closed")
	}
}

// A personal session (over SSH) is closed when idle, not sent home: its
// countdown says so.
func TestPersonalCountdownSaysTheSessionCloses(t *testing.T) {
	t.Parallel()
	tm, timers, _ := newIdleModel(t, func(o *Options) { o.Kiosk = false })
	tm.typeText("camille")
	tm.wall.Advance(95 * time.Second)
	tm.fireIdle(timers)
	tm.requireScreen("Inactivité : fermeture de la session dans 25 s (une touche pour rester)")
	if strings.Contains(tm.screen(), "accueil dans") {
		t.Fatalf("a personal session announces a return home:\n%s", tm.screen())
	}
	tm.press("f2") // stops the countdown, and switches to English
	tm.wall.Advance(100 * time.Second)
	tm.fireIdle(timers)
	tm.requireScreen("Inactive: the session closes in 20 s (press a key to stay)")
}

// --- robustness of the root

// panicky is a screen that panics where it is told to.
type panicky struct {
	where string
	ran   *bool
}

func (p *panicky) Init() tea.Cmd { return nil }
func (p *panicky) Update(msg tea.Msg) (screens.Screen, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); !ok {
		return p, nil
	}
	switch p.where {
	case "update":
		panic("boom in update")
	case "command":
		return p, func() tea.Msg { panic("boom in command") }
	case "batch":
		return p, tea.Batch(func() tea.Msg { return nil }, func() tea.Msg { panic("boom in batch") })
	case "sequence":
		return p, tea.Sequence(func() tea.Msg { panic("boom in sequence") })
	}
	return p, nil
}
func (p *panicky) View() string {
	if p.where == "view" {
		panic("boom in view")
	}
	return "panicky"
}
func (p *panicky) Keys() []key.Binding { return nil }
func (p *panicky) HelpTopic() string   { return "home" }

func TestPanicInAScreenWipesHome(t *testing.T) {
	t.Parallel()
	for _, where := range []string{"update", "command", "batch", "sequence", "view"} {
		t.Run(where, func(t *testing.T) {
			tm, _, _ := newIdleModel(t)
			tm.login()
			tm.Model.stack = append(tm.Model.stack, tm.Model.screen)
			tm.Model.screen = &panicky{where: where}
			if where == "view" {
				s := ansi.Strip(tm.View())
				if !strings.Contains(s, "Se connecter") {
					t.Fatalf("after a panic in View:\n%s", s)
				}
				time.Sleep(50 * time.Millisecond) // the logout is told from a goroutine
			} else {
				tm.press("x")
			}
			tm.requireHomeWiped()
			tm.typeText("still-alive")
			tm.requireScreen("still-alive")
			if where != "view" && !hasEvent(tm.audit("hugo.lefevre"), data.EventLogout, "panic") {
				t.Fatal("no audit LOGOUT (panic)")
			}
		})
	}
}

// A result that arrives for a screen that was wiped is ignored.
func TestResultForAWipedScreenIsIgnored(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.typeText("hugo.lefevre")
	tm.press("enter")
	tm.typeText("Kiosque-Demo-2026")
	_, loginCmd := tm.Model.Update(keyMsg("enter")) // the login runs...
	tm.press("ctrl+c")                              // ...the person leaves
	tm.settle(loginCmd)                             // its result arrives
	tm.requireHomeWiped()
}

// A screen left for Aide during a login gets its result: not stuck busy.
func TestResultReachesAStackedScreen(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.typeText("hugo.lefevre")
	tm.press("enter")
	tm.typeText("wrong-password-1")
	_, loginCmd := tm.Model.Update(keyMsg("enter"))
	tm.press("f1")
	if tm.atHome() {
		t.Fatal("F1 did not open help")
	}
	tm.settle(loginCmd)
	tm.press("esc")
	tm.requireScreen("Identifiant ou mot de passe incorrect.")
	tm.typeText("Kiosque-Demo-2026")
	tm.press("enter")
	if tm.Common().Account == nil {
		t.Fatalf("home stayed busy:\n%s", tm.screen())
	}
}

// --- the frame

func TestLanguageSwitchAnyTime(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.typeText("hugo.lefevre")
	tm.press("f2")
	tm.requireScreen("Log in to your ENT account", "Password", "hugo.lefevre", "F2 Français", "EN")
	tm.press("f2")
	tm.requireScreen("Connexion à votre compte ENT", "F2 English", "hugo.lefevre")
	en := newTestModel(t, func(o *Options) { o.Lang = screens.English })
	en.requireScreen("Log in to your ENT account")
}

// The help line is never cut at 80 columns, wherever the focus is.
func TestHelpLineFitsAt80(t *testing.T) {
	t.Parallel()
	for _, lang := range []screens.Lang{screens.French, screens.English} {
		for _, kiosk := range []bool{true, false} {
			tm := newTestModel(t, func(o *Options) { o.Lang = lang; o.Kiosk = kiosk })
			for range 8 {
				lines := strings.Split(tm.screen(), "\n")
				help := lines[len(lines)-1]
				if strings.Contains(help, "…") || lipgloss.Width(strings.TrimRight(help, " ")) > 79 {
					t.Fatalf("%s kiosk=%v: help line cut: %q", lang, kiosk, help)
				}
				if len(lines) != 23 {
					t.Fatalf("frame of %d lines, want 23", len(lines))
				}
				tm.press("tab")
			}
		}
	}
}

// Too many keys for the width: the least useful go, the line is never cut.
func TestHelpLineDropsLeastUseful(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	line := tm.helpLine(40)
	if strings.Contains(line, "…") || lipgloss.Width(line) > 40 {
		t.Fatalf("help line at 40: %q", line)
	}
	if !strings.Contains(line, "Tab suivant") {
		t.Fatalf("the screen's own key was dropped first: %q", line)
	}
}

// On a demo kiosk F4 is how a newcomer reads the code just sent: when the
// help line is too long, other keys go first, on every page.
func TestHelpLineKeepsTheMailboxOnDemo(t *testing.T) {
	t.Parallel()
	for _, lang := range []screens.Lang{screens.French, screens.English} {
		tm := newTestModel(t, func(o *Options) { o.Lang = lang })
		// F3, named first on every line, takes the room F4 had at 80
		// columns on the busiest lines: checked where a kiosk's screen is wider.
		tm.send(tea.WindowSizeMsg{Width: 100, Height: 24})
		for _, page := range layoutPages {
			tm.send(screens.NavigateMsg{Page: page})
			for range 4 {
				lines := strings.Split(tm.screen(), "\n")
				help := lines[len(lines)-1]
				_, inMailbox := tm.Screen().(*screens.Mailbox)
				if strings.Contains(help, "F4") == inMailbox {
					t.Fatalf("%s page %d: help line %q (F4 in the mailbox: %v)", lang, page, help, inMailbox)
				}
				tm.press("tab")
			}
			tm.press("esc")
		}
	}
	// Not a demo: no F4, and the keys it would have taken stay.
	tm := newTestModel(t, func(o *Options) { o.Demo = false })
	tm.send(tea.WindowSizeMsg{Width: 100, Height: 24})
	tm.send(screens.NavigateMsg{Page: screens.PageActivation})
	tm.requireScreen("Échap retour · F1 aide · F2 English")
}

func TestStatusLineIsCleaned(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.Common().Account = &data.Account{Identifiant: "evil\x1b]52;c;ZXZpbA==\x07\u202e@etu.umontpellier.fr"}
	out := tm.View()
	if strings.Contains(out, "]52") || strings.Contains(out, "\u202e") {
		t.Fatalf("status line not cleaned: %q", out)
	}
	tm.requireScreen("Connecté : evil@etu.umontpellier.fr")

	// An identifiant longer than the line is cut, never wrapped onto the help line.
	tm.Common().Account = &data.Account{Identifiant: strings.Repeat("x", 200) + "@etu.umontpellier.fr"}
	lines := strings.Split(tm.screen(), "\n")
	if len(lines) != 23 || lipgloss.Width(lines[21]) > 80 || !strings.HasSuffix(strings.TrimSpace(lines[21]), "…") {
		t.Fatalf("long status line: %d lines, %q", len(lines), lines[21])
	}
}

func TestSmallTerminal(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.send(tea.WindowSizeMsg{Width: 70, Height: 20})
	tm.requireScreen("Se connecter", "Agrandissez la fenêtre")
	if n := len(strings.Split(tm.screen(), "\n")); n > 20 {
		t.Fatalf("frame of %d lines at 70×20", n)
	}
	tm.send(tea.WindowSizeMsg{Width: 50, Height: 12})
	tm.requireScreen("Agrandissez la fenêtre", "50 × 12")
	tm.typeText("blind")
	tm.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if strings.Contains(tm.screen(), "blind") || strings.Contains(tm.screen(), "Agrandissez") {
		t.Fatalf("typed blind, or the hint stayed:\n%s", tm.screen())
	}
	tm.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if n := len(strings.Split(tm.screen(), "\n")); n > 40 || n < 39 {
		t.Fatalf("frame of %d lines at 120×40", n)
	}
}

// At the smallest size a screen is drawn in (60 × 16, a phone held
// upright), the focused item is on screen even when the screen is taller:
// Aide on home and the code's box of a reset were below the cut, Enter
// and typing went to them unseen.
func TestSmallTerminalShowsFocus(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.send(tea.WindowSizeMsg{Width: 60, Height: 16})
	tm.requireScreen("Connexion à votre compte ENT", "› Identifiant")
	for range 6 { // Identifiant → … → Aide
		tm.press("tab")
	}
	tm.requireScreen("Connexion à votre compte ENT", "› Aide")
	if n := len(strings.Split(tm.screen(), "\n")); n > 16 {
		t.Fatalf("frame of %d lines at 60×16", n)
	}
	tm.press("tab") // back to the top: home as it was
	tm.requireScreen("Connexion à votre compte ENT", "› Identifiant", "Mot de passe", "[ Se connecter ]")
}

// --- the input guard

// readAll reads r through buffers of n bytes, as Bubble Tea does (256).
func readAll(t *testing.T, r io.Reader, n int) string {
	t.Helper()
	var out bytes.Buffer
	buf := make([]byte, n)
	for {
		k, err := r.Read(buf)
		out.Write(buf[:k])
		if err == io.EOF {
			return out.String()
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestInputGuard(t *testing.T) {
	t.Parallel()
	clock := data.NewManualClock(testNow)
	guard := func(s string) *inputGuard { return newInputGuard(strings.NewReader(s), clock.Now) }

	typed := "hugo.lefevre\rKiosque-Demo-2026\r\x1b[A\x1bOQ"
	if got := readAll(t, guard(typed), 256); got != typed {
		t.Fatalf("typing changed: %q", got)
	}

	// A paste keeps its first pasteLimit bytes, and its end; what follows passes.
	body := strings.Repeat("p", 100_000)
	for _, n := range []int{13, 256, 4096} { // markers split across reads, or not
		got := readAll(t, guard("\x1b[200~"+body+"\x1b[201~ok"), n)
		want := "\x1b[200~" + body[:pasteLimit] + "\x1b[201~ok"
		if got != want {
			t.Fatalf("reads of %d: paste of %d bytes kept as %d bytes, ends %q", n, len(body), len(got), got[max(0, len(got)-12):])
		}
	}

	// A flood outside pastes: a burst passes, then a trickle while it goes on.
	flood := guard(strings.Repeat("A\t", 1<<19))
	if got := readAll(t, flood, 256); len(got) != floodBurst {
		t.Fatalf("flood: %d bytes kept, want %d", len(got), floodBurst)
	}

	// A run of characters longer than any field: its first maxRun bytes,
	// cut before a character, then what follows the next control byte.
	run := strings.Repeat("é", maxRun) // 2 bytes each
	if got := readAll(t, guard(run+"\rok"), 256); got != run[:maxRun]+"\rok" {
		t.Fatalf("long run kept as %d bytes, ends %q", len(got), got[max(0, len(got)-8):])
	}
	odd := "x" + run // the limit falls inside a character: it is kept whole
	if got := readAll(t, guard(odd+"\r"), 256); got != odd[:maxRun+1]+"\r" {
		t.Fatalf("run cut inside a character: ends %q", got[max(0, len(got)-8):])
	}
	clock.Advance(time.Second)
	g := newInputGuard(strings.NewReader("after"), clock.Now)
	g.tokens, g.last = 0, testNow // as the guard was left by the flood, a second ago
	if got := readAll(t, g, 256); got != "after" {
		t.Fatalf("keys after a flood: %q", got)
	}
}

// Whatever the input and the size of the reads, the guard never writes
// past the caller's buffer (a panic there would end the kiosk).
func FuzzInputGuard(f *testing.F) {
	f.Add([]byte("\x1b[200~"+strings.Repeat("x", pasteLimit+3)+"\x1b[201~abcdefghijkl"), uint8(9))
	f.Add([]byte("hugo\r\x1b[A"), uint8(1))
	f.Fuzz(func(t *testing.T, in []byte, size uint8) {
		g := newInputGuard(bytes.NewReader(in), data.NewManualClock(testNow).Now)
		g.pasted = pasteLimit - 2 // reach the limit soon
		readAll(t, g, int(size%32)+1)
	})
}

// While the login runs: a spinner, and keys typed ahead are dropped (they
// never land in a field, where a password would show in clear).
func TestHomeBusyDropsKeys(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.typeText("hugo.lefevre")
	tm.press("enter")
	tm.typeText("wrong-password-1")
	_, loginCmd := tm.Model.Update(keyMsg("enter"))
	tm.requireScreen("Vérification…")
	tm.typeText("Typed-Ahead-9")
	tm.press("enter")
	tm.settle(loginCmd)
	tm.requireScreen("Identifiant ou mot de passe incorrect.")
	if strings.Contains(tm.screen(), "Typed-Ahead") || strings.Contains(tm.screen(), "•") {
		t.Fatalf("keys typed while busy landed:\n%s", tm.screen())
	}
}

// Esc from the dashboard back to the login page ends the session: nobody
// is left logged in behind a login form.
func TestBackToHomeLogsOut(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.login()
	tm.send(screens.BackMsg{})
	tm.requireHomeWiped()
	if !hasEvent(tm.audit("hugo.lefevre"), data.EventLogout, "") {
		t.Fatal("no audit LOGOUT")
	}
	tm.login()
	tm.send(screens.NavigateMsg{Page: screens.PageHome, Notice: "recovery.pending.notice"})
	if tm.Common().Account != nil {
		t.Fatal("home with someone still logged in")
	}
	tm.requireScreen("ℹ Votre compte n'a jamais été activé")
	// The notice is a catalogue key: F2 says it in English.
	tm.press("f2")
	tm.requireScreen("ℹ Your account was never activated")
}

// Esc then Ctrl+C typed quickly arrive as alt+ctrl+c: still home.
func TestAltHomeKeys(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.login()
	tm.send(tea.KeyMsg{Type: tea.KeyCtrlC, Alt: true})
	tm.requireHomeWiped()
}

// A personal session is one person from its first key to its last: the
// language they chose stays through Ctrl+C and a logout (over SSH, an
// English speaker was sent back to French). A kiosk's wipe is for the
// next person: its language goes back to the kiosk's.
func TestWipeKeepsLanguageOnlyOnPersonalSession(t *testing.T) {
	t.Parallel()
	personal := newTestModel(t, func(o *Options) { o.Kiosk = false })
	personal.press("f2")
	personal.send(screens.NavigateMsg{Page: screens.PageActivation})
	personal.requireScreen("First login")
	personal.press("ctrl+c")
	personal.requireHomeWiped()
	personal.requireScreen("Log in to your ENT account", "F2 Français")
	personal.login()
	personal.dashAction("Log out")
	if personal.Common().Account != nil {
		t.Fatal("still logged in")
	}
	personal.requireScreen("Log in to your ENT account")

	kiosk := newTestModel(t)
	kiosk.press("f2")
	kiosk.send(screens.NavigateMsg{Page: screens.PageActivation})
	kiosk.press("ctrl+c")
	kiosk.requireHomeWiped()
	kiosk.requireScreen("Connexion à votre compte ENT", "F2 English")
}
