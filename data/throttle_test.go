package data

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// Keycloak-style brute-force tests: lock, wait, unlock; unknown
// identifiants; reset while locked; other spellings; counters shared by two
// processes. Every boundary is exact, on the manual clock.

// from gives each attempt its own client, so that the per-client rule
// stays out of the per-identifiant tests.
// (atomic: the tests run in parallel.)
var fromN atomic.Int64

func from() Origin {
	return Origin{Client: fmt.Sprintf("ssh:192.0.2.%d", fromN.Add(1)%250), Lang: "fr"}
}

// fail makes n wrong logins on ident, step apart (more than the automation gap).
func fail(t *testing.T, s *Store, clock *ManualClock, ident string, n int, step time.Duration) {
	t.Helper()
	for i := 0; i < n; i++ {
		if i > 0 {
			clock.Advance(step)
		}
		_, err := s.Login(ctx, ident, "Mauvais-Mot-2026", from())
		wantCredentials(t, err, fmt.Sprintf("wrong password %d on %s", i+1, ident))
	}
}

func TestLoginLockAfterFiveFailures(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	fail(t, s, clock, hugo, 4, 2*time.Second)
	if st := loginState(t, s, hugo); st.Failures != 4 || st.Locked() {
		t.Fatalf("after 4 failures: %+v", st)
	}
	clock.Advance(2 * time.Second)
	_, err := s.Login(ctx, hugo, "Mauvais-Mot-2026", from())
	wantCredentials(t, err, "5th failure")
	lockedAt := clock.Now()
	st := loginState(t, s, hugo)
	if !st.LockedUntil.Equal(lockedAt.Add(60*time.Second)) || st.Level != 1 {
		t.Fatalf("after 5 failures: %+v, want locked until +60 s, level 1", st)
	}

	// During the lock the right password gets the wrong-password answer,
	// and a wrong one does not extend the lock.
	clock.Set(lockedAt.Add(30 * time.Second))
	_, err = s.Login(ctx, hugo, "Mauvais-Mot-2026", from())
	wantCredentials(t, err, "wrong password during the lock")
	clock.Set(lockedAt.Add(60*time.Second - time.Millisecond))
	_, err = s.Login(ctx, hugo, hugoPassword, from())
	wantCredentials(t, err, "right password at 59.999 s")
	if st := loginState(t, s, hugo); !st.LockedUntil.Equal(lockedAt.Add(60*time.Second)) || st.Failures != 0 {
		t.Fatalf("attempts during the lock changed it: %+v", st)
	}

	clock.Set(lockedAt.Add(60 * time.Second))
	a, err := s.Login(ctx, hugo, hugoPassword, from())
	if err != nil {
		t.Fatalf("right password at 60 s: %v", err)
	}
	if a.Identifiant != hugo+"@etu.umontpellier.fr" {
		t.Fatal(a.Identifiant)
	}
	if st := loginState(t, s, hugo); st != (lockView{}) {
		t.Fatalf("a success must reset everything: %+v", st)
	}
}

func TestLoginLockDoubles(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	want := []time.Duration{60 * time.Second, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute,
		15 * time.Minute, 15 * time.Minute, 15 * time.Minute}
	for i, d := range want {
		fail(t, s, clock, hugo, 5, 2*time.Second)
		st := loginState(t, s, hugo)
		if got := st.LockedUntil.Sub(clock.Now()); got != d || st.Level != i+1 {
			t.Fatalf("lock %d: %v (level %d), want %v (level %d)", i+1, got, st.Level, d, i+1)
		}
		clock.Advance(d - time.Nanosecond)
		_, err := s.Login(ctx, hugo, hugoPassword, from())
		wantCredentials(t, err, fmt.Sprintf("right password 1 ns before the end of lock %d", i+1))
		clock.Advance(time.Nanosecond)
		if loginState(t, s, hugo).Locked() {
			t.Fatalf("lock %d still on at its end", i+1)
		}
	}
	// A day without a lock forgets the level.
	clock.Advance(LoginLockMemory + time.Second)
	fail(t, s, clock, hugo, 5, 2*time.Second)
	if st := loginState(t, s, hugo); st.LockedUntil.Sub(clock.Now()) != 60*time.Second || st.Level != 1 {
		t.Fatalf("after a quiet day: %+v, want 60 s again", st)
	}
}

