package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"entkiosk/data/directory"
)

// StartReset is "j'ai oublié mon mot de passe": a code goes to the mail de
// secours. The answer has the same shape whether the identifiant exists or
// not: an unknown (or expired) identifiant gets a decoy challenge with a
// stable decoy mask. An account never activated gets its activation code
// instead, and its ticket leads to the activation steps. A locked
// identifiant may still reset.
func (s *Store) StartReset(ctx context.Context, identifiant string, o Origin) (*Challenge, error) {
	if err := s.countResetRequest(ctx, o); err != nil {
		return nil, err
	}
	acct, _, err := s.accountByLogin(ctx, s.db, identifiant)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return nil, err
	}
	now := s.cfg.Clock.Now()
	// An account not activated yet, even too early, gets its activation
	// code (leaving when activation opens), as « 1ère connexion » sends it:
	// the two flows show it the same mask.
	if acct == nil || !RightsActive(acct.RightsEnd, now) {
		var ended *Account
		if acct != nil && !RightsActive(acct.RightsEnd, now) {
			ended = acct
		}
		return s.decoyChallengeFor(ctx, s.decoyKey(identifiant), PurposeReset, "", false, ended, o)
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

// ResetRequestsPerHour from one client (kiosk terminal, SSH address; a
// shared client: SharedClientFactor times more): lost password answers
// alike for every identifiant, so a client asking about many is stopped
// before it fills the outbox and the audit log.
const ResetRequestsPerHour = 30

func (s *Store) countResetRequest(ctx context.Context, o Origin) error {
	client := o.Client
	if client == "" {
		return nil
	}
	if err := s.blocked(ctx, s.db, scopeResetClient, client, "client"); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		n, _, err := s.addFailure(ctx, tx, scopeResetClient, client, time.Hour)
		if err != nil || n < o.clientLimit(ResetRequestsPerHour) {
			return err
		}
		return s.setLock(ctx, tx, scopeResetClient, client, s.cfg.Clock.Now().Add(time.Hour), 0, false)
	})
}

