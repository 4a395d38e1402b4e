package screens

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// A field drawn with the kept spans is the field lipgloss draws, in every
// colour profile and background, for every value, cursor place, focus,
// secret or not: each form is drawn with the shared styles and with a copy
// of them that keeps nothing (lipgloss draws everything there).
func TestKeptFieldsAreDrawnAsLipglossDoes(t *testing.T) {
	values := []string{"a", "hugo.lefevre", "é👍🏽漢字 x", strings.Repeat("m", 39), strings.Repeat("m", 40),
		strings.Repeat("m", 41), strings.Repeat("漢", 20), strings.Repeat("漢", 21), "mot de passe"}
	moves := [][]string{nil, {"left"}, {"home"}, {"home", "right"}, {"left", "left", "left"}}
	kept := 0
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.ANSI, termenv.ANSI256, termenv.TrueColor} {
		for _, dark := range []bool{true, false} {
			r := lipgloss.NewRenderer(nil)
			r.SetColorProfile(profile)
			r.SetHasDarkBackground(dark)
			st := StylesFor(r)
			plain := *st
			plain.rendered = nil // nothing kept: lipgloss draws
			for _, lang := range []Lang{French, English} {
				c, drawn := &Common{Styles: st, Lang: lang}, &Common{Styles: &plain, Lang: lang}
				check := func(what string, f *Form, items ...*Input) {
					t.Helper()
					for i, in := range items {
						focused := f.Focused() == any(in)
						got, want := in.view(c, focused), in.view(drawn, focused)
						if got != want {
							t.Fatalf("%v dark=%v %s, %s, field %d (focused %v):\nkept  %q\ndrawn %q", profile, dark, lang, what, i, focused, got, want)
						}
						if _, ok := in.keptField(c, focused); ok {
							kept++
						}
					}
				}
				for _, width := range []int{0, 20, 40} {
					for _, secret := range []bool{false, true} {
						f := NewForm(c)
						a := f.AddInput(InputSpec{Label: "home.identifiant", Placeholder: "home.identifiant.placeholder",
							Hint: "home.identifiant.hint", Secret: secret, Width: width})
						b := f.AddInput(InputSpec{Label: "home.password", Secret: secret, Width: width})
						check(fmt.Sprintf("width %d secret %v, empty", width, secret), f, a, b)
						for _, v := range values {
							for _, mv := range moves {
								a.SetValue("")
								f.FocusItem(a)
								f.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(v), Paste: true})
								for _, k := range mv {
									f.Update(keyOf(k))
								}
								what := fmt.Sprintf("width %d secret %v, %q then %v", width, secret, v, mv)
								check(what, f, a, b)
								f.Update(keyOf("tab")) // the value stays, the focus goes
								check(what+", tab", f, a, b)
								f.Update(keyOf("backspace")) // the empty field, focused
								check(what+", tab, backspace", f, a, b)
							}
						}
						a.Prefill("hugo") // selected: lipgloss draws it
						f.FocusItem(a)
						check(fmt.Sprintf("width %d secret %v, prefilled", width, secret), f, a, b)
						a.Fail(SayKey("home.title"))
						check(fmt.Sprintf("width %d secret %v, failed", width, secret), f, a, b)
					}
				}
			}
		}
	}
	if kept == 0 {
		t.Fatal("no field was drawn with the spans")
	}
}

func keyOf(k string) tea.KeyMsg {
	switch k {
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "home":
		return tea.KeyMsg{Type: tea.KeyHome}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}
