// Package cells measures a frame's lines in terminal cells, as
// ansi.StringWidth does, without its grapheme machinery for the lines a
// frame is mostly made of.
package cells

import (
	"sync"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Width is ansi.StringWidth(s). A line holding only printable ASCII,
// colour sequences (CSI) and runes one cell wide that never join the next
// (accented letters, punctuation, box drawing, blocks, arrows...) is
// counted rune by rune; anything else is measured by ansi. ansi looks for
// grapheme clusters at every character, even "a": measuring the lines
// that change at each key was a tenth of a key's CPU over SSH.
func Width(s string) int {
	if w, ok := quick(s); ok {
		return w
	}
	return ansi.StringWidth(s)
}

// quick counts s's cells if it holds only what the fast count knows.
func quick(s string) (int, bool) {
	w := 0
	for i := 0; i < len(s); {
		switch b := s[i]; {
		case b >= 0x20 && b < 0x7f:
			w++
			i++
		case b == 0x1b: // ESC [ parameters intermediates final: no cell
			j := i + 1
			if j >= len(s) || s[j] != '[' {
				return 0, false
			}
			for j++; j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f; j++ {
			}
			for ; j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f; j++ {
			}
			if j >= len(s) || s[j] < 0x40 || s[j] > 0x7e {
				return 0, false
			}
			i = j + 1
		case b >= 0x80:
			r, n := utf8.DecodeRuneInString(s[i:])
			if !narrow(r) {
				return 0, false
			}
			w++
			i += n
		default: // a control
			return 0, false
		}
	}
	return w, true
}

// candidates are the ranges searched for narrow runes: the letters and
// signs of French and English text and of the screens' drawing. None of
// them joins a neighbour into one character (no combining mark, joiner,
// variation selector, regional indicator or Hangul jamo).
var candidates = [][2]rune{
	{0x00a0, 0x024f}, // Latin-1, Latin Extended-A and B
	{0x2010, 0x2027}, // dashes, quotes, bullet, ellipsis
	{0x202f, 0x205e}, // narrow no-break space, ‹ ›, other punctuation
	{0x20a0, 0x20c0}, // currency signs
	{0x2190, 0x21ff}, // arrows
	{0x2500, 0x25ff}, // box drawing, blocks, geometric shapes
	{0x2700, 0x27bf}, // dingbats: ✓ ✗
}

var (
	narrowOnce  sync.Once
	narrowRunes map[rune]bool
)

// narrow: r is one of the candidates, one cell wide by ansi's own count
// (found once: emoji among them, two cells wide, are left out).
func narrow(r rune) bool {
	narrowOnce.Do(func() {
		narrowRunes = make(map[rune]bool)
		for _, c := range candidates {
			for r := c[0]; r <= c[1]; r++ {
				if r != 0x00ad && ansi.StringWidth(string(r)) == 1 { // the soft hyphen: shown or not
					narrowRunes[r] = true
				}
			}
		}
	})
	return narrowRunes[r]
}
