package data

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// --- audit: every flow writes its named event, and nothing secret

func TestAuditEventsAndNoSecrets(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	o := Origin{Client: "ssh:203.0.113.20", Lang: "fr"}
	step := func() { clock.Advance(61 * time.Second) }
	secrets := []string{hugoPassword, inesPassword, "Mauvais-Mot-2026", "Soleil2024!", "Nouveau-Depart-2026",
		"Tortue-Velo-Nuage-42", "Tortue-Velo-Nuage-43"}

	// LOGIN, LOGIN_ERROR (one with a password typed as identifiant), LOCK
	hugoAcct, err := s.Login(ctx, hugo, hugoPassword, o)
	if err != nil {
		t.Fatal(err)
	}
	s.Login(ctx, "Soleil2024!", "Soleil2024!", o)
	for i := 0; i < 5; i++ {
		clock.Advance(2 * time.Second)
		s.Login(ctx, "personne.inconnue", "Mauvais-Mot-2026", o)
	}
	// HELPDESK_ACTION (unlock); then hugo locked, and UNLOCK by his reset
	ines := agent(t, s)
	for i := 0; i < 5; i++ {
		clock.Advance(2 * time.Second)
		s.Login(ctx, hugo, "Mauvais-Mot-2026", from())
	}
	unlock(t, s, ines, hugo, Origin{Client: "kiosk:accueil/tty1"})
	for i := 0; i < 5; i++ {
		clock.Advance(2 * time.Second)
		s.Login(ctx, hugo, "Mauvais-Mot-2026", from())
	}
	if !loginState(t, s, hugo).Locked() {
		t.Fatal("hugo not locked again")
	}
	// SEND_CODE, RESET_PASSWORD, UNLOCK (the reset lifts the lock)
	ch, err := s.StartReset(ctx, hugo, o)
	if err != nil {
		t.Fatal(err)
	}
	tk, err := s.VerifyCode(ctx, ch, lastCode(t, s, hugoMail), o)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CompleteReset(ctx, tk, "Nouveau-Depart-2026", o); err != nil {
		t.Fatal(err)
	}
	// UPDATE_PASSWORD
	if err := s.ChangePassword(ctx, hugoAcct, "Nouveau-Depart-2026", "Tortue-Velo-Nuage-43", o); err != nil {
		t.Fatal(err)
	}
	// UPDATE_RECOVERY_MAIL
	step()
	ch, err = s.RequestRecoveryChange(ctx, hugoAcct, "Tortue-Velo-Nuage-43", "hugo.nouveau@example.net", o)
	if err != nil {
		t.Fatal(err)
	}
	tk, err = s.VerifyCode(ctx, ch, lastCode(t, s, "hugo.nouveau@example.net"), o)
	if err != nil {
		t.Fatal(err)
	}
	if hugoAcct, err = s.ConfirmRecoveryChange(ctx, tk, o); err != nil {
		t.Fatal(err)
	}
	// UPDATE_REDIRECTION
	step()
	ch, err = s.SetRedirection(ctx, hugoAcct, "Tortue-Velo-Nuage-43", "hugo.redirige@example.com", true, o)
	if err != nil {
		t.Fatal(err)
	}
	tk, err = s.VerifyCode(ctx, ch, lastCode(t, s, "hugo.redirige@example.com"), o)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ConfirmRedirection(ctx, tk, o); err != nil {
		t.Fatal(err)
	}
	// ACTIVATE
	c, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: camilleIdent}, o)
	if err != nil {
		t.Fatal(err)
	}
	ch, err = s.ActivationChallenge(ctx, c, false, o)
	if err != nil {
		t.Fatal(err)
	}
	tk, err = s.VerifyCode(ctx, ch, lastCode(t, s, "camille.martin@example.org"), o)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CompleteActivation(ctx, tk, ActivationChoice{CharterAccepted: true, Redirect: true, KeepCopy: true,
		Password: "Tortue-Velo-Nuage-42"}, o); err != nil {
		t.Fatal(err)
	}
	// IA_LOOKUP, IA_LOOKUP_ERROR
	if _, err := s.LookupRegistrations(ctx, camilleNum, camilleBirth, o); err != nil {
		t.Fatal(err)
	}
	lookupFail(t, s, camilleNum, o)

	want := []Event{EventLogin, EventLoginError, EventLock, EventUnlock, EventSendCode, EventResetPassword,
		EventUpdatePassword, EventUpdateRecoveryMail, EventUpdateRedirection, EventActivate, EventIALookup,
		EventIALookupError, EventHelpdeskAction}
	entries, err := s.AuditLog(ctx, AuditFilter{Events: want, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[Event]AuditEntry{}
	for _, e := range entries {
		if e.Client == o.Client || e.Actor != "" || e.Event == EventUnlock {
			seen[e.Event] = e
		}
	}
	for _, ev := range want {
		e, ok := seen[ev]
		if !ok {
			t.Errorf("no %s entry", ev)
			continue
		}
		if e.At.Location() != time.UTC || e.Outcome == "" || (e.Client == "" && e.Event != EventUnlock) ||
			(e.Identifiant == "" && e.PersonID == 0) {
			t.Errorf("%s entry incomplete: %+v", ev, e)
		}
		t.Logf("%-20s %s  %-32s %-20s %-14s %s", e.Event, e.At.Format(time.RFC3339), e.Identifiant, e.Client, e.Outcome, e.Detail)
	}

	// Nothing secret: no password, no code, no link token, no full address.
	var outbox []string
	mails, _ := s.Outbox(ctx, OutboxFilter{})
	for _, m := range mails {
		secrets = append(secrets, m.To)
		if c := mailCodeRe.FindStringSubmatch(m.Body); c != nil {
			secrets = append(secrets, c[1])
		}
		if tok := mailTokenRe.FindStringSubmatch(m.Body); tok != nil {
			secrets = append(secrets, tok[1])
		}
		outbox = append(outbox, m.To)
	}
	rows, _ := s.db.Query(`SELECT personal_email FROM people`)
	for rows.Next() {
		var e string
		rows.Scan(&e)
		secrets = append(secrets, e)
	}
	rows.Close()
	if len(outbox) < 5 {
		t.Fatalf("only %d mails: the flows did not run", len(outbox))
	}
	all := auditRows(t, s)
	for _, row := range all {
		for _, secret := range secrets {
			if strings.Contains(strings.ToLower(row), strings.ToLower(secret)) {
				t.Errorf("audit row holds a secret %q: %s", secret, row)
			}
		}
		if !strings.Contains(row, "Z |") {
			t.Errorf("audit time not UTC: %s", row)
		}
	}
	if !slices.ContainsFunc(all, func(r string) bool { return strings.Contains(r, UnshownIdentifiant) }) {
		t.Error("the password typed as an identifiant should show as " + UnshownIdentifiant)
	}
	t.Logf("%d audit rows checked against %d secrets", len(all), len(secrets))
}

func TestAuditAppendOnly(t *testing.T) {
	t.Parallel()
	s, _ := abuseStore(t)
	s.Login(ctx, hugo, "Mauvais-Mot-2026", testOrigin)
	n := countRows(t, s, "audit")
	attempts := []string{
		`UPDATE audit SET outcome = 'ok'`,
		`UPDATE audit SET detail = '' WHERE id = (SELECT MAX(id) FROM audit)`,
		`DELETE FROM audit`,
		`DELETE FROM audit WHERE id = 1`,
		`INSERT OR REPLACE INTO audit(id, at, event) VALUES (1, '2000-01-01T00:00:00.000000000Z', 'LOGIN')`,
		`REPLACE INTO audit(id, at, event) VALUES ((SELECT MAX(id) FROM audit), '2000-01-01T00:00:00.000000000Z', 'LOGIN')`,
	}
	if onPostgres() { // PostgreSQL's own ways to replace or empty rows
		attempts = append(attempts[:4],
			`INSERT INTO audit(id, at, event, hash) VALUES (1, '2000-01-01T00:00:00.000000000Z', 'LOGIN', 'x')
			 ON CONFLICT (id) DO UPDATE SET at = excluded.at`,
			`TRUNCATE audit`,
			`MERGE INTO audit a USING (SELECT 1 AS id) n ON a.id = n.id WHEN MATCHED THEN DELETE`)
	}
	for _, q := range attempts {
		if _, err := s.db.Exec(q); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v, want refused as append-only", q, err)
		}
	}
	if countRows(t, s, "audit") != n {
		t.Fatal("audit rows changed")
	}
	var first string
	s.db.QueryRow(`SELECT event FROM audit WHERE id = 1`).Scan(&first)
	if first == "LOGIN" {
		t.Fatal("row 1 was replaced")
	}
}

