package data

import (
	_ "embed"
	"strings"
	"sync"
)

// zxcvbn's frequency lists (github.com/trustelem/zxcvbn v1.0.1, package
// frequency, MIT), written out by wordlists/genzxcvbn.go: the module's
// package is a map literal its init builds on every start of every
// command, kiosk included (~3 ms and 1.5 MB before the first frame). This
// text is read on first use only; TestZxcvbnListsAreTheModules holds it
// to the module's lists.
//
//go:embed wordlists/zxcvbn.txt
var zxcvbnText string

// zxcvbnLists: each list's words in rank order (a word's rank is its
// place + 1), by the module's list names.
var zxcvbnLists = sync.OnceValue(func() map[string][]string {
	lists := map[string][]string{}
	var name string
	var words []string
	for line := range strings.Lines(zxcvbnText) {
		line = strings.TrimSuffix(line, "\n")
		if list, ok := strings.CutPrefix(line, "# "); ok {
			if name != "" {
				lists[name] = words
			}
			name, words = list, nil
			continue
		}
		words = append(words, line)
	}
	if name != "" {
		lists[name] = words
	}
	return lists
})
