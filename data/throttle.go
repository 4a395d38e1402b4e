package data

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Throttling figures (issue "Abuse resistance"). Counters live in SQLite so
// that every kiosk and the SSH server count together, across restarts.
const (
	LoginFailuresBeforeLock = 5
	LoginFailureWindow      = 15 * time.Minute
	LoginFirstLock          = 60 * time.Second
	LoginMaxLock            = 15 * time.Minute
	// Two failures closer than this are a script: lock at once.
	LoginAutomationGap = time.Second
	// Locks older than this no longer double the next one.
	LoginLockMemory = 24 * time.Hour

	ClientFailuresBeforeBlock = 10
	ClientFailureWindow       = 5 * time.Minute
	ClientBlock               = 5 * time.Minute

	LookupFailuresPerDay      = 5
	LookupFailuresBeforeOff   = 10 // in a row: off until the helpdesk unlocks
	LookupClientFailures      = 20
	LookupClientFailureWindow = time.Hour
)

// Throttle scopes.
const (
	scopeLogin        = "login"
	scopeClient       = "client"
	scopeLookup       = "lookup"
	scopeLookupClient = "lookup_client"
	scopeDecoyMail    = "decoy_mail"
)

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

// blocked says until when scope/key is refused; zero if it is not. A
// disabled key is refused with a zero Until in the error.
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

// addFailure records one failure and returns how many fall in the window
// (this one included) and when the previous one happened.
func (s *Store) addFailure(ctx context.Context, tx *sql.Tx, scope, key string, window time.Duration) (int, time.Time, error) {
	now := s.cfg.Clock.Now()
	var prev sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT MAX(at) FROM throttle_failures WHERE scope = ? AND key = ?`,
		scope, key).Scan(&prev); err != nil {
		return 0, time.Time{}, err
	}
	// Old events are of no use to any rule (the longest window is a day).
	if _, err := tx.ExecContext(ctx, `DELETE FROM throttle_failures WHERE scope = ? AND key = ? AND at < ?`,
		scope, key, fmtTime(now.Add(-48*time.Hour))); err != nil {
		return 0, time.Time{}, err
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

// recordLoginFailure counts a failed login against the identifiant and the
// client, locking either when its rule says so. It returns the identifiant's
// lock end if this failure locked it.
func (s *Store) recordLoginFailure(ctx context.Context, tx *sql.Tx, local, client string) (time.Time, error) {
	now := s.cfg.Clock.Now()
	if err := s.recordClientFailure(ctx, tx, client); err != nil {
		return time.Time{}, err
	}
	n, prev, err := s.addFailure(ctx, tx, scopeLogin, local, LoginFailureWindow)
	if err != nil {
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
	switch {
	case n >= LoginFailuresBeforeLock:
		until = now.Add(loginLockFor(level))
		level++
	case !prev.IsZero() && now.Sub(prev) < LoginAutomationGap:
		until = now.Add(LoginFirstLock)
	default:
		return time.Time{}, nil
	}
	if n >= LoginFailuresBeforeLock {
		// The next lock needs five new failures.
		if err := s.clearFailures(ctx, tx, scopeLogin, local); err != nil {
			return time.Time{}, err
		}
	}
	if err := s.setLock(ctx, tx, scopeLogin, local, until, level, false); err != nil {
		return time.Time{}, err
	}
	return until, s.audit(ctx, tx, AuditEntry{Event: EventLock, Identifiant: local, Client: client,
		Outcome: "locked", Detail: "login " + formatDuration(until.Sub(now))})
}

func (s *Store) recordClientFailure(ctx context.Context, tx *sql.Tx, client string) error {
	if client == "" {
		return nil
	}
	n, _, err := s.addFailure(ctx, tx, scopeClient, client, ClientFailureWindow)
	if err != nil || n < ClientFailuresBeforeBlock {
		return err
	}
	if err := s.clearFailures(ctx, tx, scopeClient, client); err != nil {
		return err
	}
	if err := s.setLock(ctx, tx, scopeClient, client, s.cfg.Clock.Now().Add(ClientBlock), 0, false); err != nil {
		return err
	}
	return s.audit(ctx, tx, AuditEntry{Event: EventLock, Client: client, Outcome: "client blocked",
		Detail: "client " + formatDuration(ClientBlock)})
}

// clearLoginLock forgets an identifiant's failures and lock (a success, a
// completed reset, the helpdesk).
func (s *Store) clearLoginLock(ctx context.Context, tx *sql.Tx, local string) error {
	if err := s.clearFailures(ctx, tx, scopeLogin, local); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM throttle_locks WHERE scope = ? AND key = ?`, scopeLogin, local)
	return err
}

// nextLocalMidnight is the start of the next day in the university's time.
func (s *Store) nextLocalMidnight(now time.Time) time.Time {
	l := now.In(s.cfg.Location)
	return time.Date(l.Year(), l.Month(), l.Day()+1, 0, 0, 0, 0, s.cfg.Location)
}

// lookupGate refuses a student-number identification while the number or
// the client is limited.
func (s *Store) lookupGate(ctx context.Context, number, client string) error {
	if client != "" {
		if err := s.blocked(ctx, s.db, scopeLookupClient, client, "client"); err != nil {
			return err
		}
	}
	return s.blocked(ctx, s.db, scopeLookup, number, "lookup")
}

// recordLookupFailure counts a failed student number + birth date pair:
// 5 in 24 h refuse the number until the next day, 10 in a row disable it
// until the helpdesk unlocks; 20 in an hour block the client for the hour.
func (s *Store) recordLookupFailure(ctx context.Context, tx *sql.Tx, number, client string) error {
	now := s.cfg.Clock.Now()
	if client != "" {
		n, _, err := s.addFailure(ctx, tx, scopeLookupClient, client, LookupClientFailureWindow)
		if err != nil {
			return err
		}
		if n >= LookupClientFailures {
			if err := s.setLock(ctx, tx, scopeLookupClient, client, now.Add(LookupClientFailureWindow), 0, false); err != nil {
				return err
			}
			if err := s.clearFailures(ctx, tx, scopeLookupClient, client); err != nil {
				return err
			}
		}
	}
	n, _, err := s.addFailure(ctx, tx, scopeLookup, number, 24*time.Hour)
	if err != nil {
		return err
	}
	l, err := s.lock(ctx, tx, scopeLookup, number)
	if err != nil {
		return err
	}
	inARow := l.level + 1
	until, disabled := l.until, l.disabled
	switch {
	case inARow >= LookupFailuresBeforeOff:
		disabled = true
	case n >= LookupFailuresPerDay:
		until = s.nextLocalMidnight(now)
	}
	if err := s.setLock(ctx, tx, scopeLookup, number, until, inARow, disabled); err != nil {
		return err
	}
	if disabled != l.disabled || !until.Equal(l.until) {
		return s.audit(ctx, tx, AuditEntry{Event: EventLock, Client: client, Outcome: "lookup locked",
			Detail: map[bool]string{true: "lookup disabled", false: "lookup until next day"}[disabled]})
	}
	return nil
}

// recordLookupSuccess ends a run of failures for the number.
func (s *Store) recordLookupSuccess(ctx context.Context, tx *sql.Tx, number string) error {
	_, err := tx.ExecContext(ctx, `UPDATE throttle_locks SET level = 0 WHERE scope = ? AND key = ? AND disabled = 0`,
		scopeLookup, number)
	return err
}
