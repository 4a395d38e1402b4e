package data

import (
	"database/sql"
	"entkiosk/data/institution"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

func testConfig() Config {
	return Config{Clock: NewManualClock(time.Date(2026, 11, 25, 10, 0, 0, 0, ParisLocation())), Hasher: testHasher,
		Institution: institution.Demo()}
}

func TestOpenRefusesAFileThatIsNotADatabase(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(path, []byte(strings.Repeat("this is a text file, not SQLite\n", 200)), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, testConfig())
	if err == nil {
		s.Close()
		t.Fatal("Open accepted a text file")
	}
	if !strings.Contains(err.Error(), "n'est pas une base SQLite") || !strings.Contains(err.Error(), path) {
		t.Fatalf("error does not say what is wrong: %v", err)
	}
	// The file is left as it was.
	if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "this is a text file") {
		t.Fatal("Open wrote into a file that is not a database")
	}
}

func TestOpenRefusesAFolderAndAMissingFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, path := range []string{dir, filepath.Join(dir, "nope", "entkiosk.db"), ""} {
		s, err := Open(path, testConfig())
		if err == nil {
			s.Close()
			t.Fatalf("Open(%q) accepted", path)
		}
		t.Logf("Open(%q): %v", path, err)
	}
}

// A read-only store file, or a store in a read-only folder (WAL needs its
// -wal and -shm files beside it), is refused at start with a sentence. Root
// ignores file modes, so under root the check runs in a child process with
// the identity of nobody.
func TestOpenRefusesAReadOnlyStore(t *testing.T) {
	t.Parallel()
	var paths []string
	for _, c := range []struct{ file, dir os.FileMode }{{0o400, 0o755}, {0o600, 0o555}, {0o400, 0o555}} {
		dir, err := os.MkdirTemp("", "entkiosk-ro-")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755); os.RemoveAll(dir) })
		path := filepath.Join(dir, "entkiosk.db")
		s, err := Open(path, testConfig())
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		if os.Geteuid() == 0 { // the modes below then apply to nobody, who runs the check
			os.Chown(dir, 65534, 65534)
			os.Chown(path, 65534, 65534)
		}
		if err := os.Chmod(path, c.file); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(dir, c.dir); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	if os.Geteuid() != 0 {
		for _, path := range paths {
			checkReadOnlyOpen(t, path)
		}
		return
	}
	// Copy the test binary where nobody can run it, and run the check as nobody.
	bin := filepath.Join(t.TempDir(), "data.test")
	copyFile(t, os.Args[0], bin)
	os.Chmod(filepath.Dir(bin), 0o755)
	os.Chmod(filepath.Dir(filepath.Dir(bin)), 0o755)
	os.Chmod(bin, 0o755)
	cmd := exec.Command(bin, "-test.run=^TestHelperReadOnlyOpen$", "-test.v")
	cmd.Env = append(os.Environ(), "ENTKIOSK_TEST_READONLY="+strings.Join(paths, string(os.PathListSeparator)))
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	t.Logf("as nobody:\n%s", out)
	if err != nil {
		t.Fatalf("read-only check failed: %v", err)
	}
	if !strings.Contains(string(out), "--- PASS: TestHelperReadOnlyOpen") {
		t.Fatal("the helper did not run")
	}
}

func TestHelperReadOnlyOpen(t *testing.T) {
	t.Parallel()
	paths := os.Getenv("ENTKIOSK_TEST_READONLY")
	if paths == "" {
		t.Skip("helper of TestOpenRefusesAReadOnlyStore")
	}
	for _, path := range filepath.SplitList(paths) {
		checkReadOnlyOpen(t, path)
	}
}