// ResendChallenge sends a new code for the same purpose and address as ch
// (the old one stops working).
func (s *Store) ResendChallenge(ctx context.Context, ch *Challenge, o Origin) (*Challenge, error) {
	if ch.decoy != nil && ch.personID == 0 {
		return s.decoyChallengeFor(ctx, ch.identifiant, ch.Purpose, ch.MaskedTarget, true, ch.ended, o)
	}
	acct, err := s.Account(ctx, ch.personID)
	if err != nil {
		return nil, err
	}
	if ch.Purpose == PurposeActivation {
		// « 1ère connexion » again: what applies now (the account may have
		// been activated meanwhile, with the mail's link).
		switch {
		case !RightsActive(acct.RightsEnd, s.cfg.Clock.Now()):
			key := ch.decoyKey
			if key == "" {
				key = acct.LocalPart
			}
			return s.rightsEndedChallenge(ctx, acct, key, true, o)
		case acct.Status == StatusActive:
			return s.noticeChallenge(ctx, acct, MailAlreadyActive, true, o)
		}
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
// identifiant's lock, and tells the mail de secours. The current password
// is refused as the new one (ErrSamePassword, with a PolicyError); the
// code is not used then.
func (s *Store) CompleteReset(ctx context.Context, t *Ticket, password string, o Origin) (*Account, error) {
	if t == nil || t.Purpose != PurposeReset {
		return nil, ErrCodeUsed
	}
	acct, err := s.Account(ctx, t.PersonID)
	if err != nil {
		return nil, err
	}
	if res := CheckPassword(password, acct.PersonalData()); !res.OK() {
		return nil, &PolicyError{Result: res} // refused before any hash
	}
	if acct.passwordHash != "" && s.cfg.Directory == nil {
		// A reset that keeps the password is no reset: whoever forgot it
		// learns it is still the same, and says so to nobody.
		same, err := s.hasher.Verify(ctx, password, acct.passwordHash)
		if err != nil {
			return nil, err
		}
		if same {
			return nil, samePasswordError(password, acct.PersonalData())
		}
	}
	var hash any
	if s.cfg.Directory != nil {
		// Written there first, only with a code still good; the directory's
		// own history refuses the current password.
		if err := s.checkTicket(ctx, t); err != nil {
			return nil, err
		}
		if err := s.writeDirectoryPassword(ctx, acct, password, EventResetPassword, o); err != nil {
			return nil, err
		}
	} else if hash, err = s.hasher.Hash(ctx, password); err != nil {
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
		if err := s.rememberLang(ctx, tx, acct, o); err != nil {
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
var ErrSameAddress = codedError(CodeSameAddress, "same address")

// ErrOwnAddress: a redirection to the university mailbox itself would loop.
var ErrOwnAddress = codedError(CodeOwnAddress, "redirection to the account's own address")

// ErrRecoveryUniversity: the mail de secours is where codes go when one
// cannot log in any more, so it must be a personal address, never one of
// the university's (locked out, one cannot read it).
var ErrRecoveryUniversity = codedError(CodeRecoveryUniversity, "the mail de secours must be a personal address, not the university's")

// ErrRedirectUniversity: a redirection to another mailbox of the university
// (another person's, or one that forwards back) is refused.
var ErrRedirectUniversity = codedError(CodeRedirectUniversity, "redirection to another university mailbox")

// onUniversityDomain says whether an address (as ParseEmail returns it) is
// on the student or staff domain or one of their subdomains.
func (s *Store) onUniversityDomain(addr string) bool {
	domain := strings.ToLower(addr[strings.LastIndexByte(addr, '@')+1:])
	for _, d := range []string{s.cfg.StudentDomain, s.cfg.StaffDomain} {
		d = strings.ToLower(strings.TrimSpace(d))
		if d != "" && (domain == d || strings.HasSuffix(domain, "."+d)) {
			return true
		}
	}
	return false
}

// OnUniversityDomain says whether addr (a parsed address) is the
// university's, which a mail de secours never is: the helpdesk's
// correction says so before the agent reads the address back.
func (s *Store) OnUniversityDomain(addr string) bool { return s.onUniversityDomain(addr) }

// recoveryAddress checks a new mail de secours for a: an address, not the
// current one, not the university's.
func (s *Store) recoveryAddress(a *Account, address string) (string, error) {
	addr, err := ParseEmail(address)
	if err != nil {
		return "", err
	}
	if strings.EqualFold(addr, a.RecoveryEmail) {
		return "", ErrSameAddress
	}
	if s.onUniversityDomain(addr) {
		return "", ErrRecoveryUniversity
	}
	return addr, nil
}

// redirectionAddress checks a redirection target for a: an address outside
// the university (its own mailbox would loop: ErrOwnAddress, under either
// university domain, since local parts are unique across both).
func (s *Store) redirectionAddress(a *Account, address string) (string, error) {
	addr, err := ParseEmail(address)
	if err != nil {
		return "", err
	}
	if s.onUniversityDomain(addr) {
		local := addr[:strings.LastIndexByte(addr, '@')]
		if strings.EqualFold(addr, a.Identifiant) || (strings.EqualFold(local, a.LocalPart) && s.universityDomain(addr[len(local)+1:])) {
			return "", ErrOwnAddress
		}
		return "", ErrRedirectUniversity
	}
	return addr, nil
}

// RequestRecoveryChange starts replacing the mail de secours: the current
// password first (checkCurrentPassword: a session left open must not hand
// the account over), then a code goes to the new address, and nothing
// changes until it comes back.
func (s *Store) RequestRecoveryChange(ctx context.Context, a *Account, currentPassword, address string, o Origin) (*Challenge, error) {
	addr, err := s.recoveryAddress(a, address)
	if err != nil {
		return nil, err
	}
	fresh, err := s.checkCurrentPassword(ctx, a, currentPassword, EventUpdateRecoveryMail, o)
	if err != nil {
		return nil, err
	}
	return s.sendCode(ctx, fresh, PurposeRecoveryMail, addr, true, o)
}

// ConfirmRecoveryChange applies a confirmed mail de secours and tells the
// old address; the codes sent to the old address stop working. A
// redirection to the old mail de secours follows to the new one
// (followRecovery): the account returned says so (RedirectsToRecovery).
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
		if _, err := s.followRecovery(ctx, tx, t.PersonID, t.Target, "", o); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET recovery_email = ? WHERE person_id = ?`, t.Target, t.PersonID); err != nil {
			return err
		}
		if err := s.enqueueDirectory(ctx, tx, acct, directory.Change{Kind: directory.ChangeMailPerso, Address: t.Target}); err != nil {
			return err
		}
		// A code still on its way to the old address (a reset asked by
		// anyone) would reset the password from there: it stops working,
		// and its mail, if still waiting, is cancelled (codes_cancel_mail).
		if _, err := tx.ExecContext(ctx, `UPDATE codes SET revoked_at = ?, revoked_why = ?
			WHERE person_id = ? AND target = ? AND used_at IS NULL AND revoked_at IS NULL`,
			fmtTime(s.cfg.Clock.Now()), CancelCorrected, t.PersonID, acct.RecoveryEmail); err != nil {
			return err
		}
		if err := s.rememberLang(ctx, tx, acct, o); err != nil {
			return err
		}
		if err := s.queueNotice(ctx, tx, acct, MailRecoveryChanged, acct.RecoveryEmail, MaskEmail(t.Target), o); err != nil {
			return err
		}
		return s.audit(ctx, tx, AuditEntry{Event: EventUpdateRecoveryMail, PersonID: t.PersonID, Identifiant: acct.Identifiant,
			Client: o.Client, Outcome: "ok", Info: RecoveryChangeDetail(MaskEmail(acct.RecoveryEmail), MaskEmail(t.Target))})
	})
	if err != nil {
		return nil, err
	}
	return s.Account(ctx, t.PersonID)
}

// SetRedirection forwards the university mailbox to address, once the
// current password is checked (checkCurrentPassword). The mail de secours
// (already proven) and the current redirection apply at once and return a
// nil challenge; any other address is confirmed by a code sent to it.
// Addresses of the university are refused (ErrOwnAddress, ErrRedirectUniversity).
func (s *Store) SetRedirection(ctx context.Context, a *Account, currentPassword, address string, keepCopy bool, o Origin) (*Challenge, error) {
	addr, err := s.redirectionAddress(a, address)
	if err != nil {
		return nil, err
	}
	fresh, err := s.checkCurrentPassword(ctx, a, currentPassword, EventUpdateRedirection, o)
	if err != nil {
		return nil, err
	}
	if strings.EqualFold(addr, fresh.RecoveryEmail) || strings.EqualFold(addr, fresh.RedirectEmail) {
		return nil, s.applyRedirection(ctx, fresh, addr, keepCopy, nil, o)
	}
	return s.sendCode(ctx, fresh, PurposeRedirection, addr, keepCopy, o)
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

// RemoveRedirection stops forwarding, once the current password is
// checked: mail stays in the university mailbox.
func (s *Store) RemoveRedirection(ctx context.Context, a *Account, currentPassword string, o Origin) error {
	fresh, err := s.checkCurrentPassword(ctx, a, currentPassword, EventUpdateRedirection, o)
	if err != nil {
		return err
	}
	return s.applyRedirection(ctx, fresh, "", true, nil, o)
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
		if err := s.enqueueDirectory(ctx, tx, a, directory.Change{Kind: directory.ChangeRedirection, Address: addr,
			KeepCopy: keepCopy || addr == ""}); err != nil {
			return err
		}
		if err := s.rememberLang(ctx, tx, a, o); err != nil {
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
		detail := RedirectionRemovedDetail()
		if addr != "" {
			detail = RedirectionDetail(MaskEmail(addr), keepCopy)
		}
		return s.audit(ctx, tx, AuditEntry{Event: EventUpdateRedirection, PersonID: a.Person.ID, Identifiant: a.Identifiant,
			Client: o.Client, Outcome: "ok", Info: detail})
	})
}
