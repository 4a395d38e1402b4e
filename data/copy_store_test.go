package data

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"entkiosk/data/institution"
)

// sqliteSource is a store on a SQLite file, whichever run this is: what
// migrate-store copies from. With demo set, the demo people are loaded and
// the clock moved two hours on (abuseStore's).
func sqliteSource(t *testing.T, demo bool) (*Store, *ManualClock, Config) {
	t.Helper()
	clock := NewManualClock(time.Date(2026, 11, 25, 10, 0, 0, 0, ParisLocation()))
	cfg := Config{Clock: clock, Hasher: testHasher, LinkHost: "ent.umontpellier.fr", LinkPort: 2222, Institution: institution.Demo()}
	s, err := Open(filepath.Join(t.TempDir(), "source.db"), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if demo {
		if _, err := s.LoadDemo(ctx); err != nil {
			t.Fatal(err)
		}
		clock.Advance(2 * time.Hour)
	}
	return s, clock, cfg
}

// The copy's list is every table of the schema, each after the tables it
// references: a migration adding a table must add it to the copy. In the
// PostgreSQL run, the PostgreSQL schema's tables are the same.
func TestCopyTablesAreTheSchema(t *testing.T) {
	s, _, _ := sqliteSource(t, false)
	if onPostgres() {
		pg, _ := openTest(t)
		rows, err := pg.db.Query(`SELECT table_name FROM information_schema.tables
			WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_version' ORDER BY table_name`)
		if err != nil {
			t.Fatal(err)
		}
		var tables []string
		for rows.Next() {
			var n string
			rows.Scan(&n)
			tables = append(tables, n)
		}
		rows.Close()
		if sorted := slices.Sorted(slices.Values(CopyTables)); !slices.Equal(tables, sorted) {
			t.Fatalf("PostgreSQL schema tables %v, copied tables %v", tables, sorted)
		}
	}
	rows, err := s.db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	sorted := slices.Sorted(slices.Values(CopyTables))
	if !slices.Equal(tables, sorted) {
		t.Fatalf("schema tables %v, copied tables %v", tables, sorted)
	}
	copiedAfterReferences(t, s)
	if onPostgres() {
		pg, _ := openTest(t)
		copiedAfterReferences(t, pg)
	}
	if slices.Index(CopyTables, "outbox") > slices.Index(CopyTables, "codes") {
		t.Error("outbox must come before codes (the trigger codes_link_mail would relink codes)")
	}
}

// copiedAfterReferences: each table comes after those it references, in
// the store's own catalogue.
func copiedAfterReferences(t *testing.T, s *Store) {
	t.Helper()
	for i, table := range CopyTables {
		fk := `SELECT "table" FROM pragma_foreign_key_list(?)`
		if s.dialect == dialectPostgres {
			fk = `SELECT confrelid::regclass::text FROM pg_constraint WHERE contype = 'f' AND conrelid = ?::regclass`
		}
		refs, err := s.db.Query(fk, table)
		if err != nil {
			t.Fatal(err)
		}
		for refs.Next() {
			var ref string
			refs.Scan(&ref)
			if j := slices.Index(CopyTables, ref); j >= i {
				t.Errorf("%s references %s, copied after it", table, ref)
			}
		}
		refs.Close()
	}
}

// dumpTable is every row of a table, in key order, as text.
func dumpTable(t *testing.T, s *Store, table string) []string {
	t.Helper()
	order := naturalKey[table]
	if order == "" {
		order = "id"
	}
	rows, err := s.db.Query(`SELECT * FROM ` + table + ` ORDER BY ` + order)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for i, v := range vals {
			if bs, ok := v.([]byte); ok {
				v = string(bs)
			}
			fmt.Fprintf(&b, "%s=%v|", cols[i], v)
		}
		out = append(out, b.String())
	}
	return out
}

