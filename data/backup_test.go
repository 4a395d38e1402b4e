package data

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// loadWriter commits rows to the store from its own connection pool, as
// another process would, and remembers each row whose commit returned.
type loadWriter struct {
	mu        sync.Mutex
	committed []int64
}

func (w *loadWriter) snapshot() []int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]int64(nil), w.committed...)
}

func (w *loadWriter) run(t *testing.T, s *Store, writer int, stop <-chan struct{}) {
	for n := 0; ; n++ {
		select {
		case <-stop:
			return
		default:
		}
		var id int64
		err := s.tx(ctx, func(tx *sql.Tx) error {
			res, err := tx.ExecContext(ctx, `INSERT INTO backup_load(writer, n, payload) VALUES (?, ?, ?)`,
				writer, n, strings.Repeat("x", 200))
			if err != nil {
				return err
			}
			id, _ = res.LastInsertId()
			// Real store work in the same transaction: an audit line.
			return s.audit(ctx, tx, AuditEntry{Event: "BACKUP_LOAD", Detail: fmt.Sprint(id)})
		})
		if se := (sqlite3.Error{}); errors.As(err, &se) && se.Code == sqlite3.ErrBusy {
			continue // starved past the busy timeout by the other writer: try again
		}
		if err != nil {
			t.Errorf("writer %d: %v", writer, err)
			return
		}
		w.mu.Lock()
		w.committed = append(w.committed, id)
		w.mu.Unlock()
	}
}

func TestBackupDuringWrites(t *testing.T) {
	skipOnPostgres(t, "a copy of the SQLite file (PostgreSQL: pg_dump, TestBackupOnPostgresSaysPgDump)")
	s, _ := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`CREATE TABLE backup_load(id INTEGER PRIMARY KEY, writer INTEGER, n INTEGER, payload TEXT)`); err != nil {
		t.Fatal(err)
	}
	// A store of some size, so that the copy takes a while.
	if _, err := s.db.Exec(`WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 20000)
		INSERT INTO backup_load(writer, n, payload) SELECT -1, i, hex(randomblob(100)) FROM c`); err != nil {
		t.Fatal(err)
	}
	// The writers use other handles on the same file, as other processes
	// would; all are open before the load starts.
	var others []*Store
	for range 2 {
		other, err := Open(s.Path(), Config{Clock: s.cfg.Clock, Hasher: testHasher})
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		others = append(others, other)
	}
	w := &loadWriter{}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	stopLoad := sync.OnceFunc(func() { close(stop); wg.Wait() })
	defer stopLoad()
	for i, other := range others {
		wg.Add(1)
		go func() { defer wg.Done(); w.run(t, other, i, stop) }()
	}
	for len(w.snapshot()) < 50 && !t.Failed() {
		time.Sleep(time.Millisecond) // let the load run
	}
	before := w.snapshot() // every commit that returned before the backup began
	dest := filepath.Join(t.TempDir(), "entkiosk-backup.db")
	err := s.Backup(ctx, dest)
	during := len(w.snapshot()) - len(before)
	stopLoad()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d commits before the backup, %d while it ran, %d after", len(before), during,
		len(w.snapshot())-len(before)-during)

	st, err := os.Stat(dest)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", st.Mode().Perm())
	}
	if err := CheckBackup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	copyDB, err := sql.Open("sqlite3", "file:"+dest+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	present := map[int64]bool{}
	rows, err := copyDB.Query(`SELECT id FROM backup_load WHERE writer >= 0`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		present[id] = true
	}
	rows.Close()
	for _, id := range before {
		if !present[id] {
			t.Fatalf("row %d committed before the backup is missing from the copy", id)
		}
	}
	var audited, people int
	copyDB.QueryRow(`SELECT COUNT(*) FROM audit WHERE event = 'BACKUP_LOAD'`).Scan(&audited)
	copyDB.QueryRow(`SELECT COUNT(*) FROM people`).Scan(&people)
	if audited != len(present) || people != len(DemoPeople) {
		t.Fatalf("copy: %d audit lines for %d rows, %d people", audited, len(present), people)
	}
	// The copy is a store entkiosk opens as it is.
	restored, err := Open(dest, Config{Clock: s.cfg.Clock, Hasher: testHasher})
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	if _, err := restored.Login(ctx, "hugo.lefevre", "Kiosque-Demo-2026", testOrigin); err != nil {
		t.Fatalf("login on the restored copy: %v", err)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".*partial*")); len(leftovers) > 0 {
		t.Fatalf("temporary files left: %v", leftovers)
	}
}

func TestBackupNeverOverwrites(t *testing.T) {
	t.Parallel()
	skipOnPostgres(t, "a copy of the SQLite file")
	s, _ := openTest(t)
	dir := t.TempDir()
	dest := filepath.Join(dir, "backup.db")
	if err := os.WriteFile(dest, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := s.Backup(ctx, dest)
	if err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("existing file: %v", err)
	}
	if b, _ := os.ReadFile(dest); string(b) != "precious" {
		t.Fatal("existing file changed")
	}
	// A dangling symbolic link is not followed either.
	link := filepath.Join(dir, "link.db")
	os.Symlink(filepath.Join(dir, "elsewhere.db"), link)
	if err := s.Backup(ctx, link); err == nil {
		t.Fatal("symbolic link followed")
	}
	if err := s.Backup(ctx, filepath.Join(dir, "missing", "backup.db")); err == nil ||
		!strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("missing folder: %v", err)
	}
	if err := s.Backup(ctx, s.Path()); err == nil {
		t.Fatal("the store itself overwritten")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Fatalf("files left: %v", entries)
	}
}

func TestCheckBackupRefusesADamagedCopy(t *testing.T) {
	t.Parallel()
	skipOnPostgres(t, "a damaged SQLite copy")
	s, _ := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "b.db")
	if err := s.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(dest)
	// Damage the b-tree header of every page after the first (the file
	// header still says "SQLite"): integrity_check must see it.
	for page := 4096; page+12 < len(b); page += 4096 {
		for i := page + 1; i < page+8; i++ {
			b[i] ^= 0x5a
		}
	}
	os.WriteFile(dest, b, 0o600)
	if err := CheckBackup(ctx, dest); err == nil {
		t.Fatal("damaged copy passed")
	}
}
