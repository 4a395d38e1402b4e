package data

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Lookup is what "Consulter mon inscription (IA)" shows.
type Lookup struct {
	Person        Person
	Identifiant   string // empty when no account exists yet
	Status        string
	RightsEnd     time.Time
	CurrentYear   int            // the academic year now (2026 = 2026/2027)
	Registrations []Registration // all years, newest first
}

// Current is the registrations of the current academic year.
func (l *Lookup) Current() []Registration { return registrationsIn(l.Registrations, l.CurrentYear) }

// IsStudentNumber: exactly 8 digits.
func IsStudentNumber(s string) bool {
	if len(s) != 8 {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// LookupRegistrations shows a student's registrations and identifiant to
// whoever knows the student number and the birth date. Unknown number and
// wrong date give the same ErrNoMatch, and both count against the number
// and the client.
func (s *Store) LookupRegistrations(ctx context.Context, number string, birth time.Time, o Origin) (*Lookup, error) {
	p, err := s.identifyByNumber(ctx, number, birth, o, EventIALookup)
	if err != nil {
		return nil, err
	}
	l := &Lookup{Person: p, CurrentYear: s.AcademicYear(s.cfg.Clock.Now())}
	if l.Registrations, err = s.registrations(ctx, s.db, p.ID); err != nil {
		return nil, err
	}
	l.RightsEnd = RightsEnd(p, l.Registrations, s.cfg.Location)
	err = s.db.QueryRowContext(ctx, `SELECT identifiant, status FROM accounts WHERE person_id = ?`, p.ID).
		Scan(&l.Identifiant, &l.Status)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	return l, nil
}

// identifyByNumber finds the student with this number and birth date,
// counting failures (IA lookup and activation share the limits). An unknown
// number and a wrong date are one answer, ErrNoMatch, after the same store
// work. The gates are read again under the write lock so that concurrent
// tries are counted and refused exactly.
func (s *Store) identifyByNumber(ctx context.Context, number string, birth time.Time, o Origin, success Event) (Person, error) {
	if !IsStudentNumber(number) {
		return Person{}, ErrNoMatch
	}
	if err := s.lookupGate(ctx, s.db, number, o.Client); err != nil {
		return Person{}, err
	}
	var p Person
	var refusal error
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if refusal = s.lookupGate(ctx, tx, number, o.Client); refusal != nil {
			var re *RateLimitError
			if errors.As(refusal, &re) {
				return nil
			}
			return refusal
		}
		var err error
		p, err = s.scanPerson(tx.QueryRowContext(ctx, `SELECT `+personColumns+` FROM people p WHERE p.student_number = ?`, number))
		found := err == nil
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if !found || !sameDay(p.BirthDate, birth) {
			refusal = ErrNoMatch
			var personID int64
			if found {
				personID = p.ID
			}
			if err := s.audit(ctx, tx, AuditEntry{Event: EventIALookupError, PersonID: personID,
				Client: o.Client, Outcome: "no match", Info: NumberDetail(number)}); err != nil {
				return err
			}
			return s.recordLookupFailure(ctx, tx, number, personID, o)
		}
		if err := s.recordLookupSuccess(ctx, tx, number); err != nil {
			return err
		}
		if success != EventIALookup {
			return nil // the caller audits what it does next
		}
		var ident string
		if err := tx.QueryRowContext(ctx, `SELECT identifiant FROM accounts WHERE person_id = ?`, p.ID).Scan(&ident); err != nil &&
			!errors.Is(err, sql.ErrNoRows) {
			return err
		}
		return s.audit(ctx, tx, AuditEntry{Event: EventIALookup, PersonID: p.ID, Identifiant: ident, Client: o.Client,
			Outcome: "ok", Info: NumberDetail(number)})
	})
	if err != nil {
		return Person{}, err
	}
	if refusal != nil {
		return Person{}, refusal
	}
	return p, nil
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return !a.IsZero() && ay == by && am == bm && ad == bd
}
