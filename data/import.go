package data

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// importBatch lines share one transaction, each line in its own savepoint:
// the write lock is held a short while at a time (kiosks keep working
// during a big import) and 60,000 lines are not 60,000 fsyncs.
const importBatch = 2000

// ImportReport says what an import did, line by line where it matters.
type ImportReport struct {
	Created, Updated, Unchanged, Refused int
	Accounts                             []string // identifiants created, in file order
	Refusals                             []LineError
	Ignored                              []string // unknown columns, reported once
}

func (r *ImportReport) add(o ImportReport) {
	r.Created += o.Created
	r.Updated += o.Updated
	r.Unchanged += o.Unchanged
	r.Refused += o.Refused
	r.Accounts = append(r.Accounts, o.Accounts...)
	r.Refusals = append(r.Refusals, o.Refusals...)
}

// Import reads a registration export and applies it. One bad line is
// reported and never stops the others; a file without its header or a
// required column is refused before anything is written. Importing the
// same file twice changes nothing. A store failure (disk full, ...) stops
// the import: the batches before it are in the store, whole, the rest is
// not, and running the import again completes it.
func (s *Store) Import(ctx context.Context, r io.Reader, o Origin) (*ImportReport, error) {
	content, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("import : lecture du fichier : %w", err)
	}
	now := s.cfg.Clock.Now()
	f, err := readExport(content, s.cfg.Location, now)
	if err != nil {
		return nil, err
	}
	report := &ImportReport{Ignored: f.ignored}
	var conn *importConn // taken for the first batch: a file without lines writes nothing
	defer func() {
		if conn != nil {
			conn.release()
		}
	}()
	flush := func(batch []importLine) error {
		if len(batch) == 0 {
			return nil
		}
		if conn == nil {
			var err error
			if conn, err = s.importConn(ctx); err != nil {
				return &ImportStopped{Line: batch[0].number, Err: err}
			}
		}
		part, err := s.importBatch(ctx, conn, batch, o, now)
		if err != nil {
			return &ImportStopped{Line: batch[0].number, Err: err}
		}
		report.add(part)
		return nil
	}
	// The next batch's lines are checked on another core while the store
	// writes this one.
	batches := make(chan parsedBatch, 1)
	stop := make(chan struct{})
	defer close(stop)
	go f.parseBatches(batches, stop)
	for b := range batches {
		report.Refused += len(b.refusals)
		report.Refusals = append(report.Refusals, b.refusals...)
		if err := flush(b.lines); err != nil {
			sortRefusals(report.Refusals)
			return report, err
		}
	}
	sortRefusals(report.Refusals)
	return report, nil
}

// ImportStopped: the import stopped at a batch (the store failed, or ctx
// ended: the operator's Ctrl+C, systemd's SIGTERM). The lines before Line
// are in the store, whole; Line and those after it are not.
type ImportStopped struct {
	Line int
	Err  error
}

func (e *ImportStopped) Error() string {
	return fmt.Sprintf("import interrompu (les lignes avant la ligne %d sont enregistrées, "+
		"les suivantes non ; relancez l'import, il ne refait pas ce qui est fait) : %v", e.Line, e.Err)
}

func (e *ImportStopped) Unwrap() error { return e.Err }

// parsedBatch is a batch's checked lines and the refused lines among them.
type parsedBatch struct {
	lines    []importLine
	refusals []LineError
}

// parseBatches checks the file's lines and sends them by batches of
// importBatch lines, until the file ends (then it closes out) or stop is
// closed (the import stopped).
func (f *exportFile) parseBatches(out chan<- parsedBatch, stop <-chan struct{}) {
	defer close(out)
	var b parsedBatch
	send := func() bool {
		select {
		case out <- b:
			b = parsedBatch{}
			return true
		case <-stop:
			return false
		}
	}
	for i := f.first; i < len(f.lines); i++ {
		if strings.TrimSpace(f.lines[i]) == "" {
			continue
		}
		line, refused := f.parse(i)
		if refused != nil {
			b.refusals = append(b.refusals, *refused)
			continue
		}
		b.lines = append(b.lines, line)
		if len(b.lines) >= importBatch && !send() {
			return
		}
	}
	if len(b.lines) > 0 || len(b.refusals) > 0 {
		send()
	}
}

