package tui

import (
	"strings"
	"testing"
)

// A remote session's screen writer gets the frame by lines: each a line of
// the terminal (never two), together the frame View draws, through typing,
// a move, F2, help and a wrong login.
func TestSessionDrawsTheFrameByLines(t *testing.T) {
	r := colourRenderer()
	tm := newTestModel(t, func(o *Options) { o.Renderer, o.Kiosk = r, false })
	var got []string
	sm := &sessionModel{m: tm.Model, s: Session{DrawLines: func(l []string) { got = l }}, p: &Program{}}
	check := func(what string) {
		t.Helper()
		for i, l := range got {
			if strings.Contains(l, "\n") {
				t.Fatalf("%s: line %d holds a line break: %q", what, i, l)
			}
		}
		if want := tm.Model.c.BodyHeight() + 4; len(got) != want { // banner, rule, body, status, help
			t.Fatalf("%s: %d lines, want %d", what, len(got), want)
		}
		if want := tm.Model.View(); strings.Join(got, "\n") != want {
			t.Fatalf("%s: the lines are not the frame:\n%s\n---\n%s", what, strings.Join(got, "\n"), want)
		}
	}
	for _, k := range []string{"h", "u", "g", "o", "backspace", "tab", "x", "f2", "f2", "enter", "f1", "esc"} {
		sm.Update(keyMsg(k))
		sm.View()
		check("after " + k)
	}
}
