package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// CopyTables are the store's tables in the order a copy writes them: each
// after the tables it references (people before registrations, accounts
// and outbox; accounts before codes and directory_queue), and outbox before
// codes, so that the trigger linking a new code mail to its code finds no
// code to change and every codes.mail_id arrives as it was. A migration
// that adds a table adds it here (TestCopyTablesAreTheSchema).
var CopyTables = []string{
	"settings", "decoy_masks", "people", "registrations", "accounts", "outbox", "codes",
	"throttle_failures", "throttle_locks", "audit", "directory_queue",
}

// TableCount is how many rows a table had in the source and has in the
// copy, checked equal.
type TableCount struct {
	Table string
	Rows  int64
}

// NotEmptyError: the target of a copy already holds something.
type NotEmptyError struct {
	Table string
	Rows  int64
}

func (e *NotEmptyError) Error() string {
	return fmt.Sprintf("la base cible n'est pas vide (table %s : %d ligne(s)) ; la copie ne se fait que vers "+
		"une base neuve, pour ne rien mêler ni écraser", e.Table, e.Rows)
}

// CopyTo copies every row of s into dst, an empty store on the same schema
// version (both opened with Open, so both are migrated): one transaction
// on each side, s read in one snapshot (on SQLite its write lock, so that
// nothing is written meanwhile), dst written in one transaction that
// commits only once every table's count is checked equal to the source's.
// Ids are kept, and the ids still to come continue from where the source
// was (PostgreSQL sequences, SQLite's AUTOINCREMENT counters). The server
// secret comes with the settings, replacing the one dst made when it was
// opened: the code hashes and decoy masks are keyed by it. dst must be
// closed after the copy (it holds its own secret in memory).
func (s *Store) CopyTo(ctx context.Context, dst *Store) ([]TableCount, error) {
	src, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("base source : %w", err)
	}
	defer src.Rollback()
	tx, err := dst.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("base cible : %w", err)
	}
	defer tx.Rollback()
	pg := dst.dialect == dialectPostgres
	if pg {
		// Two copies at once onto one database would both see it empty.
		if _, err := tx.ExecContext(ctx, `LOCK TABLE people IN EXCLUSIVE MODE`); err != nil {
			return nil, fmt.Errorf("base cible : %w", err)
		}
	}
	if err := checkEmpty(ctx, tx); err != nil {
		return nil, err
	}
	seqs, err := sourceSequences(ctx, src, s.dialect == dialectSQLite)
	if err != nil {
		return nil, err
	}
	var counts []TableCount
	for _, table := range CopyTables {
		n, err := copyTable(ctx, src, tx, table, pg)
		if err != nil {
			return nil, fmt.Errorf("table %s : %w", table, err)
		}
		var want, got int64
		if err := src.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table).Scan(&want); err != nil {
			return nil, fmt.Errorf("table %s : %w", table, err)
		}
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table).Scan(&got); err != nil {
			return nil, fmt.Errorf("table %s : %w", table, err)
		}
		if n != want || got != want {
			return nil, fmt.Errorf("table %s : %d ligne(s) dans la source, %d copiée(s), %d dans la cible : rien n'est gardé", table, want, n, got)
		}
		if err := continueIDs(ctx, tx, table, seqs[table], pg); err != nil {
			return nil, fmt.Errorf("table %s : compteur des identifiants : %w", table, err)
		}
		counts = append(counts, TableCount{Table: table, Rows: got})
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("base cible : validation de la copie : %w", err)
	}
	return counts, nil
}

// checkEmpty refuses a target with any row but the secret its opening made.
func checkEmpty(ctx context.Context, tx *sql.Tx) error {
	for _, table := range CopyTables {
		q := `SELECT COUNT(*) FROM ` + table
		if table == "settings" {
			q += ` WHERE name <> 'secret'`
		}
		var n int64
		if err := tx.QueryRowContext(ctx, q).Scan(&n); err != nil {
			return fmt.Errorf("base cible : table %s : %w", table, err)
		}
		if n > 0 {
			return &NotEmptyError{Table: table, Rows: n}
		}
	}
	return nil
}

// sourceSequences reads SQLite's AUTOINCREMENT counters: an id once given
// (to a mail since cleaned away) is never given again, in the copy either.
func sourceSequences(ctx context.Context, src *sql.Tx, sqlite bool) (map[string]int64, error) {
	seqs := map[string]int64{}
	if !sqlite {
		return seqs, nil
	}
	rows, err := src.QueryContext(ctx, `SELECT name, seq FROM sqlite_sequence`)
	if err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return seqs, nil
		}
		return nil, fmt.Errorf("base source : %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var seq int64
		if err := rows.Scan(&name, &seq); err != nil {
			return nil, err
		}
		seqs[name] = seq
	}
	return seqs, rows.Err()
}

