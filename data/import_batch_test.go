package data

import (
	"strconv"
	"strings"
	"testing"
)

// An import of several batches, rows written many at a time and followed
// in memory from batch to batch: the audit chain holds, every account has
// its activation mail linked to its code, and the homonyms of each name
// are numbered 1, 2, 3... without a gap, as one line at a time gives them.
func TestImportInBatchesKeepsTheChainTheMailsAndTheHomonyms(t *testing.T) {
	s, _ := openTest(t)
	rep, err := s.Import(ctx, strings.NewReader(universityExport(4500)), testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	checkImported(t, s, rep, 4500)
}

// A line the store refuses in the second batch sends that batch back line
// by line (savepoints): the others go in, in order, chained.
func TestImportRefusedLineInALaterBatch(t *testing.T) {
	s, _ := openTest(t)
	// A registration the store refuses (a CHECK would say the same).
	boom := `CREATE TRIGGER boom BEFORE INSERT ON registrations WHEN NEW.code_etape = 'BOOM'
		BEGIN SELECT RAISE(ABORT, 'étape fermée'); END`
	if onPostgres() {
		boom = `CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
			IF NEW.code_etape = 'BOOM' THEN RAISE EXCEPTION 'étape fermée' USING ERRCODE = 'check_violation'; END IF;
			RETURN NEW; END $$;
		CREATE TRIGGER boom BEFORE INSERT ON registrations FOR EACH ROW EXECUTE FUNCTION boom()`
	}
	if _, err := s.db.Exec(boom); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(universityExport(4500), "\n")
	fields := strings.Split(lines[2500], ";")
	fields[7] = "BOOM"
	lines[2500] = strings.Join(fields, ";")
	rep, err := s.Import(ctx, strings.NewReader(strings.Join(lines, "\n")), testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Refused != 1 || rep.Refusals[0].Line != 2501 {
		t.Fatalf("refusals %+v", rep.Refusals)
	}
	checkImported(t, s, rep, 4499)
}

func checkImported(t *testing.T, s *Store, rep *ImportReport, lines int) {
	t.Helper()
	if rep.Created+rep.Updated != lines {
		t.Fatalf("report %d created %d updated, want %d lines", rep.Created, rep.Updated, lines)
	}
	chain, err := s.VerifyAuditChain(ctx)
	if err != nil || len(chain.Breaks) > 0 || chain.Entries != len(rep.Accounts) {
		t.Fatalf("audit chain: %+v, %v (%d accounts)", chain, err, len(rep.Accounts))
	}
	var unlinked, mails, wrong, shared int
	s.db.QueryRow(`SELECT COUNT(*) FROM codes WHERE mail_id IS NULL`).Scan(&unlinked)
	s.db.QueryRow(`SELECT COUNT(*) FROM outbox`).Scan(&mails)
	if unlinked != 0 || mails != len(rep.Accounts) {
		t.Fatalf("%d codes without their mail, %d mails for %d accounts", unlinked, mails, len(rep.Accounts))
	}
	// Each code names its own mail: same person, address and kind, one code a mail.
	s.db.QueryRow(`SELECT COUNT(*) FROM codes c LEFT JOIN outbox o ON o.id = c.mail_id
		WHERE o.id IS NULL OR o.person_id <> c.person_id OR o.recipient <> c.target OR o.kind <> 'activation'`).Scan(&wrong)
	s.db.QueryRow(`SELECT COUNT(*) FROM (SELECT mail_id FROM codes GROUP BY mail_id HAVING COUNT(*) > 1) AS x`).Scan(&shared)
	if wrong != 0 || shared != 0 {
		t.Fatalf("%d codes linked to another's mail, %d mails claimed by several codes", wrong, shared)
	}
	highest := map[string]int{}
	count := map[string]int{}
	for _, ident := range rep.Accounts {
		local, _, _ := strings.Cut(ident, "@")
		base, n := strings.TrimRight(local, "0123456789"), 1
		if base != local {
			n, _ = strconv.Atoi(local[len(base):])
		}
		if n != highest[base]+1 {
			t.Fatalf("%s given after %s number %d", ident, base, highest[base])
		}
		highest[base] = n
		count[base]++
	}
	if len(count) == len(rep.Accounts) {
		t.Fatal("no homonyms in the export: the test shows nothing")
	}
}

// The import gives its mails their ids itself (SQLite): never the id of a
// mail written before and since withdrawn (the outbox's ids are
// AUTOINCREMENT: a code still naming that id would claim the new mail).
func TestImportMailIDsNeverReuseAWithdrawnMailsID(t *testing.T) {
	s, _ := openTest(t)
	for i := 0; i < 3; i++ {
		if _, err := s.db.Exec(`INSERT INTO outbox(kind, lang, recipient, subject, body, message_id, created_at, not_before,
			next_try_at) VALUES ('notice', 'fr', 'x@example.org', 's', 'b', ?, '', '', '')`, "<withdrawn"+strconv.Itoa(i)+">"); err != nil {
			t.Fatal(err)
		}
	}
	var highest int64
	if err := s.db.QueryRow(`SELECT MAX(id) FROM outbox`).Scan(&highest); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`DELETE FROM outbox`); err != nil {
		t.Fatal(err)
	}
	rep, err := s.Import(ctx, strings.NewReader(universityExport(300)), testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	var lowest int64
	if err := s.db.QueryRow(`SELECT MIN(id) FROM outbox`).Scan(&lowest); err != nil {
		t.Fatal(err)
	}
	if lowest <= highest {
		t.Fatalf("the import's first mail has id %d, given before to a withdrawn mail (up to %d)", lowest, highest)
	}
	checkImported(t, s, rep, 300)
}
