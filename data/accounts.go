package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Account status.
const (
	StatusPending = "pending"
	StatusActive  = "active"
)

// Account is a person's computer account, with what the dashboard shows.
type Account struct {
	Person        Person
	Identifiant   string
	LocalPart     string
	Status        string
	RecoveryEmail string
	RedirectEmail string
	KeepCopy      bool
	Helpdesk      bool
	ValidatedAt   time.Time
	ActivatedAt   time.Time
	PasswordAt    time.Time
	LastLoginAt   time.Time
	CreatedAt     time.Time
	Registrations []Registration
	RightsEnd     time.Time // last day of access, local date
	// Lang is the language the owner last used ("fr", "en"): mails the
	// owner did not cause are written in it.
	Lang string
	// CharterVersion is the version of the charter the owner accepted ("":
	// none recorded).
	CharterVersion string
	passwordHash   string
}

// PersonalData is what this account's password must not be built on.
func (a *Account) PersonalData() PersonalData {
	return PersonalData{Prenom: a.Person.Prenom, Nom: a.Person.Nom, Identifiant: a.Identifiant,
		StudentNumber: a.Person.StudentNumber, BirthDate: a.Person.BirthDate}
}

// ActivationAllowedFrom is validation + 15 minutes for a student (the
// time the directory takes after an IA); a member of staff's account is
// ready when the import brings it.
func (a *Account) ActivationAllowedFrom() time.Time {
	if a.Person.Category == Staff {
		return a.ValidatedAt
	}
	return a.ValidatedAt.Add(ActivationDelay)
}

const accountColumns = `a.person_id, a.identifiant, a.local_part, a.status, COALESCE(a.password_hash, ''),
	a.recovery_email, COALESCE(a.redirect_email, ''), a.redirect_keep_copy, a.helpdesk, a.validated_at,
	a.activated_at, a.password_at, a.last_login_at, a.created_at, a.lang, COALESCE(a.charter_version, '')`

// account reads an account by a WHERE clause on accounts a, with its person
// and registrations.
func (s *Store) account(ctx context.Context, q queryer, where string, args ...any) (*Account, error) {
	var a Account
	var personID int64
	var validated, created string
	var activated, pwAt, lastLogin sql.NullString
	err := q.QueryRowContext(ctx, `SELECT `+accountColumns+` FROM accounts a WHERE `+where, args...).Scan(
		&personID, &a.Identifiant, &a.LocalPart, &a.Status, &a.passwordHash, &a.RecoveryEmail, &a.RedirectEmail,
		&a.KeepCopy, &a.Helpdesk, &validated, &activated, &pwAt, &lastLogin, &created, &a.Lang, &a.CharterVersion)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	a.ValidatedAt, a.CreatedAt = parseTime(validated), parseTime(created)
	a.ActivatedAt, a.PasswordAt, a.LastLoginAt = nullTime(activated), nullTime(pwAt), nullTime(lastLogin)
	if a.Person, err = s.person(ctx, q, personID); err != nil {
		return nil, err
	}
	if a.Registrations, err = s.registrations(ctx, q, personID); err != nil {
		return nil, err
	}
	a.RightsEnd = RightsEnd(a.Person, a.Registrations, s.cfg.Location)
	return &a, nil
}

// Account reads the account of a person (the dashboard refreshes with it).
func (s *Store) Account(ctx context.Context, personID int64) (*Account, error) {
	return s.account(ctx, s.db, `a.person_id = ?`, personID)
}

// accountByLogin finds the account for what someone typed as identifiant:
// the local part, or the full identifiant with its own domain.
func (s *Store) accountByLogin(ctx context.Context, q queryer, input string) (*Account, string, error) {
	local, domain := NormalizeLogin(input)
	if local == "" || len(local) > MaxEmailLength {
		return nil, loginKey(input), ErrNotFound
	}
	a, err := s.account(ctx, q, `a.local_part = ?`, local)
	if err != nil {
		return nil, local, err
	}
	// Local parts are unique across both university domains: a student who
	// types the staff domain (or the reverse) still reaches their account.
	if domain != "" && !s.universityDomain(domain) {
		return nil, local, ErrNotFound
	}
	return a, local, nil
}

