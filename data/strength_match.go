package data

import (
	"math"
	"slices"
	"sort"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The patterns of the strength estimate (strength.go), in zxcvbn's order:
// words, reversed words, words in l33t, keyboard walks, repeats,
// sequences, recent years, dates.
func (e *estimator) omnimatch(pw []rune, withUser bool) []match {
	folded := foldRunes(pw)
	var all []match
	add := func(ms []match) {
		slices.SortStableFunc(ms, byStart)
		all = append(all, ms...)
	}
	lists := []wordList{e.model.words}
	if withUser && len(e.user) > 0 {
		lists = append(lists, e.user)
	}
	add(e.dictionaryMatches(pw, folded, lists, false))
	add(e.dictionaryMatches(pw, folded, lists, true))
	add(e.l33tMatches(pw, folded, lists))
	var walks []match
	for _, kb := range e.model.keyboards {
		walks = append(walks, spatialMatches(pw, kb)...)
	}
	add(walks)
	add(e.repeatMatches(pw))
	add(sequenceMatches(pw))
	add(e.yearMatches(pw))
	add(e.dateMatches(pw))
	return all
}

func byStart(a, b match) int {
	if a.i != b.i {
		return a.i - b.i
	}
	return a.j - b.j
}

// foldRunes lowers each character and takes its accent off (É → e), one
// character for one, so that positions stay those of the password.
func foldRunes(pw []rune) []rune {
	out := make([]rune, len(pw))
	for x, r := range pw {
		out[x] = foldRune(r)
	}
	return out
}

func foldRune(r rune) rune {
	r = unicode.ToLower(r)
	if r < utf8RuneSelf {
		return r
	}
	if f, ok := foldLetters[r]; ok && len(f) == 1 {
		return rune(f[0])
	}
	d := []rune(norm.NFD.String(string(r)))
	if len(d) > 1 && d[0] < utf8RuneSelf {
		for _, m := range d[1:] {
			if !unicode.Is(unicode.Mn, m) {
				return r
			}
		}
		return d[0]
	}
	return r
}

const utf8RuneSelf = 0x80

// span is the range of a sorted word list whose words begin with a prefix
// of depth bytes.
type span struct{ lo, hi, depth int }

// narrow keeps the words whose next byte is b.
func (ws wordList) narrow(s span, b byte) span {
	d := s.depth
	lo := s.lo + sort.Search(s.hi-s.lo, func(k int) bool {
		w := ws[s.lo+k].word
		return len(w) > d && w[d] >= b
	})
	hi := lo + sort.Search(s.hi-lo, func(k int) bool {
		w := ws[lo+k].word
		return len(w) > d && w[d] > b
	})
	return span{lo, hi, d + 1}
}

// step narrows by a character (its UTF-8 bytes).
func (ws wordList) step(s span, r rune) span {
	if r < utf8RuneSelf {
		return ws.narrow(s, byte(r))
	}
	for _, b := range []byte(string(r)) {
		if s = ws.narrow(s, b); s.lo == s.hi {
			break
		}
	}
	return s
}

// exact is the rank of the word the prefix spells whole, if any.
func (ws wordList) exact(s span) (int32, bool) {
	if s.lo < s.hi && len(ws[s.lo].word) == s.depth {
		return ws[s.lo].rank, true
	}
	return 0, false
}

// dictionaryMatches finds every word of the lists in the password (read
// backwards if reversed), keeping for each place its best rank.
func (e *estimator) dictionaryMatches(pw, folded []rune, lists []wordList, reversed bool) []match {
	n := len(pw)
	text := folded
	if reversed {
		text = slices.Clone(folded)
		slices.Reverse(text)
	}
	best := map[[2]int]float64{}
	var out []match
	for _, ws := range lists {
		for i := 0; i < n; i++ {
			s := span{0, len(ws), 0}
			for j := i; j < n; j++ {
				if s = ws.step(s, text[j]); s.lo == s.hi {
					break
				}
				rank, ok := ws.exact(s)
				if !ok {
					continue
				}
				a, b := i, j
				if reversed {
					a, b = n-1-j, n-1-i
				}
				g := float64(rank) * uppercaseVariations(pw[a:b+1])
				if reversed {
					g *= 2
				}
				g = minGuesses(g, b-a+1, n)
				key := [2]int{a, b}
				if old, seen := best[key]; !seen {
					best[key] = g
					out = append(out, match{i: a, j: b, guesses: g})
				} else if g < old {
					best[key] = g
					for x := range out {
						if out[x].i == a && out[x].j == b {
							out[x].guesses = g
						}
					}
				}
			}
		}
	}
	return out
}

// uppercaseVariations: a word with capitals costs the ways its capitals
// could be placed; first or last letter or all capitals only double it.
func uppercaseVariations(w []rune) float64 {
	upper, lower := 0, 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'a' && r <= 'z':
			lower++
		}
	}
	if upper == 0 {
		return 1
	}
	isUpper := func(r rune) bool { return r >= 'A' && r <= 'Z' }
	if len(w) >= 2 && isUpper(w[0]) && upper == 1 { // Soleil
		return 2
	}
	if len(w) >= 2 && isUpper(w[len(w)-1]) && upper == 1 { // soleiL
		return 2
	}
	if lower == 0 { // SOLEIL
		return 2
	}
	v := 0.0
	for i := 1; i <= min(upper, lower); i++ {
		v += nCk(upper+lower, i)
	}
	return v
}

