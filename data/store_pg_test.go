package data

import (
	"database/sql"
	"errors"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"entkiosk/data/pgtest"
)

func TestRebindNumbersPlaceholdersOutsideLiterals(t *testing.T) {
	for in, want := range map[string]string{
		`SELECT 1`:                                 `SELECT 1`,
		`SELECT a FROM t WHERE b = ? AND c = ?`:    `SELECT a FROM t WHERE b = $1 AND c = $2`,
		`SELECT '?' || ? FROM t WHERE "x?" = ?`:    `SELECT '?' || $1 FROM t WHERE "x?" = $2`,
		`SELECT 'it''s ?', ? -- a comment?` + "\n": `SELECT 'it''s ?', $1 -- a comment?` + "\n",
		"SELECT ? /* why? */, ?":                   "SELECT $1 /* why? */, $2",
		`INSERT INTO t VALUES (?, ?) RETURNING id`: `INSERT INTO t VALUES ($1, $2) RETURNING id`,
	} {
		if got := rebind(in); got != want {
			t.Errorf("rebind(%q) = %q, want %q", in, got, want)
		}
		if got := rebind(in); got != want { // from the cache
			t.Errorf("rebind(%q) again = %q, want %q", in, got, want)
		}
	}
}

// A password is never taken from the URL (it is read in the process list),
// and never said back.
func TestPostgresURLWithPasswordRefused(t *testing.T) {
	for _, u := range []string{"postgres://entkiosk:s3cr3t-pw@127.0.0.1:1/entkiosk",
		"postgresql://entkiosk@127.0.0.1:1/entkiosk?password=s3cr3t-pw"} {
		_, err := Open(u, Config{Hasher: testHasher})
		if err == nil || !strings.Contains(err.Error(), "PGPASSWORD") || strings.Contains(err.Error(), "s3cr3t-pw") {
			t.Errorf("Open(%s): %v", redactURL(u), err)
		}
	}
}

func TestPostgresUnreachableSaidSo(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nobody listens there now
	_, err = Open("postgres://entkiosk@"+addr+"/entkiosk?sslmode=disable&connect_timeout=5",
		Config{Hasher: testHasher, DBPassword: "s3cr3t-pw"})
	if err == nil || !strings.Contains(err.Error(), "injoignable à "+addr) || strings.Contains(err.Error(), "s3cr3t-pw") {
		t.Fatalf("unreachable server: %v", err)
	}
}

// A database that does not exist is said so, with how to create it.
func TestPostgresMissingDatabaseSaidSo(t *testing.T) {
	if !onPostgres() {
		t.Skip("needs a PostgreSQL server: run in TestPostgres")
	}
	u, _ := url.Parse(testDB)
	u.Path = "/entkiosk_absente"
	_, err := Open(u.String(), Config{Hasher: testHasher})
	if err == nil || !strings.Contains(err.Error(), "la base entkiosk_absente n'existe pas") {
		t.Fatalf("missing database: %v", err)
	}
	// Commands that read refuse a database entkiosk never set up.
	_, err = Open(testStorePath(t), Config{Hasher: testHasher, MustExist: true})
	if err == nil || !strings.Contains(err.Error(), "n'est pas une base entkiosk") {
		t.Fatalf("empty database with MustExist: %v", err)
	}
}

func TestReadPasswordFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pgpass")
	if err := os.WriteFile(path, []byte("s3cr3t-pw\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadPasswordFile(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("group-readable file: %v", err)
	}
	os.Chmod(path, 0o600)
	pw, err := ReadPasswordFile(path)
	if err != nil || pw != "s3cr3t-pw" {
		t.Fatalf("ReadPasswordFile = %q, %v", pw, err)
	}
	if _, err := ReadPasswordFile(filepath.Join(dir, "absent")); err == nil || !strings.Contains(err.Error(), "n'existe pas") {
		t.Fatalf("missing file: %v", err)
	}
}

// entkiosk backup copies an SQLite file; a PostgreSQL store says pg_dump.
func TestBackupOnPostgresSaysPgDump(t *testing.T) {
	if !onPostgres() {
		t.Skip("needs a PostgreSQL server: run in TestPostgres")
	}
	s, _ := openTest(t)
	dest := filepath.Join(t.TempDir(), "copie.db")
	err := s.Backup(ctx, dest)
	var pe *PostgresBackupError
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "pg_dump -Fc") {
		t.Fatalf("Backup on PostgreSQL: %v", err)
	}
	if _, err := os.Stat(dest); err == nil {
		t.Fatal("a file was written")
	}
}