func TestLoginFailureWindow(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	start := clock.Now()
	// Five failures spread over exactly 15 minutes: the first is out of the
	// window when the fifth comes.
	for i := 0; i < 4; i++ {
		clock.Set(start.Add(time.Duration(i) * 3 * time.Minute))
		_, err := s.Login(ctx, hugo, "Mauvais-Mot-2026", from())
		wantCredentials(t, err, "spread failure")
	}
	clock.Set(start.Add(15 * time.Minute))
	s.Login(ctx, hugo, "Mauvais-Mot-2026", from())
	if st := loginState(t, s, hugo); st.Locked() || st.Failures != 4 {
		t.Fatalf("5 failures over exactly 15 min: %+v, want 4 counted, no lock", st)
	}
	// Over 14:59.999 they lock.
	s2, clock2 := abuseStore(t)
	start = clock2.Now()
	for i := 0; i < 4; i++ {
		clock2.Set(start.Add(time.Duration(i) * 3 * time.Minute))
		s2.Login(ctx, hugo, "Mauvais-Mot-2026", from())
	}
	clock2.Set(start.Add(15*time.Minute - time.Millisecond))
	s2.Login(ctx, hugo, "Mauvais-Mot-2026", from())
	if st := loginState(t, s2, hugo); !st.LockedUntil.Equal(clock2.Now().Add(time.Minute)) {
		t.Fatalf("5 failures within 14:59.999: %+v, want a 60 s lock", st)
	}
}

func TestLoginAutomationGap(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	s.Login(ctx, hugo, "Mauvais-Mot-2026", from())
	clock.Advance(time.Second)
	s.Login(ctx, hugo, "Mauvais-Mot-2026", from())
	if st := loginState(t, s, hugo); st.Locked() {
		t.Fatalf("two failures exactly 1 s apart: %+v, want no lock", st)
	}
	clock.Advance(999 * time.Millisecond)
	s.Login(ctx, hugo, "Mauvais-Mot-2026", from())
	st := loginState(t, s, hugo)
	if !st.LockedUntil.Equal(clock.Now().Add(60*time.Second)) || st.Level != 0 {
		t.Fatalf("two failures 999 ms apart: %+v, want a 60 s lock at once", st)
	}
	lockedAt := clock.Now()
	clock.Set(lockedAt.Add(60*time.Second - time.Nanosecond))
	_, err := s.Login(ctx, hugo, hugoPassword, from())
	wantCredentials(t, err, "right password during the automation lock")
	clock.Set(lockedAt.Add(60 * time.Second))
	if _, err := s.Login(ctx, hugo, hugoPassword, from()); err != nil {
		t.Fatalf("after the automation lock: %v", err)
	}
}

func TestLoginSuccessResetsCount(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	fail(t, s, clock, hugo, 4, 2*time.Second)
	clock.Advance(2 * time.Second)
	if _, err := s.Login(ctx, hugo, hugoPassword, from()); err != nil {
		t.Fatal(err)
	}
	clock.Advance(2 * time.Second)
	fail(t, s, clock, hugo, 4, 2*time.Second)
	if st := loginState(t, s, hugo); st.Locked() || st.Failures != 4 {
		t.Fatalf("4 + success + 4: %+v, want 4 failures, no lock", st)
	}
}

// Unknown identifiants and never-activated accounts are counted and locked
// exactly like active ones: a lock says nothing about existence.
func TestLoginUnknownIdentifiantsLockAlike(t *testing.T) {
	t.Parallel()
	for _, ident := range []string{hugo, "personne.inconnue", camilleIdent} {
		s, clock := abuseStore(t)
		fail(t, s, clock, ident, 5, 2*time.Second)
		st := loginState(t, s, ident)
		if !st.LockedUntil.Equal(clock.Now().Add(time.Minute)) || st.Level != 1 {
			t.Fatalf("%s: %+v, want a 60 s lock", ident, st)
		}
		clock.Advance(30 * time.Second)
		_, err := s.Login(ctx, ident, "Mauvais-Mot-2026", from())
		wantCredentials(t, err, ident+" while locked")
	}
}

