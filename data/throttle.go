package data

import (
	"context"
	"database/sql"
	"errors"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Throttling figures (issue "Abuse resistance"). Counters live in SQLite so
// that every kiosk and the SSH server count together, across restarts.
//
// Per identifiant (the normalised local part: case, surrounding spaces, full
// identifiant or local part all give the same key; unknown identifiants are
// counted exactly like real ones):
//   - LoginFailuresBeforeLock failures within LoginFailureWindow lock it for
//     LoginFirstLock, doubling with each further lock up to LoginMaxLock;
//   - two failures closer than LoginAutomationGap lock it at once for
//     LoginFirstLock (this lock does not raise the doubling level);
//   - attempts during a lock are refused with ErrInvalidCredentials, are not
//     counted against the identifiant and do not extend the lock (they do
//     count against the client);
//   - a success, a completed reset or activation, or the helpdesk
//     (UnlockLogin) forget the failures, the lock and its level.
//
// Per client (Origin.Client: "ssh:IP", "web:IP", "kiosk:host/tty"):
// ClientFailuresBeforeBlock failed logins within ClientFailureWindow, over
// any identifiants, block it for ClientBlock (RateLimitError "client").
//
// Identification by student number + birth date (IA lookup, activation):
// LookupFailuresPerDay failures within 24 h of one number from one client
// refuse that number to that client until the next local midnight; the
// number itself, from every client, is refused until midnight only after
// LookupNumberFailuresPerDay, and disabled until the helpdesk unlocks it
// (UnlockLookup) after LookupFailuresBeforeOff failures in a row (no
// success between): a stranger at one terminal cannot shut the owner out,
// and the owner's right number and date from another terminal pass;
// LookupClientFailures failures within LookupClientFailureWindow block the
// client for LookupClientFailureWindow. An unknown identifiant typed on
// "1ère connexion" counts as such a failure of the client, and a blocked
// client is refused there too (no enumeration at speed).
//
// A shared client (Origin.Shared: an address of serve --shared-networks,
// hundreds of students behind one campus NAT) gets SharedClientFactor
// times each per-client threshold — ClientFailuresBeforeBlock,
// LookupClientFailures and ResetRequestsPerHour — over the same windows
// and for the same blocks: ten typos among 400 students must not shut the
// campus out. Everything that protects an account (the identifiant's
// locks and closing, a number's lookup limits, the code mails) does not
// depend on the network, and a shared client gets the same answers as
// anyone.
//
// Windows are half-open: a failure exactly one window old no longer counts,
// and a lock ending at T refuses until T and opens at T.
const (
	LoginFailuresBeforeLock = 5
	LoginFailureWindow      = 15 * time.Minute
	LoginFirstLock          = 60 * time.Second
	LoginMaxLock            = 15 * time.Minute
	// Two failures closer than this are a script: lock at once.
	LoginAutomationGap = time.Second
	// Locks older than this no longer double the next one.
	LoginLockMemory = 24 * time.Hour
	// Failures in a row (counted ones: not those refused during a lock)
	// after which password login stays closed until a reset by code or
	// the helpdesk (NIST SP 800-63B §5.2.2: at most 100 consecutive
	// failures). Without it the locks allow ~480 guesses a day for ever.
	LoginFailuresBeforeClose = 100

	ClientFailuresBeforeBlock = 10
	ClientFailureWindow       = 5 * time.Minute
	ClientBlock               = 5 * time.Minute

	LookupFailuresPerDay       = 5 // one number, one client
	LookupNumberFailuresPerDay = 30
	LookupFailureWindow        = 24 * time.Hour
	LookupFailuresBeforeOff    = 50 // in a row, every client: off until the helpdesk unlocks
	LookupClientFailures       = 20
	LookupClientFailureWindow  = time.Hour

	// SharedClientFactor multiplies the per-client thresholds of a shared
	// client: 200 failed logins in 5 minutes, 400 failed identifications
	// in an hour, 600 lost-password requests in an hour. Sized for a
	// campus on the first morning: hundreds of students behind one address,
	// each mistyping once or twice, stay under it; a script behind that
	// address is still stopped after 200 guesses in 5 minutes, and each
	// identifiant keeps its own lock at 5.
	SharedClientFactor = 20
)

// clientLimit is a per-client threshold for o: n, or SharedClientFactor
// times n for a shared client.
func (o Origin) clientLimit(n int) int {
	if o.Shared {
		return n * SharedClientFactor
	}
	return n
}

// ClientFailuresBeforeBlock is the number of failed logins that block
// o's client (the help on screen says it).
func (o Origin) ClientFailuresBeforeBlock() int { return o.clientLimit(ClientFailuresBeforeBlock) }

// MaxPasswordBytes bounds what Login looks at: no password of the policy's
// 128 characters is anywhere near this long, and a 1 MB paste is refused
// without being hashed or counted in characters.
const MaxPasswordBytes = 64 << 10

// Throttle scopes.
const (
	scopeLogin        = "login"
	scopeLoginRun     = "login_run" // level: failures in a row; disabled: closed (LoginFailuresBeforeClose)
	scopeClient       = "client"
	scopeLookup       = "lookup"
	scopeLookupClient = "lookup_client"
	scopeLookupPair   = "lookup_pair" // one student number from one client: number + "|" + client
	scopeDecoyMail    = "decoy_mail"
	scopeResetClient  = "reset_client"
)

// failureRetention: no rule looks further back than a day.
const failureRetention = 48 * time.Hour

type lockRow struct {
	until    time.Time
	level    int
	disabled bool
	updated  time.Time
	exists   bool
}

func (s *Store) lock(ctx context.Context, q queryer, scope, key string) (lockRow, error) {
	var l lockRow
	var until sql.NullString
	var updated string
	err := q.QueryRowContext(ctx, `SELECT locked_until, level, disabled, updated_at FROM throttle_locks
		WHERE scope = ? AND key = ?`, scope, key).Scan(&until, &l.level, &l.disabled, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return l, nil
	}
	l.until, l.updated, l.exists = nullTime(until), parseTime(updated), true
	return l, err
}

// blocked returns a RateLimitError while scope/key is refused, nil when it
// is not. A disabled key is refused with a zero Until.
func (s *Store) blocked(ctx context.Context, q queryer, scope, key, what string) error {
	l, err := s.lock(ctx, q, scope, key)
	if err != nil {
		return err
	}
	if l.disabled {
		return &RateLimitError{What: what}
	}
	if s.cfg.Clock.Now().Before(l.until) {
		return &RateLimitError{What: what, Until: l.until}
	}
	return nil
}

func (s *Store) setLock(ctx context.Context, tx *sql.Tx, scope, key string, until time.Time, level int, disabled bool) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO throttle_locks(scope, key, locked_until, level, disabled, updated_at)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(scope, key) DO UPDATE SET locked_until = excluded.locked_until,
		level = excluded.level, disabled = excluded.disabled, updated_at = excluded.updated_at`,
		scope, key, nullableTime(until), level, disabled, fmtTime(s.cfg.Clock.Now()))
	return err
}

// sweepEvery: one failure in this many also deletes every key's old events
// and forgotten locks, so that spraying with unique identifiants does not
// grow the tables for ever.
const sweepEvery = 512

var failuresRecorded atomic.Uint64

// addFailure records one failure and returns how many fall in the window
// (this one included) and when the previous one happened.
func (s *Store) addFailure(ctx context.Context, tx *sql.Tx, scope, key string, window time.Duration) (int, time.Time, error) {
	now := s.cfg.Clock.Now()
	var prev sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT MAX(at) FROM throttle_failures WHERE scope = ? AND key = ?`,
		scope, key).Scan(&prev); err != nil {
		return 0, time.Time{}, err
	}
	old := fmtTime(now.Add(-failureRetention))
	if _, err := tx.ExecContext(ctx, `DELETE FROM throttle_failures WHERE scope = ? AND key = ? AND at < ?`,
		scope, key, old); err != nil {
		return 0, time.Time{}, err
	}
	if failuresRecorded.Add(1)%sweepEvery == 0 {
		if err := s.sweepThrottle(ctx, tx, now); err != nil {
			return 0, time.Time{}, err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO throttle_failures(scope, key, at) VALUES (?, ?, ?)`,
		scope, key, fmtTime(now)); err != nil {
		return 0, time.Time{}, err
	}
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM throttle_failures WHERE scope = ? AND key = ? AND at > ?`,
		scope, key, fmtTime(now.Add(-window))).Scan(&n)
	return n, nullTime(prev), err
}

