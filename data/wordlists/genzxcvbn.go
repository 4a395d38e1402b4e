//go:build ignore

// genzxcvbn.go writes zxcvbn.txt: the frequency lists of
// github.com/trustelem/zxcvbn v1.0.1 (package frequency, MIT), each list
// under a "# name" line, one word a line in the module's order (the rank
// is the line's place in its list):
//
//	go run data/wordlists/genzxcvbn.go > data/wordlists/zxcvbn.txt
//
// The module's package is a Go map literal built by its init on every
// start of every command (~3 ms, 1.5 MB); the embedded text costs nothing
// until the meter or the policy first reads it.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/trustelem/zxcvbn/frequency"
)

func main() {
	names := make([]string, 0, len(frequency.FrequencyLists))
	for name := range frequency.FrequencyLists {
		names = append(names, name)
	}
	sort.Strings(names)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, name := range names {
		fmt.Fprintf(w, "# %s\n", name)
		for _, word := range frequency.FrequencyLists[name] {
			if word == "" || strings.ContainsAny(word, "\n\r") || word[0] == '#' {
				fmt.Fprintf(os.Stderr, "genzxcvbn: %q in %s cannot be written one a line\n", word, name)
				os.Exit(1)
			}
			fmt.Fprintln(w, word)
		}
	}
}
