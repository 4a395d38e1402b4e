package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// importColumns are the columns of the registration export (DESIGN §5);
// required ones must be in the header or the file is refused.
var importColumns = []struct {
	name     string
	required bool
}{
	{"numero_etudiant", true}, {"nom", true}, {"prenom", true}, {"date_naissance", true},
	{"email_personnel", true}, {"categorie", true}, {"annee", true}, {"code_etape", true},
	{"libelle_etape", false}, {"diplome", false}, {"composante", false}, {"regime", false},
	{"statut_inscription", true}, {"statut_paiement", true}, {"date_validation", true}, {"date_fin", false},
}

// MaxNameLength bounds names from the export.
const MaxNameLength = 100

// importBatch lines share one transaction (each line in its own savepoint),
// so that the write lock is held briefly and a big file is not 60,000 fsyncs.
const importBatch = 500

// ImportReport says what an import did, line by line where it matters.
type ImportReport struct {
	Created, Updated, Unchanged, Refused int
	Accounts                             []string // identifiants created, in file order
	Refusals                             []LineError
	Ignored                              []string // unknown columns, reported once
}

// LineError is a refused line and why, in words for the operator.
type LineError struct {
	Line   int
	Reason string
}

func (e LineError) Error() string { return fmt.Sprintf("ligne %d : %s", e.Line, e.Reason) }

// FileError refuses a whole file before anything is written.
type FileError struct{ Reason string }

func (e *FileError) Error() string { return "fichier refusé : " + e.Reason }

// importLine is one valid line of the export.
type importLine struct {
	number        int
	studentNumber string
	nom, prenom   string
	birth         time.Time
	email         string
	category      Category
	reg           Registration
	staffEnd      time.Time
}

// Import reads a registration export and applies it. One bad line is
// reported and never stops the others; a file without its header or a
// required column is refused before anything is written. Importing the
// same file twice changes nothing.
func (s *Store) Import(ctx context.Context, r io.Reader, o Origin) (*ImportReport, error) {
	content, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	content = bytes.TrimPrefix(content, []byte("\xef\xbb\xbf"))
	lines := splitLines(content)
	header, headerLine := "", 0
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			header, headerLine = l, i+1
			break
		}
	}
	if header == "" {
		return nil, &FileError{"fichier vide, la ligne d'en-tête manque"}
	}
	sep := ';'
	if strings.Count(header, ",") > strings.Count(header, ";") {
		sep = ','
	}
	names, err := splitFields(header, sep)
	if err != nil || !utf8.ValidString(header) {
		return nil, &FileError{"ligne d'en-tête illisible"}
	}
	report := &ImportReport{}
	index, err := columnIndex(names, report)
	if err != nil {
		return nil, err
	}

	var batch []importLine
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := s.importBatch(ctx, batch, report, o)
		batch = batch[:0]
		return err
	}
	for i := headerLine; i < len(lines); i++ {
		raw := lines[i]
		if strings.TrimSpace(raw) == "" {
			continue
		}
		line, lerr := parseImportLine(raw, i+1, sep, names, index, s.cfg.Location)
		if lerr != nil {
			report.Refused++
			report.Refusals = append(report.Refusals, *lerr)
			continue
		}
		batch = append(batch, line)
		if len(batch) >= importBatch {
			if err := flush(); err != nil {
				return report, err
			}
		}
	}
	if err := flush(); err != nil {
		return report, err
	}
	sortRefusals(report.Refusals)
	return report, nil
}

func sortRefusals(r []LineError) {
	for i := 1; i < len(r); i++ {
		for j := i; j > 0 && r[j].Line < r[j-1].Line; j-- {
			r[j], r[j-1] = r[j-1], r[j]
		}
	}
}

// splitLines splits on \n, dropping a \r before it.
func splitLines(b []byte) []string {
	raw := strings.Split(string(b), "\n")
	for i, l := range raw {
		raw[i] = strings.TrimSuffix(l, "\r")
	}
	return raw
}