// sweepThrottle forgets what no rule reads any more. Lookup locks stay:
// their level counts failures in a row, however far apart.
func (s *Store) sweepThrottle(ctx context.Context, tx *sql.Tx, now time.Time) error {
	old := fmtTime(now.Add(-failureRetention))
	if _, err := tx.ExecContext(ctx, `DELETE FROM throttle_failures WHERE at < ?`, old); err != nil {
		return err
	}
	// A run of login failures that reached a lock stays: it counts towards
	// the ceiling however slowly it grows; shorter ones (a typo, one
	// sprayed name) are forgotten.
	_, err := tx.ExecContext(ctx, `DELETE FROM throttle_locks WHERE scope <> ? AND disabled = 0
		AND updated_at < ? AND (locked_until IS NULL OR locked_until < ?) AND NOT (scope = ? AND level >= ?)`,
		scopeLookup, old, fmtTime(now), scopeLoginRun, LoginFailuresBeforeLock)
	return err
}

func (s *Store) clearFailures(ctx context.Context, tx *sql.Tx, scope, key string) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM throttle_failures WHERE scope = ? AND key = ?`, scope, key)
	return err
}

// loginLockFor is the wait of the n-th lock (n from 0): 60 s doubling, 15 min at most.
func loginLockFor(level int) time.Duration {
	d := LoginFirstLock
	for i := 0; i < level && d < LoginMaxLock; i++ {
		d *= 2
	}
	return min(d, LoginMaxLock)
}

// loginKey is the throttling key of what someone typed as identifiant: the
// normalised local part, so that every spelling of one identifiant (case,
// spaces, with or without a domain) counts together. Input longer than any
// identifiant gives the empty key: it names no account.
func loginKey(input string) string {
	local, _ := NormalizeLogin(input)
	if len(local) > MaxEmailLength {
		return ""
	}
	return local
}

// passwordTooLong: longer than the policy allows (128 characters), so it
// cannot be anyone's password; checked without reading a huge input twice.
func passwordTooLong(pw string) bool {
	if len(pw) <= PasswordMaxLength {
		return false
	}
	if len(pw) > MaxPasswordBytes {
		return true
	}
	if utf8.RuneCountInString(pw) <= PasswordMaxLength {
		return false
	}
	return uniseg.GraphemeClusterCount(pw) > PasswordMaxLength
}

// recordLoginFailure counts a failed login against the identifiant and the
// client, locking either when its rule says so. It returns the identifiant's
// lock end if this failure locked it. The caller holds the write lock and
// has checked that the identifiant is not locked.
func (s *Store) recordLoginFailure(ctx context.Context, tx *sql.Tx, local string, o Origin) (time.Time, error) {
	now, client := s.cfg.Clock.Now(), o.Client
	if err := s.recordClientFailure(ctx, tx, o); err != nil {
		return time.Time{}, err
	}
	n, prev, err := s.addFailure(ctx, tx, scopeLogin, local, LoginFailureWindow)
	if err != nil {
		return time.Time{}, err
	}
	if closed, err := s.countLoginRun(ctx, tx, local, client); err != nil || closed {
		return time.Time{}, err
	}
	l, err := s.lock(ctx, tx, scopeLogin, local)
	if err != nil {
		return time.Time{}, err
	}
	level := l.level
	if l.exists && now.Sub(l.updated) > LoginLockMemory {
		level = 0
	}
	var until time.Time
	why := "failures"
	switch {
	case n >= LoginFailuresBeforeLock:
		until = now.Add(loginLockFor(level))
		level++
		// The next lock needs five new failures.
		if err := s.clearFailures(ctx, tx, scopeLogin, local); err != nil {
			return time.Time{}, err
		}
	case !prev.IsZero() && now.Sub(prev) < LoginAutomationGap:
		until = now.Add(LoginFirstLock)
		why = "automation"
	default:
		return time.Time{}, nil
	}
	if err := s.setLock(ctx, tx, scopeLogin, local, until, level, false); err != nil {
		return time.Time{}, err
	}
	entry, err := s.loginAuditEntry(ctx, tx, local)
	if err != nil {
		return time.Time{}, err
	}
	entry.Event, entry.Client, entry.Outcome = EventLock, client, "locked"
	entry.Info = LoginLockDetail(until.Sub(now), why)
	return until, s.audit(ctx, tx, entry)
}

// countLoginRun adds a failure to the identifiant's run of failures in a
// row and closes password login at the hundredth (audited). Unknown
// identifiants are counted and closed exactly like real ones.
func (s *Store) countLoginRun(ctx context.Context, tx *sql.Tx, local, client string) (closed bool, err error) {
	run, err := s.lock(ctx, tx, scopeLoginRun, local)
	if err != nil {
		return false, err
	}
	n := run.level + 1
	closed = n >= LoginFailuresBeforeClose
	if err := s.setLock(ctx, tx, scopeLoginRun, local, time.Time{}, n, closed); err != nil || !closed {
		return false, err
	}
	entry, err := s.loginAuditEntry(ctx, tx, local)
	if err != nil {
		return false, err
	}
	entry.Event, entry.Client, entry.Outcome = EventLock, client, "login closed"
	entry.Info = LoginClosedDetail(n)
	return true, s.audit(ctx, tx, entry)
}

// loginClosed says whether password login is closed for the identifiant
// (LoginFailuresBeforeClose).
func (s *Store) loginClosed(ctx context.Context, q queryer, local string) (bool, error) {
	run, err := s.lock(ctx, q, scopeLoginRun, local)
	return run.disabled, err
}

// loginAuditEntry names the account behind a login key, if there is one, so
// that locks and unlocks show on the person's timeline.
func (s *Store) loginAuditEntry(ctx context.Context, tx *sql.Tx, local string) (AuditEntry, error) {
	e := AuditEntry{Identifiant: local}
	err := tx.QueryRowContext(ctx, `SELECT person_id, identifiant FROM accounts WHERE local_part = ?`, local).
		Scan(&e.PersonID, &e.Identifiant)
	if errors.Is(err, sql.ErrNoRows) {
		return AuditEntry{Identifiant: local}, nil
	}
	return e, err
}

// recordClientFailure counts one failed login against the client; the
// tenth within 5 minutes (a shared client: the 200th) blocks it for 5
// minutes.
func (s *Store) recordClientFailure(ctx context.Context, tx *sql.Tx, o Origin) error {
	client := o.Client
	if client == "" {
		return nil
	}
	n, _, err := s.addFailure(ctx, tx, scopeClient, client, ClientFailureWindow)
	if err != nil || n < o.clientLimit(ClientFailuresBeforeBlock) {
		return err
	}
	if err := s.clearFailures(ctx, tx, scopeClient, client); err != nil {
		return err
	}
	if err := s.setLock(ctx, tx, scopeClient, client, s.cfg.Clock.Now().Add(ClientBlock), 0, false); err != nil {
		return err
	}
	return s.audit(ctx, tx, AuditEntry{Event: EventLock, Client: client, Outcome: "client blocked",
		Info: ClientBlockedDetail(ClientBlock)})
}

// clearLoginLock forgets an identifiant's failures and lock (a success, a
// completed reset or activation). A lock still running is lifted with an
// UNLOCK entry, so that the timeline shows why it ended.
func (s *Store) clearLoginLock(ctx context.Context, tx *sql.Tx, local string) error {
	if err := s.clearFailures(ctx, tx, scopeLogin, local); err != nil {
		return err
	}
	closed, err := s.loginClosed(ctx, tx, local)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM throttle_locks WHERE scope = ? AND key = ?`, scopeLoginRun, local); err != nil {
		return err
	}
	if closed {
		entry, err := s.loginAuditEntry(ctx, tx, local)
		if err != nil {
			return err
		}
		entry.Event, entry.Outcome, entry.Info = EventUnlock, "cleared", LoginReopenedDetail()
		if err := s.audit(ctx, tx, entry); err != nil {
			return err
		}
	}
	l, err := s.lock(ctx, tx, scopeLogin, local)
	if err != nil || !l.exists {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM throttle_locks WHERE scope = ? AND key = ?`, scopeLogin, local); err != nil {
		return err
	}
	if !s.cfg.Clock.Now().Before(l.until) {
		return nil
	}
	entry, err := s.loginAuditEntry(ctx, tx, local)
	if err != nil {
		return err
	}
	entry.Event, entry.Outcome, entry.Info = EventUnlock, "cleared", LoginLockLiftedDetail()
	return s.audit(ctx, tx, entry)
}

// nextLocalMidnight is the start of the next day in the university's time.
func (s *Store) nextLocalMidnight(now time.Time) time.Time {
	l := now.In(s.cfg.Location)
	return time.Date(l.Year(), l.Month(), l.Day()+1, 0, 0, 0, 0, s.cfg.Location)
}

// lookupGate refuses a student-number identification while the client or
// the number is limited.
func (s *Store) lookupGate(ctx context.Context, q queryer, number, client string) error {
	if err := s.lookupClientGate(ctx, q, client); err != nil {
		return err
	}
	if err := s.blocked(ctx, q, scopeLookup, number, "lookup"); err != nil {
		return err
	}
	return s.blocked(ctx, q, scopeLookupPair, lookupPairKey(number, client), "lookup")
}

// lookupPairKey is the key of one number asked from one client.
func lookupPairKey(number, client string) string { return number + "|" + client }

// lookupClientGate refuses an identification (student number, or an
// identifiant on "1ère connexion") while the client is blocked.
func (s *Store) lookupClientGate(ctx context.Context, q queryer, client string) error {
	if client == "" {
		return nil
	}
	return s.blocked(ctx, q, scopeLookupClient, client, "client")
}

// recordLookupFailure counts a failed student number + birth date pair:
// 5 in 24 h refuse the number until the next local midnight, 10 in a row
// disable it until the helpdesk unlocks; 20 in an hour block the client for
// an hour (a shared client: 400). personID is the number's owner when there
// is one (audit only).
func (s *Store) recordLookupFailure(ctx context.Context, tx *sql.Tx, number string, personID int64, o Origin) error {
	now, client := s.cfg.Clock.Now(), o.Client
	if err := s.recordLookupClientFailure(ctx, tx, o); err != nil {
		return err
	}
	pair := lookupPairKey(number, client)
	np, _, err := s.addFailure(ctx, tx, scopeLookupPair, pair, LookupFailureWindow)
	if err != nil {
		return err
	}
	if np >= LookupFailuresPerDay {
		until := s.nextLocalMidnight(now)
		if err := s.setLock(ctx, tx, scopeLookupPair, pair, until, 0, false); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, AuditEntry{Event: EventLock, PersonID: personID, Client: client, Outcome: "lookup locked",
			Info: LookupPairLockedDetail(number, until)}); err != nil {
			return err
		}
	}
	n, _, err := s.addFailure(ctx, tx, scopeLookup, number, LookupFailureWindow)
	if err != nil {
		return err
	}
	l, err := s.lock(ctx, tx, scopeLookup, number)
	if err != nil {
		return err
	}
	inARow := l.level + 1
	until, disabled := l.until, l.disabled
	var detail AuditDetail
	switch {
	case inARow >= LookupFailuresBeforeOff:
		disabled, until = true, time.Time{}
		detail = LookupOffDetail(number)
	case n >= LookupNumberFailuresPerDay:
		until = s.nextLocalMidnight(now)
		detail = LookupLockedDetail(number, until)
	}
	if err := s.setLock(ctx, tx, scopeLookup, number, until, inARow, disabled); err != nil {
		return err
	}
	if detail.Kind == "" {
		return nil
	}
	return s.audit(ctx, tx, AuditEntry{Event: EventLock, PersonID: personID, Client: client, Outcome: "lookup locked",
		Info: detail})
}

// recordLookupClientFailure counts a failed identification against the
// client (a wrong student number + birth date pair, or an unknown
// identifiant on "1ère connexion"): 20 in an hour (a shared client: 400)
// block it for an hour.
func (s *Store) recordLookupClientFailure(ctx context.Context, tx *sql.Tx, o Origin) error {
	client := o.Client
	if client == "" {
		return nil
	}
	n, _, err := s.addFailure(ctx, tx, scopeLookupClient, client, LookupClientFailureWindow)
	if err != nil || n < o.clientLimit(LookupClientFailures) {
		return err
	}
	if err := s.setLock(ctx, tx, scopeLookupClient, client, s.cfg.Clock.Now().Add(LookupClientFailureWindow), 0, false); err != nil {
		return err
	}
	if err := s.clearFailures(ctx, tx, scopeLookupClient, client); err != nil {
		return err
	}
	return s.audit(ctx, tx, AuditEntry{Event: EventLock, Client: client, Outcome: "client blocked",
		Info: LookupClientBlockedDetail(LookupClientFailureWindow)})
}

// recordLookupSuccess ends a run of failures for the number.
func (s *Store) recordLookupSuccess(ctx context.Context, tx *sql.Tx, number string) error {
	_, err := tx.ExecContext(ctx, `UPDATE throttle_locks SET level = 0 WHERE scope = ? AND key = ? AND disabled = 0`,
		scopeLookup, number)
	return err
}
