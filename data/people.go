package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Category of a person in the registration export.
type Category string

const (
	Student Category = "etudiant"
	Staff   Category = "personnel"
)

// Person is someone the registration export knows.
type Person struct {
	ID            int64
	StudentNumber string // empty for staff
	Nom, Prenom   string
	BirthDate     time.Time // a local date at midnight
	Category      Category
	PersonalEmail string
	StaffEnd      time.Time // staff only
}

// DisplayName is "Prénom Nom", cleaned for the terminal.
func (p Person) DisplayName() string { return Clean(p.Prenom + " " + p.Nom) }

// Registration is one administrative registration (IA).
type Registration struct {
	ID           int64
	PersonID     int64
	Annee        int // 2026 = academic year 2026/2027
	CodeEtape    string
	LibelleEtape string
	Diplome      string
	Composante   string
	Regime       string
	Statut       string // valide, annulee
	Paiement     string // paye, en_attente
	ValidatedAt  time.Time
}

// AcademicYearLabel is "2026/2027".
func (r Registration) AcademicYearLabel() string { return fmt.Sprintf("%d/%d", r.Annee, r.Annee+1) }

// Valid says whether the registration counts for rights.
func (r Registration) Valid() bool { return r.Statut == "valide" }

const dateLayout = "2006-01-02"

func (s *Store) parseDate(v sql.NullString) time.Time {
	if !v.Valid || v.String == "" {
		return time.Time{}
	}
	t, err := time.ParseInLocation(dateLayout, v.String, s.cfg.Location)
	if err != nil {
		return time.Time{}
	}
	return t
}

type rowScanner interface{ Scan(...any) error }

const personColumns = `p.id, p.student_number, p.nom, p.prenom, p.birth_date, p.category, p.personal_email, p.staff_end`

func (s *Store) scanPerson(row rowScanner) (Person, error) {
	var p Person
	var number, birth, end sql.NullString
	err := row.Scan(&p.ID, &number, &p.Nom, &p.Prenom, &birth, &p.Category, &p.PersonalEmail, &end)
	p.StudentNumber = number.String
	p.BirthDate = s.parseDate(birth)
	p.StaffEnd = s.parseDate(end)
	return p, err
}

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// person reads one person by id.
func (s *Store) person(ctx context.Context, q queryer, id int64) (Person, error) {
	p, err := s.scanPerson(q.QueryRowContext(ctx, `SELECT `+personColumns+` FROM people p WHERE p.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	return p, err
}

const registrationColumns = `id, person_id, annee, code_etape, libelle_etape, diplome, composante, regime, statut, paiement, validated_at`

// registrations lists a person's registrations, newest year first.
func (s *Store) registrations(ctx context.Context, q queryer, personID int64) ([]Registration, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+registrationColumns+` FROM registrations
		WHERE person_id = ? ORDER BY annee DESC, code_etape`, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Registration
	for rows.Next() {
		var r Registration
		var validated sql.NullString
		if err := rows.Scan(&r.ID, &r.PersonID, &r.Annee, &r.CodeEtape, &r.LibelleEtape, &r.Diplome,
			&r.Composante, &r.Regime, &r.Statut, &r.Paiement, &validated); err != nil {
			return nil, err
		}
		r.ValidatedAt = nullTime(validated)
		out = append(out, r)
	}
	return out, rows.Err()
}

// RightsEnd is the last day (a local date) on which a person's resources
// stay accessible: for a student, 31/12 of the calendar year in which the
// academic year of the last valid registration ends (2025/2026 → 31/12/2026);
// for staff, the end date of the export. Zero when there is no right at all.
func RightsEnd(p Person, regs []Registration, loc *time.Location) time.Time {
	if p.Category == Staff {
		return p.StaffEnd
	}
	last := 0
	for _, r := range regs {
		if r.Valid() && r.Annee > last {
			last = r.Annee
		}
	}
	if last == 0 {
		return time.Time{}
	}
	return time.Date(last+1, time.December, 31, 0, 0, 0, 0, loc)
}

// RightsActive says whether access is still open at now: through the whole
// of the last day, refused from the next midnight.
func RightsActive(end, now time.Time) bool {
	if end.IsZero() {
		return false
	}
	return now.Before(end.AddDate(0, 0, 1))
}
