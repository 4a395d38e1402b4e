package data

import (
	"strings"
	"testing"
)

// Names that look like others — an invisible character, a letter of
// another script in a Latin word — are refused at import with the line
// number and a French sentence: « Hugо » with a Cyrillic о became
// hug.lefevre. Names of one script, or of the mixes names really use, go in.
func TestImportRefusesInvisibleAndMixedScriptNames(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	line := func(number, nom, prenom string) string {
		return student(number, nom, prenom, "21/11/2002", "x"+number+"@example.org", "2026-09-02T10:15:00+02:00")
	}
	refused := map[string]string{ // file line → what the reason must say
		"2":  "prénom « Hugо » mêle plusieurs écritures (latin et cyrillique : « о », U+043E)",
		"3":  "nom « Lefèvre » contient un caractère invisible (espace de largeur nulle, U+200B) en position 8",
		"4":  "caractère invisible (marque de sens d'écriture, U+202E)",
		"5":  "mêle plusieurs écritures (grec et latin : « Ζ », U+0396)",
		"6":  "caractère invisible (espace spéciale (insécable, fine…), U+00A0)",
		"7":  "caractère invisible (trait d'union conditionnel, U+00AD)",
		"8":  "caractère invisible (liant ou antiliant de largeur nulle, U+200D)",
		"9":  "caractère invisible (gluon de largeur nulle, U+FEFF)",
		"10": "caractère invisible (sélecteur de variante, U+FE0F)",
		"11": "mêle plusieurs écritures (latin et cyrillique : « а », U+0430)",
	}
	rep := importLines(t, s,
		line("21800001", "Lefèvre", "Hug\u043e"),
		line("21800002", "Lefèvre\u200b", "Hugo"),
		line("21800003", "Petit", "Ma\u202erie"),
		line("21800004", "Martin", "\u0396oé"),
		line("21800005", "Dubois", "Jean\u00a0Luc"),
		line("21800006", "Du\u00adbois", "Léa"),
		line("21800007", "Moreau", "In\u200dès"),
		line("21800008", "\ufeffBernard", "Paul"),
		line("21800009", "Roux", "Léon\ufe0f"),
		line("21800010", "Bernard", "P\u0430ul"),
		// Accepted: one script per word, or a mix names use.
		line("21800011", "D'Alembert", "Jean-Luc"),
		line("21800012", "Nguye\u0302\u0303n", "Jose\u0301"), // combining accents
		line("21800013", "Œuvray", "Françoise"),
	)
	if rep.Refused != len(refused) || rep.Created != 3 {
		t.Errorf("refused %d, created %d: %+v", rep.Refused, rep.Created, rep.Refusals)
	}
	for _, r := range rep.Refusals {
		want, ok := refused[itoa(r.Line)]
		if ok {
			t.Logf("%v", r)
		}
		if !ok || !strings.Contains(r.Reason, want) {
			t.Errorf("line %d: %q, want %q", r.Line, r.Reason, want)
		}
		delete(refused, itoa(r.Line))
	}
	for line, want := range refused {
		t.Errorf("line %s not refused (%s)", line, want)
	}
}

// One script per word, or a mix names use (Japanese: Han and kana), is a
// name as it is; so are marks on Latin letters.
func TestNameProblemAcceptsOneScriptAWord(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"Παπαδόπουλος", "Ἀλέξανδρος", "Иванова", "山田", "さくら子", "山田さくら", "김민준",
		"Nguyễn", "Jose\u0301", "Jean-Luc", "D'Alembert", "O’Neil", "Anne Le Guen", "李 明", "Ébène-Œ"} {
		if p := nameProblem(name); p != "" {
			t.Errorf("%q: %s", name, p)
		}
	}
}
