package data

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// RequestActivation is « 1ère connexion » by identifiant. Identifiants are
// guessable (prenom.nom), so the answer is the same for every one of them
// — unknown, not activated (even too early), active, rights ended: a code
// step for a mail "sent" to a masked address of the same shape, with the
// same waits, after the same store work — as « mot de passe oublié »
// answers. What applies is told to the owner, in the mail:
//   - not activated: the activation code (leaving when the activation
//     opens, if asked before); typing it says the rest (too early, …);
//   - active: « votre compte est déjà actif » (MailAlreadyActive);
//   - rights ended: since when (MailRightsEnded);
//   - unknown: nobody is told (a decoy, decoyChallenge).
//
// The owner's own earlier code typed at the step is then told what
// applies (VerifyCode). Every request counts against the client, as lost
// password's do (ResetRequestsPerHour, shared). The student number + birth
// date way in (StartActivation) proves who one is and keeps its answers.
func (s *Store) RequestActivation(ctx context.Context, identifiant string, o Origin) (*Challenge, error) {
	if err := s.countResetRequest(ctx, o); err != nil {
		return nil, err
	}
	acct, _, err := s.accountByLogin(ctx, s.db, identifiant)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return nil, err
	}
	now := s.cfg.Clock.Now()
	switch {
	case acct == nil:
		return s.decoyChallenge(ctx, s.decoyKey(identifiant), PurposeActivation, "", false, o)
	case !RightsActive(acct.RightsEnd, now):
		// Lost password answers this account with a decoy's waits
		// (scopeDecoyMail): the same waits here, with a mail.
		return s.rightsEndedChallenge(ctx, acct, s.decoyKey(identifiant), false, o)
	case acct.Status == StatusActive:
		return s.noticeChallenge(ctx, acct, MailAlreadyActive, false, o)
	}
	ch, err := s.sendCode(ctx, acct, PurposeActivation, acct.RecoveryEmail, true, o)
	var limit *RateLimitError
	if errors.As(err, &limit) && limit.What == "mail" {
		// A mail went out moments ago: answer as if it just did, as a
		// decoy does; only "Renvoyer" waits.
		return s.waitingChallenge(ctx, acct, PurposeActivation, limit.Until)
	}
	return ch, err
}

// noticeChallenge answers « 1ère connexion » for an active account: a
// notice mail (kind) within the account's mail allowance, and a code step
// that behaves as a decoy's (no code can match; the owner's earlier codes
// are told what applies, noticeVerify). resend: "Renvoyer", refused while
// the allowance says wait; otherwise a mail written moments ago is
// answered as just sent.
func (s *Store) noticeChallenge(ctx context.Context, a *Account, kind MailKind, resend bool, o Origin) (*Challenge, error) {
	var ch *Challenge
	err := s.tx(ctx, func(tx *sql.Tx) error {
		now := s.cfg.Clock.Now()
		next, hourly, err := s.mailRule(ctx, tx, a.Person.ID, PurposeActivation)
		if err != nil {
			return err
		}
		ch = s.noticeStep(a, now, next)
		if now.Before(next) {
			if resend {
				return &RateLimitError{What: "mail", Until: next, Cooldown: !hourly}
			}
			// As a code mailed moments ago: a day from that mail.
			var last sql.NullString
			if err := tx.QueryRowContext(ctx, `SELECT MAX(created_at) FROM outbox WHERE person_id = ? AND kind IN (?, ?, ?, ?)`,
				a.Person.ID, MailActivation, MailReset, MailAlreadyActive, MailRightsEnded).Scan(&last); err != nil {
				return err
			}
			if last.Valid {
				ch.ExpiresAt = parseTime(last.String).Add(CodeLifetime)
			}
			return nil
		}
		if err := s.writeNotice(ctx, tx, a, kind, o); err != nil {
			return err
		}
		ch.ResendAt, err = s.mailAllowance(ctx, tx, a.Person.ID, PurposeActivation)
		return err
	})
	return ch, err
}

