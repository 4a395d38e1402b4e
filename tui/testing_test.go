package tui

import (
	"flag"
	"io"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
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
	"entkiosk/screens"
)

// Shared helpers of the tui tests (model tests, golden screens).

// parallelForDisk lets more parallel tests run at once than the machine
// has cores, unless -parallel is given: the tests wait on the disk far more
// than they compute (every store commits with synchronous=FULL, as in
// production; a screen test spends about a tenth of its time on the CPU).
func parallelForDisk() {
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.parallel" })
	if !given {
		flag.Set("test.parallel", strconv.Itoa(4*runtime.GOMAXPROCS(0)))
	}
}

// waitLimit bounds every wait of these tests: a failure, never a timing
// assertion (the machine is shared and slow).
const waitLimit = 20 * time.Second

// testNow is the fixed time of every screen test: a Wednesday morning.
var testNow = time.Date(2026, 11, 25, 10, 0, 0, 0, data.ParisLocation())

// testHasher keeps tests fast: real argon2id, tiny cost.
var testHasher = data.NewHasher(data.HashParams{MemoryKiB: 64, Time: 1, Threads: 1}, 4, 5*time.Second)

// newTestStore opens a store on a real file with the demo people loaded
// and a manual clock at testNow.
func newTestStore(t testing.TB) (*data.Store, *data.ManualClock) {
	t.Helper()
	clock := data.NewManualClock(testNow)
	s, err := data.Open(filepath.Join(t.TempDir(), "entkiosk.db"), data.Config{Clock: clock, Hasher: testHasher, Institution: institution.Demo(),
		LinkHost: "ent.umontpellier.fr", LinkPort: 2222})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.LoadDemo(t.Context()); err != nil {
		t.Fatal(err)
	}
	return s, clock
}

// asciiRenderer renders without colour, as golden files need.
func asciiRenderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	r.SetHasDarkBackground(true)
	return r
}

// colourRenderer renders in 256 colours on a dark background, as the
// SSH sessions of the benchmarks and of the frame-by-lines test draw.
func colourRenderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	r.SetHasDarkBackground(true)
	return r
}

// testModel is a root model on a test store, 80×24, kiosk and demo, with
// no timers (tests send idle ticks themselves) and a wall clock they move.
type testModel struct {
	*Model
	t     testing.TB
	store *data.Store
	clock *data.ManualClock // the store's clock
	wall  *data.ManualClock // the idle timer's clock
}

func newTestModel(t testing.TB, adjust ...func(*Options)) *testModel {
	t.Helper()
	store, clock := newTestStore(t)
	wall := data.NewManualClock(testNow)
	o := Options{Store: store, Renderer: asciiRenderer(), Lang: screens.French, Kiosk: true, Demo: true,
		Client: "kiosk:test", Now: wall.Now,
		Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }}
	for _, f := range adjust {
		f(&o)
	}
	tm := &testModel{Model: New(o), t: t, store: store, clock: clock, wall: wall}
	tm.settle(tm.Init())
	tm.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	return tm
}

// settle runs cmd and feeds its messages back, like the Bubble Tea runtime
// but synchronously and in order, until no command is left.
func (tm *testModel) settle(cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			tm.t.Fatal("settle: commands never end")
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
		default:
			if isSequence(msg) {
				queue = append(queue, sequenceCmds(msg)...)
				continue
			}
			_, next := tm.Model.Update(msg)
			queue = append(queue, next)
		}
	}
}

// send delivers one message and settles what it starts.
func (tm *testModel) send(msg tea.Msg) {
	_, cmd := tm.Model.Update(msg)
	tm.settle(cmd)
}

// press sends keys by name: "enter", "tab", "esc", "f1", "ctrl+c", or text.
func (tm *testModel) press(keys ...string) {
	for _, k := range keys {
		tm.send(keyMsg(k))
	}
}

// typeText types s one key at a time.
func (tm *testModel) typeText(s string) {
	for _, r := range s {
		tm.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// screen is the current frame as plain text, read as a person reads it:
// a no-break space (French typography, one cell) is a space. The goldens
// and the width sweep see the frame as drawn (rawScreen).
func (tm *testModel) screen() string { return asRead(tm.rawScreen()) }

// rawScreen is the current frame as plain text, as drawn.
func (tm *testModel) rawScreen() string { return ansi.Strip(tm.View()) }

// asRead turns no-break spaces into spaces.
func asRead(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }

// requireScreen fails unless the frame contains every one of want.
func (tm *testModel) requireScreen(want ...string) {
	tm.t.Helper()
	s := tm.screen()
	tm.requireFits(s)
	for _, w := range want {
		if !strings.Contains(s, asRead(w)) {
			tm.t.Fatalf("screen lacks %q:\n%s", w, s)
		}
	}
}

// requireFits fails when a line of the frame is wider than the terminal:
// the terminal would cut it (a refusal losing its end, an address its
// domain). Every screen a test looks at is checked.
func (tm *testModel) requireFits(s string) {
	tm.t.Helper()
	width := tm.Common().Width
	for i, line := range strings.Split(s, "\n") {
		if w := ansi.StringWidth(line); w > width {
			tm.t.Fatalf("line %d is %d columns wide, the terminal %d:\n%s", i+1, w, width, s)
		}
	}
}

// requireGolden compares the frame with testdata/<TestName>.golden
// (go test -update rewrites it).
func (tm *testModel) requireGolden() {
	tm.t.Helper()
	tm.requireFits(tm.rawScreen())
	golden.RequireEqual(tm.t, []byte(tm.rawScreen()))
}

var namedKeys = map[string]tea.KeyType{
	"enter": tea.KeyEnter, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab, "esc": tea.KeyEsc,
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight, "space": tea.KeySpace,
	"backspace": tea.KeyBackspace, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
	"f1": tea.KeyF1, "f2": tea.KeyF2, "f4": tea.KeyF4,
	"ctrl+c": tea.KeyCtrlC, "ctrl+d": tea.KeyCtrlD, "ctrl+z": tea.KeyCtrlZ, `ctrl+\`: tea.KeyCtrlBackslash,
	"ctrl+v": tea.KeyCtrlV,
}

func keyMsg(k string) tea.KeyMsg {
	if t, ok := namedKeys[k]; ok {
		if t == tea.KeySpace {
			return tea.KeyMsg{Type: t, Runes: []rune{' '}}
		}
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// tea.Sequence's message type is unexported: recognise it by its shape.
func isSequence(msg tea.Msg) bool {
	v := reflect.ValueOf(msg)
	return v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) &&
		v.Type().Name() == "sequenceMsg"
}

func sequenceCmds(msg tea.Msg) []tea.Cmd {
	v := reflect.ValueOf(msg)
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return out
}
