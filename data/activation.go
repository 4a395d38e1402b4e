package data

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// ActivationDelay: activation is possible from IA validation + 15 minutes,
// which is also when the activation mail goes out.
const ActivationDelay = 15 * time.Minute

// ErrCharterNotAccepted: activation needs the charter accepted.
var ErrCharterNotAccepted = codedError(CodeCharterNotAccepted, "charter not accepted")

// ErrUnknownIdentifiant: "1ère connexion" was asked for an identifiant that
// names no account. Said plainly (a first-day student with a typo must not
// wait for a code that never comes): this page already tells an active
// account and a too-early one apart. Each one counts against the client
// like a failed student-number identification.
var ErrUnknownIdentifiant = codedError(CodeUnknownIdentifiant, "no account with this identifiant")

// ActivationIdentity is how someone says who they are on "1ère connexion":
// the identifiant, or the student number and birth date.
type ActivationIdentity struct {
	Identifiant   string
	StudentNumber string
	BirthDate     time.Time
}

// ActivationCase is an account about to be activated, as the screens may
// show it before any code was entered (no name: that comes with the code).
type ActivationCase struct {
	Identifiant string
	MaskedEmail string
	AllowedFrom time.Time
	personID    int64
}

// StartActivation finds the account to activate. An unknown identifiant
// gets ErrUnknownIdentifiant, a wrong student number + birth date pair
// ErrNoMatch; both count against the client (LookupClientFailures an hour),
// and a blocked client gets RateLimitError "client" for either way in.
// Then, in this order: rights ended gives RightsEndedError (an active
// account too: its way back is a réinscription, not a new password), an
// active account ErrAlreadyActive, too early TooEarlyError.
func (s *Store) StartActivation(ctx context.Context, id ActivationIdentity, o Origin) (*ActivationCase, error) {
	var acct *Account
	if id.StudentNumber != "" {
		p, err := s.identifyByNumber(ctx, id.StudentNumber, id.BirthDate, o, EventSendCode)
		if err != nil {
			return nil, err
		}
		acct, err = s.Account(ctx, p.ID)
		if errors.Is(err, ErrNotFound) {
			// Known person, no valid registration yet: nothing to activate.
			return nil, ErrNoMatch
		}
		if err != nil {
			return nil, err
		}
	} else {
		if err := s.lookupClientGate(ctx, s.db, o.Client); err != nil {
			return nil, err
		}
		var err error
		acct, _, err = s.accountByLogin(ctx, s.db, id.Identifiant)
		if errors.Is(err, ErrNotFound) {
			return nil, s.unknownIdentifiant(ctx, id.Identifiant, o)
		}
		if err != nil {
			return nil, err
		}
	}
	now := s.cfg.Clock.Now()
	allowed := acct.ActivationAllowedFrom().In(s.cfg.Location) // said as a local time
	switch {
	case !RightsActive(acct.RightsEnd, now):
		return nil, &RightsEndedError{End: acct.RightsEnd}
	case acct.Status == StatusActive:
		return nil, ErrAlreadyActive
	case now.Before(allowed):
		return nil, &TooEarlyError{AllowedFrom: allowed}
	}
	return &ActivationCase{Identifiant: acct.Identifiant, MaskedEmail: MaskEmail(acct.RecoveryEmail),
		AllowedFrom: allowed, personID: acct.Person.ID}, nil
}

// unknownIdentifiant audits an activation asked for an identifiant without
// an account and counts it against the client; the gate is read again under
// the write lock so that concurrent tries are counted and refused exactly.
func (s *Store) unknownIdentifiant(ctx context.Context, input string, o Origin) error {
	var refusal error
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if refusal = s.lookupClientGate(ctx, tx, o.Client); refusal != nil {
			var re *RateLimitError
			if errors.As(refusal, &re) {
				return nil
			}
			return refusal
		}
		refusal = ErrUnknownIdentifiant
		if err := s.audit(ctx, tx, AuditEntry{Event: EventSendCode, Identifiant: s.decoyKey(input), Client: o.Client,
			Outcome: "unknown identifiant", Info: PurposeDetail(PurposeActivation)}); err != nil {
			return err
		}
		return s.recordLookupClientFailure(ctx, tx, o)
	})
	if err != nil {
		return err
	}
	return refusal
}

// ActivationChallenge gives the code-entry step of an activation: the code
// already out (the mail sent after the IA validation) unless resend is
// asked or there is none, in which case a new code is sent and the old one
// stops working.
func (s *Store) ActivationChallenge(ctx context.Context, c *ActivationCase, resend bool, o Origin) (*Challenge, error) {
	if !resend {
		live, ok, err := s.liveCode(ctx, s.db, c.personID, PurposeActivation)
		if err != nil {
			return nil, err
		}
		if ok {
			next, err := s.mailAllowance(ctx, s.db, c.personID, PurposeActivation)
			if err != nil {
				return nil, err
			}
			return &Challenge{Purpose: PurposeActivation, MaskedTarget: MaskEmail(live.target), ExpiresAt: live.expires,
				ResendAt: next, personID: c.personID, identifiant: c.Identifiant}, nil
		}
	}
	acct, err := s.Account(ctx, c.personID)
	if err != nil {
		return nil, err
	}
	return s.sendCode(ctx, acct, PurposeActivation, acct.RecoveryEmail, true, o)
}

