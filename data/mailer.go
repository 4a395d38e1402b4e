package data

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// DeliveryReport counts what one pass did.
type DeliveryReport struct{ Sent, Retry, Failed int }

// RelayError: the relay itself could not be used (down, TLS, login, sender
// refused). The mail in hand is kept for a retry and the pass stops: the
// other mails would fail the same way.
type RelayError struct {
	Relay string
	Err   string // addresses masked
}

func (e *RelayError) Error() string { return "SMTP relay " + e.Relay + ": " + e.Err }

// RunMailer delivers the outbox until ctx ends: a pass every cfg.Poll, and
// a growing pause (up to 5 minutes) while the relay is unavailable. The
// mail in hand when ctx ends is finished and recorded before it returns.
func (s *Store) RunMailer(ctx context.Context, cfg SMTPConfig, l *slog.Logger) error {
	cfg.fillDefaults()
	l = orDiscard(l)
	l.Info("mailer started", "relay", cfg.String(), "poll", cfg.Poll)
	var pause time.Duration
	for {
		_, err := s.DeliverDue(ctx, cfg, l)
		wait := cfg.Poll
		switch {
		case ctx.Err() != nil:
			l.Info("mailer stopped")
			return nil
		case err != nil:
			pause = min(max(2*pause, 30*time.Second), 5*time.Minute)
			wait = max(wait, pause)
			l.Error("delivery paused", "err", err, "retry in", wait)
		default:
			pause = 0
		}
		select {
		case <-ctx.Done():
			l.Info("mailer stopped")
			return nil
		case <-time.After(wait):
		}
	}
}

// DeliverDue makes one pass over the outbox: every mail whose time has come
// (and every claim whose lease ran out) is claimed, sent and recorded, one
// at a time. It returns a *RelayError when it stopped because the relay
// could not be used.
//
// The guarantee: a mail is claimed in a transaction (status sending,
// claimed_by, claimed_until) before any SMTP command, so two senders never
// hold it together, and it leaves the claim only as sent, failed (with the
// reason) or pending again (with its next try). A sender that dies leaves
// its claim to run out; the mail is then taken again. The one window that
// cannot be closed over SMTP is a death after the relay accepted the mail
// and before "sent" is committed: the mail then goes out twice, with the
// same Message-ID, so mail systems that de-duplicate by Message-ID show it
// once. Delivery is at least once; never zero, and twice only in that window.
func (s *Store) DeliverDue(ctx context.Context, cfg SMTPConfig, l *slog.Logger) (DeliveryReport, error) {
	return s.deliverDue(ctx, cfg, l, nil)
}

// errSimulatedCrash stops a pass the way a killed process would (tests).
var errSimulatedCrash = errors.New("simulated crash")

func (s *Store) deliverDue(ctx context.Context, cfg SMTPConfig, l *slog.Logger,
	afterAccept func(Mail) error) (DeliveryReport, error) {
	cfg.fillDefaults()
	if cfg.Connections == 1 {
		return s.sendDue(ctx, &deliverer{s: s, cfg: cfg, log: orDiscard(l), sender: newSenderID()}, afterAccept)
	}
	// Several senders, each claiming mails one at a time as a lone one does
	// (two servers' senders already share the outbox so). The first to find
	// the relay unusable stops the others' claims; each finishes its mail.
	var (
		stop  atomic.Bool
		mu    sync.Mutex
		total DeliveryReport
		first error
		wg    sync.WaitGroup
	)
	for range cfg.Connections {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rep, err := s.sendDue(ctx, &deliverer{s: s, cfg: cfg, log: orDiscard(l), sender: newSenderID(), stop: &stop}, afterAccept)
			var relay *RelayError
			if errors.As(err, &relay) {
				stop.Store(true)
			}
			mu.Lock()
			defer mu.Unlock()
			total.Sent, total.Retry, total.Failed = total.Sent+rep.Sent, total.Retry+rep.Retry, total.Failed+rep.Failed
			if err != nil && (first == nil || relay != nil && !errors.As(first, new(*RelayError))) {
				first = err
			}
		}()
	}
	wg.Wait()
	return total, first
}

// sendDue is one sender's pass: claim, send, record, until nothing is due
// (or the relay is unusable, or ctx ends).
func (s *Store) sendDue(ctx context.Context, d *deliverer, afterAccept func(Mail) error) (DeliveryReport, error) {
	cfg := d.cfg
	defer d.hangUp()
	var rep DeliveryReport
	// Results are recorded even while shutting down: a mail sent must be marked sent.
	record := context.WithoutCancel(ctx)
	var done *attempt // the last mail tried, its result not recorded yet
	for {
		// Nothing more is claimed once shutting down, nor after the relay
		// said it cannot be used.
		claim := ctx.Err() == nil && (done == nil || !done.out.relay) && (d.stop == nil || !d.stop.Load())
		m, reclaimed, ok, err := s.recordAndClaim(ctx, record, d, done, claim, cfg.Lease)
		if done != nil && !done.unrecorded {
			rep.count(done.out)
			if done.out.relay {
				return rep, &RelayError{Relay: cfg.String(), Err: done.out.reason}
			}
		}
		if err != nil || !ok {
			if ctx.Err() != nil && (done == nil || !done.unrecorded) {
				err = nil
			}
			return rep, err
		}
		if reclaimed {
			d.log.Warn("taking over a claim whose lease ran out (its sender died?)", "mail", m.ID,
				"kind", m.Kind, "to", MaskEmail(m.To), "attempt", m.Attempts)
		}
		stopRenewing := s.keepClaim(d, m, cfg.Lease)
		out := d.deliver(ctx, m)
		stopRenewing()
		if out.sent && afterAccept != nil {
			if err := afterAccept(m); err != nil {
				return rep, err
			}
		}
		done = &attempt{m: m, out: out}
	}
}