// columns are a table's column names, as a query of it gives them.
func columns(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, table string) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT * FROM `+table+` LIMIT 0`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return rows.Columns()
}

// copyTable copies one table's rows in id order (rowid for the tables
// without one), in multi-row INSERTs, and says how many it wrote.
func copyTable(ctx context.Context, src, dst *sql.Tx, table string, pg bool) (int64, error) {
	cols, err := columns(ctx, dst, table)
	if err != nil {
		return 0, err
	}
	srcCols, err := columns(ctx, src, table)
	if err != nil {
		return 0, err
	}
	if !sameSet(cols, srcCols) {
		return 0, fmt.Errorf("colonnes différentes (source %s ; cible %s) : les deux bases ne sont pas au même niveau de schéma",
			strings.Join(srcCols, ", "), strings.Join(cols, ", "))
	}
	if table == "settings" {
		// The secret the target made when it was opened gives way to the source's.
		if _, err := dst.ExecContext(ctx, `DELETE FROM settings`); err != nil {
			return 0, err
		}
	}
	if pg && table == "audit" {
		// Rows written before the chain existed (a store of entkiosk v1)
		// have no hash: the trigger that refuses such rows from writers
		// lets the copy keep them as they were, within this transaction
		// only (the entkiosk role owns the table).
		if _, err := dst.ExecContext(ctx, `ALTER TABLE audit DISABLE TRIGGER audit_chained`); err != nil {
			return 0, err
		}
		defer dst.ExecContext(ctx, `ALTER TABLE audit ENABLE TRIGGER audit_chained`)
	}
	order := "rowid"
	if hasName(cols, "id") {
		order = "id"
	} else if pgKey, ok := naturalKey[table]; ok {
		order = pgKey
	}
	rows, err := src.QueryContext(ctx, `SELECT `+strings.Join(cols, ", ")+` FROM `+table+` ORDER BY `+order)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	insert := `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `)`
	if pg && hasName(cols, "id") {
		insert += ` OVERRIDING SYSTEM VALUE` // the source's ids, even into an identity column
	}
	insert += ` VALUES `
	perStmt := max(1, 20000/len(cols))
	var n int64
	var batch []any
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		rowsIn := len(batch) / len(cols)
		var sb strings.Builder
		sb.WriteString(insert)
		p := 0
		for r := 0; r < rowsIn; r++ {
			if r > 0 {
				sb.WriteString(", ")
			}
			sb.WriteByte('(')
			for c := range cols {
				if c > 0 {
					sb.WriteString(", ")
				}
				p++
				if pg {
					fmt.Fprintf(&sb, "$%d", p)
				} else {
					sb.WriteByte('?')
				}
			}
			sb.WriteByte(')')
		}
		res, err := dst.ExecContext(ctx, sb.String(), batch...)
		if err != nil {
			return err
		}
		if k, err := res.RowsAffected(); err == nil && k != int64(rowsIn) {
			return fmt.Errorf("%d ligne(s) écrite(s) sur %d", k, rowsIn)
		}
		n += int64(rowsIn)
		batch = batch[:0]
		return nil
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, err
		}
		for _, v := range vals {
			if b, ok := v.([]byte); ok && table != "settings" {
				v = string(b) // a TEXT column read as bytes stays text
			}
			batch = append(batch, v)
		}
		if len(batch)/len(cols) >= perStmt {
			if err := flush(); err != nil {
				return n, err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	return n, flush()
}

// naturalKey orders the tables without an id (and without a rowid on
// PostgreSQL) so that a copy of a copy writes rows in the same order.
var naturalKey = map[string]string{
	"settings": "name", "decoy_masks": "key", "accounts": "person_id",
	"throttle_locks": "scope, key", "throttle_failures": "scope, key, at",
}

// continueIDs makes the next id of table follow its last one, or the
// source's counter when that is further (ids of rows since deleted).
func continueIDs(ctx context.Context, tx *sql.Tx, table string, sourceSeq int64, pg bool) error {
	cols, err := columns(ctx, tx, table)
	if err != nil || !hasName(cols, "id") {
		return err
	}
	var maxID sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT MAX(id) FROM `+table).Scan(&maxID); err != nil {
		return err
	}
	last := max(maxID.Int64, sourceSeq)
	if pg {
		// setval of no sequence (a table whose ids are not generated) is NULL, not an error.
		if last == 0 {
			_, err = tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence($1, 'id'), 1, false)`, table)
		} else {
			_, err = tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence($1, 'id'), $2, true)`, table, last)
		}
		return err
	}
	if last == 0 {
		return nil
	}
	// Only the AUTOINCREMENT tables have a counter; the others take MAX(id)+1 anyway.
	var auto int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ? AND sql LIKE '%AUTOINCREMENT%'`,
		table).Scan(&auto); err != nil {
		return err
	}
	if auto == 0 {
		return nil
	}
	res, err := tx.ExecContext(ctx, `UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?`, last, table)
	if err != nil {
		return err
	}
	if k, _ := res.RowsAffected(); k == 0 {
		_, err = tx.ExecContext(ctx, `INSERT INTO sqlite_sequence(name, seq) VALUES (?, ?)`, table, last)
	}
	return err
}

func hasName(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !hasName(b, x) {
			return false
		}
	}
	return true
}
