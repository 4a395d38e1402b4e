package data

import (
	"context"
	"database/sql"
	"errors"
)

// LinkStatus is what a mail's link was for, whatever became of its code:
// for a link that no longer opens its step, the screen can say something
// better than "already used" (an activation link of an account that is
// active now: log in).
type LinkStatus struct {
	Purpose     Purpose
	Identifiant string
	Active      bool // the account is active now
	Used        bool // its code did what it was for (not replaced, not left to expire)
}

// LookupLink finds the account of a link token, used, replaced or expired
// as it may be. ErrBadToken if no code ever had this token. The token is
// a secret of the mail it came in: whoever holds it received that mail,
// which names the identifiant already.
func (s *Store) LookupLink(ctx context.Context, token string) (LinkStatus, error) {
	if !IsToken(token) {
		return LinkStatus{}, ErrBadToken
	}
	var l LinkStatus
	var status string
	err := s.db.QueryRowContext(ctx, `SELECT c.purpose, a.identifiant, a.status, c.used_at IS NOT NULL FROM codes c
		JOIN accounts a ON a.person_id = c.person_id WHERE c.token_hash = ?`, tokenHash(token)).
		Scan(&l.Purpose, &l.Identifiant, &status, &l.Used)
	if errors.Is(err, sql.ErrNoRows) {
		return LinkStatus{}, ErrBadToken
	}
	if err != nil {
		return LinkStatus{}, err
	}
	l.Active = status == StatusActive
	return l, nil
}
