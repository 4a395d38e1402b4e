package data

import (
	"context"
	"database/sql"
	"fmt"
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
func (s *Store) LoadDemo(ctx context.Context) (*ImportReport, error) {
	now := s.cfg.Clock.Now().In(s.cfg.Location)
	year := AcademicYear(now)
	var csv strings.Builder
	csv.WriteString("numero_etudiant;nom;prenom;date_naissance;email_personnel;categorie;annee;code_etape;" +
		"libelle_etape;diplome;composante;regime;statut_inscription;statut_paiement;date_validation;date_fin\n")
	for _, p := range DemoPeople {
		known, err := s.demoKnown(ctx, p)
		if err != nil {
			return nil, err
		}
		if known {
			continue
		}
		if p.Staff {
			fmt.Fprintf(&csv, ";%s;%s;%s;%s;personnel;;;;;;;;;%s;31/08/%d\n", p.Nom, p.Prenom, p.Birth, p.Email,
				now.AddDate(-8, 0, 0).Format(time.RFC3339), year+3)
			continue
		}
		for _, r := range p.registrations {
			validated := now.Add(-r.validatedAgo)
			if r.yearsAgo > 0 {
				validated = time.Date(year-r.yearsAgo, time.September, 2, 10, 15, 0, 0, s.cfg.Location)
			}
			fmt.Fprintf(&csv, "%s;%s;%s;%s;%s;etudiant;%d;%s;%s;%s;%s;%s;valide;%s;%s;\n", p.StudentNumber, p.Nom,
				p.Prenom, p.Birth, p.Email, year-r.yearsAgo, r.code, r.libelle, r.diplome, r.composante, r.regime,
				r.paiement, validated.Format(time.RFC3339))
		}
	}
	report, err := s.Import(ctx, strings.NewReader(csv.String()), Origin{Client: "demo", Lang: "fr"})
	if err != nil {
		return report, err
	}
	if len(report.Refusals) > 0 {
		return report, fmt.Errorf("demo data refused: %v", report.Refusals[0])
	}
	for _, p := range DemoPeople {
		if p.Password != "" {
			if err := s.activateDemo(ctx, p); err != nil {
				return report, err
			}
		}
	}
	return report, nil
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
// they had activated long ago (their activation mail withdrawn).
func (s *Store) activateDemo(ctx context.Context, p DemoPerson) error {
	var personID int64
	var status string
	q := `SELECT a.person_id, a.status FROM accounts a JOIN people pe ON pe.id = a.person_id WHERE pe.personal_email = ?`
	if err := s.db.QueryRowContext(ctx, q, p.Email).Scan(&personID, &status); err != nil {
		return fmt.Errorf("demo %s %s: %w", p.Prenom, p.Nom, err)
	}
	if status == StatusActive {
		return nil
	}
	hash, err := s.hasher.Hash(ctx, p.Password)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		now := s.cfg.Clock.Now()
		since := fmtTime(now.AddDate(0, -2, 0))
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET status = 'active', password_hash = ?, password_at = ?,
			charter_at = ?, activated_at = ?, helpdesk = ? WHERE person_id = ?`, hash, since, since, since, p.Helpdesk, personID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE codes SET used_at = ? WHERE person_id = ? AND used_at IS NULL`,
			fmtTime(now), personID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM outbox WHERE person_id = ? AND kind = ? AND status IN ('pending', 'cancelled')`,
			personID, string(MailActivation))
		return err
	})
}
