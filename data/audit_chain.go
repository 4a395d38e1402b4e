package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"strconv"
)

// The audit log is a hash chain: each row's hash is SHA-256 over the
// previous row's hash and the row's canonical content (id included), so
// that editing a row breaks its own hash and deleting one breaks the next
// row's link. It is computed in the transaction that inserts the row; every
// store transaction is BEGIN IMMEDIATE, so the write lock is held from the
// read of the last hash to the commit, and writers in several processes
// chain one after the other, never from the same previous row. Plain
// SHA-256, not an HMAC with the server secret: a copy can be verified
// without the secret, and the secret is in the same file anyway. An
// attacker who rewrites the whole chain after an edit is caught only
// against a head recorded elsewhere: --verify prints it for that.

// auditHash is the chain's hash of one row after prev; args is the row's
// args column as stored. Rows written before migration 0013 have no kind:
// their hash covers the fields they had, so that it still holds. The
// fields are length-prefixed, so a row with a kind never hashes like one
// without.
func auditHash(prev string, e AuditEntry, args string) string {
	h := sha256.New()
	field := func(s string) {
		// Length-prefixed: no two different rows give the same bytes.
		h.Write([]byte(strconv.Itoa(len(s))))
		h.Write([]byte{':'})
		h.Write([]byte(s))
	}
	field(prev)
	field(strconv.FormatInt(e.ID, 10))
	field(fmtTime(e.At))
	field(string(e.Event))
	person := ""
	if e.PersonID != 0 {
		person = strconv.FormatInt(e.PersonID, 10)
	}
	field(person)
	for _, s := range []string{e.Identifiant, e.Client, e.Outcome, e.Actor, e.Detail} {
		field(s)
	}
	if e.Info.Kind != "" {
		field(string(e.Info.Kind))
		field(args)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// chainLink is the id and hash of the row to write after the last one, in
// tx (which holds the write lock).
//
// Appends are serialised by the store's writing transaction (s.tx: SQLite's
// write lock, PostgreSQL's writer lock in serialiseWriter), so the head read
// here is still the head at the insert; were it not, the primary key would
// refuse a second row on the same head rather than fork the chain.
func chainLink(ctx context.Context, tx queryer) (id int64, prev string, err error) {
	err = tx.QueryRowContext(ctx, `SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1`).Scan(&id, &prev)
	if errors.Is(err, sql.ErrNoRows) {
		return 1, "", nil
	}
	return id + 1, prev, err
}

// AuditBreak is where the chain does not hold.
type AuditBreak struct {
	ID      int64  // the row whose hash does not follow
	At      string // its time, as stored
	Missing [2]int64
	// Missing: ids absent just before it (first, last; zero when none):
	// rows deleted. Otherwise the row itself was edited (or inserted).
}

// AuditChain is what VerifyAuditChain found.
type AuditChain struct {
	Entries   int // rows read
	Unchained int // rows written before the chain existed (the first ones)
	Breaks    []AuditBreak
	LastID    int64
	Head      string // the last row's hash: record it elsewhere to catch a rewritten chain
}

// VerifyAuditChain reads the whole audit log in the order written and
// checks every link. After a break it goes on from the row's stored hash,
// so that each edit or deletion is reported once, where it is.
func (s *Store) VerifyAuditChain(ctx context.Context) (AuditChain, error) {
	var c AuditChain
	rows, err := s.db.QueryContext(ctx, `SELECT id, at, event, person_id, identifiant, client, outcome, actor,
		detail, kind, args, hash FROM audit ORDER BY id`)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	prev, chained := "", false
	var lastID int64
	for rows.Next() {
		var e AuditEntry
		var at, hash string
		var person sql.NullInt64
		var args sql.NullString
		if err := rows.Scan(&e.ID, &at, &e.Event, &person, &e.Identifiant, &e.Client, &e.Outcome, &e.Actor,
			&e.Detail, &e.Info.Kind, &args, &hash); err != nil {
			return c, err
		}
		e.At, e.PersonID = parseTime(at), person.Int64
		c.Entries++
		if !chained && hash == "" {
			c.Unchained++
			lastID, prev = e.ID, ""
			continue
		}
		chained = true
		b := AuditBreak{ID: e.ID, At: at}
		if e.ID != lastID+1 && !(lastID == 0 && c.Unchained == 0 && e.ID == 1) {
			b.Missing = [2]int64{lastID + 1, e.ID - 1}
		}
		// fmtTime(parseTime(at)) must give at back: a time rewritten in
		// another form is an edit too.
		// A kind without args (or args without a kind) hashes apart from
		// what was written: an edit.
		if auditHash(prev, e, args.String) != hash || args.Valid != (e.Info.Kind != "") || fmtTime(e.At) != at || b.Missing[0] != 0 {
			c.Breaks = append(c.Breaks, b)
		}
		lastID, prev = e.ID, hash
	}
	c.LastID, c.Head = lastID, prev
	return c, rows.Err()
}
