package data

import (
	"errors"
	"strings"
	"testing"
)

// A real identifiant typed with a foreign domain gets a decoy, so an
// unknown one typed with a domain gets its own decoy too, stable; both
// university domains reach the account.
func TestDecoyMaskFollowsTheSpelling(t *testing.T) {
	s, _ := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	mask := func(ident string) string {
		t.Helper()
		ch, err := s.StartReset(ctx, ident, Origin{Client: "mask-" + ident})
		if err != nil {
			t.Fatalf("StartReset(%q): %v", ident, err)
		}
		return ch.MaskedTarget
	}
	for _, base := range []string{"hugo.lefevre", "personne.inconnue"} {
		plain, staff, student, foreign := mask(base), mask(base+"@umontpellier.fr"),
			mask(base+"@etu.umontpellier.fr"), mask(base+"@gmail.com")
		if plain != staff || plain != student {
			t.Errorf("%s: university spellings give %s, %s, %s", base, plain, staff, student)
		}
		if again := mask(base + "@gmail.com"); again != foreign {
			t.Errorf("%s: a foreign domain gives %s, then %s", base, foreign, again)
		}
	}
}

// Right after the import mailed a pending account, "lost password" answers
// as for anyone (a challenge, not a wait), like an unknown identifiant.
func TestResetRightAfterTheImportMail(t *testing.T) {
	s, _ := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	for _, ident := range []string{"camille.martin", "personne.inconnue"} {
		ch, err := s.StartReset(ctx, ident, testOrigin)
		if err != nil {
			t.Fatalf("%s: %v", ident, err)
		}
		if ch.MaskedTarget == "" || ch.ExpiresAt.IsZero() {
			t.Fatalf("%s: %+v", ident, ch)
		}
	}
}

// One client asking "lost password" about many identifiants is stopped at
// the 31st request in the hour, whatever the identifiants.
func TestResetRequestsPerClient(t *testing.T) {
	s, clock := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	o := Origin{Client: "ssh:203.0.113.9"}
	for i := 0; i < ResetRequestsPerHour; i++ {
		if _, err := s.StartReset(ctx, "personne"+itoa(i), o); err != nil {
			t.Fatalf("request %d: %v", i+1, err)
		}
	}
	var limit *RateLimitError
	if _, err := s.StartReset(ctx, "hugo.lefevre", o); !errors.As(err, &limit) || limit.What != "client" {
		t.Fatalf("request %d: %v, want the client limited", ResetRequestsPerHour+1, err)
	}
	if _, err := s.StartReset(ctx, "hugo.lefevre", Origin{Client: "ssh:198.51.100.1"}); err != nil {
		t.Fatalf("another client: %v", err)
	}
	clock.Advance(limit.Until.Sub(clock.Now()))
	if _, err := s.StartReset(ctx, "hugo.lefevre", o); err != nil {
		t.Fatalf("after the hour: %v", err)
	}
}

func TestLocalPartStaysWithinAnAddress(t *testing.T) {
	long := strings.Repeat("Œ", 100)
	for _, names := range [][2]string{{long, "Petit"}, {"Marie", long}, {long, long}} {
		l := LocalPart(names[0], names[1])
		if len(l) > MaxLocalPart || !strings.Contains(l, ".") || strings.HasSuffix(l, "-") {
			t.Errorf("LocalPart(%.10s…, %.10s…) = %q (%d)", names[0], names[1], l, len(l))
		}
	}
	if got := LocalPart("Jean-Luc", "D'Alembert"); got != "jean-luc.dalembert" {
		t.Errorf("short names changed: %s", got)
	}
}

// The helpdesk's unlock writes UNLOCK (issue 6's event), with the agent.
func TestHelpdeskUnlockWritesUnlock(t *testing.T) {
	s, _ := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < LoginFailuresBeforeLock; i++ {
		s.Login(ctx, "hugo.lefevre", "Wrong-Guess-"+itoa(i), Origin{Client: "c" + itoa(i)})
		s.cfg.Clock.(*ManualClock).Advance(2 * LoginAutomationGap)
	}
	agent, _, err := s.accountByLogin(ctx, s.db, "ines.moreau")
	if err != nil {
		t.Fatal(err)
	}
	hugo, _, err := s.accountByLogin(ctx, s.db, "hugo.lefevre")
	if err != nil {
		t.Fatal(err)
	}
	u, err := s.HelpdeskUnlock(ctx, agent, hugo.Person.ID, Origin{Client: "kiosk:helpdesk"})
	if err != nil || !u.Login {
		t.Fatalf("unlock: %+v, %v", u, err)
	}
	entries, err := s.AuditLog(ctx, AuditFilter{Events: []Event{EventUnlock}})
	if err != nil || len(entries) != 1 || entries[0].Actor != agent.Identifiant || entries[0].PersonID != hugo.Person.ID {
		t.Fatalf("UNLOCK entries: %+v, %v", entries, err)
	}
	if _, err := s.Login(ctx, "hugo.lefevre", "Kiosque-Demo-2026", testOrigin); err != nil {
		t.Fatalf("login after the unlock: %v", err)
	}
}

// A change refused for a wrong current password is trouble on the card, not
// a change: the helpdesk reads the history to see what went wrong.
func TestRefusedChangeIsMarkedOnTheCard(t *testing.T) {
	f := newHelpdeskFixture(t)
	if _, err := f.s.RequestRecoveryChange(ctx, f.student, "not-my-password", "hugo.new@example.org", f.o); err == nil {
		t.Fatal("a wrong current password was accepted")
	}
	card := f.card(t, f.student.Person.ID)
	found := false
	for _, e := range card.Timeline {
		if e.What == string(EventUpdateRecoveryMail) {
			found = true
			if !e.Problem || e.Outcome != "wrong current password" {
				t.Fatalf("refused change not marked: %+v", e)
			}
		}
	}
	if !found {
		t.Fatal("the refused change is not in the history")
	}
	for _, e := range []AuditEntry{{Event: EventUpdateRecoveryMail, Outcome: "ok"}, {Event: EventLogin, Outcome: "ok"},
		{Event: EventUpdateRedirection, Outcome: "ok"}} {
		if e.Failed() {
			t.Errorf("%+v marked as failed", e)
		}
	}
	for _, e := range []AuditEntry{{Event: EventUpdatePassword, Outcome: "locked"}, {Event: EventHelpdeskAction,
		Outcome: "refused: resend cooldown"}, {Event: EventLoginError, Outcome: "wrong"}} {
		if !e.Failed() {
			t.Errorf("%+v not marked as failed", e)
		}
	}
}
