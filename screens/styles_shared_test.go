package screens

import (
	"io"
	"reflect"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

func rendererFor(p termenv.Profile, dark bool) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(p)
	r.SetHasDarkBackground(dark)
	return r
}

// renderAll renders a word with every style of st.
func renderAll(st *Styles) map[string]string {
	out := map[string]string{}
	v := reflect.ValueOf(st).Elem()
	for i := range v.NumField() {
		if !v.Type().Field(i).IsExported() {
			continue // the lines kept, not a style
		}
		if style, ok := v.Field(i).Interface().(lipgloss.Style); ok {
			out[v.Type().Field(i).Name] = style.Render("Se connecter")
		}
	}
	return out
}

// Shared, resolved styles render byte for byte what styles resolved at
// each render do, for every profile and background; sessions alike share them.
func TestSharedStylesRenderTheSame(t *testing.T) {
	t.Parallel()
	for _, p := range []termenv.Profile{termenv.TrueColor, termenv.ANSI256, termenv.ANSI, termenv.Ascii} {
		for _, dark := range []bool{true, false} {
			r := rendererFor(p, dark)
			want, got := renderAll(NewStyles(r)), renderAll(StylesFor(r))
			if len(want) < 30 {
				t.Fatalf("only %d styles", len(want))
			}
			for name, w := range want {
				if got[name] != w {
					t.Errorf("profile %v, dark %v, %s: %q, want %q", p, dark, name, got[name], w)
				}
			}
			if StylesFor(rendererFor(p, dark)) != StylesFor(r) {
				t.Errorf("profile %v, dark %v: two sessions got styles of their own", p, dark)
			}
		}
	}
	if StylesFor(rendererFor(termenv.ANSI256, true)) == StylesFor(rendererFor(termenv.ANSI256, false)) {
		t.Error("dark and light backgrounds share styles")
	}
}

// BenchmarkStylesRender renders every style once, as a frame does: resolved
// at each render (NewStyles, what every session did) and shared (StylesFor).
//
//	go test ./screens -run '^$' -bench StylesRender
func BenchmarkStylesRender(b *testing.B) {
	r := rendererFor(termenv.ANSI256, true)
	for _, c := range []struct {
		name string
		st   *Styles
	}{{"per-render", NewStyles(r)}, {"shared", StylesFor(r)}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				renderAll(c.st)
			}
		})
	}
}
