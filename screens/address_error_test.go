package screens

import (
	"strings"
	"testing"

	"entkiosk/data"
)

// An address refused for a character says which, in the person's language.
func TestAddressRefusedForACharacterSaysWhich(t *testing.T) {
	t.Parallel()
	_, err := data.ParseEmail("x#y|z@example.org")
	c := testCommon()
	for lang, want := range map[Lang]string{French: "Le caractère « # » n'est pas accepté", English: "The character “#” is not accepted"} {
		c.Lang = lang
		if got := asRead(c.ErrorText(err)); !strings.HasPrefix(got, want) {
			t.Errorf("%v: %q, want %q…", lang, got, want)
		}
	}
	if Internal(err) {
		t.Error("an address refused is said to the person, not logged as internal")
	}
}

// Password login closed after 100 failures in a row says so, and how to
// reopen it, in the person's language (the same for any identifiant).
func TestLoginClosedSaysHowToReopen(t *testing.T) {
	t.Parallel()
	c := testCommon()
	for lang, want := range map[Lang]string{French: "Trop d'échecs : connexion fermée. Passez par « Problème de connexion ».", English: "Too many failures: login closed. Use “Login problem”."} {
		c.Lang = lang
		if got := asRead(c.ErrorText(data.ErrPasswordLoginClosed)); !strings.Contains(got, want) {
			t.Errorf("%v: %q", lang, got)
		}
	}
	if Internal(data.ErrPasswordLoginClosed) {
		t.Error("said as an internal error")
	}
}

// asRead turns no-break spaces into spaces: the catalogue puts U+00A0
// before « : » and inside « », tests compare what a person reads.
func asRead(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }
