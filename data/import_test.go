package data

import (
	"strings"
	"testing"
	"time"
)

// importHeader is the export's header in the documented order (DESIGN §5).
const importHeader = "numero_etudiant;nom;prenom;date_naissance;email_personnel;categorie;annee;code_etape;" +
	"libelle_etape;diplome;composante;regime;statut_inscription;statut_paiement;date_validation;date_fin\n"

// importLines imports the header and lines, failing on a file refusal.
func importLines(t testing.TB, s *Store, lines ...string) *ImportReport {
	t.Helper()
	rep, err := s.Import(ctx, strings.NewReader(importHeader+strings.Join(lines, "\n")+"\n"), testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// student is one export line of a validated, paid registration.
func student(number, nom, prenom, birth, email, validated string) string {
	return number + ";" + nom + ";" + prenom + ";" + birth + ";" + email +
		";etudiant;2026;SLINF1;Licence 1 Informatique;Licence Informatique;Faculté des Sciences;Formation initiale;valide;paye;" +
		validated + ";"
}

// staff is one export line of a member of staff.
func staff(nom, prenom, birth, email, end string) string {
	return ";" + nom + ";" + prenom + ";" + birth + ";" + email + ";personnel;;;;;;;;;2026-09-01T09:00:00+02:00;" + end
}

// date is a local calendar date at midnight, Paris time.
func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, ParisLocation())
}
