package data

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

// A shared client (serve --shared-networks: a campus NAT) gets
// SharedClientFactor times each per-client threshold, over the same
// windows and for the same blocks; an ordinary client from the next
// address is blocked as before. Exact boundaries on the manual clock.

// sprayLogins makes wrong logins from o, a second apart, each on a new
// identifiant, until o is refused; it returns the attempt refused and
// the time of the failure before it.
func sprayLogins(t *testing.T, s *Store, clock *ManualClock, o Origin, max int) (int, time.Time) {
	t.Helper()
	var last time.Time
	for i := 1; i <= max; i++ {
		clock.Advance(time.Second)
		_, err := s.Login(ctx, fmt.Sprintf("prenom%d.nom%d", i, i), "Printemps2026", o)
		if err == ErrInvalidCredentials {
			last = clock.Now()
			continue
		}
		wantLimit(t, err, "client", last.Add(ClientBlock))
		return i, last
	}
	return 0, last
}

func TestSharedClientBlockedAtTwoHundredthLogin(t *testing.T) {
	t.Parallel()
	const limit = ClientFailuresBeforeBlock * SharedClientFactor
	if limit != 200 {
		t.Fatalf("the shared login threshold is %d, the README says 200", limit)
	}
	s, clock := abuseStore(t)
	campus := Origin{Client: "ssh:203.0.113.80", Shared: true}
	refused, last := sprayLogins(t, s, clock, campus, limit+5)
	if refused != limit+1 {
		t.Fatalf("shared client refused at attempt %d, want %d (blocked by the %dth failure)", refused, limit+1, limit)
	}
	// The block is ClientBlock from the 200th failure, half-open.
	clock.Set(last.Add(ClientBlock - time.Nanosecond))
	_, err := s.Login(ctx, hugo, hugoPassword, campus)
	wantLimit(t, err, "client", last.Add(ClientBlock))
	clock.Set(last.Add(ClientBlock))
	if _, err := s.Login(ctx, hugo, hugoPassword, campus); err != nil {
		t.Fatalf("after the block: %v", err)
	}

	// An address outside the shared networks: the 11th, as before.
	lone := Origin{Client: "ssh:203.0.113.81"}
	if refused, _ := sprayLogins(t, s, clock, lone, 50); refused != ClientFailuresBeforeBlock+1 {
		t.Fatalf("ordinary client refused at attempt %d, want %d", refused, ClientFailuresBeforeBlock+1)
	}
}

// 199 failures, the 200th exactly one window after the first: the first no
// longer counts, and the shared client is not blocked.
func TestSharedClientWindow(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	campus := Origin{Client: "web:203.0.113.82", Shared: true}
	start := clock.Now()
	n := ClientFailuresBeforeBlock * SharedClientFactor
	for i := 0; i < n-1; i++ {
		clock.Set(start.Add(time.Duration(i) * time.Second))
		wantCredentials(t, loginErr(s, fmt.Sprintf("a%d.b", i), campus), fmt.Sprintf("failure %d", i+1))
	}
	clock.Set(start.Add(ClientFailureWindow))
	wantCredentials(t, loginErr(s, "a-last.b", campus), "failure 200, the first out of the window")
	clock.Advance(time.Second)
	if _, err := s.Login(ctx, hugo, hugoPassword, campus); err != nil {
		t.Fatalf("199 failures within the window: %v", err)
	}
}

func loginErr(s *Store, ident string, o Origin) error {
	_, err := s.Login(ctx, ident, "x-Mauvais-1", o)
	return err
}

// What protects an account does not depend on the network: five failures
// on one identifiant from a shared client lock it as from anywhere, and a
// number's lookup limit from one client is 5 a day for it too.
func TestSharedClientKeepsTheAccountLimits(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	campus := Origin{Client: "ssh:203.0.113.83", Shared: true, Lang: "fr"}
	for i := 1; i <= LoginFailuresBeforeLock; i++ {
		clock.Advance(2 * time.Second)
		wantCredentials(t, loginErr(s, hugo, campus), fmt.Sprintf("failure %d on hugo", i))
	}
	if st := loginState(t, s, hugo); !st.LockedUntil.Equal(clock.Now().Add(LoginFirstLock)) {
		t.Fatalf("hugo after 5 failures from a shared client: %+v", st)
	}
	clock.Advance(time.Second)
	wantCredentials(t, loginErr(s, hugo, campus), "the right password would be refused alike")
	if _, err := s.Login(ctx, hugo, hugoPassword, campus); err != ErrInvalidCredentials {
		t.Fatalf("hugo's right password during the lock from a shared client: %v", err)
	}

	for i := 1; i <= LookupFailuresPerDay; i++ {
		clock.Advance(time.Second)
		if err := lookupFail(t, s, camilleNum, campus); err != ErrNoMatch {
			t.Fatalf("lookup %d: %v", i, err)
		}
	}
	clock.Advance(time.Second)
	if _, err := s.LookupRegistrations(ctx, camilleNum, camilleBirth, campus); !isLimit(err, "lookup") {
		t.Fatalf("the 6th lookup of one number from a shared client: %v, want the number refused", err)
	}
}

