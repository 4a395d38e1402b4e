package data

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/trustelem/zxcvbn/frequency"
)

// The strength meter's estimate: zxcvbn's model (Wheeler, "zxcvbn:
// Low-Budget Password Strength Estimation", USENIX Security 2016), written
// here so that nothing of it is built before a password is typed. A
// password is cut into the patterns an attacker tries first (words of
// ranked lists, keyboard walks, repeats, sequences, dates), each with the
// number of guesses it costs; the cut with the fewest guesses in all is
// the estimate, and its order of magnitude the score, 0 to 4.
//
// On passwords of ASCII characters it follows the Go port the meter used
// before (github.com/trustelem/zxcvbn v1.0.1) step by step, so that scores
// agree (TestStrengthAgreesWithZxcvbn); it adds French words, the AZERTY
// keyboard, accents folded (é reads as e) and counts positions in
// characters, not bytes.

// The model's constants, zxcvbn's.
const (
	bruteforceCardinality = 10    // guesses per character nothing else explains
	minGuessesBeforeGrow  = 10000 // D: an attacker tries shorter cuts first
	minSubmatchSingleChar = 10    // a one-character part of a longer password
	minSubmatchMultiChar  = 50
	minYearSpace          = 20 // years around the current one an attacker tries
)

// guessesCap bounds a part's guesses where computing them in full costs
// more than it tells: past 10¹⁰ a part makes any cut holding it score 4,
// and a cut of fewer guesses does not hold it, so a capped part changes no
// score.
const guessesCap = 1e11

// rankedWord is a word and its rank: the guesses an attacker who tries
// words in order of frequency needs to reach it.
type rankedWord struct {
	word string
	rank int32
}

// wordList is sorted by word, so that a prefix narrows to a range: the
// matchers walk it like a trie, and a reading that no word begins with is
// dropped at once.
type wordList []rankedWord

// strengthModel is what the estimate reads; built once, on first use.
type strengthModel struct {
	words     wordList
	keyboards []namedKeyboard
}

type namedKeyboard struct {
	kb *keyboard
	// stats gives the figures its walks are guessed with (Dvorak uses
	// QWERTY's, the Mac keypad the PC keypad's, as zxcvbn does).
	stats *keyboard
}

// frenchRank is the rank of every French word: the list has no
// frequencies, and an attacker going through it finds a word, on average,
// half-way.
func frenchRank(n int) int32 { return int32(n / 2) }

// strength is built on first use, like dictionary: English words, names
// and leaked passwords ranked by frequency (zxcvbn's lists, MIT, carried
// by the module), French stems (hunspell-fr, MPL 2.0, embedded).
var strength = sync.OnceValue(func() *strengthModel { return newStrengthModel(true) })

// newStrengthModel builds the lists and keyboards; without french it is
// zxcvbn's model alone (no French words, no AZERTY), which tests compare
// with zxcvbn itself.
func newStrengthModel(french bool) *strengthModel {
	lists := []string{"passwords", "english_wikipedia", "female_names", "surnames", "us_tv_and_film", "male_names"}
	n := 0
	for _, name := range lists {
		n += len(frequency.FrequencyLists[name])
	}
	words := make(wordList, 0, n)
	// zxcvbn's six lists; a word met twice keeps its best rank (sortWords)
	for _, name := range lists {
		for i, w := range frequency.FrequencyLists[name] {
			words = append(words, rankedWord{w, int32(i + 1)})
		}
	}
	qwerty, keypad := buildKeyboard(qwertyLayout), buildKeyboard(keypadLayout)
	m := &strengthModel{keyboards: []namedKeyboard{
		{qwerty, qwerty}, {buildKeyboard(dvorakLayout), qwerty},
		{keypad, keypad}, {buildKeyboard(macKeypadLayout), keypad},
	}}
	m.words = sortWords(words)
	if french {
		// fr.txt is sorted already (gen.go): merged, not sorted again
		fr := make(wordList, 0, strings.Count(frenchWords, "\n"))
		for line := range strings.Lines(frenchWords) {
			if line = strings.TrimSuffix(line, "\n"); line != "" && line[0] != '#' {
				fr = append(fr, rankedWord{line, 0})
			}
		}
		for x := range fr {
			fr[x].rank = frenchRank(len(fr))
		}
		m.words = mergeWords(m.words, fr)
		azerty := buildKeyboard(azertyLayout)
		m.keyboards = append(m.keyboards, namedKeyboard{azerty, azerty})
	}
	return m
}

