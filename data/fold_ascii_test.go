package data

import (
	"math/rand/v2"
	"testing"
)

// TestFoldASCIIIsFoldUnicode: the ASCII shortcut folds every ASCII text as
// the general path does.
func TestFoldASCIIIsFoldUnicode(t *testing.T) {
	texts := []string{"", "Jean-Luc", "D'ALEMBERT", "le guen", "N'Diaye", "MARIE.petit2", "\t@[`{~\x7f\x00"}
	for c := 0; c < 128; c++ {
		texts = append(texts, string(rune(c)), "A"+string(rune(c))+"z")
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		b := make([]byte, r.IntN(24))
		for i := range b {
			b[i] = byte(r.IntN(128))
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		if got, want := Fold(s), foldUnicode(s); got != want {
			t.Fatalf("Fold(%q) = %q, foldUnicode gives %q", s, got, want)
		}
	}
	if got := Fold("Léa Œuvray"); got != "lea oeuvray" {
		t.Fatalf("Fold(Léa Œuvray) = %q", got)
	}
}
