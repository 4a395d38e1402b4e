package data

import (
	"entkiosk/data/institution"
	"errors"
	"strings"
	"testing"
	"time"
)

// Each demo person is in the state the README says.
func TestDemoPeople(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	rep, err := s.LoadDemo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Refused != 0 || len(rep.Accounts) != 8 {
		t.Fatalf("demo import %+v", rep)
	}
	now := clock.Now()
	account := func(ident string) *Account {
		t.Helper()
		a, _, err := s.accountByLogin(ctx, s.db, ident)
		if err != nil {
			t.Fatalf("%s: %v", ident, err)
		}
		return a
	}
	mails := func(a *Account) int {
		m, _ := s.Outbox(ctx, OutboxFilter{PersonID: a.Person.ID})
		return len(m)
	}

	// Camille Martin: IA validated 2 days ago, not activated: can activate now.
	camille := account("camille.martin")
	// Days ago are in office hours (10:15 local), on the day asked.
	day := func(t time.Time) string { return t.In(s.cfg.Location).Format("02/01/2006 15:04") }
	if got, want := day(camille.ValidatedAt), now.AddDate(0, 0, -2).In(s.cfg.Location).Format("02/01/2006")+" 10:15"; got != want {
		t.Errorf("Camille validated %s, want %s", got, want)
	}
	if camille.Status != StatusPending ||
		camille.Person.StudentNumber != "21901234" || !camille.Person.BirthDate.Equal(date(2004, 7, 14)) || mails(camille) != 1 {
		t.Errorf("Camille: %+v", camille)
	}
	if _, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: "camille.martin"}, testOrigin); err != nil {
		t.Errorf("Camille cannot activate now: %v", err)
	}

	// Léa Dubois: IA validated 5 minutes ago: activation possible in 10 minutes.
	lea := account("lea.dubois")
	_, err = s.StartActivation(ctx, ActivationIdentity{StudentNumber: "22004567", BirthDate: date(2005, 2, 3)}, testOrigin)
	var early *TooEarlyError
	if lea.Status != StatusPending || !errors.As(err, &early) || !early.AllowedFrom.Equal(now.Add(10*time.Minute)) {
		t.Errorf("Léa: %s, %v", lea.Status, err)
	}
	if m := lastMail(t, s, "lea.dubois@example.org"); !m.NotBefore.Equal(now.Add(10 * time.Minute)) {
		t.Errorf("Léa's mail due %v", m.NotBefore)
	}

	// Hugo Lefèvre: active, password Kiosque-Demo-2026.
	hugo, err := s.Login(ctx, "hugo.lefevre", "Kiosque-Demo-2026", testOrigin)
	if err != nil || hugo.Status != StatusActive || hugo.Person.Nom != "Lefèvre" || mails(hugo) != 0 {
		t.Errorf("Hugo: %v", err)
	} else if !hugo.RightsEnd.Equal(date(2027, 12, 31)) {
		t.Errorf("Hugo's rights end %v", hugo.RightsEnd)
	}

	// Jean-Luc D'Alembert: two registrations this year (a master and a DU), not activated.
	jl := account("jean-luc.dalembert")
	year := institution.None().AcademicYear(now)
	if jl.Status != StatusPending || len(jl.Registrations) != 2 || jl.Registrations[0].Annee != year ||
		jl.Registrations[1].Annee != year || mails(jl) != 1 {
		t.Errorf("Jean-Luc: %s, %+v, %d mails", jl.Status, jl.Registrations, mails(jl))
	}
	kinds := jl.Registrations[0].Diplome + " / " + jl.Registrations[1].Diplome
	if !strings.Contains(kinds, "Master") || !strings.Contains(kinds, "Diplôme d'université") {
		t.Errorf("Jean-Luc's registrations: %s", kinds)
	}

	// Marie Petit, Marie Petit: homonyms marie.petit, marie.petit2.
	for ident, number := range map[string]string{"marie.petit": "22200001", "marie.petit2": "22200002"} {
		if a := account(ident); a.Person.StudentNumber != number || a.Status != StatusPending {
			t.Errorf("%s is %s, %s", ident, a.Person.StudentNumber, a.Status)
		}
	}

	// Paul Bernard: last registration two academic years ago: rights ended 31/12/2025 (academic year 2026/2027 now).
	_, err = s.Login(ctx, "paul.bernard", "Archives-Demo-2025", testOrigin)
	var ended *RightsEndedError
	if !errors.As(err, &ended) || !ended.End.Equal(date(year-1, 12, 31)) {
		t.Errorf("Paul: %v", err)
	}
	if paul := account("paul.bernard"); paul.Registrations[0].Annee != year-2 || mails(paul) != 0 {
		t.Errorf("Paul's registration %d, %d mails", paul.Registrations[0].Annee, mails(paul))
	}

	// Inès Moreau: active staff, helpdesk role.
	ines, err := s.Login(ctx, "ines.moreau@umontpellier.fr", "Helpdesk-Demo-2026", testOrigin)
	if err != nil || !ines.Helpdesk || ines.Person.Category != Staff || ines.Person.StudentNumber != "" || mails(ines) != 0 {
		t.Errorf("Inès: %v", err)
	}

	for _, p := range DemoPeople {
		if !strings.HasSuffix(p.Email, "@example.org") || p.Shows == "" {
			t.Errorf("%s %s: address %s, shows %q", p.Prenom, p.Nom, p.Email, p.Shows)
		}
	}
}

// Loading the demo again changes nothing, even later.
func TestDemoLoadsIdempotently(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	before := dumpTables(t, s)
	clock.Advance(3 * time.Hour)
	rep, err := s.LoadDemo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Created+rep.Updated+rep.Refused != 0 || len(rep.Accounts) != 0 {
		t.Fatalf("second load %+v", rep)
	}
	if dumpTables(t, s) != before {
		t.Fatal("loading the demo again changed the store")
	}
}