// l33tTable: the letters each character is read as.
var l33tTable = map[rune][]rune{
	'4': {'a'}, '@': {'a'}, '8': {'b'}, '(': {'c'}, '{': {'c'}, '[': {'c'}, '<': {'c'},
	'3': {'e'}, '6': {'g'}, '9': {'g'}, '1': {'i', 'l'}, '!': {'i'}, '|': {'i', 'l'},
	'7': {'l', 't'}, '0': {'o'}, '$': {'s'}, '5': {'s'}, '+': {'t'}, '%': {'x'}, '2': {'z'},
}

// l33tState is one reading of the characters from a start: the words it
// may still become, and how each l33t character met so far is read (a
// character reads one way throughout, and two characters never read as the
// same letter, as in zxcvbn).
type l33tState struct {
	s     span
	subs  [8]l33tSub
	nsubs int
	subst bool // at least one character read as a letter
}

type l33tSub struct{ from, to rune } // to == from: read as itself

// maxL33tStates bounds the readings followed from one start; only a
// contrived string of many ambiguous characters comes near it.
const maxL33tStates = 256

// l33tMatches finds the words spelt with substitutions (p4ssw0rd).
func (e *estimator) l33tMatches(pw, folded []rune, lists []wordList) []match {
	n := len(pw)
	literal := l33tLiterals(folded)
	best := map[[2]int]int{}
	var out []match
	var states, next []l33tState
	for _, ws := range lists {
		for i := 0; i < n; i++ {
			states = append(states[:0], l33tState{s: span{0, len(ws), 0}})
			for j := i; j < n && len(states) > 0; j++ {
				next = next[:0]
				c := folded[j]
				for _, st := range states {
					for _, nx := range st.readings(c, literal[c]) {
						if len(next) >= maxL33tStates {
							break
						}
						s, to := nx.s, c
						if k := nx.subFor(c); k >= 0 {
							to = nx.subs[k].to
						}
						if s = ws.step(s, to); s.lo == s.hi {
							continue
						}
						nx.s = s
						next = append(next, nx)
						rank, ok := ws.exact(s)
						if !ok || !nx.subst || j == i {
							continue
						}
						g := float64(rank) * uppercaseVariations(pw[i:j+1]) * l33tVariations(pw[i:j+1], nx)
						g = minGuesses(g, j-i+1, n)
						key := [2]int{i, j}
						if x, seen := best[key]; !seen {
							best[key] = len(out)
							out = append(out, match{i: i, j: j, guesses: g})
						} else if g < out[x].guesses {
							out[x].guesses = g
						}
					}
				}
				states, next = next, states
			}
		}
	}
	return out
}

func (st *l33tState) subFor(c rune) int {
	for k := 0; k < st.nsubs; k++ {
		if st.subs[k].from == c {
			return k
		}
	}
	return -1
}

