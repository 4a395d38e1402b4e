package screens

import (
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// A kept button or menu line is the line drawn anew, for each language,
// focus, kind and description, in colours as well as in plain text.
func TestKeptActionLinesAreDrawnAnew(t *testing.T) {
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.ANSI256, termenv.TrueColor} {
		r := lipgloss.NewRenderer(nil)
		r.SetColorProfile(profile)
		r.SetHasDarkBackground(true)
		st := StylesFor(r)
		if st.rendered == nil {
			t.Fatal("shared styles keep no lines")
		}
		for _, lang := range []Lang{French, English} {
			c := &Common{Styles: st, Lang: lang}
			for _, a := range []*Action{{Label: "home.login"}, {Label: "home.first", Link: true},
				{Label: "home.first", Link: true, Desc: "home.first.desc"}} {
				for _, focused := range []bool{false, true} {
					for range 2 { // drawn, then kept
						if got, want := a.view(c, focused), a.render(c, focused); got != want {
							t.Fatalf("%v %s %+v focused=%v: kept %q, drawn %q", profile, lang, *a, focused, got, want)
						}
					}
				}
			}
		}
	}
}

// A kept title or label is the text drawn anew in its style, each style
// and language apart.
func TestKeptTextsAreDrawnAnew(t *testing.T) {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.TrueColor)
	r.SetHasDarkBackground(true)
	st := StylesFor(r)
	for _, lang := range []Lang{French, English} {
		c := &Common{Styles: st, Lang: lang}
		for range 2 { // drawn, then kept
			for _, s := range []struct {
				which string
				style lipgloss.Style
			}{{"Title", st.Title}, {"Strong", st.Strong}, {"Label", st.Label}, {"LabelOn", st.LabelOn}} {
				if got, want := keptText(c, s.which, s.style, "home.title"), s.style.Render(c.T("home.title")); got != want {
					t.Fatalf("%s %s: kept %q, drawn %q", lang, s.which, got, want)
				}
			}
		}
	}
}

// The services' list kept in the shared styles is the list drawn anew,
// for each language and width, and a width past the bound is drawn.
func TestKeptServicesAreDrawnAnew(t *testing.T) {
	f := newFlow(t, PageHome)
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.TrueColor} {
		r := lipgloss.NewRenderer(nil)
		r.SetColorProfile(profile)
		r.SetHasDarkBackground(true)
		for _, lang := range []Lang{French, English} {
			c := &Common{Store: f.store, Styles: StylesFor(r), Lang: lang}
			for _, width := range []int{40, 80, 120, keptServicesWidth + 1} {
				for range 2 { // drawn, then kept
					if got, want := c.servicesView(width), c.drawServices(width); got != want || got == "" {
						t.Fatalf("%v %s at %d: kept %q, drawn %q", profile, lang, width, got, want)
					}
				}
			}
			if c.servicesView(40) == c.servicesView(120) {
				t.Fatalf("%v %s: the same list at 40 and 120 columns", profile, lang)
			}
		}
	}
}
