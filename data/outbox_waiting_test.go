package data

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestMailSomeoneWaitsForGoesFirst: the morning an import queues its
// activation mails (all due: registrations validated over the summer), a
// reset code asked at a kiosk afterwards is sent before every one of
// them, and so is the notice answering « 1ère connexion » for an active
// account; a « password changed » notice, which nobody waits for, keeps
// its place behind them. A mail someone waits for is still not sent
// before its time.
func TestMailSomeoneWaitsForGoesFirst(t *testing.T) {
	s, clock := openTest(t)
	rep, err := s.Import(ctx, strings.NewReader(universityExport(40)), Origin{Client: "import"})
	if err != nil {
		t.Fatal(err)
	}
	imported := len(rep.Accounts)
	if imported < 30 {
		t.Fatalf("the import mailed %d accounts: nothing tested", imported)
	}
	clock.Advance(time.Minute)
	notice := queueTestMail(t, s, MailPasswordChanged, "fr", "notice@example.org", clock.Now())
	reset := queueTestMail(t, s, MailReset, "fr", "reset@example.org", clock.Now())
	active := queueTestMail(t, s, MailAlreadyActive, "fr", "active@example.org", clock.Now())
	later := queueTestMail(t, s, MailReset, "fr", "later@example.org", clock.Now().Add(time.Hour))

	relay := startRelay(t, relayOptions{})
	got, err := s.DeliverDue(ctx, relayConfig(t, "smtp://"+relay.Addr), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.Sent != imported+3 {
		t.Fatalf("sent %d, want the %d imported, the notice, the reset and the answer (%+v)", got.Sent, imported, got)
	}
	var order []string
	for _, m := range relay.received() {
		order = append(order, m.To[0])
	}
	if !slices.Equal(order[:2], []string{reset.To, active.To}) {
		t.Errorf("first mails sent: %v; want the reset code, then the answer to « 1ère connexion »", order[:2])
	}
	if last := order[len(order)-1]; last != notice.To {
		t.Errorf("last mail sent: %s; want the notice, queued after the import's mails and waited for by nobody", last)
	}
	if m := mailByID(t, s, later.ID); m.Status != MailPending {
		t.Errorf("a code due in an hour was sent now: %+v", m)
	}
}
