package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// The body's lines kept from the last frame never show something stale:
// after keys and resizes, the frame is the one drawn with nothing kept.
func TestKeptBodyLinesDrawTheFrameAsNew(t *testing.T) {
	tm := newTestModel(t)
	check := func(what string) {
		t.Helper()
		kept := tm.Model.View()
		tm.Model.cache.body = bodyLines{}
		if fresh := tm.Model.View(); kept != fresh {
			t.Fatalf("%s: the frame from kept lines differs from a new one:\n%s\n--- new:\n%s", what, kept, fresh)
		}
	}
	tm.Model.View()
	tm.typeText("hugo.lefevre")
	check("typed")
	tm.press("backspace", "backspace")
	check("erased")
	tm.press("tab")
	tm.typeText("Kiosque")
	check("next field")
	tm.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	check("wider")
	tm.send(tea.WindowSizeMsg{Width: 70, Height: 20})
	check("narrower, clipped")
	tm.press("tab", "tab", "enter") // another screen
	check("another screen")
}