// Every spelling of one identifiant is one key.
func TestLoginSpellingsShareTheLock(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	spellings := []string{"Hugo.Lefevre", "  hugo.lefevre@etu.umontpellier.fr ", "HUGO.LEFEVRE@ETU.UMONTPELLIER.FR",
		"\thugo.lefevre\n", "hugo.lefevre@gmail.com"}
	for i, sp := range spellings {
		if i > 0 {
			clock.Advance(2 * time.Second)
		}
		_, err := s.Login(ctx, sp, "Mauvais-Mot-2026", from())
		wantCredentials(t, err, fmt.Sprintf("spelling %q", sp))
	}
	for _, sp := range append(spellings, hugo) {
		if st := loginState(t, s, sp); !st.Locked() {
			t.Fatalf("%q not locked after five failures under five spellings", sp)
		}
	}
	clock.Advance(2 * time.Second)
	_, err := s.Login(ctx, "Hugo.Lefevre@Etu.Umontpellier.Fr", hugoPassword, from())
	wantCredentials(t, err, "right password under another spelling during the lock")
	// Input longer than any identifiant is no key of an account.
	if loginKey(string(make([]byte, 300))+"x") != "" || loginKey(" Hugo.Lefevre@etu.umontpellier.fr") != hugo {
		t.Fatal("loginKey")
	}
}

