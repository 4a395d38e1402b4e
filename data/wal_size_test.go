package data

import (
	"database/sql"
	"os"
	"testing"
)

// TestWALShrinksOnceReadersLetGo: a write that grew the WAL while a reader
// held an old snapshot (an import, beside a helpdesk search) leaves a WAL
// file that large. Once the readers are gone and the WAL is checkpointed
// and started again, the file goes back to walSizeLimit, instead of
// keeping that size on disk for as long as the store is used.
func TestWALShrinksOnceReadersLetGo(t *testing.T) {
	if onPostgres() {
		t.Skip("SQLite's WAL")
	}
	s, _ := openTest(t)
	if _, err := s.db.Exec(`CREATE TABLE ballast(b BLOB)`); err != nil {
		t.Fatal(err)
	}
	// A reader on an old snapshot: no checkpoint may pass it.
	reader, err := sql.Open("sqlite3", "file:"+s.path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	snapshot, err := reader.Begin()
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := snapshot.QueryRow(`SELECT COUNT(*) FROM people`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	// 1.5 × the limit, in one transaction.
	tx, err := s.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	blob := make([]byte, 64<<10)
	for range walSizeLimit * 3 / 2 / int64(len(blob)) {
		if _, err := tx.Exec(`INSERT INTO ballast(b) VALUES (?)`, blob); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	grown := walSize(t, s.path)
	if grown <= walSizeLimit {
		t.Fatalf("the WAL did not grow past the limit (%d bytes): nothing tested", grown)
	}
	snapshot.Rollback()
	reader.Close()
	// Small writes, as a morning's logins make: the first checkpoints the
	// WAL (it is past SQLite's 1,000 pages), a later one starts it again.
	for i := range 5 {
		if _, err := s.db.Exec(`INSERT INTO ballast(b) VALUES (?)`, []byte{byte(i)}); err != nil {
			t.Fatal(err)
		}
	}
	if got := walSize(t, s.path); got > walSizeLimit {
		t.Errorf("WAL still %d bytes (was %d) after the readers let go: over the %d-byte limit", got, grown, walSizeLimit)
	}
}

func walSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}