// --- "mot de passe oublié": same words, same mask shape, whoever asks

// maskShape is what every mask looks like: two characters and the last
// of the local part (fewer when short), then a public provider whole or a
// masked domain and its top-level domain.
var maskShape = regexp.MustCompile(`^[\pL\pN._-]{1,2}•••••[\pL\pN]?@([a-z0-9.-]+\.[a-z]{2,24}|[\pL\pN-]{1,2}•••••[\pL\pN]?\.[a-z]{2,24})$`)

func TestStartResetSameShape(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	type answer struct {
		purpose         Purpose
		expires, resend time.Duration
	}
	idents := []string{hugo, "personne.inconnue", "marie.curie"}
	spelled := []string{" Hugo.Lefevre@etu.umontpellier.fr", "PERSONNE.INCONNUE@etu.umontpellier.fr ", "Marie.Curie"}
	var first answer
	masks := map[string]string{}
	for round := 0; round < 4; round++ {
		if round%2 == 1 {
			idents, spelled = spelled, idents
		}
		for i, ident := range idents {
			ch, err := s.StartReset(ctx, ident, testOrigin)
			if err != nil {
				t.Fatalf("%s: %v", ident, err)
			}
			a := answer{ch.Purpose, ch.ExpiresAt.Sub(clock.Now()), ch.ResendAt.Sub(clock.Now())}
			if i == 0 {
				first = a
			} else if a != first {
				t.Fatalf("%s answers %+v, %s answered %+v", ident, a, idents[0], first)
			}
			if !maskShape.MatchString(ch.MaskedTarget) {
				t.Fatalf("%s: mask %q has another shape", ident, ch.MaskedTarget)
			}
			local := loginKey(ident)
			if m, ok := masks[local]; ok && m != ch.MaskedTarget {
				t.Fatalf("%s: mask changed from %q to %q", ident, m, ch.MaskedTarget)
			}
			masks[local] = ch.MaskedTarget
		}
		clock.Advance(21 * time.Minute)
	}
	t.Logf("masks: %v", masks)
	// The decoy is the server's secret at work, not a constant.
	if s.decoyMask("personne.inconnue") == s.decoyMask("marie.curie") && s.decoyMask("a.b") == s.decoyMask("c.d") {
		t.Fatal("decoy masks do not depend on the identifiant")
	}
	other, _ := openTest(t)
	if other.decoyMask("personne.inconnue") == s.decoyMask("personne.inconnue") &&
		other.decoyMask("marie.curie") == s.decoyMask("marie.curie") && other.decoyMask("a.b") == s.decoyMask("a.b") {
		t.Fatal("two stores with different secrets give the same decoys")
	}
}