// splitFields splits one CSV line: fields may be quoted ("a;b", "say ""hi""").
func splitFields(line string, sep rune) ([]string, error) {
	var fields []string
	var b strings.Builder
	inQuotes, quoted := false, false
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		switch {
		case inQuotes && r == '"':
			if i+1 < len(line) && line[i+1] == '"' {
				b.WriteByte('"')
				i += 2
				continue
			}
			inQuotes = false
		case inQuotes:
			b.WriteString(line[i : i+size])
		case r == '"' && strings.TrimSpace(b.String()) == "" && !quoted:
			b.Reset()
			inQuotes, quoted = true, true
		case r == '"':
			return nil, errors.New("guillemet isolé dans un champ")
		case r == sep:
			fields = append(fields, b.String())
			b.Reset()
			quoted = false
		default:
			if quoted && !isSpace(r) {
				return nil, errors.New("texte après un champ entre guillemets")
			}
			b.WriteString(line[i : i+size])
		}
		i += size
	}
	if inQuotes {
		return nil, errors.New("guillemets non fermés")
	}
	return append(fields, b.String()), nil
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' }

func columnIndex(names []string, report *ImportReport) (map[string]int, error) {
	index := map[string]int{}
	known := map[string]bool{}
	for _, c := range importColumns {
		known[c.name] = true
	}
	for i, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		if _, dup := index[n]; dup && known[n] {
			return nil, &FileError{fmt.Sprintf("colonne %q en double", n)}
		}
		if !known[n] {
			report.Ignored = append(report.Ignored, Clean(n))
			continue
		}
		index[n] = i
	}
	var missing []string
	for _, c := range importColumns {
		if _, ok := index[c.name]; c.required && !ok {
			missing = append(missing, c.name)
		}
	}
	if len(index) == 0 {
		return nil, &FileError{"la ligne d'en-tête manque (première ligne : noms des colonnes)"}
	}
	if len(missing) > 0 {
		return nil, &FileError{"colonnes obligatoires absentes : " + strings.Join(missing, ", ")}
	}
	return index, nil
}

