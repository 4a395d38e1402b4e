package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"entkiosk/data/directory"
)

// The helpdesk console's store side: the role, the search, the actions.
// Every method takes the agent's account as the session knows it and
// re-reads it in the store, in the transaction of the action: a role
// revoked meanwhile stops the next action, whatever the screen shows.
// The agent never sees nor sets a password or a code.

var (
	// ErrNotActive: the action needs an activated account (a reset code).
	ErrNotActive = codedError(CodeNotActive, "account not activated")
	// ErrIdentityNotChecked: the mail de secours is corrected only after the
	// agent checked the student number and birth date.
	ErrIdentityNotChecked = codedError(CodeIdentityNotChecked, "identity not checked")
)

// agentRow re-reads the agent in q: an active account, with the role, whose
// rights still run.
func (s *Store) agentRow(ctx context.Context, q queryer, agent *Account) (*Account, error) {
	if agent == nil {
		return nil, ErrNotHelpdesk
	}
	a, err := s.account(ctx, q, `a.person_id = ?`, agent.Person.ID)
	if errors.Is(err, ErrNotFound) {
		return nil, ErrNotHelpdesk
	}
	if err != nil {
		return nil, err
	}
	if !a.Helpdesk || a.Status != StatusActive || !RightsActive(a.RightsEnd, s.cfg.Clock.Now()) {
		return nil, ErrNotHelpdesk
	}
	return a, nil
}

// HelpdeskAgent says whether agent may use the console now: nil, or
// ErrNotHelpdesk (recorded in the audit log) for anyone else.
func (s *Store) HelpdeskAgent(ctx context.Context, agent *Account, o Origin) error {
	_, err := s.agentRow(ctx, s.db, agent)
	if errors.Is(err, ErrNotHelpdesk) {
		s.auditRefusal(ctx, agent, 0, HelpdeskTryConsole, err, o)
	}
	return err
}

// auditRefusal records a refused helpdesk request. It is best effort: the
// refusal itself is what the caller returns.
func (s *Store) auditRefusal(ctx context.Context, agent *Account, personID int64, action string, why error, o Origin) {
	e := AuditEntry{Event: EventHelpdeskAction, PersonID: personID, Client: o.Client,
		Outcome: "refused: " + refusalReason(why), Info: HelpdeskTryDetail(action)}
	if agent != nil {
		e.Actor = agent.Identifiant
	}
	if personID != 0 {
		s.db.QueryRowContext(ctx, `SELECT identifiant FROM accounts WHERE person_id = ?`, personID).Scan(&e.Identifiant)
	}
	s.tx(ctx, func(tx *sql.Tx) error { return s.audit(ctx, tx, e) })
}

// EventHelpdeskView: an agent opened a person's card (birth date,
// registrations, addresses masked), so that the log says who looked at
// whom.
const EventHelpdeskView Event = "HELPDESK_VIEW"

// AuditEvents are the events of the audit log, for filters.
var AuditEvents = []Event{EventLogin, EventLoginError, EventLogout, EventLock, EventUnlock, EventSendCode, EventCodeError,
	EventActivate, EventResetPassword, EventUpdatePassword, EventUpdateRecoveryMail, EventUpdateRedirection,
	EventIALookup, EventIALookupError, EventHelpdeskAction, EventHelpdeskView, EventRoleChange, EventImport,
	EventAccountCreated, EventAcceptCharter}

// helpdeskAction runs one action of an agent on a person's account in one
// transaction with its HELPDESK_ACTION audit line (actor: the agent). A
// refusal (the role, or a rule of the account) is audited too.
func (s *Store) helpdeskAction(ctx context.Context, agent *Account, personID int64, action string, o Origin,
	fn func(tx *sql.Tx, acct *Account) (detail AuditDetail, err error)) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		a, err := s.agentRow(ctx, tx, agent)
		if err != nil {
			return err
		}
		acct, err := s.account(ctx, tx, `a.person_id = ?`, personID)
		if err != nil {
			return err
		}
		detail, err := fn(tx, acct)
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, AuditEntry{Event: EventHelpdeskAction, PersonID: personID, Identifiant: acct.Identifiant,
			Client: o.Client, Outcome: "ok", Actor: a.Identifiant, Info: detail})
	})
	if err != nil && !errors.Is(err, ErrNotFound) && (errors.Is(err, ErrNotHelpdesk) || isRuleError(err)) {
		s.auditRefusal(ctx, agent, personID, action, err, o)
	}
	return err
}

