package data

import (
	"context"
	"database/sql"
	"errors"
)

// earlierCode looks for typedHash among the person's earlier codes of the
// purpose (older than latest, the code in force) and says what it is
// (EarlierCodeError; for an activation code used since, the account is
// active: ErrAlreadyActive). It writes an audit line; nothing is counted.
// A nil verdict: no earlier code matches.
func (s *Store) earlierCode(ctx context.Context, tx *sql.Tx, latest codeRow, typedHash, ident string, o Origin) (error, error) {
	var id int64
	var expires string
	var used, revoked sql.NullString
	var why string
	err := tx.QueryRowContext(ctx, `SELECT id, expires_at, used_at, revoked_at, COALESCE(revoked_why, '') FROM codes
		WHERE person_id = ? AND purpose = ? AND id < ? AND code_hash = ? ORDER BY id DESC LIMIT 1`,
		latest.personID, string(latest.purpose), latest.id, typedHash).Scan(&id, &expires, &used, &revoked, &why)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	e := &EarlierCodeError{LatestTarget: MaskEmail(latest.target)}
	exp := parseTime(expires)
	switch {
	case used.Valid:
		e.Why, e.Ended = EarlierUsed, parseTime(used.String)
	case revoked.Valid && why == CancelSuperseded && exp.After(parseTime(revoked.String)):
		e.Why, e.Ended = EarlierReplaced, parseTime(revoked.String)
	case revoked.Valid && why != CancelSuperseded:
		e.Why, e.Ended = EarlierRevoked, parseTime(revoked.String)
	default: // expired before anything replaced it
		e.Why, e.Ended = EarlierExpired, exp
	}
	var sent sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT created_at FROM codes WHERE id = ?`, latest.id).Scan(&sent); err != nil {
		return nil, err
	}
	e.LatestSentAt = parseTime(sent.String)
	var verdict error = e
	if e.Why == EarlierUsed {
		if v, err := s.usedCodeVerdict(ctx, tx, latest); err != nil || errors.Is(v, ErrAlreadyActive) {
			return v, err
		}
	}
	outcome := "earlier " + e.Why // "replaced" as before: the console reads it
	if e.Why == EarlierReplaced {
		outcome = "replaced"
	}
	return verdict, s.audit(ctx, tx, AuditEntry{Event: EventCodeError, PersonID: latest.personID, Identifiant: ident,
		Client: o.Client, Outcome: outcome, Info: PurposeDetail(latest.purpose)})
}

// usedCodeVerdict is the answer to a used code typed again: for an
// activation whose account is active now (the mail's link used in another
// session), ErrAlreadyActive, which the screen turns into "log in";
// otherwise ErrCodeUsed.
func (s *Store) usedCodeVerdict(ctx context.Context, tx *sql.Tx, c codeRow) (error, error) {
	if c.purpose != PurposeActivation {
		return ErrCodeUsed, nil
	}
	var status string
	if err := tx.QueryRowContext(ctx, `SELECT status FROM accounts WHERE person_id = ?`, c.personID).Scan(&status); err != nil {
		return nil, err
	}
	if status == StatusActive {
		return ErrAlreadyActive, nil
	}
	return ErrCodeUsed, nil
}

// activationNotYet is a TooEarlyError while the person's activation is not
// open yet (IA validation + 15 minutes).
func (s *Store) activationNotYet(ctx context.Context, tx *sql.Tx, personID int64) (error, error) {
	var validated string
	if err := tx.QueryRowContext(ctx, `SELECT validated_at FROM accounts WHERE person_id = ?`, personID).Scan(&validated); err != nil {
		return nil, err
	}
	allowed := parseTime(validated).Add(ActivationDelay)
	if s.cfg.Clock.Now().Before(allowed) {
		return &TooEarlyError{AllowedFrom: allowed.In(s.cfg.Location)}, nil
	}
	return nil, nil
}

// noticeVerify answers a code typed for an account that cannot be
// activated (the « 1ère connexion » of an active account, or of one whose
// rights ended): one of the owner's own earlier activation codes is told
// what applies — the account is active, or the rights ended on a date.
// Any other code is answered as a decoy's (nil, nil).
func (s *Store) noticeVerify(ctx context.Context, ch *Challenge, typed string, o Origin) (error, error) {
	if len(typed) != CodeDigits {
		return nil, nil
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM codes WHERE person_id = ? AND purpose = ? AND code_hash = ?`,
		ch.personID, string(ch.Purpose), s.codeHash(ch.personID, ch.Purpose, typed)).Scan(&n); err != nil || n == 0 {
		return nil, err
	}
	acct, err := s.Account(ctx, ch.personID)
	if err != nil {
		return nil, err
	}
	var verdict error = ErrAlreadyActive
	outcome := "already active"
	if !RightsActive(acct.RightsEnd, s.cfg.Clock.Now()) {
		verdict, outcome = &RightsEndedError{End: acct.RightsEnd}, "rights ended"
	}
	return verdict, s.tx(ctx, func(tx *sql.Tx) error {
		return s.audit(ctx, tx, AuditEntry{Event: EventCodeError, PersonID: ch.personID, Identifiant: ch.identifiant,
			Client: o.Client, Outcome: outcome, Info: PurposeDetail(ch.Purpose)})
	})
}

// lastCodeExpired says whether the person's newest code of purpose ran
// out unused (the first activation mail, read too late).
func (s *Store) lastCodeExpired(ctx context.Context, tx *sql.Tx, personID int64, purpose Purpose) (bool, error) {
	var expired bool
	err := tx.QueryRowContext(ctx, `SELECT used_at IS NULL AND revoked_at IS NULL AND expires_at <= ? FROM codes
		WHERE person_id = ? AND purpose = ? ORDER BY id DESC LIMIT 1`, fmtTime(s.cfg.Clock.Now()), personID,
		string(purpose)).Scan(&expired)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return expired, err
}
