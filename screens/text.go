package screens

import "entkiosk/data/wrap"

// Lang is a language of the interface.
type Lang string

const (
	French  Lang = "fr"
	English Lang = "en"
)

// catalogues: one per language (text_fr.go, text_en.go), same keys.
var catalogues = map[Lang]map[string]string{French: textFR, English: textEN}

// The French texts take no-break spaces before « : ; ? ! » and inside « »
// (French typography): no line, wrapped by us, by huh or by the terminal,
// breaks there. Done once, here, so that a text added later gets them too.
func init() {
	for k, v := range textFR {
		textFR[k] = wrap.French(v)
	}
}

// T is the text for key in the session's language. A missing key shows as
// ⟦key⟧ (a test makes sure none is missing).
func (c *Common) T(k string) string {
	if s, ok := catalogues[c.Lang][k]; ok {
		return s
	}
	if s, ok := textFR[k]; ok {
		return s
	}
	return "⟦" + k + "⟧"
}

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

// Nf formats a count: the catalogue has key+".one" and key+".other", and
// n is the first argument. French counts 0 and 1 as singular ("0 essai",
// "1 essai"), English only 1.
func (c *Common) Nf(k string, n int, args ...any) string {
	one := n == 1 || (c.Lang != English && n == 0)
	form := k + ".other"
	if one {
		form = k + ".one"
	}
	return c.Tf(form, append([]any{n}, args...)...)
}