// refusalReason names a refusal in the audit log, in a word or two.
func refusalReason(err error) string {
	var (
		limit    *RateLimitError
		tooEarly *TooEarlyError
		ended    *RightsEndedError
		email    *InvalidEmailError
	)
	switch {
	case errors.Is(err, ErrNotHelpdesk):
		return "not helpdesk"
	case errors.As(err, &limit) && limit.Cooldown:
		return "resend cooldown" // the wait after a code mail, not the hourly limit
	case errors.As(err, &limit):
		return limit.What + " limit"
	case errors.As(err, &tooEarly):
		return "too early"
	case errors.As(err, &ended):
		return "rights ended"
	case errors.As(err, &email):
		return "invalid address"
	}
	return err.Error()
}

// isRuleError: a refusal by the account's rules, said to the agent as such.
func isRuleError(err error) bool {
	var (
		limit    *RateLimitError
		tooEarly *TooEarlyError
		ended    *RightsEndedError
		email    *InvalidEmailError
	)
	return errors.Is(err, ErrAlreadyActive) || errors.Is(err, ErrNotActive) || errors.Is(err, ErrSameAddress) ||
		errors.Is(err, ErrOwnAddress) || errors.Is(err, ErrIdentityNotChecked) || errors.As(err, &limit) ||
		errors.As(err, &tooEarly) || errors.As(err, &ended) || errors.As(err, &email)
}

// CodeSent is what the agent is told of a code sent on their request:
// where and until when, never the code.
type CodeSent struct {
	Purpose      Purpose
	MaskedTarget string
	ExpiresAt    time.Time
	ResendAt     time.Time // when another one may go
}

// HelpdeskResendActivation sends a new activation code to the mail de
// secours of a pending account; the previous code stops working.
func (s *Store) HelpdeskResendActivation(ctx context.Context, agent *Account, personID int64, o Origin) (*CodeSent, error) {
	return s.helpdeskSend(ctx, agent, personID, PurposeActivation, o)
}

// HelpdeskSendReset sends a password reset code to the mail de secours of
// an active account; the previous reset code stops working.
func (s *Store) HelpdeskSendReset(ctx context.Context, agent *Account, personID int64, o Origin) (*CodeSent, error) {
	return s.helpdeskSend(ctx, agent, personID, PurposeReset, o)
}

func (s *Store) helpdeskSend(ctx context.Context, agent *Account, personID int64, purpose Purpose, o Origin) (*CodeSent, error) {
	var sent *CodeSent
	err := s.helpdeskAction(ctx, agent, personID, "send "+string(purpose)+" code", o, func(tx *sql.Tx, acct *Account) (AuditDetail, error) {
		now := s.cfg.Clock.Now()
		switch {
		case !RightsActive(acct.RightsEnd, now):
			return AuditDetail{}, &RightsEndedError{End: acct.RightsEnd}
		case purpose == PurposeActivation && acct.Status == StatusActive:
			return AuditDetail{}, ErrAlreadyActive
		case purpose == PurposeActivation && now.Before(acct.ActivationAllowedFrom()):
			return AuditDetail{}, &TooEarlyError{AllowedFrom: acct.ActivationAllowedFrom()}
		case purpose == PurposeReset && acct.Status != StatusActive:
			return AuditDetail{}, ErrNotActive
		}
		byAgent := o.WithLang(acct.MailLang())
		byAgent.Helpdesk = true
		ch, err := s.sendCodeTx(ctx, tx, acct, purpose, acct.RecoveryEmail, true, byAgent)
		if err != nil {
			return AuditDetail{}, err
		}
		sent = &CodeSent{Purpose: purpose, MaskedTarget: ch.MaskedTarget, ExpiresAt: ch.ExpiresAt, ResendAt: ch.ResendAt}
		return HelpdeskCodeSentDetail(purpose, ch.MaskedTarget), nil
	})
	return sent, err
}

// Unlocked says what an unlock lifted.
type Unlocked struct {
	Login  bool // the identifiant's login lock (or its counted failures)
	Lookup bool // the student number's IA lookup limit
}

