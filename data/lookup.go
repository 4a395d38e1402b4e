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
	l := &Lookup{Person: p, CurrentYear: AcademicYear(s.cfg.Clock.Now().In(s.cfg.Location))}
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
// counting failures (IA lookup and activation share the limits).
func (s *Store) identifyByNumber(ctx context.Context, number string, birth time.Time, o Origin, success Event) (Person, error) {
	if !IsStudentNumber(number) {
		return Person{}, ErrNoMatch
	}
	if err := s.lookupGate(ctx, number, o.Client); err != nil {
		return Person{}, err
	}
	p, err := s.scanPerson(s.db.QueryRowContext(ctx, `SELECT `+personColumns+` FROM people p WHERE p.student_number = ?`, number))
	found := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return Person{}, err
	}
	match := found && sameDay(p.BirthDate, birth)
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if !match {
			if err := s.recordLookupFailure(ctx, tx, number, o.Client); err != nil {
				return err
			}
			return s.audit(ctx, tx, AuditEntry{Event: EventIALookupError, PersonID: map[bool]int64{true: p.ID}[found],
				Client: o.Client, Outcome: "no match"})
		}
		if err := s.recordLookupSuccess(ctx, tx, number); err != nil {
			return err
		}
		if success != EventIALookup {
			return nil // the caller audits what it does next
		}
		return s.audit(ctx, tx, AuditEntry{Event: EventIALookup, PersonID: p.ID, Client: o.Client, Outcome: "ok"})
	})
	if err != nil {
		return Person{}, err
	}
	if !match {
		return Person{}, ErrNoMatch
	}
	return p, nil
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return !a.IsZero() && ay == by && am == bm && ad == bd
}
