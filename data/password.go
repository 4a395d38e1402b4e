package data

import (
	_ "embed"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/rivo/uniseg"
	"github.com/trustelem/zxcvbn/frequency"
)

// The university's password rules (DESIGN §1), enforced exactly.
const (
	PasswordMinLength         = 8
	PasswordRecommendedLength = 12
	PasswordMaxLength         = 128
	// ForbiddenPasswordChars are refused by the university's directory.
	ForbiddenPasswordChars = `<>"'$`
)

// Rule names one password rule, so that a screen can show a checklist.
type Rule string

const (
	RuleMinLength  Rule = "min_length" // at least 8 characters
	RuleMaxLength  Rule = "max_length" // at most 128 characters
	RuleDigit      Rule = "digit"      // at least one digit
	RuleLetter     Rule = "letter"     // at least one letter
	RuleForbidden  Rule = "forbidden"  // none of < > " ' $
	RuleDictionary Rule = "dictionary" // not a word, not a leaked password
	RulePersonal   Rule = "personal"   // not built on the person's own data
)

// Rules is the order in which screens list them.
var Rules = []Rule{RuleMinLength, RuleMaxLength, RuleDigit, RuleLetter, RuleForbidden, RuleDictionary, RulePersonal}

// RuleResult is one line of the checklist.
type RuleResult struct {
	Rule Rule
	OK   bool
	// For RuleForbidden: the first forbidden character and its position
	// (1-based, in characters as people count them).
	Char     rune
	Position int
	// For RuleForbidden: every forbidden character found, in order (the
	// checklist names them all: abc<d$f"g1 has three).
	Found []ForbiddenChar
}

// ForbiddenChar is a forbidden character of a password and its position
// (1-based, in characters as people count them).
type ForbiddenChar struct {
	Char     rune
	Position int
}

// PolicyResult is the whole checklist for one password.
type PolicyResult struct {
	Rules       []RuleResult
	Length      int  // in characters (grapheme clusters: é and 👍🏽 count one)
	Recommended bool // at least 12 characters
	Strength    int  // 0 (very weak) to 4 (strong), zxcvbn's model (strength.go)
}

// OK says whether every rule holds.
func (r PolicyResult) OK() bool {
	for _, rr := range r.Rules {
		if !rr.OK {
			return false
		}
	}
	return len(r.Rules) > 0
}

// Result returns the result of one rule.
func (r PolicyResult) Result(rule Rule) RuleResult {
	for _, rr := range r.Rules {
		if rr.Rule == rule {
			return rr
		}
	}
	return RuleResult{Rule: rule}
}

// PersonalData is what a password must not be built on.
type PersonalData struct {
	Prenom, Nom   string
	Identifiant   string // full or local part
	StudentNumber string
	BirthDate     time.Time
}

// CheckPassword runs every rule on pw. It never changes pw.
func CheckPassword(pw string, p PersonalData) PolicyResult {
	length := uniseg.GraphemeClusterCount(pw)
	res := PolicyResult{Length: length, Recommended: length >= PasswordRecommendedLength}

	hasDigit, hasLetter := false, false
	for _, r := range pw {
		hasDigit = hasDigit || unicode.IsDigit(r)
		hasLetter = hasLetter || unicode.IsLetter(r)
	}
	forbidden := RuleResult{Rule: RuleForbidden, OK: true}
	gr := uniseg.NewGraphemes(pw)
	for pos := 1; gr.Next(); pos++ {
		// A forbidden character stays forbidden under a combining mark.
		if i := strings.IndexAny(gr.Str(), ForbiddenPasswordChars); i >= 0 {
			if forbidden.OK {
				forbidden = RuleResult{Rule: RuleForbidden, Char: rune(gr.Str()[i]), Position: pos}
			}
			forbidden.Found = append(forbidden.Found, ForbiddenChar{Char: rune(gr.Str()[i]), Position: pos})
		}
	}
	res.Rules = []RuleResult{
		{Rule: RuleMinLength, OK: length >= PasswordMinLength},
		{Rule: RuleMaxLength, OK: length <= PasswordMaxLength},
		{Rule: RuleDigit, OK: hasDigit},
		{Rule: RuleLetter, OK: hasLetter},
		forbidden,
		// Past 128 characters the password is refused already: the costly
		// rules are not run on a paste of any size.
		{Rule: RuleDictionary, OK: pw != "" && (length > PasswordMaxLength || !isDictionaryPassword(pw))},
		{Rule: RulePersonal, OK: pw != "" && (length > PasswordMaxLength || !isPersonal(pw, p))},
	}
	if pw != "" && length <= PasswordMaxLength {
		// The estimate is quadratic in the length; past 128 the rule already fails.
		res.Strength = passwordStrength(pw, p.inputs(), time.Now().Year())
	}
	return res
}

