package data

import (
	"database/sql"
	"fmt"
	"testing"
)

// BenchmarkHelpdeskSearch60000 is the helpdesk's search over a university's
// 60,000 people with their accounts, on SQLite, and on PostgreSQL in its
// run (ENTKIOSK_TEST_DB, or TestPostgres with ENTKIOSK_TEST_PG_RUN):
//
//	go test ./data -run '^$' -bench HelpdeskSearch60000
func BenchmarkHelpdeskSearch60000(b *testing.B) {
	s, _ := openTest(b)
	if _, err := s.LoadDemo(ctx); err != nil {
		b.Fatal(err)
	}
	agent, err := s.Login(ctx, "ines.moreau", "Helpdesk-Demo-2026", testOrigin)
	if err != nil {
		b.Fatal(err)
	}
	noms := []string{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
		"Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier"}
	prenoms := []string{"Marie", "Jean", "Léa", "Hugo", "Camille", "Lucas", "Chloé", "Louis", "Emma", "Gabriel",
		"Inès", "Jules", "Manon", "Adam", "Sarah", "Nathan", "Zoé", "Tom", "Lina", "Arthur", "Jade", "Paul", "Anaïs"}
	now := fmtTime(s.Now())
	err = s.tx(ctx, func(tx *sql.Tx) error {
		for i := 0; i < 60000; i++ {
			nom, prenom := noms[i%len(noms)], prenoms[(i/len(noms))%len(prenoms)]
			number := fmt.Sprintf("23%06d", i)
			var id int64
			if err := tx.QueryRow(`INSERT INTO people(student_number, nom, prenom, search_name, birth_date, category,
				personal_email, created_at, updated_at) VALUES (?, ?, ?, ?, '2005-01-01', 'etudiant', ?, ?, ?) RETURNING id`,
				number, nom, prenom, Fold(prenom+" "+nom), "p"+number+"@example.org", now, now).Scan(&id); err != nil {
				return err
			}
			local := fmt.Sprintf("%s.%s%d", Fold(prenom), Fold(nom), i)
			if _, err := tx.Exec(`INSERT INTO accounts(person_id, local_part, identifiant, status, recovery_email,
				validated_at, created_at) VALUES (?, ?, ?, 'pending', ?, ?, ?)`,
				id, local, local+"@etu.umontpellier.fr", "p"+number+"@example.org", now, now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	queries := []string{"martin", "marie dub", "2300123", "lea.petit", "zzz"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := queries[i%len(queries)]
		res, err := s.HelpdeskSearch(ctx, agent, q)
		if err != nil {
			b.Fatal(err)
		}
		if q == "martin" && res.Total < 3000 {
			b.Fatalf("%q: %d found", q, res.Total)
		}
	}
}
