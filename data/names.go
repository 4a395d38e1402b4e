package data

import (
	"fmt"
	"strings"
	"unicode"
)

// nameProblem says, in the import report's French, why a name (nom or
// prénom) cannot be taken as it is, or "". Two kinds of name look like
// another while being different text, and would give an identifiant that
// is not the one the person reads (« Hugо » with a Cyrillic о became
// hug.lefevre), or two people the same name on screen:
//   - an invisible character: zero-width spaces and joiners, direction
//     marks and overrides, soft hyphens, variation selectors, fillers,
//     spaces other than the ordinary one;
//   - a word that mixes scripts (Latin with Cyrillic or Greek…). A word
//     may mix only what names really mix (Unicode TS #39, "highly
//     restrictive"): Latin, Han and the Japanese kana; Latin, Han and
//     Bopomofo; Latin, Han and Hangul.
func nameProblem(name string) string {
	for i, r := range []rune(name) {
		if what := invisible(r); what != "" {
			return fmt.Sprintf("contient un caractère invisible (%s, U+%04X) en position %d", what, r, i+1)
		}
	}
	for _, word := range strings.FieldsFunc(name, func(r rune) bool {
		return r == ' ' || r == '-' || r == '\'' || r == '’' || r == '.'
	}) {
		if scripts, odd := wordScripts(word); !allowedMix(scripts) {
			where := ""
			if word != name {
				where = fmt.Sprintf(" dans le mot « %s »", Clean(word))
			}
			return fmt.Sprintf("mêle plusieurs écritures%s (%s : « %c », U+%04X) ; une lettre d'une autre "+
				"écriture peut ressembler à une lettre latine sans en être une", where, scriptNamesFR(scripts), odd, odd)
		}
	}
	return ""
}

// withoutInvisible is name as the report shows it: its invisible
// characters left out (the reason names them).
func withoutInvisible(name string) string {
	return strings.Map(func(r rune) rune {
		if invisible(r) != "" {
			return -1
		}
		return r
	}, Clean(name))
}

// invisible names a character that shows as nothing (or as a space that is
// not one), or "".
func invisible(r rune) string {
	switch {
	case r == 0x200b:
		return "espace de largeur nulle"
	case r == 0x200c || r == 0x200d:
		return "liant ou antiliant de largeur nulle"
	case r == 0x200e || r == 0x200f || r == 0x061c || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
		return "marque de sens d'écriture"
	case r == 0x00ad:
		return "trait d'union conditionnel"
	case r == 0xfeff || r == 0x2060:
		return "gluon de largeur nulle"
	case r >= 0xfe00 && r <= 0xfe0f || r >= 0xe0100 && r <= 0xe01ef:
		return "sélecteur de variante"
	case r == 0x034f || r == 0x115f || r == 0x1160 || r == 0x3164 || r == 0xffa0 || r == 0x2800 || r == 0x180e:
		return "caractère de remplissage"
	case r != ' ' && unicode.Is(unicode.Zs, r):
		return "espace spéciale (insécable, fine…)"
	case unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r) || unicode.Is(unicode.Cs, r):
		return "caractère de format"
	case !unicode.IsGraphic(r) && !unicode.IsControl(r):
		return "caractère non attribué"
	}
	return ""
}

// wordScripts is the set of scripts of a word's letters (marks, digits and
// punctuation belong to none), and the letter to show: the first that is
// not Latin in a word with Latin letters (the lookalike), else the first
// of the word's second script.
func wordScripts(word string) (scripts []string, odd rune) {
	seen := map[string]bool{}
	var firstNonLatin rune
	for _, r := range word {
		if !unicode.IsLetter(r) {
			continue
		}
		name := scriptOf(r)
		if name != "Latin" && firstNonLatin == 0 {
			firstNonLatin = r
		}
		if !seen[name] {
			if len(seen) > 0 && odd == 0 {
				odd = r
			}
			seen[name] = true
			scripts = append(scripts, name)
		}
	}
	if seen["Latin"] && firstNonLatin != 0 {
		odd = firstNonLatin
	}
	return scripts, odd
}

// scriptOf is the Unicode script of a letter.
func scriptOf(r rune) string {
	for _, name := range scriptOrder {
		if unicode.Is(unicode.Scripts[name], r) {
			return name
		}
	}
	for name, table := range unicode.Scripts {
		if unicode.Is(table, r) {
			return name
		}
	}
	return "Unknown"
}

// scriptOrder: the scripts looked at first (the usual ones, and the lookalikes).
var scriptOrder = []string{"Latin", "Cyrillic", "Greek", "Han", "Hiragana", "Katakana", "Hangul", "Bopomofo",
	"Arabic", "Hebrew", "Armenian", "Georgian"}

// allowedMixes are the script sets one word of a name may use beyond one script.
var allowedMixes = [][]string{
	{"Latin", "Han", "Hiragana", "Katakana"},
	{"Latin", "Han", "Bopomofo"},
	{"Latin", "Han", "Hangul"},
}

func allowedMix(scripts []string) bool {
	if len(scripts) <= 1 {
		return true
	}
	for _, mix := range allowedMixes {
		all := true
		for _, s := range scripts {
			found := false
			for _, m := range mix {
				found = found || m == s
			}
			all = all && found
		}
		if all {
			return true
		}
	}
	return false
}

var scriptFR = map[string]string{"Latin": "latin", "Cyrillic": "cyrillique", "Greek": "grec", "Han": "han",
	"Hiragana": "hiragana", "Katakana": "katakana", "Hangul": "hangûl", "Bopomofo": "bopomofo", "Arabic": "arabe",
	"Hebrew": "hébreu", "Armenian": "arménien", "Georgian": "géorgien", "Cherokee": "cherokee"}

// scriptNamesFR: "latin et cyrillique".
func scriptNamesFR(scripts []string) string {
	names := make([]string, len(scripts))
	for i, s := range scripts {
		if fr, ok := scriptFR[s]; ok {
			names[i] = fr
		} else {
			names[i] = s
		}
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " et " + names[len(names)-1]
}