// Password recovery works while locked, and the new password lifts the lock.
func TestResetWhileLocked(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	fail(t, s, clock, hugo, 5, 2*time.Second)
	if !loginState(t, s, hugo).Locked() {
		t.Fatal("not locked")
	}
	clock.Advance(5 * time.Second)
	ch, err := s.StartReset(ctx, "HUGO.Lefevre", testOrigin)
	if err != nil {
		t.Fatalf("reset while locked: %v", err)
	}
	if ch.MaskedTarget != "hu•••••e@ex•••••e.org" || ch.Purpose != PurposeReset {
		t.Fatalf("challenge %+v", ch)
	}
	ticket, err := s.VerifyCode(ctx, ch, lastCode(t, s, hugoMail), testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CompleteReset(ctx, ticket, "Nouveau-Depart-2026", testOrigin); err != nil {
		t.Fatal(err)
	}
	if st := loginState(t, s, hugo); st != (lockView{}) {
		t.Fatalf("after the reset: %+v, want nothing left", st)
	}
	// Still within the old lock's 60 s: the new password opens.
	if _, err := s.Login(ctx, hugo, "Nouveau-Depart-2026", from()); err != nil {
		t.Fatalf("login after the reset, within the old lock: %v", err)
	}
	entries, _ := s.AuditLog(ctx, AuditFilter{Identifiant: hugo, Events: []Event{EventUnlock}})
	if len(entries) != 1 || entries[0].Outcome != "cleared" || entries[0].PersonID == 0 {
		t.Fatalf("UNLOCK after the reset: %+v", entries)
	}
}

// The helpdesk unlock (HelpdeskUnlock, the console's): lock, unlock, log
// in at once; only an agent who still holds the role may.
func TestHelpdeskUnlockLogin(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	ines := agent(t, s)
	fail(t, s, clock, hugo, 5, 2*time.Second)
	hugoAcct, _ := s.account(ctx, s.db, `a.local_part = ?`, hugo)
	if _, err := s.HelpdeskUnlock(ctx, hugoAcct, hugoAcct.Person.ID, testOrigin); err != ErrNotHelpdesk {
		t.Fatalf("unlock by a student: %v", err)
	}
	if _, err := s.HelpdeskUnlock(ctx, nil, hugoAcct.Person.ID, testOrigin); err != ErrNotHelpdesk {
		t.Fatalf("unlock by nobody: %v", err)
	}
	if !loginState(t, s, hugo).Locked() {
		t.Fatal("a refused unlock lifted the lock")
	}
	if u := unlock(t, s, ines, "  HUGO.LEFEVRE@etu.umontpellier.fr", Origin{Client: "kiosk:accueil/tty1"}); !u.Login {
		t.Fatalf("unlock: %+v", u)
	}
	if st := loginState(t, s, hugo); st != (lockView{}) {
		t.Fatalf("after the unlock: %+v", st)
	}
	if _, err := s.Login(ctx, hugo, hugoPassword, from()); err != nil {
		t.Fatalf("login right after the unlock: %v", err)
	}
	entries, _ := s.AuditLog(ctx, AuditFilter{Events: []Event{EventHelpdeskAction}})
	var ok *AuditEntry
	for i, e := range entries {
		if e.Outcome == "ok" {
			ok = &entries[i]
		}
	}
	if ok == nil || ok.Actor != "ines.moreau@umontpellier.fr" || ok.Identifiant != hugo+"@etu.umontpellier.fr" ||
		ok.PersonID == 0 || ok.Client != "kiosk:accueil/tty1" || !strings.Contains(ok.Detail, "unlock login") {
		t.Fatalf("HELPDESK_ACTION entries: %+v", entries)
	}
	// An agent whose role was revoked since the login can no longer act.
	if _, err := s.db.Exec(`UPDATE accounts SET helpdesk = 0 WHERE person_id = ?`, ines.Person.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.HelpdeskUnlock(ctx, ines, hugoAcct.Person.ID, testOrigin); err != ErrNotHelpdesk {
		t.Fatalf("unlock after the role was revoked: %v", err)
	}
}

// Password spraying: one client, 50 identifiants, blocked at the 11th.
func TestClientSprayingBlockedAtEleventh(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	sprayer := Origin{Client: "ssh:203.0.113.7"}
	var blockedAt int
	var tenth time.Time
	for i := 1; i <= 50; i++ {
		clock.Advance(time.Second)
		ident := fmt.Sprintf("prenom%d.nom%d", i, i)
		if i == 3 {
			ident = hugo // a real one among them changes nothing
		}
		_, err := s.Login(ctx, ident, "Printemps2026", sprayer)
		if i == 10 {
			tenth = clock.Now()
		}
		if err == ErrInvalidCredentials {
			continue
		}
		wantLimit(t, err, "client", tenth.Add(ClientBlock))
		if blockedAt == 0 {
			blockedAt = i
		}
	}
	if blockedAt != 11 {
		t.Fatalf("spraying blocked at attempt %d, want 11", blockedAt)
	}
	// Attempts while blocked neither extend the block nor reach the identifiants.
	if st := loginState(t, s, "prenom20.nom20"); st.Failures != 0 {
		t.Fatalf("a blocked attempt was counted: %+v", st)
	}
	// Another client is not concerned; the blocked one opens at exactly 5 min.
	if _, err := s.Login(ctx, hugo, hugoPassword, Origin{Client: "ssh:198.51.100.2"}); err != nil {
		t.Fatal(err)
	}
	clock.Set(tenth.Add(ClientBlock - time.Nanosecond))
	_, err := s.Login(ctx, "x.y", "z", sprayer)
	wantLimit(t, err, "client", tenth.Add(ClientBlock))
	clock.Set(tenth.Add(ClientBlock))
	_, err = s.Login(ctx, "x.y", "z", sprayer)
	wantCredentials(t, err, "after the block")
}

// Ten failures spread over exactly 5 minutes do not block the client.
func TestClientWindow(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	c := Origin{Client: "kiosk:bu-sciences/tty2"}
	start := clock.Now()
	for i := 0; i < 9; i++ {
		clock.Set(start.Add(time.Duration(i) * 30 * time.Second))
		s.Login(ctx, fmt.Sprintf("a%d.b", i), "x", c)
	}
	clock.Set(start.Add(ClientFailureWindow))
	s.Login(ctx, "a9.b", "x", c)
	clock.Advance(time.Second)
	if _, err := s.Login(ctx, hugo, hugoPassword, c); err != nil {
		t.Fatalf("10 failures over exactly 5 min: %v", err)
	}
}

// Attempts on a locked identifiant still count against the client.
func TestLockedAttemptsCountForClient(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	fail(t, s, clock, hugo, 5, 2*time.Second)
	c := Origin{Client: "ssh:203.0.113.9"}
	for i := 0; i < ClientFailuresBeforeBlock; i++ {
		clock.Advance(2 * time.Second)
		_, err := s.Login(ctx, hugo, hugoPassword, c)
		wantCredentials(t, err, "locked")
	}
	clock.Advance(2 * time.Second)
	_, err := s.Login(ctx, "x.y", "z", c)
	var re *RateLimitError
	if !asRateLimit(err, &re) || re.What != "client" {
		t.Fatalf("client hammering a locked identifiant: %v", err)
	}
}

func asRateLimit(err error, re **RateLimitError) bool {
	r, ok := err.(*RateLimitError)
	*re = r
	return ok
}

// Counters are in the file: two handles (two processes) count together,
// and a restart forgets nothing.
func TestCountersSharedAndDurable(t *testing.T) {
	clock := NewManualClock(time.Date(2026, 11, 25, 10, 0, 0, 0, ParisLocation()))
	path := filepath.Join(t.TempDir(), "entkiosk.db")
	open := func() *Store {
		s, err := Open(path, Config{Clock: clock, Hasher: testHasher})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	kiosk, server := open(), open()
	if _, err := kiosk.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	clock.Advance(2 * time.Hour)
	for i := 0; i < 5; i++ {
		s := []*Store{kiosk, server}[i%2]
		clock.Advance(2 * time.Second)
		_, err := s.Login(ctx, hugo, "Mauvais-Mot-2026", Origin{Client: "ssh:192.0.2.1"})
		wantCredentials(t, err, "alternating handles")
	}
	for _, s := range []*Store{kiosk, server} {
		if st := loginState(t, s, hugo); !st.LockedUntil.Equal(clock.Now().Add(time.Minute)) {
			t.Fatalf("five failures over two handles: %+v", st)
		}
	}
	mask, err := kiosk.StartReset(ctx, "personne.inconnue", Origin{})
	if err != nil {
		t.Fatal(err)
	}
	kiosk.Close()
	server.Close()

	again := open()
	defer again.Close()
	clock.Advance(30 * time.Second)
	_, err = again.Login(ctx, hugo, hugoPassword, Origin{Client: "ssh:192.0.2.2"})
	wantCredentials(t, err, "right password after a restart, lock still running")
	// The client's 5 failures survived too: 5 more block it.
	for i := 0; i < 4; i++ {
		clock.Advance(2 * time.Second)
		again.Login(ctx, fmt.Sprintf("x%d.y", i), "z", Origin{Client: "ssh:192.0.2.1"})
	}
	clock.Advance(2 * time.Second)
	again.Login(ctx, "x9.y", "z", Origin{Client: "ssh:192.0.2.1"})
	clock.Advance(2 * time.Second)
	_, err = again.Login(ctx, "x10.y", "z", Origin{Client: "ssh:192.0.2.1"})
	if _, ok := err.(*RateLimitError); !ok {
		t.Fatalf("client counter across a restart: %v", err)
	}
	// The decoy mask is the same after the restart (same secret).
	clock.Advance(time.Hour)
	mask2, err := again.StartReset(ctx, "personne.inconnue", Origin{})
	if err != nil {
		t.Fatal(err)
	}
	if mask.MaskedTarget != mask2.MaskedTarget {
		t.Fatalf("decoy mask changed across a restart: %q, %q", mask.MaskedTarget, mask2.MaskedTarget)
	}
}

// --- identification by student number + birth date

func lookupFail(t *testing.T, s *Store, number string, o Origin) error {
	t.Helper()
	_, err := s.LookupRegistrations(ctx, number, time.Date(2000, 1, 1, 0, 0, 0, 0, ParisLocation()), o)
	return err
}

func TestLookupFiveADayThenNextMidnight(t *testing.T) {
	t.Parallel()
	for _, number := range []string{camilleNum, "29999999"} { // known and unknown: alike
		s, clock := abuseStore(t)
		clock.Set(time.Date(2026, 11, 25, 10, 0, 0, 0, ParisLocation()))
		one := Origin{Client: "ssh:192.0.2.7", Lang: "fr"} // one client: the tight limit
		for i := 0; i < 5; i++ {
			clock.Advance(time.Minute)
			if err := lookupFail(t, s, number, one); err != ErrNoMatch {
				t.Fatalf("%s failure %d: %v", number, i+1, err)
			}
		}
		midnight := time.Date(2026, 11, 26, 0, 0, 0, 0, ParisLocation())
		if st := pairState(t, s, number, one); !st.LockedUntil.Equal(midnight) || st.Failures != 5 {
			t.Fatalf("%s after 5 failures from one client: %+v", number, st)
		}
		if st := lookupState(t, s, number); st.Locked() || st.Failures != 5 || st.Level != 5 {
			t.Fatalf("%s after 5 failures from one client, the number: %+v", number, st)
		}
		clock.Set(midnight.Add(-time.Millisecond))
		_, err := s.LookupRegistrations(ctx, number, camilleBirth, one)
		wantLimit(t, err, "lookup", midnight)
		clock.Set(midnight)
		l, err := s.LookupRegistrations(ctx, number, camilleBirth, one)
		if number == camilleNum {
			if err != nil || l.Identifiant != camilleIdent+"@etu.umontpellier.fr" {
				t.Fatalf("right date at midnight: %v", err)
			}
			if st := lookupState(t, s, number); st.Level != 0 {
				t.Fatalf("a success ends the run: %+v", st)
			}
		} else if err != ErrNoMatch {
			t.Fatalf("unknown number at midnight: %v", err)
		}
	}
}

// The number from every client: 30 failures in 24 h refuse it everywhere
// until the next midnight; 50 in a row disable it until the helpdesk.
func TestLookupFiftyInARowUntilHelpdesk(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	ines := agent(t, s)
	day := func(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, ParisLocation()) }
	clock.Set(day(25, 10))
	client := 0
	fail := func(n int) {
		t.Helper()
		for i := 0; i < n; i++ {
			if i%LookupFailuresPerDay == 0 {
				client++
			}
			clock.Advance(time.Second)
			if err := lookupFail(t, s, camilleNum, Origin{Client: fmt.Sprintf("ssh:198.51.100.%d", client)}); err != ErrNoMatch {
				t.Fatalf("failure %d: %v", i+1, err)
			}
		}
	}
	fail(LookupNumberFailuresPerDay)
	if st := lookupState(t, s, camilleNum); !st.LockedUntil.Equal(day(26, 0)) || st.Level != LookupNumberFailuresPerDay {
		t.Fatalf("after %d failures: %+v", LookupNumberFailuresPerDay, st)
	}
	_, err := s.LookupRegistrations(ctx, camilleNum, camilleBirth, Origin{Client: "kiosk:new"})
	wantLimit(t, err, "lookup", day(26, 0))
	// Two days on, the window is empty; the run goes on to 50.
	clock.Set(day(27, 10))
	fail(LookupFailuresBeforeOff - LookupNumberFailuresPerDay)
	st := lookupState(t, s, camilleNum)
	if !st.Disabled || st.Level != LookupFailuresBeforeOff {
		t.Fatalf("after %d in a row: %+v, want disabled", LookupFailuresBeforeOff, st)
	}
	clock.Set(day(30, 12))
	_, err = s.LookupRegistrations(ctx, camilleNum, camilleBirth, from())
	wantLimit(t, err, "lookup", time.Time{})
	_, err = s.StartActivation(ctx, ActivationIdentity{StudentNumber: camilleNum, BirthDate: camilleBirth}, from())
	wantLimit(t, err, "lookup", time.Time{})

	if u := unlock(t, s, ines, camilleIdent, Origin{Client: "kiosk:accueil/tty1"}); !u.Lookup || u.Login {
		t.Fatalf("unlock: %+v", u)
	}
	if l, err := s.LookupRegistrations(ctx, camilleNum, camilleBirth, from()); err != nil || l.Person.Prenom != "Camille" {
		t.Fatalf("after the unlock: %v", err)
	}
	if st := lookupState(t, s, camilleNum); st.Locked() || st.Failures != 0 || st.Level != 0 {
		t.Fatalf("after the unlock: %+v", st)
	}
}

// pairState is the limit of one number asked from one client.
func pairState(t testing.TB, s *Store, number string, o Origin) lockView {
	return viewLock(t, s, scopeLookupPair, lookupPairKey(number, o.Client), LookupFailureWindow)
}

// Activation by student number shares the lookup's counter.
func TestActivationByNumberSharesLookupLimit(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	wrong := time.Date(2000, 1, 1, 0, 0, 0, 0, ParisLocation())
	one := Origin{Client: "ssh:192.0.2.7", Lang: "fr"}
	for i := 0; i < 3; i++ {
		clock.Advance(time.Minute)
		lookupFail(t, s, camilleNum, one)
	}
	for i := 0; i < 2; i++ {
		clock.Advance(time.Minute)
		_, err := s.StartActivation(ctx, ActivationIdentity{StudentNumber: camilleNum, BirthDate: wrong}, one)
		if err != ErrNoMatch {
			t.Fatal(err)
		}
	}
	if st := pairState(t, s, camilleNum, one); !st.Locked() || st.Failures != 5 {
		t.Fatalf("3 lookups + 2 activations: %+v", st)
	}
}

func TestLookupClientTwentyAnHour(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	c := Origin{Client: "ssh:203.0.113.50"}
	var twentieth time.Time
	for i := 1; i <= 21; i++ {
		clock.Advance(time.Minute)
		err := lookupFail(t, s, fmt.Sprintf("3%07d", i), c)
		switch {
		case i <= 20 && err != ErrNoMatch:
			t.Fatalf("lookup %d: %v", i, err)
		case i == 20:
			twentieth = clock.Now()
		case i == 21:
			wantLimit(t, err, "client", twentieth.Add(time.Hour))
		}
	}
	clock.Set(twentieth.Add(time.Hour - time.Nanosecond))
	_, err := s.LookupRegistrations(ctx, camilleNum, camilleBirth, c)
	wantLimit(t, err, "client", twentieth.Add(time.Hour))
	clock.Set(twentieth.Add(time.Hour))
	if _, err := s.LookupRegistrations(ctx, camilleNum, camilleBirth, c); err != nil {
		t.Fatalf("after the hour: %v", err)
	}
}

// Unknown number and wrong date: the same error after the same store work.
func TestLookupUnknownAndWrongDateAlike(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	tables := []string{"audit", "throttle_failures", "throttle_locks", "people", "accounts"}
	work := func(number string) (error, []int) {
		before := make([]int, len(tables))
		for i, tb := range tables {
			before[i] = countRows(t, s, tb)
		}
		clock.Advance(time.Minute)
		err := lookupFail(t, s, number, Origin{Client: "ssh:192.0.2.77"})
		for i, tb := range tables {
			before[i] = countRows(t, s, tb) - before[i]
		}
		return err, before
	}
	for i := 0; i < 6; i++ { // through the lock too
		errKnown, dKnown := work(camilleNum)
		errUnknown, dUnknown := work("29999999")
		if errKnown != errUnknown && fmt.Sprint(errKnown) != fmt.Sprint(errUnknown) {
			t.Fatalf("try %d: wrong date %v, unknown number %v", i+1, errKnown, errUnknown)
		}
		if fmt.Sprint(dKnown) != fmt.Sprint(dUnknown) {
			t.Fatalf("try %d: rows written %v (wrong date) vs %v (unknown number)", i+1, dKnown, dUnknown)
		}
	}
	// Malformed numbers are no number at all: refused, counted nowhere.
	before := countRows(t, s, "throttle_failures")
	for _, n := range []string{"", "1234567", "123456789", "2190123a", "２１９０１２３４", string(make([]byte, 1<<20))} {
		if err := lookupFail(t, s, n, testOrigin); err != ErrNoMatch {
			t.Fatalf("number %q: %v", n, err)
		}
	}
	if countRows(t, s, "throttle_failures") != before {
		t.Fatal("a malformed number was counted")
	}
}

// Changing the password from a session counts wrong current passwords as
// failed logins, and refuses even the right one while the identifiant is
// locked (a session left open is no way around the lock).
func TestChangePasswordUnderTheLock(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	a, err := s.Login(ctx, hugo, hugoPassword, from())
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		clock.Advance(2 * time.Second)
		if err := s.ChangePassword(ctx, a, "Mauvais-Mot-2026", "Tortue-Velo-Nuage-43", from()); err != ErrWrongPassword {
			t.Fatalf("wrong current password %d: %v", i+1, err)
		}
	}
	st := loginState(t, s, hugo)
	if !st.LockedUntil.Equal(clock.Now().Add(time.Minute)) {
		t.Fatalf("5 wrong current passwords: %+v", st)
	}
	clock.Advance(30 * time.Second)
	if err := s.ChangePassword(ctx, a, hugoPassword, "Tortue-Velo-Nuage-43", from()); err != ErrWrongPassword {
		t.Fatalf("right current password during the lock: %v", err)
	}
	if st2 := loginState(t, s, hugo); st2 != st {
		t.Fatalf("an attempt during the lock changed it: %+v → %+v", st, st2)
	}
	clock.Advance(30 * time.Second)
	if err := s.ChangePassword(ctx, a, hugoPassword, "Tortue-Velo-Nuage-43", from()); err != nil {
		t.Fatalf("after the lock: %v", err)
	}
	if err := s.ChangePassword(ctx, a, strings.Repeat("x", 1<<20), "Tortue-Velo-Nuage-44", from()); err != ErrWrongPassword {
		t.Fatalf("1 MB current password: %v", err)
	}
}

// Issue 12.10: a stranger who knows a student number cannot shut its owner
// out: wrong birth dates from one terminal refuse that number to that
// terminal only; the owner's right number and date from another pass. Only
// many terminals together refuse the number everywhere.
func TestLookupStrangerCannotShutTheOwnerOut(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	const number = "21901234" // Camille Martin, born 14/07/2004
	right := time.Date(2004, 7, 14, 0, 0, 0, 0, ParisLocation())
	wrong := func(i int) time.Time { return right.AddDate(0, 0, i+1) }
	stranger := Origin{Client: "ssh:203.0.113.66"}
	for i := range LookupFailuresPerDay {
		if _, err := s.LookupRegistrations(ctx, number, wrong(i), stranger); !errors.Is(err, ErrNoMatch) {
			t.Fatalf("wrong date %d: %v", i, err)
		}
	}
	var limit *RateLimitError
	if _, err := s.LookupRegistrations(ctx, number, right, stranger); !errors.As(err, &limit) || limit.What != "lookup" {
		t.Fatalf("the stranger's terminal, even with the right date: %v, want refused", err)
	}
	owner := Origin{Client: "kiosk:bu-sciences/tty1"}
	if _, err := s.LookupRegistrations(ctx, number, right, owner); err != nil {
		t.Fatalf("the owner from another terminal: %v", err)
	}
	if _, err := s.StartActivation(ctx, ActivationIdentity{StudentNumber: number, BirthDate: right}, owner); err != nil {
		t.Fatalf("the owner's activation by number: %v", err)
	}
	// Many terminals together: the number is refused everywhere until midnight.
	clock.Advance(time.Minute)
	for c := 0; c*LookupFailuresPerDay < LookupNumberFailuresPerDay; c++ {
		o := Origin{Client: fmt.Sprintf("ssh:198.51.100.%d", c)}
		for i := range LookupFailuresPerDay {
			s.LookupRegistrations(ctx, number, wrong(i), o)
		}
	}
	if _, err := s.LookupRegistrations(ctx, number, right, Origin{Client: "kiosk:other"}); !errors.As(err, &limit) ||
		limit.What != "lookup" || !limit.Until.Equal(s.nextLocalMidnight(clock.Now())) {
		t.Fatalf("after %d failures from many terminals: %v, want refused until midnight", LookupNumberFailuresPerDay, err)
	}
	// The helpdesk lifts both.
	a := agent(t, s)
	if u := unlock(t, s, a, "camille.martin", testOrigin); !u.Lookup {
		t.Fatalf("unlock: %+v", u)
	}
	if _, err := s.LookupRegistrations(ctx, number, right, stranger); err != nil {
		t.Fatalf("after the helpdesk's unlock, the stranger's terminal with the right date: %v", err)
	}
}