func sortRefusals(r []LineError) {
	for i := 1; i < len(r); i++ {
		for j := i; j > 0 && r[j].Line < r[j-1].Line; j-- {
			r[j], r[j-1] = r[j-1], r[j]
		}
	}
}

// importBatch applies lines in one transaction. Lines have been checked
// (parse) and the store almost never refuses one, so the batch first runs
// without savepoints; if the store does refuse a line, that attempt is
// rolled back whole and the batch runs again with each line in its own
// savepoint, so that the refused line is rolled back alone. Its report
// counts only what was committed.
//
// The transaction and its statements run under a context that is never
// cancelled; ctx is checked between lines instead (cancelling it rolls the
// batch back): mattn/go-sqlite3 starts a goroutine per statement to watch
// a context that can be cancelled (250,000 of them in an import), and
// database/sql one per query of a transaction begun under one.
func (s *Store) importBatch(ctx context.Context, conn *importConn, lines []importLine, o Origin, now time.Time) (ImportReport, error) {
	part, err := s.importBatchTx(ctx, conn, lines, o, now, false)
	if errors.Is(err, errLineRefused) {
		part, err = s.importBatchTx(ctx, conn, lines, o, now, true)
	}
	return part, err
}

// errLineRefused ends a batch's attempt without savepoints when the store
// refuses a line (or fails on it): the batch is done again line by line,
// which finds the line and says what to do with it.
var errLineRefused = errors.New("import : ligne refusée par la base")

func (s *Store) importBatchTx(ctx context.Context, conn *importConn, lines []importLine, o Origin, now time.Time, savepoints bool) (ImportReport, error) {
	var part ImportReport
	outer := ctx
	ctx = context.WithoutCancel(ctx)
	var it *importTx
	err := s.connTx(ctx, conn.Conn, func(tx *sql.Tx) error {
		part = ImportReport{}
		it = newImportTx(tx, !savepoints, conn.postgres)
		if !savepoints && !conn.postgres {
			it.raw = newRawStmts(conn.Conn)
		}
		defer it.close()
		if err := conn.lend(ctx, it); err != nil {
			return err
		}
		if err := it.readStudentNumbers(ctx, lines); err != nil {
			return err
		}
		exec := func(q string) error {
			if !savepoints {
				return nil
			}
			_, err := it.ExecContext(ctx, q)
			return err
		}
		for _, l := range lines {
			if err := outer.Err(); err != nil {
				return err
			}
			if err := exec(`SAVEPOINT line`); err != nil {
				return err
			}
			outcome, created, err := s.importLine(ctx, it, l, o, now)
			if err == nil {
				err = cmp.Or(it.err, it.lineDone(ctx))
			}
			if err != nil && !savepoints {
				return errLineRefused // or a held row: the line is found line by line
			}
			if err != nil {
				refusal, ok := lineRefusal(l.number, err)
				if !ok {
					return fmt.Errorf("ligne %d : %w", l.number, err)
				}
				if err := exec(`ROLLBACK TO line`); err != nil {
					return err
				}
				if err := exec(`RELEASE line`); err != nil {
					return err
				}
				it.forget()
				part.Refused++
				part.Refusals = append(part.Refusals, refusal)
				continue
			}
			if err := exec(`RELEASE line`); err != nil {
				return err
			}
			switch outcome {
			case "created":
				part.Created++
			case "updated":
				part.Updated++
			default:
				part.Unchanged++
			}
			if created != "" {
				part.Accounts = append(part.Accounts, created)
			}
		}
		if err := it.flush(ctx); err != nil {
			return errLineRefused
		}
		return nil
	})
	conn.keep(it, err == nil)
	return part, err
}

