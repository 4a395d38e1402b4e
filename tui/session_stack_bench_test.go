package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// BenchmarkKeyHomeSession: one key press on home as a remote session
// draws it, through onOwnStack for Update and View (BenchmarkKeyHome
// without the session's wrapping): what a helper goroutine's stack costs
// on each key.
func BenchmarkKeyHomeSession(b *testing.B) {
	tm := newTestModel(b)
	tm.typeText("hugo.lefevre")
	tm.press("tab")
	tm.typeText("Kiosque-Demo")
	drawn := 0
	sm := &sessionModel{m: tm.Model, s: Session{Draw: func(string) { drawn++ }}, p: &Program{}}
	keys := []tea.KeyMsg{keyMsg("x"), keyMsg("backspace")}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		sm.Update(keys[i%2])
		sm.View()
	}
	if drawn != b.N {
		b.Fatalf("%d frames drawn for %d keys", drawn, b.N)
	}
}
