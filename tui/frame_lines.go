package tui

// bodyLines keeps the body's lines of the last frame, as the screen drew
// them and as the frame shows them (clipped and padded to the width):
// a key typed into a field changes a line or two of the body, and
// measuring and padding the others again was a quarter of a key's cost.
type bodyLines struct {
	width int
	drawn []string // as the screen drew them
	shown []string // m.bodyLine of each
}

// cachedBodyLine is m.bodyLine(l) for line i of the body, from the last
// frame when that line is the same at the same width.
func (m *Model) cachedBodyLine(i int, l string) string {
	b := &m.cache.body
	if b.width != m.c.Width {
		*b = bodyLines{width: m.c.Width}
	}
	for len(b.drawn) <= i {
		b.drawn, b.shown = append(b.drawn, ""), append(b.shown, "")
	}
	if b.shown[i] == "" || b.drawn[i] != l {
		b.drawn[i], b.shown[i] = l, m.bodyLine(l)
	}
	return b.shown[i]
}
