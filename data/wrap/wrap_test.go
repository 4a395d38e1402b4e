package wrap

import (
	"github.com/charmbracelet/x/ansi"
	"strings"
	"testing"
)

// checkLines fails when a line is wider than width, starts with French
// punctuation, ends with an opening guillemet, or cuts « jusque-là ».
func checkLines(t *testing.T, s string, width int) {
	t.Helper()
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if Width(l) > width {
			t.Fatalf("width %d: line %d is %d wide:\n%s", width, i+1, Width(l), s)
		}
		trimmed := strings.TrimLeft(l, " ")
		for _, p := range []string{":", ";", "?", "!", "»", "·"} {
			if strings.HasPrefix(trimmed, p) {
				t.Fatalf("width %d: line %d starts with %q:\n%s", width, i+1, p, s)
			}
		}
		if strings.HasSuffix(strings.TrimRight(l, " "+NBSP), "«") {
			t.Fatalf("width %d: line %d ends with «:\n%s", width, i+1, s)
		}
		if strings.HasSuffix(l, "jusque-") || strings.HasSuffix(l, "jusque") {
			t.Fatalf("width %d: « jusque-là » cut at line %d:\n%s", width, i+1, s)
		}
	}
}

func TestLinesKeepFrenchPunctuationWithItsWord(t *testing.T) {
	s := "Le compte est verrouillé : jusque-là, choisissez « Problème de connexion » ; " +
		"puis « 1ère connexion » ! Une question ? Le code vaut 24 h."
	for width := 20; width <= 120; width++ {
		checkLines(t, String(s, width), width)
		if strings.Contains(String(s, width), "24\n") || strings.Contains(String(s, width), "\nh") {
			t.Fatalf("width %d: « 24 h » cut:\n%s", width, String(s, width))
		}
	}
}

func TestLinesCountDisplayCells(t *testing.T) {
	// « é » is 2 bytes and 1 cell, « 漢 » 3 bytes and 2 cells, a styled word's escapes 0.
	got := Lines("été été \x1b[1métait\x1b[0m 漢字漢字", 9)
	want := []string{"été été", "\x1b[1métait\x1b[0m", "漢字漢字"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestLinesNeverBreakAtHyphenOrNoBreakSpace(t *testing.T) {
	for width := 10; width < 40; width++ {
		for _, l := range Lines("aaaa jusque-là jean-luc.dalembert@etu.umontpellier.fr 24"+NBSP+"h", width) {
			if strings.HasSuffix(l, "-") || strings.HasPrefix(l, "h") {
				t.Fatalf("width %d: %q", width, Lines("aaaa jusque-là 24"+NBSP+"h", width))
			}
		}
	}
}

func TestLinesLeavesAFittingLineAlone(t *testing.T) {
	s := "  Identifiant   camille.martin  "
	if got := Lines(s, 40); len(got) != 1 || got[0] != s {
		t.Fatalf("got %q", got)
	}
}

func TestHangIndentsUnderTheText(t *testing.T) {
	got := Hang("✗ ", "Code incorrect. Il vous reste 4 essais avant le blocage du code.", 30)
	for i, l := range got[1:] {
		if !strings.HasPrefix(l, "  ") || strings.HasPrefix(l, "   ") {
			t.Fatalf("line %d not under the text: %q", i+2, got)
		}
	}
	if len(got) < 2 || Width(got[0]) > 30 {
		t.Fatalf("got %q", got)
	}
}

func TestTextHangsMarkedAndListLines(t *testing.T) {
	s := "Titre\n- un élément de liste assez long pour passer à la ligne suivante\n" +
		"12. un autre élément assez long pour passer à la ligne\n✗ Erreur : une erreur de deux lignes au moins ici"
	got := strings.Split(Text(s, 30), "\n")
	want := map[string]string{"- ": "  ", "12. ": "    ", "✗ ": "  "}
	lead := ""
	for _, l := range got[1:] {
		for m := range want {
			if strings.HasPrefix(l, m) {
				lead = m
				goto next
			}
		}
		if !strings.HasPrefix(l, want[lead]) || strings.HasPrefix(l, want[lead]+" ") {
			t.Fatalf("%q not under its item (%q):\n%s", l, lead, strings.Join(got, "\n"))
		}
	next:
	}
}

func TestFrenchPutsNoBreakSpaces(t *testing.T) {
	got := French("Identifiant : « x » ; 24 h ? oui ! 15 min")
	want := "Identifiant" + NBSP + ": «" + NBSP + "x" + NBSP + "»" + NBSP + "; 24" + NBSP + "h" + NBSP + "? oui" + NBSP + "! 15" + NBSP + "min"
	if got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if French("ssh://x@h:2222 https://a") != "ssh://x@h:2222 https://a" {
		t.Fatal("French changed an address")
	}
}

func TestTextHangsAStyledMarker(t *testing.T) {
	line := "\x1b[31m✗ \x1b[0m\x1b[1mun mot de passe qui ne contient pas assez de chiffres\x1b[0m"
	got := strings.Split(Text(line, 30), "\n")
	if len(got) < 2 {
		t.Fatalf("not wrapped: %q", got)
	}
	for _, l := range got[1:] {
		if vis := strings.TrimPrefix(ansi.Strip(l), "  "); strings.HasPrefix(vis, " ") || !strings.HasPrefix(ansi.Strip(l), "  ") {
			t.Fatalf("%q not under the text: %q", l, got)
		}
	}
}
