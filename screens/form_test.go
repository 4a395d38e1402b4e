package screens

import (
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

func testCommon() *Common {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	return &Common{Styles: NewStyles(r), Lang: French, Width: 80, Height: 24}
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func paste(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true} }

// Every field has a limit, and a 1 MB paste or burst stops at it.
func TestFormLimits(t *testing.T) {
	big := strings.Repeat("7", 1<<20)
	for _, tc := range []struct {
		name   string
		spec   InputSpec
		want   int
		secret bool
	}{
		{"identifiant", InputSpec{Label: "home.identifiant", Limit: 254}, 254, false},
		{"password", InputSpec{Label: "home.password", Limit: 128, Secret: true}, 128, true},
		{"student number", InputSpec{Label: "home.identifiant", Limit: 8}, 8, false},
		{"no limit given", InputSpec{Label: "home.identifiant"}, DefaultLimit, false},
	} {
		for _, msg := range []tea.KeyMsg{paste(big), runes(big), paste(big + "\n")} {
			f := NewForm(testCommon())
			in := f.AddInput(tc.spec)
			f.Update(msg)
			f.Update(runes("8"))
			if n := utf8.RuneCountInString(in.Value()); n != tc.want {
				t.Fatalf("%s: %d characters kept, want %d", tc.name, n, tc.want)
			}
		}
	}
}

// A paste or a burst "identifiant⏎motdepasse⏎" fills both fields and submits;
// the password never lands in the identifiant field, whatever the line break.
func TestFormBurstAndPaste(t *testing.T) {
	for _, sep := range []string{"\r", "\n", "\r\n"} {
		for _, kind := range []string{"paste", "runes", "keys"} {
			f := NewForm(testCommon())
			ident := f.AddInput(InputSpec{Label: "home.identifiant", Limit: 254})
			pw := f.AddInput(InputSpec{Label: "home.password", Limit: 128, Secret: true})
			text := "camille.martin" + sep + "Secret-Pass-1" + sep
			var ev FormEvent
			switch kind {
			case "paste":
				ev = f.Update(paste(text))
			case "runes":
				ev = f.Update(runes(text))
			case "keys": // as a terminal without bracketed paste sends it
				for _, part := range strings.SplitAfter(strings.ReplaceAll(text, "\r\n", "\r"), sep[:1]) {
					if part == "" {
						continue
					}
					ev = f.Update(runes(strings.TrimSuffix(part, sep[:1])))
					key := tea.KeyMsg{Type: tea.KeyEnter}
					if sep[:1] == "\n" {
						key = tea.KeyMsg{Type: tea.KeyCtrlJ}
					}
					ev = f.Update(key)
				}
			}
			if ident.Value() != "camille.martin" || pw.Value() != "Secret-Pass-1" || !ev.Submit {
				t.Fatalf("%s %q: identifiant %q, password %q, submit %v", kind, sep, ident.Value(), pw.Value(), ev.Submit)
			}
			if strings.Contains(f.View(), "Secret-Pass-1") {
				t.Fatalf("%s %q: password shown:\n%s", kind, sep, f.View())
			}
		}
	}
}

// A visible field holds only what shows as it is: no escape sequence (OSC
// 52 included), no control, no bidirectional override, typed or pasted or
// prefilled. A secret is kept as typed (never shown).
func TestFormInputCleaned(t *testing.T) {
	f := NewForm(testCommon())
	in := f.AddInput(InputSpec{Label: "home.identifiant", Limit: 254, Value: "pre\x1b[31mfilled"})
	if in.Value() != "prefilled" {
		t.Fatalf("prefilled value kept %q", in.Value())
	}
	in.Clear()
	f.Update(paste("ab\x1b]52;c;ZXZpbA==\x07c"))
	f.Update(runes("d\u202eef\u2066"))
	if in.Value() != "abcdef" {
		t.Fatalf("value %q, want %q", in.Value(), "abcdef")
	}
	if view := ansi.Strip(f.View()); strings.ContainsAny(view, "\x1b\a\u202e\u2066") || strings.Contains(view, "ZXZpbA") {
		t.Fatalf("view not clean: %q", view)
	}
	secret := f.AddInput(InputSpec{Label: "home.password", Limit: 128, Secret: true})
	f.FocusItem(secret)
	f.Update(runes("pa\u00e9ss"))
	if secret.Value() != "paéss" {
		t.Fatalf("secret changed: %q", secret.Value())
	}
}

// Alt+letter moves by word in the field; it never types the letter.
func TestFormAltKeysDoNotType(t *testing.T) {
	f := NewForm(testCommon())
	in := f.AddInput(InputSpec{Label: "home.identifiant", Limit: 254})
	f.Update(runes("jean luc"))
	f.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("b"), Alt: true})
	if in.Value() != "jean luc" {
		t.Fatalf("alt+b typed: %q", in.Value())
	}
}

// The placeholder and labels follow the language switch.
func TestFormFollowsLanguage(t *testing.T) {
	c := testCommon()
	f := NewForm(c)
	f.AddInput(InputSpec{Label: "home.password", Placeholder: "home.identifiant.hint", Limit: 8})
	if !strings.Contains(f.View(), "prenom.nom") {
		t.Fatalf("no French placeholder:\n%s", f.View())
	}
	c.Lang = English
	if v := f.View(); !strings.Contains(v, "Password") || !strings.Contains(v, "firstname.lastname") {
		t.Fatalf("not in English after the switch:\n%s", v)
	}
}
