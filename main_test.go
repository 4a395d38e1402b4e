package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/user"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"entkiosk/data"
	"entkiosk/data/text"
)

// The command line, run as an operator runs it: run() with arguments, the
// output captured, and exitCode for the status and the line on stderr.

// cmdResult is what a command printed, and its exit status.
type cmdResult struct {
	out, errOut string // stdout; stderr, with the error line main prints
	err         error
	status      int
}

func runCmd(t *testing.T, args ...string) cmdResult {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(args, &stdout, &stderr)
	status := exitCode(err, &stderr)
	return cmdResult{out: stdout.String(), errOut: stderr.String(), err: err, status: status}
}

// cleanEnv unsets the ENTKIOSK_ variables the tests' commands read.
func cleanEnv(t *testing.T) {
	t.Helper()
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "ENTKIOSK_") {
			t.Setenv(name, "") // restored after the test
			os.Unsetenv(name)
		}
	}
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// ---- usage, help, unknown commands and options

var allCommands = [][]string{{"kiosk"}, {"serve"}, {"import"}, {"outbox"}, {"mail"}, {"export", "aliases"},
	{"grant"}, {"revoke"}, {"backup"}, {"audit"}, {"directory"}, {"institution"}, {"migrate-store"}}

func TestUsage(t *testing.T) {
	cleanEnv(t)
	// Bare entkiosk is the help, as the README shows it: exit status 0.
	r := runCmd(t)
	if r.status != 0 || !strings.Contains(r.out, "Usage :") || r.errOut != "" {
		t.Fatalf("no arguments: status %d\n%s%s", r.status, r.out, r.errOut)
	}
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		r := runCmd(t, args...)
		if r.status != 0 || !strings.HasPrefix(r.out, "entkiosk — ENT compte informatique") {
			t.Fatalf("%v: status %d\n%s%s", args, r.status, r.out, r.errOut)
		}
		for _, c := range allCommands {
			if !strings.Contains(r.out, "\n  entkiosk "+c[0]) && c[0] != "revoke" {
				t.Errorf("the usage does not show %s", c[0])
			}
		}
	}
	r = runCmd(t, "help", "import")
	if r.status != 0 || !strings.HasPrefix(r.out, "entkiosk import — ") || !strings.Contains(r.out, "--db CHEMIN") {
		t.Fatalf("help import: %d\n%s", r.status, r.out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, "entkiosk : commande inconnue « frobnicate » (entkiosk help donne la liste)\n"},
		{[]string{"help", "frobnicate"}, "entkiosk : help : commande inconnue « frobnicate » (entkiosk help donne la liste)\n"},
		{[]string{"audit", "--dbb", "x.db"}, "entkiosk : audit : option inconnue --dbb (entkiosk audit -h donne les options)\n"},
		{[]string{"outbox", "-x"}, "entkiosk : outbox : option inconnue --x (entkiosk outbox -h donne les options)\n"},
		{[]string{"audit", "--limit", "beaucoup"}, "entkiosk : audit : --limit \"beaucoup\" : un nombre entier attendu\n"},
		{[]string{"audit", "--json=peut-être"}, "entkiosk : audit : --json \"peut-être\" : true ou false attendu\n"},
		{[]string{"kiosk", "--idle", "2 minutes"}, "entkiosk : kiosk : --idle \"2 minutes\" : une durée attendue (90s, 2m, 1h30m)\n"},
		{[]string{"kiosk", "--lang", "de"}, "entkiosk : kiosk : --lang \"de\" : fr ou en\n"},
		{[]string{"audit", "--since"}, "entkiosk : audit : --since demande une valeur (DATE)\n"},
		{[]string{"audit", "hugo.lefevre"}, "entkiosk : audit : argument inattendu \"hugo.lefevre\" (entkiosk audit -h donne les options)\n"},
		{[]string{"kiosk", "--demo", "false"}, "entkiosk : kiosk : argument inattendu \"false\" (entkiosk kiosk -h donne les options)\n"},
		{[]string{"audit", "--since", "hier"}, "entkiosk : audit : --since \"hier\" : une date jj/mm/aaaa ou aaaa-mm-jj\n"},
		{[]string{"import"}, "entkiosk : import : un fichier attendu (entkiosk import FICHIER.csv)\n"},
		{[]string{"export"}, "entkiosk : export : quoi exporter ? entkiosk export aliases [--out FICHIER]\n"},
		{[]string{"grant", "admin", "x"}, "entkiosk : grant : entkiosk grant helpdesk IDENTIFIANT\n"},
		{[]string{"mail"}, "entkiosk : mail : --smtp URL est obligatoire (ou ENTKIOSK_SMTP)\n"},
		{[]string{"serve", "--memory-limit", "lots"}, "entkiosk : serve : --memory-limit \"lots\" : une taille comme 256MiB ou 1GiB\n"},
	} {
		r := runCmd(t, tc.args...)
		if r.status != 2 || r.errOut != tc.want || r.out != "" {
			t.Errorf("%v: status %d, stderr %q, stdout %q; want 2 and %q", tc.args, r.status, r.errOut, r.out, tc.want)
		}
	}
}

// Every command has -h: its usage and options in French, each option with
// its ENTKIOSK_ variable; nothing else runs (no store is created).
func TestEveryCommandHasHelp(t *testing.T) {
	cleanEnv(t)
	t.Chdir(t.TempDir())
	english := regexp.MustCompile(`\b(the|of|with|only|this|file|default)\b`)
	optionName := regexp.MustCompile(`--[a-z-]+|ENTKIOSK_[A-Z_]+`)
	for _, c := range allCommands {
		for _, h := range []string{"-h", "--help"} {
			r := runCmd(t, append(c, h)...)
			name := strings.Join(c, " ")
			// the institution file's command opens no store; migrate-store has two, --from and --to
			usesStore := name != "institution" && name != "migrate-store"
			if r.status != 0 || r.errOut != "" || !strings.HasPrefix(r.out, "entkiosk "+name+" — ") ||
				!strings.Contains(r.out, "Usage : entkiosk "+name+" ") || usesStore && (!strings.Contains(r.out, "  --db CHEMIN\n") ||
				!strings.Contains(r.out, "ENTKIOSK_DB\n")) {
				t.Fatalf("%s %s: status %d\n%s%s", name, h, r.status, r.out, r.errOut)
			}
			// Option names are what they are (--ldap-password-file, as the
			// issue names it): only the words around them must be French.
			if m := english.FindString(optionName.ReplaceAllString(r.out, "")); m != "" {
				t.Errorf("%s %s speaks English (%q):\n%s", name, h, m, r.out)
			}
		}
	}
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Fatalf("-h left files: %v", entries)
	}
}

