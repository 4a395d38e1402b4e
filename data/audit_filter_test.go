package data

import (
	"errors"
	"testing"
)

// The audit filter takes a student number too, and the console can ask
// whether what was typed names anyone (to say why nothing was found).
func TestAuditFilterByNumberAndSubjectKnown(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	lines, err := f.s.HelpdeskAudit(ctx, f.agent, AuditFilter{Identifiant: " 21805555 "})
	if err != nil || len(lines) == 0 {
		t.Fatalf("by number: %d lines, %v", len(lines), err)
	}
	for _, e := range lines {
		if e.Identifiant != "hugo.lefevre@etu.umontpellier.fr" {
			t.Fatalf("another person's line: %+v", e)
		}
	}
	for q, want := range map[string]bool{"hugo.lefevre": true, "HUGO.Lefevre@etu.umontpellier.fr": true, "21805555": true,
		"ines.moreau@umontpellier.fr": true, "hugo": false, "xyz": false, "21805556": false,
		"hugo.lefevre@umontpellier.fr": false, "": false} {
		if got, err := f.s.AuditSubjectKnown(ctx, f.agent, q); err != nil || got != want {
			t.Errorf("%q known: %v, %v", q, got, err)
		}
	}
	if _, err := f.s.AuditSubjectKnown(ctx, f.student, "hugo.lefevre"); !errors.Is(err, ErrNotHelpdesk) {
		t.Errorf("a student asked: %v", err)
	}
}
