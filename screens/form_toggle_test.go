package screens

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// Enter on a toggle: it ticks an unticked box; on a ticked box it is the
// form's main action when the toggle says so (the charter), and unticks it
// otherwise (the other toggles keep what their help lines say). Space and
// x always switch it.
func TestToggleEnter(t *testing.T) {
	t.Parallel()
	enter := tea.KeyMsg{Type: tea.KeyEnter}
	space := tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	for _, submits := range []bool{false, true} {
		f := NewForm(testCommon())
		tg := f.AddToggle("accept", "activation.charter.accept", false)
		tg.EnterSubmits = submits
		f.AddAction("continue", "activation.continue", false)
		f.FocusItem(tg)

		if ev := f.Update(enter); !tg.On || ev.Submit || !ev.Changed {
			t.Fatalf("submits=%v: Enter on an unticked box: on=%v %+v", submits, tg.On, ev)
		}
		ev := f.Update(enter)
		switch {
		case submits && (!ev.Submit || ev.Changed || !tg.On):
			t.Fatalf("Enter on the ticked box should submit and keep it ticked: on=%v %+v", tg.On, ev)
		case !submits && (ev.Submit || !ev.Changed || tg.On):
			t.Fatalf("Enter on a ticked plain toggle should untick it: on=%v %+v", tg.On, ev)
		}
		tg.On = true
		if ev := f.Update(space); tg.On || ev.Submit || !ev.Changed {
			t.Fatalf("submits=%v: Space on a ticked box: on=%v %+v", submits, tg.On, ev)
		}
		if ev := f.Update(runes("x")); !tg.On || ev.Submit {
			t.Fatalf("submits=%v: x on an unticked box: on=%v %+v", submits, tg.On, ev)
		}
	}
}
