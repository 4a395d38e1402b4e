package data

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// testHasher keeps tests fast: real argon2id, tiny cost.
var testHasher = NewHasher(HashParams{MemoryKiB: 64, Time: 1, Threads: 1}, 4, 5*time.Second)

// openTest opens a store on a real file in a temporary folder, with a
// manual clock at 2026-11-25 10:00 Paris time.
func openTest(t testing.TB) (*Store, *ManualClock) {
	t.Helper()
	clock := NewManualClock(time.Date(2026, 11, 25, 10, 0, 0, 0, ParisLocation()))
	s, err := Open(filepath.Join(t.TempDir(), "entkiosk.db"), Config{Clock: clock, Hasher: testHasher,
		LinkHost: "ent.umontpellier.fr", LinkPort: 2222})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, clock
}

var ctx = context.Background()

var testOrigin = Origin{Client: "test", Lang: "fr"}
