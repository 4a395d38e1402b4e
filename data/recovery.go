package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// StartReset is "j'ai oublié mon mot de passe": a code goes to the mail de
// secours. The answer has the same shape whether the identifiant exists or
// not: an unknown (or expired) identifiant gets a decoy challenge with a
// stable decoy mask. An account never activated gets its activation code
// instead, and its ticket leads to the activation steps. A locked
// identifiant may still reset.
func (s *Store) StartReset(ctx context.Context, identifiant string, o Origin) (*Challenge, error) {
	if err := s.countResetRequest(ctx, o.Client); err != nil {
		return nil, err
	}
	acct, _, err := s.accountByLogin(ctx, s.db, identifiant)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return nil, err
	}
	now := s.cfg.Clock.Now()
	if acct == nil || !RightsActive(acct.RightsEnd, now) ||
		(acct.Status == StatusPending && now.Before(acct.ActivationAllowedFrom())) {
		key := s.decoyKey(identifiant)
		return s.decoyChallenge(ctx, key, PurposeReset, s.decoyMask(key), false, o)
	}
	purpose := PurposeReset
	if acct.Status == StatusPending {
		purpose = PurposeActivation
	}
	ch, err := s.sendCode(ctx, acct, purpose, acct.RecoveryEmail, true, o)
	var limit *RateLimitError
	if errors.As(err, &limit) && limit.What == "mail" {
		// A code mail went out moments ago (the import's activation mail,
		// an earlier request): answer as if it just did, as a decoy does;
		// only "Renvoyer" waits.
		return s.waitingChallenge(ctx, acct, purpose, limit.Until)
	}
	return ch, err
}

// waitingChallenge is the code step for the code already on its way.
func (s *Store) waitingChallenge(ctx context.Context, a *Account, purpose Purpose, resendAt time.Time) (*Challenge, error) {
	expires := s.cfg.Clock.Now().Add(CodeLifetime)
	live, ok, err := s.liveCode(ctx, s.db, a.Person.ID, purpose)
	if err != nil {
		return nil, err
	}
	if ok {
		expires = live.expires
	}
	return &Challenge{Purpose: purpose, MaskedTarget: MaskEmail(a.RecoveryEmail), ExpiresAt: expires,
		ResendAt: resendAt, personID: a.Person.ID, identifiant: a.Identifiant}, nil
}

// ResetRequestsPerHour from one client (kiosk terminal, SSH address): lost
// password answers alike for every identifiant, so a client asking about
// many is stopped before it fills the outbox and the audit log.
const ResetRequestsPerHour = 30

func (s *Store) countResetRequest(ctx context.Context, client string) error {
	if client == "" {
		return nil
	}
	if err := s.blocked(ctx, s.db, scopeResetClient, client, "client"); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		n, _, err := s.addFailure(ctx, tx, scopeResetClient, client, time.Hour)
		if err != nil || n < ResetRequestsPerHour {
			return err
		}
		return s.setLock(ctx, tx, scopeResetClient, client, s.cfg.Clock.Now().Add(time.Hour), 0, false)
	})
}

// ResendChallenge sends a new code for the same purpose and address as ch
// (the old one stops working).
func (s *Store) ResendChallenge(ctx context.Context, ch *Challenge, o Origin) (*Challenge, error) {
	if ch.decoy != nil {
		return s.decoyChallenge(ctx, ch.identifiant, ch.Purpose, ch.MaskedTarget, true, o)
	}
	acct, err := s.Account(ctx, ch.personID)
	if err != nil {
		return nil, err
	}
	target, keepCopy := acct.RecoveryEmail, true
	if ch.Purpose == PurposeRecoveryMail || ch.Purpose == PurposeRedirection {
		// Confirmations go to the address being confirmed.
		c, err := scanCode(s.db.QueryRowContext(ctx, `SELECT `+codeColumns+` FROM codes WHERE person_id = ? AND purpose = ?
			ORDER BY id DESC LIMIT 1`, ch.personID, string(ch.Purpose)))
		if err != nil {
			return nil, err
		}
		target, keepCopy = c.target, c.keepCopy
	}
	return s.sendCode(ctx, acct, ch.Purpose, target, keepCopy, o)
}

// CompleteReset sets the new password of a reset ticket, clears the
// identifiant's lock, and tells the mail de secours.
func (s *Store) CompleteReset(ctx context.Context, t *Ticket, password string, o Origin) (*Account, error) {
	if t == nil || t.Purpose != PurposeReset {
		return nil, ErrCodeUsed
	}
	acct, err := s.Account(ctx, t.PersonID)
	if err != nil {
		return nil, err
	}
	hash, err := s.hashChecked(ctx, password, acct.PersonalData())
	if err != nil {
		return nil, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.consumeCode(ctx, tx, t); err != nil {
			return err
		}
		if err := s.setPassword(ctx, tx, acct, hash); err != nil {
			return err
		}
		if err := s.clearLoginLock(ctx, tx, acct.LocalPart); err != nil {
			return err
		}
		if err := s.queueNotice(ctx, tx, acct, MailPasswordChanged, acct.RecoveryEmail, "", o); err != nil {
			return err
		}
		return s.audit(ctx, tx, AuditEntry{Event: EventResetPassword, PersonID: acct.Person.ID,
			Identifiant: acct.Identifiant, Client: o.Client, Outcome: "ok"})
	})
	if err != nil {
		return nil, err
	}
	return s.Account(ctx, t.PersonID)
}