// l33tLiterals are the l33t characters of the password that zxcvbn may
// leave as they are: those whose every letter has another stand-in in the
// password (with @ present, 4 may stay 4: a reads @). Any other is always
// read as a letter.
func l33tLiterals(pw []rune) map[rune]bool {
	present := map[rune]bool{}
	for _, r := range pw {
		if _, ok := l33tTable[r]; ok {
			present[r] = true
		}
	}
	literal := map[rune]bool{}
	for c := range present {
		ok := true
		for _, l := range l33tTable[c] {
			other := false
			for o := range present {
				other = other || o != c && slices.Contains(l33tTable[o], l)
			}
			ok = ok && other
		}
		literal[c] = ok
	}
	return literal
}

// readings are the states after reading c: as already decided, or, the
// first time c is met, as each letter no other character reads as yet,
// and as itself if literal.
func (st l33tState) readings(c rune, literal bool) []l33tState {
	letters, ok := l33tTable[c]
	if !ok || st.subFor(c) >= 0 {
		return []l33tState{st}
	}
	out := make([]l33tState, 0, len(letters)+1)
	if st.nsubs == len(st.subs) {
		return append(out, st) // too many: read as itself
	}
	if literal {
		self := st
		self.subs[self.nsubs] = l33tSub{c, c}
		self.nsubs++
		out = append(out, self)
	}
	for _, l := range letters {
		taken := false
		for k := 0; k < st.nsubs; k++ {
			taken = taken || st.subs[k].to == l && st.subs[k].from != st.subs[k].to
		}
		if taken {
			continue
		}
		sub := st
		sub.subs[sub.nsubs] = l33tSub{c, l}
		sub.nsubs++
		sub.subst = true
		out = append(out, sub)
	}
	return out
}

// l33tVariations: each substitution used at least doubles the guesses; a
// token with both the letter and its stand-in costs the ways to mix them.
func l33tVariations(token []rune, st l33tState) float64 {
	v := 1.0
	for k := 0; k < st.nsubs; k++ {
		sub := st.subs[k]
		if sub.from == sub.to {
			continue
		}
		s, u := 0, 0
		for _, r := range token {
			r = unicode.ToLower(r)
			if r == sub.from {
				s++
			}
			if r == sub.to {
				u++
			}
		}
		if s == 0 || u == 0 {
			v *= 2
			continue
		}
		p := 0.0
		for i := 1; i <= min(u, s); i++ {
			p += nCk(u+s, i)
		}
		v *= p
	}
	return v
}

// spatialMatches finds walks of three keys or more along neighbours.
func spatialMatches(pw []rune, nk namedKeyboard) []match {
	kb := nk.kb
	n := len(pw)
	var out []match
	for i := 0; i < n-1; {
		j := i + 1
		lastDir, turns, shifted := -99, 0, 0
		if kb.shifted[pw[i]] {
			shifted = 1
		}
		for {
			found := false
			if j < n {
				cur := pw[j]
			dirs:
				for dir, key := range kb.neighbours[pw[j-1]] {
					for x, r := range key {
						if r == cur {
							found = true
							if x == 1 {
								shifted++
							}
							if dir != lastDir {
								turns++
								lastDir = dir
							}
							break dirs
						}
					}
				}
			}
			if found {
				j++
				continue
			}
			if j-i > 2 {
				g := spatialGuesses(j-i, turns, shifted, nk.stats)
				out = append(out, match{i: i, j: j - 1, guesses: minGuesses(g, j-i, n)})
			}
			i = j
			break
		}
	}
	return out
}

// spatialGuesses: the walks of that length with at most that many turns,
// from any key, times the ways to place its shifted characters.
func spatialGuesses(length, turns, shifted int, kb *keyboard) float64 {
	g := 0.0
	for i := 2; i <= length; i++ {
		for j := 1; j <= min(turns, i-1); j++ {
			g += nCk(i-1, j-1) * kb.keys * math.Pow(kb.degree, float64(j))
		}
		if g > guessesCap {
			return guessesCap // a long winding walk: the sum is cubic in its length
		}
	}
	if shifted > 0 {
		u := length - shifted
		if u == 0 {
			g *= 2
		} else {
			v := 0.0
			for i := 1; i <= min(shifted, u); i++ {
				v += nCk(shifted+u, i)
			}
			g *= v
		}
	}
	return g
}
