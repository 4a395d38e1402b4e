// Package text is the interface's words, in French and in English: the
// screens', the mails' and the command line's. The French text of an area
// is in fr/<area>.go, the English in en/<area>.go, under the same keys.
//
// A text takes its arguments as printf verbs (%s, %d, %[2]s when a
// translation reorders them); no other placeholder syntax is used (a test
// holds it). A counted text has two keys, key.one and key.other (N).
package text

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"entkiosk/data/text/en"
	"entkiosk/data/text/fr"
	"entkiosk/data/wrap"
)

// Lang is a language of the interface.
type Lang string

const (
	French  Lang = "fr"
	English Lang = "en"
)

// Other is the language the switch key goes to.
func (l Lang) Other() Lang {
	if l == English {
		return French
	}
	return English
}

// ParseLang reads --lang; anything but "en" is French.
func ParseLang(s string) Lang {
	if s == "en" {
		return English
	}
	return French
}

// catalogues: each language's areas merged into one index, built on the
// first text asked for in that language (an English catalogue is never
// built on a French kiosk); the French typography is done text by text, on
// the first use of each. Building it all at package init cost ~9 ms and
// 7,000 allocations on every start, before the first frame.
var catalogues = map[Lang]*catalogue{French: {areas: fr.Areas, french: true}, English: {areas: en.Areas}}

// catalogue is one language's texts.
type catalogue struct {
	areas  map[string]map[string]string
	french bool

	once  sync.Once
	index map[string]*entry
}

// entry is one text: as written, and once done its typeset form (shared
// by every session: the first to ask sets it; two at once compute the same).
type entry struct {
	key, raw string
	set      atomic.Pointer[string]
}

// plain are the French texts left as written, without no-break spaces:
// the mail's code line, found by its plain text by the mailbox, the outbox
// and the people who search their mail for « Code : », and the mail's
// signature, as mails have always been signed.
var plain = map[string]bool{"mail.code": true, "mail.signature.automatic": true}

// lookup is key's entry, nil when the language has none.
func (c *catalogue) lookup(key string) *entry {
	c.once.Do(c.build)
	return c.index[key]
}

// build puts the areas' maps into one index. A key in two areas is a
// mistake the tests report (the later area would win).
func (c *catalogue) build() {
	n := 0
	for _, texts := range c.areas {
		n += len(texts)
	}
	entries := make([]entry, 0, n)
	c.index = make(map[string]*entry, n)
	for _, texts := range c.areas {
		for k, v := range texts {
			entries = append(entries, entry{key: k, raw: v})
			c.index[k] = &entries[len(entries)-1]
		}
	}
}

// text is the entry as shown. The French texts take no-break spaces
// before « : ; ? ! » and inside « » (French typography): no line, wrapped
// by us, by huh or by the terminal, breaks there. Done here, for every
// text, so that a text added later gets them too.
func (c *catalogue) text(e *entry) string {
	if s := e.set.Load(); s != nil {
		return *s
	}
	s := e.raw
	if c.french && !plain[e.key] {
		s = wrap.French(s)
	}
	e.set.Store(&s)
	return s
}

// get is the text for key and whether the language has it.
func (c *catalogue) get(key string) (string, bool) {
	if e := c.lookup(key); e != nil {
		return c.text(e), true
	}
	return "", false
}

// T is the text for key in lang. A key missing in English shows the
// French text; a key missing everywhere shows as ⟦key⟧ (the tests make
// sure none is missing).
func T(lang Lang, key string) string {
	if c := catalogues[lang]; c != nil {
		if s, ok := c.get(key); ok {
			return s
		}
	}
	if s, ok := catalogues[French].get(key); ok {
		return s
	}
	return "⟦" + key + "⟧"
}

// F is the text for key in lang, its verbs filled with args.
func F(lang Lang, key string, args ...any) string { return fmt.Sprintf(T(lang, key), args...) }

// N is a counted text: key.one or key.other by n, n its first argument.
// This is the plural rule, the only one: French counts 0 and 1 as
// singular ("0 essai", "1 essai"), English only 1.
func N(lang Lang, key string, n int, args ...any) string {
	return F(lang, key+"."+Form(lang, n), append([]any{n}, args...)...)
}

// Form is "one" or "other": the plural form of n in lang.
func Form(lang Lang, n int) string {
	if n == 1 || (lang != English && n == 0) {
		return "one"
	}
	return "other"
}

// Has says whether lang's catalogue has key.
func Has(lang Lang, key string) bool {
	c := catalogues[lang]
	return c != nil && c.lookup(key) != nil
}

// Plain is a text for plain output (the command line): F with its
// no-break spaces made plain spaces, so that operators' scripts and greps
// read « audit : » as they type it.
func Plain(lang Lang, key string, args ...any) string {
	s := T(lang, key)
	if len(args) > 0 {
		s = fmt.Sprintf(s, args...)
	}
	return strings.ReplaceAll(s, wrap.NBSP, " ")
}

// PlainN is N for plain output.
func PlainN(lang Lang, key string, n int, args ...any) string {
	return strings.ReplaceAll(N(lang, key, n, args...), wrap.NBSP, " ")
}

// Catalogue is a copy of lang's whole catalogue, for the tests that read
// every text (same keys, typography, wording).
func Catalogue(lang Lang) map[string]string {
	c := catalogues[lang]
	if c == nil {
		return map[string]string{}
	}
	c.once.Do(c.build)
	all := make(map[string]string, len(c.index))
	for k, e := range c.index {
		all[k] = c.text(e)
	}
	return all
}
