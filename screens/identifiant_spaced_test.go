package screens

import (
	"strings"
	"testing"

	"entkiosk/data"
)

// An identifiant typed with a space inside (« camille martin ») is said to
// have none, on each screen that asks for one, before the store is asked:
// the same words for a real person and for nobody, no code mailed, no
// login tried. Run together it was an unknown identifiant, answered with a
// decoy code step whose mail never comes.
func TestIdentifiantWithASpaceIsSaid(t *testing.T) {
	t.Parallel()
	const said = "Un identifiant n'a pas d'espace : prenom.nom, par exemple"
	open := map[string]func(tm *screenFlow){
		"home": func(tm *screenFlow) {}, // the identifiant field has the focus
		"activation": func(tm *screenFlow) {
			tm.openNav(NavigateMsg{Page: PageActivation})
		},
		"recovery": func(tm *screenFlow) {
			tm.openNav(NavigateMsg{Page: PageRecovery, Case: RecoveryCaseForgot})
		},
	}
	for name, opened := range open {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var shapes []string
			for _, ident := range []string{"camille martin", "inconnu person"} {
				tm := newFlow(t, PageHome)
				opened(tm)
				before := auditCount(t, tm.store)
				tm.typeText(ident)
				if name == "home" {
					tm.press("tab")
					tm.typeText("Kiosque-Demo-2026")
				}
				tm.press("enter")
				tm.require("✗ " + said)
				shapes = append(shapes, strings.ReplaceAll(tm.text(), ident, "IDENT"))
				if n := codeMails(t, tm.store, camilleMail); n != 1 { // the one of her IA validation
					t.Errorf("%q: %d code mails to Camille, want the 1 of her IA validation", ident, n)
				}
				if after := auditCount(t, tm.store); after != before {
					t.Errorf("%q: the store was asked (%d audit entries, %d before)", ident, after, before)
				}
				tm.c.Lang = English
				tm.require("✗ An identifiant has no spaces: firstname.lastname, for example")
			}
			if shapes[0] != shapes[1] {
				t.Fatalf("a real person and nobody answered differently:\n%s\n---\n%s", shapes[0], shapes[1])
			}
		})
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
