package text

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"entkiosk/data/text/en"
	"entkiosk/data/text/fr"
)

// The catalogue: the same areas and, area by area, the same keys in both
// languages, no key in two areas, no empty text, the same verbs for each
// key, one placeholder syntax, both forms of every counted text.

var areas = map[Lang]map[string]map[string]string{French: fr.Areas, English: en.Areas}

// shown are both catalogues whole, as shown (typeset).
var shown = map[Lang]map[string]string{French: Catalogue(French), English: Catalogue(English)}

func TestCataloguesHaveTheSameKeysAreaByArea(t *testing.T) {
	for area, frTexts := range fr.Areas {
		enTexts, ok := en.Areas[area]
		if !ok {
			t.Errorf("area %s is in fr/, not in en/", area)
			continue
		}
		for k := range frTexts {
			if _, ok := enTexts[k]; !ok {
				t.Errorf("%q is in fr/%s.go, not in en/%s.go", k, area, area)
			}
		}
		for k := range enTexts {
			if _, ok := frTexts[k]; !ok {
				t.Errorf("%q is in en/%s.go, not in fr/%s.go", k, area, area)
			}
		}
	}
	for area := range en.Areas {
		if _, ok := fr.Areas[area]; !ok {
			t.Errorf("area %s is in en/, not in fr/", area)
		}
	}
}

func TestNoKeyInTwoAreas(t *testing.T) {
	for lang, byArea := range areas {
		seen := map[string]string{}
		for area, texts := range byArea {
			for k := range texts {
				if other, ok := seen[k]; ok {
					t.Errorf("%s: %q is in %s and in %s", lang, k, area, other)
				}
				seen[k] = area
			}
		}
	}
}

func TestCataloguesHaveNoEmptyText(t *testing.T) {
	for lang, cat := range shown {
		for k, v := range cat {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: %q is empty", lang, k)
			}
		}
		if len(cat) < 900 {
			t.Errorf("%s: only %d texts: areas are missing from Areas", lang, len(cat))
		}
	}
}

// verbRe finds printf verbs: %d, %s, %5.2f, %[2]s, %%.
var verbRe = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*(\*|\d+)?(\.(\*|\d+))?[a-zA-Z%]`)

// verbs lists a text's verbs, each with the argument it takes, in argument
// order (a translation may reorder them with %[n]); a verb used twice
// counts once.
func verbs(s string) []string {
	var out []string
	next := 1
	for _, m := range verbRe.FindAllStringSubmatch(s, -1) {
		v := m[0]
		if v == "%%" {
			continue
		}
		arg := next
		if m[1] != "" {
			arg, _ = strconv.Atoi(strings.Trim(m[1], "[]"))
		}
		next = arg + 1
		out = append(out, strconv.Itoa(arg)+":"+v[len(v)-1:])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestCataloguesHaveTheSameVerbs(t *testing.T) {
	for k, frText := range shown[French] {
		enText, ok := shown[English][k]
		if !ok {
			continue
		}
		if vf, ve := verbs(frText), verbs(enText); !slices.Equal(vf, ve) {
			t.Errorf("%q: French has %v, English has %v", k, vf, ve)
		}
	}
}

func TestVerbsParser(t *testing.T) {
	if got := verbs("%d caractères au moins (%d saisis), 100%%"); !slices.Equal(got, []string{"1:d", "2:d"}) {
		t.Fatal(got)
	}
	if got := verbs("%[2]s à %[1]s, %[2]s"); !slices.Equal(got, []string{"1:s", "2:s"}) {
		t.Fatal(got)
	}
}

// namedRe is a {name} placeholder, the syntax the catalogue no longer has.
var namedRe = regexp.MustCompile(`\{[a-z_]+\}`)

// One placeholder syntax: printf verbs. A text numbers all its verbs or
// none (a text that mixes both is hard to translate and easy to get
// wrong); a numbered text is filled from a fixed list of arguments (help,
// the console's facts, the mails' intros), whose order its area's file
// says.
func TestOnePlaceholderSyntax(t *testing.T) {
	numbered := regexp.MustCompile(`%\[\d+\]`)
	for lang, cat := range shown {
		for k, v := range cat {
			if m := namedRe.FindString(v); m != "" {
				t.Errorf("%s: %q has the placeholder %s: use a printf verb (%%s, %%[2]s)", lang, k, m)
			}
			all := strings.Count(strings.ReplaceAll(v, "%%", ""), "%")
			if n := len(numbered.FindAllString(v, -1)); n > 0 && n != all {
				t.Errorf("%s: %q numbers %d of its %d verbs: number all or none", lang, k, n, all)
			}
		}
	}
}

// A counted text (N) has both forms, in both languages.
func TestCountedTextsHaveBothForms(t *testing.T) {
	for lang, cat := range shown {
		for k := range cat {
			if base, ok := strings.CutSuffix(k, ".one"); ok {
				if _, ok := cat[base+".other"]; !ok {
					t.Errorf("%s: %q has no .other", lang, k)
				}
			}
			if base, ok := strings.CutSuffix(k, ".other"); ok && !strings.HasSuffix(base, ".") {
				if _, ok := cat[base+".one"]; !ok && isCounted(cat[k]) {
					t.Errorf("%s: %q has no .one", lang, k)
				}
			}
		}
	}
}

// isCounted: a .other text with a count in it (some keys end in .other
// without being counted: helpdesk.outcome.other, home.other).
func isCounted(s string) bool { return strings.Contains(s, "%d") || strings.Contains(s, "]d") }

// The plural rule: French counts 0 and 1 as singular, English only 1.
func TestPluralRule(t *testing.T) {
	for _, tc := range []struct {
		lang Lang
		n    int
		want string
	}{
		{French, 0, "one"}, {French, 1, "one"}, {French, 2, "other"},
		{English, 0, "other"}, {English, 1, "one"}, {English, 2, "other"},
	} {
		if got := Form(tc.lang, tc.n); got != tc.want {
			t.Errorf("%s %d: %s, want %s", tc.lang, tc.n, got, tc.want)
		}
	}
	if got := N(French, "error.code.wrong", 0); got != "Code incorrect. Il vous reste 0\u00a0essai." &&
		got != "Code incorrect. Il vous reste 0 essai." {
		t.Errorf("N: %q", got)
	}
	if got := N(English, "error.code.wrong", 0); !strings.Contains(got, "0 tries") && !strings.Contains(got, "0 attempts") {
		t.Errorf("N: %q", got)
	}
}

// French spaces before « : ; ? ! » and inside « » are no-break spaces in
// every French text (but the plain ones), so no line breaks there.
func TestFrenchTextsTakeNoBreakSpaces(t *testing.T) {
	spaced := regexp.MustCompile(` [:;?!»]|« `)
	for k, v := range shown[French] {
		m := spaced.FindString(v)
		if m != "" && !plain[k] {
			t.Errorf("%s: plain space in %q: %q", k, m, v)
		}
		if m == "" && plain[k] && strings.Contains(v, "\u00a0") {
			t.Errorf("%s: a plain text with a no-break space: %q", k, v)
		}
	}
	for k := range plain {
		if !Has(French, k) {
			t.Errorf("plain names %q, which is not in the catalogue", k)
		}
	}
}

func TestMissingKey(t *testing.T) {
	if got := T(English, "no.such.key"); got != "⟦no.such.key⟧" {
		t.Error(got)
	}
	if got := Plain(French, "mail.date.on", "jeudi"); got != "le jeudi" {
		t.Error(got)
	}
}