// A variable with a value that does not fit is a usage error naming it;
// an empty one is no value.
func TestEnvironmentVariables(t *testing.T) {
	cleanEnv(t)
	t.Setenv("ENTKIOSK_LIMIT", "mille")
	r := runCmd(t, "audit", "--db", filepath.Join(t.TempDir(), "x.db"))
	if r.status != 2 || r.errOut != "entkiosk : audit : ENTKIOSK_LIMIT=\"mille\" : un nombre entier attendu\n" {
		t.Fatalf("bad variable: %d %q", r.status, r.errOut)
	}
	t.Setenv("ENTKIOSK_LIMIT", "")
	db := demoStore(t)
	t.Setenv("ENTKIOSK_DB", db)
	if r := runCmd(t, "audit", "--event", "ROLE_CHANGE"); r.status != 0 {
		t.Fatalf("empty ENTKIOSK_LIMIT, ENTKIOSK_DB: %d %s", r.status, r.errOut)
	}
}

// ---- import

const exportHeader = "numero_etudiant;nom;prenom;date_naissance;email_personnel;categorie;annee;code_etape;" +
	"libelle_etape;diplome;composante;regime;statut_inscription;statut_paiement;date_validation;date_fin\n"

func exportLine(number, nom, prenom, email string, validated time.Time) string {
	return registrationLine(number, nom, prenom, email, "SLINF1", validated)
}

func registrationLine(number, nom, prenom, email, etape string, validated time.Time) string {
	return fmt.Sprintf("%s;%s;%s;14/07/2004;%s;etudiant;%d;%s;Étape %s;Diplôme;"+
		"Faculté des Sciences;Formation initiale;valide;paye;%s;\n", number, nom, prenom, email,
		academicYear(validated), etape, etape, validated.Format(time.RFC3339))
}

func staffLine(nom, prenom, email, end string) string {
	return fmt.Sprintf(";%s;%s;09/09/1985;%s;personnel;;;;;;;;;;%s\n", nom, prenom, email, end)
}

func academicYear(t time.Time) int {
	if t.Month() >= time.September {
		return t.Year()
	}
	return t.Year() - 1
}

func TestImportCommand(t *testing.T) {
	cleanEnv(t)
	db := filepath.Join(t.TempDir(), "entkiosk.db")
	validated := time.Now().Add(-time.Hour).Truncate(time.Second)
	end := time.Now().AddDate(1, 0, 0).Format("02/01/2006")
	file := writeFile(t, "ia.csv", "\xef\xbb\xbf"+strings.TrimSuffix(exportHeader, "\n")+";commentaire\n"+
		strings.TrimSuffix(exportLine("21901234", "Martin", "Camille", "camille.martin@example.org", validated), "\n")+";\n"+
		strings.TrimSuffix(exportLine("2190123", "Dubois", "Léa", "lea.dubois@example.org", validated), "\n")+";\n"+
		strings.TrimSuffix(exportLine("22200001", "Petit", "Marie", "marie.petit@example.org", validated), "\n")+";\n"+
		strings.TrimSuffix(exportLine("22200002", "Petit", "Marie", "mpetit@example.org", validated), "\n")+";\n"+
		// Two registrations of one student: two lines created, one account.
		strings.TrimSuffix(registrationLine("22107777", "D'Alembert", "Jean-Luc", "jl@example.org", "MDROIT", validated), "\n")+";\n"+
		strings.TrimSuffix(registrationLine("22107777", "D'Alembert", "Jean-Luc", "jl@example.org", "DUDROIT", validated), "\n")+";\n"+
		// Staff: date_fin is required.
		strings.TrimSuffix(staffLine("Roux", "Claire", "claire.roux@example.org", ""), "\n")+";\n"+
		strings.TrimSuffix(staffLine("Roux", "Claire", "claire.roux@example.org", end), "\n")+";\n")
	r := runCmd(t, "import", "--db", db, file)
	t.Logf("entkiosk import:\n%s%s", r.out, r.errOut)
	want := "colonne ignorée : commentaire\n" +
		"compte créé : camille.martin@etu.umontpellier.fr\n" +
		"compte créé : marie.petit@etu.umontpellier.fr\n" +
		"compte créé : marie.petit2@etu.umontpellier.fr\n" +
		"compte créé : jean-luc.dalembert@etu.umontpellier.fr\n" +
		"compte créé : claire.roux@umontpellier.fr\n" +
		"refusée : ligne 3 : numero_etudiant \"2190123\" : 8 chiffres attendus\n" +
		"refusée : ligne 8 : date_fin (obligatoire pour un personnel) manquante (jj/mm/aaaa)\n" +
		"lignes : 6 créées, 0 mise à jour, 0 inchangée, 2 refusées ; comptes créés : 5\n"
	if r.out != want {
		t.Fatalf("output:\n%s\nwant:\n%s", r.out, want)
	}
	// Refused lines: exit status 1, said on stderr, the rest imported.
	if r.status != 1 || r.errOut != "entkiosk : import : 2 lignes refusées, les autres lignes sont enregistrées\n" {
		t.Fatalf("status %d, stderr %q", r.status, r.errOut)
	}
	// The same file again: nothing created, nothing changed. Flags after the file, database from the environment.
	t.Setenv("ENTKIOSK_DB", db)
	r = runCmd(t, "import", file)
	if !strings.HasSuffix(r.out, "\nlignes : 0 créée, 0 mise à jour, 6 inchangées, 2 refusées ; comptes créés : 0\n") ||
		strings.Contains(r.out, "compte créé") || r.status != 1 {
		t.Fatalf("second import: %d\n%s", r.status, r.out)
	}
	// A clean file: exit status 0, one line of each in the singular.
	clean := writeFile(t, "ok.csv", exportHeader+exportLine("21805555", "Lefèvre", "Hugo", "hugo@example.org", validated))
	r = runCmd(t, "import", clean)
	if r.status != 0 || r.errOut != "" || r.out != "compte créé : hugo.lefevre@etu.umontpellier.fr\n"+
		"lignes : 1 créée, 0 mise à jour, 0 inchangée, 0 refusée ; comptes créés : 1\n" {
		t.Fatalf("clean file: %d %q\n%s", r.status, r.errOut, r.out)
	}
}

func TestImportSummaryPlurals(t *testing.T) {
	got := importSummary(text.French, &data.ImportReport{Created: 4, Updated: 1, Unchanged: 4, Refused: 7, Accounts: []string{"a", "b", "c"}})
	if want := "lignes : 4 créées, 1 mise à jour, 4 inchangées, 7 refusées ; comptes créés : 3"; got != want {
		t.Fatalf("%q, want %q", got, want)
	}
	got = importSummary(text.French, &data.ImportReport{Created: 1, Updated: 2, Unchanged: 1, Refused: 1})
	if want := "lignes : 1 créée, 2 mises à jour, 1 inchangée, 1 refusée ; comptes créés : 0"; got != want {
		t.Fatalf("%q, want %q", got, want)
	}
}

