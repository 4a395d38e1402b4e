package accessible

import (
	"strings"

	"github.com/rivo/uniseg"
)

// wrap breaks a paragraph at spaces into lines of at most w columns; a
// word longer than a line (an address, a link) is cut. Leading spaces of
// a list item's continuation keep it under its text.
func wrap(para string, w int) []string {
	para = strings.TrimRight(para, " ")
	if uniseg.StringWidth(para) <= w {
		return []string{para}
	}
	indent := len(para) - len(strings.TrimLeft(para, " "))
	if strings.HasPrefix(strings.TrimLeft(para, " "), "- ") {
		indent += 2
	}
	pad := strings.Repeat(" ", min(indent, w/2))
	lead := para[:len(para)-len(strings.TrimLeft(para, " "))]
	var lines []string
	cur := ""
	add := func(word string) {
		switch {
		case cur == "" && len(lines) == 0:
			cur = lead + word
		case cur == "":
			cur = pad + word
		case uniseg.StringWidth(cur)+1+uniseg.StringWidth(word) <= w:
			cur += " " + word
		default:
			lines = append(lines, cur)
			cur = pad + word
		}
	}
	for _, word := range strings.Fields(para) {
		for uniseg.StringWidth(word) > w-len(pad) {
			// too long for any line: cut it
			head, rest := cutWidth(word, w-len(pad))
			if cur != "" {
				lines = append(lines, cur)
				cur = ""
			}
			add(head)
			lines = append(lines, cur)
			cur, word = "", rest
		}
		if word != "" {
			add(word)
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// cutWidth splits s after at most w columns.
func cutWidth(s string, w int) (string, string) {
	width := 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		cw := g.Width()
		if width+cw > w {
			start, _ := g.Positions()
			return s[:start], s[start:]
		}
		width += cw
	}
	return s, ""
}