// The resend cooldown and the 3 mails an hour, for a real account and for
// an unknown identifiant alike.
func TestMailCooldownAndHourlyLimit(t *testing.T) {
	t.Parallel()
	for _, ident := range []string{hugo, "personne.inconnue"} {
		s, clock := abuseStore(t)
		t0 := clock.Now()
		ch, err := s.StartReset(ctx, ident, testOrigin)
		if err != nil {
			t.Fatal(err)
		}
		if !ch.ResendAt.Equal(t0.Add(ResendCooldown)) {
			t.Fatalf("%s: first ResendAt %v", ident, ch.ResendAt.Sub(t0))
		}
		clock.Set(t0.Add(ResendCooldown - time.Millisecond))
		_, err = s.ResendChallenge(ctx, ch, testOrigin)
		wantLimit(t, err, "mail", t0.Add(ResendCooldown))
		// Asking again from the start answers like the first time (the code
		// is on its way); only the resend waits.
		again, err := s.StartReset(ctx, ident, testOrigin)
		if err != nil || !again.ResendAt.Equal(t0.Add(ResendCooldown)) || again.MaskedTarget != ch.MaskedTarget {
			t.Fatalf("%s: StartReset during the cooldown: %+v, %v", ident, again, err)
		}

		clock.Set(t0.Add(ResendCooldown))
		if ch, err = s.ResendChallenge(ctx, ch, testOrigin); err != nil {
			t.Fatalf("%s: second mail at 60 s: %v", ident, err)
		}
		if !ch.ResendAt.Equal(t0.Add(2 * ResendCooldown)) {
			t.Fatalf("%s: second ResendAt %v", ident, ch.ResendAt.Sub(t0))
		}
		clock.Set(t0.Add(2 * ResendCooldown))
		if ch, err = s.ResendChallenge(ctx, ch, testOrigin); err != nil {
			t.Fatalf("%s: third mail: %v", ident, err)
		}
		// Three in the hour: the next one waits for the first to be an hour old.
		if !ch.ResendAt.Equal(t0.Add(time.Hour)) {
			t.Fatalf("%s: third ResendAt %v, want 1h", ident, ch.ResendAt.Sub(t0))
		}
		clock.Set(t0.Add(time.Hour - time.Nanosecond))
		_, err = s.ResendChallenge(ctx, ch, testOrigin)
		wantLimit(t, err, "mail", t0.Add(time.Hour))
		clock.Set(t0.Add(time.Hour))
		if _, err = s.ResendChallenge(ctx, ch, testOrigin); err != nil {
			t.Fatalf("%s: fourth mail after the hour: %v", ident, err)
		}
		if ident == hugo {
			mails, _ := s.Outbox(ctx, OutboxFilter{To: hugoMail})
			if len(mails) != 4 {
				t.Fatalf("%d mails, want 4", len(mails))
			}
		}
	}
}

