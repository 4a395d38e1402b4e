package data

import (
	"bufio"
	"database/sql"
	"entkiosk/data/pgtest"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// TestMain stops the PostgreSQL server the tests started, if any.
// testDB is the PostgreSQL server of the PostgreSQL run: the data package's
// tests run a second time (TestPostgres) with every openTest on it.
var testDB = os.Getenv("ENTKIOSK_TEST_DB")

// onPostgres says whether this run's stores are on PostgreSQL.
func onPostgres() bool { return testDB != "" }

// skipOnPostgres skips a test about the SQLite file itself (its mode, a
// damaged page, WAL, a read-only medium) in the PostgreSQL run.
func skipOnPostgres(t testing.TB, why string) {
	t.Helper()
	if onPostgres() {
		t.Skip("SQLite only: " + why)
	}
}

var (
	pgAdminOnce sync.Once
	pgAdmin     *sql.DB
	pgSchemas   atomic.Int64
)

// testStorePath is where openTest's store is: a file in t's folder, or in
// the PostgreSQL run a schema of its own, dropped when t ends.
func testStorePath(t testing.TB) string {
	t.Helper()
	if !onPostgres() {
		return filepath.Join(t.TempDir(), "entkiosk.db")
	}
	pgAdminOnce.Do(func() {
		var err error
		pgAdmin, err = sql.Open("pgx", testDB)
		if err != nil {
			panic(err)
		}
	})
	schema := fmt.Sprintf("t%d_%d", os.Getpid(), pgSchemas.Add(1))
	if _, err := pgAdmin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pgAdmin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`) })
	u, err := url.Parse(testDB)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// TestPostgres runs this package's tests again, every store on a PostgreSQL
// server (one started for it, or ENTKIOSK_TEST_POSTGRES): the rules hold on
// both back ends. Tests about the SQLite file skip there, saying so.
func TestPostgres(t *testing.T) {
	if onPostgres() {
		t.Skip("already the PostgreSQL run")
	}
	if testing.Short() {
		t.Skip("-short: the PostgreSQL run is the whole suite again")
	}
	db := pgtest.Start(t)
	args := []string{"-test.v", "-test.count=1", "-test.timeout=20m"}
	if run := os.Getenv("ENTKIOSK_TEST_PG_RUN"); run != "" {
		args = append(args, "-test.run="+run)
	}
	// The child's tests that start PostgreSQL themselves use this one.
	cmd := testChildArgs(args, "ENTKIOSK_TEST_DB="+db, pgtest.EnvURL+"="+pgtest.Shared(t).AdminURL())
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	result := regexp.MustCompile(`^\s*--- (PASS|FAIL|SKIP): (\S+)`)
	counts := map[string]int{}
	var failed []string
	var tail []string
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		tail = append(tail, line)
		if len(tail) > 40 {
			tail = tail[1:]
		}
		if m := result.FindStringSubmatch(line); m != nil && !strings.Contains(m[2], "/") {
			counts[m[1]]++
			if m[1] == "FAIL" {
				failed = append(failed, m[2])
			}
		}
		if strings.Contains(line, "--- FAIL") {
			t.Log(line)
		}
	}
	err = cmd.Wait()
	t.Logf("PostgreSQL run: %d passed, %d failed, %d skipped", counts["PASS"], counts["FAIL"], counts["SKIP"])
	if err != nil || len(failed) > 0 {
		t.Fatalf("PostgreSQL run failed (%v): %s\n%s", err, strings.Join(failed, " "), strings.Join(tail, "\n"))
	}
}