// rightsEndedChallenge is noticeChallenge for an account whose rights
// ended, with the waits of the decoy of key (lost password answers it
// with that decoy): the notice mail is written when a decoy's would be.
func (s *Store) rightsEndedChallenge(ctx context.Context, a *Account, key string, resend bool, o Origin) (*Challenge, error) {
	var ch *Challenge
	err := s.tx(ctx, func(tx *sql.Tx) error {
		now := s.cfg.Clock.Now()
		recent, err := s.decoyMails(ctx, tx, key, now)
		if err != nil {
			return err
		}
		next, hourly := nextMailRule(recent)
		ch = s.noticeStep(a, now, next)
		ch.decoyKey = key
		// Lost password shows this account the decoy of key: so does this
		// step (the mail goes to the real address), or comparing the two
		// would tell the account exists.
		if ch.MaskedTarget, err = s.decoyMaskTx(ctx, tx, key); err != nil {
			return err
		}
		if now.Before(next) {
			if resend {
				return &RateLimitError{What: "mail", Until: next, Cooldown: !hourly}
			}
			ch.ExpiresAt = recent[0].Add(CodeLifetime) // as a decoy's
			return nil
		}
		if _, _, err := s.addFailure(ctx, tx, scopeDecoyMail, key, time.Hour); err != nil {
			return err
		}
		ch.ResendAt = nextMailAt(append([]time.Time{now}, recent...))
		return s.writeNotice(ctx, tx, a, MailRightsEnded, o)
	})
	return ch, err
}

// noticeStep is the code step shown for a notice: the account's real
// mask, a day to type a code, as for a code just sent.
func (s *Store) noticeStep(a *Account, now, resendAt time.Time) *Challenge {
	return &Challenge{Purpose: PurposeActivation, MaskedTarget: MaskEmail(a.RecoveryEmail), ExpiresAt: now.Add(CodeLifetime),
		ResendAt: resendAt, personID: a.Person.ID, identifiant: a.Identifiant, decoy: &decoyState{}}
}

// writeNotice queues the notice mail and its audit line.
func (s *Store) writeNotice(ctx context.Context, tx *sql.Tx, a *Account, kind MailKind, o Origin) error {
	if _, err := s.queueContent(ctx, tx, Mail{PersonID: a.Person.ID, Kind: kind, Lang: o.lang(), To: a.RecoveryEmail},
		mailContent{Kind: kind, Lang: o.lang(), Name: a.Person.DisplayName(), Identifiant: a.Identifiant,
			RightsEnd: a.RightsEnd}); err != nil {
		return err
	}
	outcome, detail := "already active", NoCodeDetail(PurposeActivation, time.Time{}, MaskEmail(a.RecoveryEmail))
	if kind == MailRightsEnded {
		outcome, detail = "rights ended", NoCodeDetail(PurposeActivation, a.RightsEnd, MaskEmail(a.RecoveryEmail))
	}
	return s.audit(ctx, tx, AuditEntry{Event: EventSendCode, PersonID: a.Person.ID, Identifiant: a.Identifiant,
		Client: o.Client, Outcome: outcome, Info: detail})
}

// decoyMails are the decoy's "mails" of the last hour, newest first.
func (s *Store) decoyMails(ctx context.Context, tx *sql.Tx, key string, now time.Time) ([]time.Time, error) {
	rows, err := tx.QueryContext(ctx, `SELECT at FROM throttle_failures WHERE scope = ? AND key = ? AND at > ?
		ORDER BY at DESC`, scopeDecoyMail, key, fmtTime(now.Add(-time.Hour)))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var recent []time.Time
	for rows.Next() {
		var at string
		if err := rows.Scan(&at); err != nil {
			return nil, err
		}
		recent = append(recent, parseTime(at))
	}
	return recent, rows.Err()
}
