package cells

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Width is ansi.StringWidth for every candidate rune alone, after and
// before every narrow rune, with marks, joiners and selectors after it, and
// for lines with sequences of every kind; the fast count takes the lines a
// frame is made of.
func TestWidthIsAnsiStringWidth(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := Width(s), ansi.StringWidth(s); got != want {
			t.Fatalf("Width(%q) = %d, ansi.StringWidth %d", s, got, want)
		}
	}
	var all, narrows []rune
	for r := rune(0x20); r < 0x7f; r++ {
		all = append(all, r)
	}
	for _, c := range candidates {
		for r := c[0]; r <= c[1]; r++ {
			all = append(all, r)
		}
	}
	for _, r := range all {
		if narrow(r) || r < 0x7f {
			narrows = append(narrows, r)
		}
	}
	if len(narrows) < 700 {
		t.Fatalf("only %d narrow runes", len(narrows))
	}
	joiners := []string{"\u0301", "\u200d", "\ufe0f", "\ufe0e", "\U0001f3fd", "\u0903", "\u1160"}
	for _, r := range all {
		s := string(r)
		check(s)
		check("a" + s + "b")
		for _, j := range joiners {
			check(s + j)
			check(s + j + "x")
		}
		for _, n := range narrows {
			check(string(n) + s)
		}
	}
	for _, s := range []string{"", "\x1b[1;38;5;75mIdentifiant\x1b[0m", "\x1b[94m┃\x1b[0m \x1b[97ma\x1b[0m\x1b[7;97m \x1b[0m",
		"\x1b]8;;https://ent.example\x1b\\lien\x1b]8;;\x1b\\", "\x1b[?25l×", "\x1b[38:2::1:2:3mx", "\x1b[1 q", "\x1b[1 1q",
		"\x1bPq#0\x1b\\", "\x1b7é", "\x1b", "\x1b[", "\x1b[12", "tab\there", "\r\n", "\x7f", "\u0085x", "\xff\xfe", "漢字 👍🏽",
		"Connexion à votre compte ENT", " › Mot de passe", "« 37 personnes avant vous, environ 20 s »", "██████░░░░ moyenne",
		"◓  89 personnes", "✗ Identifiant ou mot de passe incorrect.", "prenom.nom (personnels\u00a0: prenom.nom@umontpellier.fr)",
		strings.Repeat("─", 100)} {
		check(s)
	}
	for _, s := range []string{"\x1b[1;38;5;75mIdentifiant\x1b[0m", "  \x1b[94m┃\x1b[0m \x1b[97ma\x1b[0m\x1b[7;97m \x1b[0m",
		"Connexion à votre compte ENT", "prenom.nom (personnels\u00a0: prenom.nom@umontpellier.fr)", "✗ ›  ◉ ○ • … « »"} {
		if _, ok := quick(s); !ok {
			t.Errorf("%q: not counted by the fast way", s)
		}
	}
}