func isLimit(err error, what string) bool {
	var re *RateLimitError
	return errors.As(err, &re) && re.What == what
}

// Failed identifications (student number + birth date, unknown identifiants
// on « 1ère connexion »): the shared client is refused after the 400th
// within the hour, for the hour; an ordinary one after the 20th.
func TestSharedClientLookupBlockedAtFourHundredth(t *testing.T) {
	t.Parallel()
	const limit = LookupClientFailures * SharedClientFactor
	if limit != 400 {
		t.Fatalf("the shared lookup threshold is %d, the README says 400", limit)
	}
	s, clock := abuseStore(t)
	for _, tc := range []struct {
		o    Origin
		want int
	}{
		{Origin{Client: "ssh:203.0.113.84", Shared: true}, limit},
		{Origin{Client: "ssh:203.0.113.85"}, LookupClientFailures},
	} {
		var last time.Time
		for i := 1; i <= tc.want; i++ {
			clock.Advance(time.Second)
			var err error
			if i%2 == 0 {
				_, err = s.StartActivation(ctx, ActivationIdentity{Identifiant: fmt.Sprintf("x%d.y", i)}, tc.o)
				if errors.Is(err, ErrUnknownIdentifiant) {
					err = ErrNoMatch
				}
			} else {
				err = lookupFail(t, s, fmt.Sprintf("3%07d", i), tc.o)
			}
			if err != ErrNoMatch {
				t.Fatalf("%+v: failure %d: %v", tc.o, i, err)
			}
			last = clock.Now()
		}
		clock.Advance(time.Second)
		_, err := s.LookupRegistrations(ctx, camilleNum, camilleBirth, tc.o)
		wantLimit(t, err, "client", last.Add(LookupClientFailureWindow))
		clock.Set(last.Add(LookupClientFailureWindow - time.Nanosecond))
		_, err = s.StartActivation(ctx, ActivationIdentity{Identifiant: camilleIdent}, tc.o)
		wantLimit(t, err, "client", last.Add(LookupClientFailureWindow))
		clock.Set(last.Add(LookupClientFailureWindow))
		if _, err := s.LookupRegistrations(ctx, camilleNum, camilleBirth, tc.o); err != nil {
			t.Fatalf("%+v after the hour: %v", tc.o, err)
		}
	}
}

// The 399th failure leaves the shared client free.
func TestSharedClientLookupFreeAtThreeHundredNinetyNine(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	campus := Origin{Client: "ssh:203.0.113.86", Shared: true}
	for i := 1; i < LookupClientFailures*SharedClientFactor; i++ {
		clock.Advance(time.Second)
		if err := lookupFail(t, s, fmt.Sprintf("3%07d", i), campus); err != ErrNoMatch {
			t.Fatalf("failure %d: %v", i, err)
		}
	}
	clock.Advance(time.Second)
	if _, err := s.LookupRegistrations(ctx, camilleNum, camilleBirth, campus); err != nil {
		t.Fatalf("after 399 failures: %v", err)
	}
}

// « Mot de passe oublié »: 600 requests an hour from a shared client, the
// 601st refused; the next address as before (TestResetRequestsPerClient).
func TestSharedClientResetRequests(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	campus := Origin{Client: "web:203.0.113.87", Shared: true, Lang: "fr"}
	n := ResetRequestsPerHour * SharedClientFactor
	for i := 0; i < n; i++ {
		if _, err := s.StartReset(ctx, "personne"+itoa(i), campus); err != nil {
			t.Fatalf("request %d: %v", i+1, err)
		}
	}
	_, err := s.StartReset(ctx, hugo, campus)
	wantLimit(t, err, "client", clock.Now().Add(time.Hour))
}
