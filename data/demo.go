package data

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"
)

// DemoPerson is one of the demo people, with what they show (README).
type DemoPerson struct {
	Prenom, Nom   string
	StudentNumber string
	Birth         string // jj/mm/aaaa
	Email         string
	Staff         bool
	Password      string // set for people who are active in the demo
	Helpdesk      bool
	Shows         string
	registrations []demoRegistration
}

type demoRegistration struct {
	yearsAgo                                   int // 0: the current academic year
	code, libelle, diplome, composante, regime string
	paiement                                   string
	validatedAgo                               time.Duration // before now (current year) or before 2 Sept of that year
}

const (
	sciences = "Faculté des Sciences"
	droit    = "Faculté de Droit et de Science Politique"
	iut      = "IUT de Montpellier-Sète"
	fi       = "Formation initiale"
)

// DemoPeople are loaded by --demo; dates are relative to now.
var DemoPeople = []DemoPerson{
	{Prenom: "Camille", Nom: "Martin", StudentNumber: "21901234", Birth: "14/07/2004", Email: "camille.martin@example.org",
		Shows:         "IA validée il y a 2 jours, compte non activé : peut l'activer maintenant",
		registrations: []demoRegistration{{0, "SLINF3", "Licence 3 Informatique", "Licence Informatique", sciences, fi, "paye", 48 * time.Hour}}},
	{Prenom: "Léa", Nom: "Dubois", StudentNumber: "22004567", Birth: "03/02/2005", Email: "lea.dubois@example.org",
		Shows:         "IA validée il y a 5 minutes : activation possible dans 10 minutes",
		registrations: []demoRegistration{{0, "DLDRO1", "Licence 1 Droit", "Licence Droit", droit, fi, "en_attente", 5 * time.Minute}}},
	{Prenom: "Hugo", Nom: "Lefèvre", StudentNumber: "21805555", Birth: "21/11/2002", Email: "hugo.lefevre@example.org",
		Password: "Kiosque-Demo-2026", Shows: "compte actif",
		registrations: []demoRegistration{{0, "SMBIO1", "Master 1 Biologie-Santé", "Master Biologie-Santé", sciences, fi, "paye", 60 * 24 * time.Hour}}},
	{Prenom: "Jean-Luc", Nom: "D'Alembert", StudentNumber: "22107777", Birth: "16/11/2003", Email: "jl.dalembert@example.org",
		Shows: "deux inscriptions cette année (un master et un DU), compte non activé",
		registrations: []demoRegistration{
			{0, "SMPHY1", "Master 1 Physique fondamentale", "Master Physique", sciences, fi, "paye", 3 * 24 * time.Hour},
			{0, "SDUAST", "DU Astronomie et astrophysique", "Diplôme d'université Astronomie", sciences, "Formation continue", "en_attente", 3 * 24 * time.Hour},
		}},
	{Prenom: "Marie", Nom: "Petit", StudentNumber: "22200001", Birth: "01/03/2004", Email: "marie.petit@example.org",
		Shows:         "homonyme : marie.petit",
		registrations: []demoRegistration{{0, "IBGEA2", "BUT 2 Gestion des entreprises et des administrations", "BUT GEA", iut, fi, "paye", 24 * time.Hour}}},
	{Prenom: "Marie", Nom: "Petit", StudentNumber: "22200002", Birth: "12/10/2003", Email: "mpetit.2003@example.org",
		Shows:         "homonyme : marie.petit2",
		registrations: []demoRegistration{{0, "IBINF1", "BUT 1 Informatique", "BUT Informatique", iut, "Apprentissage", "paye", 24 * time.Hour}}},
	{Prenom: "Paul", Nom: "Bernard", StudentNumber: "21500042", Birth: "05/05/1999", Email: "paul.bernard@example.org",
		Password: "Archives-Demo-2025", Shows: "dernière inscription il y a deux années universitaires : droits terminés",
		registrations: []demoRegistration{{2, "DMDPR2", "Master 2 Droit privé", "Master Droit privé", droit, fi, "paye", 0}}},
	{Prenom: "Inès", Nom: "Moreau", Birth: "09/09/1985", Email: "ines.moreau@example.org", Staff: true,
		Password: "Helpdesk-Demo-2026", Helpdesk: true, Shows: "personnel, assistance (console helpdesk)"},
}

