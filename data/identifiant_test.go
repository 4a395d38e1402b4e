package data

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestLocalPart(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ prenom, nom, want string }{
		{"Jean-Luc", "D'Alembert", "jean-luc.dalembert"},
		{"Anne", "Le Guen", "anne.le-guen"},
		{"Françoise", "Œuvray", "francoise.oeuvray"},
		{"Marie", "Petit", "marie.petit"},
		{"Camille", "Martin", "camille.martin"},
		{"Léa", "Dubois", "lea.dubois"},
		{"Hugo", "Lefèvre", "hugo.lefevre"},
		{"Inès", "Moreau", "ines.moreau"},
		{"Marie-Ève", "N’Guyen", "marie-eve.nguyen"}, // typographic apostrophe
		{"Éléonore", "de La Tour d'Auvergne", "eleonore.de-la-tour-dauvergne"},
		{"Zoë", "Lætitia-Çelik", "zoe.laetitia-celik"},
		{"Jean  Luc", "  Martin  ", "jean-luc.martin"},    // runs of spaces: one '-', none at the ends
		{"-Anne-", "--Le--Guen--", "anne.le-guen"},        // no leading, trailing or double '-'
		{"Anne_Sophie", "Du.Pont", "anne-sophie.du-pont"}, // other separators become '-'
		{"Søren", "Łukasiewicz", "soren.lukasiewicz"},     // letters without a decomposition
		{"Jürgen", "Müller-Straße", "jurgen.muller-strasse"},
		{"JEAN", "DUPONT", "jean.dupont"},
		{"Ali", "O'Neil-Ben Saïd", "ali.oneil-ben-said"},
		{"Jean", "D'", "jean.d"},
		{"Li", "李", ""},    // nothing usable: import refuses the line
		{"", "Martin", ""}, // a missing first name
		{"'", "Martin", ""},
	} {
		if got := LocalPart(c.prenom, c.nom); got != c.want {
			t.Errorf("LocalPart(%q, %q) = %q, want %q", c.prenom, c.nom, got, c.want)
		}
	}
}

func TestHomonymsAreNumberedAndDomainsFollowTheCategory(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	rep := importLines(t, s,
		student("22200001", "Petit", "Marie", "01/03/2004", "marie.petit@example.org", "2026-09-02T10:15:00+02:00"),
		student("22200002", "Petit", "Marie", "12/10/2003", "mpetit.2003@example.org", "2026-09-02T10:15:00+02:00"),
		student("22200003", "PETIT", "Marie", "05/06/2005", "mp3@example.org", "2026-09-02T10:15:00+02:00"),
		staff("Petit", "Marie", "07/07/1977", "marie.petit.pro@example.org", "31/08/2030"),
		student("22107777", "D'Alembert", "Jean-Luc", "16/11/2003", "jl.dalembert@example.org", "2026-09-02T10:15:00+02:00"),
	)
	want := []string{"marie.petit@etu.umontpellier.fr", "marie.petit2@etu.umontpellier.fr",
		"marie.petit3@etu.umontpellier.fr", "marie.petit4@umontpellier.fr", "jean-luc.dalembert@etu.umontpellier.fr"}
	if len(rep.Accounts) != len(want) {
		t.Fatalf("accounts %v, want %v (refusals %v)", rep.Accounts, want, rep.Refusals)
	}
	for i := range want {
		if rep.Accounts[i] != want[i] {
			t.Errorf("account %d: %s, want %s", i, rep.Accounts[i], want[i])
		}
	}
}

func TestDomainsAreConfigurable(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "entkiosk.db"), Config{Clock: testConfig().Clock, Hasher: testHasher,
		StudentDomain: "etu.example.edu", StaffDomain: "example.edu"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rep := importLines(t, s,
		student("21901234", "Martin", "Camille", "14/07/2004", "camille.martin@example.org", "2026-09-02T10:15:00+02:00"),
		staff("Moreau", "Inès", "09/09/1985", "ines.moreau@example.org", "31/08/2030"))
	if len(rep.Accounts) != 2 || rep.Accounts[0] != "camille.martin@etu.example.edu" || rep.Accounts[1] != "ines.moreau@example.edu" {
		t.Fatalf("accounts %v", rep.Accounts)
	}
}

