package data

import (
	"slices"
	"testing"

	"github.com/trustelem/zxcvbn/frequency"
)

// The embedded lists are the module's, word for word and in rank order:
// regenerating zxcvbn.txt with wordlists/genzxcvbn.go gives the same file.
func TestZxcvbnListsAreTheModules(t *testing.T) {
	got := zxcvbnLists()
	if len(got) != len(frequency.FrequencyLists) {
		t.Fatalf("%d lists, the module has %d", len(got), len(frequency.FrequencyLists))
	}
	for name, want := range frequency.FrequencyLists {
		words := got[name]
		if !slices.Equal(words, want) {
			i := 0
			for i < min(len(words), len(want)) && words[i] == want[i] {
				i++
			}
			t.Errorf("%s: %d words, the module %d; first difference at rank %d", name, len(words), len(want), i+1)
		}
	}
}
