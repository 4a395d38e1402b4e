package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"entkiosk/data/directory"
)

// Directory queue states.
const (
	DirPending    = "pending"    // waiting for its time (first try, or a retry)
	DirApplying   = "applying"   // claimed by a worker until its lease ends
	DirDone       = "done"       // the directory took it
	DirFailed     = "failed"     // refused for good, or given up after DirGiveUpAfter
	DirSuperseded = "superseded" // a newer change of the same kind came before it was applied
)

// DirGiveUpAfter: a change the directory still has not taken after this is
// failed (and shown as such to the helpdesk and the operator).
const DirGiveUpAfter = 5 * 24 * time.Hour

// dirLease: how long a worker holds a claimed change; a worker that died
// leaves it to be taken again after that (the write is idempotent).
const dirLease = 2 * time.Minute

// DirectoryChange is one row of the directory queue.
type DirectoryChange struct {
	ID          int64
	PersonID    int64
	Login       string
	Change      directory.Change
	Status      string
	Attempts    int
	CreatedAt   time.Time
	NextTryAt   time.Time
	LastTryAt   time.Time
	DoneAt      time.Time
	LastError   string
	Identifiant string
}

// enqueueDirectory queues c for a in the caller's transaction, so that the
// change exists in the queue if and only if it exists here. Without a
// directory it does nothing: the embedded store stays as it always was. A
// pending change of the same kind is superseded (one in the hands of a
// worker is not: the new one waits for it, in order).
func (s *Store) enqueueDirectory(ctx context.Context, tx *sql.Tx, a *Account, c directory.Change) error {
	if s.cfg.Directory == nil {
		return nil
	}
	now := fmtTime(s.cfg.Clock.Now())
	if _, err := tx.ExecContext(ctx, `UPDATE directory_queue SET status = 'superseded', done_at = ?
		WHERE person_id = ? AND kind = ? AND status = 'pending'`, now, a.Person.ID, string(c.Kind)); err != nil {
		return err
	}
	end := ""
	if !c.End.IsZero() {
		end = c.End.Format("2006-01-02")
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO directory_queue(person_id, login, kind, address, keep_copy, end_date,
		created_at, next_try_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		a.Person.ID, a.LocalPart, string(c.Kind), c.Address, c.KeepCopy, end, now, now)
	if err == nil {
		s.dirq.queued.Store(true)
	}
	return err
}

// accountEndChange is the account's life cycle in the directory: active
// until the end of its rights.
func accountEndChange(a *Account) (directory.Change, bool) {
	if a.RightsEnd.IsZero() {
		return directory.Change{}, false
	}
	return directory.Change{Kind: directory.ChangeAccountEnd, End: a.RightsEnd}, true
}

// wakeDirectoryWorker tells this process's worker that a change was
// committed, so that it applies it now rather than at its next poll.
func (s *Store) wakeDirectoryWorker() {
	if s.dirq.queued.CompareAndSwap(true, false) {
		select {
		case s.dirq.wake <- struct{}{}:
		default:
		}
	}
}

// DirectoryReport counts what one pass of the queue did.
type DirectoryReport struct{ Done, Retry, Failed int }

// RunDirectoryQueue applies the queue until ctx ends: at once when this
// process queues a change, and every poll for the others' (and retries).
func (s *Store) RunDirectoryQueue(ctx context.Context, poll time.Duration, l *slog.Logger) {
	l = orDiscard(l)
	if poll <= 0 {
		poll = 5 * time.Second
	}
	l.Info("directory queue started", "poll", poll)
	for {
		if _, err := s.ApplyDirectoryQueue(ctx, l); err != nil && ctx.Err() == nil {
			l.Error("directory queue", "err", err)
		}
		select {
		case <-ctx.Done():
			l.Info("directory queue stopped")
			return
		case <-s.dirq.wake:
		case <-time.After(poll):
		}
	}
}

// ApplyDirectoryQueue applies every change that is due, one at a time, and
// records each outcome. A change that fails on the directory's side is
// retried after a growing delay; a refusal that will not change (access
// rights, schema) fails at once, with the directory's reason.
func (s *Store) ApplyDirectoryQueue(ctx context.Context, l *slog.Logger) (DirectoryReport, error) {
	var rep DirectoryReport
	if s.cfg.Directory == nil {
		return rep, errors.New("no directory configured")
	}
	l = orDiscard(l)
	for ctx.Err() == nil {
		c, lease, ok, err := s.claimDirectoryChange(ctx)
		if err != nil || !ok {
			return rep, err
		}
		actx, cancel := context.WithTimeout(ctx, dirLease/2)
		applyErr := s.cfg.Directory.Apply(actx, c.Login, c.Change)
		cancel()
		status, err := s.recordDirectoryChange(ctx, c, lease, applyErr)
		if err != nil {
			return rep, err
		}
		switch status {
		case DirDone:
			rep.Done++
			l.Info("directory change applied", "id", c.ID, "change", c.Change.String(), "attempt", c.Attempts)
		case DirFailed:
			rep.Failed++
			l.Error("directory change failed", "id", c.ID, "change", c.Change.String(), "err", applyErr)
		default:
			rep.Retry++
			l.Warn("directory change to retry", "id", c.ID, "change", c.Change.String(), "err", applyErr)
			if directory.KindOf(applyErr) == directory.Unreachable {
				return rep, nil // the others would wait the same way
			}
		}
	}
	return rep, nil
}

const dirColumns = `q.id, q.person_id, q.login, q.kind, q.address, q.keep_copy, q.end_date, q.status, q.attempts,
	q.created_at, q.next_try_at, q.last_try_at, q.done_at, q.last_error, COALESCE(a.identifiant, '')`

func scanDirectoryChange(row rowScanner) (DirectoryChange, error) {
	var c DirectoryChange
	var kind, end, created, next string
	var last, done sql.NullString
	err := row.Scan(&c.ID, &c.PersonID, &c.Login, &kind, &c.Change.Address, &c.Change.KeepCopy, &end, &c.Status,
		&c.Attempts, &created, &next, &last, &done, &c.LastError, &c.Identifiant)
	if err != nil {
		return c, err
	}
	c.Change.Kind = directory.ChangeKind(kind)
	if end != "" {
		c.Change.End, _ = time.Parse("2006-01-02", end)
	}
	c.CreatedAt, c.NextTryAt = parseTime(created), parseTime(next)
	c.LastTryAt, c.DoneAt = nullTime(last), nullTime(done)
	return c, nil
}

// claimDirectoryChange takes the next due change (or one whose lease ran
// out), never one behind an unfinished older change of the same person and
// kind, and holds it for dirLease.
func (s *Store) claimDirectoryChange(ctx context.Context) (c DirectoryChange, lease string, ok bool, err error) {
	err = s.tx(ctx, func(tx *sql.Tx) error {
		now := s.cfg.Clock.Now()
		c, err = scanDirectoryChange(tx.QueryRowContext(ctx, `SELECT `+dirColumns+`
			FROM directory_queue q LEFT JOIN accounts a ON a.person_id = q.person_id
			WHERE q.status IN ('pending', 'applying') AND q.next_try_at <= ?
			  AND NOT EXISTS (SELECT 1 FROM directory_queue p WHERE p.person_id = q.person_id AND p.kind = q.kind
			                  AND p.id < q.id AND p.status IN ('pending', 'applying'))
			ORDER BY q.next_try_at, q.id LIMIT 1`+s.skipLocked("q"), fmtTime(now)))
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		lease = fmtTime(now.Add(dirLease))
		c.Attempts++
		_, err = tx.ExecContext(ctx, `UPDATE directory_queue SET status = 'applying', attempts = ?, last_try_at = ?,
			next_try_at = ? WHERE id = ?`, c.Attempts, fmtTime(now), lease, c.ID)
		ok = err == nil
		return err
	})
	return c, lease, ok, err
}

// recordDirectoryChange writes the outcome of one try, if the claim is
// still this worker's.
func (s *Store) recordDirectoryChange(ctx context.Context, c DirectoryChange, lease string, applyErr error) (string, error) {
	now := s.cfg.Clock.Now()
	status, next, why := DirDone, fmtTime(now), ""
	if applyErr != nil {
		why = applyErr.Error()
		switch {
		case directory.KindOf(applyErr) == directory.Refused, now.Sub(c.CreatedAt) >= DirGiveUpAfter:
			status = DirFailed
		default:
			status, next = DirPending, fmtTime(now.Add(directoryRetryDelay(c.Attempts)))
		}
	}
	var done any
	if status != DirPending {
		done = fmtTime(now)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE directory_queue SET status = ?, next_try_at = ?, done_at = ?, last_error = ?
			WHERE id = ? AND status = 'applying' AND next_try_at = ?`, status, next, done, why, c.ID, lease)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("directory change %d: claim lost before its outcome was recorded", c.ID)
		}
		return nil
	})
	return status, err
}

// directoryRetryDelay grows with the attempts: a directory is usually back
// within seconds (a restart), sometimes hours later.
func directoryRetryDelay(attempts int) time.Duration {
	delays := []time.Duration{10 * time.Second, 30 * time.Second, time.Minute, 2 * time.Minute, 5 * time.Minute,
		10 * time.Minute, 20 * time.Minute, 30 * time.Minute}
	if attempts >= 1 && attempts <= len(delays) {
		return delays[attempts-1]
	}
	if attempts < 1 {
		return delays[0]
	}
	return time.Hour
}

// DirectoryFilter selects queue rows; zero fields select everything.
type DirectoryFilter struct {
	Status   string
	PersonID int64
	Limit    int
}

// DirectoryQueue lists the queue, newest first.
func (s *Store) DirectoryQueue(ctx context.Context, f DirectoryFilter) ([]DirectoryChange, error) {
	var where []string
	var args []any
	if f.Status != "" {
		where, args = append(where, "q.status = ?"), append(args, f.Status)
	}
	if f.PersonID != 0 {
		where, args = append(where, "q.person_id = ?"), append(args, f.PersonID)
	}
	q := `SELECT ` + dirColumns + ` FROM directory_queue q LEFT JOIN accounts a ON a.person_id = q.person_id`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY q.id DESC"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DirectoryChange
	for rows.Next() {
		c, err := scanDirectoryChange(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
