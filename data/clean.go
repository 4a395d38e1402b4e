package data

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean makes a string safe to show on a terminal: escape sequences (CSI,
// OSC including OSC 52, DCS, ...) are removed whole, C0/C1 controls and DEL
// are dropped, bidirectional overrides and isolates are dropped, invalid
// UTF-8 becomes U+FFFD. Tabs and line breaks become spaces: a field never
// spans two lines. Clean is idempotent.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(utf8.RuneError)
			i++
			continue
		case r == 0x1b: // ESC: skip the whole sequence
			i += escapeLength(s[i:])
			continue
		case r == 0x9b || r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f:
			// C1 introducers of CSI, OSC, DCS, SOS, PM, APC: skip their body too
			i += c1Length(s[i:], r, size)
			continue
		case isLineBreak(r):
			b.WriteByte(' ')
		case isControl(r):
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

func isClean(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || isLineBreak(r) || isControl(r) {
			return false
		}
	}
	return true
}

// isLineBreak: what would start a new line (shown as a space instead).
func isLineBreak(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029
}

// isControl: C0, DEL, C1, and the formatting characters that can make a
// line read differently from what it contains: bidirectional embeddings,
// overrides, isolates and marks, the deprecated shaping controls, the
// interlinear annotation marks and the byte order mark.
func isControl(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r >= 0x206a && r <= 0x206f, r >= 0xfff9 && r <= 0xfffb, r == 0xfeff:
		return true
	}
	return unicode.In(r, unicode.Cc)
}

// IsControl says whether Clean removes r: ESC, C0/C1 controls, DEL,
// bidirectional and other formatting controls (line breaks included).
func IsControl(r rune) bool { return isControl(r) || isLineBreak(r) }

// escapeLength is the length in bytes of the escape sequence at s[0] == ESC.
func escapeLength(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[': // CSI: parameters and intermediates, then a final byte 0x40–0x7e
		for i := 2; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
			if s[i] < 0x20 || s[i] > 0x3f && s[i] < 0x40 || s[i] >= 0x80 {
				return i
			}
		}
		return len(s)
	case ']', 'P', 'X', '^', '_': // OSC, DCS, SOS, PM, APC: until BEL or ST
		return stringSequenceLength(s, 2)
	default:
		// Two-byte sequences (ESC c, ESC 7, ...) and charset selections (ESC ( B).
		if s[1] >= 0x20 && s[1] <= 0x2f && len(s) >= 3 {
			return 3
		}
		_, size := utf8.DecodeRuneInString(s[1:])
		return 1 + size
	}
}

func c1Length(s string, r rune, size int) int {
	if r == 0x9b { // CSI
		for i := size; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
			if s[i] < 0x20 || s[i] >= 0x80 {
				return i
			}
		}
		return len(s)
	}
	return stringSequenceLength(s, size)
}

// stringSequenceLength finds the end of an OSC/DCS-like string: BEL, ESC \ or
// the C1 ST (U+009C). An unterminated one runs to the end of s.
func stringSequenceLength(s string, from int) int {
	for i := from; i < len(s); i++ {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
	}
	return len(s)
}
