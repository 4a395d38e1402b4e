package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The import and outbox commands, run as a user runs them: run() with
// arguments, output captured.

const exportHeader = "numero_etudiant;nom;prenom;date_naissance;email_personnel;categorie;annee;code_etape;" +
	"libelle_etape;diplome;composante;regime;statut_inscription;statut_paiement;date_validation;date_fin\n"

func exportLine(number, nom, prenom, email string, validated time.Time) string {
	return fmt.Sprintf("%s;%s;%s;14/07/2004;%s;etudiant;%d;SLINF1;Licence 1 Informatique;Licence Informatique;"+
		"Faculté des Sciences;Formation initiale;valide;paye;%s;\n", number, nom, prenom, email,
		academicYear(validated), validated.Format(time.RFC3339))
}

func academicYear(t time.Time) int {
	if t.Month() >= time.September {
		return t.Year()
	}
	return t.Year() - 1
}

func runCmd(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(args, &stdout, &stderr)
	return stdout.String(), stderr.String(), err
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "entkiosk.db")
	validated := time.Now().Add(-time.Hour).Truncate(time.Second)
	file := writeFile(t, "ia.csv", "\xef\xbb\xbf"+strings.TrimSuffix(exportHeader, "\n")+";commentaire\n"+
		strings.TrimSuffix(exportLine("21901234", "Martin", "Camille", "camille.martin@example.org", validated), "\n")+";\n"+
		strings.TrimSuffix(exportLine("2190123", "Dubois", "Léa", "lea.dubois@example.org", validated), "\n")+";\n"+
		strings.TrimSuffix(exportLine("22200001", "Petit", "Marie", "marie.petit@example.org", validated), "\n")+";\n"+
		strings.TrimSuffix(exportLine("22200002", "Petit", "Marie", "mpetit@example.org", validated), "\n")+";\n")
	out, _, err := runCmd(t, "import", "--db", db, file)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("entkiosk import:\n%s", out)
	want := "colonne ignorée : commentaire\n" +
		"compte créé : camille.martin@etu.umontpellier.fr\n" +
		"compte créé : marie.petit@etu.umontpellier.fr\n" +
		"compte créé : marie.petit2@etu.umontpellier.fr\n" +
		"refusée : ligne 3 : numero_etudiant \"2190123\" : 8 chiffres attendus\n" +
		"3 créée(s), 0 mise(s) à jour, 0 inchangée(s), 1 refusée(s)\n"
	if out != want {
		t.Fatalf("output:\n%s\nwant:\n%s", out, want)
	}
	// The same file again: nothing created, nothing changed. Flags after the file, database from the environment.
	t.Setenv("ENTKIOSK_DB", db)
	out, _, err = runCmd(t, "import", file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(out, "0 créée(s), 0 mise(s) à jour, 3 inchangée(s), 1 refusée(s)\n") || strings.Contains(out, "compte créé") {
		t.Fatalf("second import:\n%s", out)
	}
}

func TestImportCommandRefusesAFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "entkiosk.db")
	file := writeFile(t, "ia.csv", exportLine("21901234", "Martin", "Camille", "camille.martin@example.org", time.Now()))
	out, _, err := runCmd(t, "import", "--db", db, file)
	if err == nil || !strings.Contains(err.Error(), "fichier refusé : la ligne d'en-tête manque") {
		t.Fatalf("a file without header: %v\n%s", err, out)
	}
	if _, _, err := runCmd(t, "import", "--db", db); !errors.As(err, new(usageError)) {
		t.Fatalf("no file: %v", err)
	}
	if _, _, err := runCmd(t, "import", "--db", db, filepath.Join(t.TempDir(), "absent.csv")); err == nil {
		t.Fatal("a missing file was accepted")
	}
	notADB := writeFile(t, "notes.db", strings.Repeat("not a database\n", 100))
	good := writeFile(t, "ok.csv", exportHeader)
	if _, _, err := runCmd(t, "import", "--db", notADB, good); err == nil || !strings.Contains(err.Error(), "not an SQLite database") {
		t.Fatalf("a store that is not a database: %v", err)
	}
}

func TestOutboxCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "entkiosk.db")
	// Validated five minutes ago: the mail is dated validation + 15 min.
	validated := time.Now().Add(-5 * time.Minute).Truncate(time.Second)
	file := writeFile(t, "ia.csv", exportHeader+
		exportLine("21901234", "Martin", "Camille", "camille.martin@example.org", validated)+
		exportLine("22004567", "Dubois", "Léa", "lea.dubois@example.org", validated))
	if _, _, err := runCmd(t, "import", "--db", db, "--link-host", "ent.example.org", "--link-port", "2022", file); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCmd(t, "outbox", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(out, "To: ") != 2 || !strings.Contains(out, "To: camille.martin@example.org\n") ||
		!strings.Contains(out, "To: lea.dubois@example.org\n") {
		t.Fatalf("outbox:\n%s", out)
	}
	out, _, err = runCmd(t, "outbox", "--db", db, "--to", "Camille.Martin@example.org")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("entkiosk outbox --to:\n%s", out)
	due := validated.Add(15 * time.Minute).In(parisForTest(t)).Format("02/01/2006 15:04")
	for _, want := range []string{
		"To: camille.martin@example.org\n",
		"Subject: Activation de votre compte informatique — Université de Montpellier\n",
		"Date: " + due + "\n",
		"Bonjour Camille Martin,",
		"« 1ère connexion »",
		"ssh://",
		"@ent.example.org:2022",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("outbox --to lacks %q", want)
		}
	}
	if !regexp.MustCompile(`(?m)^Code : \d{8}$`).MatchString(out) || strings.Contains(out, "lea.dubois") {
		t.Errorf("outbox --to:\n%s", out)
	}
	out, _, err = runCmd(t, "outbox", "--db", db, "--to", "personne@example.org")
	if err != nil || out != "(aucun mail)\n" {
		t.Fatalf("no mail: %q %v", out, err)
	}
}

func parisForTest(t *testing.T) *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