// lineRefusal says whether err refuses one line (the line is wrong) rather
// than stopping the import (the store is wrong).
func lineRefusal(line int, err error) (LineError, bool) {
	var le *LineError
	if errors.As(err, &le) {
		return *le, true
	}
	if isConstraintError(err) {
		return LineError{Line: line, Reason: "refusée par la base (" + Clean(err.Error()) + ")"}, true
	}
	return LineError{}, false
}

// importLine applies one line: the person, the registration, and the
// account with its activation mail when a valid registration appears.
func (s *Store) importLine(ctx context.Context, tx *importTx, l importLine, o Origin, now time.Time) (outcome, created string, err error) {
	stamp := fmtTime(now)
	personID, personOutcome, err := s.upsertPerson(ctx, tx, l, stamp)
	if err != nil {
		return "", "", err
	}
	outcome = personOutcome
	newlyValid := false // staff: only at creation
	if l.category == Student {
		regOutcome, wasValid, err := s.upsertRegistration(ctx, tx, personID, l.reg, stamp)
		if err != nil {
			return "", "", err
		}
		if personOutcome == "unchanged" || regOutcome == "created" {
			outcome = regOutcome
		}
		newlyValid = l.reg.Valid() && !wasValid
	}
	status := ""
	if tx.pending[personID] {
		status = StatusPending
	} else if !tx.created[personID] { // created by this batch: no account unless pending
		err := tx.QueryRowContext(ctx, `SELECT status FROM accounts WHERE person_id = ?`, personID).Scan(&status)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return "", "", err
		}
	}
	validated := l.reg.ValidatedAt
	if validated.IsZero() {
		validated = now // staff without date_validation
	}
	switch {
	case status == "" && (l.category == Staff || l.reg.Valid()):
		acct, err := s.createAccount(ctx, tx, personID, l, validated, now)
		if err != nil {
			return "", "", err
		}
		mail, err := s.queueActivation(ctx, tx, acct, l, validated, now, o)
		if err != nil {
			return "", "", err
		}
		return outcome, acct.Identifiant, tx.audit(ctx, s, AuditEntry{Event: EventAccountCreated, PersonID: personID,
			Identifiant: acct.Identifiant, Client: o.Client, Outcome: "pending", Info: AccountCreatedDetail(validated, mail)})
	case status == StatusActive && s.cfg.Directory != nil && (newlyValid || (l.category == Staff && personOutcome == "updated")):
		// A réinscription (or a staff end date moved): the directory's
		// account state follows the new end of rights.
		acct, err := s.account(ctx, tx, `a.person_id = ?`, personID)
		if err != nil {
			return "", "", err
		}
		if end, ok := accountEndChange(acct); ok {
			return outcome, "", s.enqueueDirectory(ctx, tx.tx, acct, end)
		}
		return outcome, "", nil
	case status == StatusPending && newlyValid:
		// A new registration of someone who never activated: a fresh mail,
		// unless a code from this file or a recent one is still live.
		live := tx.issued[personID] // a code of this batch is live a day at least
		if !live {
			var err error
			if _, live, err = s.liveCode(ctx, tx, personID, PurposeActivation); err != nil {
				return "", "", err
			}
		}
		if live {
			return outcome, "", nil
		}
		acct, err := s.account(ctx, tx, `a.person_id = ?`, personID)
		if err != nil {
			return "", "", err
		}
		mail, err := s.queueActivation(ctx, tx, acct, l, validated, now, o)
		if err != nil {
			return "", "", err
		}
		return outcome, "", tx.audit(ctx, s, AuditEntry{Event: EventSendCode, PersonID: personID,
			Identifiant: acct.Identifiant, Client: o.Client, Outcome: "import",
			Info: NewRegistrationDetail(l.reg.AcademicYearLabel()+" "+l.reg.CodeEtape, mail)})
	}
	return outcome, "", nil
}

