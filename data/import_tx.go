package data

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// execer is what writes in a transaction: a *sql.Tx, or an import batch's
// importTx (its statements prepared once for the batch).
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// insertID runs a one-row INSERT and gives the new row's id (RETURNING, in
// both dialects: PostgreSQL has no last insert id). The import's held rows
// are written later, many at once, and have none yet: 0 (it uses none).
func insertID(ctx context.Context, tx execer, query string, args ...any) (int64, error) {
	if it, ok := tx.(*importTx); ok && it.deferWrites {
		_, err := it.ExecContext(ctx, query, args...)
		return 0, err
	}
	var id int64
	err := tx.QueryRowContext(ctx, query+" RETURNING id", args...).Scan(&id)
	return id, err
}

// importTx is one import batch's transaction. Each statement the batch runs
// is prepared once and reused for its 2,000 lines; the audit chain's head,
// the identifiants taken and who is new are read once and then followed in
// memory (the transaction holds the write lock, nobody else moves them).
//
// When deferWrites is set, the rows of the tables a line only adds to
// (registrations, accounts, codes, outbox, audit) are held and written
// several lines at a time, one INSERT of many rows per table, in that
// order (each refers to the ones before it); a read flushes them first.
// A row written so has no id to give back: the import uses none.
type importTx struct {
	tx          *sql.Tx
	stmts       map[string]*sql.Stmt
	raw         *rawStmts // SQLite: the held rows' and new people's INSERTs, on the driver's connection (nil: through tx)
	postgres    bool
	deferWrites bool
	held        map[string]*heldRows // by INSERT statement
	heldLines   int                  // lines whose rows are held
	err         error                // held rows that could not be written
	// head is the last audit row (id, hash), once read.
	headID    int64
	headHash  string
	headKnown bool
	// taken holds, per identifiant base (marie.petit), the local parts
	// given to it and its homonyms (marie.petit2, ...), once read.
	taken map[string]map[string]bool
	// maybeStored holds the student numbers that may have a person in the
	// store: read once for the batch, then those this batch writes. A
	// number not in it has nobody yet: its line needs no lookup.
	maybeStored map[string]bool
	// created are the people this batch created, with the registrations
	// it gave them (regKey): nothing else of theirs is in the store.
	created map[int64]bool
	regs    map[regKey]bool
	// nextMail is the id the batch's next mail takes (SQLite, rows held:
	// the ids are given here, read once from the store, so that a new
	// person's code is written with its mail's id rather than linked to it
	// afterwards by the outbox's trigger, an UPDATE of the code and of its
	// index per line); 0 until read. reserved is the id reserveMailID gave
	// to the next mail.
	nextMail, reserved int64
	// pending are the accounts this batch created (pending, no need to
	// read their status) and issued those it gave a live activation code
	// (a second registration in the same file mails nobody again).
	pending, issued map[int64]bool
}

type regKey struct {
	person int64
	annee  int
	etape  string
}

func newImportTx(tx *sql.Tx, deferWrites, postgres bool) *importTx {
	t := &importTx{tx: tx, stmts: map[string]*sql.Stmt{}, postgres: postgres, deferWrites: deferWrites, held: map[string]*heldRows{},
		maybeStored: map[string]bool{}}
	t.forget()
	return t
}

// forget drops what is followed in memory: after a line's savepoint is
// rolled back, the store is read again.
func (t *importTx) forget() {
	t.headKnown = false
	t.taken = map[string]map[string]bool{}
	t.created, t.regs = map[int64]bool{}, map[regKey]bool{}
	t.pending, t.issued = map[int64]bool{}, map[int64]bool{}
}

// heldTables are the tables whose new rows may be held, in the order they
// are written.
var heldTables = []string{"registrations", "accounts", "codes", "outbox", "audit"}

// heldRows are the held rows of one INSERT INTO table(...) VALUES (?, ...).
type heldRows struct {
	insert string // the one-row statement
	row    string // its row of values: (?, ?, ...)
	table  int    // its index in heldTables
	cols   int
	args   []any
}

// importLinesPerInsert: held rows are written every so many lines.
const importLinesPerInsert = 64

