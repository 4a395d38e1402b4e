package accessible

import (
	"strings"
	"testing"

	"entkiosk/data"
	"entkiosk/data/institution"
)

// A new charter is read and accepted at the next login, before the
// dashboard; answering No logs out (the screens' Charter page, in lines).
func TestNewCharterAtLogin(t *testing.T) {
	t.Parallel()
	for _, accept := range []bool{true, false} {
		store, clock := newTestStore(t)
		next := institution.Demo()
		next.Charter.Version = "2027-01"
		next.Charter.Text.FR = "CHARTE 2027\n\nArticle unique. Les règles ont changé."
		s, err := data.Open(store.Path(), data.Config{Clock: clock, Hasher: testHasher, Institution: next,
			StudentDomain: "etu.umontpellier.fr"})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		ps := startOn(t, s, clock)
		answer := "1"
		if !accept {
			answer = "2"
		}
		ps.write("1", "hugo.lefevre", "Kiosque-Demo-2026", answer)
		out := ps.end()
		requirePlain(t, out)
		if !strings.Contains(out, "CHARTE 2027") || !strings.Contains(out, "(version 2027-01)") {
			t.Fatalf("the new charter was not read:\n%s", out)
		}
		entries, err := s.AuditLog(t.Context(), data.AuditFilter{Events: []data.Event{data.EventAcceptCharter}})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case accept && (len(entries) != 1 || entries[0].Detail != "2027-01" || !strings.Contains(out, "Mon compte")):
			t.Fatalf("accepted: %+v\n%s", entries, out)
		case !accept && (len(entries) != 0 || strings.Contains(out, "Mon compte") || !strings.Contains(out, "Erreur : sans accord sur la charte")):
			t.Fatalf("refused: %+v\n%s", entries, out)
		}
	}
}
