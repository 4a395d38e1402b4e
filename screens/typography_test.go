package screens

import (
	"regexp"
	"testing"

	"entkiosk/data"
)

// French spaces before « : ; ? ! » and inside « » are no-break spaces in
// every French text, so no line breaks there; sanitising keeps them.
func TestFrenchTextsTakeNoBreakSpaces(t *testing.T) {
	t.Parallel()
	plain := regexp.MustCompile(` [:;?!»]|« `)
	c := &Common{Lang: French}
	for k := range textFR {
		if m := plain.FindString(c.T(k)); m != "" {
			t.Errorf("%s: plain space in %q: %q", k, m, c.T(k))
		}
	}
	if got := data.Clean("Identifiant\u00a0: x"); got != "Identifiant\u00a0: x" {
		t.Errorf("Clean stripped the no-break space: %q", got)
	}
}