// LoadDemo adds the demo people who are not in the store yet, then brings
// the active ones to their state. Running it again changes nothing.
//
// Everyone's dates tell one story, in order: the IA validated, the
// activation mail due 15 minutes later, the account activated, the last
// login, now (demoStory). People still pending are imported now (their IA
// validated earlier, as an export read late: their code is valid from
// now). The active ones are imported at their validation, as they were
// then, and each step of their story is written in time order, so that the
// account, its code and the audit log (newest first by its order of
// writing) are dated from their own past.
func (s *Store) LoadDemo(ctx context.Context) (*ImportReport, error) {
	now := s.cfg.Clock.Now().In(s.cfg.Location)
	year := s.AcademicYear(now)
	pending := demoHeader()
	report := &ImportReport{}
	type step struct {
		at time.Time
		do func() error
	}
	var steps []step
	for _, p := range DemoPeople {
		known, err := s.demoKnown(ctx, p)
		if err != nil {
			return nil, err
		}
		validated, activated, lastLogin := s.demoStory(p, now, year)
		switch {
		case p.Password == "" && !known:
			pending.WriteString(s.demoLines(p, now, year))
		case p.Password == "":
		case known: // active already, unless an earlier load stopped half way
			steps = append(steps, step{activated, func() error {
				done, err := s.activateDemo(ctx, p, activated)
				if done && err == nil {
					err = s.demoLogin(ctx, p, lastLogin)
				}
				return err
			}})
		default:
			steps = append(steps, step{validated, func() error {
				then := *s // the import as it ran then
				then.cfg.Clock = fixedClock{validated}
				csv := demoHeader()
				csv.WriteString(s.demoLines(p, now, year))
				part, err := then.importDemo(ctx, csv.String())
				if part != nil {
					report.add(*part)
				}
				return err
			}}, step{activated, func() error {
				_, err := s.activateDemo(ctx, p, activated)
				return err
			}}, step{lastLogin, func() error { return s.demoLogin(ctx, p, lastLogin) }})
		}
	}
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].at.Before(steps[j].at) })
	for _, st := range steps {
		if err := st.do(); err != nil {
			return report, err
		}
	}
	part, err := s.importDemo(ctx, pending.String())
	if part != nil {
		report.add(*part)
	}
	return report, err
}

// demoActivatedAfter is how long after their activation mail was due an
// active demo person activated; demoLastLogin how long before now they
// last logged in (before their rights ended, when they did).
const (
	demoActivatedAfter = 2 * time.Hour
	demoLastLogin      = 50 * time.Hour
)

// demoStory is when a demo person's account was validated (their first
// IA; staff: years ago), and for an active one when they activated (after
// their activation mail was due) and last logged in (before now, and
// before their rights ended when they did).
func (s *Store) demoStory(p DemoPerson, now time.Time, year int) (validated, activated, lastLogin time.Time) {
	loc := s.cfg.Location
	validated = s.demoValidated(p, now, year)
	activated = validated.Add(ActivationDelay + demoActivatedAfter)
	end := time.Date(year+3, time.August, 31, 0, 0, 0, 0, loc) // the staff end demoLines writes
	if !p.Staff {
		var regs []Registration
		for _, r := range p.registrations {
			regs = append(regs, Registration{Annee: year - r.yearsAgo, Statut: "valide"})
		}
		end = RightsEnd(Person{Category: Student}, regs, loc)
	}
	lastLogin = now.Add(-demoLastLogin)
	if !RightsActive(end, now) {
		lastLogin = end.AddDate(0, 0, -14).Add(9*time.Hour + 30*time.Minute)
	}
	if !lastLogin.After(activated) {
		lastLogin = activated.Add(time.Hour)
	}
	return validated, activated, lastLogin
}

// fixedClock is a moment of the demo's past.
type fixedClock struct{ t time.Time }

func (c fixedClock) Now() time.Time { return c.t }

func demoHeader() *strings.Builder {
	var csv strings.Builder
	csv.WriteString("numero_etudiant;nom;prenom;date_naissance;email_personnel;categorie;annee;code_etape;" +
		"libelle_etape;diplome;composante;regime;statut_inscription;statut_paiement;date_validation;date_fin\n")
	return &csv
}

func (s *Store) importDemo(ctx context.Context, csv string) (*ImportReport, error) {
	report, err := s.Import(ctx, strings.NewReader(csv), Origin{Client: "demo", Lang: "fr"})
	if err != nil {
		return report, err
	}
	if len(report.Refusals) > 0 {
		return report, fmt.Errorf("demo data refused: %v", report.Refusals[0])
	}
	return report, nil
}

// demoStaffYears is how long ago the demo staff member's account was made.
const demoStaffYears = 8

// demoRegValidated is when a demo registration was validated.
func (s *Store) demoRegValidated(r demoRegistration, now time.Time, year int) time.Time {
	if r.yearsAgo > 0 {
		return time.Date(year-r.yearsAgo, time.September, 2, 10, 15, 0, 0, s.cfg.Location)
	}
	if r.validatedAgo < 24*time.Hour {
		return now.Add(-r.validatedAgo) // Léa: minutes ago, whatever the hour
	}
	// Days ago, in office hours: a demo run at night should not show
	// registrations validated at 02:11.
	d := now.Add(-r.validatedAgo).In(s.cfg.Location)
	return time.Date(d.Year(), d.Month(), d.Day(), 10, 15, 0, 0, s.cfg.Location)
}

