package data

import (
	"context"
	"database/sql"
	"errors"
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
	passwordHash  string
}

// PersonalData is what this account's password must not be built on.
func (a *Account) PersonalData() PersonalData {
	return PersonalData{Prenom: a.Person.Prenom, Nom: a.Person.Nom, Identifiant: a.Identifiant,
		StudentNumber: a.Person.StudentNumber, BirthDate: a.Person.BirthDate}
}

// ActivationAllowedFrom is validation + 15 minutes.
func (a *Account) ActivationAllowedFrom() time.Time { return a.ValidatedAt.Add(ActivationDelay) }

const accountColumns = `a.person_id, a.identifiant, a.local_part, a.status, COALESCE(a.password_hash, ''),
	a.recovery_email, COALESCE(a.redirect_email, ''), a.redirect_keep_copy, a.helpdesk, a.validated_at,
	a.activated_at, a.password_at, a.last_login_at, a.created_at`

// account reads an account by a WHERE clause on accounts a, with its person
// and registrations.
func (s *Store) account(ctx context.Context, q queryer, where string, args ...any) (*Account, error) {
	var a Account
	var personID int64
	var validated, created string
	var activated, pwAt, lastLogin sql.NullString
	err := q.QueryRowContext(ctx, `SELECT `+accountColumns+` FROM accounts a WHERE `+where, args...).Scan(
		&personID, &a.Identifiant, &a.LocalPart, &a.Status, &a.passwordHash, &a.RecoveryEmail, &a.RedirectEmail,
		&a.KeepCopy, &a.Helpdesk, &validated, &activated, &pwAt, &lastLogin, &created)
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
		return nil, local, ErrNotFound
	}
	a, err := s.account(ctx, q, `a.local_part = ?`, local)
	if err != nil {
		return nil, local, err
	}
	if domain != "" && a.Identifiant != local+"@"+domain {
		return nil, local, ErrNotFound
	}
	return a, local, nil
}

// Login checks an identifiant and password. Every refusal caused by the
// identifiant or password — unknown, wrong, never activated, locked — is
// the same ErrInvalidCredentials and costs the same hash. Only a right
// password on an account whose rights ended says so (RightsEndedError). A
// client that failed too often gets a RateLimitError.
func (s *Store) Login(ctx context.Context, identifiant, password string, o Origin) (*Account, error) {
	if err := s.blocked(ctx, s.db, scopeClient, o.Client, "client"); o.Client != "" && err != nil {
		return nil, err
	}
	acct, local, err := s.accountByLogin(ctx, s.db, identifiant)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return nil, err
	}
	lockErr := s.blocked(ctx, s.db, scopeLogin, local, "login")
	hash := ""
	if acct != nil && acct.Status == StatusActive {
		hash = acct.passwordHash
	}
	if len(password) > 4*PasswordMaxLength {
		password = password[:4*PasswordMaxLength] // never longer than any valid password; bounded cost
	}
	match, err := s.hasher.Verify(ctx, password, hash)
	if err != nil {
		return nil, err
	}
	now := s.cfg.Clock.Now()
	ok := match && lockErr == nil
	if ok && !RightsActive(acct.RightsEnd, now) {
		err := s.tx(ctx, func(tx *sql.Tx) error {
			return s.audit(ctx, tx, AuditEntry{Event: EventLoginError, PersonID: acct.Person.ID,
				Identifiant: acct.Identifiant, Client: o.Client, Outcome: "rights ended"})
		})
		if err != nil {
			return nil, err
		}
		return nil, &RightsEndedError{End: acct.RightsEnd}
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if ok {
			if err := s.clearLoginLock(ctx, tx, local); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE accounts SET last_login_at = ? WHERE person_id = ?`,
				fmtTime(now), acct.Person.ID); err != nil {
				return err
			}
			return s.audit(ctx, tx, AuditEntry{Event: EventLogin, PersonID: acct.Person.ID,
				Identifiant: acct.Identifiant, Client: o.Client, Outcome: "ok"})
		}
		entry := AuditEntry{Event: EventLoginError, Identifiant: local, Client: o.Client, Outcome: "wrong"}
		if acct != nil {
			entry.PersonID, entry.Identifiant = acct.Person.ID, acct.Identifiant
		}
		if lockErr != nil {
			// Refused like a wrong password, neither counted nor extending the lock.
			entry.Outcome = "locked"
			return s.audit(ctx, tx, entry)
		}
		if acct != nil && acct.Status == StatusPending {
			entry.Outcome = "not activated"
		}
		if _, err := s.recordLoginFailure(ctx, tx, local, o.Client); err != nil {
			return err
		}
		return s.audit(ctx, tx, entry)
	})
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrInvalidCredentials
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

// hashChecked runs the policy, then hashes: a refused password is never hashed.
func (s *Store) hashChecked(ctx context.Context, password string, p PersonalData) (string, error) {
	if res := CheckPassword(password, p); !res.OK() {
		return "", &PolicyError{Result: res}
	}
	return s.hasher.Hash(ctx, password)
}

// ChangePassword replaces the password of a logged-in account after
// checking the current one, and tells the mail de secours.
func (s *Store) ChangePassword(ctx context.Context, a *Account, current, next string, o Origin) error {
	fresh, err := s.Account(ctx, a.Person.ID)
	if err != nil {
		return err
	}
	match, err := s.hasher.Verify(ctx, current, fresh.passwordHash)
	if err != nil {
		return err
	}
	if !match {
		// Counted like a failed login: an unattended session must not
		// become a way to guess the password.
		err := s.tx(ctx, func(tx *sql.Tx) error {
			if _, err := s.recordLoginFailure(ctx, tx, fresh.LocalPart, o.Client); err != nil {
				return err
			}
			return s.audit(ctx, tx, AuditEntry{Event: EventUpdatePassword, PersonID: a.Person.ID,
				Identifiant: a.Identifiant, Client: o.Client, Outcome: "wrong current password"})
		})
		if err != nil {
			return err
		}
		return ErrWrongPassword
	}
	hash, err := s.hashChecked(ctx, next, fresh.PersonalData())
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.setPassword(ctx, tx, fresh, hash); err != nil {
			return err
		}
		if err := s.queueNotice(ctx, tx, fresh, MailPasswordChanged, fresh.RecoveryEmail, "", o); err != nil {
			return err
		}
		return s.audit(ctx, tx, AuditEntry{Event: EventUpdatePassword, PersonID: a.Person.ID,
			Identifiant: a.Identifiant, Client: o.Client, Outcome: "ok"})
	})
}

func (s *Store) setPassword(ctx context.Context, tx *sql.Tx, a *Account, hash string) error {
	_, err := tx.ExecContext(ctx, `UPDATE accounts SET password_hash = ?, password_at = ? WHERE person_id = ?`,
		hash, fmtTime(s.cfg.Clock.Now()), a.Person.ID)
	return err
}

// queueNotice writes a notice mail (no code) about a change.
func (s *Store) queueNotice(ctx context.Context, tx *sql.Tx, a *Account, kind MailKind, to, newAddress string, o Origin) error {
	if to == "" {
		return nil
	}
	subject, body := s.composeMail(mailContent{Kind: kind, Lang: o.lang(), Name: a.Person.DisplayName(),
		Identifiant: a.Identifiant, Address: newAddress})
	_, err := s.queueMail(ctx, tx, Mail{PersonID: a.Person.ID, Kind: kind, Lang: o.lang(), To: to,
		Subject: subject, Body: body})
	return err
}