// queueActivation writes the activation mail of a line's validation, due
// at validation + 15 minutes, with a code valid 24 h from then, and says
// what it did for the audit log. Nothing is sent when the line's
// registration (or the staff end date) gives no rights any more: an old
// year imported late must not mail anyone.
func (s *Store) queueActivation(ctx context.Context, tx *importTx, a *Account, l importLine, validated, now time.Time,
	o Origin) (ImportMail, error) {
	end := l.staffEnd
	if l.category == Student {
		end = RightsEnd(Person{Category: Student}, []Registration{l.reg}, s.cfg.Location)
	}
	if !RightsActive(end, now) {
		return ImportMail{RightsEnd: end}, nil
	}
	due := validated.Add(ActivationDelay)
	if l.category == Staff {
		due = validated // a member of staff's account is ready at once
	}
	validFrom := due
	if validFrom.Before(now) {
		validFrom = now
	}
	mailID, err := tx.reserveMailID(ctx, a.Person.ID)
	if err != nil {
		return ImportMail{}, err
	}
	issued, err := s.insertMailedCode(ctx, tx, a.Person.ID, PurposeActivation, a.RecoveryEmail, true, now, validFrom, mailID)
	if err != nil {
		return ImportMail{}, err
	}
	tx.issued[a.Person.ID] = true
	// Nobody chose a language for a new account: the mail goes in both
	// (MailLang), whatever the language of whoever runs the import.
	if _, err := s.queueCodeMail(ctx, tx, a, PurposeActivation, a.RecoveryEmail, issued, due, a.MailLang()); err != nil {
		return ImportMail{}, err
	}
	return ImportMail{To: MaskEmail(a.RecoveryEmail), Due: FromMinute(due)}, nil // a "from": the first minute it may leave
}

