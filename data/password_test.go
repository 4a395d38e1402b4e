package data

import (
	"slices"
	"strings"
	"testing"
)

var camille = PersonalData{Prenom: "Camille", Nom: "Martin", Identifiant: "camille.martin@etu.umontpellier.fr",
	StudentNumber: "21901234", BirthDate: date(2004, 7, 14)}

var jeanLuc = PersonalData{Prenom: "Jean-Luc", Nom: "D'Alembert", Identifiant: "jean-luc.dalembert@etu.umontpellier.fr",
	StudentNumber: "22107777", BirthDate: date(2003, 11, 16)}

// Each rule is its own result: the table says exactly which rules fail.
func TestPasswordRules(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		pw   string
		who  PersonalData
		fail []Rule
	}{
		// length, in characters as people count them
		{"Xq7-vbn", camille, []Rule{RuleMinLength}},
		{"Xq7-vbnp", camille, nil},
		{"Xq7-vbé", camille, []Rule{RuleMinLength}},
		{"Xq7-vbéé", camille, nil},
		{"Xq7-vbe\u0301e\u0301", camille, nil},          // é as e + combining accent: still one each
		{"Xq7👍🏽👍🏽👍🏽👍🏽", camille, []Rule{RuleMinLength}}, // 7: a skin-toned emoji is one
		{"Xq7👍🏽👍🏽👍🏽👍🏽👍🏽", camille, nil},
		{"Xq7👨‍👩‍👧‍👦🇫🇷🇫🇷🇫🇷🇫🇷", camille, nil}, // a family and flags: one each, 8 in all
		{strings.Repeat("Zq7-", 32), camille, nil},
		{strings.Repeat("Zq7-", 32) + "w", camille, []Rule{RuleMaxLength}},
		{strings.Repeat("é", 126) + "q7", camille, nil}, // 128 characters, 254 bytes
		// a digit and a letter
		{"Xqz-vbnpw", camille, []Rule{RuleDigit}},
		{"7294-8163", camille, []Rule{RuleLetter}},
		{"--------", camille, []Rule{RuleDigit, RuleLetter}},
		{"Ωμέγα-7-Ψχ", camille, nil}, // letters of any script
		// forbidden characters (also checked through the result's details below)
		{"Xq7<vbnp", camille, []Rule{RuleForbidden}},
		{"Xq7>vbnp", camille, []Rule{RuleForbidden}},
		{`Xq7-vbn"`, camille, []Rule{RuleForbidden}},
		{"'Xq7-vbnp", camille, []Rule{RuleForbidden}},
		{"Xq7$vbnp", camille, []Rule{RuleForbidden}},
		{"Xq7'\u0301vbnp", camille, []Rule{RuleForbidden}}, // under a combining mark
		{"Xq7 vbnp&!%", camille, nil},                      // spaces and other punctuation are fine
		// dictionary words, French and English, and leaked passwords
		{"soleil12", camille, []Rule{RuleDictionary}},
		{"Soleil2024!", camille, []Rule{RuleDictionary}},
		{"S0leil2024", camille, []Rule{RuleDictionary}},
		{"SOLEIL-2024...", camille, []Rule{RuleDictionary}},
		{"B0nj0ur99", camille, []Rule{RuleDictionary}},
		{"Chocolat!8", camille, []Rule{RuleDictionary}},
		{"Ordinateur7", camille, []Rule{RuleDictionary}},
		{"Ordinateurs7", camille, []Rule{RuleDictionary}}, // a plural
		{"Chevaux2026", camille, []Rule{RuleDictionary}},  // cheval
		{"Bibliothèque1", camille, []Rule{RuleDictionary}},
		{"Bibliotheque1", camille, []Rule{RuleDictionary}},
		{"motdepasse1", camille, []Rule{RuleDictionary}},
		{"azerty123", camille, []Rule{RuleDictionary}},
		{"P@ssw0rd1", camille, []Rule{RuleDictionary}},
		{"Password1!", camille, []Rule{RuleDictionary}},
		{"1loveyou!", camille, []Rule{RuleDictionary}}, // 1 read as i
		{"Wh1stl3r", camille, []Rule{RuleDictionary}},  // 1 read as i, 3 as e
		{"Ba5eball7", camille, []Rule{RuleDictionary}},
		{"D4rkn3ss!1", camille, []Rule{RuleDictionary}},
		{"Sunshine2026", camille, []Rule{RuleDictionary}},
		{"trustno1", camille, []Rule{RuleDictionary}},
		{"1qaz2wsx", camille, []Rule{RuleDictionary}},
		{"$oleil123", camille, []Rule{RuleForbidden, RuleDictionary}}, // $ is read as s too
		// not words
		{"Kiosque-Demo-2026", camille, nil},
		{"Soleil-Vert-1973", camille, nil},
		{"2024soleil", camille, nil}, // only trailing digits are removed
		{"correct horse battery 7", camille, nil},
		// the person's own data
		{"Camille2026!", camille, []Rule{RuleDictionary, RulePersonal}}, // a first name is an English word too
		{"C4mille-Xz9", camille, []Rule{RulePersonal}},
		{"xyzMARTIN9", camille, []Rule{RulePersonal}},
		{"cam1llemartin", camille, []Rule{RulePersonal}},
		{"camille.martin9", camille, []Rule{RulePersonal}},
		{"Xy21901234", camille, []Rule{RulePersonal}},
		{"Ne14072004", camille, []Rule{RulePersonal}},
		{"Ne20040714", camille, []Rule{RulePersonal}},
		{"Ne14-07-2004", camille, nil},                                   // the rule names ddmmyyyy and yyyymmdd
		{"Jean-Luc-1789", jeanLuc, []Rule{RuleDictionary, RulePersonal}}, // hunspell-fr has the name
		{"Dalembert-1789", jeanLuc, []Rule{RulePersonal}},
		{"D'4lembert-1789", jeanLuc, []Rule{RuleForbidden, RulePersonal}},
		{"jeanlucD-1789", jeanLuc, []Rule{RulePersonal}},
		{"Camille2026!", jeanLuc, []Rule{RuleDictionary}}, // someone else's name is only a word
		// nothing typed yet: nothing is ticked
		{"", camille, []Rule{RuleMinLength, RuleDigit, RuleLetter, RuleDictionary, RulePersonal}},
	} {
		res := CheckPassword(c.pw, c.who)
		var failed []Rule
		for _, r := range res.Rules {
			if !r.OK {
				failed = append(failed, r.Rule)
			}
		}
		if !slices.Equal(failed, c.fail) {
			t.Errorf("%q (%s): failed %v, want %v", c.pw, c.who.Prenom, failed, c.fail)
		}
		if res.OK() != (len(c.fail) == 0) {
			t.Errorf("%q: OK() = %v", c.pw, res.OK())
		}
		if len(res.Rules) != len(Rules) {
			t.Errorf("%q: %d results, want one per rule", c.pw, len(res.Rules))
		}
	}
}

