package data

import (
	"context"
	"database/sql"
)

// The charter: accepted at activation, and again at the next login when the
// institution file brings a new version. Each acceptance is in the audit
// log with the version accepted.

// CharterVersion is the version of the charter in force.
func (s *Store) CharterVersion() string { return s.cfg.Institution.Charter.Version }

// CharterText is the charter in force, in lang ("fr" or "en").
func (s *Store) CharterText(lang string) string { return s.cfg.Institution.Charter.Text.In(lang) }

// NeedsCharter says an active account has not accepted the charter in force:
// it must accept it before anything else.
func (s *Store) NeedsCharter(a *Account) bool {
	return a != nil && a.Status == StatusActive && a.CharterVersion != s.CharterVersion()
}

// AcceptCharter records that the owner of a logged-in account accepted the
// charter in force, and returns the account as it is now.
func (s *Store) AcceptCharter(ctx context.Context, a *Account, o Origin) (*Account, error) {
	if a == nil {
		return nil, ErrNotFound
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE accounts SET charter_at = ?, charter_version = ?
			WHERE person_id = ? AND status = 'active'`, fmtTime(s.cfg.Clock.Now()), s.CharterVersion(), a.Person.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return ErrNotFound
		}
		return s.auditCharter(ctx, tx, a, o)
	})
	if err != nil {
		return nil, err
	}
	return s.Account(ctx, a.Person.ID)
}

// auditCharter writes the acceptance of the charter in force, in the
// transaction that records it.
func (s *Store) auditCharter(ctx context.Context, tx *sql.Tx, a *Account, o Origin) error {
	return s.audit(ctx, tx, AuditEntry{Event: EventAcceptCharter, PersonID: a.Person.ID, Identifiant: a.Identifiant,
		Client: o.Client, Outcome: "ok", Info: CharterDetail(s.CharterVersion())})
}