// PersonalDataFor is what the password chosen with this ticket must not be
// built on (the live checklist needs it before submitting).
func (s *Store) PersonalDataFor(ctx context.Context, t *Ticket) (PersonalData, error) {
	acct, err := s.Account(ctx, t.PersonID)
	if err != nil {
		return PersonalData{}, err
	}
	return acct.PersonalData(), nil
}

// ErrSameAddress: the new address is the one already in place.
var ErrSameAddress = errors.New("same address")

// ErrOwnAddress: a redirection to the university mailbox itself would loop.
var ErrOwnAddress = errors.New("redirection to the account's own address")

// RequestRecoveryChange starts replacing the mail de secours: a code goes
// to the new address first, and nothing changes until it comes back.
func (s *Store) RequestRecoveryChange(ctx context.Context, a *Account, address string, o Origin) (*Challenge, error) {
	addr, err := ParseEmail(address)
	if err != nil {
		return nil, err
	}
	if strings.EqualFold(addr, a.RecoveryEmail) {
		return nil, ErrSameAddress
	}
	if strings.EqualFold(addr, a.Identifiant) {
		return nil, ErrOwnAddress
	}
	return s.sendCode(ctx, a, PurposeRecoveryMail, addr, true, o)
}

// ConfirmRecoveryChange applies a confirmed mail de secours and tells the
// old address.
func (s *Store) ConfirmRecoveryChange(ctx context.Context, t *Ticket, o Origin) (*Account, error) {
	if t == nil || t.Purpose != PurposeRecoveryMail {
		return nil, ErrCodeUsed
	}
	acct, err := s.Account(ctx, t.PersonID)
	if err != nil {
		return nil, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.consumeCode(ctx, tx, t); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET recovery_email = ? WHERE person_id = ?`, t.Target, t.PersonID); err != nil {
			return err
		}
		if err := s.queueNotice(ctx, tx, acct, MailRecoveryChanged, acct.RecoveryEmail, MaskEmail(t.Target), o); err != nil {
			return err
		}
		return s.audit(ctx, tx, AuditEntry{Event: EventUpdateRecoveryMail, PersonID: t.PersonID, Identifiant: acct.Identifiant,
			Client: o.Client, Outcome: "ok", Detail: MaskEmail(acct.RecoveryEmail) + " → " + MaskEmail(t.Target)})
	})
	if err != nil {
		return nil, err
	}
	return s.Account(ctx, t.PersonID)
}

// SetRedirection forwards the university mailbox to address. The mail de
// secours (already proven) and the current redirection apply at once and
// return a nil challenge; any other address is confirmed by a code sent to it.
func (s *Store) SetRedirection(ctx context.Context, a *Account, address string, keepCopy bool, o Origin) (*Challenge, error) {
	addr, err := ParseEmail(address)
	if err != nil {
		return nil, err
	}
	if strings.EqualFold(addr, a.Identifiant) {
		return nil, ErrOwnAddress
	}
	if strings.EqualFold(addr, a.RecoveryEmail) || strings.EqualFold(addr, a.RedirectEmail) {
		return nil, s.applyRedirection(ctx, a, addr, keepCopy, nil, o)
	}
	return s.sendCode(ctx, a, PurposeRedirection, addr, keepCopy, o)
}

// ConfirmRedirection applies a redirection confirmed by its code.
func (s *Store) ConfirmRedirection(ctx context.Context, t *Ticket, o Origin) (*Account, error) {
	if t == nil || t.Purpose != PurposeRedirection {
		return nil, ErrCodeUsed
	}
	acct, err := s.Account(ctx, t.PersonID)
	if err != nil {
		return nil, err
	}
	if err := s.applyRedirection(ctx, acct, t.Target, t.KeepCopy, t, o); err != nil {
		return nil, err
	}
	return s.Account(ctx, t.PersonID)
}

// RemoveRedirection stops forwarding: mail stays in the university mailbox.
func (s *Store) RemoveRedirection(ctx context.Context, a *Account, o Origin) error {
	return s.applyRedirection(ctx, a, "", true, nil, o)
}

func (s *Store) applyRedirection(ctx context.Context, a *Account, addr string, keepCopy bool, t *Ticket, o Origin) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if t != nil {
			if err := s.consumeCode(ctx, tx, t); err != nil {
				return err
			}
		}
		var redirect any
		if addr != "" {
			redirect = addr
		}
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET redirect_email = ?, redirect_keep_copy = ? WHERE person_id = ?`,
			redirect, keepCopy || addr == "", a.Person.ID); err != nil {
			return err
		}
		// The old destination hears of the change; with none, the mail de secours does.
		notify := a.RedirectEmail
		if notify == "" || strings.EqualFold(notify, addr) {
			notify = a.RecoveryEmail
		}
		newDest := a.Identifiant
		if addr != "" {
			newDest = MaskEmail(addr)
		}
		if err := s.queueNotice(ctx, tx, a, MailRedirectionChanged, notify, newDest, o); err != nil {
			return err
		}
		detail := "removed"
		if addr != "" {
			detail = "to " + MaskEmail(addr)
			if keepCopy {
				detail += ", copy kept"
			}
		}
		return s.audit(ctx, tx, AuditEntry{Event: EventUpdateRedirection, PersonID: a.Person.ID, Identifiant: a.Identifiant,
			Client: o.Client, Outcome: "ok", Detail: detail})
	})
}
