package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"entkiosk/data/pgtest"
)

func pgExec(t *testing.T, url string, qs ...string) {
	t.Helper()
	c, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())
	for _, q := range qs {
		if _, err := c.Exec(context.Background(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// backup on PostgreSQL runs pg_dump -Fc, checks the dump with pg_restore
// --list, never overwrites; without pg_dump it says what to run.
func TestBackupPostgres(t *testing.T) {
	cleanEnv(t)
	if _, err := exec.LookPath("pg_dump"); err != nil {
		t.Skip("pg_dump absent: apt-get install postgresql-client")
	}
	db := pgtest.Start(t)
	pgExec(t, db, `CREATE TABLE people (id bigint PRIMARY KEY, nom text)`, `INSERT INTO people VALUES (1, 'Martin')`)
	dest := filepath.Join(t.TempDir(), "entkiosk.dump")
	r := runCmd(t, "backup", "--db", db, dest)
	if r.status != 0 || !strings.Contains(r.out, "sauvegarde écrite par pg_dump : "+dest+" (format custom") ||
		!strings.Contains(r.out, "relue par pg_restore --list : 1 table, mode 0600") {
		t.Fatalf("status %d: %q %q", r.status, r.out, r.errOut)
	}
	st, err := os.Stat(dest)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("dump %v %v", st, err)
	}
	head := make([]byte, 5)
	if f, err := os.Open(dest); err == nil {
		f.Read(head)
		f.Close()
	}
	if string(head) != "PGDMP" {
		t.Fatalf("not a custom-format dump: %q", head)
	}
	// It restores.
	other := pgtest.Start(t)
	var out bytes.Buffer
	restore := exec.Command("pg_restore", "--no-owner", "--dbname", other, dest)
	restore.Stdout, restore.Stderr = &out, &out
	if err := restore.Run(); err != nil {
		t.Fatalf("pg_restore: %v %s", err, out.String())
	}
	c, err := pgx.Connect(context.Background(), other)
	if err != nil {
		t.Fatal(err)
	}
	var nom string
	if err := c.QueryRow(context.Background(), `SELECT nom FROM people WHERE id = 1`).Scan(&nom); err != nil || nom != "Martin" {
		t.Fatalf("restored row %q %v", nom, err)
	}
	c.Close(context.Background())
	// Never over a file.
	before, _ := os.ReadFile(dest)
	if r := runCmd(t, "backup", "--db", db, dest); r.status != 1 || !strings.Contains(r.errOut, "existe déjà et n'est pas écrasé") {
		t.Fatalf("existing dest: %d %q", r.status, r.errOut)
	}
	if after, _ := os.ReadFile(dest); !bytes.Equal(before, after) {
		t.Fatal("the existing dump was changed")
	}
	// A server that does not answer: said, nothing left behind.
	bad := filepath.Join(t.TempDir(), "x.dump")
	if r := runCmd(t, "backup", "--db", "postgres://nobody@127.0.0.1:1/none?sslmode=disable", bad); r.status != 1 ||
		!strings.Contains(r.errOut, "pg_dump a échoué") {
		t.Fatalf("no server: %d %q", r.status, r.errOut)
	}
	if entries, _ := os.ReadDir(filepath.Dir(bad)); len(entries) != 0 {
		t.Fatalf("left behind: %v", entries)
	}
	// Without pg_dump: the command to run instead.
	t.Setenv("PATH", t.TempDir())
	if r := runCmd(t, "backup", "--db", db, filepath.Join(t.TempDir(), "y.dump")); r.status != 1 ||
		!strings.Contains(r.errOut, "pg_dump est absent de ce poste") || !strings.Contains(r.errOut, "pg_dump -Fc -f ") {
		t.Fatalf("without pg_dump: %d %q", r.status, r.errOut)
	}
}

// The password of --db-password-file reaches pg_dump (in its environment,
// not on its command line).
func TestBackupPostgresPasswordFile(t *testing.T) {
	cleanEnv(t)
	if _, err := exec.LookPath("pg_dump"); err != nil {
		t.Skip("pg_dump absent: apt-get install postgresql-client")
	}
	db, password := pgtest.StartWithPassword(t)
	t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("PGPASSWORD", password)
	pgExec(t, db, `CREATE TABLE people (id bigint PRIMARY KEY)`)
	os.Unsetenv("PGPASSWORD")
	dest := filepath.Join(t.TempDir(), "entkiosk.dump")
	if r := runCmd(t, "backup", "--db", db, dest); r.status != 1 || !strings.Contains(r.errOut, "pg_dump a échoué") {
		t.Fatalf("without the password: %d %q", r.status, r.errOut)
	}
	pw := writeFile(t, "db.pw", password+"\n")
	if r := runCmd(t, "backup", "--db", db, "--db-password-file", pw, dest); r.status != 0 || strings.Contains(r.out+r.errOut, password) {
		t.Fatalf("with the password file: %d %q %q", r.status, r.out, r.errOut)
	}
}
