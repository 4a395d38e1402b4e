package sshserver

import (
	"context"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"entkiosk/data"
	"entkiosk/data/institution"
)

// Shared helpers of the SSH server's tests: a store on a real file with
// the demo people, and the demo people's words.

// testNow is the fixed time of the store's clock: a Wednesday morning.
var testNow = time.Date(2026, 11, 25, 10, 0, 0, 0, data.ParisLocation())

// testHasher keeps tests fast: real argon2id, tiny cost.
var testHasher = data.NewHasher(data.HashParams{MemoryKiB: 64, Time: 1, Threads: 1}, 4, 5*time.Second)

const (
	hugoPassword = "Kiosque-Demo-2026"
	hugoFull     = "hugo.lefevre@etu.umontpellier.fr"
	hugoMail     = "hugo.lefevre@example.org"
	camilleMail  = "camille.martin@example.org"
	camilleID    = "camille.martin@etu.umontpellier.fr"
	newPassword  = "Soleil-Vert-2026"
)

// newTestStore opens a store on a real file with the demo people loaded
// and a manual clock at testNow.
func newTestStore(t testing.TB) (*data.Store, *data.ManualClock) {
	t.Helper()
	clock := data.NewManualClock(testNow)
	s, err := data.Open(filepath.Join(t.TempDir(), "entkiosk.db"), data.Config{Clock: clock, Hasher: testHasher, Institution: institution.Demo(),
		LinkHost: "ent.umontpellier.fr", LinkPort: 2222})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.LoadDemo(t.Context()); err != nil {
		t.Fatal(err)
	}
	return s, clock
}

var codeLine = regexp.MustCompile(`(?m)^Code ?: (\d{8})$`)

// mailedCode reads the newest code mailed to address from the outbox.
func mailedCode(t testing.TB, s *data.Store, address string) string {
	t.Helper()
	mails, err := s.Outbox(context.Background(), data.OutboxFilter{To: address})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mails {
		if sub := codeLine.FindStringSubmatch(m.Body); sub != nil {
			return sub[1]
		}
	}
	t.Fatalf("no code mailed to %s", address)
	return ""
}
