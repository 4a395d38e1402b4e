package tui

import (
	"hash/maphash"
)

// bodyLines knows, for each line of the body's last frame, what m.bodyLine
// made of it: a key typed into a field changes a line or two of the body,
// and measuring and padding the others again was a quarter of a key's
// cost. The line drawn is kept with a hash of what the screen drew: it is
// the very string the session's screen writer keeps for what the terminal
// shows, so keeping it here costs an idle session no more than its header.
type bodyLines struct {
	width int
	rows  []bodyRow
}

type bodyRow struct {
	sum  uint64 // the line as the screen drew it; 0: unknown
	line string // m.bodyLine of it
}

var bodySeed = maphash.MakeSeed()

// cachedBodyLine is m.bodyLine(l) for line i of the body: the last frame's
// string when the line did not change.
func (m *Model) cachedBodyLine(i int, l string) string {
	rows := &m.cache.body
	if rows.width != m.c.Width {
		*rows = bodyLines{width: m.c.Width}
	}
	for len(rows.rows) <= i {
		rows.rows = append(rows.rows, bodyRow{})
	}
	r, sum := &rows.rows[i], maphash.String(bodySeed, l)|1
	if r.sum != sum {
		*r = bodyRow{sum: sum, line: m.bodyLine(l)}
	}
	return r.line
}
