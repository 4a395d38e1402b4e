package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/screens"
)

// submitHeld submits Hugo's login at home and holds its answer back: the
// session stays waiting for the password check. It returns the turn of the
// busy spinner the submission started.
func submitHeld(tm *testModel) spinner.TickMsg {
	tm.t.Helper()
	tm.typeText("hugo.lefevre")
	tm.press("enter")
	tm.typeText("Kiosque-Demo-2026")
	_, cmd := tm.Model.Update(keyMsg("enter"))
	var tick *spinner.TickMsg
	var run func(tea.Cmd)
	run = func(c tea.Cmd) {
		if c == nil {
			return
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				run(c)
			}
		case spinner.TickMsg:
			tick = &msg
		} // the answer: held back
	}
	run(cmd)
	if tick == nil || !tm.Model.screen.(screens.Waiter).Waiting() {
		tm.t.Fatalf("the login started no password check:\n%s", tm.screen())
	}
	return *tick
}

// whole is the frame drawn whole, the kept one set aside.
func (tm *testModel) whole() string {
	kept := tm.Model.wait
	tm.Model.wait = waitFrame{}
	defer func() { tm.Model.wait = kept }()
	return tm.Model.View()
}

// While a login waits, each turn of the spinner draws the busy line alone
// into the kept frame, and the frame is exactly the one drawn whole.
func TestWaitingFrameRedrawsOnlyTheBusyLine(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tick := submitHeld(tm)
	first := tm.Model.View()
	if tm.Model.wait.lines == nil {
		t.Fatal("no frame kept while the login waits")
	}
	seen := map[string]bool{first: true}
	for turn := range 4 {
		tm.Model.Update(tick) // tag 0: every turn of this spinner is taken
		if tm.Model.wait.lines == nil {
			t.Fatalf("turn %d: the spinner's turn dropped the kept frame", turn)
		}
		kept := tm.Model.View()
		if want := tm.whole(); kept != want {
			t.Fatalf("turn %d: kept frame\n%s\nwhole\n%s", turn, kept, want)
		}
		seen[kept] = true
	}
	if len(seen) < 4 {
		t.Fatalf("the spinner did not turn in the kept frame: %d frames", len(seen))
	}
	if !strings.Contains(tm.screen(), "Vérification") {
		t.Fatalf("no busy line:\n%s", tm.screen())
	}
}

// Anything but the busy spinner's turn, and colours changed without a
// message, draw the frame whole again.
func TestWaitingFrameDroppedOnAnythingElse(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tick := submitHeld(tm)
	tm.Model.View()
	for _, msg := range []tea.Msg{keyMsg("x"), spinner.TickMsg{ID: tick.ID + 1000}, idleTickMsg{}} {
		tm.Model.Update(tick)
		tm.Model.View()
		tm.Model.Update(msg)
		if tm.Model.wait.lines != nil {
			t.Fatalf("%T %v kept the frame", msg, msg)
		}
		if got, want := tm.Model.View(), tm.whole(); got != want {
			t.Fatalf("after %T: frame\n%s\nwhole\n%s", msg, got, want)
		}
	}
	tm.Model.Update(tick)
	tm.Model.View()
	light := asciiRenderer()
	light.SetHasDarkBackground(false)
	tm.Model.c.Styles = screens.StylesFor(light) // what a repaint does, with no message
	if tm.Model.wait.key.styles == tm.Model.c.Styles {
		t.Fatal("the light background's styles are the dark one's")
	}
	tm.Model.View()
	if tm.Model.wait.key.styles != tm.Model.c.Styles {
		t.Fatal("new colours drawn into the frame kept for the old ones")
	}
}

// BenchmarkWaitingFrame is a waiting session's frame a second: the busy
// spinner turns and the frame is drawn, kept or whole.
//
//	go test ./tui -run '^$' -bench WaitingFrame -benchmem
func BenchmarkWaitingFrame(b *testing.B) {
	for _, whole := range []bool{false, true} {
		name := "kept"
		if whole {
			name = "whole"
		}
		b.Run(name, func(b *testing.B) {
			tm := newTestModel(b)
			tick := submitHeld(tm)
			tm.Model.View()
			b.ReportAllocs()
			for b.Loop() {
				tm.Model.Update(tick)
				if whole {
					tm.Model.wait = waitFrame{}
				}
				tm.Model.View()
			}
		})
	}
}