// mergeWords merges two sorted lists, a word in both keeping its best rank.
func mergeWords(a, b wordList) wordList {
	out := make(wordList, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		switch c := strings.Compare(a[0].word, b[0].word); {
		case c < 0:
			out, a = append(out, a[0]), a[1:]
		case c > 0:
			out, b = append(out, b[0]), b[1:]
		default:
			out = append(out, rankedWord{a[0].word, min(a[0].rank, b[0].rank)})
			a, b = a[1:], b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// sortWords sorts by word and keeps, for a word met more than once, its
// best rank (the cheapest way to reach it).
func sortWords(words wordList) wordList {
	slices.SortFunc(words, func(a, b rankedWord) int {
		if c := strings.Compare(a.word, b.word); c != 0 {
			return c
		}
		return int(a.rank - b.rank)
	})
	return slices.CompactFunc(words, func(a, b rankedWord) bool { return a.word == b.word })
}

// userWords ranks the person's own data as zxcvbn ranks its user inputs:
// in the order given, lowered (and here folded too), the last of equal
// words counting.
func userWords(inputs []string) wordList {
	last := map[string]int32{}
	for i, in := range inputs {
		last[string(foldRunes([]rune(in)))] = int32(i + 1)
	}
	words := make(wordList, 0, len(last))
	for w, r := range last {
		if w != "" {
			words = append(words, rankedWord{w, r})
		}
	}
	return sortWords(words)
}

// passwordStrength scores pw from 0 (too guessable: under 10³ guesses) to
// 4 (10¹⁰ or more). inputs are the person's own data (names, numbers),
// words an attacker who knows them tries first; year is the current year,
// around which dates and years are guessed.
func passwordStrength(pw string, inputs []string, year int) int {
	if !utf8.ValidString(pw) {
		return 0
	}
	return guessesToScore(strength().guesses(pw, inputs, year))
}

// guesses is the estimate itself.
func (m *strengthModel) guesses(pw string, inputs []string, year int) float64 {
	e := estimator{model: m, user: userWords(inputs), year: year}
	return e.guesses([]rune(pw), true)
}

// guessesToScore uses zxcvbn's thresholds (with its small margin).
func guessesToScore(guesses float64) int {
	const delta = 5
	switch {
	case guesses < 1e3+delta:
		return 0
	case guesses < 1e6+delta:
		return 1
	case guesses < 1e8+delta:
		return 2
	case guesses < 1e10+delta:
		return 3
	}
	return 4
}

// estimator holds one estimate's inputs.
type estimator struct {
	model *strengthModel
	user  wordList
	year  int
}

// match is one pattern found in the password: characters i to j inclusive
// and the guesses it costs.
type match struct {
	i, j       int
	guesses    float64
	bruteforce bool
}

// guesses finds every pattern in pw, then the cut of least guesses.
// withUser is false for a repeat's base, which zxcvbn matches without the
// person's data.
func (e *estimator) guesses(pw []rune, withUser bool) float64 {
	if len(pw) == 0 {
		return 1
	}
	return mostGuessable(pw, e.omnimatch(pw, withUser))
}

// minGuesses is zxcvbn's floor for a part of a longer password: a
// one-character part is at least 10 guesses, a longer one 50.
func minGuesses(g float64, tokenLen, pwLen int) float64 {
	min := 1.0
	if tokenLen < pwLen {
		min = minSubmatchMultiChar
		if tokenLen == 1 {
			min = minSubmatchSingleChar
		}
	}
	return max(g, min)
}

// dpEntry is the best cut of l parts found so far ending at one position:
// the product of its parts' guesses, its total, and whether its last part
// is brute force.
type dpEntry struct {
	l          int
	pi, g      float64
	bruteforce bool
}

// mostGuessable is zxcvbn's dynamic programme: for every prefix and
// number of parts l, the cut minimising
//
//	l! · Π guesses(part) + D^(l-1)
//
// (the factorial: the parts can come in any order; D^(l-1): an attacker
// tries cuts of fewer parts first). Parts nothing explains are brute force
// (10 guesses a character), never two in a row. The order of the updates
// is zxcvbn's, which its result depends on in close cases.
func mostGuessable(pw []rune, matches []match) float64 {
	n := len(pw)
	// zxcvbn takes the matches ending at each position by start
	slices.SortStableFunc(matches, func(a, b match) int {
		if a.j != b.j {
			return a.j - b.j
		}
		return a.i - b.i
	})
	opt := make([][]dpEntry, n)
	update := func(m match, l int) {
		k := m.j
		pi := m.guesses
		if l > 1 {
			pi *= find(opt[m.i-1], l-1).pi
		}
		g := factorial(l)*pi + growPenalty(l)
		for _, c := range opt[k] {
			if c.l <= l && c.g <= g {
				return
			}
		}
		e := dpEntry{l: l, pi: pi, g: g, bruteforce: m.bruteforce}
		for x := range opt[k] {
			if opt[k][x].l == l {
				opt[k][x] = e
				return
			}
		}
		// kept in order of l: extensions are tried by increasing length
		at, _ := slices.BinarySearchFunc(opt[k], l, func(c dpEntry, l int) int { return c.l - l })
		opt[k] = slices.Insert(opt[k], at, e)
	}
	next := 0
	for k := 0; k < n; k++ {
		for ; next < len(matches) && matches[next].j == k; next++ {
			m := matches[next]
			if m.i == 0 {
				update(m, 1)
				continue
			}
			for _, prev := range opt[m.i-1] {
				update(m, prev.l+1)
			}
		}
		update(match{i: 0, j: k, guesses: bruteforceGuesses(k + 1), bruteforce: true}, 1)
		for i := 1; i <= k; i++ {
			m := match{i: i, j: k, guesses: bruteforceGuesses(k - i + 1), bruteforce: true}
			for _, prev := range opt[i-1] {
				if !prev.bruteforce {
					update(m, prev.l+1)
				}
			}
		}
	}
	best := math.Inf(1)
	for _, c := range opt[n-1] {
		best = min(best, c.g)
	}
	return best
}

func find(entries []dpEntry, l int) dpEntry {
	for _, e := range entries {
		if e.l == l {
			return e
		}
	}
	panic("strength: no cut to extend")
}

// bruteforceGuesses: 10 per character, at least one more than a part's floor.
func bruteforceGuesses(length int) float64 {
	g := math.Pow(bruteforceCardinality, float64(length))
	if length == 1 {
		return max(g, minSubmatchSingleChar+1)
	}
	return max(g, minSubmatchMultiChar+1)
}

// factorial and nCk compute as zxcvbn does, so that close cases round
// alike; the first factorials and penalties are tabled (a long password
// makes tens of thousands of updates).
func factorial(n int) float64 {
	if t := dpTables(); n < len(t.factorial) {
		return t.factorial[n]
	}
	f := 1.0
	for i := 2; i <= n; i++ {
		f *= float64(i)
	}
	return f
}

// growPenalty is D^(l-1).
func growPenalty(l int) float64 {
	if t := dpTables(); l < len(t.penalty) {
		return t.penalty[l]
	}
	return math.Pow(minGuessesBeforeGrow, float64(l-1))
}

// dpTables are computed on first use too.
var dpTables = sync.OnceValue(func() *dpTable {
	t := new(dpTable)
	f := 1.0
	for l := range t.factorial {
		if l >= 2 {
			f *= float64(l)
		}
		t.factorial[l] = f
		t.penalty[l] = math.Pow(minGuessesBeforeGrow, float64(l-1))
	}
	return t
})

type dpTable struct {
	factorial, penalty [PasswordMaxLength + 2]float64
}

func nCk(n, k int) float64 {
	if k > n {
		return 0
	}
	r := 1.0
	for d := 1; d <= k; d++ {
		r *= float64(n)
		r /= float64(d)
		n--
	}
	return r
}
