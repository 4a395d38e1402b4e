package screens

import (
	"strings"
	"testing"

	"entkiosk/data"
)

// An identifiant typed with a space inside (« camille martin ») or a
// personal address in its place is said to be wrong, on each screen that
// asks for one, before the store is asked: the same words for a real
// person and for nobody, no code mailed, no login tried. Either was an
// unknown identifiant, answered with a decoy code step whose mail never
// comes, or « incorrect ».
func TestIdentifiantProblemsAreSaid(t *testing.T) {
	t.Parallel()
	open := map[string]func(tm *screenFlow){
		"home": func(tm *screenFlow) {}, // the identifiant field has the focus
		"activation": func(tm *screenFlow) {
			tm.openNav(NavigateMsg{Page: PageActivation})
		},
		"recovery": func(tm *screenFlow) {
			tm.openNav(NavigateMsg{Page: PageRecovery, Case: RecoveryCaseForgot})
		},
	}
	for _, problem := range []struct {
		name        string
		idents      [2]string // a real person's, nobody's (same length)
		said, said2 string    // French, English (their first line)
	}{
		{"space", [2]string{"camille martin", "inconnu person"},
			"✗ Un identifiant n'a pas d'espace : prenom.nom, par exemple",
			"✗ An identifiant has no spaces: firstname.lastname, for example"},
		{"personal address", [2]string{camilleMail, "someone.martin@example.org"},
			"✗ C'est une adresse personnelle : saisissez votre identifiant universitaire",
			"✗ This is a personal address: type your university identifiant"},
	} {
		for name, opened := range open {
			t.Run(problem.name+"/"+name, func(t *testing.T) {
				t.Parallel()
				var shapes []string
				for _, ident := range problem.idents {
					tm := newFlow(t, PageHome)
					opened(tm)
					before := auditCount(t, tm.store)
					tm.typeText(ident)
					if name == "home" {
						tm.press("tab")
						tm.typeText("Kiosque-Demo-2026")
					}
					tm.press("enter")
					tm.require(problem.said)
					shapes = append(shapes, strings.ReplaceAll(tm.text(), ident, "IDENT"))
					if n := codeMails(t, tm.store, camilleMail); n != 1 { // the one of her IA validation
						t.Errorf("%q: %d code mails to Camille, want the 1 of her IA validation", ident, n)
					}
					if after := auditCount(t, tm.store); after != before {
						t.Errorf("%q: the store was asked (%d audit entries, %d before)", ident, after, before)
					}
					tm.c.Lang = English
					tm.require(problem.said2)
				}
				if shapes[0] != shapes[1] {
					t.Fatalf("a real person and nobody answered differently:\n%s\n---\n%s", shapes[0], shapes[1])
				}
			})
		}
	}
}

// A university address is an identifiant, whichever of the two domains.
func TestIdentifiantWithTheUniversityDomainIsNoProblem(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageHome)
	for _, ident := range []string{"camille.martin", camilleID, "Camille.Martin@ETU.umontpellier.fr",
		"ines.moreau@umontpellier.fr", "camille.martin@umontpellier.fr"} {
		if p := tm.c.IdentifiantProblem(ident); p != "" {
			t.Errorf("%q: %s", ident, p)
		}
	}
}

func auditCount(t *testing.T, s *data.Store) int {
	t.Helper()
	entries, err := s.AuditLog(t.Context(), data.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(entries)
}
