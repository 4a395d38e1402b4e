package data

import (
	"errors"
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

func TestImportAcceptsBOMCommasQuotesAndAnyColumnOrder(t *testing.T) {
	t.Parallel()
	semicolons := "\xef\xbb\xbf" + strings.ReplaceAll(importHeader, "\n", "\r\n") +
		"21901234;Martin;Camille;14/07/2004;camille.martin@example.org;etudiant;2026;SLINF3;\"Licence 3 Informatique; parcours \"\"IA\"\"\";Licence Informatique;Faculté des Sciences;Formation initiale;valide;paye;2026-09-02T10:15:00+02:00;\r\n" +
		"\r\n" + // blank lines are skipped
		";Moreau;Inès;09/09/1985;ines.moreau@example.org;personnel;;;;;;;;;;31/08/2029\r\n"
	commas := "date_validation,categorie,prenom,nom,numero_etudiant,date_naissance,email_personnel,annee,code_etape," +
		"libelle_etape,diplome,composante,regime,statut_inscription,statut_paiement,date_fin\n" +
		"2026-09-02T10:15:00+02:00,etudiant,Camille,Martin,21901234,14/07/2004,camille.martin@example.org,2026,SLINF3," +
		"\"Licence 3 Informatique; parcours \"\"IA\"\"\",Licence Informatique,Faculté des Sciences,Formation initiale,valide,paye,\n" +
		",personnel,Inès,Moreau,,09/09/1985,ines.moreau@example.org,,,,,,,,,31/08/2029\n"
	var dumps []string
	for _, file := range []string{semicolons, commas} {
		s, _ := openTest(t)
		rep, err := s.Import(ctx, strings.NewReader(file), testOrigin)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Created != 2 || rep.Refused != 0 || len(rep.Ignored) != 0 {
			t.Fatalf("report %+v", rep)
		}
		l, err := s.LookupRegistrations(ctx, "21901234", date(2004, 7, 14), testOrigin)
		if err != nil {
			t.Fatal(err)
		}
		if got := l.Registrations[0].LibelleEtape; got != `Licence 3 Informatique; parcours "IA"` {
			t.Fatalf("libellé %q", got)
		}
		var people []string
		rows, _ := s.db.Query(`SELECT nom, prenom, birth_date, category, personal_email, COALESCE(staff_end, ''),
			COALESCE(student_number, '') FROM people ORDER BY id`)
		for rows.Next() {
			var a, b, c, d, e, f, g string
			rows.Scan(&a, &b, &c, &d, &e, &f, &g)
			people = append(people, strings.Join([]string{a, b, c, d, e, f, g}, "|"))
		}
		rows.Close()
		dumps = append(dumps, strings.Join(people, "\n"))
	}
	if dumps[0] != dumps[1] {
		t.Fatalf("the two spellings of one export differ:\n%s\n---\n%s", dumps[0], dumps[1])
	}
}

// Each bad line is refused with its line number and the reason; the others
// still go in.
func TestImportRefusesBadLinesAndKeepsTheOthers(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	ok := func(number, prenom string) string {
		return student(number, "Martin", prenom, "14/07/2004", strings.ToLower(prenom)+"@example.org", "2026-09-02T10:15:00+02:00")
	}
	lines := []string{
		ok("21900001", "Alice"), // line 2
		`21900002;Martin;"Bob;14/07/2004;bob@example.org;etudiant;2026;SLINF1;;;;;valide;paye;2026-09-02T10:15:00+02:00;`,
		"21900003;Martin;Chloé;14/07/2004;chloe@example.org;etudiant;2026;SLINF1;;;;;valide;paye;2026-09-02T10:15:00+02:00",
		student("21900004", "Martin", "Denis", "31/02/2004", "denis@example.org", "2026-09-02T10:15:00+02:00"),
		student("21900005", "Martin", "Emma", "29/02/2004", "emma@example.org", "2026-09-02T10:15:00+02:00"), // a real date
		student("2190006", "Martin", "Félix", "14/07/2004", "felix@example.org", "2026-09-02T10:15:00+02:00"),
		student("21900007", "Martin", "Gaël", "14/07/2004", "gael.example.org", "2026-09-02T10:15:00+02:00"),
		student("21900008", "Martin", "Hélène", "14/07/2004", "Hélène <helene@example.org>", "2026-09-02T10:15:00+02:00"),
		student("21900009", "", "Inès", "14/07/2004", "ines@example.org", "2026-09-02T10:15:00+02:00"),
		student("21900010", "Martin", "", "14/07/2004", "j@example.org", "2026-09-02T10:15:00+02:00"),
		student("21900011", "Martin", "Fran\xe7oise", "14/07/2004", "francoise@example.org", "2026-09-02T10:15:00+02:00"),
		strings.Replace(ok("21900012", "Karim"), "etudiant", "etudiante", 1),
		strings.Replace(ok("21900013", "Lou"), "valide", "validee", 1),
		strings.Replace(ok("21900014", "Mia"), "2026-09-02T10:15:00+02:00", "02/09/2026", 1),
		strings.Replace(ok("21900015", "Nina"), "2026-09-02T10:15:00+02:00", "", 1),
		strings.Replace(ok("21900016", "Omar"), ";2026;", ";26;", 1),
		";Moreau;Paul;09/09/1985;paul@example.org;personnel;;;;;;;;;;",
		"21900018;Moreau;Quentin;09/09/1985;quentin@example.org;personnel;;;;;;;;;;31/08/2029",
		student("21900019", "Martin", "Rose", "14/07/2030", "rose@example.org", "2026-09-02T10:15:00+02:00"),
		student("21900020", "Martin", "Sacha\x1b[31m", "14/07/2004", "sacha@example.org", "2026-09-02T10:15:00+02:00"),
		student("21900021", "李", "明", "14/07/2004", "ming@example.org", "2026-09-02T10:15:00+02:00"),
		strings.Replace(ok("21900022", "Tom"), "paye", "gratuit", 1),
		ok("21900023", "Ulysse"), // line 24
	}
	rep := importLines(t, s, lines...)
	want := map[int]string{
		3:  "ligne CSV mal formée : guillemets non fermés",
		4:  "ligne CSV mal formée : 15 champs au lieu de 16",
		5:  `date_naissance "31/02/2004" n'est pas une date réelle`,
		7:  `numero_etudiant "2190006" : 8 chiffres attendus`,
		8:  `email_personnel "gael.example.org" n'est pas une adresse`,
		9:  `email_personnel "Hélène <helene@example.org>" n'est pas une adresse`,
		10: "nom manquant",
		11: "prénom manquant",
		12: "pas en UTF-8",
		13: `categorie "etudiante" inconnue`,
		14: `statut_inscription "validee"`,
		15: `date_validation "02/09/2026" n'est pas une date RFC 3339`,
		16: "date_validation manquante pour une inscription valide",
		17: `annee "26" : 4 chiffres attendus`,
		18: "date_fin (obligatoire pour un personnel) manquante",
		19: "numero_etudiant donné pour un personnel",
		20: "date_naissance 14/07/2030 invraisemblable",
		21: "prénom avec des caractères de contrôle",
		22: "sans aucune lettre utilisable",
		23: `statut_paiement "gratuit"`,
	}
	if rep.Refused != len(want) || len(rep.Refusals) != len(want) {
		t.Errorf("%d refused, want %d: %v", rep.Refused, len(want), rep.Refusals)
	}
	for _, r := range rep.Refusals {
		reason, ok := want[r.Line]
		if !ok {
			t.Errorf("line %d refused: %s", r.Line, r.Reason)
			continue
		}
		if !strings.Contains(r.Reason, reason) {
			t.Errorf("line %d: %q, want it to say %q", r.Line, r.Reason, reason)
		}
		if !strings.HasPrefix(r.Error(), "ligne "+itoa(r.Line)+" : ") {
			t.Errorf("message %q does not start with the line", r.Error())
		}
	}
	if rep.Created != 3 {
		t.Fatalf("%d created, want the 3 good lines (Alice, Emma born 29/02/2004, Ulysse)", rep.Created)
	}
	for _, number := range []string{"21900001", "21900005", "21900023"} {
		var n int
		s.db.QueryRow(`SELECT COUNT(*) FROM people WHERE student_number = ?`, number).Scan(&n)
		if n != 1 {
			t.Errorf("%s not imported", number)
		}
	}
	var people int
	s.db.QueryRow(`SELECT COUNT(*) FROM people`).Scan(&people)
	if people != 3 {
		t.Fatalf("%d people in the store, want 3", people)
	}
}

// A file without its header, or without a required column, is refused
// before anything is written.
func TestImportRefusesAFileBeforeWritingAnything(t *testing.T) {
	t.Parallel()
	good := student("21901234", "Martin", "Camille", "14/07/2004", "camille.martin@example.org", "2026-09-02T10:15:00+02:00")
	for _, c := range []struct{ name, file, reason string }{
		{"no header", good + "\n" + good + "\n", "la ligne d'en-tête manque"},
		{"empty", "", "fichier vide"},
		{"blank", "\n\r\n  \n", "fichier vide"},
		{"missing column", strings.Replace(importHeader, ";date_validation", "", 1) +
			strings.Replace(good, ";2026-09-02T10:15:00+02:00", "", 1) + "\n", "colonnes obligatoires absentes : date_validation"},
		{"missing columns", "nom;prenom\nMartin;Camille\n", "colonnes obligatoires absentes : numero_etudiant, date_naissance"},
		{"twice a column", strings.Replace(importHeader, "regime", "nom", 1) + good + "\n", `colonne "nom" en double`},
		{"UTF-16", "\xff\xfen\x00o\x00m\x00", "UTF-16"},
		{"latin-1 header", "num\xe9ro;nom\n", "illisible"},
		// Windows-1252 throughout: the line without an accent is not let in alone.
		{"latin-1 file", importHeader + strings.ReplaceAll(good, "é", "\xe9") + "\n" +
			"21901235;Petit;Marie;01/03/2004;marie@example.org;etudiant;2026;SLINF1;;;;;valide;paye;2026-09-02T10:15:00+02:00;\n",
			"pas en UTF-8 (Latin-1, Windows-1252 ?)"},
	} {
		s, _ := openTest(t)
		before := dumpTables(t, s)
		rep, err := s.Import(ctx, strings.NewReader(c.file), testOrigin)
		var fe *FileError
		if !errors.As(err, &fe) || !strings.Contains(fe.Reason, c.reason) {
			t.Errorf("%s: %v (report %+v), want a file refusal saying %q", c.name, err, rep, c.reason)
		}
		if after := dumpTables(t, s); after != before {
			t.Errorf("%s: the refused file wrote to the store", c.name)
		}
	}
}

// A file cut short ends in the middle of a line, without a line end: its
// refusal says the file looks truncated; the same line with its line end
// is only malformed.
func TestImportSaysATruncatedFileIsTruncated(t *testing.T) {
	t.Parallel()
	good := student("21901234", "Martin", "Camille", "14/07/2004", "camille.martin@example.org", "2026-09-02T10:15:00+02:00")
	cut := student("21901235", "Petit", "Marie", "01/03/2004", "marie@example.org", "2026-09-02T10:15:00+02:00")
	cut = cut[:strings.Index(cut, ";Faculté")]
	for _, c := range []struct {
		end       string
		truncated bool
	}{{"", true}, {"\n", false}} {
		s, _ := openTest(t)
		rep, err := s.Import(ctx, strings.NewReader(importHeader+good+"\n"+cut+c.end), testOrigin)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Created != 1 || len(rep.Refusals) != 1 || rep.Refusals[0].Line != 3 ||
			!strings.Contains(rep.Refusals[0].Reason, "10 champs au lieu de 16") {
			t.Fatalf("end %q: %+v", c.end, rep)
		}
		if got := strings.Contains(rep.Refusals[0].Reason, "fichier tronqué ?"); got != c.truncated {
			t.Errorf("end %q: %q, truncated said %v, want %v", c.end, rep.Refusals[0].Reason, got, c.truncated)
		}
	}
}

func TestImportReportsUnknownColumnsOnce(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	header := strings.TrimSuffix(importHeader, "\n") + ";commentaire;Telephone;commentaire;\n"
	line := student("21901234", "Martin", "Camille", "14/07/2004", "camille.martin@example.org", "2026-09-02T10:15:00+02:00") +
		";rien;0467000000;encore;\n"
	rep, err := s.Import(ctx, strings.NewReader(header+line+strings.Replace(line, "21901234", "21901235", 1)), testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rep.Ignored, ",") != "commentaire,telephone,(sans nom, colonne 20)" {
		t.Fatalf("ignored %q", rep.Ignored)
	}
	if rep.Created != 2 || rep.Refused != 0 {
		t.Fatalf("report %+v", rep)
	}
}

// A realistic export: students with one or two registrations, a cancelled
// one, a homonym, staff.
func sampleExport() string {
	return importHeader + strings.Join([]string{
		student("21901234", "Martin", "Camille", "14/07/2004", "camille.martin@example.org", "2026-09-02T10:15:00+02:00"),
		student("22200001", "Petit", "Marie", "01/03/2004", "marie.petit@example.org", "2026-09-03T11:00:00+02:00"),
		student("22200002", "Petit", "Marie", "12/10/2003", "mpetit.2003@example.org", "2026-09-03T11:05:00+02:00"),
		"22107777;D'Alembert;Jean-Luc;16/11/2003;jl.dalembert@example.org;etudiant;2026;SMPHY1;Master 1 Physique;Master Physique;Faculté des Sciences;Formation initiale;valide;paye;2026-11-22T09:00:00+01:00;",
		"22107777;D'Alembert;Jean-Luc;16/11/2003;jl.dalembert@example.org;etudiant;2026;SDUAST;DU Astronomie;DU Astronomie;Faculté des Sciences;Formation continue;valide;en_attente;2026-11-22T09:30:00+01:00;",
		"21500042;Bernard;Paul;05/05/1999;paul.bernard@example.org;etudiant;2024;DMDPR2;Master 2 Droit privé;Master Droit privé;Faculté de Droit et de Science Politique;Formation initiale;valide;paye;2024-09-02T10:15:00+02:00;",
		"21700001;Roux;Léon;01/01/2001;leon.roux@example.org;etudiant;2026;SLMAT2;L2 Mathématiques;Licence Mathématiques;Faculté des Sciences;Formation initiale;annulee;en_attente;;",
		staff("Moreau", "Inès", "09/09/1985", "ines.moreau@example.org", "31/08/2029"),
		"21901234;Martin;Camille;14/07/2004;camille.martin@example.org;etudiant;2026;SLINF3;L3 Informatique;Licence Informatique;Faculté des Sciences;Formation initiale;annulee;paye;2026-09-02T10:15:00+02:00;",
		student("21900099", "Faux", "Numéro", "01/01/2004", "pas-une-adresse", "2026-09-02T10:15:00+02:00"),
	}, "\n") + "\n"
}

// Importing the same file twice creates nothing and changes nothing: not
// a row, not a mail, not an audit entry.
func TestImportTwiceChangesNothing(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	first, err := s.Import(ctx, strings.NewReader(sampleExport()), testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if first.Created != 9 || first.Refused != 1 || len(first.Accounts) != 6 {
		t.Fatalf("first import %+v", first)
	}
	before := dumpTables(t, s)
	clock.Advance(time.Hour) // a later run: "now" differs, nothing else does
	again, err := s.Import(ctx, strings.NewReader(sampleExport()), testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if again.Created != 0 || again.Updated != 0 || again.Unchanged != 9 || again.Refused != 1 || len(again.Accounts) != 0 {
		t.Fatalf("second import %+v", again)
	}
	if after := dumpTables(t, s); after != before {
		t.Fatalf("the second import changed the store")
	}
}

func TestImportCountsCreatedUpdatedUnchanged(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	importLines(t, s, camilleLine)
	rep := importLines(t, s,
		strings.Replace(camilleLine, "Licence 1 Informatique", "Licence 1 Informatique (parcours renforcé)", 1),   // updated
		strings.Replace(camilleLine, "SLINF1", "SDUAST", 1),                                                       // a second registration: created
		student("22004567", "Dubois", "Léa", "03/02/2005", "lea.dubois@example.org", "2026-11-25T09:55:00+01:00"), // created
		strings.Replace(camilleLine, "SLINF1", "SDUAST", 1),                                                       // the same again: unchanged
	)
	if rep.Created != 2 || rep.Updated != 1 || rep.Unchanged != 1 || rep.Refused != 0 {
		t.Fatalf("report %+v", rep)
	}
	if len(rep.Accounts) != 1 || rep.Accounts[0] != "lea.dubois@etu.umontpellier.fr" {
		t.Fatalf("accounts %v", rep.Accounts)
	}
}

// A line the store refuses (here a test trigger) is rolled back alone: its
// person is not half-written, the lines around it go in.
func TestImportLineRefusedByTheStoreIsRolledBackAlone(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	trigger := `CREATE TRIGGER boom BEFORE INSERT ON registrations WHEN NEW.code_etape = 'BOOM'
		BEGIN SELECT RAISE(ABORT, 'étape fermée'); END`
	if onPostgres() { // a constraint's error, as SQLite's RAISE(ABORT) is
		trigger = `CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN RAISE EXCEPTION 'étape fermée' USING ERRCODE = 'check_violation'; END $$;
		CREATE TRIGGER boom BEFORE INSERT ON registrations FOR EACH ROW WHEN (NEW.code_etape = 'BOOM')
		EXECUTE FUNCTION boom()`
	}
	if _, err := s.db.Exec(trigger); err != nil {
		t.Fatal(err)
	}
	rep := importLines(t, s, camilleLine,
		strings.Replace(student("22004567", "Dubois", "Léa", "03/02/2005", "lea.dubois@example.org", "2026-11-25T09:55:00+01:00"), "SLINF1", "BOOM", 1),
		student("22200001", "Petit", "Marie", "01/03/2004", "marie.petit@example.org", "2026-09-03T11:00:00+02:00"))
	if rep.Created != 2 || rep.Refused != 1 || rep.Refusals[0].Line != 3 || !strings.Contains(rep.Refusals[0].Reason, "étape fermée") {
		t.Fatalf("report %+v", rep)
	}
	var n int
	s.db.QueryRow(`SELECT COUNT(*) FROM people WHERE student_number = '22004567'`).Scan(&n)
	if n != 0 {
		t.Fatal("the refused line's person was written without its registration")
	}
}

// A store failure stops the import: the batches before it are whole in the
// store and counted, the failing batch left no trace, and the next run
// completes the file.
func TestImportStoppedByTheStoreLeavesNothingHalfWritten(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	export := universityExport(2500)
	lines := strings.Split(export, "\n")
	fields := strings.Split(lines[2100], ";") // file line 2101, in the second batch
	fields[7] = "FATAL"                       // code_etape
	lines[2100] = strings.Join(fields, ";")
	export = strings.Join(lines, "\n")
	// A trigger that fails at run time with an error that is not a constraint.
	trigger := `CREATE TRIGGER fatal BEFORE INSERT ON registrations WHEN NEW.code_etape = 'FATAL'
		BEGIN SELECT json('{'); END`
	if onPostgres() {
		trigger = `CREATE FUNCTION fatal() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN PERFORM '{'::json; RETURN NEW; END $$;
		CREATE TRIGGER fatal BEFORE INSERT ON registrations FOR EACH ROW WHEN (NEW.code_etape = 'FATAL')
		EXECUTE FUNCTION fatal()`
	}
	if _, err := s.db.Exec(trigger); err != nil {
		t.Fatal(err)
	}
	rep, err := s.Import(ctx, strings.NewReader(export), testOrigin)
	if err == nil || !strings.Contains(err.Error(), "ligne 2101") || !strings.Contains(err.Error(), "avant la ligne 2002") {
		t.Fatalf("import over a failing store: %v", err)
	}
	var regs, mails int
	s.db.QueryRow(`SELECT COUNT(*) FROM registrations`).Scan(&regs)
	s.db.QueryRow(`SELECT COUNT(*) FROM outbox`).Scan(&mails)
	if regs != 2000 || rep.Created+rep.Updated != 2000 || mails != len(rep.Accounts) {
		t.Fatalf("after the failure: %d registrations, report %d+%d, %d mails for %d accounts",
			regs, rep.Created, rep.Updated, mails, len(rep.Accounts))
	}
	drop := `DROP TRIGGER fatal`
	if onPostgres() {
		drop += ` ON registrations`
	}
	if _, err := s.db.Exec(drop); err != nil {
		t.Fatal(err)
	}
	rest, err := s.Import(ctx, strings.NewReader(export), testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if rest.Unchanged != 2000 || rest.Created+rest.Updated != 500 {
		t.Fatalf("the second run: %+v", rest)
	}
}

// The activation mail is sent when a valid registration gives rights now:
// not for an old year imported late, once for two registrations of one
// file, and again when someone who never activated registers anew.
func TestImportMailsActivationOnlyWhileRightsLast(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	rep, err := s.Import(ctx, strings.NewReader(sampleExport()), testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	mailsTo := func(to string) int {
		m, _ := s.Outbox(ctx, OutboxFilter{To: to})
		return len(m)
	}
	for to, want := range map[string]int{"camille.martin@example.org": 1, "jl.dalembert@example.org": 1,
		"paul.bernard@example.org": 0, "leon.roux@example.org": 0, "ines.moreau@example.org": 1,
		"marie.petit@example.org": 1, "mpetit.2003@example.org": 1} {
		if got := mailsTo(to); got != want {
			t.Errorf("%s: %d activation mails, want %d", to, got, want)
		}
	}
	if len(rep.Accounts) != 6 { // Léon's only registration is cancelled: no account
		t.Fatalf("accounts %v", rep.Accounts)
	}
	// Paul (rights ended 31/12/2025) registers for 2026/2027: his account,
	// never activated, gets its mail now.
	clock.Advance(time.Hour)
	importLines(t, s, "21500042;Bernard;Paul;05/05/1999;paul.bernard@example.org;etudiant;2026;DMDPR2;Master 2 Droit privé;Master Droit privé;Faculté de Droit et de Science Politique;Formation initiale;valide;paye;2026-11-25T11:10:00+01:00;")
	if mailsTo("paul.bernard@example.org") != 1 {
		t.Fatal("no activation mail for a new registration of a pending account")
	}
	m := lastMail(t, s, "paul.bernard@example.org")
	if !m.NotBefore.Equal(time.Date(2026, 11, 25, 11, 25, 0, 0, ParisLocation())) {
		t.Fatalf("due %v", m.NotBefore)
	}
	// Léon's registration becomes valid: account and mail.
	rep = importLines(t, s, "21700001;Roux;Léon;01/01/2001;leon.roux@example.org;etudiant;2026;SLMAT2;L2 Mathématiques;Licence Mathématiques;Faculté des Sciences;Formation initiale;valide;paye;2026-11-25T10:40:00+01:00;")
	if rep.Updated != 1 || len(rep.Accounts) != 1 || rep.Accounts[0] != "leon.roux@etu.umontpellier.fr" || mailsTo("leon.roux@example.org") != 1 {
		t.Fatalf("Léon validated: %+v, %d mails", rep, mailsTo("leon.roux@example.org"))
	}
}