// substitutions are the common "leet" spellings, undone before comparing.
// '1' is read both as 'l' and as 'i'.
var substitutions = map[rune][]rune{
	'0': {'o'}, '1': {'l', 'i'}, '3': {'e'}, '4': {'a'}, '5': {'s'}, '@': {'a'}, '$': {'s'},
}

// readings returns the folded password with its substitutions undone, each
// way a '1' can be read; past 6 ones, only the two uniform readings (all 'l',
// all 'i') to stay bounded.
func readings(s string) []string {
	folded := Fold(s)
	ones := strings.Count(folded, "1")
	if ones > 6 {
		return []string{uniformReading(folded, 0), uniformReading(folded, 1)}
	}
	// One pass per reading (at most 64), each linear in the length.
	out := make([]string, 0, 1<<ones)
	for choice := 0; choice < 1<<ones; choice++ {
		var b strings.Builder
		b.Grow(len(folded))
		k := 0
		for _, r := range folded {
			subs, ok := substitutions[r]
			switch {
			case !ok:
				b.WriteRune(r)
			case len(subs) == 1:
				b.WriteRune(subs[0])
			default:
				b.WriteRune(subs[(choice>>k)&1])
				k++
			}
		}
		out = append(out, b.String())
	}
	return out
}

// uniformReading undoes every substitution with its choice-th reading.
func uniformReading(folded string, choice int) string {
	var b strings.Builder
	for _, r := range folded {
		if subs, ok := substitutions[r]; ok {
			r = subs[min(choice, len(subs)-1)]
		}
		b.WriteRune(r)
	}
	return b.String()
}

// trimTrail removes trailing digits and punctuation ("soleil2024!" → "soleil").
func trimTrail(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsDigit(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r)
	})
}

// isDictionaryPassword: the password, read with substitutions undone and
// trailing digits and punctuation removed (in either order: "S0leil2024!"
// is "soleil"), is a French or English word or a commonly leaked password.
func isDictionaryPassword(pw string) bool {
	dict := dictionary()
	if dict.leaked[strings.ToLower(pw)] {
		return true
	}
	for _, c := range dictionaryCandidates(pw) {
		if dict.has(c) {
			return true
		}
	}
	return false
}

// dictionaryCandidates are the ways pw can be read as a word.
func dictionaryCandidates(pw string) []string {
	folded := Fold(pw)
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, base := range []string{folded, trimTrail(folded)} {
		add(base)
		for _, r := range readings(base) {
			add(r)
			add(trimTrail(r))
		}
	}
	return out
}

// has says whether w is a word of the lists, or the plural of one (the
// French list holds stems only: "soleils" is "soleil", "chevaux" "cheval").
func (d wordSets) has(w string) bool {
	if len(w) < 3 {
		return false
	}
	if d.words[w] || d.leaked[w] {
		return true
	}
	if len(w) >= 5 && strings.HasSuffix(w, "aux") && d.words[strings.TrimSuffix(w, "ux")+"l"] {
		return true
	}
	if len(w) >= 4 && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x")) {
		stem := w[:len(w)-1]
		return d.words[stem] || d.leaked[stem]
	}
	return false
}