func TestImportCommandRefusesAFile(t *testing.T) {
	cleanEnv(t)
	db := filepath.Join(t.TempDir(), "entkiosk.db")
	file := writeFile(t, "ia.csv", exportLine("21901234", "Martin", "Camille", "camille.martin@example.org", time.Now()))
	r := runCmd(t, "import", "--db", db, file)
	if r.status != 1 || !strings.Contains(r.errOut, "n'a pas de ligne d'en-tête : la première ligne donne les noms des colonnes") {
		t.Fatalf("a file without header: %d %q\n%s", r.status, r.errOut, r.out)
	}
	absent := filepath.Join(t.TempDir(), "absent.csv")
	if r := runCmd(t, "import", "--db", db, absent); r.status != 1 ||
		r.errOut != "entkiosk : import : "+absent+" : fichier ou dossier introuvable\n" {
		t.Fatalf("a missing file: %d %q", r.status, r.errOut)
	}
	notADB := writeFile(t, "notes.db", strings.Repeat("not a database\n", 100))
	good := writeFile(t, "ok.csv", exportHeader)
	if r := runCmd(t, "import", "--db", notADB, good); r.status != 1 ||
		r.errOut != "entkiosk : base "+notADB+" : ce fichier n'est pas une base SQLite (ou son début est endommagé) ; "+
			"vérifiez --db ou ENTKIOSK_DB, ou restaurez la dernière sauvegarde\n" {
		t.Fatalf("a store that is not a database: %d %q", r.status, r.errOut)
	}
	// import creates the store; a missing folder is said.
	nowhere := filepath.Join(t.TempDir(), "nope", "entkiosk.db")
	if r := runCmd(t, "import", "--db", nowhere, good); r.status != 1 ||
		!strings.Contains(r.errOut, "le dossier "+filepath.Dir(nowhere)+" n'existe pas") {
		t.Fatalf("a missing folder: %d %q", r.status, r.errOut)
	}
}

// ---- commands that only read: the store must exist

// Only kiosk, serve and import create the store. Any other command given
// a path where no store is refuses it (exit 1), and leaves no file.
func TestReadingCommandsRefuseAMissingStore(t *testing.T) {
	cleanEnv(t)
	dir := t.TempDir()
	missing := filepath.Join(dir, "entkiosk-typo.db")
	dest := filepath.Join(t.TempDir(), "copie.db")
	for _, args := range [][]string{
		{"outbox"}, {"outbox", "--status", "failed"}, {"audit"}, {"audit", "--json"}, {"export", "aliases"},
		{"export", "aliases", "--out", filepath.Join(t.TempDir(), "virtual")}, {"backup", dest},
		{"grant", "helpdesk", "ines.moreau"}, {"revoke", "helpdesk", "ines.moreau"},
		{"mail", "--smtp", "smtp://127.0.0.1:1", "--from", "ENT <ne-pas-repondre@example.org>"},
	} {
		r := runCmd(t, append(args, "--db", missing)...)
		want := "entkiosk : base " + missing + " : ce fichier n'existe pas (vérifiez --db ou ENTKIOSK_DB) ; " +
			"seuls entkiosk import, kiosk et serve créent une base\n"
		if r.status != 1 || r.errOut != want || r.out != "" {
			t.Errorf("%v: status %d, stdout %q, stderr %q", args, r.status, r.out, r.errOut)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("files created: %v", entries)
	}
	if _, err := os.Stat(dest); err == nil {
		t.Fatal("a backup of nothing was written")
	}
	// An empty file (touch entkiosk.db, or a store truncated to nothing) is
	// a damaged store (TestEmptyStoreRefusedByEveryCommand).
	empty := writeFile(t, "entkiosk.db", "")
	if r := runCmd(t, "audit", "--db", empty); r.status != 1 || !strings.Contains(r.errOut, "endommagé") {
		t.Fatalf("an empty file: %d %q %q", r.status, r.out, r.errOut)
	}
}

// ---- outbox

func TestOutboxCommand(t *testing.T) {
	cleanEnv(t)
	db := filepath.Join(t.TempDir(), "entkiosk.db")
	// Validated five minutes ago: the mail is dated validation + 15 min.
	validated := time.Now().Add(-5 * time.Minute).Truncate(time.Second)
	file := writeFile(t, "ia.csv", exportHeader+
		exportLine("21901234", "Martin", "Camille", "camille.martin@example.org", validated)+
		exportLine("22004567", "Dubois", "Léa", "lea.dubois@example.org", validated))
	if r := runCmd(t, "import", "--db", db, "--link-host", "ent.example.org", "--link-port", "2022", file); r.err != nil {
		t.Fatal(r.err)
	}
	r := runCmd(t, "outbox", "--db", db)
	if r.err != nil || strings.Count(r.out, "À : ") != 2 || !strings.Contains(r.out, "À : camille.martin@example.org\n") ||
		!strings.Contains(r.out, "À : lea.dubois@example.org\n") {
		t.Fatalf("outbox: %v\n%s", r.err, r.out)
	}
	r = runCmd(t, "outbox", "--db", db, "--to", "Camille.Martin@example.org")
	t.Logf("entkiosk outbox --to:\n%s", r.out)
	// A "from" (when it may leave): the first minute, as the screens say it (12.6).
	due := data.FromMinute(validated.Add(15 * time.Minute)).In(data.ParisLocation()).Format("02/01/2006 15:04")
	for _, want := range []string{
		"À : camille.martin@example.org\n",
		"Objet : Activation de votre compte informatique / Activate your computer account\n",
		"Date : " + due + "\n",
		"État : en attente\n",
		"Bonjour Camille Martin,",
		"«\u00a01ère connexion\u00a0»", // the mail as written: French no-break spaces
		"ssh://",
		"@ent.example.org:2022",
	} {
		if !strings.Contains(r.out, want) {
			t.Errorf("outbox --to lacks %q", want)
		}
	}
	if !regexp.MustCompile(`(?m)^Code : \d{8}$`).MatchString(r.out) || strings.Contains(r.out, "lea.dubois") {
		t.Errorf("outbox --to:\n%s", r.out)
	}
	r = runCmd(t, "outbox", "--db", db, "--to", "personne@example.org")
	if r.status != 0 || r.out != "(aucun mail)\n" {
		t.Fatalf("no mail: %q %v", r.out, r.err)
	}
	if r := runCmd(t, "outbox", "--db", db, "--status", "perdu"); r.status != 2 ||
		r.errOut != "entkiosk : outbox : --status \"perdu\" : pending, sending, sent, failed ou cancelled\n" {
		t.Fatalf("bad status: %d %q", r.status, r.errOut)
	}
}

// ---- mail

// ParseSMTP's refusals are said in French, without the password.
func TestMailCommandSMTPErrors(t *testing.T) {
	cleanEnv(t)
	for _, url := range []string{
		"ftp://relay", "smtp://", "smtp://:secret@relay", "smtp://relay:99999", "smtp://relay/path",
		"smtp://relay?tls=1", "smtps://relay?starttls=required", "smtp://relay?starttls=maybe", "smtp://re lay:x",
	} {
		r := runCmd(t, "mail", "--smtp", url, "--from", "ENT <ne-pas-repondre@example.org>", "--db", "x.db")
		if r.status != 2 || strings.Contains(r.errOut, "adresse du relais refusée") || strings.Contains(r.errOut, "secret") ||
			!strings.HasPrefix(r.errOut, "entkiosk : mail : --smtp : ") {
			t.Errorf("%s: %d %q", url, r.status, r.errOut)
		}
	}
	// Without --from nor an institution file, no sender is made up.
	r := runCmd(t, "mail", "--smtp", "smtp://relay", "--db", "x.db")
	if r.status != 2 || !strings.Contains(r.errOut, "expéditeur des mails inconnu : donnez --from") {
		t.Errorf("no --from: %d %q", r.status, r.errOut)
	}
	r = runCmd(t, "mail", "--smtp", "smtp://relay", "--from", "personne", "--db", "x.db")
	if r.status != 2 || r.errOut != "entkiosk : mail : --from \"personne\" : ce n'est pas une adresse (Nom <adresse@domaine>)\n" {
		t.Errorf("--from: %d %q", r.status, r.errOut)
	}
}

// ---- grant, revoke, audit, backup

// demoStore is a store file with the demo people, closed again: the
// commands open it themselves, like an operator's shell would.
func demoStore(t *testing.T) string {
	t.Helper()
	cleanEnv(t)
	path := filepath.Join(t.TempDir(), "entkiosk.db")
	s, err := data.Open(path, data.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.LoadDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Something to audit: a failed login of Hugo's.
	s.Login(context.Background(), "hugo.lefevre", "Wrong-Password-1", data.Origin{Client: "ssh:203.0.113.5"})
	return path
}

func TestGrantRevokeHelpdesk(t *testing.T) {
	db := demoStore(t)
	const ines = "ines.moreau@umontpellier.fr"
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"revoke", "--db", db, "helpdesk", "ines.moreau"}, ines + " n'a plus le rôle helpdesk\n"},
		{[]string{"revoke", "helpdesk", "ines.moreau", "--db", db}, ines + " n'avait pas le rôle helpdesk : rien n'a changé\n"},
		{[]string{"grant", "helpdesk", "Ines.Moreau@umontpellier.fr", "--db", db}, ines + " a maintenant le rôle helpdesk\n"},
		{[]string{"grant", "--db", db, "helpdesk", "ines.moreau"}, ines + " avait déjà le rôle helpdesk : rien n'a changé\n"},
	} {
		if r := runCmd(t, tc.args...); r.status != 0 || r.out != tc.want {
			t.Fatalf("%v: %d %q %q, want %q", tc.args, r.status, r.out, r.errOut, tc.want)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"grant", "--db", db, "helpdesk", "nobody.here"}, "entkiosk : grant : aucun compte n'a l'identifiant \"nobody.here\"\n"},
		{[]string{"revoke", "--db", db, "helpdesk", "nobody.here"}, "entkiosk : revoke : aucun compte n'a l'identifiant \"nobody.here\"\n"},
		{[]string{"grant", "--db", db, "helpdesk", "hugo.lefevre"}, "entkiosk : grant : hugo.lefevre@etu.umontpellier.fr est un compte " +
			"étudiant ; le rôle helpdesk est réservé aux comptes du personnel\n"},
	} {
		if r := runCmd(t, tc.args...); r.status != 1 || r.errOut != tc.want {
			t.Fatalf("%v: %d %q, want %q", tc.args, r.status, r.errOut, tc.want)
		}
	}
	for _, args := range [][]string{{"grant", "--db", db, "admin", "ines.moreau"}, {"revoke", "--db", db, "helpdesk"}} {
		if r := runCmd(t, args...); r.status != 2 {
			t.Fatalf("%v: %d %q, want a usage error", args, r.status, r.errOut)
		}
	}
	// Each command is in the audit log, with the operator's system user name.
	r := runCmd(t, "audit", "--db", db, "--event", "role_change", "--json")
	if r.err != nil {
		t.Fatal(r.err)
	}
	lines := strings.Split(strings.TrimSpace(r.out), "\n")
	if len(lines) != 4 {
		t.Fatalf("role changes: %q", r.out)
	}
	u, err := user.Current()
	if err != nil {
		t.Fatal(err)
	}
	for i, outcome := range []string{"unchanged", "granted", "unchanged", "revoked"} {
		var e map[string]any
		json.Unmarshal([]byte(lines[i]), &e)
		if e["outcome"] != outcome || e["identifiant"] != ines || !strings.HasPrefix(e["actor"].(string), "cli:"+u.Username) {
			t.Fatalf("audit line %d: %v, want %s by cli:%s", i, e, outcome, u.Username)
		}
	}
}

