package screens

import (
	"io"
	"regexp"
	"slices"
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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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

// A prefilled field (InputSpec.Selected) behaves as selected: the first
// printable key or paste replaces it; arrows, Backspace, End keep it and
// edit it as usual. It shows selected (reverse video) while focused.
func TestFormPrefilledIsSelected(t *testing.T) {
	t.Parallel()
	keys := func(names ...tea.KeyType) []tea.KeyMsg {
		var out []tea.KeyMsg
		for _, k := range names {
			out = append(out, tea.KeyMsg{Type: k})
		}
		return out
	}
	for _, tc := range []struct {
		name string
		msgs []tea.KeyMsg
		want string
	}{
		{"typed", []tea.KeyMsg{runes("p"), runes("a")}, "pa"},
		{"pasted", []tea.KeyMsg{paste("paul.bernard")}, "paul.bernard"},
		{"space", []tea.KeyMsg{{Type: tea.KeySpace, Runes: []rune{' '}}, runes("x")}, " x"},
		{"backspace", append(keys(tea.KeyBackspace), runes("X")), "camille.martiX"},
		{"left", append(keys(tea.KeyLeft), runes("X")), "camille.martiXn"},
		{"end", append(keys(tea.KeyEnd), runes("X")), "camille.martinX"},
		{"after a replace, typing appends", []tea.KeyMsg{runes("a"), runes("b")}, "ab"},
	} {
		f := NewForm(testCommon())
		in := f.AddInput(InputSpec{Label: "home.identifiant", Value: "camille.martin", Selected: true})
		if !in.Selected() {
			t.Fatalf("%s: a prefilled value is not selected", tc.name)
		}
		for _, m := range tc.msgs {
			f.Update(m)
		}
		if in.Value() != tc.want || in.Selected() {
			t.Fatalf("%s: %q (selected %v), want %q", tc.name, in.Value(), in.Selected(), tc.want)
		}
	}

	// Not selected: an empty prefill, a value set by the screen, typing.
	f := NewForm(testCommon())
	if in := f.AddInput(InputSpec{Label: "home.identifiant", Selected: true}); in.Selected() {
		t.Fatal("an empty field shows selected")
	}
	in := f.AddInput(InputSpec{Label: "home.identifiant", Value: "x"})
	if in.Selected() {
		t.Fatal("selected without Selected")
	}
	in.Prefill("hugo.lefevre")
	if !in.Selected() {
		t.Fatal("Prefill does not select")
	}
	in.SetValue("y")
	if in.Selected() {
		t.Fatal("SetValue keeps the selection")
	}

	// Shown in reverse video while focused, plain once edited.
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI)
	c := &Common{Styles: NewStyles(r), Lang: French, Width: 80, Height: 24}
	g := NewForm(c)
	g.AddInput(InputSpec{Label: "home.identifiant", Value: "paul.bernard", Selected: true})
	if !reversed(g.View(), "paul.bernard") {
		t.Fatalf("the selection does not show: %q", g.View())
	}
	if strings.Contains(g.View(), "paul.bernard\x1b[0m\x1b[7;97m  ") {
		t.Fatalf("the selection runs past the text: %q", g.View())
	}
	g.Update(tea.KeyMsg{Type: tea.KeyEnd})
	if reversed(g.View(), "paul.bernard") {
		t.Fatalf("still shown selected after End: %q", g.View())
	}
}

// reversed says text is drawn in reverse video (SGR 7) in view.
func reversed(view, text string) bool {
	m := regexp.MustCompile(`\x1b\[([0-9;]*)m` + regexp.QuoteMeta(text)).FindStringSubmatch(view)
	return m != nil && slices.Contains(strings.Split(m[1], ";"), "7")
}