func checkReadOnlyOpen(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path, testConfig())
	if err == nil {
		s.Close()
		t.Fatalf("Open accepted the read-only store %s", path)
	}
	t.Logf("read-only store: %v", err)
	if !strings.Contains(err.Error(), "lecture seule") {
		t.Fatalf("error does not say the store is read-only: %v", err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestSQLiteVersionCheck(t *testing.T) {
	t.Parallel()
	for v, ok := range map[string]bool{
		"3.51.2": false, "3.51.3": true, "3.51.10": true, "3.52.0": true, "3.9.9": false,
		"3.50.99": false, "4.0.0": true, "3.45.1": false, "garbage": false,
	} {
		if err := checkSQLiteVersion(v); (err == nil) != ok {
			t.Errorf("checkSQLiteVersion(%q) = %v, want ok=%v", v, err, ok)
		}
	}
	linked, _, _ := sqlite3.Version()
	if err := checkSQLiteVersion(linked); err != nil {
		t.Fatalf("the linked SQLite is refused: %v", err)
	}
	t.Logf("linked SQLite %s", linked)
}

// The pragmas are DSN parameters: every connection of the pool has them,
// not only the one that happened to run a PRAGMA.
func TestPragmasHoldOnEveryPooledConnection(t *testing.T) {
	t.Parallel()
	skipOnPostgres(t, "SQLite's pragmas")
	s, _ := openTest(t)
	var conns []*sql.Conn
	for i := 0; i < 5; i++ {
		c, err := s.db.Conn(ctx) // held open: each is a distinct connection
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	for i, c := range conns {
		var mode string
		var fk, busy, sync int
		if err := c.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		c.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk)
		c.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&busy)
		c.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync)
		if mode != "wal" || fk != 1 || busy != 5000 || sync != 2 {
			t.Errorf("connection %d: journal_mode=%s foreign_keys=%d busy_timeout=%d synchronous=%d", i, mode, fk, busy, sync)
		}
	}
	for _, c := range conns {
		c.Close()
	}
}

// Transactions are immediate: the write lock is taken at BEGIN, so two
// writers queue on busy_timeout instead of failing on lock upgrade.
func TestTransactionsAreImmediate(t *testing.T) {
	t.Parallel()
	skipOnPostgres(t, "SQLite's _txlock (PostgreSQL: TestPostgresWritersTakeTurns)")
	s, _ := openTest(t)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	// A second handle that does not wait: BEGIN IMMEDIATE must find the lock taken.
	other, err := sql.Open("sqlite3", "file:"+s.path+"?_busy_timeout=0")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	_, err = other.Exec(`BEGIN IMMEDIATE; ROLLBACK`)
	var se sqlite3.Error
	if err == nil || !asSQLiteError(err, &se) || se.Code != sqlite3.ErrBusy {
		t.Fatalf("a transaction that wrote nothing yet does not hold the write lock (err %v)", err)
	}
}

func asSQLiteError(err error, se *sqlite3.Error) bool {
	e, ok := err.(sqlite3.Error)
	if ok {
		*se = e
	}
	return ok
}

func TestMigrationsTwiceChangeNothing(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "entkiosk.db")
	schema := func() string {
		s, err := Open(path, testConfig())
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.migrate(); err != nil { // and once more on the same handle
			t.Fatal(err)
		}
		var version int
		s.db.QueryRow(`PRAGMA user_version`).Scan(&version)
		rows, err := s.db.Query(`SELECT type, name, COALESCE(sql, '') FROM sqlite_master ORDER BY type, name`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var b strings.Builder
		fmt.Fprintf(&b, "user_version %d\n", version)
		for rows.Next() {
			var typ, name, sql string
			rows.Scan(&typ, &name, &sql)
			fmt.Fprintf(&b, "%s %s %s\n", typ, name, sql)
		}
		var secret []byte
		s.db.QueryRow(`SELECT value FROM settings WHERE name = 'secret'`).Scan(&secret)
		fmt.Fprintf(&b, "secret %x\n", secret)
		return b.String()
	}
	first := schema()
	names, _ := fs.Glob(migrationFiles, "migrations/sqlite/*.sql")
	if !strings.Contains(first, fmt.Sprintf("user_version %d\n", len(names))) || !strings.Contains(first, "table accounts") {
		t.Fatalf("schema not applied:\n%s", first)
	}
	if second := schema(); second != first {
		t.Fatalf("second open changed the schema:\nfirst:\n%s\nsecond:\n%s", first, second)
	}
}