// demoValidated is when a demo person's first registration was validated
// (staff: when their account was made): their account's validation.
func (s *Store) demoValidated(p DemoPerson, now time.Time, year int) time.Time {
	if p.Staff {
		return now.AddDate(-demoStaffYears, 0, 0)
	}
	first := now
	for _, r := range p.registrations {
		if v := s.demoRegValidated(r, now, year); v.Before(first) {
			first = v
		}
	}
	return first
}

// demoLines are a demo person's lines of the export.
func (s *Store) demoLines(p DemoPerson, now time.Time, year int) string {
	var csv strings.Builder
	if p.Staff {
		fmt.Fprintf(&csv, ";%s;%s;%s;%s;personnel;;;;;;;;;%s;31/08/%d\n", p.Nom, p.Prenom, p.Birth, p.Email,
			s.demoValidated(p, now, year).Format(time.RFC3339), year+3)
		return csv.String()
	}
	for _, r := range p.registrations {
		fmt.Fprintf(&csv, "%s;%s;%s;%s;%s;etudiant;%d;%s;%s;%s;%s;%s;valide;%s;%s;\n", p.StudentNumber, p.Nom,
			p.Prenom, p.Birth, p.Email, year-r.yearsAgo, r.code, r.libelle, r.diplome, r.composante, r.regime,
			r.paiement, s.demoRegValidated(r, now, year).Format(time.RFC3339))
	}
	return csv.String()
}

func (s *Store) demoKnown(ctx context.Context, p DemoPerson) (bool, error) {
	var n int
	var err error
	if p.Staff {
		birth, _ := parseDMY(p.Birth, s.cfg.Location)
		err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM people WHERE staff_key = ?`,
			Fold(p.Nom)+"|"+Fold(p.Prenom)+"|"+birth.Format(dateLayout)).Scan(&n)
	} else {
		err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM people WHERE student_number = ?`, p.StudentNumber).Scan(&n)
	}
	return n > 0, err
}

// activateDemo makes a demo person active with their demo password, as if
// they had activated at the time given (their code used then, their
// activation mail withdrawn from the outbox). It says whether it did
// (false: the person was active already).
func (s *Store) activateDemo(ctx context.Context, p DemoPerson, at time.Time) (bool, error) {
	personID, ident, status, err := s.demoAccount(ctx, p)
	if err != nil || status == StatusActive {
		return false, err
	}
	hash, err := s.hasher.Hash(ctx, p.Password)
	if err != nil {
		return false, err
	}
	return true, s.tx(ctx, func(tx *sql.Tx) error {
		when := fmtTime(at)
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET status = 'active', password_hash = ?, password_at = ?,
			charter_at = ?, charter_version = ?, activated_at = ?, helpdesk = ? WHERE person_id = ?`, hash, when, when,
			s.CharterVersion(), when, p.Helpdesk, personID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE codes SET used_at = ? WHERE person_id = ? AND used_at IS NULL`,
			when, personID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM outbox WHERE person_id = ? AND kind = ? AND status IN ('pending', 'cancelled')`,
			personID, string(MailActivation)); err != nil {
			return err
		}
		return s.audit(ctx, tx, AuditEntry{At: at, Event: EventActivate, PersonID: personID,
			Identifiant: ident, Client: "demo", Outcome: "ok", Info: ActivationDetail("")})
	})
}

// demoLogin is an active demo person's last login.
func (s *Store) demoLogin(ctx context.Context, p DemoPerson, at time.Time) error {
	personID, ident, _, err := s.demoAccount(ctx, p)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET last_login_at = ? WHERE person_id = ?`, fmtTime(at),
			personID); err != nil {
			return err
		}
		return s.audit(ctx, tx, AuditEntry{At: at, Event: EventLogin, PersonID: personID,
			Identifiant: ident, Client: "demo", Outcome: "ok"})
	})
}

// demoAccount finds a demo person's account: its person, identifiant and status.
func (s *Store) demoAccount(ctx context.Context, p DemoPerson) (personID int64, ident, status string, err error) {
	q := `SELECT a.person_id, a.identifiant, a.status FROM accounts a JOIN people pe ON pe.id = a.person_id
		WHERE pe.personal_email = ?`
	if err := s.db.QueryRowContext(ctx, q, p.Email).Scan(&personID, &ident, &status); err != nil {
		return 0, "", "", fmt.Errorf("demo %s %s: %w", p.Prenom, p.Nom, err)
	}
	return personID, ident, status, nil
}
