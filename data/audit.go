package data

import (
	"context"
	"database/sql"
	"strings"
	"time"
	"unicode/utf8"
)

// Event names what happened, in the audit log.
type Event string

const (
	EventLogin              Event = "LOGIN"
	EventLoginError         Event = "LOGIN_ERROR"
	EventLock               Event = "LOCK"
	EventUnlock             Event = "UNLOCK"
	EventSendCode           Event = "SEND_CODE"
	EventCodeError          Event = "CODE_ERROR"
	EventActivate           Event = "ACTIVATE"
	EventResetPassword      Event = "RESET_PASSWORD"
	EventUpdatePassword     Event = "UPDATE_PASSWORD"
	EventUpdateRecoveryMail Event = "UPDATE_RECOVERY_MAIL"
	EventUpdateRedirection  Event = "UPDATE_REDIRECTION"
	EventIALookup           Event = "IA_LOOKUP"
	EventIALookupError      Event = "IA_LOOKUP_ERROR"
	EventHelpdeskAction     Event = "HELPDESK_ACTION"
	EventImport             Event = "IMPORT"
	EventAccountCreated     Event = "ACCOUNT_CREATED"
	EventLogout             Event = "LOGOUT"
	EventRoleChange         Event = "ROLE_CHANGE"
	EventAcceptCharter      Event = "ACCEPT_CHARTER" // Detail: the version accepted
)

// AuditEntry is one line of the audit log. It never holds a password, a
// code, a token or a full address.
type AuditEntry struct {
	ID          int64
	At          time.Time
	Event       Event
	PersonID    int64
	Identifiant string
	Client      string
	Outcome     string // ok, refused, locked, ...
	Actor       string // the helpdesk agent's identifiant, for their actions
	// Info is the detail, its kind and arguments (audit_detail.go): what
	// the store writes and what the console says.
	Info AuditDetail
	// Detail is the detail as an English sentence: as stored for lines
	// written before migration 0013, made from Info for the others.
	// Nothing reads it back into arguments.
	Detail string
}

// Failed says the line records something refused, wrong or locked: the
// console marks it ✗ (a refused change of the mail de secours is no change).
func (e AuditEntry) Failed() bool {
	return problemEvents[e.Event] || strings.HasPrefix(e.Outcome, "refused") || failedOutcomes[e.Outcome]
}

// failedOutcomes are the outcomes the store writes when it said no.
var failedOutcomes = map[string]bool{"wrong": true, "wrong current password": true, "locked": true,
	"unknown": true, "unknown identifiant": true, "no match": true, "rights ended": true,
	"client blocked": true, "lookup locked": true}

// audit appends e to the audit log, in the caller's transaction. The log is
// append-only (triggers refuse UPDATE and DELETE). What someone typed as an
// identifiant that names no account is kept only if it has the shape of one:
// people type their password or their personal address in that field too.
func (s *Store) audit(ctx context.Context, tx *sql.Tx, e AuditEntry) error {
	e = s.auditEntry(e)
	id, prev, err := chainLink(ctx, tx)
	if err != nil {
		return err
	}
	_, err = insertAudit(ctx, tx, id, prev, e)
	return err
}

// auditEntry is e as it is written: its time (now when unset, as stored),
// an identifiant kept only when shaped like one, a clean client.
func (s *Store) auditEntry(e AuditEntry) AuditEntry {
	if e.At.IsZero() {
		e.At = s.cfg.Clock.Now()
	}
	if e.PersonID == 0 && e.Identifiant != "" && !s.identifiantShaped(e.Identifiant) {
		e.Identifiant = UnshownIdentifiant
	}
	e.Client = Clean(truncateBytes(e.Client, 300))
	// The time as stored, so that the hash covers exactly what is written.
	e.At = parseTime(fmtTime(e.At))
	return e
}