// HelpdeskUnlock lifts the login lock of the person's identifiant and the
// limit on their student number (IA lookup, activation by number), with
// the failures counted so far.
func (s *Store) HelpdeskUnlock(ctx context.Context, agent *Account, personID int64, o Origin) (Unlocked, error) {
	var u Unlocked
	err := s.helpdeskAction(ctx, agent, personID, "unlock", o, func(tx *sql.Tx, acct *Account) (AuditDetail, error) {
		var err error
		if u.Login, err = s.clearThrottle(ctx, tx, scopeLogin, acct.LocalPart); err != nil {
			return AuditDetail{}, err
		}
		// The run of failures in a row, and password login if it closed.
		if run, err := s.clearThrottle(ctx, tx, scopeLoginRun, acct.LocalPart); err != nil {
			return AuditDetail{}, err
		} else {
			u.Login = u.Login || run
		}
		if acct.Person.StudentNumber != "" {
			if u.Lookup, err = s.clearThrottle(ctx, tx, scopeLookup, acct.Person.StudentNumber); err != nil {
				return AuditDetail{}, err
			}
			// And the number from each client that was refused it.
			like := acct.Person.StudentNumber + "|%"
			var pairs int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM throttle_locks WHERE scope = ? AND key LIKE ?
				AND locked_until > ?`, scopeLookupPair, like, fmtTime(s.cfg.Clock.Now())).Scan(&pairs); err != nil {
				return AuditDetail{}, err
			}
			for _, q := range []string{`DELETE FROM throttle_locks WHERE scope = ? AND key LIKE ?`,
				`DELETE FROM throttle_failures WHERE scope = ? AND key LIKE ?`} {
				if _, err := tx.ExecContext(ctx, q, scopeLookupPair, like); err != nil {
					return AuditDetail{}, err
				}
			}
			u.Lookup = u.Lookup || pairs > 0
		}
		if !u.Login && !u.Lookup {
			return NothingLockedDetail(), nil
		}
		if err := s.audit(ctx, tx, AuditEntry{Event: EventUnlock, PersonID: acct.Person.ID, Identifiant: acct.Identifiant,
			Client: o.Client, Outcome: "ok", Actor: agent.Identifiant, Info: UnlockedDetail(u.Login, u.Lookup)}); err != nil {
			return AuditDetail{}, err
		}
		return HelpdeskUnlockDetail(u.Login, u.Lookup), nil
	})
	return u, err
}

// clearThrottle forgets the lock and failures of scope/key and says
// whether there was anything to forget.
func (s *Store) clearThrottle(ctx context.Context, tx *sql.Tx, scope, key string) (bool, error) {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM throttle_locks WHERE scope = ? AND key = ?
		AND (disabled = 1 OR locked_until > ? OR level > 0)) + (SELECT COUNT(*) FROM throttle_failures
		WHERE scope = ? AND key = ?)`, scope, key, fmtTime(s.cfg.Clock.Now()), scope, key).Scan(&n); err != nil {
		return false, err
	}
	if err := s.clearFailures(ctx, tx, scope, key); err != nil {
		return false, err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM throttle_locks WHERE scope = ? AND key = ?`, scope, key)
	return n > 0, err
}

// RecoveryCorrected is what a correction of the mail de secours did.
type RecoveryCorrected struct {
	Recovery         string // the new mail de secours, masked
	RedirectFollowed bool   // the redirection to the old one now goes to the new one
	KeepCopy         bool   // the redirection's choice, unchanged
}

// HelpdeskCorrectRecovery replaces the mail de secours once the agent has
// checked the person's identity (student number and birth date, asked of
// the person and compared with the card). The codes sent to the old
// address stop working, and the old address is told of the change. A
// redirection to the old mail de secours follows to the new one
// (followRecovery; the card says beforehand: PersonCard.RedirectToRecovery).
func (s *Store) HelpdeskCorrectRecovery(ctx context.Context, agent *Account, personID int64, address string,
	identityChecked bool, o Origin) (RecoveryCorrected, error) {
	var done RecoveryCorrected
	err := s.helpdeskAction(ctx, agent, personID, "correct recovery mail", o, func(tx *sql.Tx, acct *Account) (AuditDetail, error) {
		if !identityChecked {
			return AuditDetail{}, ErrIdentityNotChecked
		}
		// The same rule as the person's own change: a personal address,
		// reachable when the university account is not.
		addr, err := s.recoveryAddress(acct, address)
		if err != nil {
			return AuditDetail{}, err
		}
		followed, err := s.followRecovery(ctx, tx, personID, addr, agent.Identifiant, o.WithLang(acct.MailLang()))
		if err != nil {
			return AuditDetail{}, err
		}
		// The mails sent to the wrong address stop counting towards the
		// hourly limit (mailRule): a new code can go at once.
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET recovery_email = ?, recovery_corrected_at = ? WHERE person_id = ?`,
			addr, fmtTime(s.cfg.Clock.Now()), personID); err != nil {
			return AuditDetail{}, err
		}
		if err := s.enqueueDirectory(ctx, tx, acct, directory.Change{Kind: directory.ChangeMailPerso, Address: addr}); err != nil {
			return AuditDetail{}, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE codes SET revoked_at = ?, revoked_why = 'recovery mail corrected'
			WHERE person_id = ? AND target = ? AND used_at IS NULL AND revoked_at IS NULL`,
			fmtTime(s.cfg.Clock.Now()), personID, acct.RecoveryEmail); err != nil {
			return AuditDetail{}, err
		}
		if err := s.queueNotice(ctx, tx, acct, MailRecoveryChanged, acct.RecoveryEmail, MaskEmail(addr), o.WithLang(acct.MailLang())); err != nil {
			return AuditDetail{}, err
		}
		done = RecoveryCorrected{Recovery: MaskEmail(addr), RedirectFollowed: followed, KeepCopy: acct.KeepCopy}
		return RecoveryCorrectedDetail(acct.Person.StudentNumber != "", MaskEmail(acct.RecoveryEmail), MaskEmail(addr)), nil
	})
	if err != nil {
		return RecoveryCorrected{}, err
	}
	return done, nil
}

// HelpdeskAudit reads the audit log for an agent (see AuditLog).
func (s *Store) HelpdeskAudit(ctx context.Context, agent *Account, f AuditFilter) ([]AuditEntry, error) {
	if _, err := s.agentRow(ctx, s.db, agent); err != nil {
		return nil, err
	}
	return s.AuditLog(ctx, f)
}

// UnknownIdentifiantError: no account has this identifiant (an operator's
// command). It is an ErrNotFound.
type UnknownIdentifiantError struct{ Identifiant string }

func (e *UnknownIdentifiantError) Error() string {
	return fmt.Sprintf("no account has the identifiant %q", e.Identifiant)
}
func (e *UnknownIdentifiantError) Unwrap() error { return ErrNotFound }

// RoleChange is what SetHelpdesk did.
type RoleChange struct {
	Identifiant string // the full identifiant of the account
	Changed     bool   // false: the account already was as asked
}

// NotStaffError: the helpdesk role is for staff accounts only.
type NotStaffError struct{ Identifiant string }

func (e *NotStaffError) Error() string {
	return e.Identifiant + " is a student account: the helpdesk role is for staff accounts"
}

// SetHelpdesk grants (on) or revokes the helpdesk role of a staff account,
// for the operator's grant and revoke commands, and records it.
func (s *Store) SetHelpdesk(ctx context.Context, identifiant string, on bool, o Origin) (RoleChange, error) {
	var rc RoleChange
	err := s.tx(ctx, func(tx *sql.Tx) error {
		a, _, err := s.accountByLogin(ctx, tx, identifiant)
		if errors.Is(err, ErrNotFound) {
			return &UnknownIdentifiantError{Identifiant: strings.TrimSpace(identifiant)}
		}
		if err != nil {
			return err
		}
		if on && a.Person.Category != Staff {
			return &NotStaffError{Identifiant: a.Identifiant}
		}
		rc = RoleChange{Identifiant: a.Identifiant, Changed: a.Helpdesk != on}
		outcome := map[bool]string{true: "granted", false: "revoked"}[on]
		if !rc.Changed {
			outcome = "unchanged"
		} else if _, err := tx.ExecContext(ctx, `UPDATE accounts SET helpdesk = ? WHERE person_id = ?`, on, a.Person.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, AuditEntry{Event: EventRoleChange, PersonID: a.Person.ID, Identifiant: a.Identifiant,
			Client: o.Client, Outcome: outcome, Actor: o.Client, Detail: "helpdesk"})
	})
	return rc, err
}
