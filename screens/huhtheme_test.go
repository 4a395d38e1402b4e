package screens

import (
	"io"
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

func profileCommon(p termenv.Profile) *Common {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(p)
	r.SetHasDarkBackground(true)
	return &Common{Styles: NewStyles(r), Lang: French, Width: 80, Height: 24}
}

var testCases = []ListOption{{"a", "helpdesk.case.never_activated"}, {"b", "helpdesk.case.forgot_password"},
	{"c", "helpdesk.case.connection"}}

// themeRenderers lists the renderer of every lipgloss.Style in the theme,
// by the field's path.
func themeRenderers(t *huh.Theme) map[string]uintptr {
	out := map[string]uintptr{}
	styleType := reflect.TypeFor[lipgloss.Style]()
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		if v.Type() == styleType {
			out[path] = v.FieldByName("r").Pointer() // the style's renderer
			return
		}
		if v.Kind() == reflect.Struct {
			for i := range v.NumField() {
				walk(path+"."+v.Type().Field(i).Name, v.Field(i))
			}
		}
	}
	walk("Theme", reflect.ValueOf(t).Elem())
	return out
}

// Every style of the theme, the help styles and the ones no screen uses
// included, is the session's renderer's: none falls back on the global one.
func TestHuhThemeIsTheSessions(t *testing.T) {
	t.Parallel()
	for _, p := range []termenv.Profile{termenv.Ascii, termenv.TrueColor} {
		c := profileCommon(p)
		want := reflect.ValueOf(c.Styles.Renderer).Pointer()
		styles := themeRenderers(NewHuhTheme(c.Styles))
		if len(styles) < 40 {
			t.Fatalf("only %d styles found in the theme", len(styles))
		}
		for path, r := range styles {
			if r != want {
				t.Errorf("%s is not built on the session's renderer", path)
			}
		}
	}
}

// The list follows its session's renderer: no escape code for an ASCII
// terminal, colours for a true-colour one, and two sessions side by side
// do not share styles. The global renderer is set to true colour meanwhile:
// anything drawn with it would show in the ASCII session.
func TestListChoiceFollowsTheRenderer(t *testing.T) {
	t.Parallel()
	global := lipgloss.ColorProfile()
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(global)

	ascii, color := profileCommon(termenv.Ascii), profileCommon(termenv.TrueColor)
	a := NewListChoice(ascii, "helpdesk.choice.title", testCases, "b", 60)
	b := NewListChoice(color, "helpdesk.choice.title", testCases, "b", 60)
	for range 2 { // drawn in turn, twice: nothing of one stays in the other
		plain, colored := a.View(), b.View()
		if strings.Contains(plain, "\x1b") {
			t.Fatalf("escape codes for an ASCII terminal: %q", plain)
		}
		if !strings.Contains(plain, "› Mot de passe oublié") || !strings.Contains(plain, "Quel est le problème") {
			t.Fatalf("the list:\n%s", plain)
		}
		// The brand blue (dark background) on the cursor line, and the bar.
		if !strings.Contains(colored, "\x1b[") || !strings.Contains(colored, "38;2;94;177;242") {
			t.Fatalf("no brand colour in a true-colour session: %q", colored)
		}
	}
}

// Keys: only the list's reach huh, Enter reports the option under the
// cursor at once, and nothing returns a command (no blink, no tick); while
// the owner is busy keys are dropped.
func TestListChoiceKeys(t *testing.T) {
	t.Parallel()
	c := profileCommon(termenv.Ascii)
	l := NewListChoice(c, "helpdesk.choice.title", testCases, "b", 60)
	press := func(k tea.KeyMsg, busy bool) (string, bool) {
		t.Helper()
		v, chosen, cmd := l.Update(k, busy)
		if cmd != nil {
			t.Fatalf("%s returned a command", k)
		}
		return v, chosen
	}
	for _, k := range []tea.KeyMsg{runes("/"), runes("j"), runes("k"), {Type: tea.KeyTab}, {Type: tea.KeyCtrlC},
		{Type: tea.KeyEsc}, {Type: tea.KeyLeft}} {
		if _, chosen := press(k, false); chosen || l.Hovered() != "b" {
			t.Fatalf("%s moved or chose: %q", k, l.Hovered())
		}
	}
	press(tea.KeyMsg{Type: tea.KeyDown}, true)
	if _, chosen := press(tea.KeyMsg{Type: tea.KeyEnter}, true); chosen || l.Hovered() != "b" {
		t.Fatal("keys acted while the owner was busy")
	}
	press(tea.KeyMsg{Type: tea.KeyDown}, false)
	if v, chosen := press(tea.KeyMsg{Type: tea.KeyEnter}, false); !chosen || v != "c" {
		t.Fatalf("Enter: %q %v", v, chosen)
	}
	// End moves huh's cursor without writing its value: the choice reads
	// the cursor.
	press(tea.KeyMsg{Type: tea.KeyHome}, false)
	press(tea.KeyMsg{Type: tea.KeyEnd}, false)
	if v, _ := press(tea.KeyMsg{Type: tea.KeyEnter}, false); v != "c" {
		t.Fatalf("End then Enter: %q", v)
	}
	// Other messages are huh's, and start nothing either.
	if _, _, cmd := l.Update(tea.WindowSizeMsg{Width: 100, Height: 30}, false); cmd != nil {
		t.Fatal("a window size started a command")
	}
	// A language switch redraws it, the cursor kept.
	c.Lang = English
	if v := l.View(); !strings.Contains(v, "› Login problem") || !strings.Contains(v, "What is the person's problem?") {
		t.Fatalf("after F2:\n%s", v)
	}
}
