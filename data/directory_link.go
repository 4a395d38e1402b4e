package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"entkiosk/data/directory"
)

// Directory is the campus directory (LDAP) as the store's rules use it:
// when Config.Directory is set, passwords are checked by a bind as the
// person and written there first; the settings without secrets follow
// through the directory queue. *directory.Directory is the one used; nil
// keeps the embedded store alone, exactly as without a directory.
type Directory interface {
	// Bind checks the password of the person the directory finds by login;
	// an unknown login costs as long as a known one.
	Bind(ctx context.Context, login, password string) error
	// Decoy waits from start as long as a known person's bind takes: the
	// cost of a login entkiosk refuses without asking the directory.
	Decoy(ctx context.Context, start time.Time)
	// SetPassword writes a new password (Password Modify), and the day of
	// the change.
	SetPassword(ctx context.Context, login, password string, at time.Time) error
	// Apply writes a setting; applying it twice is as applying it once.
	Apply(ctx context.Context, login string, c directory.Change) error
	// Lookup gives the DN of the person, or a NotInDirectory error.
	Lookup(ctx context.Context, login string) (string, error)
}

// The directory's refusals, for people: screens say each in their words.
var (
	// ErrDirectoryUnavailable: the directory did not answer (or refused
	// entkiosk itself); nothing was changed, a code stays usable.
	ErrDirectoryUnavailable = codedError(CodeDirectoryUnavailable, "the directory did not answer; nothing was changed")
	// ErrNotInDirectory: the university's provisioning has not put this
	// person in the directory yet; nothing was changed.
	ErrNotInDirectory = codedError(CodeNotInDirectory, "the account is not in the directory yet")
)

// DirectoryPolicyError: the directory's password policy refused the new
// password (Reason says which rule). It unwraps to a PolicyError, so that
// screens keep the password fields to be corrected, as for entkiosk's own
// rules.
type DirectoryPolicyError struct {
	Reason directory.PolicyReason
	// MinLength is the directory's minimum length with a "too short"
	// refusal, when entkiosk could read it; else 0.
	MinLength int
}

func (e *DirectoryPolicyError) Error() string {
	return "the directory's password policy refused the password: " + e.Reason.String()
}

func (e *DirectoryPolicyError) Unwrap() error { return &PolicyError{} }

// directoryError turns what the directory answered to a write into the
// error screens say, and the audit's outcome.
func directoryError(err error) (error, string) {
	switch directory.KindOf(err) {
	case directory.NotInDirectory:
		return ErrNotInDirectory, "not in directory"
	case directory.PolicyRefused:
		r, _ := directory.PolicyOf(err)
		return &DirectoryPolicyError{Reason: r, MinLength: directory.MinLengthOf(err)}, "refused: directory policy " + r.String()
	case directory.Refused, directory.AccountLocked, directory.InvalidCredentials:
		return ErrDirectoryUnavailable, "refused: directory"
	}
	return ErrDirectoryUnavailable, "directory unavailable"
}

// directoryLogin checks a password against the directory, for Login and
// for the current password of a change: a bind as the person the directory
// finds by login (the local part typed). Every identifiant asks the
// directory the same way, so that neither the time taken nor the answer
// when it is down (ErrDirectoryUnavailable, nothing counted) tells a known
// account from an unknown one; the directory pads an unknown person's bind
// to a known one's time. Only an active account of this store matches.
func (s *Store) directoryLogin(ctx context.Context, acct *Account, login, password string) (bool, error) {
	err := s.cfg.Directory.Bind(ctx, login, password)
	switch directory.KindOf(err) {
	case 0:
		if err != nil {
			return false, err
		}
		return acct != nil && acct.Status == StatusActive && acct.LocalPart == login, nil
	case directory.InvalidCredentials, directory.AccountLocked, directory.NotInDirectory:
		return false, nil
	}
	return false, fmt.Errorf("%w (%v)", ErrDirectoryUnavailable, err)
}

// writeDirectoryPassword writes password for a in the directory before
// anything is changed here; on a refusal it records why in the audit log
// (event, the person's account) and returns the error screens say.
func (s *Store) writeDirectoryPassword(ctx context.Context, a *Account, password string, event Event, o Origin) error {
	err := s.cfg.Directory.SetPassword(ctx, a.LocalPart, password, s.cfg.Clock.Now().In(s.cfg.Location))
	if err == nil {
		return nil
	}
	said, outcome := directoryError(err)
	if aerr := s.tx(ctx, func(tx *sql.Tx) error {
		return s.audit(ctx, tx, AuditEntry{Event: event, PersonID: a.Person.ID, Identifiant: a.Identifiant,
			Client: o.Client, Outcome: outcome})
	}); aerr != nil {
		return aerr
	}
	return fmt.Errorf("%w: %v", said, err)
}

