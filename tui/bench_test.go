package tui

import (
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// BenchmarkKeyHome: one key press through the root's Update and View on
// home with both fields filled (target: under 1 ms).
func BenchmarkKeyHome(b *testing.B) {
	tm := newTestModel(b)
	tm.typeText("hugo.lefevre")
	tm.press("tab")
	tm.typeText("Kiosque-Demo")
	keys := []tea.KeyMsg{keyMsg("x"), keyMsg("backspace")}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		tm.Model.Update(keys[i%2])
		_ = tm.Model.View()
	}
}

// BenchmarkStartToFirstFrame: from starting the built binary in a
// pseudo-terminal to home on its screen (target: under 150 ms).
func BenchmarkStartToFirstFrame(b *testing.B) {
	first := startKiosk(b, nil) // creates the store and loads the demo once
	first.waitFor("Se connecter")
	first.cmd.Process.Signal(syscall.SIGTERM)
	first.waitExit()
	b.ResetTimer()
	var total time.Duration
	for range b.N {
		start := time.Now()
		k := startKioskDB(b, first.db, nil)
		k.waitFor("Se connecter")
		total += time.Since(start)
		b.StopTimer()
		k.cmd.Process.Signal(syscall.SIGTERM)
		k.waitExit()
		b.StartTimer()
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/start")
}