// attempt is one mail tried, and what became of it.
type attempt struct {
	m          Mail
	out        outcome
	unrecorded bool // the transaction that was to record it failed
}

// count adds out to the report.
func (rep *DeliveryReport) count(out outcome) {
	switch {
	case out.released:
	case out.sent:
		rep.Sent++
	case out.failed:
		rep.Failed++
	default:
		rep.Retry++
	}
}

// recordAndClaim records done's result (if any) and, when claim is set,
// claims the next due mail for d, in one transaction: one commit, one
// flush to disk a mail instead of two, and one wait for the write lock
// behind a long writer (an import's batch) instead of two. The claim has
// a savepoint of its own: a claim that fails (a mail that cannot be read)
// rolls back alone and leaves the result recorded. Everything is written
// with record (not cancelled by a shutdown: a mail sent must be marked
// sent); ctx only says whether to claim.
func (s *Store) recordAndClaim(ctx, record context.Context, d *deliverer, done *attempt, claim bool,
	lease time.Duration) (m Mail, reclaimed, ok bool, err error) {
	var claimErr error
	err = s.tx(record, func(tx *sql.Tx) error {
		if done != nil {
			var err error
			if done.out, err = s.recordDelivery(record, tx, d, done.m, done.out); err != nil {
				return err
			}
		}
		if !claim || ctx.Err() != nil {
			return nil
		}
		if _, err := tx.ExecContext(record, `SAVEPOINT claim`); err != nil {
			return err
		}
		if m, reclaimed, ok, claimErr = s.claimMail(record, tx, d.sender, lease); claimErr != nil {
			ok = false
			_, err := tx.ExecContext(record, `ROLLBACK TO SAVEPOINT claim`)
			return err
		}
		_, err := tx.ExecContext(record, `RELEASE SAVEPOINT claim`)
		return err
	})
	if err != nil {
		if done != nil {
			done.unrecorded = true
			err = fmt.Errorf("record delivery of mail %d: %w", done.m.ID, err)
		}
		return Mail{}, false, false, err
	}
	return m, reclaimed, ok, claimErr
}

// claimMail takes the next due mail for sender: pending and due, or
// sending with a lease that ran out. While claimed, next_try_at is the end
// of the lease, so one index serves both. A mail someone is waiting for
// (waiting: a code asked at a kiosk) is taken before the others, however
// many were due before it (an import's 60,000 activation mails).
func (s *Store) claimMail(ctx context.Context, tx *sql.Tx, sender string, lease time.Duration) (m Mail, reclaimed, ok bool, err error) {
	now := s.cfg.Clock.Now()
	var id int64
	var status string
	for _, first := range []string{"waiting = 1 AND ", ""} {
		err = tx.QueryRowContext(ctx, `SELECT id, status FROM outbox
			WHERE `+first+`status IN ('pending', 'sending') AND next_try_at <= ? AND not_before <= ?
			ORDER BY next_try_at, id LIMIT 1`+s.skipLocked("outbox"), fmtTime(now), fmtTime(now)).Scan(&id, &status)
		if !errors.Is(err, sql.ErrNoRows) {
			break
		}
	}
	if errors.Is(err, sql.ErrNoRows) {
		return Mail{}, false, false, nil
	}
	if err != nil {
		return Mail{}, false, false, err
	}
	until := fmtTime(now.Add(lease))
	if _, err := tx.ExecContext(ctx, `UPDATE outbox SET status = 'sending', claimed_by = ?, claimed_until = ?,
		next_try_at = ?, attempts = attempts + 1, last_try_at = ? WHERE id = ?`,
		sender, until, until, fmtTime(now), id); err != nil {
		return Mail{}, false, false, err
	}
	if m, err = s.scanMail(tx.QueryRowContext(ctx, `SELECT `+mailColumns+` FROM outbox WHERE id = ?`, id)); err != nil {
		return Mail{}, false, false, err
	}
	return m, status == MailSending, true, nil
}