func (s *Store) upsertPerson(ctx context.Context, tx *importTx, l importLine, now string) (int64, string, error) {
	var key string
	var row *sql.Row // nil: nobody has this student number yet
	if l.category == Student && tx.maybeStored[l.studentNumber] {
		row = tx.personRow(ctx, `SELECT id, nom, prenom, birth_date, category, personal_email, COALESCE(staff_end, '')
			FROM people WHERE student_number = ?`, l.studentNumber)
	} else if l.category != Student {
		key = staffKey(l.nom, l.prenom, l.birth)
		row = tx.personRow(ctx, `SELECT id, nom, prenom, birth_date, category, personal_email, COALESCE(staff_end, '')
			FROM people WHERE staff_key = ?`, key)
	}
	var id int64
	var nom, prenom, birth, cat, email, end string
	err := sql.ErrNoRows
	if row != nil {
		err = row.Scan(&id, &nom, &prenom, &birth, &cat, &email, &end)
	}
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
		id, err := tx.insertPerson(ctx, `INSERT INTO people(student_number, staff_key, nom, prenom, search_name, birth_date,
			category, personal_email, staff_end, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			number, skey, l.nom, l.prenom, search, l.birth.Format(dateLayout), string(l.category), l.email, sEnd, now, now)
		if err != nil {
			return 0, "", err
		}
		if l.category == Student {
			tx.maybeStored[l.studentNumber] = true
		}
		tx.created[id] = true
		return id, "created", nil
	}
	if err != nil {
		return 0, "", err
	}
	if nom == l.nom && prenom == l.prenom && birth == l.birth.Format(dateLayout) && email == l.email && end == staffEnd {
		return id, "unchanged", nil
	}
	var sEnd any
	if staffEnd != "" {
		sEnd = staffEnd
	}
	// The personal address of the export is the person's; the account's
	// mail de secours, once the account exists, is the person's to change.
	_, err = tx.ExecContext(ctx, `UPDATE people SET nom = ?, prenom = ?, search_name = ?, birth_date = ?, personal_email = ?,
		staff_end = ?, updated_at = ? WHERE id = ?`, l.nom, l.prenom, search, l.birth.Format(dateLayout), l.email, sEnd, now, id)
	return id, "updated", err
}

// staffKey identifies a member of staff across imports (the export has no
// staff number): names and birth date.
func staffKey(nom, prenom string, birth time.Time) string {
	return Fold(nom) + "|" + Fold(prenom) + "|" + birth.Format(dateLayout)
}

// upsertRegistration writes a registration; wasValid says whether it
// existed and was already valid (then no new activation mail is due). A
// person created by this batch has only the registrations it wrote.
func (s *Store) upsertRegistration(ctx context.Context, tx *importTx, personID int64, r Registration,
	now string) (outcome string, wasValid bool, err error) {
	validated := nullableTime(r.ValidatedAt)
	var old Registration
	var oldValidated sql.NullString
	key := regKey{personID, r.Annee, r.CodeEtape}
	err = sql.ErrNoRows
	if !tx.created[personID] || tx.regs[key] {
		err = tx.QueryRowContext(ctx, `SELECT id, libelle_etape, diplome, composante, regime, statut, paiement, validated_at
		FROM registrations WHERE person_id = ? AND annee = ? AND code_etape = ?`, personID, r.Annee, r.CodeEtape).Scan(
			&old.ID, &old.LibelleEtape, &old.Diplome, &old.Composante, &old.Regime, &old.Statut, &old.Paiement, &oldValidated)
	}
	if errors.Is(err, sql.ErrNoRows) {
		_, err := tx.ExecContext(ctx, `INSERT INTO registrations(person_id, annee, code_etape, libelle_etape, diplome,
			composante, regime, statut, paiement, validated_at, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, personID, r.Annee, r.CodeEtape, r.LibelleEtape, r.Diplome,
			r.Composante, r.Regime, r.Statut, r.Paiement, validated, now, now)
		tx.regs[key] = true
		return "created", false, err
	}
	if err != nil {
		return "", false, err
	}
	wasValid = old.Valid()
	sameTime := (!oldValidated.Valid && r.ValidatedAt.IsZero()) || nullTime(oldValidated).Equal(r.ValidatedAt)
	if old.LibelleEtape == r.LibelleEtape && old.Diplome == r.Diplome && old.Composante == r.Composante &&
		old.Regime == r.Regime && old.Statut == r.Statut && old.Paiement == r.Paiement && sameTime {
		return "unchanged", wasValid, nil
	}
	_, err = tx.ExecContext(ctx, `UPDATE registrations SET libelle_etape = ?, diplome = ?, composante = ?, regime = ?,
		statut = ?, paiement = ?, validated_at = ?, updated_at = ? WHERE id = ?`, r.LibelleEtape, r.Diplome, r.Composante,
		r.Regime, r.Statut, r.Paiement, validated, now, old.ID)
	return "updated", wasValid, err
}

// createAccount gives a person their identifiant (homonyms numbered:
// marie.petit, marie.petit2, ...) and a pending account. Accounts are never
// deleted, so an identifiant once given is never given again.
func (s *Store) createAccount(ctx context.Context, tx *importTx, personID int64, l importLine, validated, now time.Time) (*Account, error) {
	domain := s.cfg.StudentDomain
	if l.category == Staff {
		domain = s.cfg.StaffDomain
	}
	local, err := tx.localPart(ctx, LocalPart(l.prenom, l.nom))
	if err != nil {
		return nil, err
	}
	ident := local + "@" + domain
	if _, err := tx.ExecContext(ctx, `INSERT INTO accounts(person_id, local_part, identifiant, status, recovery_email,
		validated_at, created_at) VALUES (?, ?, ?, 'pending', ?, ?, ?)`, personID, local, ident, l.email,
		fmtTime(validated), fmtTime(now)); err != nil {
		return nil, err
	}
	tx.pending[personID] = true
	return &Account{Person: Person{ID: personID, Nom: l.nom, Prenom: l.prenom, Category: l.category}, Identifiant: ident, LocalPart: local,
		Status: StatusPending, RecoveryEmail: l.email, ValidatedAt: validated, Lang: "fr"}, nil
}
