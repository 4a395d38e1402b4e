package data

import (
	"context"
	"entkiosk/data/institution"
	"entkiosk/data/pgtest"
	"flag"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"testing"
	"time"
)

// The tests wait on the disk far more than they compute (every store
// commits with synchronous=FULL, as in production): unless -parallel is
// given, more of them run at once than the machine has cores. pgtest.Main
// stops the PostgreSQL server the run started, if any.
func TestMain(m *testing.M) {
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.parallel" })
	if !given {
		flag.Set("test.parallel", strconv.Itoa(4*runtime.GOMAXPROCS(0)))
	}
	os.Exit(pgtest.Main(m))
}

// testHasher keeps tests fast: real argon2id, tiny cost.
var testHasher = NewHasher(HashParams{MemoryKiB: 64, Time: 1, Threads: 1}, 4, 5*time.Second)

// openTest opens a store on a real file in a temporary folder, with a
// manual clock at 2026-11-25 10:00 Paris time, and the demo institution.
// In the PostgreSQL run (TestPostgres, ENTKIOSK_TEST_DB) the store is a
// fresh schema of that server instead.
func openTest(t testing.TB) (*Store, *ManualClock) {
	t.Helper()
	clock := NewManualClock(time.Date(2026, 11, 25, 10, 0, 0, 0, ParisLocation()))
	s, err := Open(testStorePath(t), Config{Clock: clock, Hasher: testHasher,
		LinkHost: "ent.umontpellier.fr", LinkPort: 2222, Institution: institution.Demo()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, clock
}

// testChild is this test binary run again for the one test named, with env
// added: how a test gets another process (on the same store, or measured on
// its own). The named test skips itself when its variable is not set.
func testChild(test string, env ...string) *exec.Cmd {
	return testChildArgs([]string{"-test.run=^" + test + "$", "-test.v"}, env...)
}

// testChildArgs is this test binary run again with args and env added.
func testChildArgs(args []string, env ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), env...)
	return cmd
}

var ctx = context.Background()

var testOrigin = Origin{Client: "test", Lang: "fr"}