// The copy migrate-store makes: from a SQLite file to a new store (a
// PostgreSQL schema in the PostgreSQL run, another file otherwise).
func TestCopyToKeepsEveryRowAndTheChain(t *testing.T) {
	src, _, cfg := sqliteSource(t, true)
	for i := 0; i < 3; i++ { // throttle_failures, audit
		if _, err := src.Login(ctx, hugo, "not-the-password", testOrigin); err == nil {
			t.Fatal("a wrong password logged in")
		}
	}
	c, err := src.StartActivation(ctx, ActivationIdentity{Identifiant: camilleIdent}, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := src.ActivationChallenge(ctx, c, false, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	code := lastCode(t, src, "camille.martin@example.org")
	// An outbox id given and its row gone: the copy's next id must not give it again.
	if _, err := src.db.Exec(`UPDATE sqlite_sequence SET seq = 900 WHERE name = 'outbox'`); err != nil {
		t.Fatal(err)
	}
	srcChain, err := src.VerifyAuditChain(ctx)
	if err != nil || len(srcChain.Breaks) > 0 || srcChain.Entries == 0 {
		t.Fatalf("source chain %+v, %v", srcChain, err)
	}

	path := testStorePath(t)
	dst, err := Open(path, cfg)
	if err != nil {
		t.Fatal(err)
	}
	counts, err := src.CopyTo(ctx, dst)
	dst.Close()
	if err != nil {
		t.Fatal(err)
	}
	dst, err = Open(path, cfg) // with the source's secret
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()

	if len(counts) != len(CopyTables) {
		t.Fatalf("counts for %d tables, want %d", len(counts), len(CopyTables))
	}
	for _, c := range counts {
		want := dumpTable(t, src, c.Table)
		got := dumpTable(t, dst, c.Table)
		if int64(len(want)) != c.Rows {
			t.Errorf("%s: counted %d, source has %d", c.Table, c.Rows, len(want))
		}
		if !slices.Equal(want, got) {
			t.Errorf("%s differs after the copy:\nsource %v\ncopy   %v", c.Table, want, got)
		}
		if c.Rows == 0 && c.Table != "directory_queue" && c.Table != "decoy_masks" && c.Table != "throttle_locks" {
			t.Errorf("%s: empty in the source: the test copies nothing there", c.Table)
		}
	}
	chain, err := dst.VerifyAuditChain(ctx)
	if err != nil || len(chain.Breaks) > 0 || chain.Head != srcChain.Head || chain.Entries != srcChain.Entries {
		t.Fatalf("copy's chain %+v (%v), source's %+v", chain, err, srcChain)
	}
	if onPostgres() {
		var next int64
		if err := dst.db.QueryRow(`SELECT nextval(pg_get_serial_sequence('outbox', 'id'))`).Scan(&next); err != nil || next != 901 {
			t.Fatalf("outbox sequence gives %d (%v), want 901 after the source's 900", next, err)
		}
		var people, maxID int64
		if err := dst.db.QueryRow(`SELECT nextval(pg_get_serial_sequence('people', 'id')), (SELECT MAX(id) FROM people)`).Scan(&people, &maxID); err != nil || people != maxID+1 {
			t.Fatalf("people sequence gives %d (%v), want %d", people, err, maxID+1)
		}
	} else {
		var seq int64
		if err := dst.db.QueryRow(`SELECT seq FROM sqlite_sequence WHERE name = 'outbox'`).Scan(&seq); err != nil || seq != 900 {
			t.Fatalf("outbox counter %d (%v), want 900 as in the source", seq, err)
		}
	}
	// The code mailed before the move is good after it: same secret, same code row.
	if _, err := dst.VerifyCode(ctx, ch, code, testOrigin); err != nil {
		t.Fatalf("the code sent before the copy is refused by the copy: %v", err)
	}
	// The copy writes on, its audit chain going on from the source's head.
	agent(t, dst)
	if chain, err := dst.VerifyAuditChain(ctx); err != nil || len(chain.Breaks) > 0 || chain.Entries <= srcChain.Entries {
		t.Fatalf("after a login on the copy: chain %+v, %v", chain, err)
	}
}

func TestCopyToRefusesATargetWithData(t *testing.T) {
	src, _, _ := sqliteSource(t, true)
	dst, _ := abuseStore(t)
	before := dumpTable(t, dst, "people")
	_, err := src.CopyTo(ctx, dst)
	var ne *NotEmptyError
	if !errors.As(err, &ne) {
		t.Fatalf("copy onto a store with people: %v", err)
	}
	if !strings.Contains(err.Error(), "n'est pas vide") || ne.Table != "people" {
		t.Fatalf("refusal says %q (table %s)", err, ne.Table)
	}
	if !slices.Equal(before, dumpTable(t, dst, "people")) {
		t.Fatal("the refused copy changed the target")
	}
}

// A new store holds its own secret only: it is empty, and the copy
// replaces that secret.
func TestCopyToAcceptsAFreshStore(t *testing.T) {
	src, _, _ := sqliteSource(t, false)
	dst, _ := openTest(t)
	counts, err := src.CopyTo(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	if counts[0].Table != "settings" || counts[0].Rows != 1 {
		t.Fatalf("counts %+v", counts)
	}
	if !slices.Equal(dumpTable(t, src, "settings"), dumpTable(t, dst, "settings")) {
		t.Fatal("the secret was not copied")
	}
}