func TestNextMailAt(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	m := func(d ...time.Duration) []time.Time {
		var out []time.Time
		for _, x := range d {
			out = append(out, t0.Add(x))
		}
		return out
	}
	for _, c := range []struct {
		recent []time.Time
		want   time.Time
	}{
		{nil, time.Time{}},
		{m(0), t0.Add(time.Minute)},
		{m(10*time.Minute, 0), t0.Add(11 * time.Minute)},
		{m(50*time.Minute, 10*time.Minute, 0), t0.Add(time.Hour)},
		{m(59*time.Minute+30*time.Second, 2*time.Minute, time.Minute), t0.Add(time.Hour + time.Minute)},
	} {
		if got := nextMailAt(c.recent); !got.Equal(c.want) {
			t.Errorf("nextMailAt(%v) = %v, want %v", c.recent, got, c.want)
		}
	}
}

// The lost-password answer takes the same time for a real account and an
// unknown identifiant. A figure, not a timed test (the machine is shared):
//
//	go test ./data -run '^$' -bench StartResetTiming -benchtime 1x
//
// reports the medians over 200 interleaved pairs and the gap between them
// (the rule: under 5 ms; measured 0.1 ms).
func BenchmarkStartResetTiming(b *testing.B) {
	s, clock := abuseStore(b)
	const tries = 200
	r := rand.New(rand.NewPCG(1, 2))
	measure := func(ident string) time.Duration {
		start := time.Now()
		if _, err := s.StartReset(ctx, ident, testOrigin); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	med := func(d []time.Duration) time.Duration {
		d = slices.Clone(d)
		slices.Sort(d)
		return d[len(d)/2]
	}
	for b.Loop() {
		var known, unknown []time.Duration
		for i := 0; i < tries; i++ {
			// Interleaved, in a random order each round, so that the
			// machine's noise falls on both alike.
			var k, u time.Duration
			if r.IntN(2) == 0 {
				k, u = measure(hugo), measure("personne.inconnue")
			} else {
				u, k = measure("personne.inconnue"), measure(hugo)
			}
			known, unknown = append(known, k), append(unknown, u)
			clock.Advance(21 * time.Minute) // within 3 mails an hour for both
		}
		gap := med(known) - med(unknown)
		b.ReportMetric(float64(med(known).Microseconds())/1000, "known-ms")
		b.ReportMetric(float64(med(unknown).Microseconds())/1000, "unknown-ms")
		b.ReportMetric(float64(gap.Abs().Microseconds())/1000, "gap-ms")
	}
}

// --- hostile input at the store's door

func TestHugeInputsStayCheap(t *testing.T) {
	t.Parallel()
	clock := NewManualClock(time.Date(2026, 11, 25, 10, 0, 0, 0, ParisLocation()))
	h := NewHasher(HashParams{MemoryKiB: 64, Time: 1, Threads: 1}, 1, 20*time.Millisecond)
	s, err := Open(filepath.Join(t.TempDir(), "entkiosk.db"), Config{Clock: clock, Hasher: h})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	mb := strings.Repeat("é", 1<<19) // 1 MB
	// With the only hash slot taken, a login that hashed would say ErrBusy:
	// a 1 MB password is refused without hashing.
	if err := h.acquire(ctx); err != nil { // the only slot, held
		t.Fatal(err)
	}
	for _, pw := range []string{mb, strings.Repeat("a1", 65), strings.Repeat("x", MaxPasswordBytes+1)} {
		clock.Advance(2 * time.Second)
		_, err := s.Login(ctx, hugo, pw, from())
		wantCredentials(t, err, fmt.Sprintf("password of %d bytes", len(pw)))
	}
	// 128 characters is still a password: it is hashed (and here, busy).
	_, err = s.Login(ctx, hugo, strings.Repeat("é", 128), from())
	if err != ErrBusy {
		t.Fatalf("a 128-character password must be checked: %v", err)
	}
	h.release()
	if st := loginState(t, s, hugo); st.Failures+st.Level == 0 {
		t.Fatalf("huge passwords must count as failures: %+v", st)
	}

	// A 1 MB identifiant: refused like any unknown one, nothing big stored.
	clock.Advance(time.Hour)
	_, err = s.Login(ctx, mb, "x", from())
	wantCredentials(t, err, "1 MB identifiant")
	if _, err := s.StartReset(ctx, mb, testOrigin); err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: mb}, testOrigin); err != ErrUnknownIdentifiant {
		t.Fatal(err)
	}
	for _, q := range []string{`SELECT COALESCE(MAX(LENGTH(key)), 0) FROM throttle_failures`, `SELECT COALESCE(MAX(LENGTH(key)), 0) FROM throttle_locks`,
		`SELECT COALESCE(MAX(LENGTH(identifiant) + LENGTH(detail) + LENGTH(client)), 0) FROM audit`} {
		var n int
		if err := s.db.QueryRow(q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 2*MaxEmailLength {
			t.Fatalf("%s = %d: a huge input was stored", q, n)
		}
	}
	// Addresses with a line break or NUL never reach a mail header.
	a, err := s.Login(ctx, inesIdent, inesPassword, from())
	if err != nil {
		t.Fatal(err)
	}
	for _, addr := range []string{"a@b.fr\r\nBcc: x@y.fr", "a@b.fr\nx", "a\x00@b.fr", "a@b.fr\r", strings.Repeat("a", 250) + "@b.fr",
		"\u202ertl@b.fr", mb + "@b.fr"} {
		if _, err := s.RequestRecoveryChange(ctx, a, inesPassword, addr, testOrigin); !isInvalidEmail(err) {
			t.Errorf("recovery address %.40q: %v", addr, err)
		}
		if _, err := s.SetRedirection(ctx, a, inesPassword, addr, true, testOrigin); !isInvalidEmail(err) {
			t.Errorf("redirection %.40q: %v", addr, err)
		}
	}
}