// Two writing transactions on PostgreSQL take turns, as SQLite's immediate
// transactions do: the second waits at its start until the first ends,
// whatever it writes; a read outside a transaction never waits.
func TestPostgresWritersTakeTurns(t *testing.T) {
	if !onPostgres() {
		t.Skip("needs a PostgreSQL server: run in TestPostgres")
	}
	s, _ := openTest(t)
	other, err := Open(s.Path(), Config{Hasher: testHasher})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	release := make(chan struct{})
	holding := make(chan struct{})
	first := make(chan error, 1)
	go func() {
		first <- s.tx(ctx, func(tx *sql.Tx) error {
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding
	second := make(chan error, 1)
	go func() {
		second <- other.tx(ctx, func(tx *sql.Tx) error {
			_, err := tx.Exec(`INSERT INTO settings(name, value) VALUES ('turns', ?)`, []byte("second"))
			return err
		})
	}()
	var n int
	if err := other.db.QueryRow(`SELECT COUNT(*) FROM settings`).Scan(&n); err != nil {
		t.Fatalf("a read waited for the writer: %v", err)
	}
	select {
	case err := <-second:
		t.Fatalf("the second writer did not wait for the first (%v)", err)
	case <-time.After(300 * time.Millisecond):
	}
	close(release)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	if err := <-second; err != nil {
		t.Fatal(err)
	}
}

// The password comes from Config.DBPassword (--db-password-file) or
// PGPASSWORD; a wrong one is said so, and never said back.
func TestPostgresPassword(t *testing.T) {
	if onPostgres() {
		t.Skip("run once, in the SQLite pass (it starts its own database)")
	}
	u, password := pgtest.StartWithPassword(t)
	t.Setenv("PGPASSWORD", "")
	t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "none"))
	_, err := Open(u, Config{Hasher: testHasher, DBPassword: "pas-le-bon-" + password})
	if err == nil || !strings.Contains(err.Error(), "mot de passe refusé pour l'utilisateur") || strings.Contains(err.Error(), password) {
		t.Fatalf("wrong password: %v", err)
	}
	_, err = Open(u, Config{Hasher: testHasher})
	if err == nil || !strings.Contains(err.Error(), "PGPASSWORD") {
		t.Fatalf("no password: %v", err)
	}
	s, err := Open(u, Config{Hasher: testHasher, DBPassword: password})
	if err != nil {
		t.Fatalf("password file's password: %v", err)
	}
	s.Close()
	t.Setenv("PGPASSWORD", password)
	s, err = Open(u, Config{Hasher: testHasher, MustExist: true})
	if err != nil {
		t.Fatalf("PGPASSWORD: %v", err)
	}
	s.Close()
}

// Servers starting at once on a new PostgreSQL store migrate it once: each
// step is taken by one, the others find it done; they all end with the
// same schema and the same secret.
func TestPostgresServersStartingAtOnceMigrateOnce(t *testing.T) {
	if !onPostgres() {
		t.Skip("needs a PostgreSQL server: run in TestPostgres")
	}
	path := testStorePath(t)
	const servers = 4
	stores := make([]*Store, servers)
	errs := make(chan error, servers)
	for i := range stores {
		go func() {
			var err error
			stores[i], err = Open(path, Config{Hasher: testHasher})
			errs <- err
		}()
	}
	for range stores {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	want, _ := latestMigration()
	for i, s := range stores {
		defer s.Close()
		v, err := s.schemaVersion(s.db)
		if err != nil || v != want {
			t.Fatalf("server %d: schema %d, %v; want %d", i, v, err, want)
		}
		if string(s.secret) != string(stores[0].secret) || len(s.secret) != 32 {
			t.Fatalf("server %d has another secret", i)
		}
	}
	var rows, secrets int
	stores[0].db.QueryRow(`SELECT COUNT(*) FROM schema_version`).Scan(&rows)
	stores[0].db.QueryRow(`SELECT COUNT(*) FROM settings WHERE name = 'secret'`).Scan(&secrets)
	if rows != 1 || secrets != 1 {
		t.Fatalf("%d schema_version rows, %d secrets", rows, secrets)
	}
}

// Both dialects have the same migrations, by number and name: a migration
// written for one only would leave the other's schema behind.
func TestMigrationsAreTheSameStepsInBothDialects(t *testing.T) {
	lite, err := dialectSQLite.migrationNames()
	if err != nil {
		t.Fatal(err)
	}
	pg, err := dialectPostgres.migrationNames()
	if err != nil {
		t.Fatal(err)
	}
	base := func(names []string) []string {
		var out []string
		for _, n := range names {
			out = append(out, filepath.Base(n))
		}
		return out
	}
	if a, b := strings.Join(base(lite), " "), strings.Join(base(pg), " "); a != b || len(lite) == 0 {
		t.Fatalf("migrations differ:\nsqlite:   %s\npostgres: %s", a, b)
	}
}
