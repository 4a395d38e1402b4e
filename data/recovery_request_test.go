package data

import (
	"errors"
	"testing"
)

// A real identifiant typed with a foreign domain gets a decoy, so an
// unknown one typed with a domain gets its own decoy too, stable; both
// university domains reach the account.
func TestDecoyMaskFollowsTheSpelling(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	mask := func(ident string) string {
		t.Helper()
		ch, err := s.StartReset(ctx, ident, Origin{Client: "mask-" + ident})
		if err != nil {
			t.Fatalf("StartReset(%q): %v", ident, err)
		}
		return ch.MaskedTarget
	}
	for _, base := range []string{"hugo.lefevre", "personne.inconnue"} {
		plain, staff, student, foreign := mask(base), mask(base+"@umontpellier.fr"),
			mask(base+"@etu.umontpellier.fr"), mask(base+"@gmail.com")
		if plain != staff || plain != student {
			t.Errorf("%s: university spellings give %s, %s, %s", base, plain, staff, student)
		}
		if again := mask(base + "@gmail.com"); again != foreign {
			t.Errorf("%s: a foreign domain gives %s, then %s", base, foreign, again)
		}
	}
}

// Right after the import mailed a pending account, "lost password" answers
// as for anyone (a challenge, not a wait), like an unknown identifiant.
func TestResetRightAfterTheImportMail(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	for _, ident := range []string{"camille.martin", "personne.inconnue"} {
		ch, err := s.StartReset(ctx, ident, testOrigin)
		if err != nil {
			t.Fatalf("%s: %v", ident, err)
		}
		if ch.MaskedTarget == "" || ch.ExpiresAt.IsZero() {
			t.Fatalf("%s: %+v", ident, ch)
		}
	}
}

// One client asking "lost password" about many identifiants is stopped at
// the 31st request in the hour, whatever the identifiants.
func TestResetRequestsPerClient(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	o := Origin{Client: "ssh:203.0.113.9"}
	for i := 0; i < ResetRequestsPerHour; i++ {
		if _, err := s.StartReset(ctx, "personne"+itoa(i), o); err != nil {
			t.Fatalf("request %d: %v", i+1, err)
		}
	}
	var limit *RateLimitError
	if _, err := s.StartReset(ctx, "hugo.lefevre", o); !errors.As(err, &limit) || limit.What != "client" {
		t.Fatalf("request %d: %v, want the client limited", ResetRequestsPerHour+1, err)
	}
	if _, err := s.StartReset(ctx, "hugo.lefevre", Origin{Client: "ssh:198.51.100.1"}); err != nil {
		t.Fatalf("another client: %v", err)
	}
	clock.Advance(limit.Until.Sub(clock.Now()))
	if _, err := s.StartReset(ctx, "hugo.lefevre", o); err != nil {
		t.Fatalf("after the hour: %v", err)
	}
}