// holdable says whether query is a one-row INSERT INTO table(...) VALUES
// (...) into a table whose rows may be held: its table's index, its row
// "(?, ?, 'pending', ...)" and how many values it takes.
func holdable(query string) (table int, row string, cols int, ok bool) {
	rest, found := strings.CutPrefix(query, "INSERT INTO ")
	name, _, _ := strings.Cut(rest, "(")
	i := strings.LastIndex(rest, "VALUES (")
	if !found || i < 0 || !strings.HasSuffix(rest, ")") {
		return 0, "", 0, false
	}
	row = rest[i+len("VALUES "):]
	if strings.ContainsAny(row[1:len(row)-1], "()") {
		return 0, "", 0, false
	}
	for i, t := range heldTables {
		if name == t {
			return i, row, strings.Count(row, "?"), true
		}
	}
	return 0, "", 0, false
}

// lineDone writes the held rows once enough lines hold some.
func (t *importTx) lineDone(ctx context.Context) error {
	if !t.deferWrites {
		return nil
	}
	if t.heldLines++; t.heldLines < importLinesPerInsert {
		return nil
	}
	return t.flush(ctx)
}

// flush writes the held rows, table by table in heldTables' order, in
// INSERTs of many rows.
func (t *importTx) flush(ctx context.Context) error {
	t.heldLines = 0
	for i := range heldTables {
		for _, h := range t.held {
			if h.table != i || len(h.args) == 0 {
				continue
			}
			for len(h.args) > 0 {
				// Rows by powers of two (64, 32, ... 1): a few statements,
				// each prepared once for the batch.
				n := 1
				for n*2 <= min(len(h.args)/h.cols, importLinesPerInsert) {
					n *= 2
				}
				query := h.insert + strings.Repeat(", "+h.row, n-1)
				if err := t.execHeld(ctx, query, h.args[:n*h.cols]); err != nil {
					return err
				}
				h.args = h.args[n*h.cols:]
			}
		}
	}
	return nil
}

// execHeld runs one INSERT of held rows.
func (t *importTx) execHeld(ctx context.Context, query string, args []any) error {
	if t.raw != nil {
		return t.raw.exec(query, args)
	}
	st, err := t.stmt(ctx, query)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(ctx, args...)
	return err
}

func (t *importTx) close() {
	for _, st := range t.stmts {
		st.Close()
	}
	if t.raw != nil {
		t.raw.close()
	}
}

func (t *importTx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	t.stmts[query] = st
	return st, nil
}

// heldResult is the result of a held row: one row, whose id is not known
// yet (0; the import's callers of insertCode and queueMail use none).
type heldResult struct{}

func (heldResult) LastInsertId() (int64, error) { return 0, nil }
func (heldResult) RowsAffected() (int64, error) { return 1, nil }