func isInvalidEmail(err error) bool {
	_, ok := err.(*InvalidEmailError)
	return ok
}

// Names and texts with terminal sequences are refused at import, and a
// line's refusal quotes them cleaned.
func TestImportRefusesControlSequences(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	header := "numero_etudiant;nom;prenom;date_naissance;email_personnel;categorie;annee;code_etape;statut_inscription;statut_paiement;date_validation\n"
	line := func(nom, prenom, mail, etape string) string {
		return fmt.Sprintf("2%07d;%s;%s;01/02/2004;%s;etudiant;2026;%s;valide;paye;2026-09-02T10:15:00+02:00\n",
			rand.IntN(1e7), nom, prenom, mail, etape)
	}
	csv := header +
		line("Martin\x1b]52;c;cm0gLXJmIH4=\x07", "Eve", "eve@example.org", "SLINF3") +
		line("Martin", "\u202eEve", "eve2@example.org", "SLINF3") +
		line("Martin", "Eve\x9b31m", "eve3@example.org", "SLINF3") +
		line("Martin", "Eve", "eve4@example.org\x1b[2J", "SLINF3") +
		line("Martin", "Eve", "eve5@example.org", "SL\x1b[31mINF3") +
		line("Martin", "Eve", "eve6@example.org", "SLINF3")
	rep, err := s.Import(ctx, strings.NewReader(csv), testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Created != 1 || rep.Refused != 5 {
		t.Fatalf("created %d refused %d: %+v", rep.Created, rep.Refused, rep.Refusals)
	}
	for _, r := range rep.Refusals {
		if Clean(r.Reason) != r.Reason {
			t.Fatalf("refusal reason carries a control sequence: %q", r.Reason)
		}
	}
}

// Login's cost with a normal and a 1 MB password (cheap hasher: the
// figures show that the 1 MB one is refused before any hashing):
//
//	go test ./data -run '^$' -bench BenchmarkLogin -benchtime 200x
func BenchmarkLogin(b *testing.B) {
	for _, c := range []struct{ name, password string }{
		{"wrong", "Mauvais-Mot-2026"}, {"1MB", strings.Repeat("é", 1<<19)},
	} {
		b.Run(c.name, func(b *testing.B) {
			s, clock := abuseStore(b)
			for b.Loop() {
				clock.Advance(time.Hour) // no lock in the way
				if _, err := s.Login(ctx, hugo, c.password, Origin{}); err != ErrInvalidCredentials {
					b.Fatal(err)
				}
			}
		})
	}
}

// A 1 MB password given to the policy (the store's own door: CompleteReset,
// CompleteActivation, ChangePassword) is refused in one linear pass; the
// dictionary and personal-data readings used to be quadratic in the length.
//
//	go test ./data -run '^$' -bench BenchmarkCheckPassword -benchtime 20x
func TestCheckPasswordHuge(t *testing.T) {
	t.Parallel()
	res := CheckPassword(strings.Repeat("é1", 1<<18), PersonalData{Prenom: "Camille", Nom: "Martin"})
	if res.OK() || res.Result(RuleMaxLength).OK || res.Length != 1<<19 {
		t.Fatalf("1 MB password: %+v", res.Rules)
	}
	if got := len(readings("a1b1c1d1e1f1")); got != 64 {
		t.Fatalf("readings of six ones: %d, want 64", got)
	}
	if r := readings("p4$$w0rd1"); !slices.Contains(r, "passwordl") || !slices.Contains(r, "passwordi") {
		t.Fatalf("readings: %v", r)
	}
}

func BenchmarkCheckPassword(b *testing.B) {
	for _, c := range []struct{ name, pw string }{
		{"12chars", "Tortue-Velo-42"}, {"128chars", strings.Repeat("é", 128)}, {"1MB", strings.Repeat("é1", 1<<18)},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				CheckPassword(c.pw, PersonalData{Prenom: "Camille", Nom: "Martin"})
			}
		})
	}
}