// PersonalAddress says input is an address whose domain is not the
// university's: the login reads it as nobody's identifiant (accountByLogin).
func (s *Store) PersonalAddress(input string) bool {
	_, domain := NormalizeLogin(input)
	return domain != "" && !s.universityDomain(domain)
}

func (s *Store) universityDomain(domain string) bool {
	return domain == s.cfg.StudentDomain || domain == s.cfg.StaffDomain
}

// decoyKey is what an unknown identifiant's decoy mask derives from: the
// local part, with the domain when it is not the university's. A real
// account answers "x@gmail.com" with a decoy too, so the mask must differ
// from the one for "x" whether x exists or not.
func (s *Store) decoyKey(input string) string {
	local, domain := NormalizeLogin(input)
	if len(local) > MaxEmailLength {
		local = ""
	}
	if domain == "" || s.universityDomain(domain) || len(domain) > MaxEmailLength {
		return local
	}
	return local + "@" + domain
}

// Login checks an identifiant and password. Every refusal caused by the
// identifiant or password — unknown, wrong, never activated, locked — is
// the same ErrInvalidCredentials and costs the same hash (a password longer
// than the policy allows is refused without one, whoever it is for). Only a
// right password on an account whose rights ended says so
// (RightsEndedError). A client that failed too often gets a RateLimitError.
// The gates are checked again under the write lock, after the hash, so that
// attempts racing each other are counted and refused exactly (throttle.go).
func (s *Store) Login(ctx context.Context, identifiant, password string, o Origin) (*Account, error) {
	if o.Client != "" {
		if err := s.blocked(ctx, s.db, scopeClient, o.Client, "client"); err != nil {
			return nil, err
		}
	}
	acct, local, err := s.accountByLogin(ctx, s.db, identifiant)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return nil, err
	}
	hash := ""
	if acct != nil && acct.Status == StatusActive {
		hash = acct.passwordHash
	}
	match := false
	if !passwordTooLong(password) {
		if match, err = s.verifyPassword(ctx, acct, local, hash, password); err != nil {
			return nil, err
		}
	}
	now := s.cfg.Clock.Now()
	var refusal error
	err = s.tx(ctx, func(tx *sql.Tx) error {
		refusal = nil
		if o.Client != "" {
			if refusal = s.blocked(ctx, tx, scopeClient, o.Client, "client"); refusal != nil {
				return nil
			}
		}
		closed, err := s.loginClosed(ctx, tx, local)
		if err != nil {
			return err
		}
		if closed {
			// Whatever the password: no guess is checked any more. An
			// unknown identifiant closes and answers exactly the same.
			refusal = ErrPasswordLoginClosed
			entry := AuditEntry{Event: EventLoginError, Identifiant: local, Client: o.Client, Outcome: "closed"}
			if acct != nil {
				entry.PersonID, entry.Identifiant = acct.Person.ID, acct.Identifiant
			}
			if err := s.audit(ctx, tx, entry); err != nil {
				return err
			}
			return s.recordClientFailure(ctx, tx, o)
		}
		lockErr := s.blocked(ctx, tx, scopeLogin, local, "login")
		var re *RateLimitError
		if lockErr != nil && !errors.As(lockErr, &re) {
			return lockErr
		}
		if match && lockErr == nil {
			if !RightsActive(acct.RightsEnd, now) {
				refusal = &RightsEndedError{End: acct.RightsEnd}
				return s.audit(ctx, tx, AuditEntry{Event: EventLoginError, PersonID: acct.Person.ID,
					Identifiant: acct.Identifiant, Client: o.Client, Outcome: "rights ended"})
			}
			if err := s.clearLoginLock(ctx, tx, local); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE accounts SET last_login_at = ? WHERE person_id = ?`,
				fmtTime(now), acct.Person.ID); err != nil {
				return err
			}
			if err := s.rememberLang(ctx, tx, acct, o); err != nil {
				return err
			}
			return s.audit(ctx, tx, AuditEntry{Event: EventLogin, PersonID: acct.Person.ID,
				Identifiant: acct.Identifiant, Client: o.Client, Outcome: "ok"})
		}
		refusal = ErrInvalidCredentials
		entry := AuditEntry{Event: EventLoginError, Identifiant: local, Client: o.Client, Outcome: "wrong"}
		if acct != nil {
			entry.PersonID, entry.Identifiant = acct.Person.ID, acct.Identifiant
		}
		if lockErr != nil {
			// Refused like a wrong password: not counted against the
			// identifiant, its lock not extended; the client still counts.
			entry.Outcome = "locked"
			if err := s.audit(ctx, tx, entry); err != nil {
				return err
			}
			return s.recordClientFailure(ctx, tx, o)
		}
		if acct != nil && acct.Status == StatusPending {
			entry.Outcome = "not activated"
		}
		if err := s.audit(ctx, tx, entry); err != nil {
			return err
		}
		if _, err := s.recordLoginFailure(ctx, tx, local, o); err != nil {
			return err
		}
		if closed, err := s.loginClosed(ctx, tx, local); err != nil || !closed {
			return err
		}
		refusal = ErrPasswordLoginClosed // this failure was the hundredth
		return nil
	})
	if err != nil {
		return nil, err
	}
	if refusal != nil {
		return nil, refusal
	}
	acct.LastLoginAt = now
	return acct, nil
}

// Logout records the end of a session.
func (s *Store) Logout(ctx context.Context, a *Account, o Origin, why string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		return s.audit(ctx, tx, AuditEntry{Event: EventLogout, PersonID: a.Person.ID, Identifiant: a.Identifiant,
			Client: o.Client, Outcome: why})
	})
}

// verifyPassword checks a password: by a bind as the person when the store
// has a directory (the directory is the truth), else against the local
// hash (an empty hash still costs one, see Hasher.Verify).
func (s *Store) verifyPassword(ctx context.Context, acct *Account, login, hash, password string) (bool, error) {
	if s.cfg.Directory != nil {
		var locked *RateLimitError
		switch err := s.blocked(ctx, s.db, scopeLogin, login, "login"); {
		case errors.As(err, &locked):
			// Locked here: the directory is not asked, so that guesses
			// never count against the person's directory account (its own
			// lockout would shut every campus service); it costs the same.
			s.cfg.Directory.Decoy(ctx, time.Now())
			return false, nil
		case err != nil:
			return false, err
		}
		return s.directoryLogin(ctx, acct, login, password)
	}
	return s.hasher.Verify(ctx, password, hash)
}

// newPassword runs entkiosk's policy on a new password, then gives what
// the store keeps of it: its hash; or, with a directory, nothing (NULL),
// once the directory took it (writeDirectoryPassword: a refusal is
// audited under event and nothing else is changed).
func (s *Store) newPassword(ctx context.Context, a *Account, password string, event Event, o Origin) (any, error) {
	if s.cfg.Directory == nil {
		return s.hashChecked(ctx, password, a.PersonalData())
	}
	if res := CheckPassword(password, a.PersonalData()); !res.OK() {
		return nil, &PolicyError{Result: res}
	}
	return nil, s.writeDirectoryPassword(ctx, a, password, event, o)
}

// hashChecked runs the policy, then hashes: a refused password is never hashed.
func (s *Store) hashChecked(ctx context.Context, password string, p PersonalData) (string, error) {
	if res := CheckPassword(password, p); !res.OK() {
		return "", &PolicyError{Result: res}
	}
	return s.hasher.Hash(ctx, password)
}

// ErrSamePassword: the new password is the current one. It comes wrapped
// with a PolicyError, so that screens keep the fields as for any refused
// new password.
var ErrSamePassword = codedError(CodeSamePassword, "the new password is the current one")

func samePasswordError(password string, pd PersonalData) error {
	return fmt.Errorf("%w: %w", ErrSamePassword, &PolicyError{Result: CheckPassword(password, pd)})
}

// checkCurrentPassword is what every change made from a logged-in session
// asks first (password, mail de secours, redirection): the current password,
// so that a session left open on a kiosk cannot be used to take the account.
// A wrong one is counted like a failed login; while the identifiant is
// locked even the right one is refused, and the lock is not extended. The
// refusal is ErrWrongPassword, audited under event. It returns the account
// as the store has it now.
func (s *Store) checkCurrentPassword(ctx context.Context, a *Account, current string, event Event, o Origin) (*Account, error) {
	fresh, err := s.Account(ctx, a.Person.ID)
	if err != nil {
		return nil, err
	}
	match := false
	if !passwordTooLong(current) {
		if match, err = s.verifyPassword(ctx, fresh, fresh.LocalPart, fresh.passwordHash, current); err != nil {
			return nil, err
		}
	}
	lockErr := s.blocked(ctx, s.db, scopeLogin, fresh.LocalPart, "login")
	closed, err := s.loginClosed(ctx, s.db, fresh.LocalPart)
	if err != nil {
		return nil, err
	}
	if match && lockErr == nil && !closed {
		return fresh, nil
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		outcome := "wrong current password"
		closed, err := s.loginClosed(ctx, tx, fresh.LocalPart)
		if err != nil {
			return err
		}
		if closed || s.blocked(ctx, tx, scopeLogin, fresh.LocalPart, "login") != nil {
			outcome = "locked"
			if err := s.recordClientFailure(ctx, tx, o); err != nil {
				return err
			}
		} else if _, err := s.recordLoginFailure(ctx, tx, fresh.LocalPart, o); err != nil {
			return err
		}
		return s.audit(ctx, tx, AuditEntry{Event: event, PersonID: a.Person.ID,
			Identifiant: a.Identifiant, Client: o.Client, Outcome: outcome})
	})
	if err != nil {
		return nil, err
	}
	return nil, ErrWrongPassword
}

// ChangePassword replaces the password of a logged-in account after
// checking the current one (checkCurrentPassword), and tells the mail de
// secours. The new password must differ from the current one.
func (s *Store) ChangePassword(ctx context.Context, a *Account, current, next string, o Origin) error {
	fresh, err := s.checkCurrentPassword(ctx, a, current, EventUpdatePassword, o)
	if err != nil {
		return err
	}
	if next == current {
		// current was just verified against the stored hash.
		return samePasswordError(next, fresh.PersonalData())
	}
	hash, err := s.newPassword(ctx, fresh, next, EventUpdatePassword, o)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.setPassword(ctx, tx, fresh, hash); err != nil {
			return err
		}
		if err := s.rememberLang(ctx, tx, fresh, o); err != nil {
			return err
		}
		if err := s.queueNotice(ctx, tx, fresh, MailPasswordChanged, fresh.RecoveryEmail, "", o); err != nil {
			return err
		}
		return s.audit(ctx, tx, AuditEntry{Event: EventUpdatePassword, PersonID: a.Person.ID,
			Identifiant: a.Identifiant, Client: o.Client, Outcome: "ok"})
	})
}

func (s *Store) setPassword(ctx context.Context, tx *sql.Tx, a *Account, hash any) error {
	_, err := tx.ExecContext(ctx, `UPDATE accounts SET password_hash = ?, password_at = ? WHERE person_id = ?`,
		hash, fmtTime(s.cfg.Clock.Now()), a.Person.ID)
	return err
}

// rememberLang keeps the language of the screen the owner just used (login,
// activation, reset, a change of their account): mails about the account
// that the owner did not cause are written in it. An origin without a
// language (a command, a test) changes nothing.
func (s *Store) rememberLang(ctx context.Context, tx *sql.Tx, a *Account, o Origin) error {
	if o.Lang != "fr" && o.Lang != "en" {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE accounts SET lang = ? WHERE person_id = ? AND lang <> ?`, o.Lang, a.Person.ID, o.Lang)
	if err == nil {
		a.Lang = o.Lang
	}
	return err
}

// WithLang is o writing its mails in lang: an agent's action on someone
// else's account writes them in the account's language (Account.MailLang).
func (o Origin) WithLang(lang string) Origin {
	o.Lang = lang
	return o
}

// queueNotice writes a notice mail (no code) about a change.
func (s *Store) queueNotice(ctx context.Context, tx *sql.Tx, a *Account, kind MailKind, to, newAddress string, o Origin) error {
	if to == "" {
		return nil
	}
	_, err := s.queueContent(ctx, tx, Mail{PersonID: a.Person.ID, Kind: kind, Lang: o.lang(), To: to},
		mailContent{Kind: kind, Lang: o.lang(), Name: a.Person.DisplayName(), Identifiant: a.Identifiant, Address: newAddress})
	return err
}
