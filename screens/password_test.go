package screens

import (
	"strings"
	"testing"

	"entkiosk/data"
)

func checklistFor(t *testing.T, lang Lang, pw string) string {
	t.Helper()
	c := testCommon()
	c.Lang = lang
	p := AddPasswordPicker(c, NewForm(c), data.PersonalData{Prenom: "Hugo", Nom: "Lefèvre"})
	p.New.SetValue(pw)
	return asPlain(p.Checklist())
}

func asPlain(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }

// Every forbidden character found is named, not only the first.
func TestChecklistNamesEveryForbiddenCharacter(t *testing.T) {
	t.Parallel()
	got := checklistFor(t, French, `abc<d$f"g1`)
	for _, want := range []string{"« < » (position 4)", "« $ » (position 6)", "« \" » (position 8)"} {
		if !strings.Contains(got, want) {
			t.Errorf("checklist lacks %q:\n%s", want, got)
		}
	}
	if got := checklistFor(t, English, `abc<d$f"g1`); !strings.Contains(got, `"$" (position 6)`) {
		t.Errorf("English checklist:\n%s", got)
	}
	if got := checklistFor(t, French, `abcd<efg1`); !strings.Contains(got, "caractère « < » interdit (position 5)") {
		t.Errorf("one character:\n%s", got)
	}
}

// The meter never says « excellente » while a rule fails.
func TestStrengthNeverExcellentWhileARuleFails(t *testing.T) {
	t.Parallel()
	for _, pw := range []string{`Violet-Cactus-Tromblon-Nuage<`, `Violet-Cactus-Tromblon-Nuage`} {
		got := checklistFor(t, French, pw)
		if strings.Contains(got, "excellente") {
			t.Errorf("%s: a rule fails, yet:\n%s", pw, got)
		}
	}
	if got := checklistFor(t, French, `Violet-Cactus-Tromblon-Nuage7`); !strings.Contains(got, "excellente") {
		t.Errorf("a strong password that meets every rule:\n%s", got)
	}
}
