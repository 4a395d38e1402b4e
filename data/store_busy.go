package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	sqlite3 "github.com/mattn/go-sqlite3"
)

// A writing transaction waits for the store's write lock: SQLite's busy
// handler polls it for busyTimeout (the DSN's _busy_timeout), PostgreSQL's
// advisory lock queues. 500 sessions ending at once queue 500 commits, each
// flushed to disk (synchronous=FULL), and the busy handler's polling is not
// a queue: a writer that keeps losing the lock to others gives up after
// 5 s with "database is locked", and what it had to write (a LOGOUT entry,
// a login's failure count and audit) was lost. So a begin that found the
// lock taken is tried again, after a short random pause, for writePatience
// in all: nothing of the transaction has run yet. Only then is the write
// given up, and its caller logs it as an error.
const (
	busyTimeout   = 5 * time.Second // the DSN's _busy_timeout=5000, checked at open
	writePatience = 2 * time.Minute
	writeRetryMax = 500 * time.Millisecond // the longest pause between two tries
)

// beginWrite begins a writing transaction with begin and makes it the
// store's only writer (serialiseWriter), trying again while the lock is
// taken, for writePatience at most and while ctx lasts.
func (s *Store) beginWrite(ctx context.Context, begin func(context.Context, *sql.TxOptions) (*sql.Tx, error)) (*sql.Tx, error) {
	start := time.Now()
	pause := 10 * time.Millisecond
	for tries := 1; ; tries++ {
		tx, err := begin(ctx, nil)
		if err == nil {
			if err = s.serialiseWriter(ctx, tx); err == nil {
				return tx, nil
			}
			tx.Rollback()
		}
		if !lockTaken(err) {
			return nil, fmt.Errorf("begin: %w", err)
		}
		waited := time.Since(start)
		if waited+pause > writePatience {
			return nil, fmt.Errorf("begin: lock still taken after %d tries in %v: %w", tries, waited.Round(time.Second), err)
		}
		// Random, so that the writers turned away together do not all come
		// back together.
		t := time.NewTimer(pause/2 + rand.N(pause))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, fmt.Errorf("begin: %w", err)
		case <-t.C:
		}
		pause = min(2*pause, writeRetryMax)
	}
}

// execWrite runs one writing statement in a transaction of its own (tx):
// like every other write, it waits out a lock held past the busy timeout
// instead of failing with "database is locked", and on PostgreSQL it
// takes its turn among the writers.
func (s *Store) execWrite(ctx context.Context, query string, args ...any) (sql.Result, error) {
	var res sql.Result
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		res, err = tx.ExecContext(ctx, query, args...)
		return err
	})
	return res, err
}

// lockTaken: a transaction could not begin because another writer held
// the lock too long (SQLite's busy timeout; PostgreSQL's lock_timeout, a
// deadlock or a serialisation failure on the writer lock, or a server out
// of connections for now). Nothing was written: it may be tried again.
func lockTaken(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Code == sqlite3.ErrBusy
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "55P03", "40P01", "40001", "53300":
			return true
		}
	}
	return false
}
