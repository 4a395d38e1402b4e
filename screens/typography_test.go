package screens

import (
	"testing"

	"entkiosk/data"
)

// French spaces before « : ; ? ! » and inside « » are no-break spaces in
// every French text (data/text's TestFrenchTextsTakeNoBreakSpaces), so no
// line breaks there; sanitising keeps them.
func TestCleanKeepsNoBreakSpaces(t *testing.T) {
	if got := data.Clean("Identifiant\u00a0: x"); got != "Identifiant\u00a0: x" {
		t.Errorf("Clean stripped the no-break space: %q", got)
	}
}