// The actor is the system user (os/user), even without $USER; behind sudo,
// with who ran sudo.
func TestOperatorName(t *testing.T) {
	u, err := user.Current()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("USER", "")
	t.Setenv("SUDO_USER", "")
	if got := operatorName(); got != u.Username {
		t.Fatalf("without $USER: %q, want %q", got, u.Username)
	}
	t.Setenv("SUDO_USER", "alice")
	if got := operatorName(); got != u.Username+" (sudo alice)" {
		t.Fatalf("under sudo: %q", got)
	}
}

func TestAuditCommand(t *testing.T) {
	db := demoStore(t)
	r := runCmd(t, "audit", "--db", db, "--identifiant", "hugo.lefevre")
	if r.err != nil || !strings.Contains(r.out, "LOGIN_ERROR") || !strings.Contains(r.out, "ssh:203.0.113.5") ||
		strings.Contains(r.out, "camille") {
		t.Fatalf("text: %v\n%s", r.err, r.out)
	}
	r = runCmd(t, "audit", "--db", db, "--json", "--since", "2000-01-01", "--event", "LOGIN_ERROR,ACCOUNT_CREATED")
	if r.err != nil {
		t.Fatal(r.err)
	}
	seen := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(r.out), "\n") {
		var e struct {
			Event, At, Identifiant, Outcome string
			PersonID                        int64 `json:"person_id"`
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("not JSON: %q", line)
		}
		seen[e.Event]++
		if e.At == "" || e.PersonID == 0 {
			t.Fatalf("line: %q", line)
		}
	}
	if seen["LOGIN_ERROR"] != 1 || seen["ACCOUNT_CREATED"] != len(data.DemoPeople) || len(seen) != 2 {
		t.Fatalf("events: %v", seen)
	}
	if r := runCmd(t, "audit", "--db", db, "--since", "01/01/2999"); r.out != "(aucun événement)\n" || r.status != 0 {
		t.Fatalf("nothing since: %q", r.out)
	}
	if r := runCmd(t, "audit", "--db", db, "--limit", "3"); r.errOut != "les 3 événements les plus récents seulement (--limit pour en voir plus)\n" {
		t.Fatalf("the limit not said: %q", r.errOut)
	}
	if r := runCmd(t, "audit", "--db", db, "--limit", "1"); r.errOut != "l'événement le plus récent seulement (--limit pour en voir plus)\n" {
		t.Fatalf("the limit of one not said: %q", r.errOut)
	}
	for _, args := range [][]string{{"--since", "yesterday"}, {"--event", "NOPE"}, {"--limit", "0"}} {
		if r := runCmd(t, append([]string{"audit", "--db", db}, args...)...); r.status != 2 {
			t.Fatalf("%v: %d %q, want a usage error", args, r.status, r.errOut)
		}
	}
}