func (t *importTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if t.deferWrites {
		h, ok := t.held[query]
		if !ok {
			if table, row, cols, yes := holdable(query); yes {
				h = &heldRows{insert: query, row: row, table: table, cols: cols}
				t.held[query] = h
			}
		}
		if h != nil && len(args) == h.cols {
			h.args = append(h.args, args...)
			return heldResult{}, nil
		}
		if !strings.HasPrefix(query, "INSERT INTO people(") && !strings.HasPrefix(query, "UPDATE people ") {
			// People come first and read no other table: they need not wait.
			if err := t.flush(ctx); err != nil {
				return nil, err
			}
		}
	}
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (t *importTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if err := t.flush(ctx); err != nil {
		return nil, err
	}
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// QueryRowContext is Tx.QueryRowContext; if the held rows cannot be
// written, the error is kept in t.err (a Row cannot carry it).
func (t *importTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if err := t.flush(ctx); err != nil {
		t.err = err
	}
	st, err := t.stmt(ctx, query)
	if err != nil {
		return t.tx.QueryRowContext(ctx, query, args...) // the same error, in a Row
	}
	return st.QueryRowContext(ctx, args...)
}

// personRow reads people, which are written at once, never held: it need
// not write the held rows first.
func (t *importTx) personRow(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return t.tx.QueryRowContext(ctx, query, args...) // the same error, in a Row
	}
	return st.QueryRowContext(ctx, args...)
}

// insertPerson runs a person's INSERT and gives the new id. People are
// written at once, never held, and their INSERT writes none of the held
// rows first (a query would: the lines' rows would go one line at a time,
// not 64). On SQLite it is no query either: database/sql starts a goroutine
// per query of a transaction, to close its rows if the transaction ends.
func (t *importTx) insertPerson(ctx context.Context, query string, args ...any) (int64, error) {
	var id int64
	if t.postgres { // no last insert id
		err := t.personRow(ctx, query+" RETURNING id", args...).Scan(&id)
		return id, err
	}
	if t.raw != nil {
		res, err := t.raw.result(query, args)
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	}
	st, err := t.stmt(ctx, query)
	if err != nil {
		return 0, err
	}
	res, err := st.ExecContext(ctx, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// takeMailID gives the id of the mail being written: the one reserved for
// it, or the next one. 0: the store gives it (PostgreSQL, or a batch done
// line by line, whose savepoints may drop rows and their ids).
func (t *importTx) takeMailID(ctx context.Context) (int64, error) {
	if t.postgres || !t.deferWrites {
		return 0, nil
	}
	if id := t.reserved; id != 0 {
		t.reserved = 0
		return id, nil
	}
	if t.nextMail == 0 {
		// The outbox's ids are AUTOINCREMENT: never one given before,
		// even to a mail since withdrawn (sqlite_sequence keeps the highest).
		err := t.QueryRowContext(ctx, `SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0),
			COALESCE((SELECT MAX(id) FROM outbox), 0)) + 1`).Scan(&t.nextMail)
		if err != nil {
			return 0, err
		}
	}
	id := t.nextMail
	t.nextMail++
	return id, nil
}

// reserveMailID gives the id the next mail written will take, for a code
// written before it, when the person was created by this batch: then no
// other code of theirs can be left without its mail, which the outbox's
// trigger would link to this mail instead. 0: none reserved (the trigger
// links the code).
func (t *importTx) reserveMailID(ctx context.Context, personID int64) (int64, error) {
	t.reserved = 0
	if !t.created[personID] {
		return 0, nil
	}
	id, err := t.takeMailID(ctx)
	t.reserved = id
	return id, err
}

// readStudentNumbers notes which of the batch's student numbers have a
// person in the store, a few hundred in one query.
func (t *importTx) readStudentNumbers(ctx context.Context, lines []importLine) error {
	var numbers []any
	for _, l := range lines {
		if l.category == Student {
			numbers = append(numbers, l.studentNumber)
		}
	}
	for len(numbers) > 0 {
		chunk := numbers[:min(len(numbers), 500)]
		numbers = numbers[len(chunk):]
		rows, err := t.tx.QueryContext(ctx, `SELECT student_number FROM people WHERE student_number IN (?`+
			strings.Repeat(", ?", len(chunk)-1)+`)`, chunk...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				rows.Close()
				return err
			}
			t.maybeStored[n] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// audit writes e chained to the head followed in memory: one statement a
// row instead of two.
func (t *importTx) audit(ctx context.Context, s *Store, e AuditEntry) error {
	if !t.headKnown {
		id, prev, err := chainLink(ctx, t)
		if err != nil {
			return err
		}
		t.headID, t.headHash, t.headKnown = id-1, prev, true
	}
	id := t.headID + 1
	hash, err := insertAudit(ctx, t, id, t.headHash, s.auditEntry(e))
	if err != nil {
		t.headKnown = false
		return err
	}
	t.headID, t.headHash = id, hash
	return nil
}

// localPart gives the first free local part for base (base, base2, base3,
// ...; accounts are never deleted, so one once given is never given again)
// and counts it as taken. The store is read once per base and batch.
func (t *importTx) localPart(ctx context.Context, base string) (string, error) {
	taken, ok := t.taken[base]
	if !ok {
		var err error
		if taken, err = t.homonymsTaken(ctx, base); err != nil {
			return "", err
		}
		t.taken[base] = taken
	}
	for n := 1; ; n++ {
		if local := homonym(base, n); !taken[local] {
			taken[local] = true
			return local, nil
		}
	}
}

// homonymsTaken reads the local parts base and base followed by digits.
// One indexed range over local_part: every local part that starts with
// base and then a character below ':' ('-', '.', the digits), the others
// dropped here. (PostgreSQL: compare with COLLATE "C" for the same range.)
func (t *importTx) homonymsTaken(ctx context.Context, base string) (map[string]bool, error) {
	// Without writing the held rows first: the accounts they hold are in
	// t.taken for their base already.
	st, err := t.stmt(ctx, `SELECT local_part FROM accounts WHERE local_part >= ? AND local_part < ?`)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, base, base+":")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	taken := map[string]bool{}
	for rows.Next() {
		var local string
		if err := rows.Scan(&local); err != nil {
			return nil, err
		}
		if rest, ok := strings.CutPrefix(local, base); ok && allDigits(rest) {
			taken[local] = true
		}
	}
	return taken, rows.Err()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// importConn is the one connection an import writes on, set for it: a
// page cache that holds the indexes a batch touches and savepoint journals
// in memory (without them 60,000 lines write 8 GiB), and a checkpoint every
// few batches rather than after each (each copies the pages into the store
// and waits for two fsyncs), and one when the import ends.
type importConn struct {
	*sql.Conn
	postgres bool   // none of SQLite's settings, nothing kept between batches
	restore  string // SQLite: the connection's settings, given back at the end
	// What a committed batch followed in memory (identifiants taken, the
	// audit chain's head), for the next batch if nobody else wrote between.
	version  int64 // PRAGMA data_version when the last batch began
	kept     bool
	taken    map[string]map[string]bool
	headID   int64
	headHash string
	headOK   bool
}

// lend gives the batch it what the previous batch committed, when no other
// connection wrote since (the version SQLite counts for this connection is
// the same: its own commits do not move it). SQLite only: a PostgreSQL
// port reads the store in each batch instead (nothing kept).
func (c *importConn) lend(ctx context.Context, it *importTx) error {
	if c.postgres {
		return nil // nothing kept: each batch reads the store
	}
	var v int64
	if err := it.tx.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		return err
	}
	if c.kept && v == c.version {
		it.taken = c.taken
		it.headID, it.headHash, it.headKnown = c.headID, c.headHash, c.headOK
	}
	c.version, c.kept = v, false
	return nil
}

// keep takes what the batch it followed, if it was committed.
func (c *importConn) keep(it *importTx, committed bool) {
	if c.kept = committed && it != nil; c.kept {
		c.taken = it.taken
		c.headID, c.headHash, c.headOK = it.headID, it.headHash, it.headKnown
	}
}

func (s *Store) importConn(ctx context.Context) (*importConn, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if s.dialect == dialectPostgres {
		return &importConn{Conn: conn, postgres: true}, nil
	}
	var temp, cache, auto int
	err = conn.QueryRowContext(ctx, `PRAGMA temp_store`).Scan(&temp)
	if err == nil {
		err = conn.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&cache)
	}
	if err == nil {
		err = conn.QueryRowContext(ctx, `PRAGMA wal_autocheckpoint`).Scan(&auto)
	}
	if err == nil {
		_, err = conn.ExecContext(ctx, `PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = `+
			strconv.Itoa(importCheckpointPages))
	}
	if err != nil {
		conn.Close()
		return nil, err
	}
	return &importConn{Conn: conn, restore: fmt.Sprintf(`PRAGMA temp_store = %d; PRAGMA cache_size = %d; PRAGMA wal_autocheckpoint = %d`,
		temp, cache, auto)}, nil
}

// importCheckpointPages: the import's WAL is copied into the store when it
// passes this many pages (32 MiB; SQLite's default is 1,000, less than a
// batch), not after every batch. Not more: any other connection's commit
// (a kiosk's login) checkpoints the WAL too when it is past its 1,000.
const importCheckpointPages = 8192

// release checkpoints what the import wrote (the WAL file back to nothing
// when no reader holds it), gives the connection its settings back and
// returns it to the pool.
func (c *importConn) release() {
	ctx := context.Background()
	if !c.postgres {
		c.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
		c.ExecContext(ctx, c.restore)
	}
	c.Close()
}

// connTx is Store.tx on conn.
func (s *Store) connTx(ctx context.Context, conn *sql.Conn, fn func(*sql.Tx) error) error {
	return s.runTx(ctx, conn.BeginTx, fn)
}