// keepClaim renews d's claim on m every third of a lease until the returned
// function is called (which waits for the renewing to stop, so nothing
// writes the claim after the result). The lease can then be short — a dead
// sender's mail is taken again soon — while a live sender on a slow relay
// (a connection, STARTTLS, login, DATA: each command up to the timeout)
// never loses its mail to a second sender.
func (s *Store) keepClaim(d *deliverer, m Mail, lease time.Duration) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(max(lease/3, time.Millisecond))
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			until := fmtTime(s.cfg.Clock.Now().Add(lease))
			// A renewal that cannot get the store's write lock within a
			// third of the lease tries again at the next tick: the lease
			// still runs then.
			ctx, cancel := context.WithTimeout(context.Background(), max(lease/3, time.Millisecond))
			res, err := s.execWrite(ctx, `UPDATE outbox SET claimed_until = ?, next_try_at = ?
				WHERE id = ? AND status = 'sending' AND claimed_by = ?`, until, until, m.ID, d.sender)
			cancel()
			if err != nil {
				d.log.Warn("could not renew the claim on a mail", "mail", m.ID, "err", err)
				continue
			}
			if n, _ := res.RowsAffected(); n == 0 {
				d.log.Error("claim lost while sending (another sender took the mail)", "mail", m.ID)
				return
			}
		}
	}()
	return func() { close(done); <-finished }
}

// outcome is what became of one attempt.
type outcome struct {
	sent     bool
	failed   bool   // refused for good, or given up
	relay    bool   // the relay could not be used: stop the pass
	released bool   // not attempted (shutting down before the conversation began)
	unsure   bool   // the connection broke after the whole mail was written
	reason   string // addresses masked
	reply    string // the relay's acceptance
}

// recordDelivery ends sender's claim on m with out (a temporary failure
// past GiveUpAfter becomes failed), in tx. A claim that was lost meanwhile
// (lease run out and taken over) is not overwritten.
func (s *Store) recordDelivery(ctx context.Context, tx *sql.Tx, d *deliverer, m Mail, out outcome) (outcome, error) {
	now := s.cfg.Clock.Now()
	attrs := []any{"mail", m.ID, "kind", m.Kind, "to", MaskEmail(m.To), "attempt", m.Attempts}
	var q string
	var args []any
	switch {
	case out.released:
		q, args = `status = 'pending', attempts = attempts - 1, next_try_at = ?`, []any{fmtTime(now)}
	case out.sent:
		q = `status = 'sent', sent_at = ?, relay_reply = ?, last_error = NULL, subject = ?, body = ?, args = NULL`
		args = []any{fmtTime(now), out.reply, m.Subject, redactSecrets(m.Body)}
		d.log.Info("mail sent", append(attrs, "relay", out.reply)...)
	case out.failed || now.Sub(m.NotBefore) >= d.cfg.GiveUpAfter:
		reason := out.reason
		if !out.failed {
			reason = fmt.Sprintf("given up after %d attempts over %s: %s", m.Attempts,
				d.cfg.GiveUpAfter, reason)
			out.failed = true
		}
		q, args = `status = 'failed', last_error = ?, subject = ?, body = ?, args = NULL`, []any{reason, m.Subject, redactSecrets(m.Body)}
		d.log.Error("mail failed for good", append(attrs, "err", reason)...)
	default:
		next := now.Add(retryDelay(m.Attempts))
		q, args = `status = 'pending', next_try_at = ?, last_error = ?`, []any{fmtTime(next), out.reason}
		if out.unsure {
			d.log.Warn("outcome unknown, will retry (the relay may have it already: same Message-ID)",
				append(attrs, "err", out.reason, "next", next.Format(time.RFC3339))...)
		} else {
			d.log.Warn("mail will be retried", append(attrs, "err", out.reason, "next", next.Format(time.RFC3339))...)
		}
	}
	// In a transaction begun by beginWrite (recordAndClaim): a result that
	// found the lock taken past the busy timeout waits for it, instead of
	// leaving the mail « sending » until its lease runs out and another
	// pass sends it again.
	res, err := tx.ExecContext(ctx, `UPDATE outbox SET `+q+`, claimed_by = NULL, claimed_until = NULL
		WHERE id = ? AND status = 'sending' AND claimed_by = ?`, append(args, m.ID, d.sender)...)
	if err != nil {
		return out, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		d.log.Error("claim lost before the result was recorded (lease too short?)", attrs...)
	}
	return out, nil
}

// retryDelay grows with the attempts: 1, 2, 5, 10, 20, 30 minutes, then hourly.
func retryDelay(attempts int) time.Duration {
	delays := []time.Duration{time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute,
		20 * time.Minute, 30 * time.Minute}
	if attempts >= 1 && attempts <= len(delays) {
		return delays[attempts-1]
	}
	if attempts < 1 {
		return time.Minute
	}
	return time.Hour
}

func newSenderID() string {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	rand.Read(b)
	return fmt.Sprintf("%s:%d:%s", host, os.Getpid(), hex.EncodeToString(b))
}

func orDiscard(l *slog.Logger) *slog.Logger {
	if l == nil {
		return slog.New(slog.DiscardHandler)
	}
	return l
}
