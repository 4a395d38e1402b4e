package screens

import (
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"entkiosk/data"
	"entkiosk/data/institution"
)

// The screens' flow tests drive one screen as the shell would: a store on
// a real file with the demo people and a manual clock, key messages, the
// screen's commands run in order until none is left. What the screen asks
// of the shell (open a page, go back) is recorded, not followed: routing
// is the shell's, tested in package tui. Goldens are the screen's body,
// without the shell's frame (banner, help line).

// flowNow is the fixed time of every flow test: a Wednesday morning.
var flowNow = time.Date(2026, 11, 25, 10, 0, 0, 0, data.ParisLocation())

// flowHasher keeps tests fast: real argon2id, tiny cost.
var flowHasher = data.NewHasher(data.HashParams{MemoryKiB: 64, Time: 1, Threads: 1}, 4, 5*time.Second)

// screenFlow is one screen on a test store, in a terminal of 80×24.
type screenFlow struct {
	t      testing.TB
	c      *Common
	store  *data.Store
	clock  *data.ManualClock
	screen Screen
	asked  []tea.Msg // NavigateMsg, BackMsg, LoginMsg… the shell would act on
}

// newFlow opens page as the shell opens it: a fresh screen, its Init, the
// terminal's size.
func newFlow(t testing.TB, page Page, adjust ...func(*Common)) *screenFlow {
	t.Helper()
	return newFlowOn(t, flowNow, NavigateMsg{Page: page}, adjust...)
}

// newFlowOn is newFlow on a store whose clock starts at now (its demo
// loaded then), the page opened as nav asks (a ticket, an identifiant).
func newFlowOn(t testing.TB, now time.Time, nav NavigateMsg, adjust ...func(*Common)) *screenFlow {
	t.Helper()
	clock := data.NewManualClock(now)
	s, err := data.Open(filepath.Join(t.TempDir(), "entkiosk.db"), data.Config{Clock: clock, Hasher: flowHasher,
		Institution: institution.Demo(), LinkHost: "ent.umontpellier.fr", LinkPort: 2222})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.LoadDemo(t.Context()); err != nil {
		t.Fatal(err)
	}
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	r.SetHasDarkBackground(true)
	c := &Common{Store: s, Styles: StylesFor(r), Lang: French, Client: "kiosk:test", Demo: true, Kiosk: true,
		Width: 80, Height: 24, Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }}
	for _, f := range adjust {
		f(c)
	}
	f := &screenFlow{t: t, c: c, store: s, clock: clock}
	f.screen = Open(c, nav)
	f.settle(f.screen.Init())
	f.send(tea.WindowSizeMsg{Width: c.Width, Height: c.Height})
	return f
}

// settle runs cmd and feeds its messages back, synchronously and in order,
// until no command is left.
func (f *screenFlow) settle(cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			f.t.Fatal("settle: commands never end")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case NavigateMsg, BackMsg, LoginMsg, LogoutMsg, QuitMsg:
			f.asked = append(f.asked, msg)
		case AccountMsg:
			// The shell keeps the account changed, then tells the screen.
			f.c.Account = msg.Account
			var next tea.Cmd
			f.screen, next = f.screen.Update(msg)
			queue = append(queue, next)
		default:
			if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Name() == "sequenceMsg" {
				for i := range v.Len() {
					queue = append(queue, v.Index(i).Interface().(tea.Cmd))
				}
				continue
			}
			var next tea.Cmd
			f.screen, next = f.screen.Update(msg)
			queue = append(queue, next)
		}
	}
}

// send delivers one message and settles what it starts.
func (f *screenFlow) send(msg tea.Msg) {
	var cmd tea.Cmd
	f.screen, cmd = f.screen.Update(msg)
	f.settle(cmd)
}

var flowKeys = map[string]tea.KeyType{
	"enter": tea.KeyEnter, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab, "esc": tea.KeyEsc,
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight, "space": tea.KeySpace,
	"backspace": tea.KeyBackspace, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
}

