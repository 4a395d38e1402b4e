// Package wrap is entkiosk's one way of breaking text into lines: the
// screens, the mails and the command line all wrap through it, so that a
// rule of French typography holds everywhere or nowhere.
//
// Lines break at plain spaces only: never inside « jusque-là », « Jean-Luc »
// or an address, never at a no-break space (U+00A0). French punctuation
// stays with its word even when typed with a plain space: no line starts
// with « : ; ? ! » » or « · », none ends with « « ». Widths are terminal
// cells (what lipgloss measures), escape sequences of styled text count for
// nothing.
package wrap

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// NBSP is the no-break space: one cell on every terminal, never a break.
const NBSP = "\u00a0"

// Width is the number of terminal cells s takes (styles count for nothing).
func Width(s string) int { return ansi.StringWidth(s) }

// Lines breaks one paragraph into lines of at most width cells. A line
// that fits is returned as it is; a word wider than a line is cut. Lines
// changes no character: no-break spaces come from French (the catalogue's
// and the mails' typography).
func Lines(s string, width int) []string {
	width = max(width, 1)
	if Width(s) <= width && !strings.Contains(s, "\n") {
		return []string{s}
	}
	var lines []string
	cur, curWidth := "", 0
	for _, w := range words(strings.ReplaceAll(s, "\n", " ")) {
		ww := Width(w)
		for ww > width {
			if cur != "" {
				lines = append(lines, cur)
				cur, curWidth = "", 0
			}
			lines = append(lines, ansi.Truncate(w, width, ""))
			w = ansi.TruncateLeft(w, width, "")
			ww = Width(w)
		}
		switch {
		case cur == "" && len(lines) > 0 && w == "":
			// a run of spaces at a break: dropped
		case cur == "" && curWidth == 0:
			cur, curWidth = w, ww
		case curWidth+1+ww <= width:
			cur, curWidth = cur+" "+w, curWidth+1+ww
		default:
			lines = append(lines, strings.TrimRight(cur, " "))
			cur, curWidth = w, ww
		}
	}
	return append(lines, cur)
}

// String is Lines joined into one string.
func String(s string, width int) string { return strings.Join(Lines(s, width), "\n") }

// Hang puts lead before the first line of s wrapped to width and indents
// the next lines under the text: « ✗ Code incorrect… » then two spaces.
func Hang(lead, s string, width int) []string {
	lw := Width(lead)
	lines := Lines(s, width-lw)
	pad := strings.Repeat(" ", lw)
	for i := range lines {
		if i == 0 {
			lines[i] = lead + lines[i]
		} else if lines[i] != "" {
			lines[i] = pad + lines[i]
		}
	}
	return lines
}

// Text wraps every line of s to width: a line that fits stays as it is; a
// list item (« - », « 1. »), a marked line (« ✗ », « ✓ », « ℹ », « • », « ⚠ »)
// or an indented line wraps with its next lines indented under its text.
func Text(s string, width int) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if Width(line) <= width {
			out = append(out, line)
			continue
		}
		// The lead is read on the visible text, then cut from the styled
		// line by cells, so a coloured « ✗ » hangs like a plain one.
		plain := ansi.Strip(line)
		if n := Width(plain[:leadLength(plain)]); n > 0 && n < width/2 {
			out = append(out, Hang(ansi.Truncate(line, n, ""), ansi.TruncateLeft(line, n, ""), width)...)
			continue
		}
		out = append(out, Lines(line, width)...)
	}
	return strings.Join(out, "\n")
}

// markers start a line whose next lines hang under its text.
var markers = []string{"- ", "· ", "✗ ", "✓ ", "ℹ ", "• ", "⚠ ", "› "}

// leadLength is the length in bytes of a line's marker and its space, of a
// number and its dot (« 12. »), or of its leading spaces; 0 when none.
func leadLength(line string) int {
	spaces := len(line) - len(strings.TrimLeft(line, " "))
	rest := line[spaces:]
	for _, m := range markers {
		if strings.HasPrefix(rest, m) {
			return spaces + len(m)
		}
	}
	i := 0
	for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(rest) && rest[i] == '.' && rest[i+1] == ' ' {
		return spaces + i + 2
	}
	return spaces
}

// words splits s at plain spaces into the units a line may break between:
// French punctuation stays with its word, a figure with its unit of time
// (« 24 h », « 15 min »). The text is not changed: a unit keeps its spaces.
func words(s string) []string {
	var out []string
	for _, w := range strings.Split(s, " ") {
		n := len(out)
		vis := ansi.Strip(w)
		if n > 0 && vis != "" && glued(ansi.Strip(out[n-1]), vis) {
			out[n-1] += " " + w
			continue
		}
		out = append(out, w)
	}
	return out
}

// glued says whether no line may break between prev and next: next is
// French punctuation (« : », « ; », « ? », « ! », « » », « · », « % »), prev
// an opening « «, or prev a figure and next a unit of time.
func glued(prev, next string) bool {
	switch next[0] {
	case ':', ';', '?', '!', '%':
		return true
	}
	if strings.HasPrefix(next, "»") || strings.HasPrefix(next, "·") || strings.HasSuffix(prev, "«") {
		return true
	}
	return prev != "" && prev[len(prev)-1] >= '0' && prev[len(prev)-1] <= '9' && unitAt(next, 0, notLetterOrDigit) > 0
}

// units of time, in the order they are tried.
var units = [...]string{"h", "min", "s", "ms"}

// unitAt is the length of the unit of time s[i:] begins with, followed by
// what ends says may follow it; 0 if none. Written out rather than as a
// regular expression: compiling those cost every start of every command,
// and French runs on every text the kiosk's first frame shows.
func unitAt(s string, i int, ends func(s string, j int) bool) int {
	for _, u := range units {
		if strings.HasPrefix(s[i:], u) && ends(s, i+len(u)) {
			return len(u)
		}
	}
	return 0
}

// notLetterOrDigit: the end of s, or a character that is neither a letter
// nor a digit (any script).
func notLetterOrDigit(s string, j int) bool {
	if j == len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return !unicode.IsLetter(r) && !unicode.IsNumber(r)
}

// wordEnd: the end of s, or a byte that is not an ASCII letter, digit or
// underscore (a regular expression's \b after a unit).
func wordEnd(s string, j int) bool {
	if j == len(s) {
		return true
	}
	c := s[j]
	return !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_')
}

// French puts no-break spaces where French typography wants them: before
// « : ; ? ! » and « », after « «, between a figure and its unit of time.
// The catalogue's French texts and the French mails go through it.
func French(s string) string {
	if !strings.ContainsAny(s, ":;?!«»hms") {
		return s
	}
	return unitSpaces(frenchSpaces.Replace(s))
}

// unitSpaces makes no-break the space between a figure and a unit of time
// (then anything but an ASCII letter, digit or underscore: "24 h.",
// "15 min)", "30 s").
func unitSpaces(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i+2 < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || s[i+1] != ' ' {
			continue
		}
		if n := unitAt(s, i+2, wordEnd); n > 0 {
			b.WriteString(s[last : i+1])
			b.WriteString(NBSP)
			last = i + 2
			i += 1 + n // on after the unit
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

var frenchSpaces = strings.NewReplacer(" ;", NBSP+";", " :", NBSP+":", " ?", NBSP+"?", " !", NBSP+"!",
	"« ", "«"+NBSP, " »", NBSP+"»")
