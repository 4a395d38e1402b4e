package data

import (
	"errors"
	"testing"
)

func TestDemoSmoke(t *testing.T) {
	s, _ := openTest(t)
	rep, err := s.LoadDemo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", rep)
	a, err := s.Login(ctx, "Hugo.Lefevre ", "Kiosque-Demo-2026", testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s %s %v", a.Identifiant, a.Status, a.RightsEnd)
	if _, err := s.Login(ctx, "paul.bernard", "Archives-Demo-2025", testOrigin); err == nil {
		t.Fatal("paul should be refused")
	} else {
		var re *RightsEndedError
		if !errors.As(err, &re) {
			t.Fatal(err)
		}
		t.Log(re)
	}
	rep2, err := s.LoadDemo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", rep2)
	mails, _ := s.Outbox(ctx, OutboxFilter{})
	for _, m := range mails {
		t.Logf("%s %s %s\n%s", m.To, m.Subject, m.NotBefore, m.Body)
	}
}
