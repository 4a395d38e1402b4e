package data

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"
)

// --- the mail allowance: a cooldown per purpose, an hourly cap per account

// Hugo's README flow, at a pace nobody would call abuse: lost password
// (reset code), then, logged in, a new mail de secours (a confirmation
// code), then a redirection (another): each goes at once, and he is not
// stuck for an hour after the third, since each code was used.
func TestCodeMailsOfOneFlowGoOneAfterTheOther(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	ch, err := s.StartReset(ctx, hugo, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	tk, err := s.VerifyCode(ctx, ch, lastCode(t, s, hugoMail), testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	const password = "Tortue-Velo-Nuage-43"
	clock.Advance(20 * time.Second)
	a, err := s.CompleteReset(ctx, tk, password, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	// 30 s after the reset mail: a confirmation is another code.
	clock.Advance(10 * time.Second)
	const newRecovery = "hugo.neuf@example.net"
	ch, err = s.RequestRecoveryChange(ctx, a, password, newRecovery, testOrigin)
	if err != nil {
		t.Fatalf("a new mail de secours right after a reset: %v", err)
	}
	if !ch.ResendAt.Equal(clock.Now().Add(ResendCooldown)) {
		t.Fatalf("its resend at %v, want in 60 s", ch.ResendAt.Sub(clock.Now()))
	}
	if tk, err = s.VerifyCode(ctx, ch, lastCode(t, s, newRecovery), testOrigin); err != nil {
		t.Fatal(err)
	}
	if a, err = s.ConfirmRecoveryChange(ctx, tk, testOrigin); err != nil {
		t.Fatal(err)
	}
	clock.Advance(10 * time.Second)
	const redirect = "hugo.pro@example.com"
	if ch, err = s.SetRedirection(ctx, a, password, redirect, true, testOrigin); err != nil {
		t.Fatalf("a redirection right after: %v", err)
	}
	if tk, err = s.VerifyCode(ctx, ch, lastCode(t, s, redirect), testOrigin); err != nil {
		t.Fatal(err)
	}
	if a, err = s.ConfirmRedirection(ctx, tk, testOrigin); err != nil {
		t.Fatal(err)
	}
	// Three code mails in the minute, all used: a fourth (another
	// redirection) still goes, and so does the "Renvoyer" of that one
	// after its 60 s.
	clock.Advance(5 * time.Second)
	if ch, err = s.SetRedirection(ctx, a, password, "hugo.autre@example.com", true, testOrigin); err != nil {
		t.Fatalf("a fourth code mail after three used ones: %v", err)
	}
	clock.Advance(ResendCooldown - time.Nanosecond)
	_, err = s.ResendChallenge(ctx, ch, testOrigin)
	wantLimit(t, err, "mail", clock.Now().Add(time.Nanosecond))
	clock.Advance(time.Nanosecond)
	if _, err = s.ResendChallenge(ctx, ch, testOrigin); err != nil {
		t.Fatalf("resend after 60 s: %v", err)
	}
}

// The cooldown is about resending the same code: another purpose does not
// wait; the same purpose does, until 60 s after its last mail.
func TestCooldownIsPerPurpose(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	a, err := s.Login(ctx, hugo, hugoPassword, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	t0 := clock.Now()
	recovery, err := s.RequestRecoveryChange(ctx, a, hugoPassword, "hugo.neuf@example.net", testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Second)
	if _, err := s.SetRedirection(ctx, a, hugoPassword, "hugo.pro@example.com", true, testOrigin); err != nil {
		t.Fatalf("a redirection one second after a mail de secours: %v", err)
	}
	// The same purpose, to another address: the cooldown of the purpose.
	_, err = s.RequestRecoveryChange(ctx, a, hugoPassword, "hugo.autre@example.net", testOrigin)
	wantLimit(t, err, "mail", t0.Add(ResendCooldown))
	_, err = s.ResendChallenge(ctx, recovery, testOrigin)
	wantLimit(t, err, "mail", t0.Add(ResendCooldown))
	clock.Set(t0.Add(ResendCooldown))
	if _, err := s.ResendChallenge(ctx, recovery, testOrigin); err != nil {
		t.Fatalf("resend at 60 s: %v", err)
	}
}

// At most 3 code mails an hour per account whatever their purpose, a used
// code's mail not counting.
func TestHourlyCapCountsUnusedCodesOnly(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	a, err := s.Login(ctx, hugo, hugoPassword, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	t0 := clock.Now()
	if _, err := s.RequestRecoveryChange(ctx, a, hugoPassword, "hugo.neuf@example.net", testOrigin); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Minute)
	redirection, err := s.SetRedirection(ctx, a, hugoPassword, "hugo.pro@example.com", true, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Minute)
	reset, err := s.StartReset(ctx, hugo, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	// Three unused: the next waits for the first to be an hour old, and
	// says so from the third.
	if !reset.ResendAt.Equal(t0.Add(time.Hour)) {
		t.Fatalf("third mail's ResendAt %v, want 1 h", reset.ResendAt.Sub(t0))
	}
	clock.Advance(time.Minute)
	_, err = s.ResendChallenge(ctx, redirection, testOrigin)
	wantLimit(t, err, "mail", t0.Add(time.Hour))
	// The redirection's code is used: its mail no longer counts.
	tk, err := s.VerifyCode(ctx, redirection, lastCode(t, s, "hugo.pro@example.com"), testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ConfirmRedirection(ctx, tk, testOrigin); err != nil {
		t.Fatal(err)
	}
	next, err := s.StartReset(ctx, hugo, testOrigin) // the reset's cooldown is over
	if err != nil || !next.ResendAt.Equal(t0.Add(time.Hour)) {
		t.Fatalf("after a used code: %+v, %v", next, err)
	}
	if n := len(mailsOfKind(t, s, hugoMail, MailReset)); n != 2 {
		t.Fatalf("%d reset mails, want 2", n)
	}
	// Three unused again (recovery, reset, reset): the cap holds.
	clock.Advance(ResendCooldown)
	_, err = s.ResendChallenge(ctx, next, testOrigin)
	wantLimit(t, err, "mail", t0.Add(time.Hour))
}

func TestAllowanceAt(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	at := func(d time.Duration) time.Time { return t0.Add(d) }
	for _, c := range []struct {
		lastSame time.Time
		counted  []time.Time
		want     time.Time
	}{
		{time.Time{}, nil, time.Time{}},
		// Another purpose's mail a second ago: no cooldown.
		{time.Time{}, []time.Time{at(0)}, time.Time{}},
		{at(0), []time.Time{at(0)}, at(time.Minute)},
		// Three counted, none of this purpose: the hour only.
		{time.Time{}, []time.Time{at(20 * time.Minute), at(10 * time.Minute), at(0)}, at(time.Hour)},
		// The cooldown when it ends later than the hour.
		{at(59*time.Minute + 30*time.Second), []time.Time{at(59*time.Minute + 30*time.Second), at(2 * time.Minute),
			at(time.Minute)}, at(time.Hour + time.Minute)},
	} {
		if got := allowanceAt(c.lastSame, c.counted); !got.Equal(c.want) {
			t.Errorf("allowanceAt(%v, %v) = %v, want %v", c.lastSame, c.counted, got, c.want)
		}
	}
}

// --- cancelled mails

// mailState is a mail's status and why it was cancelled.
func mailState(t testing.TB, s *Store, id int64) (status, why string) {
	t.Helper()
	if err := s.db.QueryRow(`SELECT status, COALESCE(cancel_why, '') FROM outbox WHERE id = ?`, id).Scan(&status, &why); err != nil {
		t.Fatal(err)
	}
	return status, why
}

func wantMailState(t testing.TB, s *Store, m Mail, status, why string) {
	t.Helper()
	if got, gotWhy := mailState(t, s, m.ID); got != status || gotWhy != why {
		t.Fatalf("mail %d (%s to %s): %s %q, want %s %q", m.ID, m.Kind, m.To, got, gotWhy, status, why)
	}
}

// "Renvoyer", the helpdesk's resend, a used code and five wrong entries
// each cancel the mail of the code they end; the new mail waits.
func TestEndedCodesCancelTheirWaitingMail(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	const camilleMail = "camille.martin@example.org"
	c, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: camilleIdent}, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	importMail := lastMail(t, s, camilleMail) // the import's, two hours ago
	wantMailState(t, s, importMail, MailPending, "")
	t0 := clock.Now()
	first, err := s.ActivationChallenge(ctx, c, true, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	firstMail := lastMail(t, s, camilleMail)
	wantMailState(t, s, importMail, MailCancelled, CancelSuperseded)
	wantMailState(t, s, firstMail, MailPending, "")

	clock.Advance(ResendCooldown)
	second, err := s.ResendChallenge(ctx, first, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	secondMail := lastMail(t, s, camilleMail)
	wantMailState(t, s, firstMail, MailCancelled, CancelSuperseded)
	wantMailState(t, s, secondMail, MailPending, "")
	if m := mailByID(t, s, firstMail.ID); !m.CancelledAt.Equal(clock.Now()) || m.CancelWhy != CancelSuperseded {
		t.Fatalf("Outbox reads %+v", m)
	}

	clock.Advance(ResendCooldown)
	if _, err := s.HelpdeskResendActivation(ctx, agent(t, s), c.personID, Origin{Client: "helpdesk-desk"}); err != nil {
		t.Fatal(err)
	}
	third := lastMail(t, s, camilleMail)
	wantMailState(t, s, secondMail, MailCancelled, CancelSuperseded)

	// Five wrong entries revoke the code: its mail goes nowhere.
	for i := 0; i < CodeMaxFailures; i++ {
		s.VerifyCode(ctx, second, "00000000", testOrigin)
	}
	wantMailState(t, s, third, MailCancelled, CancelFailures)

	// A code used (the account activated): its mail, still waiting, is
	// cancelled. (Three unused codes: the fourth waits for the hour.)
	clock.Set(t0.Add(time.Hour))
	ch, err := s.ActivationChallenge(ctx, c, true, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	fourth := lastMail(t, s, camilleMail)
	tk, err := s.VerifyCode(ctx, ch, lastCode(t, s, camilleMail), testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	wantMailState(t, s, fourth, MailPending, "") // presenting a code consumes nothing
	if _, err := s.CompleteActivation(ctx, tk, ActivationChoice{CharterAccepted: true,
		Password: "Grue-Lanterne-Opale-73"}, testOrigin); err != nil {
		t.Fatal(err)
	}
	wantMailState(t, s, fourth, MailCancelled, CancelUsed)
	// The notices that follow are never cancelled.
	for _, m := range mailsOfKind(t, s, camilleMail, MailPasswordChanged) {
		wantMailState(t, s, m, MailPending, "")
	}
	counts, err := s.OutboxCounts(ctx)
	if err != nil || counts[MailCancelled] < 5 {
		t.Fatalf("counts %v, %v", counts, err)
	}
	if got, _ := s.Outbox(ctx, OutboxFilter{Status: MailCancelled, To: camilleMail}); len(got) != 5 {
		t.Fatalf("%d cancelled mails listed, want 5", len(got))
	}
}

// A mail a sender has taken (sending), or that went (sent), is never
// cancelled, and a cancelled mail is never taken.
func TestCancelLeavesMailsInDeliveryAlone(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	// Nothing else due: the import's mails are taken out of the way.
	if _, err := s.db.Exec(`UPDATE outbox SET status = 'sent', sent_at = created_at WHERE status = 'pending'`); err != nil {
		t.Fatal(err)
	}
	ch, err := s.StartReset(ctx, hugo, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	taken := lastMail(t, s, hugoMail)
	m, _, ok, err := claimAs(s, "sender-1", 10*time.Minute)
	if err != nil || !ok || m.ID != taken.ID {
		t.Fatalf("claim: %+v %v %v", m, ok, err)
	}
	clock.Advance(ResendCooldown)
	if ch, err = s.ResendChallenge(ctx, ch, testOrigin); err != nil {
		t.Fatal(err)
	}
	wantMailState(t, s, taken, MailSending, "")
	waiting := lastMail(t, s, hugoMail)
	// The sender records its delivery as usual.
	d := &deliverer{s: s, cfg: SMTPConfig{GiveUpAfter: time.Hour}, log: orDiscard(nil), sender: "sender-1"}
	if _, _, _, err := s.recordAndClaim(ctx, ctx, d, &attempt{m: m, out: outcome{sent: true, reply: "250 ok"}}, false, 0); err != nil {
		t.Fatal(err)
	}
	wantMailState(t, s, taken, MailSent, "")
	// The waiting one is cancelled by the next resend; a sent one stays sent.
	clock.Advance(ResendCooldown)
	if _, err = s.ResendChallenge(ctx, ch, testOrigin); err != nil {
		t.Fatal(err)
	}
	wantMailState(t, s, waiting, MailCancelled, CancelSuperseded)
	wantMailState(t, s, taken, MailSent, "")
	// The mailer takes the newest, never the cancelled one.
	newest := lastMail(t, s, hugoMail)
	for i := 0; i < 3; i++ {
		m, _, ok, err := claimAs(s, "sender-2", 10*time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		if m.ID != newest.ID {
			t.Fatalf("claimed mail %d (%s), want only %d", m.ID, m.Status, newest.ID)
		}
		s.db.Exec(`UPDATE outbox SET status = 'sent' WHERE id = ?`, m.ID)
	}
	wantMailState(t, s, waiting, MailCancelled, CancelSuperseded)
}

// When the mail de secours changes (the helpdesk's correction or the
// person's own change), a reset code on its way to the old address stops
// working and its mail is cancelled; the notice to the old address stays.
func TestChangedRecoveryCancelsCodesToTheOldAddress(t *testing.T) {
	t.Parallel()
	for _, byHelpdesk := range []bool{true, false} {
		s, clock := abuseStore(t)
		stranger := Origin{Client: "ssh:203.0.113.66", Lang: "fr"}
		reset, err := s.StartReset(ctx, hugo, stranger)
		if err != nil {
			t.Fatal(err)
		}
		resetMail := lastMail(t, s, hugoMail)
		code := lastCode(t, s, hugoMail)
		clock.Advance(time.Minute)
		const newRecovery = "hugo.neuf@example.net"
		if byHelpdesk {
			a, _, _ := s.accountByLogin(ctx, s.db, hugo)
			if _, err := s.HelpdeskCorrectRecovery(ctx, agent(t, s), a.Person.ID, newRecovery, true,
				Origin{Client: "helpdesk-desk"}); err != nil {
				t.Fatal(err)
			}
		} else {
			a, err := s.Login(ctx, hugo, hugoPassword, testOrigin)
			if err != nil {
				t.Fatal(err)
			}
			ch, err := s.RequestRecoveryChange(ctx, a, hugoPassword, newRecovery, testOrigin)
			if err != nil {
				t.Fatal(err)
			}
			tk, err := s.VerifyCode(ctx, ch, lastCode(t, s, newRecovery), testOrigin)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.ConfirmRecoveryChange(ctx, tk, testOrigin); err != nil {
				t.Fatal(err)
			}
			wantMailState(t, s, lastMail(t, s, newRecovery), MailCancelled, CancelUsed)
		}
		wantMailState(t, s, resetMail, MailCancelled, CancelCorrected)
		if _, err := s.VerifyCode(ctx, reset, code, stranger); !errors.Is(err, ErrCodeUsed) {
			t.Fatalf("helpdesk %v: the code sent to the old address: %v", byHelpdesk, err)
		}
		notices := mailsOfKind(t, s, hugoMail, MailRecoveryChanged)
		if len(notices) != 1 {
			t.Fatalf("helpdesk %v: %d notices to the old address", byHelpdesk, len(notices))
		}
		wantMailState(t, s, notices[0], MailPending, "")
	}
}

// --- the migration

// A store from before 0006 keeps its mails; those waiting with a code that
// no longer works are cancelled; links to a reused id are undone.
func TestMigrationCancelsStaleMails(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "entkiosk.db")
	db, err := sql.Open("sqlite3", "file:"+path+"?_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"0001_init.sql", "0002_outbox_delivery.sql", "0003_helpdesk.sql",
		"0004_audit_no_replace.sql", "0005_account_lang.sql"} {
		body, err := migrationFiles.ReadFile("migrations/sqlite/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(body)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	const at = "2026-11-25T09:00:00Z"
	for _, q := range []string{
		`PRAGMA user_version = 5`,
		`INSERT INTO people(id, student_number, nom, prenom, search_name, birth_date, category, personal_email,
			created_at, updated_at) VALUES (1, '21901234', 'Martin', 'Camille', 'camille martin', '2004-07-14',
			'etudiant', 'c@example.org', '` + at + `', '` + at + `')`,
		`INSERT INTO accounts(person_id, local_part, identifiant, status, recovery_email, validated_at, created_at)
			VALUES (1, 'camille.martin', 'camille.martin@etu.umontpellier.fr', 'pending', 'c@example.org', '` + at + `', '` + at + `')`,
		// 1: superseded code, its mail waiting; 2: live code, its mail waiting;
		// 3: used code, its mail sent; 4: a notice.
		`INSERT INTO codes(id, person_id, purpose, code_hash, token_hash, target, created_at, expires_at, revoked_at, revoked_why)
			VALUES (1, 1, 'activation', 'h1', 't1', 'c@example.org', '` + at + `', '2026-11-26T09:00:00Z', '` + at + `', 'superseded')`,
		`INSERT INTO outbox(id, person_id, kind, lang, recipient, subject, body, message_id, created_at, not_before, next_try_at)
			VALUES (1, 1, 'activation', 'fr', 'c@example.org', 's', 'b', '<1@x>', '` + at + `', '` + at + `', '` + at + `')`,
		`INSERT INTO codes(id, person_id, purpose, code_hash, token_hash, target, created_at, expires_at)
			VALUES (2, 1, 'activation', 'h2', 't2', 'c@example.org', '` + at + `', '2026-11-26T09:00:00Z')`,
		`INSERT INTO outbox(id, person_id, kind, lang, recipient, subject, body, message_id, created_at, not_before, next_try_at)
			VALUES (2, 1, 'activation', 'fr', 'c@example.org', 's', 'b', '<2@x>', '` + at + `', '` + at + `', '` + at + `')`,
		`INSERT INTO codes(id, person_id, purpose, code_hash, token_hash, target, created_at, expires_at, used_at)
			VALUES (3, 1, 'reset', 'h3', 't3', 'c@example.org', '` + at + `', '2026-11-26T09:00:00Z', '` + at + `')`,
		`INSERT INTO outbox(id, person_id, kind, lang, recipient, subject, body, message_id, created_at, not_before, next_try_at,
			status, sent_at) VALUES (3, 1, 'reset', 'fr', 'c@example.org', 's', 'b', '<3@x>', '` + at + `', '` + at + `', '` + at + `',
			'sent', '` + at + `')`,
		`INSERT INTO outbox(id, person_id, kind, lang, recipient, subject, body, message_id, created_at, not_before, next_try_at)
			VALUES (4, 1, 'password_changed', 'fr', 'c@example.org', 's', 'b', '<4@x>', '` + at + `', '` + at + `', '` + at + `')`,
		// 5: a used code whose mail was withdrawn, its id then given to a reset mail.
		`INSERT INTO codes(id, person_id, purpose, code_hash, token_hash, target, created_at, expires_at, used_at, mail_id)
			VALUES (5, 1, 'activation', 'h5', 't5', 'c@example.org', '` + at + `', '2026-11-26T09:00:00Z', '` + at + `', 5)`,
		`INSERT INTO outbox(id, person_id, kind, lang, recipient, subject, body, message_id, created_at, not_before, next_try_at)
			VALUES (5, 1, 'reset', 'fr', 'c@example.org', 's', 'b', '<5@x>', '` + at + `', '` + at + `', '` + at + `')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
	db.Close()
	os.Chmod(path, 0o600) // made by the driver under the umask; Open refuses a store all can read

	s, err := Open(path, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := map[int64][2]string{1: {MailCancelled, CancelSuperseded}, 2: {MailPending, ""}, 3: {MailSent, ""},
		4: {MailPending, ""}, 5: {MailPending, ""}}
	for id, w := range want {
		if status, why := mailState(t, s, id); status != w[0] || why != w[1] {
			t.Errorf("mail %d: %s %q, want %s %q", id, status, why, w[0], w[1])
		}
	}
	if m := mailByID(t, s, 1); m.CancelledAt.Format(time.RFC3339) != at || m.Subject != "s" || m.MessageID != "<1@x>" {
		t.Errorf("mail 1 after the migration: %+v", m)
	}
	var mailOf5 sql.NullInt64
	s.db.QueryRow(`SELECT mail_id FROM codes WHERE id = 5`).Scan(&mailOf5)
	if mailOf5.Valid {
		t.Errorf("code 5 still claims mail %d", mailOf5.Int64)
	}
	// The status constraint holds; the trigger and the indexes are back.
	if _, err := s.db.Exec(`UPDATE outbox SET status = 'lost' WHERE id = 4`); err == nil ||
		!strings.Contains(err.Error(), "CHECK") {
		t.Errorf("status 'lost' accepted: %v", err)
	}
	for _, name := range []string{"outbox_due", "outbox_recipient", "outbox_person", "codes_mail", "codes_link_mail",
		"codes_cancel_mail"} {
		var n int
		s.db.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE name = ?`, name).Scan(&n)
		if n != 1 {
			t.Errorf("%s missing", name)
		}
	}
	// Ids are never given again: a withdrawn mail's id stays its own.
	if _, err := s.db.Exec(`DELETE FROM outbox WHERE id = 5`); err != nil {
		t.Fatal(err)
	}
	if err := s.tx(ctx, func(tx *sql.Tx) error {
		id, err := s.queueMail(ctx, tx, Mail{PersonID: 1, Kind: MailPasswordChanged, Lang: "fr", To: "c@example.org",
			Subject: "s", Body: "b"})
		if err == nil && id <= 5 {
			t.Errorf("new mail id %d, want above 5", id)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	// And the import works on the store (see the PRAGMA in 0006).
	importLines(t, s, student("22004567", "Dubois", "Léa", "03/02/2005", "lea.dubois@example.org",
		"2026-11-25T09:55:00+01:00"))
}

// claimAs claims the next due mail for sender, as a pass of the mailer
// does (its first claim: no result to record with it).
func claimAs(s *Store, sender string, lease time.Duration) (m Mail, reclaimed, ok bool, err error) {
	d := &deliverer{s: s, log: orDiscard(nil), sender: sender}
	return s.recordAndClaim(ctx, ctx, d, nil, true, lease)
}
