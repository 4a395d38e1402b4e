//go:build ignore

// gen.go derives fr.txt from Debian's hunspell-fr dictionary (MPL 2.0):
//
//	apt-get install hunspell-fr
//	go run data/wordlists/gen.go /usr/share/hunspell/fr.dic > data/wordlists/fr.txt
//
// It keeps each entry's stem, folded (lower case, no accents), letters and
// hyphens only, at least 3 letters long, sorted and without duplicates.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'œ' || r == 'Œ':
			b.WriteString("oe")
		case r == 'æ' || r == 'Æ':
			b.WriteString("ae")
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func main() {
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Scan() // first line is the entry count
	for sc.Scan() {
		w := sc.Text()
		if i := strings.IndexAny(w, "/ \t"); i >= 0 {
			w = w[:i]
		}
		w = fold(w)
		if len(w) < 3 || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz-") != "" || strings.Contains(w, "--") {
			continue
		}
		seen[w] = true
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	sort.Strings(words)
	fmt.Println("# French words for the password policy: stems of Debian's hunspell-fr 7.0")
	fmt.Println("# (Dicollecte / Grammalecte), folded to lower case without accents.")
	fmt.Println("# Licence: MPL 2.0 (https://mozilla.org/MPL/2.0/). Made by data/wordlists/gen.go.")
	for _, w := range words {
		fmt.Println(w)
	}
}
