package data

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// x#y|z@example.org was accepted as a redirection, confirmed by code, then
// left out of the Postfix map: every entry point now refuses it, naming
// the character, before anything is stored or mailed.
func TestAddressUnfitForTheMapIsRefusedAtEveryEntry(t *testing.T) {
	t.Parallel()
	const bad = "x#y|z@example.org"
	s, _ := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	hugo, _, err := s.accountByLogin(ctx, s.db, "hugo.lefevre")
	if err != nil {
		t.Fatal(err)
	}
	var mails0 int
	s.db.QueryRow(`SELECT COUNT(*) FROM outbox`).Scan(&mails0)
	wantChar := func(what string, err error) {
		t.Helper()
		var ie *InvalidEmailError
		if !errors.As(err, &ie) || ie.Char != '#' {
			t.Errorf("%s: %v, want the address refused for its '#'", what, err)
		}
	}
	_, err = s.SetRedirection(ctx, hugo, hugoPassword, bad, true, testOrigin)
	wantChar("redirection", err)
	_, err = s.RequestRecoveryChange(ctx, hugo, hugoPassword, bad, testOrigin)
	wantChar("mail de secours", err)
	var mails int
	s.db.QueryRow(`SELECT COUNT(*) FROM outbox`).Scan(&mails)
	if mails != mails0 {
		t.Errorf("%d mails queued for a refused address", mails-mails0)
	}

	rep := importLines(t, s, student("21909999", "Rousseau", "Zoé", "01/02/2005", bad, "2026-09-02T10:15:00+02:00"))
	if rep.Refused != 1 || len(rep.Refusals) != 1 || rep.Refusals[0].Line != 2 ||
		!strings.Contains(rep.Refusals[0].Error(), "« # »") {
		t.Fatalf("import: %+v", rep)
	}

	// And the map stays whole.
	var b bytes.Buffer
	if rep, err := s.WriteAliases(ctx, &b); err != nil || len(rep.Skipped) != 0 {
		t.Fatalf("aliases: %+v %v", rep, err)
	}
}
