package data

import (
	"strings"
	"sync"
	"testing"
	"time"
)

// A mail claimed by a sender that then died (claimed, never finished) is
// taken again within two minutes: lease plus one poll.
func TestMailOfACrashedSenderIsRetriedWithinTwoMinutes(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	relay := startRelay(t, relayOptions{})
	cfg := relayConfig(t, "smtp://"+relay.Addr)
	m := queueTestMail(t, s, MailReset, "fr", "camille@example.org", clock.Now())
	// The crashed sender: its claim, and nothing after.
	if _, _, ok, err := claimAs(s, "crashed-sender", DefaultMailLease); !ok || err != nil {
		t.Fatalf("claim: %v %v", ok, err)
	}
	if DefaultMailLease+DefaultMailPoll > 2*time.Minute {
		t.Fatalf("lease %v + poll %v: more than 2 minutes", DefaultMailLease, DefaultMailPoll)
	}
	clock.Advance(DefaultMailLease - time.Nanosecond)
	mustDeliver(t, s, cfg, nil, DeliveryReport{}) // the sender might still be alive
	clock.Advance(time.Nanosecond)
	mustDeliver(t, s, cfg, nil, DeliveryReport{Sent: 1})
	if got := mailByID(t, s, m.ID); got.Status != MailSent || got.Attempts != 2 {
		t.Fatalf("after the take-over: %+v", got)
	}
}

// A live sender whose relay takes longer than a lease renews its claim, so
// a second sender never takes (and sends again) the mail it is sending.
func TestLiveSenderKeepsItsClaimPastTheLease(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	relay := startRelay(t, relayOptions{})
	cfg := relayConfig(t, "smtp://"+relay.Addr)
	cfg.Lease = 300 * time.Millisecond // renewed every 100 ms of real time
	inData, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	relay.set(nil, func(relayMsg) error {
		once.Do(func() { close(inData); <-release })
		return nil
	})
	m := queueTestMail(t, s, MailReset, "fr", "camille@example.org", clock.Now())
	first := make(chan DeliveryReport, 1)
	go func() {
		rep, err := s.DeliverDue(ctx, cfg, nil)
		if err != nil {
			t.Error(err)
		}
		first <- rep
	}()
	<-inData
	// The lease runs out on the store's clock; the renewal must push it on.
	clock.Advance(cfg.Lease)
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, until := claimOf(t, s, m.ID); until.After(clock.Now()) {
			break
		}
		if time.Now().After(deadline) {
			close(release)
			t.Fatal("the live sender's claim was not renewed")
		}
		time.Sleep(10 * time.Millisecond)
	}
	mustDeliver(t, s, cfg, nil, DeliveryReport{}) // a second sender finds nothing to take
	close(release)
	if rep := <-first; rep.Sent != 1 {
		t.Fatalf("first sender: %+v", rep)
	}
	if n := len(relay.received()); n != 1 {
		t.Fatalf("%d mails at the relay, want 1", n)
	}
}

// TestResultRecordedWhenTheNextClaimFails: a mail's result and the next
// claim share one transaction; a next mail that cannot be read fails its
// claim alone, and the mail sent before it stays recorded as sent (not
// left « sending », to be sent again once its lease runs out).
func TestResultRecordedWhenTheNextClaimFails(t *testing.T) {
	s, clock := openTest(t)
	first := queueTestMail(t, s, MailReset, "fr", "first@example.org", clock.Now())
	clock.Advance(time.Second)
	broken := queueTestMail(t, s, MailReset, "fr", "broken@example.org", clock.Now())
	if _, err := s.db.Exec(`UPDATE outbox SET args = '{' WHERE id = ?`, broken.ID); err != nil {
		t.Fatal(err)
	}
	relay := startRelay(t, relayOptions{})
	rep, err := s.DeliverDue(ctx, relayConfig(t, "smtp://"+relay.Addr), nil)
	if err == nil || !strings.Contains(err.Error(), "cannot be read") {
		t.Fatalf("pass ended with %v, want the unreadable mail's error", err)
	}
	if rep.Sent != 1 || len(relay.received()) != 1 {
		t.Errorf("report %+v, relay got %d mails; want the first one sent", rep, len(relay.received()))
	}
	if m := mailByID(t, s, first.ID); m.Status != MailSent {
		t.Errorf("the mail sent is %s, want sent: its result went with the failed claim", m.Status)
	}
	var status string
	if err := s.db.QueryRow(`SELECT status FROM outbox WHERE id = ?`, broken.ID).Scan(&status); err != nil || status != MailPending {
		t.Errorf("the unreadable mail is %q (%v), want pending: its claim rolled back", status, err)
	}
}