func TestBackupCommand(t *testing.T) {
	db := demoStore(t)
	dest := filepath.Join(t.TempDir(), "entkiosk-2026-11-25.db")
	r := runCmd(t, "backup", "--db", db, dest)
	if r.status != 0 || !strings.Contains(r.out, "sauvegarde écrite : "+dest) || !strings.Contains(r.out, "integrity_check ok") {
		t.Fatalf("backup: %q %q", r.out, r.errOut)
	}
	st, err := os.Stat(dest)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("copy: %v %v", st, err)
	}
	before, _ := os.ReadFile(dest)
	r = runCmd(t, "backup", "--db", db, dest)
	if r.status != 1 || r.errOut != "entkiosk : sauvegarde : "+dest+" existe déjà et n'est pas écrasé "+
		"(donnez un autre nom, ou supprimez-le d'abord)\n" {
		t.Fatalf("second backup to the same file: %d %q", r.status, r.errOut)
	}
	if after, _ := os.ReadFile(dest); !bytes.Equal(before, after) {
		t.Fatal("the existing backup changed")
	}
	nowhere := filepath.Join(t.TempDir(), "nope", "copie.db")
	if r := runCmd(t, "backup", "--db", db, nowhere); r.status != 1 ||
		r.errOut != "entkiosk : sauvegarde : le dossier "+filepath.Dir(nowhere)+" n'existe pas\n" {
		t.Fatalf("a missing folder: %d %q", r.status, r.errOut)
	}
	// The copy is a store: the audit command reads it.
	r = runCmd(t, "audit", "--db", dest, "--identifiant", "hugo.lefevre")
	if r.status != 0 || !strings.Contains(r.out, "LOGIN_ERROR") {
		t.Fatalf("audit of the copy: %q %q", r.out, r.errOut)
	}
	if r := runCmd(t, "backup", "--db", db); r.status != 2 {
		t.Fatalf("no DEST: %d %q", r.status, r.errOut)
	}
}

func TestExportAliasesCommand(t *testing.T) {
	db := demoStore(t)
	out := filepath.Join(t.TempDir(), "virtual")
	r := runCmd(t, "export", "aliases", "--db", db, "--out", out)
	if r.status != 0 || !regexp.MustCompile(`^\d+ redirections? écrites? dans `+regexp.QuoteMeta(out)+"\n$").MatchString(r.out) {
		t.Fatalf("export: %d %q %q", r.status, r.out, r.errOut)
	}
	r = runCmd(t, "export", "aliases", "--db", db, "--out", out)
	if r.status != 0 || !regexp.MustCompile(`^`+regexp.QuoteMeta(out)+` inchangé \(\d+ redirections?\)`+"\n$").MatchString(r.out) {
		t.Fatalf("export again: %d %q %q", r.status, r.out, r.errOut)
	}
	// The file speaks French too: its header says what it is.
	r = runCmd(t, "export", "aliases", "--db", db)
	english := regexp.MustCompile(`\b(the|of|by|written|do not|edit|when|kept|map)\b`)
	if !strings.HasPrefix(r.out, "# Table d'alias virtuels de Postfix écrite par « entkiosk export aliases »") ||
		english.MatchString(r.out) {
		t.Fatalf("the header:\n%s", r.out)
	}
}

// The server says in one French sentence why it cannot listen, with the
// address; a --listen that is no HOST:PORT is refused before anything.
func TestServeListenErrors(t *testing.T) {
	cleanEnv(t)
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	addr := taken.Addr().String()
	dir := t.TempDir()
	r := runCmd(t, "serve", "--db", filepath.Join(dir, "e.db"), "--listen", addr, "--log", filepath.Join(dir, "log"))
	want := "entkiosk : le serveur SSH ne peut pas écouter sur " + addr + " : ce port est déjà pris par un autre " +
		"programme (un autre entkiosk serve ?) ; choisissez-en un autre avec --listen\n"
	if r.status != 1 || r.errOut != want {
		t.Fatalf("port taken: %d\n%s", r.status, r.errOut)
	}
	for _, bad := range []string{"2222", "localhost", "127.0.0.1:99999", "127.0.0.1:ssh2"} {
		r := runCmd(t, "serve", "--db", filepath.Join(dir, "e.db"), "--listen", bad)
		if want := "entkiosk : serve : --listen \"" + bad + "\" : une adresse HÔTE:PORT attendue, comme 0.0.0.0:2222\n"; r.status != 2 || r.errOut != want {
			t.Errorf("--listen %s: %d %q", bad, r.status, r.errOut)
		}
	}
	// The other common causes, as the system reports them.
	listen := func(errno error) error {
		return &net.OpError{Op: "listen", Net: "tcp", Err: os.NewSyscallError("bind", errno)}
	}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{listen(syscall.EACCES), "le serveur SSH ne peut pas écouter sur 0.0.0.0:22 : les ports inférieurs à 1024 " +
			"demandent les droits d'administrateur ; prenez un port à partir de 1024 avec --listen (2222 par défaut)"},
		{listen(syscall.EADDRNOTAVAIL), "le serveur SSH ne peut pas écouter sur 0.0.0.0:22 : cette adresse n'est pas " +
			"celle de cette machine ; donnez avec --listen l'adresse d'une de ses interfaces, ou 0.0.0.0 pour toutes"},
		{&net.OpError{Op: "listen", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "x", IsNotFound: true}},
			"le serveur SSH ne peut pas écouter sur 0.0.0.0:22 : cet hôte est inconnu ; donnez avec --listen une " +
				"adresse IP, ou 0.0.0.0 pour toutes les interfaces"},
	} {
		if got, ok := listenError("0.0.0.0:22", tc.err); !ok || got != tc.want {
			t.Errorf("%v:\n got %q\nwant %q", tc.err, got, tc.want)
		}
	}
	if _, ok := listenError("0.0.0.0:22", errors.New("host key: bad")); ok {
		t.Error("an error that is not the listen's is said as a listen error")
	}
}

// The usage and the serve help name the options of the mails' links.
func TestServeUsageNamesTheLinkOptions(t *testing.T) {
	cleanEnv(t)
	if r := runCmd(t, "help"); !strings.Contains(r.out, "[--link-host HÔTE] [--link-port N]") {
		t.Fatalf("usage:\n%s", r.out)
	}
	r := runCmd(t, "help", "serve")
	if !strings.Contains(r.out, "Usage : entkiosk serve [--link-host HÔTE] [--link-port N] [options]\n") ||
		!strings.Contains(r.out, "  --link-host HÔTE\n") || !strings.Contains(r.out, "  --link-port N\n") {
		t.Fatalf("help serve:\n%s", r.out)
	}
	for _, line := range strings.Split(r.out, "\n") {
		if utf8.RuneCountInString(line) > 80 {
			t.Errorf("help serve: a line over 80 columns: %q", line)
		}
	}
}

// ---- the README

