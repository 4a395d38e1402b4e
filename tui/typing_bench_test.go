package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/screens"
)

// BenchmarkKeyHomeTyping: what the load program's typists do over SSH, on
// one session: "a" then backspace in home's empty identifiant field, in
// 256 colours, through the session's Update and View (the frame handed to
// DrawLines, as the SSH server's sessions have it). The server's write of
// the changed line is not in it.
func BenchmarkKeyHomeTyping(b *testing.B) {
	r := colourRenderer()
	tm := newTestModel(b, func(o *Options) { o.Renderer, o.Kiosk = r, false })
	drawn := 0
	sm := &sessionModel{m: tm.Model, s: Session{DrawLines: func([]string) { drawn++ }}, p: &Program{}}
	keys := []tea.KeyMsg{keyMsg("a"), keyMsg("backspace")}
	if _, ok := tm.Model.screen.(*screens.Home); !ok {
		b.Fatalf("not on home: %T", tm.Model.screen)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sm.Update(keys[i%2])
		sm.View()
	}
	if drawn == 0 {
		b.Fatal("no frame drawn")
	}
}
