package data

import "strings"

// Keyboards of the strength meter: a walk along neighbouring keys (azerty,
// qsdfgh, 7895123) is guessed with the few choices a walk has, not with
// the choices of random characters. The adjacency is computed here from
// the layouts as a person sees them, the way zxcvbn computes its own.

// layout is a keyboard's rows, each a list of keys; a key is its unshifted
// character then its shifted one. first is the column of each row's first
// key: on a typewriter keyboard each row sits half a key right of the one
// above, which slanted adjacency counts as one column.
type layout struct {
	rows    []string
	first   []int
	slanted bool // rows offset (typewriter) or aligned (numeric keypad)
}

var (
	// US QWERTY (ANSI), the layout zxcvbn models.
	qwertyLayout = layout{rows: []string{
		"`~ 1! 2@ 3# 4$ 5% 6^ 7& 8* 9( 0) -_ =+",
		`qQ wW eE rR tT yY uU iI oO pP [{ ]} \|`,
		`aA sS dD fF gG hH jJ kK lL ;: '"`,
		"zZ xX cC vV bB nN mM ,< .> /?",
	}, first: []int{0, 1, 1, 1}, slanted: true}
	// French AZERTY (ISO: the < > key left of W); ² has no shifted character.
	azertyLayout = layout{rows: []string{
		`² &1 é2 "3 '4 (5 -6 è7 _8 ç9 à0 )° =+`,
		"aA zZ eE rR tT yY uU iI oO pP ^¨ $£",
		"qQ sS dD fF gG hH jJ kK lL mM ù% *µ",
		"<> wW xX cC vV bB nN ,? ;. :/ !§",
	}, first: []int{0, 1, 1, 0}, slanted: true}
	// Dvorak, which zxcvbn also walks (scored with QWERTY's figures, as there).
	dvorakLayout = layout{rows: []string{
		"`~ 1! 2@ 3# 4$ 5% 6^ 7& 8* 9( 0) [{ ]}",
		`'" ,< .> pP yY fF gG cC rR lL /? =+ \|`,
		"aA oO eE uU iI dD hH tT nN sS -_",
		";: qQ jJ kK xX bB mM wW vV zZ",
	}, first: []int{0, 1, 1, 1}, slanted: true}
	// Numeric keypads, PC and Mac; a space holds an empty place.
	keypadLayout = layout{rows: []string{
		"  / * -",
		"7 8 9 +",
		"4 5 6",
		"1 2 3",
		"  0 .",
	}}
	macKeypadLayout = layout{rows: []string{
		"  = / *",
		"7 8 9 -",
		"4 5 6 +",
		"1 2 3",
		"  0 .",
	}}
)

// keyboard is a layout's adjacency: for each character, its neighbours'
// keys in a fixed order of directions (a walk's turns are changes of
// direction). keys and degree are the figures the guesses need: how many
// characters the keyboard has and how many neighbours one has on average.
type keyboard struct {
	neighbours map[rune][][]rune
	shifted    map[rune]bool
	keys       float64
	degree     float64
}

// buildKeyboard places the keys and lists each one's neighbours: six on a
// slanted keyboard (left, up, up-right, right, down, down-left: g touches
// f t y h b v), eight on a keypad.
func buildKeyboard(l layout) *keyboard {
	type pos struct{ x, y int }
	at := map[pos][]rune{}
	for y, row := range l.rows {
		if l.slanted {
			for k, key := range strings.Fields(row) {
				at[pos{l.first[y] + k, y}] = []rune(key)
			}
			continue
		}
		// keypad rows are written aligned, two columns a key
		for x, r := range []rune(row) {
			if r != ' ' {
				at[pos{x / 2, y}] = []rune{r}
			}
		}
	}
	var dirs []pos
	if l.slanted {
		dirs = []pos{{-1, 0}, {0, -1}, {1, -1}, {1, 0}, {0, 1}, {-1, 1}}
	} else {
		dirs = []pos{{-1, 0}, {-1, -1}, {0, -1}, {1, -1}, {1, 0}, {1, 1}, {0, 1}, {-1, 1}}
	}
	kb := &keyboard{neighbours: map[rune][][]rune{}, shifted: map[rune]bool{}}
	edges := 0
	for p, key := range at {
		list := make([][]rune, len(dirs))
		for d, dp := range dirs {
			list[d] = at[pos{p.x + dp.x, p.y + dp.y}]
		}
		for i, r := range key {
			kb.neighbours[r] = list
			kb.shifted[r] = i == 1
			for _, n := range list {
				if n != nil {
					edges++
				}
			}
		}
	}
	kb.keys = float64(len(kb.neighbours))
	kb.degree = float64(edges) / kb.keys
	return kb
}