// The README's configuration table lists every option of every command,
// with its variable and the commands that take it, and nothing else.
func TestREADMEConfigurationTable(t *testing.T) {
	cleanEnv(t)
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	start := strings.Index(section, "\n## Configuration\n")
	if start < 0 {
		t.Fatal("no Configuration section")
	}
	section = section[start+1:]
	section = section[:strings.Index(section, "\n## ")+1]
	rows := map[string][]string{} // --name → cells
	rowRe := regexp.MustCompile("(?m)^\\| `--([a-z-]+)` \\|(.*)$")
	for _, m := range rowRe.FindAllStringSubmatch(section, -1) {
		rows[m[1]] = strings.Split(m[2], "|")
	}
	optRe := regexp.MustCompile(`(?m)^  --([a-z-]+)`)
	used := map[string]bool{}
	for _, c := range allCommands {
		name := strings.Join(c, " ")
		help := runCmd(t, append(c, "-h")...).out
		for _, m := range optRe.FindAllStringSubmatch(help, -1) {
			opt := m[1]
			used[opt] = true
			cells, ok := rows[opt]
			if !ok {
				t.Errorf("README: no row for --%s (%s)", opt, name)
				continue
			}
			if len(cells) < 4 || strings.TrimSpace(cells[0]) != "`"+envName(opt)+"`" {
				t.Errorf("README: the row of --%s does not give %s: %q", opt, envName(opt), cells)
				continue
			}
			if cmds := cells[2]; !strings.Contains(cmds, "`"+name+"`") && !strings.Contains(cmds, "every command") {
				t.Errorf("README: the row of --%s does not list %s: %q", opt, name, cmds)
			}
		}
	}
	for opt := range rows {
		if !used[opt] {
			t.Errorf("README: --%s is no command's option", opt)
		}
	}
}

// The README's command list is the usage's.
func TestREADMECommands(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"[--event E]", "date_fin", "exit status"} {
		if !bytes.Contains(readme, []byte(want)) {
			t.Errorf("README lacks %q", want)
		}
	}
	if errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
}

