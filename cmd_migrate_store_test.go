package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"entkiosk/data"
	"entkiosk/data/pgtest"
)

// A copy to a new SQLite file (the PostgreSQL copy is TestMigrateStoreToPostgres):
// every table counted, the audit chain intact with the source's head, a
// second copy onto the now full target refused with nothing written.
func TestMigrateStoreCommand(t *testing.T) {
	src := demoStore(t)
	dst := filepath.Join(t.TempDir(), "copie.db")
	r := runCmd(t, "migrate-store", "--from", src, "--to", dst)
	if r.status != 0 {
		t.Fatalf("status %d:\n%s%s", r.status, r.out, r.errOut)
	}
	for _, table := range data.CopyTables {
		if !regexp.MustCompile(`(?m)^  ` + table + ` +\d+$`).MatchString(r.out) {
			t.Errorf("no count for %s:\n%s", table, r.out)
		}
	}
	if !regexp.MustCompile(`(?m)^  people +8$`).MatchString(r.out) ||
		!strings.Contains(r.out, "copie validée : 11 tables, ") {
		t.Fatalf("counts:\n%s", r.out)
	}
	head := regexp.MustCompile(`chaîne intacte, (\d+) entrées, dernière empreinte ([0-9a-f]{64})\n$`).FindStringSubmatch(r.out)
	if head == nil {
		t.Fatalf("no chain line:\n%s", r.out)
	}
	// audit --verify on both says the same chain.
	vs, vd := runCmd(t, "audit", "--verify", "--db", src), runCmd(t, "audit", "--verify", "--db", dst)
	if vs.status != 0 || vd.status != 0 || vs.out != vd.out || !strings.Contains(vd.out, head[2]) ||
		!strings.HasPrefix(vd.out, "chaîne intacte : "+head[1]+" entrées\n") {
		t.Fatalf("audit --verify: source %d %q, copy %d %q", vs.status, vs.out, vd.status, vd.out)
	}
	// The copy is a store like any other.
	if r := runCmd(t, "outbox", "--db", dst); r.status != 0 || r.out != runCmd(t, "outbox", "--db", src).out {
		t.Fatalf("outbox of the copy: %d %q", r.status, r.errOut)
	}
	again := runCmd(t, "migrate-store", "--from", src, "--to", dst)
	if again.status != 1 || !strings.Contains(again.errOut, "n'est pas vide (table people : 8 ligne(s))") ||
		!strings.Contains(again.errOut, "rien n'a été copié") {
		t.Fatalf("onto a full store: %d %q", again.status, again.errOut)
	}
}

func TestMigrateStoreUsage(t *testing.T) {
	src := demoStore(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"migrate-store", "--from", src}, "--from CHEMIN et --to URL sont obligatoires"},
		{[]string{"migrate-store", "--to", "postgres://x@h/db"}, "--from CHEMIN et --to URL sont obligatoires"},
		{[]string{"migrate-store", "--from", src, "--to", "postgres://entkiosk:secret@db.example/entkiosk"}, "pas de mot de passe dans l'URL"},
		{[]string{"migrate-store", "--from", src, "--to", src}, "la même base"},
		{[]string{"migrate-store", "--from", src, "--to", filepath.Join(dir, "x.db"), "extra"}, "argument inattendu"},
	} {
		r := runCmd(t, tc.args...)
		if r.status != 2 || !strings.Contains(r.errOut, tc.want) || strings.Contains(r.errOut, "secret") {
			t.Errorf("%v: status %d %q, want 2 and %q", tc.args, r.status, r.errOut, tc.want)
		}
	}
	// A source that is not there is not created.
	missing := filepath.Join(dir, "absente.db")
	r := runCmd(t, "migrate-store", "--from", missing, "--to", filepath.Join(dir, "y.db"))
	if r.status != 1 || !strings.Contains(r.errOut, "source : base "+missing+" : ce fichier n'existe pas") {
		t.Fatalf("missing source: %d %q", r.status, r.errOut)
	}
}

// The move the README describes: a SQLite store into an empty PostgreSQL
// database, the password from a file; audit --verify on PostgreSQL gives
// the source's chain; a second copy is refused; the store then serves.
func TestMigrateStoreToPostgres(t *testing.T) {
	src := demoStore(t)
	url, password := pgtest.StartWithPassword(t)
	pw := writeFile(t, "db.pw", password+"\n")
	r := runCmd(t, "migrate-store", "--from", src, "--to", url, "--db-password-file", pw)
	if r.status != 0 || !regexp.MustCompile(`(?m)^  people +8$`).MatchString(r.out) || !strings.Contains(r.out, "copie validée : 11 tables") {
		t.Fatalf("status %d:\n%s%s", r.status, r.out, r.errOut)
	}
	if strings.Contains(r.out+r.errOut, password) {
		t.Fatal("the password is printed")
	}
	vs := runCmd(t, "audit", "--verify", "--db", src)
	vd := runCmd(t, "audit", "--verify", "--db", url, "--db-password-file", pw)
	if vs.status != 0 || vd.status != 0 || vs.out != vd.out {
		t.Fatalf("audit --verify: source %d %q, PostgreSQL %d %q %q", vs.status, vs.out, vd.status, vd.out, vd.errOut)
	}
	t.Setenv("PGPASSWORD", password) // the other way to give it
	if r := runCmd(t, "outbox", "--db", url); r.status != 0 || r.out != runCmd(t, "outbox", "--db", src).out {
		t.Fatalf("outbox on PostgreSQL: %d %q", r.status, r.errOut)
	}
	again := runCmd(t, "migrate-store", "--from", src, "--to", url)
	if again.status != 1 || !strings.Contains(again.errOut, "n'est pas vide (table people : 8 ligne(s))") {
		t.Fatalf("onto a full database: %d %q", again.status, again.errOut)
	}
	// A password file others may read is refused before anything.
	open := writeFile(t, "open.pw", password)
	os.Chmod(open, 0o644)
	if r := runCmd(t, "migrate-store", "--from", src, "--to", url, "--db-password-file", open); r.status != 1 || !strings.Contains(r.errOut, "chmod 600") {
		t.Fatalf("readable password file: %d %q", r.status, r.errOut)
	}
}
