package tui

import (
	"hash/maphash"
	"strings"
)

// bodyLines knows, for each line of the body's last frame, what m.bodyLine
// made of it: a key typed into a field changes a line or two of the body,
// and measuring and padding the others again was a quarter of a key's
// cost. Only a hash of each line and its padding are kept, not the lines:
// a few hundred bytes in each of thousands of idle sessions.
type bodyLines struct {
	width int
	rows  []bodyRow
}

type bodyRow struct {
	sum  uint64 // the line as the screen drew it; 0: unknown
	fits bool   // it was not clipped: m.bodyLine is " ", it, pad spaces
	pad  int
}

var bodySeed = maphash.MakeSeed()

// cachedBodyLine is m.bodyLine(l) for line i of the body.
func (m *Model) cachedBodyLine(i int, l string) string {
	b := &m.cache.body
	if b.width != m.c.Width {
		*b = bodyLines{width: m.c.Width}
	}
	for len(b.rows) <= i {
		b.rows = append(b.rows, bodyRow{})
	}
	r, sum := &b.rows[i], maphash.String(bodySeed, l)|1
	if r.sum != sum {
		shown := m.bodyLine(l)
		*r = bodyRow{sum: sum}
		if pad := len(shown) - len(l) - 1; pad >= 0 && shown[1:1+len(l)] == l && strings.Count(shown[1+len(l):], " ") == pad {
			r.fits, r.pad = true, pad
		}
		return shown
	}
	if !r.fits {
		return m.bodyLine(l) // clipped (a window under 80 columns): measured again
	}
	return " " + l + strings.Repeat(" ", r.pad)
}