// A mail whose code stopped working before it went out is shown as
// cancelled, with when and why, and --status cancelled lists it.
func TestOutboxShowsCancelledMails(t *testing.T) {
	cleanEnv(t)
	db := filepath.Join(t.TempDir(), "entkiosk.db")
	validated := time.Now().Add(-2 * time.Hour).Truncate(time.Second)
	file := writeFile(t, "ia.csv", exportHeader+exportLine("21901234", "Martin", "Camille", "camille.martin@example.org", validated))
	if r := runCmd(t, "import", "--db", db, file); r.err != nil {
		t.Fatal(r.err)
	}
	// "Lost password" on an account never activated, two minutes later,
	// sends a new activation code: the import's code is replaced, its mail
	// cancelled.
	later := time.Now().Add(2 * time.Minute)
	s, err := data.Open(db, data.Config{Clock: data.NewManualClock(later)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartReset(context.Background(), "camille.martin", data.Origin{Client: "test", Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	r := runCmd(t, "outbox", "--db", db, "--status", "cancelled")
	t.Logf("entkiosk outbox --status cancelled:\n%s", r.out)
	if r.err != nil || strings.Count(r.out, "À : ") != 1 ||
		!strings.Contains(r.out, "Objet : Activation de votre compte informatique / Activate your computer account") ||
		!strings.Contains(r.out, ", jamais envoyé (code remplacé par un plus récent)\n") ||
		!strings.Contains(r.out, "État : annulé le "+later.In(data.ParisLocation()).Format("02/01/2006")) {
		t.Fatalf("outbox --status cancelled: %v\n%s", r.err, r.out)
	}
	r = runCmd(t, "outbox", "--db", db, "--status", "pending")
	if r.err != nil || strings.Count(r.out, "À : ") != 1 || !strings.Contains(r.out, "Objet : Activate your computer account") {
		t.Fatalf("outbox --status pending: %v\n%s", r.err, r.out)
	}
}

// ---- the import's file errors, dates that do not exist, the audit in words

// entkiosk audit says outcomes and details in the console's words, French
// by default and English with --lang en; the event's code stays.
func TestAuditInWords(t *testing.T) {
	db := demoStore(t)
	s, err := data.Open(db, data.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	agent, err := s.Login(ctx, "ines.moreau", "Helpdesk-Demo-2026", data.Origin{Client: "ssh:192.0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	var camille int64
	if r, err := s.HelpdeskSearch(ctx, agent, "camille.martin"); err != nil || len(r.Hits) != 1 {
		t.Fatalf("search: %v", err)
	} else {
		camille = r.Hits[0].PersonID
	}
	// The import's mail went a moment ago: a resend waits for the cooldown.
	if _, err := s.HelpdeskResendActivation(ctx, agent, camille, data.Origin{Client: "ssh:192.0.2.1"}); err == nil {
		t.Fatal("resend at once accepted")
	}
	s.LookupRegistrations(ctx, "21901234", time.Date(2001, 1, 1, 0, 0, 0, 0, data.ParisLocation()), data.Origin{Client: "ssh:192.0.2.1"})
	s.Close()

	r := runCmd(t, "audit", "--db", db)
	t.Logf("entkiosk audit:\n%s", r.out)
	for _, want := range []string{"HELPDESK_ACTION", "refusé (délai entre deux codes)  par ines.moreau@umontpellier.fr  (renvoi du code d'activation)",
		"mot de passe incorrect", "pas de correspondance"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("French audit lacks %q", want)
		}
	}
	for _, english := range []string{"refused", "wrong", "no match", "send activation code", "(number ", " par ines.moreau  (send"} {
		if strings.Contains(r.out, english) {
			t.Errorf("French audit says %q", english)
		}
	}
	r = runCmd(t, "audit", "--db", db, "--lang", "en", "--event", "HELPDESK_ACTION")
	if want := "refused (wait between two codes)  by ines.moreau@umontpellier.fr  (resending the activation code)"; !strings.Contains(r.out, want) {
		t.Errorf("English audit lacks %q:\n%s", want, r.out)
	}
	t.Setenv("ENTKIOSK_LANG", "en")
	if r := runCmd(t, "audit", "--db", db, "--since", "01/01/2999"); r.out != "(no event)\n" {
		t.Errorf("ENTKIOSK_LANG=en: %q", r.out)
	}
	// --json keeps the log's own words.
	r = runCmd(t, "audit", "--db", db, "--json", "--event", "HELPDESK_ACTION")
	if !strings.Contains(r.out, `"outcome":"refused: resend cooldown"`) {
		t.Errorf("JSON: %s", r.out)
	}
}

// --since with a date that is not in the calendar says so (exit 2).
func TestAuditSinceDateThatDoesNotExist(t *testing.T) {
	db := demoStore(t)
	for _, tc := range []struct{ arg, fr, en string }{
		{"31/02/2026", "entkiosk : audit : --since : la date 31/02/2026 n'existe pas.\n",
			"entkiosk : audit: --since: the date 31/02/2026 does not exist.\n"},
		{"2026-02-29", "entkiosk : audit : --since : la date 2026-02-29 n'existe pas.\n",
			"entkiosk : audit: --since: the date 2026-02-29 does not exist.\n"},
		{"12/13/2026", "entkiosk : audit : --since : la date 12/13/2026 n'existe pas.\n",
			"entkiosk : audit: --since: the date 12/13/2026 does not exist.\n"},
		{"00/01/2026", "entkiosk : audit : --since : la date 00/01/2026 n'existe pas.\n",
			"entkiosk : audit: --since: the date 00/01/2026 does not exist.\n"},
		{"hier", "entkiosk : audit : --since \"hier\" : une date jj/mm/aaaa ou aaaa-mm-jj\n",
			"entkiosk : audit: --since \"hier\": a date dd/mm/yyyy or yyyy-mm-dd\n"},
	} {
		if r := runCmd(t, "audit", "--db", db, "--since", tc.arg); r.status != 2 || r.errOut != tc.fr || r.out != "" {
			t.Errorf("%s: %d %q", tc.arg, r.status, r.errOut)
		}
		if r := runCmd(t, "audit", "--db", db, "--lang", "en", "--since", tc.arg); r.status != 2 || r.errOut != tc.en {
			t.Errorf("%s in English: %d %q", tc.arg, r.status, r.errOut)
		}
	}
	for _, day := range []string{"29/02/2028", "2028-02-29", "1/3/2026", "31/12/2026"} {
		if r := runCmd(t, "audit", "--db", db, "--since", day); r.status != 0 {
			t.Errorf("%s refused: %q", day, r.errOut)
		}
	}
}

// import says why it cannot read a file in the operator's words, never
// Go's ("read csv: is a directory"); nothing is imported.
func TestImportFileProblemsInWords(t *testing.T) {
	cleanEnv(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "entkiosk.db")
	folder := t.TempDir()
	empty := writeFile(t, "vide.csv", "")
	blank := writeFile(t, "blanc.csv", "\n  \n")
	utf16 := writeFile(t, "utf16.csv", "\xff\xfen\x00u\x00m\x00")
	latin1 := writeFile(t, "latin1.csv", strings.Replace(exportHeader, "prenom", "pr\xe9nom", 1))
	noHeader := writeFile(t, "sans-entete.csv", exportLine("21901234", "Martin", "Camille", "c@example.org", time.Now()))
	missing := filepath.Join(dir, "absent.csv")
	for _, tc := range []struct{ file, fr, en string }{
		{folder, "import : « " + folder + " » est un dossier, pas un fichier CSV.",
			"import: \"" + folder + "\" is a folder, not a CSV file."},
		{missing, "import : " + missing + " : fichier ou dossier introuvable", "import: " + missing + ": no such file or folder"},
		{empty, "import : « " + empty + " » est vide : il faut au moins la ligne d'en-tête (les noms des colonnes).",
			"import: \"" + empty + "\" is empty: it needs at least the header line (the column names)."},
		{blank, "import : « " + blank + " » est vide", "import: \"" + blank + "\" is empty"},
		{utf16, "import : « " + utf16 + " » est en UTF-16 : enregistrez-le en UTF-8", "import: \"" + utf16 + "\" is in UTF-16: save it as UTF-8"},
		{latin1, "import : « " + latin1 + " » n'est pas en UTF-8 : enregistrez-le en UTF-8", "import: \"" + latin1 + "\" is not UTF-8: save it as UTF-8"},
		{noHeader, "import : « " + noHeader + " » n'a pas de ligne d'en-tête", "import: \"" + noHeader + "\" has no header line"},
	} {
		r := runCmd(t, "import", "--db", db, tc.file)
		if r.status != 1 || !strings.HasPrefix(r.errOut, "entkiosk : "+tc.fr) || r.out != "" {
			t.Errorf("%s: %d %q", tc.file, r.status, r.errOut)
		}
		r = runCmd(t, "import", "--db", db, "--lang", "en", tc.file)
		if r.status != 1 || !strings.HasPrefix(r.errOut, "entkiosk : "+tc.en) || strings.Contains(r.errOut, "«") {
			t.Errorf("%s in English: %d %q", tc.file, r.status, r.errOut)
		}
	}
	// A file the operator may not read (root reads everything: skipped then).
	if os.Geteuid() != 0 {
		locked := writeFile(t, "ferme.csv", exportHeader)
		os.Chmod(locked, 0)
		if r := runCmd(t, "import", "--db", db, locked); r.status != 1 ||
			!strings.Contains(r.errOut, "lecture refusée par les droits du fichier") {
			t.Errorf("unreadable: %d %q", r.status, r.errOut)
		}
	}
	// The report in English too.
	clean := writeFile(t, "ok.csv", exportHeader+exportLine("21805555", "Lefèvre", "Hugo", "hugo@example.org",
		time.Now().Add(-time.Hour).Truncate(time.Second)))
	if r := runCmd(t, "import", "--db", db, "--lang", "en", clean); r.status != 0 ||
		r.out != "account created: hugo.lefevre@etu.umontpellier.fr\nlines: 1 created, 0 updated, 0 unchanged, 0 refused; accounts created: 1\n" {
		t.Errorf("English report: %d %q %q", r.status, r.out, r.errOut)
	}
}

// A redirection the map cannot carry (a store written before addresses were
// checked this strictly) is named on stderr and fails the export, after the
// others are written: its mail would silently never be forwarded.
func TestExportAliasesFailsWhenItLeavesARedirectionOut(t *testing.T) {
	db := demoStore(t)
	raw, err := sql.Open("sqlite3", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE accounts SET redirect_email = 'x#y|z@example.org' WHERE local_part = 'hugo.lefevre'`); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE accounts SET redirect_email = 'ines@example.net' WHERE local_part = 'ines.moreau'`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	out := filepath.Join(t.TempDir(), "virtual")
	for _, args := range [][]string{{"export", "aliases", "--db", db}, {"export", "aliases", "--db", db, "--out", out}} {
		r := runCmd(t, args...)
		if r.status != 1 || !strings.Contains(r.errOut, "ignorée : hugo.lefevre@etu.umontpellier.fr") ||
			!strings.Contains(r.errOut, "1 redirection laissée hors de la table") {
			t.Fatalf("%v: status %d, stderr %q", args, r.status, r.errOut)
		}
		if strings.Contains(r.out+r.errOut, "x#y") {
			t.Errorf("%v: the bad address reached the output", args)
		}
	}
	// The others are written all the same.
	if b, err := os.ReadFile(out); err != nil || !strings.Contains(string(b), "ines.moreau@umontpellier.fr ines@example.net") {
		t.Fatalf("map: %q %v", b, err)
	}
}

// audit and outbox read a store they cannot write (a backup of mode 0444):
// they open it read-only, and say that every local user can read it.
func TestAuditAndOutboxReadAReadOnlyStore(t *testing.T) {
	db := demoStore(t)
	if err := os.Chmod(db, 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(db)
	for _, cmd := range []string{"audit", "outbox"} {
		r := runCmd(t, cmd, "--db", db)
		if r.status != 0 || r.out == "" || !strings.Contains(r.errOut, "lisible par tous") {
			t.Errorf("%s: status %d, stdout %d bytes, stderr %q", cmd, r.status, len(r.out), r.errOut)
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("a reading command wrote the store")
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if st, err := os.Stat(db + suffix); err == nil && st.Mode().Perm()&0o004 != 0 {
			t.Errorf("%s: mode %04o", suffix, st.Mode().Perm())
		}
	}
	// A command that writes refuses it.
	if r := runCmd(t, "export", "aliases", "--db", db); r.status != 1 || !strings.Contains(r.errOut, "lisible par tous") {
		t.Errorf("export: status %d, stderr %q", r.status, r.errOut)
	}
}

// A damaged store is said in French with its path, exit status 1 (the
// README's contract for an error), by the commands that read and those
// that write.
func TestDamagedStoreCommandsSaySoInFrench(t *testing.T) {
	db := demoStore(t)
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, b[:len(b)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	csv := writeFile(t, "ia.csv", "numero_etudiant;nom;prenom;date_naissance;email_personnel;categorie;annee;code_etape;"+
		"libelle_etape;diplome;composante;regime;statut_inscription;statut_paiement;date_validation;date_fin\n")
	for _, args := range [][]string{{"audit"}, {"outbox"}, {"export", "aliases"}, {"import", csv}} {
		r := runCmd(t, append(args, "--db", db)...)
		if r.status != 1 || !strings.Contains(r.errOut, db) || !strings.Contains(r.errOut, "endommagé") ||
			strings.Contains(r.errOut, "malformed") {
			t.Errorf("%v: status %d, stderr %q", args, r.status, r.errOut)
		}
	}
}

// audit --verify: "chaîne intacte : N entrées", exit 0; after an edit or a
// deletion behind a dropped trigger, where the chain breaks (row id, time),
// exit 1.
func TestAuditVerifyCommand(t *testing.T) {
	db := demoStore(t)
	r := runCmd(t, "audit", "--db", db, "--verify")
	ok := regexp.MustCompile(`^chaîne intacte : (\d+) entrées\ndernière entrée : id (\d+), empreinte [0-9a-f]{64} `)
	m := ok.FindStringSubmatch(r.out)
	if r.status != 0 || m == nil || m[1] != m[2] {
		t.Fatalf("intact: %d %q %q", r.status, r.out, r.errOut)
	}
	raw, err := sql.Open("sqlite3", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, q := range []string{`DROP TRIGGER audit_no_update`, `UPDATE audit SET outcome = 'ok', detail = 'rien' WHERE id = 2`,
		`DROP TRIGGER audit_no_delete`, `DELETE FROM audit WHERE id = 3`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	r = runCmd(t, "audit", "--db", db, "--verify")
	broken := regexp.MustCompile(`^rupture à l'entrée id 2 \(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\) : entrée modifiée, ou insérée\n` +
		`rupture à l'entrée id 4 \([^)]+\) : entrée id 3 absente \(supprimée\)\n$`)
	if r.status != 1 || !broken.MatchString(r.out) || !strings.Contains(r.errOut, "chaîne rompue en 2 endroits") {
		t.Fatalf("broken: %d %q %q", r.status, r.out, r.errOut)
	}
	r = runCmd(t, "audit", "--db", db, "--verify", "--lang", "en")
	if r.status != 1 || !strings.HasPrefix(r.out, "break at entry id 2 (") ||
		!strings.Contains(r.out, ": entry id 3 missing (deleted)\n") || !strings.Contains(r.errOut, "chain broken in 2 places") {
		t.Fatalf("in English: %d %q %q", r.status, r.out, r.errOut)
	}
}

// ---- institution

// init writes a file that check accepts; check names the places each value
// shows; a mistake names its key and line, exit status 2; every command
// that reads the file refuses it the same way.
func TestInstitutionCommand(t *testing.T) {
	cleanEnv(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "institution.toml")
	r := runCmd(t, "institution", "init", "--out", path)
	if r.status != 0 || !strings.Contains(r.out, "institution.toml") || !strings.Contains(r.out, "charte.fr.txt") {
		t.Fatalf("init: %d %q %q", r.status, r.out, r.errOut)
	}
	if r := runCmd(t, "institution", "init", "--out", path); r.status != 1 || !strings.Contains(r.errOut, "existe déjà : rien n'a été écrit") {
		t.Fatalf("init again: %d %q", r.status, r.errOut)
	}
	r = runCmd(t, "institution", "check", path)
	for _, want := range []string{"correct.", "institution.name : Université d'Exemple / University of Exemple",
		"→ bandeau de chaque écran", "helpdesk : assistance@exemple.fr, 01 23 45 67 89", "charter : version 2026-09"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("check lacks %q:\n%s", want, r.out)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(b), `mail = "assistance@exemple.fr"`, `mail = "assistance"`, 1)
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	line := 0
	for i, l := range strings.Split(bad, "\n") {
		if l == `mail = "assistance"` {
			line = i + 1
		}
	}
	want := fmt.Sprintf("fichier d'établissement %s, ligne %d, clé helpdesk.mail : \"assistance\" n'est pas une adresse mail", path, line)
	for _, args := range [][]string{{"institution", "check", path}, {"import", "--db", filepath.Join(dir, "x.db"), "--institution", path, "x.csv"},
		{"kiosk", "--db", filepath.Join(dir, "x.db"), "--institution", path}} {
		r := runCmd(t, args...)
		if r.status != 2 || !strings.Contains(r.errOut, want) {
			t.Errorf("%v: %d %q, want %q", args, r.status, r.errOut, want)
		}
	}
}

// A store truncated to nothing (`: > entkiosk.db`) is damaged, not a new
// store: every command says so, exit 1, and leaves the file as it is (a
// new store there would lose every account and the server secret).
func TestEmptyStoreRefusedByEveryCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	if err := os.WriteFile(db, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	csv := writeFile(t, "ia.csv", "numero_etudiant;nom;prenom;date_naissance;email_personnel;categorie;annee;code_etape;"+
		"libelle_etape;diplome;composante;regime;statut_inscription;statut_paiement;date_validation;date_fin\n")
	for _, args := range [][]string{{"audit"}, {"audit", "--verify"}, {"outbox"}, {"export", "aliases"}, {"import", csv},
		{"kiosk"}, {"serve", "--listen", "127.0.0.1:0"}, {"grant", "helpdesk", "x@umontpellier.fr"},
		{"backup", filepath.Join(dir, "copy.db")}, {"directory"}} {
		r := runCmd(t, append(args, "--db", db)...)
		if r.status != 1 || !strings.Contains(r.errOut, db) || !strings.Contains(r.errOut, "endommagé") {
			t.Errorf("%v: status %d, stderr %q", args, r.status, r.errOut)
		}
		if st, err := os.Stat(db); err != nil || st.Size() != 0 {
			t.Fatalf("%v: the empty store was written: %v %v", args, st, err)
		}
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(db + suffix); err == nil {
			t.Errorf("%s left beside the empty store", suffix)
		}
	}
}
