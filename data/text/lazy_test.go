package text

import (
	"sync"
	"testing"

	"entkiosk/data/text/en"
	"entkiosk/data/text/fr"
)

// The catalogue is built on first use and typeset text by text: every
// text read alone is the one the whole catalogue has, however many
// sessions ask for it first at once (go test -race holds the sharing).
func TestTextsAreTheSameReadOneByOneAndAtOnce(t *testing.T) {
	for _, lang := range []Lang{French, English} {
		whole := Catalogue(lang)
		fresh := &catalogue{areas: fr.Areas, french: true}
		if lang == English {
			fresh = &catalogue{areas: en.Areas}
		}
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				for k, v := range whole {
					if got, ok := fresh.get(k); !ok || got != v {
						t.Errorf("%s: %q read alone is %q, the catalogue has %q", lang, k, got, v)
					}
					if got := T(lang, k); got != v {
						t.Errorf("%s: T(%q) = %q, the catalogue has %q", lang, k, got, v)
					}
				}
			})
		}
		wg.Wait()
	}
	if got, want := T(Lang("de"), "home.login"), T(French, "home.login"); got != want {
		t.Errorf("an unknown language: %q, want the French %q", got, want)
	}
}
