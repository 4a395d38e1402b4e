package tui

import (
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
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

// BenchmarkKeyActivationPassword: one key press on the busiest screen, the
// password step of the activation (live checklist, dictionary, strength
// meter all re-run on each key); target under 1 ms.
func BenchmarkKeyActivationPassword(b *testing.B) {
	tm := newTestModel(b)
	tm.press("tab", "tab", "tab", "enter") // 1ère connexion
	tm.typeText("camille.martin")
	tm.press("enter")
	mails, err := tm.store.Outbox(b.Context(), data.OutboxFilter{To: "camille.martin@example.org", Limit: 1})
	if err != nil || len(mails) == 0 {
		b.Fatalf("no activation mail (%v)", err)
	}
	tm.typeText(codeRe.FindStringSubmatch(mails[0].Body)[1])
	tm.press("enter", "space", "tab", "enter", "enter")
	tm.requireScreen("étape 5 sur 5", "Robustesse")
	tm.typeText("Tournesol-Vif-202")
	keys := []tea.KeyMsg{keyMsg("6"), keyMsg("backspace")}
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

// BenchmarkFrame: the root model's View at 80×24 with colours, the work
// behind every echo.
func BenchmarkFrame(b *testing.B) {
	store, _ := newTestStore(b)
	r := colourRenderer()
	m := New(Options{Store: store, Renderer: r, Demo: true})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	for b.Loop() {
		_ = m.View()
	}
}
