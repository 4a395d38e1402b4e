package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"entkiosk/data"
)

// A mail whose code stopped working before it went out is shown as
// cancelled, with when and why, and --status cancelled lists it.
func TestOutboxShowsCancelledMails(t *testing.T) {
	cleanEnv(t)
	db := filepath.Join(t.TempDir(), "entkiosk.db")
	validated := time.Now().Add(-2 * time.Hour).Truncate(time.Second)
	file := writeFile(t, "ia.csv", exportHeader+exportLine("21901234", "Martin", "Camille", "camille.martin@example.org", validated))
	if r := runCmd(t, "import", "--db", db, file); r.err != nil {
		t.Fatal(r.err)
	}
	// "Lost password" on an account never activated, two minutes later,
	// sends a new activation code: the import's code is replaced, its mail
	// cancelled.
	later := time.Now().Add(2 * time.Minute)
	s, err := data.Open(db, data.Config{Clock: data.NewManualClock(later)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartReset(context.Background(), "camille.martin", data.Origin{Client: "test", Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	r := runCmd(t, "outbox", "--db", db, "--status", "cancelled")
	t.Logf("entkiosk outbox --status cancelled:\n%s", r.out)
	if r.err != nil || strings.Count(r.out, "À : ") != 1 ||
		!strings.Contains(r.out, "Objet : Activation de votre compte informatique / Activate your computer account") ||
		!strings.Contains(r.out, ", jamais envoyé (code remplacé par un plus récent)\n") ||
		!strings.Contains(r.out, "État : annulé le "+later.In(data.ParisLocation()).Format("02/01/2006")) {
		t.Fatalf("outbox --status cancelled: %v\n%s", r.err, r.out)
	}
	r = runCmd(t, "outbox", "--db", db, "--status", "pending")
	if r.err != nil || strings.Count(r.out, "À : ") != 1 || !strings.Contains(r.out, "Objet : Activate your computer account") {
		t.Fatalf("outbox --status pending: %v\n%s", r.err, r.out)
	}
}