// parseImportLine checks one line; every problem is said in the operator's words.
func parseImportLine(raw string, number int, sep rune, names []string, index map[string]int,
	loc *time.Location) (importLine, *LineError) {
	refuse := func(format string, args ...any) (importLine, *LineError) {
		return importLine{}, &LineError{Line: number, Reason: fmt.Sprintf(format, args...)}
	}
	if !utf8.ValidString(raw) {
		return refuse("texte qui n'est pas en UTF-8 (enregistrez le fichier en UTF-8)")
	}
	fields, err := splitFields(raw, sep)
	if err != nil {
		return refuse("ligne CSV mal formée : %v", err)
	}
	if len(fields) != len(names) {
		return refuse("%d champs au lieu de %d", len(fields), len(names))
	}
	get := func(col string) string {
		if i, ok := index[col]; ok {
			return strings.TrimSpace(fields[i])
		}
		return ""
	}
	l := importLine{number: number}
	switch get("categorie") {
	case "etudiant":
		l.category = Student
	case "personnel":
		l.category = Staff
	case "":
		return refuse("categorie manquante (etudiant ou personnel)")
	default:
		return refuse("categorie %q inconnue (etudiant ou personnel)", Clean(get("categorie")))
	}
	for _, c := range []struct{ col, label string }{{"nom", "nom"}, {"prenom", "prénom"}} {
		v := get(c.col)
		switch {
		case v == "":
			return refuse("%s manquant", c.label)
		case utf8.RuneCountInString(v) > MaxNameLength:
			return refuse("%s trop long (plus de %d caractères)", c.label, MaxNameLength)
		case Clean(v) != v:
			return refuse("%s avec des caractères de contrôle", c.label)
		}
	}
	l.nom, l.prenom = get("nom"), get("prenom")
	if LocalPart(l.prenom, l.nom) == "" {
		return refuse("nom ou prénom sans aucune lettre utilisable pour l'identifiant")
	}
	birth, err := parseDMY(get("date_naissance"), loc)
	if err != nil {
		return refuse("date_naissance %v", err)
	}
	if birth.Year() < 1900 || birth.After(time.Now()) {
		return refuse("date_naissance %s invraisemblable", get("date_naissance"))
	}
	l.birth = birth
	if l.email, err = ParseEmail(get("email_personnel")); err != nil {
		return refuse("email_personnel %q n'est pas une adresse (%s)", Clean(get("email_personnel")),
			err.(*InvalidEmailError).Reason)
	}
	if l.category == Staff {
		if get("numero_etudiant") != "" {
			return refuse("numero_etudiant donné pour un personnel")
		}
		if l.staffEnd, err = parseDMY(get("date_fin"), loc); err != nil {
			return refuse("date_fin (obligatoire pour un personnel) %v", err)
		}
		if v := get("date_validation"); v != "" {
			if l.reg.ValidatedAt, err = time.Parse(time.RFC3339, v); err != nil {
				return refuse("date_validation %q n'est pas une date RFC 3339 (2026-09-02T10:15:00+02:00)", Clean(v))
			}
		}
		return l, nil
	}
	l.studentNumber = get("numero_etudiant")
	if !IsStudentNumber(l.studentNumber) {
		return refuse("numero_etudiant %q : 8 chiffres attendus", Clean(l.studentNumber))
	}
	annee := get("annee")
	year, err := strconv.Atoi(annee)
	if len(annee) != 4 || err != nil || year < 1970 || year > 2200 {
		return refuse("annee %q : 4 chiffres attendus (2026 pour 2026/2027)", Clean(annee))
	}
	l.reg = Registration{Annee: year, CodeEtape: get("code_etape"), LibelleEtape: get("libelle_etape"),
		Diplome: get("diplome"), Composante: get("composante"), Regime: get("regime"),
		Statut: get("statut_inscription"), Paiement: get("statut_paiement")}
	if l.reg.CodeEtape == "" {
		return refuse("code_etape manquant")
	}
	for _, v := range []string{l.reg.CodeEtape, l.reg.LibelleEtape, l.reg.Diplome, l.reg.Composante, l.reg.Regime} {
		if Clean(v) != v || utf8.RuneCountInString(v) > 200 {
			return refuse("texte d'inscription trop long ou avec des caractères de contrôle")
		}
	}
	if l.reg.Statut != "valide" && l.reg.Statut != "annulee" {
		return refuse("statut_inscription %q : valide ou annulee attendu", Clean(l.reg.Statut))
	}
	if l.reg.Paiement != "paye" && l.reg.Paiement != "en_attente" {
		return refuse("statut_paiement %q : paye ou en_attente attendu", Clean(l.reg.Paiement))
	}
	if v := get("date_validation"); v != "" {
		if l.reg.ValidatedAt, err = time.Parse(time.RFC3339, v); err != nil {
			return refuse("date_validation %q n'est pas une date RFC 3339 (2026-09-02T10:15:00+02:00)", Clean(v))
		}
	} else if l.reg.Statut == "valide" {
		return refuse("date_validation manquante pour une inscription valide")
	}
	return l, nil
}

// parseDMY reads jj/mm/aaaa, refusing dates that do not exist (31/02).
func parseDMY(s string, loc *time.Location) (time.Time, error) {
	if s == "" {
		return time.Time{}, errors.New("manquante (jj/mm/aaaa)")
	}
	t, err := time.ParseInLocation("02/01/2006", s, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q n'est pas une date réelle au format jj/mm/aaaa", Clean(s))
	}
	return t, nil
}

// importBatch applies lines in one transaction, each in a savepoint so that
// a line that fails in the store is refused alone.
func (s *Store) importBatch(ctx context.Context, lines []importLine, report *ImportReport, o Origin) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		for _, l := range lines {
			if _, err := tx.ExecContext(ctx, `SAVEPOINT line`); err != nil {
				return err
			}
			outcome, created, err := s.importLine(ctx, tx, l, o)
			if err != nil {
				if _, rerr := tx.ExecContext(ctx, `ROLLBACK TO line; RELEASE line`); rerr != nil {
					return rerr
				}
				var le *LineError
				if !errors.As(err, &le) {
					return fmt.Errorf("import line %d: %w", l.number, err)
				}
				report.Refused++
				report.Refusals = append(report.Refusals, *le)
				continue
			}
			if _, err := tx.ExecContext(ctx, `RELEASE line`); err != nil {
				return err
			}
			switch outcome {
			case "created":
				report.Created++
			case "updated":
				report.Updated++
			default:
				report.Unchanged++
			}
			if created != "" {
				report.Accounts = append(report.Accounts, created)
			}
		}
		return nil
	})
}