// sendCode issues a code for purpose and writes its mail, in one
// transaction, within the account's mail allowance (mailAllowance). The
// code it replaces stops working and its mail, if still waiting, is
// cancelled (the trigger codes_cancel_mail).
func (s *Store) sendCode(ctx context.Context, a *Account, purpose Purpose, target string, keepCopy bool, o Origin) (*Challenge, error) {
	var ch *Challenge
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		ch, err = s.sendCodeTx(ctx, tx, a, purpose, target, keepCopy, o)
		return err
	})
	return ch, err
}

// sendCodeTx is sendCode inside the caller's transaction (the helpdesk
// writes its own audit line with the code and its mail).
func (s *Store) sendCodeTx(ctx context.Context, tx *sql.Tx, a *Account, purpose Purpose, target string, keepCopy bool,
	o Origin) (*Challenge, error) {
	now := s.cfg.Clock.Now()
	next, hourly, err := s.mailRule(ctx, tx, a.Person.ID, purpose)
	if err != nil {
		return nil, err
	}
	if now.Before(next) {
		return nil, &RateLimitError{What: "mail", Until: next, Cooldown: !hourly}
	}
	notBefore, previousExpired := now, false
	if purpose == PurposeActivation {
		// Asked before the activation opens: the mail leaves when it does,
		// as the import's would have.
		if allowed := a.ActivationAllowedFrom(); allowed.After(now) {
			notBefore = allowed
		}
		if previousExpired, err = s.lastCodeExpired(ctx, tx, a.Person.ID, purpose); err != nil {
			return nil, err
		}
	}
	issued, err := s.issueCode(ctx, tx, a.Person.ID, purpose, target, keepCopy, now)
	if err != nil {
		return nil, err
	}
	if _, err := s.queueCodeMailNoting(ctx, tx, a, purpose, target, issued, notBefore, o.lang(), previousExpired, o.Helpdesk); err != nil {
		return nil, err
	}
	if err := s.audit(ctx, tx, AuditEntry{Event: EventSendCode, PersonID: a.Person.ID, Identifiant: a.Identifiant,
		Client: o.Client, Outcome: "sent", Info: CodeSentDetail(purpose, MaskEmail(target))}); err != nil {
		return nil, err
	}
	ch := &Challenge{Purpose: purpose, MaskedTarget: MaskEmail(target), ExpiresAt: issued.expires,
		ResendAt: now.Add(ResendCooldown), personID: a.Person.ID, identifiant: a.Identifiant}
	// The allowance after this mail (3 per hour) may be later than the cooldown.
	if later, err := s.mailAllowance(ctx, tx, a.Person.ID, purpose); err == nil && later.After(ch.ResendAt) {
		ch.ResendAt = later
	}
	return ch, nil
}

var purposeMail = map[Purpose]MailKind{
	PurposeActivation:   MailActivation,
	PurposeReset:        MailReset,
	PurposeRecoveryMail: MailConfirmRecovery,
	PurposeRedirection:  MailConfirmRedirection,
}

func (s *Store) queueCodeMail(ctx context.Context, tx execer, a *Account, purpose Purpose, target string,
	issued issuedCode, notBefore time.Time, lang string) (int64, error) {
	return s.queueCodeMailNoting(ctx, tx, a, purpose, target, issued, notBefore, lang, false, false)
}

// queueCodeMailNoting is queueCodeMail, saying when the code it replaces
// had expired unused, and when an agent asked for it.
func (s *Store) queueCodeMailNoting(ctx context.Context, tx execer, a *Account, purpose Purpose, target string,
	issued issuedCode, notBefore time.Time, lang string, previousExpired, byHelpdesk bool) (int64, error) {
	kind := purposeMail[purpose]
	return s.queueContent(ctx, tx, Mail{PersonID: a.Person.ID, Kind: kind, Lang: lang, To: target, NotBefore: notBefore},
		mailContent{Kind: kind, Lang: lang, Name: a.Person.DisplayName(), Staff: a.Person.Category == Staff,
			Identifiant: a.Identifiant, Code: issued.code,
			Token: issued.token, Expires: issued.expires, PreviousExpired: previousExpired, ByHelpdesk: byHelpdesk})
}

// decoyChallenge answers for an identifiant without an account exactly as
// for a real one: a mask drawn from the real ones (decoyMaskTx; "" draws
// it), the same cooldowns, the same store work; no mail is written.
func (s *Store) decoyChallenge(ctx context.Context, local string, purpose Purpose, mask string, resend bool, o Origin) (*Challenge, error) {
	return s.decoyChallengeFor(ctx, local, purpose, mask, resend, nil, o)
}