// isPersonal: the password contains the person's names, identifiant,
// student number or birth date, read with substitutions undone.
func isPersonal(pw string, p PersonalData) bool {
	hay := append(readings(pw), Fold(pw))
	for _, needle := range p.needles() {
		for _, h := range hay {
			if strings.Contains(h, needle) {
				return true
			}
		}
	}
	return false
}

// needles are the personal strings, folded, each at least 3 characters.
func (p PersonalData) needles() []string {
	var out []string
	add := func(s string) {
		s = Fold(strings.TrimSpace(s))
		if len([]rune(s)) >= 3 {
			out = append(out, s)
		}
	}
	splitAdd := func(s string) {
		add(namePart(s))
		add(strings.ReplaceAll(namePart(s), "-", ""))
		for _, part := range strings.FieldsFunc(Fold(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}) {
			add(part)
		}
	}
	splitAdd(p.Prenom)
	splitAdd(p.Nom)
	if p.Identifiant != "" {
		local, _ := NormalizeLogin(p.Identifiant)
		add(local)
		add(strings.NewReplacer(".", "", "-", "").Replace(local))
	}
	add(p.StudentNumber)
	if !p.BirthDate.IsZero() {
		add(p.BirthDate.Format("02012006"))
		add(p.BirthDate.Format("20060102"))
	}
	return out
}

func (p PersonalData) inputs() []string {
	in := []string{p.Prenom, p.Nom, p.StudentNumber, "universite"}
	if p.Identifiant != "" {
		local, _ := NormalizeLogin(p.Identifiant)
		in = append(in, local)
		// the university's own name, as its domain spells it ("umontpellier")
		if _, domain, ok := strings.Cut(p.Identifiant, "@"); ok {
			for _, label := range strings.Split(domain, ".") {
				if len(label) >= 4 {
					in = append(in, label)
				}
			}
		}
	}
	if !p.BirthDate.IsZero() {
		in = append(in, p.BirthDate.Format("02012006"), p.BirthDate.Format("20060102"))
	}
	return in
}

//go:embed wordlists/fr.txt
var frenchWords string

type wordSets struct{ words, leaked map[string]bool }

// dictionary is built once, on first use: French stems from hunspell-fr
// (MPL 2.0, embedded), English words and leaked passwords from zxcvbn's
// frequency lists (MIT, carried by the module).
var dictionary = sync.OnceValue(func() wordSets {
	d := wordSets{words: make(map[string]bool, 140000), leaked: make(map[string]bool, 30000)}
	for _, line := range strings.Split(frenchWords, "\n") {
		if line != "" && line[0] != '#' {
			d.words[line] = true
		}
	}
	for _, list := range []string{"english_wikipedia", "us_tv_and_film"} {
		for _, w := range frequency.FrequencyLists[list] {
			if len(w) >= 3 {
				d.words[w] = true
			}
		}
	}
	for _, w := range frequency.FrequencyLists["passwords"] {
		d.leaked[w] = true
	}
	return d
})

// DictionarySizes reports how many distinct words each list holds (README, tests).
func DictionarySizes() (french, english, leaked int) {
	for _, line := range strings.Split(frenchWords, "\n") {
		if line != "" && line[0] != '#' {
			french++
		}
	}
	seen := map[string]bool{}
	for _, list := range []string{"english_wikipedia", "us_tv_and_film"} {
		for _, w := range frequency.FrequencyLists[list] {
			if len(w) >= 3 {
				seen[w] = true
			}
		}
	}
	return french, len(seen), len(frequency.FrequencyLists["passwords"])
}

// WarmPasswordPolicy builds the word lists the policy and the meter read
// (a tenth of a second of CPU, once per process), so that the first key
// typed in a password field does not wait for them. A kiosk calls it once
// its home is shown; calling it again costs nothing.
func WarmPasswordPolicy() {
	dictionary()
	strength()
}
