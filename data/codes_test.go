package data

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestCodesAreEightDigits(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	leadingZero := false
	for i := 0; i < 2000; i++ {
		c, err := newCode()
		if err != nil {
			t.Fatal(err)
		}
		if len(c) != 8 || strings.Trim(c, "0123456789") != "" {
			t.Fatalf("code %q is not 8 digits", c)
		}
		leadingZero = leadingZero || c[0] == '0'
		seen[c] = true
	}
	if len(seen) < 1990 || !leadingZero {
		t.Fatalf("%d distinct codes of 2000, leading zero %v: not uniform", len(seen), leadingZero)
	}
	if k, _ := newToken(); !IsToken(k) || IsToken("kiosk") || IsToken(strings.ToUpper(k)) {
		t.Fatal("token shape")
	}
}

// startReset gives Hugo (active) a reset challenge and its code and token.
func startReset(t testing.TB, s *Store) (*Challenge, string, string) {
	t.Helper()
	ch, err := s.StartReset(ctx, "hugo.lefevre", testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if ch.Purpose != PurposeReset {
		t.Fatalf("purpose %s", ch.Purpose)
	}
	code, token := codeOf(t, lastMail(t, s, "hugo.lefevre@example.org"))
	return ch, code, token
}

func demoStore(t testing.TB) (*Store, *ManualClock) {
	t.Helper()
	s, clock := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	return s, clock
}

func TestCodeLivesTwentyFourHours(t *testing.T) {
	t.Parallel()
	s, clock := demoStore(t)
	ch, code, token := startReset(t, s)
	if !ch.ExpiresAt.Equal(clockStart.Add(24 * time.Hour)) {
		t.Fatalf("expires %v", ch.ExpiresAt)
	}
	clock.Set(clockStart.Add(24*time.Hour - time.Second)) // 23:59:59
	ticket, err := s.VerifyCode(ctx, ch, code, testOrigin)
	if err != nil {
		t.Fatalf("at 23:59:59: %v", err)
	}
	if _, err := s.OpenToken(ctx, token); err != nil {
		t.Fatalf("link at 23:59:59: %v", err)
	}
	clock.Set(clockStart.Add(24*time.Hour + time.Second)) // 24:00:01
	if _, err := s.VerifyCode(ctx, ch, code, testOrigin); !errors.Is(err, ErrCodeExpired) {
		t.Fatalf("at 24:00:01: %v, want ErrCodeExpired", err)
	}
	if _, err := s.OpenToken(ctx, token); !errors.Is(err, ErrCodeExpired) {
		t.Fatalf("link at 24:00:01: %v, want ErrCodeExpired", err)
	}
	// A ticket obtained in time cannot be completed late either.
	if _, err := s.CompleteReset(ctx, ticket, "Grue-Lanterne-Opale-73", testOrigin); !errors.Is(err, ErrCodeExpired) {
		t.Fatalf("completing at 24:00:01: %v, want ErrCodeExpired", err)
	}
}

func TestCodeIsSingleUse(t *testing.T) {
	t.Parallel()
	s, _ := demoStore(t)
	ch, code, token := startReset(t, s)
	ticket, err := s.VerifyCode(ctx, ch, code, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	// Entering the code again before completing is fine: nothing is consumed yet.
	if _, err := s.VerifyCode(ctx, ch, code, testOrigin); err != nil {
		t.Fatalf("second entry before completing: %v", err)
	}
	if _, err := s.CompleteReset(ctx, ticket, "Grue-Lanterne-Opale-73", testOrigin); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CompleteReset(ctx, ticket, "Autre-Lanterne-Opale-74", testOrigin); !errors.Is(err, ErrCodeUsed) {
		t.Fatalf("second completion: %v, want ErrCodeUsed", err)
	}
	if _, err := s.VerifyCode(ctx, ch, code, testOrigin); !errors.Is(err, ErrCodeUsed) {
		t.Fatalf("code after use: %v, want ErrCodeUsed", err)
	}
	if _, err := s.OpenToken(ctx, token); !errors.Is(err, ErrCodeUsed) {
		t.Fatalf("link after use: %v, want ErrCodeUsed", err)
	}
	if _, err := s.Login(ctx, "hugo.lefevre", "Grue-Lanterne-Opale-73", testOrigin); err != nil {
		t.Fatalf("login with the new password: %v", err)
	}
}

// A code opens only what it was sent for.
func TestCodeIsBoundToItsPurpose(t *testing.T) {
	t.Parallel()
	s, clock := demoStore(t)
	_, resetCode, resetToken := startReset(t, s)
	hugo, err := s.Login(ctx, "hugo.lefevre", "Kiosque-Demo-2026", testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(2 * time.Minute) // past the resend cooldown
	confirm, err := s.RequestRecoveryChange(ctx, hugo, "Kiosque-Demo-2026", "hugo.perso@example.net", testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	// The reset code typed where the new address's code is asked: wrong.
	if _, err := s.VerifyCode(ctx, confirm, resetCode, testOrigin); !errors.Is(err, ErrCodeWrong) {
		t.Fatalf("reset code as a recovery-mail code: %v", err)
	}
	// A reset ticket cannot activate, nor confirm an address.
	resetTicket, err := s.OpenToken(ctx, resetToken)
	if err != nil {
		t.Fatal(err)
	}
	choice := ActivationChoice{CharterAccepted: true, Password: "Grue-Lanterne-Opale-73"}
	if _, err := s.CompleteActivation(ctx, resetTicket, choice, testOrigin); !errors.Is(err, ErrCodeUsed) {
		t.Fatalf("reset ticket used to activate: %v", err)
	}
	if _, err := s.ConfirmRecoveryChange(ctx, resetTicket, testOrigin); !errors.Is(err, ErrCodeUsed) {
		t.Fatalf("reset ticket used to confirm an address: %v", err)
	}
	// Camille's activation ticket cannot reset a password.
	c, _ := s.StartActivation(ctx, ActivationIdentity{Identifiant: "camille.martin"}, testOrigin)
	ch, _ := s.ActivationChallenge(ctx, c, false, testOrigin)
	code, _ := codeOf(t, lastMail(t, s, "camille.martin@example.org"))
	actTicket, err := s.VerifyCode(ctx, ch, code, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CompleteReset(ctx, actTicket, "Grue-Lanterne-Opale-73", testOrigin); !errors.Is(err, ErrCodeUsed) {
		t.Fatalf("activation ticket used to reset: %v", err)
	}
	// A ticket altered after the fact is refused: the code row says what it is for, and whose.
	forged := *resetTicket
	forged.Purpose, forged.PersonID = PurposeActivation, actTicket.PersonID
	if _, err := s.CompleteActivation(ctx, &forged, choice, testOrigin); !errors.Is(err, ErrCodeUsed) {
		t.Fatalf("Hugo's reset code activated Camille's account: %v", err)
	}
	// The hash binds the purpose and the account.
	if s.codeHash(1, PurposeReset, "12345678") == s.codeHash(1, PurposeActivation, "12345678") ||
		s.codeHash(1, PurposeReset, "12345678") == s.codeHash(2, PurposeReset, "12345678") {
		t.Fatal("code hashes ignore the purpose or the account")
	}
}

func TestANewCodeRevokesTheOld(t *testing.T) {
	t.Parallel()
	s, clock := demoStore(t)
	ch, oldCode, oldToken := startReset(t, s)
	clock.Advance(ResendCooldown)
	ch2, err := s.ResendChallenge(ctx, ch, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	newCode, newToken := codeOf(t, lastMail(t, s, "hugo.lefevre@example.org"))
	if oldCode != newCode {
		if _, err := s.VerifyCode(ctx, ch2, oldCode, testOrigin); !errors.Is(err, ErrCodeReplaced) {
			t.Fatalf("old code: %v, want replaced", err)
		}
	}
	if _, err := s.OpenToken(ctx, oldToken); !errors.Is(err, ErrCodeUsed) {
		t.Fatalf("old link: %v", err)
	}
	if _, err := s.VerifyCode(ctx, ch2, newCode, testOrigin); err != nil {
		t.Fatalf("new code: %v", err)
	}
	if _, err := s.OpenToken(ctx, newToken); err != nil {
		t.Fatalf("new link: %v", err)
	}
	// A new reset from the start revokes it in turn.
	clock.Advance(ResendCooldown)
	startReset(t, s)
	if _, err := s.OpenToken(ctx, newToken); !errors.Is(err, ErrCodeUsed) {
		t.Fatalf("second code's link after a third: %v", err)
	}
	var live int
	s.db.QueryRow(`SELECT COUNT(*) FROM codes WHERE purpose = 'reset' AND used_at IS NULL AND revoked_at IS NULL`).Scan(&live)
	if live != 1 {
		t.Fatalf("%d live reset codes, want 1", live)
	}
}

func TestFiveWrongEntriesRevokeTheCode(t *testing.T) {
	t.Parallel()
	s, _ := demoStore(t)
	ch, code, token := startReset(t, s)
	wrong := fmt.Sprintf("%08d", (atoi(code)+1)%100_000_000)
	for i := 1; i <= 5; i++ {
		_, err := s.VerifyCode(ctx, ch, wrong, testOrigin)
		var cw *CodeWrongError
		if !errors.As(err, &cw) || cw.Remaining != 5-i {
			t.Fatalf("wrong entry %d: %v, want %d left", i, err, 5-i)
		}
	}
	if _, err := s.VerifyCode(ctx, ch, code, testOrigin); !errors.Is(err, ErrCodeUsed) {
		t.Fatalf("the right code after five wrong: %v, want ErrCodeUsed", err)
	}
	if _, err := s.OpenToken(ctx, token); !errors.Is(err, ErrCodeUsed) {
		t.Fatalf("the link after five wrong: %v", err)
	}
	// Malformed entries count too: a script cannot probe for free.
	clock := s.cfg.Clock.(*ManualClock)
	clock.Advance(ResendCooldown)
	ch, code, _ = startReset(t, s)
	for _, typed := range []string{"", "1234", "abcdefgh", "123456789"} {
		s.VerifyCode(ctx, ch, typed, testOrigin)
	}
	if _, err := s.VerifyCode(ctx, ch, " "+code[:4]+" "+code[4:]+" ", testOrigin); err != nil {
		t.Fatalf("the right code, typed with spaces, after four malformed: %v", err)
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// Opening a link never consumes it; only the final submit does.
func TestLinksOpenWithoutConsuming(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	importLines(t, s, camilleLine)
	_, token := codeOf(t, lastMail(t, s, "camille.martin@example.org"))
	clock.Set(clockStart.Add(15 * time.Minute))
	var first *Ticket
	for i := 0; i < 3; i++ {
		ticket, err := s.OpenToken(ctx, token)
		if err != nil {
			t.Fatalf("opening the link, time %d: %v", i+1, err)
		}
		if ticket.Purpose != PurposeActivation || ticket.Identifiant != "camille.martin@etu.umontpellier.fr" {
			t.Fatalf("ticket %+v", ticket)
		}
		first = ticket
	}
	if _, err := s.CompleteActivation(ctx, first, ActivationChoice{CharterAccepted: true,
		Password: "Grue-Lanterne-Opale-73"}, testOrigin); err != nil {
		t.Fatal(err)
	}
	if _, err := s.OpenToken(ctx, token); !errors.Is(err, ErrCodeUsed) {
		t.Fatalf("link after the submit: %v, want ErrCodeUsed", err)
	}
	for _, bad := range []string{"", "kiosk", strings.Repeat("a", 32), token + "a", strings.ToUpper(token)} {
		if _, err := s.OpenToken(ctx, bad); !errors.Is(err, ErrBadToken) {
			t.Errorf("OpenToken(%q): %v, want ErrBadToken", bad, err)
		}
	}
}

// Codes and tokens are kept only as hashes: apart from the mail itself (the
// outbox row is the message to deliver), no table holds them in clear.
func TestCodesAreStoredOnlyAsHashes(t *testing.T) {
	t.Parallel()
	s, clock := demoStore(t)
	var secrets []string
	_, code, token := startReset(t, s)
	secrets = append(secrets, code, token)
	for _, to := range []string{"camille.martin@example.org", "lea.dubois@example.org", "jl.dalembert@example.org"} {
		c, k := codeOf(t, lastMail(t, s, to))
		secrets = append(secrets, c, k)
	}
	clock.Advance(time.Hour)
	for _, who := range []string{"camille.martin", "jean-luc.dalembert"} {
		c, _ := s.StartActivation(ctx, ActivationIdentity{Identifiant: who}, testOrigin)
		ch, err := s.ActivationChallenge(ctx, c, true, testOrigin)
		if err != nil {
			t.Fatal(err)
		}
		s.VerifyCode(ctx, ch, "00000000", testOrigin)
	}
	for _, to := range []string{"camille.martin@example.org", "jl.dalembert@example.org"} {
		c, k := codeOf(t, lastMail(t, s, to))
		secrets = append(secrets, c, k)
	}
	if all := dumpTables(t, s); !strings.Contains(all, code) || !strings.Contains(all, token) {
		t.Fatal("the dump does not even see the mails") // the check below would prove nothing
	}
	dump := dumpTables(t, s, "outbox")
	for _, secret := range secrets {
		if strings.Contains(dump, secret) {
			t.Errorf("%s is stored in clear", secret)
		}
	}
	var codes int
	s.db.QueryRow(`SELECT COUNT(*) FROM codes`).Scan(&codes)
	if codes < 6 {
		t.Fatalf("only %d codes: the test saw too little", codes)
	}
}

// dumpTables is every value of every table but the skipped ones, as text.
func dumpTables(t testing.TB, s *Store, skip ...string) string {
	t.Helper()
	q := `SELECT name FROM sqlite_master WHERE type = 'table'`
	if onPostgres() {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
	}
	rows, err := s.db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		rows.Scan(&name)
		tables = append(tables, name)
	}
	rows.Close()
	var b strings.Builder
	for _, table := range tables {
		if contains(skip, table) {
			continue
		}
		rows, err := s.db.Query(`SELECT * FROM ` + table)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			fmt.Fprintf(&b, "%s %v\n", table, vals)
			for _, v := range vals {
				if by, ok := v.([]byte); ok {
					b.Write(by)
					b.WriteByte('\n')
				}
			}
		}
		rows.Close()
	}
	return b.String()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
