package data

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestSeveralConnectionsSendEachMailOnce: with four senders, each with its
// own connection to a relay that takes 20 ms a mail, 40 due mails are each
// sent once, the senders at work together.
func TestSeveralConnectionsSendEachMailOnce(t *testing.T) {
	s, clock := openTest(t)
	relay := startRelay(t, relayOptions{})
	var inData, most atomic.Int32
	relay.set(nil, func(relayMsg) error {
		n := inData.Add(1)
		defer inData.Add(-1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		time.Sleep(20 * time.Millisecond)
		return nil
	})
	var ids []int64
	for i := range 40 {
		ids = append(ids, queueTestMail(t, s, MailReset, "fr", fmt.Sprintf("p%d@example.org", i), clock.Now()).ID)
	}
	cfg := relayConfig(t, "smtp://"+relay.Addr)
	cfg.Connections = 4
	rep, err := s.DeliverDue(ctx, cfg, nil)
	if err != nil || rep != (DeliveryReport{Sent: 40}) {
		t.Fatalf("pass: %+v %v", rep, err)
	}
	seen := map[string]int{}
	for _, m := range relay.received() {
		seen[m.To[0]]++
	}
	for i, id := range ids {
		if to := fmt.Sprintf("p%d@example.org", i); seen[to] != 1 {
			t.Errorf("%s received %d times", to, seen[to])
		}
		if m := mailByID(t, s, id); m.Status != MailSent {
			t.Errorf("mail %d: %s", id, m.Status)
		}
	}
	if most.Load() < 2 {
		t.Errorf("at most %d mail in the relay at once: the senders did not work together", most.Load())
	}
}

// TestSeveralConnectionsStopOnAnUnusableRelay: a relay refusing the sender
// (421) stops every sender of the pass: the pass says the relay is
// unusable, nothing is sent, and no mail is left claimed.
func TestSeveralConnectionsStopOnAnUnusableRelay(t *testing.T) {
	s, clock := openTest(t)
	relay := startRelay(t, relayOptions{})
	var mu sync.Mutex
	tries := 0
	relay.setMail(func() error { mu.Lock(); tries++; mu.Unlock(); return relayBusy })
	for i := range 20 {
		queueTestMail(t, s, MailReset, "fr", fmt.Sprintf("p%d@example.org", i), clock.Now())
	}
	cfg := relayConfig(t, "smtp://"+relay.Addr)
	cfg.Connections = 4
	rep, err := s.DeliverDue(ctx, cfg, nil)
	var relayErr *RelayError
	if !errors.As(err, &relayErr) || rep.Sent != 0 {
		t.Fatalf("pass: %+v %v; want the relay said unusable, nothing sent", rep, err)
	}
	if tries > cfg.Connections {
		t.Errorf("%d mails tried: each sender should stop at its first refusal", tries)
	}
	var claimed int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM outbox WHERE status = 'sending'`).Scan(&claimed); err != nil || claimed != 0 {
		t.Errorf("%d mails left « sending » (%v)", claimed, err)
	}
}
