package data

import (
	"slices"
	"strconv"
	"unicode"
)

// Repeats, sequences, years and dates of the strength estimate, as zxcvbn
// finds and guesses them.

// repeatMatches finds repeated parts (aaaa, abcabc), from left to right:
// at the first place where something repeats, the longest base that
// repeats unless the shortest one covers as much. A repeat costs its
// base's own estimate times the number of times it comes.
func (e *estimator) repeatMatches(pw []rune) []match {
	n := len(pw)
	var out []match
	for last := 0; last < n; {
		p, long, short := findRepeat(pw, last)
		if p < 0 {
			break
		}
		longLen, shortLen := long*repeats(pw, p, long), short*repeats(pw, p, short)
		token, base := pw[p:p+shortLen], pw[p:p+short]
		if longLen > shortLen {
			token = pw[p : p+longLen]
			base = token[:period(token)]
		}
		g := e.guesses(base, false) * float64(len(token)/len(base))
		out = append(out, match{i: p, j: p + len(token) - 1, guesses: minGuesses(g, len(token), n)})
		last = p + len(token)
	}
	return out
}

// findRepeat is the first place from start where a base is followed by
// itself, with the longest and the shortest such base (zxcvbn's greedy
// and lazy regular expressions, whose '.' stops at a line feed).
func findRepeat(pw []rune, start int) (p, long, short int) {
	for p = start; p < len(pw)-1; p++ {
		reach := len(pw) - p
		if nl := slices.Index(pw[p:], '\n'); nl >= 0 {
			reach = nl
		}
		long, short = 0, 0
		for l := 1; 2*l <= len(pw)-p && l <= reach; l++ {
			if slices.Equal(pw[p:p+l], pw[p+l:p+2*l]) {
				if short == 0 {
					short = l
				}
				long = l
			}
		}
		if short > 0 {
			return p, long, short
		}
	}
	return -1, 0, 0
}

// repeats counts the times base (pw[p:p+l]) comes in a row from p.
func repeats(pw []rune, p, l int) int {
	k := 1
	for p+(k+1)*l <= len(pw) && slices.Equal(pw[p:p+l], pw[p+k*l:p+(k+1)*l]) {
		k++
	}
	return k
}

// period is the length of the shortest base that repeated makes token.
func period(token []rune) int {
	for l := 1; l < len(token); l++ {
		if len(token)%l == 0 && slices.Equal(token[l:], token[:len(token)-l]) {
			return l
		}
	}
	return len(token)
}

// sequenceMatches finds runs of characters a constant step apart (abcd,
// 1357, 9876), the step at most 5; two characters only when the step is 1.
func sequenceMatches(pw []rune) []match {
	n := len(pw)
	var out []match
	if n <= 1 {
		return out
	}
	emit := func(i, j, delta int) {
		d := delta
		if d < 0 {
			d = -d
		}
		if (j-i > 1 || d == 1) && d > 0 && d <= 5 {
			out = append(out, match{i: i, j: j, guesses: minGuesses(sequenceGuesses(pw[i:j+1], delta > 0), j-i+1, n)})
		}
	}
	i, last := 0, 0
	for k := 1; k < n; k++ {
		delta := int(pw[k]) - int(pw[k-1])
		if k == 1 {
			last = delta
		}
		if delta == last {
			continue
		}
		emit(i, k-1, last)
		i, last = k-1, delta
	}
	emit(i, n-1, last)
	return out
}

