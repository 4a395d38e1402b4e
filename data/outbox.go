package data

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"strings"
	"time"
)

// MailKind says why a mail was written.
type MailKind string

const (
	MailActivation         MailKind = "activation"
	MailReset              MailKind = "reset"
	MailConfirmRecovery    MailKind = "confirm_recovery"    // code to a new mail de secours
	MailConfirmRedirection MailKind = "confirm_redirection" // code to a new redirection address
	MailPasswordChanged    MailKind = "password_changed"
	MailRecoveryChanged    MailKind = "recovery_changed"
	MailRedirectionChanged MailKind = "redirection_changed"
)

// CodeMailKinds carry a code; they count for the per-account mail limit.
var CodeMailKinds = []MailKind{MailActivation, MailReset, MailConfirmRecovery, MailConfirmRedirection}

// Mail is one row of the outbox.
type Mail struct {
	ID        int64
	PersonID  int64
	Kind      MailKind
	Lang      string
	To        string
	Subject   string
	Body      string
	MessageID string
	CreatedAt time.Time
	NotBefore time.Time // not delivered before (activation mails: validation + 15 min)
	Status    string    // pending, sending, sent, failed
	Attempts  int
	NextTryAt time.Time
	SentAt    time.Time
	LastError string
}

// queueMail writes m to the outbox inside the caller's transaction, so that
// the mail exists if and only if the change that causes it does.
func (s *Store) queueMail(ctx context.Context, tx *sql.Tx, m Mail) (int64, error) {
	now := s.cfg.Clock.Now()
	if m.NotBefore.IsZero() || m.NotBefore.Before(now) {
		m.NotBefore = now
	}
	if m.MessageID == "" {
		m.MessageID = newMessageID()
	}
	var person any
	if m.PersonID != 0 {
		person = m.PersonID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO outbox(person_id, kind, lang, recipient, subject, body, message_id,
		created_at, not_before, next_try_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		person, string(m.Kind), m.Lang, m.To, m.Subject, m.Body, m.MessageID, fmtTime(now),
		fmtTime(m.NotBefore), fmtTime(m.NotBefore))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func newMessageID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return "<" + hex.EncodeToString(b) + "@entkiosk.umontpellier.fr>"
}

// OutboxFilter selects mails; zero fields select everything.
type OutboxFilter struct {
	To       string // recipient, case-insensitive
	PersonID int64
	DueOnly  bool // only mails whose not-before time has come (a demo mailbox)
	Limit    int
}

const mailColumns = `id, COALESCE(person_id, 0), kind, lang, recipient, subject, body, message_id, created_at,
	not_before, status, attempts, next_try_at, sent_at, last_error`

func scanMail(row rowScanner) (Mail, error) {
	var m Mail
	var created, notBefore, nextTry string
	var sent, lastErr sql.NullString
	err := row.Scan(&m.ID, &m.PersonID, &m.Kind, &m.Lang, &m.To, &m.Subject, &m.Body, &m.MessageID, &created,
		&notBefore, &m.Status, &m.Attempts, &nextTry, &sent, &lastErr)
	m.CreatedAt, m.NotBefore, m.NextTryAt = parseTime(created), parseTime(notBefore), parseTime(nextTry)
	m.SentAt, m.LastError = nullTime(sent), lastErr.String
	return m, err
}

// Outbox lists mails, newest first.
func (s *Store) Outbox(ctx context.Context, f OutboxFilter) ([]Mail, error) {
	var where []string
	var args []any
	if f.To != "" {
		where = append(where, "recipient = ? COLLATE NOCASE")
		args = append(args, strings.TrimSpace(f.To))
	}
	if f.PersonID != 0 {
		where = append(where, "person_id = ?")
		args = append(args, f.PersonID)
	}
	if f.DueOnly {
		where = append(where, "not_before <= ?")
		args = append(args, fmtTime(s.cfg.Clock.Now()))
	}
	q := `SELECT ` + mailColumns + ` FROM outbox`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY not_before DESC, id DESC"
	if f.Limit > 0 {
		q += " LIMIT ?"
		args = append(args, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Mail
	for rows.Next() {
		m, err := scanMail(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