// DirectoryCheck is what `entkiosk import --check-directory` reports: the
// accounts the directory does not know.
type DirectoryCheck struct {
	Checked int
	Missing []string // identifiants
}

// CheckDirectory looks every account up in the directory. It stops at the
// first error that is not "not in the directory" (the directory down).
func (s *Store) CheckDirectory(ctx context.Context) (DirectoryCheck, error) {
	var r DirectoryCheck
	if s.cfg.Directory == nil {
		return r, errors.New("no directory configured")
	}
	rows, err := s.db.QueryContext(ctx, `SELECT local_part, identifiant FROM accounts ORDER BY identifiant`)
	if err != nil {
		return r, err
	}
	type acct struct{ local, ident string }
	var all []acct
	for rows.Next() {
		var a acct
		if err := rows.Scan(&a.local, &a.ident); err != nil {
			rows.Close()
			return r, err
		}
		all = append(all, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return r, err
	}
	for _, a := range all {
		_, err := s.cfg.Directory.Lookup(ctx, a.local)
		switch {
		case directory.KindOf(err) == directory.NotInDirectory:
			r.Missing = append(r.Missing, a.ident)
		case err != nil:
			return r, err
		}
		r.Checked++
	}
	return r, nil
}

// InDirectory says whether the directory knows the account (the helpdesk
// card). ok is false when there is no directory or it did not answer.
func (s *Store) InDirectory(ctx context.Context, a *Account) (known, ok bool) {
	if s.cfg.Directory == nil {
		return false, false
	}
	_, err := s.cfg.Directory.Lookup(ctx, a.LocalPart)
	switch {
	case err == nil:
		return true, true
	case directory.KindOf(err) == directory.NotInDirectory:
		return false, true
	}
	return false, false
}

// HasDirectory says whether the store writes to a campus directory.
func (s *Store) HasDirectory() bool { return s.cfg.Directory != nil }

// checkTicket says whether t's code is still good (not used, replaced,
// revoked nor expired), without using it: what consumeCode will check.
func (s *Store) checkTicket(ctx context.Context, t *Ticket) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if t == nil || t.codeID == 0 {
		return ErrCodeUsed
	}
	c, err := scanCode(tx.QueryRowContext(ctx, `SELECT `+codeColumns+` FROM codes WHERE id = ?`, t.codeID))
	if err != nil {
		return err
	}
	switch {
	case c.used || c.revoked || c.purpose != t.Purpose || c.personID != t.PersonID:
		return ErrCodeUsed
	case !s.cfg.Clock.Now().Before(c.expires):
		return ErrCodeExpired
	}
	return nil
}

// queueActivationSettings queues, with an activation, what the directory
// keeps of the account: the mail de secours, the redirection chosen (or
// none), and the account active until the end of its rights.
func (s *Store) queueActivationSettings(ctx context.Context, tx *sql.Tx, a *Account, c ActivationChoice) error {
	redirect := directory.Change{Kind: directory.ChangeRedirection}
	if c.Redirect {
		redirect.Address, redirect.KeepCopy = a.RecoveryEmail, c.KeepCopy
	}
	changes := []directory.Change{{Kind: directory.ChangeMailPerso, Address: a.RecoveryEmail}, redirect}
	if end, ok := accountEndChange(a); ok {
		changes = append(changes, end)
	}
	for _, ch := range changes {
		if err := s.enqueueDirectory(ctx, tx, a, ch); err != nil {
			return err
		}
	}
	return nil
}

// DirectoryState is the helpdesk card's line on the directory.
type DirectoryState struct {
	Answered bool // the directory answered the lookup (Known is meaningful)
	Known    bool // the person is in the directory
	Pending  int  // changes queued, not applied yet
	Failed   int  // changes given up (entkiosk directory --status failed)
}

// directoryState reads the card's directory line: a lookup (bounded: the
// card must show even with the directory down) and the queue's counts.
func (s *Store) directoryState(ctx context.Context, a *Account) (*DirectoryState, error) {
	if s.cfg.Directory == nil {
		return nil, nil
	}
	st := &DirectoryState{}
	lctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	st.Known, st.Answered = s.InDirectory(lctx, a)
	cancel()
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FILTER (WHERE status IN ('pending', 'applying')),
		COUNT(*) FILTER (WHERE status = 'failed') FROM directory_queue WHERE person_id = ?`, a.Person.ID).Scan(&st.Pending, &st.Failed)
	return st, err
}