// press sends keys by name ("enter", "tab", "backspace"…), or text as one key.
func (f *screenFlow) press(keys ...string) {
	for _, k := range keys {
		if t, ok := flowKeys[k]; ok {
			msg := tea.KeyMsg{Type: t}
			if t == tea.KeySpace {
				msg.Runes = []rune{' '}
			}
			f.send(msg)
			continue
		}
		f.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
	}
}

// typeText types s one key at a time.
func (f *screenFlow) typeText(s string) {
	for _, r := range s {
		f.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// body is the screen as drawn, plain text; text is as a person reads it (a
// no-break space, French typography, is a space).
func (f *screenFlow) body() string { return ansi.Strip(f.screen.View()) }
func (f *screenFlow) text() string { return strings.ReplaceAll(f.body(), "\u00a0", " ") }

// require fails unless the body contains every one of want, and fits the
// terminal's width (a wider line would be cut).
func (f *screenFlow) require(want ...string) {
	f.t.Helper()
	f.requireWidth(f.c.Width)
	s := f.text()
	for _, w := range want {
		if !strings.Contains(s, strings.ReplaceAll(w, "\u00a0", " ")) {
			f.t.Fatalf("screen lacks %q:\n%s", w, s)
		}
	}
}

func (f *screenFlow) requireWidth(w int) {
	f.t.Helper()
	for i, line := range strings.Split(f.body(), "\n") {
		if n := ansi.StringWidth(line); n > w {
			f.t.Fatalf("line %d is %d cells wide, the terminal %d:\n%s", i+1, n, w, f.body())
		}
	}
}

// requireGolden compares the body with testdata/<TestName>.golden; with
// name, testdata/<TestName>/<name>.golden (go test -update rewrites them).
func (f *screenFlow) requireGolden(name ...string) {
	f.t.Helper()
	f.requireWidth(f.c.Width)
	tt := f.t.(*testing.T)
	if len(name) == 0 {
		golden.RequireEqual(tt, []byte(f.body()))
		return
	}
	tt.Run(name[0], func(st *testing.T) { golden.RequireEqual(st, []byte(f.body())) })
}

// lastAsked is the last thing the screen asked of the shell (nil: nothing).
func (f *screenFlow) lastAsked() tea.Msg {
	if len(f.asked) == 0 {
		return nil
	}
	return f.asked[len(f.asked)-1]
}

// open replaces the screen with page, freshly built, as the shell opens a
// page on top (F4 the mailbox, F1 Aide): Init, then the terminal's size.
func (f *screenFlow) open(page Page) { f.openNav(NavigateMsg{Page: page}) }

// openNav replaces the screen with the page nav asks for, as the shell
// follows a screen's NavigateMsg.
func (f *screenFlow) openNav(nav NavigateMsg) {
	f.screen = Open(f.c, nav)
	f.settle(f.screen.Init())
	f.send(tea.WindowSizeMsg{Width: f.c.Width, Height: f.c.Height})
}

// resize is the terminal changing size: the shell records it, then tells
// the screen.
func (f *screenFlow) resize(width, height int) {
	f.c.Width, f.c.Height = width, height
	f.send(tea.WindowSizeMsg{Width: width, Height: height})
}

// newLoggedIn is the dashboard of an account logged in through the store,
// as the shell opens it on a LoginMsg.
func newLoggedIn(t testing.TB, identifiant, password string, adjust ...func(*Common)) *screenFlow {
	t.Helper()
	f := newFlow(t, PageHome, adjust...)
	f.login(identifiant, password)
	return f
}

// login logs identifiant in through the store and opens the dashboard.
func (f *screenFlow) login(identifiant, password string) {
	f.t.Helper()
	a, err := f.store.Login(f.t.Context(), identifiant, password, f.c.Origin())
	if err != nil {
		f.t.Fatalf("%s cannot log in: %v", identifiant, err)
	}
	f.c.Account = a
	f.open(PageDashboard)
}