// decoyChallengeFor is decoyChallenge; ended, when not nil, is the account
// whose rights ended behind the identifiant: the screen cannot tell, the
// helpdesk must (its audit line names the person and the end of rights).
func (s *Store) decoyChallengeFor(ctx context.Context, local string, purpose Purpose, mask string, resend bool,
	ended *Account, o Origin) (*Challenge, error) {
	var ch *Challenge
	err := s.tx(ctx, func(tx *sql.Tx) error {
		now := s.cfg.Clock.Now()
		if mask == "" {
			var err error
			if mask, err = s.decoyMaskTx(ctx, tx, local); err != nil {
				return err
			}
		}
		rows, err := tx.QueryContext(ctx, `SELECT at FROM throttle_failures WHERE scope = ? AND key = ? AND at > ?
			ORDER BY at DESC`, scopeDecoyMail, local, fmtTime(now.Add(-time.Hour)))
		if err != nil {
			return err
		}
		var recent []time.Time
		for rows.Next() {
			var at string
			if err := rows.Scan(&at); err != nil {
				rows.Close()
				return err
			}
			recent = append(recent, parseTime(at))
		}
		rows.Close()
		if next, hourly := nextMailRule(recent); now.Before(next) {
			if resend {
				return &RateLimitError{What: "mail", Until: next, Cooldown: !hourly}
			}
			// As for a real account whose mail went out moments ago: its
			// code works a day from that mail.
			ch = &Challenge{Purpose: purpose, MaskedTarget: mask, ExpiresAt: recent[0].Add(CodeLifetime), ResendAt: next,
				identifiant: local, decoy: &decoyState{}, ended: ended}
			return nil
		}
		if _, _, err := s.addFailure(ctx, tx, scopeDecoyMail, local, time.Hour); err != nil {
			return err
		}
		entry := AuditEntry{Event: EventSendCode, Identifiant: local, Client: o.Client,
			Outcome: "unknown identifiant", Info: PurposeDetail(purpose)}
		if ended != nil {
			entry = AuditEntry{Event: EventSendCode, PersonID: ended.Person.ID, Identifiant: ended.Identifiant,
				Client: o.Client, Outcome: "rights ended", Info: NoCodeDetail(purpose, ended.RightsEnd, "")}
		}
		if err := s.audit(ctx, tx, entry); err != nil {
			return err
		}
		ch = &Challenge{Purpose: purpose, MaskedTarget: mask, ExpiresAt: now.Add(CodeLifetime),
			ResendAt: nextMailAt(append([]time.Time{now}, recent...)), identifiant: local, decoy: &decoyState{}, ended: ended}
		return nil
	})
	return ch, err
}

// ActivationChoice is what the person chose on the way.
type ActivationChoice struct {
	CharterAccepted bool
	Redirect        bool // forward the university mailbox to the mail de secours
	KeepCopy        bool
	Password        string
}

// CompleteActivation activates the account of an activation ticket: charter,
// redirection, password. The code is consumed here and only here.
func (s *Store) CompleteActivation(ctx context.Context, t *Ticket, c ActivationChoice, o Origin) (*Account, error) {
	if t == nil || t.Purpose != PurposeActivation {
		return nil, ErrCodeUsed
	}
	if !c.CharterAccepted {
		return nil, ErrCharterNotAccepted
	}
	acct, err := s.Account(ctx, t.PersonID)
	if err != nil {
		return nil, err
	}
	if acct.Status == StatusActive {
		return nil, ErrAlreadyActive
	}
	if s.cfg.Directory != nil {
		// The directory is written first: the code must still be good,
		// or the password would change there for an activation refused here.
		if err := s.checkTicket(ctx, t); err != nil {
			return nil, err
		}
	}
	hash, err := s.newPassword(ctx, acct, c.Password, EventActivate, o)
	if err != nil {
		return nil, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.consumeCode(ctx, tx, t); err != nil {
			return err
		}
		if err := s.queueActivationSettings(ctx, tx, acct, c); err != nil {
			return err
		}
		now := fmtTime(s.cfg.Clock.Now())
		var redirect any
		if c.Redirect {
			redirect = acct.RecoveryEmail
		}
		res, err := tx.ExecContext(ctx, `UPDATE accounts SET status = 'active', password_hash = ?, password_at = ?,
			charter_at = ?, charter_version = ?, activated_at = ?, redirect_email = ?, redirect_keep_copy = ?
			WHERE person_id = ? AND status = 'pending'`, hash, now, now, s.CharterVersion(), now, redirect,
			c.KeepCopy || !c.Redirect, t.PersonID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return ErrAlreadyActive
		}
		if err := s.clearLoginLock(ctx, tx, acct.LocalPart); err != nil {
			return err
		}
		if err := s.rememberLang(ctx, tx, acct, o); err != nil {
			return err
		}
		detail := ActivationDetail("")
		if c.Redirect {
			detail = ActivationDetail(MaskEmail(acct.RecoveryEmail))
		}
		if err := s.auditCharter(ctx, tx, acct, o); err != nil {
			return err
		}
		return s.audit(ctx, tx, AuditEntry{Event: EventActivate, PersonID: t.PersonID, Identifiant: acct.Identifiant,
			Client: o.Client, Outcome: "ok", Info: detail})
	})
	if err != nil {
		return nil, err
	}
	return s.Account(ctx, t.PersonID)
}