// sequenceGuesses: from an obvious start (a, z, 0, 1, 9) 4, digits 10,
// others 26; twice as many going down; times the length.
func sequenceGuesses(token []rune, ascending bool) float64 {
	base := 26
	switch c := token[0]; {
	case c == 'a' || c == 'A' || c == 'z' || c == 'Z' || c == '0' || c == '1' || c == '9':
		base = 4
	case c >= '0' && c <= '9':
		base = 10
	}
	if !ascending {
		base *= 2
	}
	return float64(base * len(token))
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// yearMatches finds the years zxcvbn knows as recent (1900–2019: its
// expression), each guessed among the years around the current one.
func (e *estimator) yearMatches(pw []rune) []match {
	n := len(pw)
	var out []match
	for p := 0; p+4 <= n; {
		t := pw[p : p+4]
		if isDigit(t[2]) && isDigit(t[3]) && (t[0] == '1' && t[1] == '9' || t[0] == '2' && t[1] == '0' && (t[2] == '0' || t[2] == '1')) {
			y, _ := strconv.Atoi(string(t))
			out = append(out, match{i: p, j: p + 3, guesses: minGuesses(float64(e.yearSpace(y)), 4, n)})
			p += 4
			continue
		}
		p++
	}
	return out
}

func (e *estimator) yearSpace(y int) int {
	d := y - e.year
	if d < 0 {
		d = -d
	}
	return max(d, minYearSpace)
}

// Dates: day, month and year in any order, with or without a separator,
// years of 2 or 4 digits from 1000 to 2050.
const (
	dateMinYear = 1000
	dateMaxYear = 2050
)

// dateSplits are the ways digits without separator are read as three
// numbers: the ends of the first and second ones.
var dateSplits = map[int][][2]int{
	4: {{1, 2}, {2, 3}},
	5: {{1, 3}, {2, 3}},
	6: {{1, 2}, {2, 4}, {4, 5}},
	7: {{1, 3}, {2, 3}, {4, 5}, {4, 6}},
	8: {{2, 4}, {4, 6}},
}

type dmy struct{ day, month, year int }

// dateMatches finds dates, keeping only those inside no other.
func (e *estimator) dateMatches(pw []rune) []match {
	n := len(pw)
	type found struct {
		i, j int
		year int
		sep  bool
	}
	var all []found
	for i := 0; i <= n-4; i++ {
		for j := i + 3; j <= i+7 && j < n; j++ {
			token := pw[i : j+1]
			if slices.IndexFunc(token, func(r rune) bool { return !isDigit(r) }) >= 0 {
				continue
			}
			bestDist, ok := 0, false
			var best dmy
			for _, s := range dateSplits[len(token)] {
				d, valid := mapIntsToDMY(string(token[:s[0]]), string(token[s[0]:s[1]]), string(token[s[1]:]))
				if !valid {
					continue
				}
				if dist := abs(d.year - e.year); !ok || dist < bestDist {
					best, bestDist, ok = d, dist, true
				}
			}
			if ok {
				all = append(all, found{i, j, best.year, false})
			}
		}
	}
	for i := 0; i <= n-6; i++ {
		for j := i + 5; j <= i+9 && j < n; j++ {
			if d, ok := separatedDate(pw[i : j+1]); ok {
				all = append(all, found{i, j, d.year, true})
			}
		}
	}
	var out []match
	for x, m := range all {
		inside := false
		for y, o := range all {
			if x != y && o.i <= m.i && o.j >= m.j {
				inside = true
				break
			}
		}
		if inside {
			continue
		}
		g := float64(e.yearSpace(m.year) * 365)
		if m.sep {
			g *= 4
		}
		out = append(out, match{i: m.i, j: m.j, guesses: minGuesses(g, m.j-m.i+1, n)})
	}
	return out
}

// separatedDate reads 1-4 digits, a separator, 1-2 digits, the same
// separator, 1-4 digits: the whole token.
func separatedDate(t []rune) (dmy, bool) {
	digits := func(from, lo, hi int) int {
		k := from
		for k < len(t) && isDigit(t[k]) {
			k++
		}
		if k-from < lo || k-from > hi {
			return -1
		}
		return k
	}
	a := digits(0, 1, 4)
	if a < 0 || a >= len(t) || !isDateSeparator(t[a]) {
		return dmy{}, false
	}
	b := digits(a+1, 1, 2)
	if b < 0 || b >= len(t) || t[b] != t[a] {
		return dmy{}, false
	}
	c := digits(b+1, 1, 4)
	if c != len(t) {
		return dmy{}, false
	}
	return mapIntsToDMY(string(t[:a]), string(t[a+1:b]), string(t[b+1:]))
}

// isDateSeparator: a space of any kind, / \ _ . or -.
func isDateSeparator(r rune) bool {
	switch r {
	case '/', '\\', '_', '.', '-':
		return true
	}
	return unicode.IsSpace(r) || unicode.Is(unicode.Z, r)
}

// mapIntsToDMY reads three numbers as a date, as zxcvbn does: the middle
// one a day or a month, no two over 31, a year first or last.
func mapIntsToDMY(s1, s2, s3 string) (dmy, bool) {
	i1, _ := strconv.Atoi(s1)
	i2, _ := strconv.Atoi(s2)
	i3, _ := strconv.Atoi(s3)
	if i2 > 31 || i2 <= 0 {
		return dmy{}, false
	}
	over12, over31, under1 := 0, 0, 0
	for _, i := range [3]int{i1, i2, i3} {
		if i > 99 && i < dateMinYear || i > dateMaxYear {
			return dmy{}, false
		}
		if i > 31 {
			over31++
		}
		if i > 12 {
			over12++
		}
		if i <= 0 {
			under1++
		}
	}
	if over31 >= 2 || over12 == 3 || under1 >= 2 {
		return dmy{}, false
	}
	splits := [2][3]int{{i3, i1, i2}, {i1, i2, i3}} // year last, year first
	for _, s := range splits {
		if dateMinYear <= s[0] && s[0] <= dateMaxYear {
			return mapIntsToDM(s[1], s[2], s[0])
		}
	}
	for _, s := range splits {
		if d, ok := mapIntsToDM(s[1], s[2], s[0]); ok {
			d.year = twoToFourDigitYear(d.year)
			return d, true
		}
	}
	return dmy{}, false
}

func mapIntsToDM(a, b, year int) (dmy, bool) {
	if a <= 31 && b <= 12 {
		return dmy{a, b, year}, true
	}
	if b <= 31 && a <= 12 {
		return dmy{b, a, year}, true
	}
	return dmy{}, false
}

func twoToFourDigitYear(y int) int {
	switch {
	case y > 99:
		return y
	case y > 50:
		return y + 1900
	}
	return y + 2000
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