// insertAudit writes e as row id, chained to prev (the hash of row id-1),
// and says the hash it wrote.
func insertAudit(ctx context.Context, tx execer, id int64, prev string, e AuditEntry) (string, error) {
	var person any
	if e.PersonID != 0 {
		person = e.PersonID
	}
	args, err := e.Info.argsJSON()
	if err != nil {
		return "", err
	}
	if e.Info.Kind != "" {
		e.Detail = "" // the sentence is made from the arguments when read
	}
	e.ID = id
	hash := auditHash(prev, e, args)
	_, err = tx.ExecContext(ctx, `INSERT INTO audit(id, at, event, person_id, identifiant, client, outcome, actor, detail,
		kind, args, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, fmtTime(e.At), string(e.Event), person,
		e.Identifiant, e.Client, e.Outcome, e.Actor, e.Detail, string(e.Info.Kind), sql.NullString{String: args, Valid: e.Info.Kind != ""},
		hash)
	return hash, err
}

// AuditFilter selects audit entries; zero fields select everything.
type AuditFilter struct {
	PersonID    int64
	Identifiant string // full identifiant or local part; or a student number (8 digits): that person's lines
	Events      []Event
	Since       time.Time
	BeforeID    int64 // paging: entries listed after this one (older, or as old and written before)
	Limit       int   // default 100
}

// AuditLog lists audit entries, newest first (by time, then by the order
// written).
func (s *Store) AuditLog(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	var where []string
	var args []any
	if f.PersonID != 0 {
		where = append(where, "person_id = ?")
		args = append(args, f.PersonID)
	}
	if number, ok := auditStudentNumber(f.Identifiant); ok {
		where = append(where, "person_id IN (SELECT id FROM people WHERE student_number = ?)")
		args = append(args, number)
	} else if f.Identifiant != "" {
		// The local part alone (locks), the full identifiant, and the lines
		// that only carry the person (IA lookups): all indexed, no LIKE scan.
		local, _ := NormalizeLogin(f.Identifiant)
		where = append(where, "(identifiant = ? OR (identifiant >= ? AND identifiant < ?) OR "+
			"person_id IN (SELECT person_id FROM accounts WHERE local_part = ?))")
		args = append(args, local, local+"@", local+"A", local) // '@'+1 = 'A': the prefix range "local@…"
	}
	if len(f.Events) > 0 {
		col := "event"
		if f.PersonID != 0 || f.Identifiant != "" {
			// One person's lines are few: find them first, not every line
			// of the event (an expression keeps the planner off the event
			// index, in SQLite and PostgreSQL alike).
			col = "(event || '')"
		}
		where = append(where, col+" IN ("+strings.TrimSuffix(strings.Repeat("?,", len(f.Events)), ",")+")")
		for _, e := range f.Events {
			args = append(args, string(e))
		}
	}
	if !f.Since.IsZero() {
		where = append(where, "at >= ?")
		args = append(args, fmtTime(f.Since))
	}
	if f.BeforeID != 0 {
		// Older than that entry in the order listed: by time, then by the
		// order written (several lines share an instant: one transaction).
		where = append(where, "(at, id) < (SELECT at, id FROM audit WHERE id = ?)")
		args = append(args, f.BeforeID)
	}
	if f.Limit <= 0 {
		f.Limit = 100
	}
	q := `SELECT id, at, event, COALESCE(person_id, 0), identifiant, client, outcome, actor, detail, kind,
		COALESCE(args, '') FROM audit`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	// Newest first by time, then by the order written: the ids follow the
	// time only when every line is written at once with the clock read at
	// the moment (the demo writes past lines; two processes may read the
	// clock, then wait for the write lock in the other order).
	q += " ORDER BY at DESC, id DESC LIMIT ?"
	args = append(args, f.Limit)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at, kind, args string
		if err := rows.Scan(&e.ID, &at, &e.Event, &e.PersonID, &e.Identifiant, &e.Client, &e.Outcome, &e.Actor, &e.Detail,
			&kind, &args); err != nil {
			return nil, err
		}
		e.At = parseTime(at)
		e.Info, e.Detail = readDetail(e.Event, kind, args, e.Detail, s.cfg.Location)
		out = append(out, e)
	}
	return out, rows.Err()
}

// auditStudentNumber: an audit filter of 8 digits is a student number.
func auditStudentNumber(filter string) (string, bool) {
	number := strings.TrimSpace(filter)
	return number, len(number) == 8 && isDigits(number)
}

// AuditSubjectKnown says whether an audit filter's identifiant names
// someone: an account (full identifiant or local part) or a student
// number the store knows. The console uses it to say why a filter found
// nothing.
func (s *Store) AuditSubjectKnown(ctx context.Context, agent *Account, identifiant string) (bool, error) {
	if _, err := s.agentRow(ctx, s.db, agent); err != nil {
		return false, err
	}
	var n int
	var err error
	if number, ok := auditStudentNumber(identifiant); ok {
		err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM people WHERE student_number = ?`, number).Scan(&n)
	} else {
		local, domain := NormalizeLogin(identifiant)
		err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM accounts WHERE local_part = ? AND (? = '' OR identifiant = ?)`,
			local, domain, local+"@"+domain).Scan(&n)
	}
	return n > 0, err
}

// UnshownIdentifiant replaces, in the audit log, what was typed as an
// identifiant when it cannot be one (it may be a password or an address).
const UnshownIdentifiant = "(saisie non conforme)"

// identifiantShaped: a local part as LocalPart and homonym make them
// (letters and digits in words joined by '-', one '.'), with at most one of
// the university's domains after it.
func (s *Store) identifiantShaped(id string) bool {
	local, domain := id, ""
	if i := strings.IndexByte(id, '@'); i >= 0 {
		local, domain = id[:i], id[i+1:]
		if domain != s.cfg.StudentDomain && domain != s.cfg.StaffDomain {
			return false
		}
	}
	if len(local) == 0 || len(local) > MaxEmailLength || strings.Count(local, ".") != 1 {
		return false
	}
	for _, word := range strings.Split(local, ".") {
		if word == "" {
			return false
		}
		for _, part := range strings.Split(word, "-") {
			if part == "" {
				return false
			}
			for _, c := range []byte(part) {
				if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
					return false
				}
			}
		}
	}
	return true
}

// truncateBytes cuts s to at most n bytes, on a character boundary.
func truncateBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
