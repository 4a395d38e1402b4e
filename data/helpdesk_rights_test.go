package data

import (
	"strings"
	"testing"
)

// Issue 12.8: Paul Bernard, whose rights ended, asks for a lost password.
// The screen keeps its decoy; the helpdesk sees the truth: his audit line
// names him and says why no code went, his history shows it, and the
// search lists his rights as ended.
func TestHelpdeskSeesResetRefusedForEndedRights(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	paul := f.person(t, "paul.bernard")
	ch, err := f.s.StartReset(ctx, "paul.bernard", Origin{Client: "kiosk:bu/tty1", Lang: "fr"})
	if err != nil || ch.decoy == nil {
		t.Fatalf("lost password for ended rights: %+v, %v; want a decoy", ch, err)
	}
	l := f.lastAudit(t, EventSendCode)
	if l.PersonID != paul || l.Identifiant != "paul.bernard@etu.umontpellier.fr" || l.Outcome != "rights ended" ||
		l.Detail != "reset, no code: rights ended 2025-12-31" {
		t.Fatalf("audit line: %+v", l)
	}
	card := f.card(t, paul)
	found := false
	for _, e := range card.Timeline {
		if e.What == string(EventSendCode) && strings.Contains(e.Detail, "no code: rights ended") {
			found = true
		}
	}
	if !found {
		t.Fatalf("the card's history does not show the request: %+v", card.Timeline)
	}
	res := f.search(t, "bernard")
	if len(res.Hits) != 1 || !res.Hits[0].RightsEnded {
		t.Fatalf("search: %+v", res.Hits)
	}
	if res := f.search(t, "hugo"); len(res.Hits) != 1 || res.Hits[0].RightsEnded {
		t.Fatalf("search hugo: %+v", res.Hits)
	}
}

// Issue 12.9: the codes sent to a wrong mail de secours no longer count
// once the helpdesk corrects it: a new code goes at once.
func TestHelpdeskCorrectionRestartsTheHourlyCount(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	camille := f.person(t, "camille.martin")
	// Three code mails in the hour to the wrong address (the import's, two resends).
	for range 2 {
		f.clock.Advance(ResendCooldown)
		if _, err := f.s.HelpdeskResendActivation(ctx, f.agent, camille, f.o); err != nil {
			t.Fatal(err)
		}
	}
	f.clock.Advance(ResendCooldown)
	if _, err := f.s.HelpdeskResendActivation(ctx, f.agent, camille, f.o); !isRateLimit(err) {
		t.Fatalf("a fourth mail in the hour: %v, want the hourly limit", err)
	}
	if _, err := f.s.HelpdeskCorrectRecovery(ctx, f.agent, camille, "camille.m@example.net", true, f.o); err != nil {
		t.Fatal(err)
	}
	sent, err := f.s.HelpdeskResendActivation(ctx, f.agent, camille, f.o)
	if err != nil {
		t.Fatalf("right after the correction: %v", err)
	}
	if sent.MaskedTarget != "ca•••••m@ex•••••e.net" {
		t.Fatalf("sent to %s", sent.MaskedTarget)
	}
}