func TestPasswordLengthCountsCharacters(t *testing.T) {
	t.Parallel()
	for pw, n := range map[string]int{"é": 1, "e\u0301": 1, "👍🏽": 1, "👨‍👩‍👧‍👦": 1, "🇫🇷": 1, "abc": 3, "Kiosque-Demo-2026": 17,
		strings.Repeat("é", 12): 12} {
		res := CheckPassword(pw, PersonalData{})
		if res.Length != n {
			t.Errorf("%q: length %d, want %d", pw, res.Length, n)
		}
		if res.Recommended != (n >= 12) {
			t.Errorf("%q: recommended %v", pw, res.Recommended)
		}
	}
}

func TestForbiddenCharacterIsNamedWithItsPosition(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		pw   string
		char rune
		pos  int
	}{
		{"<Xq7-vbnp", '<', 1}, {"Xq7-vbn>", '>', 8}, {`Xq"7`, '"', 3}, {"Xq7'v$", '\'', 4}, {"Xq7$v'", '$', 4},
		{"ééé$abc1", '$', 4}, {"e\u0301e\u0301e\u0301$ab", '$', 4}, {"👍🏽👍🏽<ab1", '<', 3},
	} {
		r := CheckPassword(c.pw, PersonalData{}).Result(RuleForbidden)
		if r.OK || r.Char != c.char || r.Position != c.pos {
			t.Errorf("%q: %+v, want %q at %d", c.pw, r, c.char, c.pos)
		}
	}
	if r := CheckPassword("Xq7-vbnp", PersonalData{}).Result(RuleForbidden); !r.OK || r.Char != 0 || r.Position != 0 {
		t.Errorf("a clean password: %+v", r)
	}
}

// The demo passwords must pass, for the people who own them.
func TestDemoPasswordsPassThePolicy(t *testing.T) {
	t.Parallel()
	for _, p := range DemoPeople {
		if p.Password == "" {
			continue
		}
		birth, err := parseDMY(p.Birth, ParisLocation())
		if err != nil {
			t.Fatal(err)
		}
		res := CheckPassword(p.Password, PersonalData{Prenom: p.Prenom, Nom: p.Nom, StudentNumber: p.StudentNumber,
			Identifiant: LocalPart(p.Prenom, p.Nom), BirthDate: birth})
		if !res.OK() {
			t.Errorf("%s %s: %q refused: %+v", p.Prenom, p.Nom, p.Password, res.Rules)
		}
		if !res.Recommended || res.Strength < 3 {
			t.Errorf("%q: recommended %v, strength %d", p.Password, res.Recommended, res.Strength)
		}
	}
}

func TestStrength(t *testing.T) {
	t.Parallel()
	weak := CheckPassword("soleil12", camille).Strength
	strong := CheckPassword("Grue-Lanterne-Opale-73", camille).Strength
	if weak > 1 || strong < 4 {
		t.Fatalf("strength: soleil12 %d, Grue-Lanterne-Opale-73 %d", weak, strong)
	}
	if CheckPassword(strings.Repeat("a1", 200), camille).Strength != 0 {
		t.Fatal("a password over 128 characters is not estimated")
	}
}

// The word lists are embedded and large: several thousand words per language.
func TestWordListsAreLarge(t *testing.T) {
	t.Parallel()
	french, english, leaked := DictionarySizes()
	t.Logf("French %d, English %d, leaked passwords %d", french, english, leaked)
	if french < 50000 || english < 30000 || leaked < 10000 {
		t.Fatalf("word lists too small: French %d, English %d, leaked %d", french, english, leaked)
	}
	d := dictionary()
	for _, w := range []string{"soleil", "bonjour", "ordinateur", "bibliotheque", "universite", "chocolat",
		"house", "sunshine", "darkness", "whistler", "azerty", "motdepasse", "iloveyou"} {
		if !d.has(w) {
			t.Errorf("%q is in no list", w)
		}
	}
}

// Substitutions multiply the readings of '1'; past six ones only the two
// uniform readings are tried, so a long password stays cheap to check.
func TestReadingsStayBounded(t *testing.T) {
	t.Parallel()
	if n := len(readings("p1a1s1s1w1o1r1d")); n != 2 {
		t.Fatalf("%d readings for seven ones, want 2", n)
	}
	if n := len(readings("1a1b1c")); n != 8 {
		t.Fatalf("%d readings for three ones, want 8", n)
	}
	CheckPassword(strings.Repeat("1", 128), camille)
	CheckPassword(strings.Repeat("1", 4096), camille)
}
