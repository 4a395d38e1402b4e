package data

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
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
	// « 1ère connexion » asked for an account that cannot be activated: the
	// screen answers as for any identifiant, the mail tells the owner.
	MailAlreadyActive MailKind = "already_active" // the account is active: log in, or « Problème de connexion »
	MailRightsEnded   MailKind = "rights_ended"   // the rights ended on a date
)

// MailKinds lists every kind, in the order the helpdesk explains them.
var MailKinds = []MailKind{MailActivation, MailReset, MailConfirmRecovery, MailConfirmRedirection,
	MailPasswordChanged, MailRecoveryChanged, MailRedirectionChanged, MailAlreadyActive, MailRightsEnded}

// CodeMailKinds carry a code; they count for the per-account mail limit,
// with the answers to « 1ère connexion » that stand for an activation code
// (requestMailKinds).
var CodeMailKinds = []MailKind{MailActivation, MailReset, MailConfirmRecovery, MailConfirmRedirection}

// requestMailKinds are the mails anyone may cause by typing an identifiant
// (« 1ère connexion », « mot de passe oublié »): one wait after any of them
// holds for all, as it does for an identifiant without an account, whose
// requests are counted together (scopeDecoyMail).
var requestMailKinds = []MailKind{MailActivation, MailReset, MailAlreadyActive, MailRightsEnded}

// awaitedMailKinds are the mails a person waits for once they asked (a
// code, or the notice sent in its place): queued from a screen or by the
// helpdesk, they go before the others (the outbox's column waiting). The
// import's activation mails are not (nobody has asked yet), nor the
// « changed » notices (nobody waits for them to go on).
var awaitedMailKinds = []MailKind{MailActivation, MailReset, MailConfirmRecovery, MailConfirmRedirection,
	MailAlreadyActive, MailRightsEnded}

// Delivery status of a mail. Without SMTP every mail stays pending (or is
// cancelled): the outbox is then the mailbox (entkiosk outbox, the demo
// mailbox).
const (
	MailPending   = "pending"   // waiting for its time, or for a retry after a temporary failure
	MailSending   = "sending"   // claimed by a sender (until its lease runs out)
	MailSent      = "sent"      // accepted by the SMTP relay
	MailFailed    = "failed"    // refused for good (5xx) or given up: LastError says why
	MailCancelled = "cancelled" // a code mail whose code stopped working before any sender took it
)

// Why a code mail was cancelled (Mail.CancelWhy): its code was used, or
// revoked for one of these reasons (the code's revoked_why).
const (
	CancelUsed       = "used"                    // the code was used (read from the outbox: the demo mailbox, entkiosk outbox)
	CancelSuperseded = "superseded"              // a newer code of the same purpose was sent ("Renvoyer", the helpdesk)
	CancelFailures   = "failures"                // 5 wrong entries revoked the code
	CancelCorrected  = "recovery mail corrected" // the address it went to is no longer the mail de secours
)

// Mail is one row of the outbox.
type Mail struct {
	ID        int64
	PersonID  int64
	Kind      MailKind
	Lang      string
	To        string
	Subject   string
	Body      string // the code and link are masked once delivered by SMTP
	MessageID string // stable: a retry after a crash repeats it, so duplicates can be recognised
	CreatedAt time.Time
	NotBefore time.Time // not delivered before (activation mails: validation + 15 min)
	Status    string    // MailPending, MailSending, MailSent, MailFailed, MailCancelled
	Attempts  int       // SMTP attempts so far
	NextTryAt time.Time // pending: the next attempt; sending: the end of the claim
	LastTryAt time.Time
	SentAt    time.Time
	LastError string // the last failure, addresses masked
	Relay     string // the relay's answer on acceptance (its queue id)
	// Cancelled mails: when, and why (CancelUsed, CancelSuperseded, ...).
	CancelledAt time.Time
	CancelWhy   string

	args string // what the mail is written from, until it is delivered (mailargs.go)
}

