package data

import (
	"encoding/json"

	"entkiosk/data/institution"
	"strings"
	"testing"
	"time"
)

// The import stores what a mail needs, not its text; the text read back is
// the one composeMail writes at queue time (link, dates), whatever the
// configuration of the process that reads it.
func TestImportStoresMailArgsNotBodies(t *testing.T) {
	s, clock := openTest(t)
	importLines(t, s, student("21901234", "Martin", "Camille", "14/07/2004", "camille@example.org", "2026-11-20T09:00:00+01:00"))
	var subject, body, args string
	if err := s.db.QueryRow(`SELECT subject, body, COALESCE(args, '') FROM outbox`).Scan(&subject, &body, &args); err != nil {
		t.Fatal(err)
	}
	if subject != "" || body != "" || args == "" {
		t.Fatalf("stored subject %q, body of %d bytes, args %q: want only args", subject, len(body), args)
	}
	if len(args) > 400 {
		t.Fatalf("args of %d bytes: %s", len(args), args)
	}
	mails, err := s.Outbox(ctx, OutboxFilter{})
	if err != nil || len(mails) != 1 {
		t.Fatalf("outbox: %v %v", mails, err)
	}
	m := mails[0]
	var a mailArgs
	if err := json.Unmarshal([]byte(args), &a); err != nil {
		t.Fatal(err)
	}
	want := mailContent{Kind: MailActivation, Lang: LangBoth, Name: "Camille Martin", Identifiant: "camille.martin@etu.umontpellier.fr",
		Code: a.Code, Token: a.Token, Expires: parseTime(a.Expires)}
	wantSubject, wantBody := s.composeMail(want)
	if m.Subject != wantSubject || m.Body != wantBody {
		t.Fatalf("read back:\n%s\n%s\nwant:\n%s\n%s", m.Subject, m.Body, wantSubject, wantBody)
	}
	if !strings.Contains(m.Body, "ssh://"+a.Token+"@ent.umontpellier.fr:2222") || a.Code == "" {
		t.Fatalf("no code or link in the body:\n%s", m.Body)
	}

	// Another process with another link host, a day later, reads the same text.
	path := s.path
	s.Close()
	clock.Advance(24 * time.Hour)
	other, err := Open(path, Config{Clock: clock, Hasher: testHasher, LinkHost: "autre.example.org", LinkPort: 22,
		Institution: institution.Demo()})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	again, err := other.Outbox(ctx, OutboxFilter{})
	if err != nil || again[0].Body != m.Body || again[0].Subject != m.Subject {
		t.Fatalf("read by another process: %v\n%s", err, again[0].Body)
	}
}

// A store written before the change keeps its mails' text: rows without
// args are read as they are.
func TestStoredBodiesStayReadable(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	if _, err := s.db.Exec(`INSERT INTO outbox(person_id, kind, lang, recipient, subject, body, message_id, created_at,
		not_before, next_try_at) VALUES (NULL, 'activation', 'fr', 'a@example.org', 'Sujet ancien', 'Corps ancien, code 123456',
		'<old@x>', '2026-11-01T09:00:00.000000000Z', '2026-11-01T09:00:00.000000000Z', '2026-11-01T09:00:00.000000000Z')`); err != nil {
		t.Fatal(err)
	}
	mails, err := s.Outbox(ctx, OutboxFilter{})
	if err != nil || len(mails) != 1 || mails[0].Subject != "Sujet ancien" || mails[0].Body != "Corps ancien, code 123456" {
		t.Fatalf("old row: %+v %v", mails, err)
	}
}
