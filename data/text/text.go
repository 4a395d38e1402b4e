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

// catalogues: each language's areas merged, French typography done once.
var catalogues = map[Lang]map[string]string{French: merge(fr.Areas, true), English: merge(en.Areas, false)}

// plain are the French texts left as written, without no-break spaces:
// the mail's code line, found by its plain text by the mailbox, the outbox
// and the people who search their mail for « Code : », and the mail's
// signature, as mails have always been signed.
var plain = map[string]bool{"mail.code": true, "mail.signature.automatic": true}

// merge puts an area's maps into one. The French texts take no-break
// spaces before « : ; ? ! » and inside « » (French typography): no line,
// wrapped by us, by huh or by the terminal, breaks there. Done once, here,
// so that a text added later gets them too. A key in two areas is a
// mistake the tests report (the later area would win).
func merge(areas map[string]map[string]string, french bool) map[string]string {
	all := map[string]string{}
	for _, texts := range areas {
		for k, v := range texts {
			if french && !plain[k] {
				v = wrap.French(v)
			}
			all[k] = v
		}
	}
	return all
}

// T is the text for key in lang. A key missing in English shows the
// French text; a key missing everywhere shows as ⟦key⟧ (the tests make
// sure none is missing).
func T(lang Lang, key string) string {
	if s, ok := catalogues[lang][key]; ok {
		return s
	}
	if s, ok := catalogues[French][key]; ok {
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
	_, ok := catalogues[lang][key]
	return ok
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
	all := make(map[string]string, len(catalogues[lang]))
	for k, v := range catalogues[lang] {
		all[k] = v
	}
	return all
}