// queueMail writes m to the outbox inside the caller's transaction, so that
// the mail exists if and only if the change that causes it does.
func (s *Store) queueMail(ctx context.Context, tx execer, m Mail) (int64, error) {
	now := s.cfg.Clock.Now()
	if m.NotBefore.IsZero() || m.NotBefore.Before(now) {
		m.NotBefore = now
	}
	if m.MessageID == "" {
		m.MessageID = newMessageID(s.cfg.StaffDomain, now)
	}
	var person any
	if m.PersonID != 0 {
		person = m.PersonID
	}
	var args any
	if m.args != "" {
		args = m.args
	}
	it, imported := tx.(*importTx)
	if imported { // an import batch may give the id itself (takeMailID)
		id, err := it.takeMailID(ctx)
		if err != nil {
			return 0, err
		}
		if id != 0 {
			_, err := it.ExecContext(ctx, `INSERT INTO outbox(id, person_id, kind, lang, recipient, subject, body, args,
				message_id, created_at, not_before, next_try_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				id, person, string(m.Kind), m.Lang, m.To, m.Subject, m.Body, args, m.MessageID, fmtTime(now),
				fmtTime(m.NotBefore), fmtTime(m.NotBefore))
			return id, err
		}
	}
	waiting := 0
	if !imported && slices.Contains(awaitedMailKinds, m.Kind) {
		waiting = 1
	}
	return insertID(ctx, tx, `INSERT INTO outbox(person_id, kind, lang, recipient, subject, body, args, message_id,
		created_at, not_before, next_try_at, waiting) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		person, string(m.Kind), m.Lang, m.To, m.Subject, m.Body, args, m.MessageID, fmtTime(now),
		fmtTime(m.NotBefore), fmtTime(m.NotBefore), waiting)
}

// newMessageID begins with the time (milliseconds) and this process's
// count of mails, so that the outbox's UNIQUE index on it grows at its
// end: drawn at random, an import's 60,000 mails landed all over that
// index and each batch's commit rewrote most of its pages. 64 random bits
// after them keep two processes apart; 32 characters in all, as before (a
// header line stays under 78).
func newMessageID(domain string, now time.Time) string {
	b := make([]byte, 8)
	rand.Read(b)
	return fmt.Sprintf("<%011x%05x%s@entkiosk.%s>", now.UnixMilli()&0xfffffffffff, messageCount.Add(1)&0xfffff,
		hex.EncodeToString(b), domain)
}

var messageCount atomic.Uint64

// OutboxFilter selects mails; zero fields select everything.
type OutboxFilter struct {
	To       string // recipient, case-insensitive
	PersonID int64  // one person's mails (the helpdesk timeline)
	Status   string // MailPending, MailSending, MailSent, MailFailed or MailCancelled
	DueOnly  bool   // only mails whose not-before time has come (a demo mailbox)
	Limit    int
}

const mailColumns = `id, COALESCE(person_id, 0), kind, lang, recipient, subject, body, message_id, created_at,
	not_before, status, attempts, next_try_at, last_try_at, sent_at, last_error, relay_reply, cancelled_at,
	COALESCE(cancel_why, ''), COALESCE(args, '')`

// scanMail reads a row of mailColumns; a mail stored as its args is
// written here, as it will be sent.
func (s *Store) scanMail(row rowScanner) (Mail, error) {
	var m Mail
	var created, notBefore, nextTry string
	var lastTry, sent, lastErr, relay, cancelled sql.NullString
	err := row.Scan(&m.ID, &m.PersonID, &m.Kind, &m.Lang, &m.To, &m.Subject, &m.Body, &m.MessageID, &created,
		&notBefore, &m.Status, &m.Attempts, &nextTry, &lastTry, &sent, &lastErr, &relay, &cancelled, &m.CancelWhy, &m.args)
	if err != nil {
		return m, err
	}
	m.CreatedAt, m.NotBefore, m.NextTryAt = parseTime(created), parseTime(notBefore), parseTime(nextTry)
	m.LastTryAt, m.SentAt, m.CancelledAt = nullTime(lastTry), nullTime(sent), nullTime(cancelled)
	m.LastError, m.Relay = lastErr.String, relay.String
	if m.args != "" {
		err = s.renderArgs(&m, m.args)
	}
	return m, err
}

// Outbox lists mails, newest first. The helpdesk reads a person's mails,
// with their delivery status, as Outbox(ctx, OutboxFilter{PersonID: id}).
func (s *Store) Outbox(ctx context.Context, f OutboxFilter) ([]Mail, error) {
	var where []string
	var args []any
	if f.To != "" {
		// lower() on both sides: SQLite's NOCASE and PostgreSQL alike
		// (addresses are ASCII).
		where = append(where, "lower(recipient) = lower(?)")
		args = append(args, strings.TrimSpace(f.To))
	}
	if f.PersonID != 0 {
		where = append(where, "person_id = ?")
		args = append(args, f.PersonID)
	}
	if f.Status != "" {
		where = append(where, "status = ?")
		args = append(args, f.Status)
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
		m, err := s.scanMail(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// OutboxCounts is how many mails are in each status (for `entkiosk outbox`
// and monitoring: failed mails need a look).
func (s *Store) OutboxCounts(ctx context.Context) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT status, COUNT(*) FROM outbox GROUP BY status`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var status string
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			return nil, err
		}
		out[status] = n
	}
	return out, rows.Err()
}
