package data

import (
	"errors"
	"testing"
	"time"
)

// failLogins makes n failed logins of ident, each far enough from the last
// that no lock refuses it (every one counts) and from a client of its own.
func failLogins(t *testing.T, s *Store, clock *ManualClock, ident string, n int) error {
	t.Helper()
	var err error
	for i := 0; i < n; i++ {
		clock.Advance(LoginFailureWindow + time.Second)
		_, err = s.Login(ctx, ident, "Wrong-Password-1", Origin{Client: "ceiling-test"})
		if err == nil {
			t.Fatalf("failure %d of %s: logged in", i+1, ident)
		}
	}
	return err
}

// After 100 failures in a row (NIST 800-63B), password login stays closed
// whatever the password — no guess is checked any more — until a reset by
// code or the helpdesk; the counter lives in SQLite, shared by every
// process; an unknown identifiant closes and answers exactly the same.
func TestPasswordLoginClosesAfter100FailuresInARow(t *testing.T) {
	s, clock := abuseStore(t)
	// 99 in a row, then the right password: it opens, and the run restarts.
	if err := failLogins(t, s, clock, hugo, LoginFailuresBeforeClose-1); !errors.Is(err, ErrInvalidCredentials) {
		t.Fatalf("99th failure: %v", err)
	}
	if _, err := s.Login(ctx, hugo, hugoPassword, testOrigin); err != nil {
		t.Fatalf("after 99 failures: %v", err)
	}
	if err := failLogins(t, s, clock, hugo, LoginFailuresBeforeClose-1); !errors.Is(err, ErrInvalidCredentials) {
		t.Fatalf("99th failure of the second run: %v", err)
	}
	// The hundredth closes it.
	if err := failLogins(t, s, clock, hugo, 1); !errors.Is(err, ErrPasswordLoginClosed) {
		t.Fatalf("100th failure: %v", err)
	}
	clock.Advance(30 * 24 * time.Hour) // no lock time runs out on it
	if _, err := s.Login(ctx, hugo, hugoPassword, testOrigin); !errors.Is(err, ErrPasswordLoginClosed) {
		t.Fatalf("the right password after closing: %v", err)
	}
	// Another process sees it: the counter is in the store.
	other, err := Open(s.Path(), Config{Clock: clock, Hasher: testHasher})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Login(ctx, hugo+"@etu.umontpellier.fr", hugoPassword, testOrigin); !errors.Is(err, ErrPasswordLoginClosed) {
		t.Fatalf("from another process: %v", err)
	}
	// An unknown identifiant: the same answers at the same counts.
	if err := failLogins(t, s, clock, "nobody.here", LoginFailuresBeforeClose-1); !errors.Is(err, ErrInvalidCredentials) {
		t.Fatalf("unknown, 99th: %v", err)
	}
	if err := failLogins(t, s, clock, "nobody.here", 1); !errors.Is(err, ErrPasswordLoginClosed) {
		t.Fatalf("unknown, 100th: %v", err)
	}
	// The helpdesk reopens it.
	u := unlock(t, s, agent(t, s), hugo, Origin{Client: "helpdesk-desk"})
	if !u.Login {
		t.Errorf("unlock said nothing was locked: %+v", u)
	}
	if _, err := s.Login(ctx, hugo, hugoPassword, testOrigin); err != nil {
		t.Fatalf("after the helpdesk's unlock: %v", err)
	}
	// A reset by code reopens it too.
	failLogins(t, s, clock, hugo, LoginFailuresBeforeClose)
	ch, err := s.StartReset(ctx, hugo, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	ticket, err := s.VerifyCode(ctx, ch, lastCode(t, s, hugoMail), testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CompleteReset(ctx, ticket, "Nouveau-Secret-2027", testOrigin); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Login(ctx, hugo, "Nouveau-Secret-2027", testOrigin); err != nil {
		t.Fatalf("after a reset: %v", err)
	}
}
