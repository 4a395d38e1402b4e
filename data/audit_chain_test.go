package data

import (
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
)

// rawStore opens the store's file with the sqlite3 driver alone, the way
// someone with the file would edit it.
func rawStore(t *testing.T, s *Store) *sql.DB {
	t.Helper()
	if onPostgres() {
		return s.db // a plain pgx connection pool: the rules' code is not on its way either
	}
	db, err := sql.Open("sqlite3", "file:"+s.Path()+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// dropAuditTrigger drops one of the audit table's triggers, as someone with
// the database's rights could.
func dropAuditTrigger(t *testing.T, db *sql.DB, name string) {
	t.Helper()
	if onPostgres() {
		mustExec(t, db, `DROP TRIGGER `+name+` ON audit`)
		return
	}
	mustExec(t, db, `DROP TRIGGER `+name)
}

func mustExec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func verifyChain(t *testing.T, s *Store) AuditChain {
	t.Helper()
	c, err := s.VerifyAuditChain(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A dropped trigger no longer hides an edit: the chain breaks at the row
// edited, and at the row after one deleted (with the missing id).
func TestAuditChainFindsAnEditADeletionAndAnInsertion(t *testing.T) {
	t.Parallel()
	s, _ := abuseStore(t)
	for i := 0; i < 5; i++ {
		s.Login(ctx, hugo, "Mauvais-Mot-2026", Origin{Client: "chain-test-" + strconv.Itoa(i)})
	}
	c := verifyChain(t, s)
	if len(c.Breaks) != 0 || c.Entries < 10 || c.Unchained != 0 || c.LastID != int64(c.Entries) || len(c.Head) != 64 {
		t.Fatalf("intact chain: %+v", c)
	}
	raw := rawStore(t, s)
	edited, deleted := int64(4), int64(8)
	dropAuditTrigger(t, raw, "audit_no_update")
	mustExec(t, raw, `UPDATE audit SET detail = detail || ' (edited)' WHERE id = ?`, edited)
	c = verifyChain(t, s)
	if len(c.Breaks) != 1 || c.Breaks[0].ID != edited || c.Breaks[0].Missing != [2]int64{} || c.Breaks[0].At == "" {
		t.Fatalf("after an edit of %d: %+v", edited, c.Breaks)
	}
	dropAuditTrigger(t, raw, "audit_no_delete")
	mustExec(t, raw, `DELETE FROM audit WHERE id = ?`, deleted)
	c = verifyChain(t, s)
	if len(c.Breaks) != 2 || c.Breaks[1].ID != deleted+1 || c.Breaks[1].Missing != [2]int64{deleted, deleted} {
		t.Fatalf("after deleting %d: %+v", deleted, c.Breaks)
	}
	// A row slipped in at the end without its hash.
	dropAuditTrigger(t, raw, "audit_chained")
	mustExec(t, raw, `INSERT INTO audit(id, at, event, outcome)
		SELECT MAX(id) + 1, '2026-11-25T12:00:00.000000000Z', 'LOGIN', 'ok' FROM audit`)
	c = verifyChain(t, s)
	if len(c.Breaks) != 3 || c.Breaks[2].ID != c.LastID {
		t.Fatalf("after an insertion: %+v", c.Breaks)
	}
}

// Rows written before the chain existed are counted apart, not breaks.
func TestAuditChainStartsAfterOlderRows(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	raw := rawStore(t, s)
	dropAuditTrigger(t, raw, "audit_chained")
	for i := 0; i < 3; i++ {
		mustExec(t, raw, `INSERT INTO audit(id, at, event) SELECT COALESCE(MAX(id), 0) + 1, '2026-01-01T00:00:00.000000000Z', 'IMPORT' FROM audit`)
	}
	if err := s.tx(ctx, func(tx *sql.Tx) error {
		return s.audit(ctx, tx, AuditEntry{Event: EventLogin, Outcome: "ok"})
	}); err != nil {
		t.Fatal(err)
	}
	if c := verifyChain(t, s); c.Unchained != 3 || c.Entries != 4 || len(c.Breaks) != 0 {
		t.Fatalf("%+v", c)
	}
}

// Several processes writing at once keep one linear chain: each takes the
// write lock before reading the last hash.
func TestAuditChainStaysLinearWithConcurrentWriters(t *testing.T) {
	s, _ := openTest(t)
	const perWriter = 60
	var children []*execResult
	for i := 0; i < 2; i++ {
		children = append(children, startChild(t, testChild("TestHelperAuditWriter",
			"ENTKIOSK_TEST_AUDIT_DB="+s.Path(), "ENTKIOSK_TEST_AUDIT_N="+strconv.Itoa(perWriter))))
	}
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		other, err := Open(s.Path(), Config{Hasher: testHasher})
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		wg.Add(1)
		go func() {
			defer wg.Done()
			writeAudit(t, other, fmt.Sprintf("goroutine-%d", w), perWriter)
		}()
	}
	wg.Wait()
	for _, c := range children {
		c.wait(t)
	}
	c := verifyChain(t, s)
	if len(c.Breaks) != 0 || c.Entries != 4*perWriter {
		t.Fatalf("%d entries, breaks %+v", c.Entries, c.Breaks)
	}
}

func writeAudit(t *testing.T, s *Store, who string, n int) {
	for i := 0; i < n; i++ {
		if err := s.tx(ctx, func(tx *sql.Tx) error {
			return s.audit(ctx, tx, AuditEntry{Event: EventLoginError, Client: who, Outcome: "wrong", Detail: strconv.Itoa(i)})
		}); err != nil {
			t.Error(err)
			return
		}
	}
}

func TestHelperAuditWriter(t *testing.T) {
	path := os.Getenv("ENTKIOSK_TEST_AUDIT_DB")
	if path == "" {
		t.Skip("helper of TestAuditChainStaysLinearWithConcurrentWriters")
	}
	n, _ := strconv.Atoi(os.Getenv("ENTKIOSK_TEST_AUDIT_N"))
	s, err := Open(path, Config{Hasher: testHasher})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	writeAudit(t, s, "process-"+strconv.Itoa(os.Getpid()), n)
}

type execResult struct {
	done chan error
	out  *syncBuffer
}

func startChild(t *testing.T, cmd *exec.Cmd) *execResult {
	t.Helper()
	r := &execResult{done: make(chan error, 1), out: &syncBuffer{}}
	cmd.Stdout, cmd.Stderr = r.out, r.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { r.done <- cmd.Wait() }()
	return r
}

func (r *execResult) wait(t *testing.T) {
	t.Helper()
	if err := <-r.done; err != nil {
		t.Fatalf("writer process: %v\n%s", err, r.out.String())
	}
}