// Two Store handles on one file write at the same time, as a kiosk and the
// SSH server do: nothing is lost, nobody gets "database is locked".
func TestTwoHandlesWriteTheSameFile(t *testing.T) {
	t.Parallel()
	path := testStorePath(t)
	a, err := Open(path, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	const perWriter = 40
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for w, s := range []*Store{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- writeStudents(s, w, perWriter)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	var people, accounts, mails int
	a.db.QueryRow(`SELECT COUNT(*) FROM people`).Scan(&people)
	a.db.QueryRow(`SELECT COUNT(*) FROM accounts`).Scan(&accounts)
	a.db.QueryRow(`SELECT COUNT(*) FROM outbox`).Scan(&mails)
	if people != 4*perWriter || accounts != 4*perWriter || mails != 4*perWriter {
		t.Fatalf("people %d, accounts %d, mails %d; want %d each", people, accounts, mails, 4*perWriter)
	}
}

// writeStudents imports n students one line at a time (one transaction each).
func writeStudents(s *Store, writer, n int) error {
	for i := 0; i < n; i++ {
		csv := importHeader + fmt.Sprintf("%d%07d;Writer%d;Eleve%d;01/01/2004;w%d.%d@example.org;etudiant;2026;SLINF1;;;;;valide;paye;2026-09-02T10:15:00+02:00;\n",
			writer+1, i, writer, i, writer, i)
		rep, err := s.Import(ctx, strings.NewReader(csv), testOrigin)
		if err != nil {
			return err
		}
		if rep.Created != 1 {
			return fmt.Errorf("writer %d line %d: %+v", writer, i, rep)
		}
	}
	return nil
}

// The same with two processes: this test binary runs twice more as writers.
func TestTwoProcessesWriteTheSameFile(t *testing.T) {
	t.Parallel()
	path := testStorePath(t) // a file, or in the PostgreSQL run a schema: two clients
	s, err := Open(path, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const perWriter = 40
	var cmds []*exec.Cmd
	var outs []*strings.Builder
	for w := 0; w < 2; w++ {
		cmd := testChild("TestHelperWriter", "ENTKIOSK_TEST_WRITER="+path, "ENTKIOSK_TEST_WRITER_ID="+strconv.Itoa(w),
			"ENTKIOSK_TEST_WRITER_N="+strconv.Itoa(perWriter))
		out := &strings.Builder{}
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, out)
	}
	// And this process writes too, meanwhile.
	if err := writeStudents(s, 2, perWriter); err != nil {
		t.Fatal(err)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("writer %d: %v\n%s", i, err, outs[i])
		}
		if !strings.Contains(outs[i].String(), "--- PASS: TestHelperWriter") {
			t.Fatalf("writer %d did not run:\n%s", i, outs[i])
		}
	}
	var accounts int
	s.db.QueryRow(`SELECT COUNT(*) FROM accounts`).Scan(&accounts)
	if accounts != 3*perWriter {
		t.Fatalf("%d accounts, want %d", accounts, 3*perWriter)
	}
}

func TestHelperWriter(t *testing.T) {
	t.Parallel()
	path := os.Getenv("ENTKIOSK_TEST_WRITER")
	if path == "" {
		t.Skip("helper of TestTwoProcessesWriteTheSameFile")
	}
	id, _ := strconv.Atoi(os.Getenv("ENTKIOSK_TEST_WRITER_ID"))
	n, _ := strconv.Atoi(os.Getenv("ENTKIOSK_TEST_WRITER_N"))
	s, err := Open(path, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := writeStudents(s, id, n); err != nil {
		t.Fatal(err)
	}
}

func TestTimesSortAsText(t *testing.T) {
	t.Parallel()
	a := time.Date(2026, 11, 25, 9, 59, 59, 999_000_000, time.UTC)
	b := a.Add(time.Millisecond)
	if !(fmtTime(a) < fmtTime(b)) {
		t.Fatalf("%s !< %s", fmtTime(a), fmtTime(b))
	}
	if got := parseTime(fmtTime(a)); !got.Equal(a) {
		t.Fatalf("round trip %v → %v", a, got)
	}
}

// MustExist (the commands that only read a store) refuses a missing file,
// a missing folder and an empty file, and creates nothing; without it Open
// creates the store.
func TestOpenMustExist(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfg := testConfig()
	cfg.MustExist = true
	for _, path := range []string{filepath.Join(dir, "typo.db"), filepath.Join(dir, "nope", "entkiosk.db")} {
		s, err := Open(path, cfg)
		if err == nil {
			s.Close()
			t.Fatalf("Open(%q) with MustExist created a store", path)
		}
		var missing *MissingStoreError
		if !errors.As(err, &missing) || !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "n'existe pas") ||
			!strings.Contains(err.Error(), path) {
			t.Fatalf("Open(%q): %v", path, err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("files left behind: %v", entries)
	}
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	// An empty file is a store truncated to nothing: damaged, not new.
	var corrupt *CorruptStoreError
	if s, err := Open(empty, cfg); !errors.As(err, &corrupt) || !strings.Contains(err.Error(), "endommagé") {
		if s != nil {
			s.Close()
		}
		t.Fatalf("an empty file: %v", err)
	}
	// Created without MustExist, then opened with it.
	path := filepath.Join(dir, "entkiosk.db")
	s, err := Open(path, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(path, cfg); err != nil {
		t.Fatalf("an existing store refused: %v", err)
	}
	s.Close()
}