// An identifiant, once given, never changes (a new name in the export keeps
// it) and is never given again (the old name's identifiant stays taken).
func TestIdentifiantNeverChangesNorIsReused(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	importLines(t, s, student("22200001", "Petit", "Marie", "01/03/2004", "marie.petit@example.org", "2026-09-02T10:15:00+02:00"))
	rep := importLines(t, s, student("22200001", "Durand", "Marie", "01/03/2004", "marie.petit@example.org", "2026-09-02T10:15:00+02:00"))
	if rep.Updated != 1 || len(rep.Accounts) != 0 {
		t.Fatalf("rename: %+v", rep)
	}
	l, err := s.LookupRegistrations(ctx, "22200001", date(2004, 3, 1), testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if l.Identifiant != "marie.petit@etu.umontpellier.fr" || l.Person.Nom != "Durand" {
		t.Fatalf("after the rename: %s %s", l.Identifiant, l.Person.Nom)
	}
	rep = importLines(t, s, student("22200009", "Petit", "Marie", "02/02/2006", "other@example.org", "2026-09-02T10:15:00+02:00"))
	if len(rep.Accounts) != 1 || rep.Accounts[0] != "marie.petit2@etu.umontpellier.fr" {
		t.Fatalf("a new Marie Petit got %v; marie.petit is still taken", rep.Accounts)
	}
}

func TestNormalizeLogin(t *testing.T) {
	t.Parallel()
	for in, want := range map[string][2]string{
		"camille.martin":                          {"camille.martin", ""},
		"  Camille.Martin  ":                      {"camille.martin", ""},
		"CAMILLE.MARTIN@ETU.UMONTPELLIER.FR":      {"camille.martin", "etu.umontpellier.fr"},
		"\tcamille.martin@etu.umontpellier.fr\n":  {"camille.martin", "etu.umontpellier.fr"},
		"camille. martin @ etu.umontpellier.fr":   {"camille.martin", "etu.umontpellier.fr"},
		"hugo.lefèvre":                            {"hugo.lefevre", ""},
		"Jean-Luc.D'Alembert@etu.umontpellier.fr": {"jean-luc.dalembert", "etu.umontpellier.fr"},
		"jean-luc.d’alembert":                     {"jean-luc.dalembert", ""},
		"Françoise.Œuvray":                        {"francoise.oeuvray", ""},
		"":                                        {"", ""},
	} {
		local, domain := NormalizeLogin(in)
		if local != want[0] || domain != want[1] {
			t.Errorf("NormalizeLogin(%q) = %q, %q; want %q, %q", in, local, domain, want[0], want[1])
		}
	}
}

// Login takes the local part or the full identifiant, in any case, with
// spaces around; a full identifiant with another domain is not the account.
func TestLoginByLocalPartOrFullIdentifiant(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	// Local parts are unique across both university domains: the staff
	// domain typed by a student still finds the one account it can mean.
	for i, typed := range []string{"hugo.lefevre", "Hugo.Lefevre ", "  HUGO.LEFEVRE@ETU.UMONTPELLIER.FR",
		"hugo.lefevre@etu.umontpellier.fr", "hugo. lefevre", "hugo.lefevre@umontpellier.fr"} {
		a, err := s.Login(ctx, typed, "Kiosque-Demo-2026", Origin{Client: "login-" + itoa(i)})
		if err != nil {
			t.Errorf("Login(%q): %v", typed, err)
			continue
		}
		if a.Identifiant != "hugo.lefevre@etu.umontpellier.fr" {
			t.Errorf("Login(%q) gave %s", typed, a.Identifiant)
		}
	}
	for i, typed := range []string{"hugo.lefevre@gmail.com", "hugo", "lefevre", ""} {
		if _, err := s.Login(ctx, typed, "Kiosque-Demo-2026", Origin{Client: "wrong-" + itoa(i)}); !errors.Is(err, ErrInvalidCredentials) {
			t.Errorf("Login(%q): %v, want ErrInvalidCredentials", typed, err)
		}
	}
}

// Issue 12.2: login folds accents and apostrophes as the import derived the
// identifiant, and a failure counts once per folded identifiant, whatever
// the spelling.
func TestLoginFoldsAccentsAndApostrophes(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	for _, spelling := range []string{"hugo.lefèvre", "Hugo.Lefèvre@etu.umontpellier.fr", "HUGO.LEFÈVRE"} {
		if _, err := s.Login(ctx, spelling, "Kiosque-Demo-2026", Origin{Client: "fold"}); err != nil {
			t.Fatalf("Login(%q) with the right password: %v", spelling, err)
		}
	}
	activate(t, s, "jean-luc.dalembert", "jl.dalembert@example.org", "Kiosque-Demo-2026")
	if _, err := s.Login(ctx, "Jean-Luc.D'Alembert", "Kiosque-Demo-2026", Origin{Client: "fold"}); err != nil {
		t.Fatalf("Login with the apostrophe: %v", err)
	}
	// Two wrong passwords, two spellings: two failures of one key.
	for _, spelling := range []string{"hugo.lefèvre", "hugo.lefevre"} {
		if _, err := s.Login(ctx, spelling, "wrong-password-1", Origin{Client: "fold2"}); err == nil {
			t.Fatal("a wrong password logged in")
		}
	}
	var keys, n int
	if err := s.db.QueryRow(`SELECT COUNT(DISTINCT key), COUNT(*) FROM throttle_failures WHERE scope = ?`, scopeLogin).
		Scan(&keys, &n); err != nil {
		t.Fatal(err)
	}
	if keys != 1 || n != 2 {
		t.Fatalf("failures: %d keys, %d rows; want 1 key, 2 rows", keys, n)
	}
}

func TestLocalPartStaysWithinAnAddress(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Œ", 100)
	for _, names := range [][2]string{{long, "Petit"}, {"Marie", long}, {long, long}} {
		l := LocalPart(names[0], names[1])
		if len(l) > MaxLocalPart || !strings.Contains(l, ".") || strings.HasSuffix(l, "-") {
			t.Errorf("LocalPart(%.10s…, %.10s…) = %q (%d)", names[0], names[1], l, len(l))
		}
	}
	if got := LocalPart("Jean-Luc", "D'Alembert"); got != "jean-luc.dalembert" {
		t.Errorf("short names changed: %s", got)
	}
}
