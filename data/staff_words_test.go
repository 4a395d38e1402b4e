package data

import (
	"strings"
	"testing"
)

// A member of staff's account is ready when the import brings it: no
// 15-minute wait, a mail due at once that speaks of a staff account, not
// of an administrative registration.
func TestStaffAccountReadyAtImport(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	importLines(t, s, staff("Roux", "Anne", "02/03/1980", "anne.roux@example.org", "31/08/2029"))
	c, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: "anne.roux@umontpellier.fr"}, testOrigin)
	if err != nil {
		t.Fatalf("staff activation refused at import: %v", err)
	}
	if c == nil {
		t.Fatal("no case")
	}
	mails, err := s.Outbox(ctx, OutboxFilter{To: "anne.roux@example.org", Limit: 1})
	if err != nil || len(mails) != 1 {
		t.Fatalf("mails %v, %v", mails, err)
	}
	m := mails[0]
	if m.NotBefore.After(s.Now()) {
		t.Errorf("staff mail due %v, later than the import (%v)", m.NotBefore, s.Now())
	}
	body := strings.ReplaceAll(m.Body, "\u00a0", " ")
	if strings.Contains(body, "inscription administrative") || strings.Contains(body, "administrative registration") ||
		!strings.Contains(body, "compte informatique de personnel") {
		t.Errorf("staff mail in student words:\n%s", body)
	}
}
