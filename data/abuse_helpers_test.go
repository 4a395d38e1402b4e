package data

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Demo people the abuse tests lean on.
const (
	hugo         = "hugo.lefevre" // active
	hugoPassword = "Kiosque-Demo-2026"
	hugoMail     = "hugo.lefevre@example.org"
	camilleIdent = "camille.martin" // pending, activation possible
	camilleNum   = "21901234"
	inesIdent    = "ines.moreau" // staff, helpdesk
	inesPassword = "Helpdesk-Demo-2026"
)

var camilleBirth = time.Date(2004, 7, 14, 0, 0, 0, 0, ParisLocation())

// abuseStore is openTest with the demo people loaded, the clock then moved
// two hours on so that the import's mails are out of every hourly window.
func abuseStore(t testing.TB) (*Store, *ManualClock) {
	t.Helper()
	s, clock := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	clock.Advance(2 * time.Hour)
	return s, clock
}

// agent logs the demo helpdesk agent in (from its own client, so that the
// tests' counters are not touched).
func agent(t testing.TB, s *Store) *Account {
	t.Helper()
	a, err := s.Login(ctx, inesIdent, inesPassword, Origin{Client: "helpdesk-desk"})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

var (
	mailCodeRe  = regexp.MustCompile(`Code ?: (\d{8})`)
	mailTokenRe = regexp.MustCompile(`ssh://([a-z2-7]{32})@`)
)

// lastCode reads the code of the newest mail to an address.
func lastCode(t testing.TB, s *Store, to string) string {
	t.Helper()
	mails, err := s.Outbox(ctx, OutboxFilter{To: to})
	if err != nil {
		t.Fatal(err)
	}
	var newest *Mail
	for i := range mails {
		if newest == nil || mails[i].ID > newest.ID {
			newest = &mails[i]
		}
	}
	if newest == nil {
		t.Fatalf("no mail to %s", to)
	}
	m := mailCodeRe.FindStringSubmatch(newest.Body)
	if m == nil {
		t.Fatalf("no code in the mail to %s:\n%s", to, newest.Body)
	}
	return m[1]
}

// wantCredentials: the one refusal that says nothing about why.
func wantCredentials(t testing.TB, err error, what string) {
	t.Helper()
	if err != ErrInvalidCredentials {
		t.Fatalf("%s: got %v, want exactly ErrInvalidCredentials", what, err)
	}
}

// wantLimit: a RateLimitError about what, ending at until (zero: until the helpdesk).
func wantLimit(t testing.TB, err error, what string, until time.Time) {
	t.Helper()
	var re *RateLimitError
	if !errors.As(err, &re) {
		t.Fatalf("got %v, want a RateLimitError (%s)", err, what)
	}
	if re.What != what || !re.Until.Equal(until) {
		t.Fatalf("got %s until %v, want %s until %v", re.What, re.Until, what, until)
	}
}

// lockView is a lock as the tests compare it: LockedUntil zero unless the
// lock still runs (the helpdesk card's LockState keeps the raw end).
type lockView struct {
	Failures    int
	LockedUntil time.Time
	Disabled    bool
	Level       int
}

func (v lockView) Locked() bool { return v.Disabled || !v.LockedUntil.IsZero() }

func viewLock(t testing.TB, s *Store, scope, key string, window time.Duration) lockView {
	t.Helper()
	st, err := s.lockState(ctx, scope, key, window)
	if err != nil {
		t.Fatal(err)
	}
	v := lockView{Failures: st.Failures, Disabled: st.Disabled, Level: st.Level}
	if st.Locked(s.Now()) && !st.Disabled {
		v.LockedUntil = st.Until
	}
	return v
}

func loginState(t testing.TB, s *Store, ident string) lockView {
	t.Helper()
	return viewLock(t, s, scopeLogin, loginKey(ident), LoginFailureWindow)
}

func lookupState(t testing.TB, s *Store, number string) lockView {
	t.Helper()
	return viewLock(t, s, scopeLookup, number, LookupFailureWindow)
}

// unlock is the helpdesk lifting a person's locks (login and IA lookup).
func unlock(t testing.TB, s *Store, agent *Account, ident string, o Origin) Unlocked {
	t.Helper()
	a, err := s.account(ctx, s.db, `a.local_part = ?`, loginKey(ident))
	if err != nil {
		t.Fatal(err)
	}
	u, err := s.HelpdeskUnlock(ctx, agent, a.Person.ID, o)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// auditRows is every audit row as one line of text, for greps.
func auditRows(t testing.TB, s *Store) []string {
	t.Helper()
	rows, err := s.db.Query(`SELECT id, at, event, COALESCE(CAST(person_id AS TEXT), ''), identifiant, client, outcome, actor, detail FROM audit ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var f [9]string
		if err := rows.Scan(&f[0], &f[1], &f[2], &f[3], &f[4], &f[5], &f[6], &f[7], &f[8]); err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.Join(f[:], " | "))
	}
	return out
}

func countRows(t testing.TB, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
