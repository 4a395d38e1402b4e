package accessible

import (
	"strings"

	datawrap "entkiosk/data/wrap"
)

// wrap cuts a paragraph into lines of at most w columns through the one
// wrapping module (French punctuation kept with its word), then reads its
// no-break spaces as plain ones: a braille display and a screen reader
// have no use for them, and a person searching the scrollback types spaces.
func wrap(para string, w int) []string {
	lines := datawrap.Lines(strings.TrimRight(para, " "), w)
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(l, "\u00a0", " ")
	}
	return lines
}
