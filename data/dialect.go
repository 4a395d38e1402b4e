package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	sqlite3 "github.com/mattn/go-sqlite3"
)

// The store speaks two dialects of SQL: SQLite (a file: the default, the
// demo) and PostgreSQL (a URL: several servers on one store). The rules are
// written once, in the SQL both accept ("?" placeholders, rebound for
// PostgreSQL in store_pg.go; ON CONFLICT; RETURNING; times as UTC text).
// What differs is only here, in store_pg.go and in the migrations' folders:
// how a store is opened, checked and its errors said, where its schema
// version is kept, and how writing transactions are serialised.
type dialect int

const (
	dialectSQLite dialect = iota
	dialectPostgres
)

// migrationDir holds the dialect's migrations: the same numbers, the same
// schema, each written in its SQL.
func (d dialect) migrationDir() string {
	if d == dialectPostgres {
		return "migrations/postgres"
	}
	return "migrations/sqlite"
}

// migrationNames lists the dialect's migrations in order.
func (d dialect) migrationNames() ([]string, error) {
	names, err := fs.Glob(migrationFiles, d.migrationDir()+"/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	return names, nil
}

// Advisory locks (pg_advisory_xact_lock(kind, store)) of PostgreSQL stores:
// the kind is one of entkiosk's own numbers, the store the hash of its
// schema, so that two stores in two schemas of one database (the tests',
// a test university's beside the real one) never wait for each other.
const (
	pgWriterLock  = 0x656e7401 // "ent" 1: every writing transaction
	pgMigrateLock = 0x656e7402 // "ent" 2: a migration step
)

const pgLock = `SELECT pg_advisory_xact_lock(?, hashtext(current_schema()))`

// serialiseWriter makes a transaction the store's only writer until it ends.
//
// SQLite does it itself: _txlock=immediate takes the write lock at BEGIN, so
// every rule that reads then writes (a throttling counter and its lock, a
// code's failures and its single use, the audit chain's head, a mail's or a
// directory change's claim) sees no other writer between its read and its
// write. On PostgreSQL a transaction-level advisory lock gives the same
// guarantee to every process on every host, so the rules stay the ones
// written and tested for SQLite; it is released at commit or rollback, and
// a server killed mid-transaction releases it with its connection. Reads
// outside s.tx take no lock, and see every committed write at once (READ
// COMMITTED): the helpdesk on one server sees the other server's changes.
func (s *Store) serialiseWriter(ctx context.Context, tx *sql.Tx) error {
	if s.dialect != dialectPostgres {
		return nil
	}
	_, err := tx.ExecContext(ctx, pgLock, pgWriterLock)
	return err
}

// beginMigration starts a migration step: on PostgreSQL, two servers
// starting at once take the step in turn (the second then finds it done),
// and the version table is created by the first.
func (s *Store) beginMigration(tx *sql.Tx) error {
	if s.dialect != dialectPostgres {
		return nil
	}
	if _, err := tx.Exec(pgLock, pgMigrateLock); err != nil {
		return err
	}
	_, err := tx.Exec(`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
		INSERT INTO schema_version SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM schema_version)`)
	return err
}

// schemaVersion is the number of the last migration applied: SQLite keeps it
// in the file's header (PRAGMA user_version, as every version of entkiosk
// did), PostgreSQL in a one-row table.
func (s *Store) schemaVersion(q interface {
	QueryRow(string, ...any) *sql.Row
}) (int, error) {
	var v int
	if s.dialect == dialectPostgres {
		var exists bool
		if err := q.QueryRow(`SELECT to_regclass('schema_version') IS NOT NULL`).Scan(&exists); err != nil || !exists {
			return 0, err
		}
		err := q.QueryRow(`SELECT version FROM schema_version`).Scan(&v)
		if err == sql.ErrNoRows {
			return 0, nil
		}
		return v, err
	}
	err := q.QueryRow(`PRAGMA user_version`).Scan(&v)
	return v, err
}

func (s *Store) setSchemaVersion(tx *sql.Tx, version int) error {
	if s.dialect == dialectPostgres {
		_, err := tx.Exec(`UPDATE schema_version SET version = ?`, version)
		return err
	}
	_, err := tx.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, version))
	return err
}

// isConstraintError: the database refused a row (UNIQUE, CHECK, NOT NULL,
// a foreign key), in either dialect.
func isConstraintError(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Code == sqlite3.ErrConstraint
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && strings.HasPrefix(pe.Code, "23")
}

// skipLocked ends the SELECT that claims a queue's row (a mail, a directory
// change) on PostgreSQL: the row is locked until the claim commits, and a
// row another sender is claiming is passed over, not waited for. The claim
// runs in s.tx, whose writer lock already makes it one at a time; this
// keeps each row claimed once by itself too. SQLite has no row locks (its
// write lock is the whole file): nothing to add.
func (s *Store) skipLocked(table string) string {
	if s.dialect != dialectPostgres {
		return ""
	}
	return " FOR UPDATE OF " + table + " SKIP LOCKED"
}
