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
	var b strings.Builder
	m.writeBodyLine(&b, i, l)
	return b.String()
}

// writeBodyLine writes m.bodyLine(l) for line i of the body to b.
func (m *Model) writeBodyLine(b *strings.Builder, i int, l string) {
	rows := &m.cache.body
	if rows.width != m.c.Width {
		*rows = bodyLines{width: m.c.Width}
	}
	for len(rows.rows) <= i {
		rows.rows = append(rows.rows, bodyRow{})
	}
	r, sum := &rows.rows[i], maphash.String(bodySeed, l)|1
	if r.sum != sum {
		shown := m.bodyLine(l)
		*r = bodyRow{sum: sum}
		if pad := len(shown) - len(l) - 1; pad >= 0 && shown[1:1+len(l)] == l && strings.Count(shown[1+len(l):], " ") == pad {
			r.fits, r.pad = true, pad
		}
		b.WriteString(shown)
		return
	}
	if !r.fits {
		b.WriteString(m.bodyLine(l)) // clipped (a window under 80 columns): measured again
		return
	}
	b.WriteByte(' ')
	b.WriteString(l)
	writeSpaces(b, r.pad)
}

// writeSpaces writes n spaces to b.
func writeSpaces(b *strings.Builder, n int) {
	const some = "                                                                                "
	for ; n > len(some); n -= len(some) {
		b.WriteString(some)
	}
	b.WriteString(some[:max(n, 0)])
}