// importLine applies one line: the person, the registration, and the
// account with its activation mail when a first valid registration appears.
func (s *Store) importLine(ctx context.Context, tx *sql.Tx, l importLine, o Origin) (outcome, created string, err error) {
	now := fmtTime(s.cfg.Clock.Now())
	personID, personOutcome, err := s.upsertPerson(ctx, tx, l, now)
	if err != nil {
		return "", "", err
	}
	outcome = personOutcome
	if l.category == Student {
		regOutcome, err := s.upsertRegistration(ctx, tx, personID, l.reg, now)
		if err != nil {
			return "", "", err
		}
		if personOutcome == "unchanged" || regOutcome == "created" {
			outcome = regOutcome
		}
	}
	var exists int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM accounts WHERE person_id = ?`, personID).Scan(&exists); err != nil {
		return "", "", err
	}
	validated := l.reg.ValidatedAt
	if exists == 0 && (l.category == Staff || l.reg.Statut == "valide") {
		if validated.IsZero() {
			validated = s.cfg.Clock.Now()
		}
		ident, err := s.createAccount(ctx, tx, personID, l, validated, o)
		if err != nil {
			return "", "", err
		}
		created = ident
	}
	return outcome, created, nil
}

func (s *Store) upsertPerson(ctx context.Context, tx *sql.Tx, l importLine, now string) (int64, string, error) {
	var key string
	var row *sql.Row
	if l.category == Student {
		row = tx.QueryRowContext(ctx, `SELECT id, nom, prenom, birth_date, category, personal_email, COALESCE(staff_end, '')
			FROM people WHERE student_number = ?`, l.studentNumber)
	} else {
		key = Fold(l.nom) + "|" + Fold(l.prenom) + "|" + l.birth.Format(dateLayout)
		row = tx.QueryRowContext(ctx, `SELECT id, nom, prenom, birth_date, category, personal_email, COALESCE(staff_end, '')
			FROM people WHERE staff_key = ?`, key)
	}
	var id int64
	var nom, prenom, birth, cat, email, end string
	err := row.Scan(&id, &nom, &prenom, &birth, &cat, &email, &end)
	staffEnd := ""
	if !l.staffEnd.IsZero() {
		staffEnd = l.staffEnd.Format(dateLayout)
	}
	search := Fold(l.prenom + " " + l.nom)
	if errors.Is(err, sql.ErrNoRows) {
		var number, skey, sEnd any
		if l.category == Student {
			number = l.studentNumber
		} else {
			skey, sEnd = key, staffEnd
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO people(student_number, staff_key, nom, prenom, search_name, birth_date,
			category, personal_email, staff_end, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			number, skey, l.nom, l.prenom, search, l.birth.Format(dateLayout), string(l.category), l.email, sEnd, now, now)
		if err != nil {
			return 0, "", err
		}
		id, _ = res.LastInsertId()
		return id, "created", nil
	}
	if err != nil {
		return 0, "", err
	}
	if cat != string(l.category) {
		return 0, "", &LineError{Line: l.number, Reason: fmt.Sprintf("numéro déjà connu comme %s", cat)}
	}
	if nom == l.nom && prenom == l.prenom && birth == l.birth.Format(dateLayout) && email == l.email && end == staffEnd {
		return id, "unchanged", nil
	}
	var sEnd any
	if staffEnd != "" {
		sEnd = staffEnd
	}
	_, err = tx.ExecContext(ctx, `UPDATE people SET nom = ?, prenom = ?, search_name = ?, birth_date = ?, personal_email = ?,
		staff_end = ?, updated_at = ? WHERE id = ?`, l.nom, l.prenom, search, l.birth.Format(dateLayout), l.email, sEnd, now, id)
	return id, "updated", err
}

func (s *Store) upsertRegistration(ctx context.Context, tx *sql.Tx, personID int64, r Registration, now string) (string, error) {
	validated := nullableTime(r.ValidatedAt)
	var old Registration
	var oldValidated sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT id, libelle_etape, diplome, composante, regime, statut, paiement, validated_at
		FROM registrations WHERE person_id = ? AND annee = ? AND code_etape = ?`, personID, r.Annee, r.CodeEtape).Scan(
		&old.ID, &old.LibelleEtape, &old.Diplome, &old.Composante, &old.Regime, &old.Statut, &old.Paiement, &oldValidated)
	if errors.Is(err, sql.ErrNoRows) {
		_, err := tx.ExecContext(ctx, `INSERT INTO registrations(person_id, annee, code_etape, libelle_etape, diplome,
			composante, regime, statut, paiement, validated_at, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, personID, r.Annee, r.CodeEtape, r.LibelleEtape, r.Diplome,
			r.Composante, r.Regime, r.Statut, r.Paiement, validated, now, now)
		return "created", err
	}
	if err != nil {
		return "", err
	}
	sameTime := (!oldValidated.Valid && r.ValidatedAt.IsZero()) || nullTime(oldValidated).Equal(r.ValidatedAt)
	if old.LibelleEtape == r.LibelleEtape && old.Diplome == r.Diplome && old.Composante == r.Composante &&
		old.Regime == r.Regime && old.Statut == r.Statut && old.Paiement == r.Paiement && sameTime {
		return "unchanged", nil
	}
	_, err = tx.ExecContext(ctx, `UPDATE registrations SET libelle_etape = ?, diplome = ?, composante = ?, regime = ?,
		statut = ?, paiement = ?, validated_at = ?, updated_at = ? WHERE id = ?`, r.LibelleEtape, r.Diplome, r.Composante,
		r.Regime, r.Statut, r.Paiement, validated, now, old.ID)
	return "updated", err
}

// createAccount gives a person their identifiant (homonyms numbered) and a
// pending account, and queues the activation mail for validation + 15 min.
func (s *Store) createAccount(ctx context.Context, tx *sql.Tx, personID int64, l importLine, validated time.Time, o Origin) (string, error) {
	base := LocalPart(l.prenom, l.nom)
	domain := s.cfg.StudentDomain
	if l.category == Staff {
		domain = s.cfg.StaffDomain
	}
	var local string
	for n := 1; ; n++ {
		local = homonym(base, n)
		var taken int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM accounts WHERE local_part = ?`, local).Scan(&taken); err != nil {
			return "", err
		}
		if taken == 0 {
			break
		}
	}
	ident := local + "@" + domain
	now := s.cfg.Clock.Now()
	if _, err := tx.ExecContext(ctx, `INSERT INTO accounts(person_id, local_part, identifiant, status, recovery_email,
		validated_at, created_at) VALUES (?, ?, ?, 'pending', ?, ?, ?)`, personID, local, ident, l.email,
		fmtTime(validated), fmtTime(now)); err != nil {
		return "", err
	}
	due := validated.Add(ActivationDelay)
	validFrom := due
	if validFrom.Before(now) {
		validFrom = now
	}
	issued, err := s.issueCode(ctx, tx, personID, PurposeActivation, l.email, true, validFrom)
	if err != nil {
		return "", err
	}
	acct := &Account{Person: Person{ID: personID, Nom: l.nom, Prenom: l.prenom}, Identifiant: ident}
	if _, err := s.queueCodeMail(ctx, tx, acct, PurposeActivation, l.email, issued, due, o.lang()); err != nil {
		return "", err
	}
	if err := s.audit(ctx, tx, AuditEntry{Event: EventAccountCreated, PersonID: personID, Identifiant: ident,
		Client: o.Client, Outcome: "pending", Detail: "activation mail due " + fmtTime(due)}); err != nil {
		return "", err
	}
	return ident, nil
}
