package wrap

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// The regular expressions unitSpaces and glued's unit test were written
// from: both give what they gave, on every string built from the pieces
// that matter (figures, spaces, the units and their prefixes, letters,
// accented letters, digits and punctuation after them).
var (
	unitSpaceRE = regexp.MustCompile(`([0-9]) (h|min|s|ms)\b`)
	unitStartRE = regexp.MustCompile(`^(h|min|s|ms)([^\pL\pN]|$)`)
)

func TestUnitsAsTheRegularExpressionsSaid(t *testing.T) {
	pieces := []string{"1", "24", " ", "  ", "h", "m", "mi", "min", "mins", "s", "ms", "msg", "x", "é", "_", "2", ".", ")", ",", "!", NBSP, "\xff", "heures", "24 h", "15 min)", "30 s"}
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 200000; n++ {
		var b strings.Builder
		for k := r.IntN(7); k >= 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := unitSpaces(s), unitSpaceRE.ReplaceAllString(s, "${1}"+NBSP+"${2}"); got != want {
			t.Fatalf("unitSpaces(%q) = %q, the expression gave %q", s, got, want)
		}
		if got, want := unitAt(s, 0, notLetterOrDigit) > 0, unitStartRE.MatchString(s); got != want {
			t.Fatalf("a unit starts %q: %v, the expression said %v", s, got, want)
		}
	}
}
