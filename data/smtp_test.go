package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"mime/quotedprintable"
	"net"
	netmail "net/mail"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

const testFrom = "ENT Université de Montpellier <ne-pas-repondre@umontpellier.fr>"

// --- helpers

// syncBuffer collects the log of concurrent senders.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func testLogger() (*slog.Logger, *syncBuffer) {
	buf := &syncBuffer{}
	return slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug})), buf
}

func relayConfig(t *testing.T, url string) SMTPConfig {
	t.Helper()
	cfg, err := ParseSMTP(url, testFrom)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Timeout = 20 * time.Second
	return cfg
}

// queueTestMail writes a mail of kind to `to` as the rules would, due at notBefore.
func queueTestMail(t *testing.T, s *Store, kind MailKind, lang, to string, notBefore time.Time) Mail {
	t.Helper()
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = s.queueContent(ctx, tx, Mail{Kind: kind, Lang: lang, To: to, NotBefore: notBefore},
			goldenContent(s, kind, lang))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return mailByID(t, s, id)
}

func mailByID(t *testing.T, s *Store, id int64) Mail {
	t.Helper()
	m, err := s.scanMail(s.db.QueryRow(`SELECT `+mailColumns+` FROM outbox WHERE id = ?`, id))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func claimOf(t *testing.T, s *Store, id int64) (by string, until time.Time) {
	t.Helper()
	var b, u sql.NullString
	if err := s.db.QueryRow(`SELECT claimed_by, claimed_until FROM outbox WHERE id = ?`, id).Scan(&b, &u); err != nil {
		t.Fatal(err)
	}
	return b.String, nullTime(u)
}

func deliver(t *testing.T, s *Store, cfg SMTPConfig, l *slog.Logger) (DeliveryReport, error) {
	t.Helper()
	return s.DeliverDue(ctx, cfg, l)
}

func mustDeliver(t *testing.T, s *Store, cfg SMTPConfig, l *slog.Logger, want DeliveryReport) {
	t.Helper()
	rep, err := deliver(t, s, cfg, l)
	if err != nil {
		t.Fatalf("DeliverDue: %v", err)
	}
	if rep != want {
		t.Fatalf("DeliverDue = %+v, want %+v", rep, want)
	}
}

// parsed is a received mail as a mail client reads it.
type parsed struct {
	header netmail.Header
	body   string // decoded, LF line ends
}

func parseReceived(t *testing.T, data []byte) parsed {
	t.Helper()
	msg, err := netmail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if err != nil {
		t.Fatal(err)
	}
	return parsed{header: msg.Header, body: strings.ReplaceAll(string(raw), "\r\n", "\n")}
}

// noSecretsIn: logs never hold a code, a token or a full address.
func noSecretsIn(t *testing.T, logs string, secrets ...string) {
	t.Helper()
	for _, s := range secrets {
		if s != "" && strings.Contains(logs, s) {
			t.Errorf("the log holds %q:\n%s", s, logs)
		}
	}
}

// --- tests

func TestParseSMTP(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		url, want string
		implicit  bool
		starttls  StartTLS
		user      string
		pass      string
	}{
		{"smtp://relay.umontpellier.fr", "smtp://relay.umontpellier.fr:25", false, StartTLSOpportunistic, "", ""},
		{"smtp://ent:s3cr%40t@relay:587", "smtp://ent@relay:587", false, StartTLSOpportunistic, "ent", "s3cr@t"},
		{"smtp://ent:pw@relay", "smtp://ent@relay:587", false, StartTLSOpportunistic, "ent", "pw"},
		{"smtps://relay", "smtps://relay:465", true, StartTLSOpportunistic, "", ""},
		{"SMTPS://u:p@relay:4650/", "smtps://u@relay:4650", true, StartTLSOpportunistic, "u", "p"},
		{"smtp://relay:25?starttls=required", "smtp://relay:25", false, StartTLSRequired, "", ""},
		{"smtp://localhost:25?starttls=off", "smtp://localhost:25", false, StartTLSOff, "", ""},
	} {
		c, err := ParseSMTP(tc.url, testFrom)
		if err != nil {
			t.Errorf("%s: %v", tc.url, err)
			continue
		}
		if c.String() != tc.want || c.ImplicitTLS != tc.implicit || c.StartTLS != tc.starttls ||
			c.Username != tc.user || c.Password != tc.pass {
			t.Errorf("%s: got %s %+v", tc.url, c, c)
		}
		if c.From.Address != "ne-pas-repondre@umontpellier.fr" || c.From.Name != "ENT Université de Montpellier" {
			t.Errorf("%s: from %+v", tc.url, c.From)
		}
	}
	for _, bad := range []string{"", "relay:25", "http://relay", "smtp://", "smtp://:pw@relay",
		"smtp://relay:0", "smtp://relay:99999", "smtp://relay/x", "smtp://relay?tls=1",
		"smtp://relay?starttls=maybe", "smtps://relay?starttls=off", "smtp://u:hunter2@relay:x"} {
		_, err := ParseSMTP(bad, testFrom)
		if err == nil {
			t.Errorf("%q accepted", bad)
			continue
		}
		if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("%q: the error repeats the password: %v", bad, err)
		}
	}
	if _, err := ParseSMTP("smtp://relay", "not an address"); err == nil {
		t.Error("a bad --from accepted")
	}
}

func TestDeliverExactHeadersAndBody(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	relay := startRelay(t, relayOptions{})
	l, logs := testLogger()
	m := queueTestMail(t, s, MailReset, "fr", "camille.martin@example.org", clock.Now())

	mustDeliver(t, s, relayConfig(t, "smtp://"+relay.Addr), l, DeliveryReport{Sent: 1})

	got := relay.received()
	if len(got) != 1 {
		t.Fatalf("%d mails at the relay, want 1", len(got))
	}
	if got[0].From != "ne-pas-repondre@umontpellier.fr" || len(got[0].To) != 1 || got[0].To[0] != m.To {
		t.Errorf("envelope %s -> %v", got[0].From, got[0].To)
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(got[0].Data), "\r\n"), "\r\n") {
		if len(line) > 78 || strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d: %q", i+1, line)
		}
		for _, c := range []byte(line) {
			if c >= 0x80 {
				t.Fatalf("line %d is not 7-bit: %q", i+1, line)
			}
		}
	}
	p := parseReceived(t, got[0].Data)
	dec := new(mime.WordDecoder)
	subject, err := dec.DecodeHeader(p.header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	from, err := p.header.AddressList("From")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"To":                        "<camille.martin@example.org>",
		"Date":                      "Wed, 25 Nov 2026 10:00:00 +0100",
		"Message-Id":                m.MessageID,
		"Mime-Version":              "1.0",
		"Content-Type":              "text/plain; charset=UTF-8",
		"Content-Transfer-Encoding": "quoted-printable",
		"Content-Language":          "fr",
		"Auto-Submitted":            "auto-generated",
		"X-Auto-Response-Suppress":  "All",
	}
	for k, v := range want {
		if got := p.header.Get(k); got != v {
			t.Errorf("%s: %q, want %q", k, got, v)
		}
	}
	for k := range p.header {
		if _, ok := want[k]; !ok && k != "Subject" && k != "From" {
			t.Errorf("unexpected header %s: %q", k, p.header.Get(k))
		}
	}
	if !strings.HasPrefix(p.header.Get("Subject"), "=?UTF-8?q?") || subject != m.Subject {
		t.Errorf("subject %q decodes to %q, want %q", p.header.Get("Subject"), subject, m.Subject)
	}
	if len(from) != 1 || from[0].Name != "ENT Université de Montpellier" ||
		from[0].Address != "ne-pas-repondre@umontpellier.fr" {
		t.Errorf("from %v", from)
	}
	if p.body != m.Body {
		t.Errorf("body differs:\n--- sent\n%s\n--- stored\n%s", p.body, m.Body)
	}

	after := mailByID(t, s, m.ID)
	if after.Status != MailSent || after.Attempts != 1 || !after.SentAt.Equal(clock.Now()) ||
		!strings.Contains(after.Relay, "OK") || after.LastError != "" {
		t.Errorf("after delivery: %+v", after)
	}
	if by, _ := claimOf(t, s, m.ID); by != "" {
		t.Errorf("claim left: %q", by)
	}
	// Delivered by SMTP: the outbox no longer holds a usable code.
	if strings.Contains(after.Body, goldenCode) || strings.Contains(after.Body, goldenToken) ||
		!strings.Contains(after.Body, "Code : ••••••••") {
		t.Errorf("stored body not redacted:\n%s", after.Body)
	}
	if after.args != "" {
		t.Errorf("delivered mail still stored as its args (code included): %s", after.args)
	}
	mustDeliver(t, s, relayConfig(t, "smtp://"+relay.Addr), l, DeliveryReport{})
	noSecretsIn(t, logs.String(), goldenCode, goldenToken, m.To)
}

func TestDeliverThroughTheRulesInEnglish(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	relay := startRelay(t, relayOptions{})
	acct, _, err := s.accountByLogin(ctx, s.db, "hugo.lefevre")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartReset(ctx, "hugo.lefevre", Origin{Client: "test", Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	l, logs := testLogger()
	if _, err := deliver(t, s, relayConfig(t, "smtp://"+relay.Addr), l); err != nil {
		t.Fatal(err)
	}
	var mine *relayMsg
	dec := new(mime.WordDecoder)
	for _, m := range relay.received() {
		subject, _ := dec.DecodeHeader(parseReceived(t, m.Data).header.Get("Subject"))
		if m.To[0] == acct.RecoveryEmail && strings.HasPrefix(subject, "Reset your password") {
			mine = &m
		}
	}
	if mine == nil {
		t.Fatalf("no reset mail to the mail de secours among %d", len(relay.received()))
	}
	p := parseReceived(t, mine.Data)
	code := regexp.MustCompile(`(?m)^Code: ([0-9]{8})$`).FindStringSubmatch(p.body)
	if code == nil || !strings.Contains(p.body, "Hello Hugo") || p.header.Get("Content-Language") != "en" {
		t.Fatalf("reset mail:\n%s", p.body)
	}
	// The helpdesk's view of the person's mails: status and all.
	after, _ := s.Outbox(ctx, OutboxFilter{PersonID: acct.Person.ID})
	if len(after) == 0 || after[0].Kind != MailReset || after[0].Status != MailSent || after[0].Lang != "en" {
		t.Errorf("the person's mails: %+v", after)
	}
	for _, m := range after {
		if strings.Contains(m.Body, code[1]) {
			t.Errorf("the delivered code is still in the outbox")
		}
	}
	noSecretsIn(t, logs.String(), code[1], acct.RecoveryEmail)
}

func TestDeliverWaitsForNotBefore(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	relay := startRelay(t, relayOptions{})
	cfg := relayConfig(t, "smtp://"+relay.Addr)
	m := queueTestMail(t, s, MailActivation, "fr", "camille@example.org", clock.Now().Add(ActivationDelay))

	mustDeliver(t, s, cfg, nil, DeliveryReport{})
	clock.Advance(ActivationDelay - time.Nanosecond)
	mustDeliver(t, s, cfg, nil, DeliveryReport{})
	clock.Advance(time.Nanosecond)
	mustDeliver(t, s, cfg, nil, DeliveryReport{Sent: 1})
	if n := len(relay.received()); n != 1 {
		t.Fatalf("%d mails at the relay", n)
	}
	if p := parseReceived(t, relay.received()[0].Data); p.header.Get("Date") != "Wed, 25 Nov 2026 10:15:00 +0100" {
		t.Errorf("Date %q: the due time, not the queue time", p.header.Get("Date"))
	}
	if got := mailByID(t, s, m.ID); got.Status != MailSent {
		t.Errorf("status %s", got.Status)
	}
}

func TestDeliverActivationMailAtValidationPlus15Minutes(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	relay := startRelay(t, relayOptions{})
	cfg := relayConfig(t, "smtp://"+relay.Addr)
	csv := "numero_etudiant;nom;prenom;date_naissance;email_personnel;categorie;annee;code_etape;libelle_etape;" +
		"diplome;composante;regime;statut_inscription;statut_paiement;date_validation\n" +
		"21901234;Martin;Camille;14/07/2004;camille.martin@example.org;etudiant;2026;SLINF3;Licence 3 Informatique;" +
		"Licence Informatique;Sciences;FI;valide;paye;" + clock.Now().Format(time.RFC3339) + "\n"
	if _, err := s.Import(ctx, strings.NewReader(csv), Origin{Client: "import", Lang: "fr"}); err != nil {
		t.Fatal(err)
	}
	mustDeliver(t, s, cfg, nil, DeliveryReport{})
	clock.Advance(ActivationDelay - time.Second)
	mustDeliver(t, s, cfg, nil, DeliveryReport{})
	clock.Advance(time.Second)
	mustDeliver(t, s, cfg, nil, DeliveryReport{Sent: 1})
	got := relay.received()
	if len(got) != 1 || got[0].To[0] != "camille.martin@example.org" {
		t.Fatalf("received %+v", got)
	}
	p := parseReceived(t, got[0].Data)
	if !strings.Contains(p.body, "Identifiant\u00a0: camille.martin@etu.umontpellier.fr") ||
		!regexp.MustCompile(`(?m)^Code : [0-9]{8}$`).MatchString(p.body) ||
		!strings.Contains(p.body, "jeudi 26 novembre 2026 à 10:14 (heure de") {
		t.Errorf("activation mail:\n%s", p.body)
	}
}

func TestDeliverServerDownThenUp(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	// A port nobody listens on yet.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cfg := relayConfig(t, "smtp://"+addr)
	logger, logs := testLogger()
	m1 := queueTestMail(t, s, MailReset, "fr", "camille@example.org", clock.Now())
	m2 := queueTestMail(t, s, MailPasswordChanged, "fr", "hugo@example.org", clock.Now())

	rep, err := deliver(t, s, cfg, logger)
	var relayErr *RelayError
	if !errors.As(err, &relayErr) || rep != (DeliveryReport{Retry: 1}) {
		t.Fatalf("relay down: %+v, %v", rep, err)
	}
	got := mailByID(t, s, m1.ID)
	if got.Status != MailPending || got.Attempts != 1 || !got.NextTryAt.Equal(clock.Now().Add(time.Minute)) ||
		!strings.Contains(got.LastError, "connection refused") {
		t.Errorf("after the relay was down: %+v", got)
	}
	// The pass stopped at the first mail: the second was not tried.
	if got := mailByID(t, s, m2.ID); got.Attempts != 0 || got.Status != MailPending {
		t.Errorf("second mail: %+v", got)
	}

	relay := startRelay(t, relayOptions{addr: addr})
	mustDeliver(t, s, cfg, logger, DeliveryReport{Sent: 1}) // m2 is due; m1 waits for its retry time
	clock.Advance(time.Minute)
	mustDeliver(t, s, cfg, logger, DeliveryReport{Sent: 1})
	mustDeliver(t, s, cfg, logger, DeliveryReport{})
	if n := len(relay.received()); n != 2 {
		t.Fatalf("%d mails at the relay, want 2", n)
	}
	if got := mailByID(t, s, m1.ID); got.Status != MailSent || got.Attempts != 2 || got.LastError != "" {
		t.Errorf("m1 after the relay came back: %+v", got)
	}
	noSecretsIn(t, logs.String(), goldenCode, goldenToken, m1.To, m2.To)
}

// A relay that answers MAIL FROM with a 4xx (421 too busy, 452 out of
// space) refuses the sender, the same for every mail: the pass stops at the
// first mail, like a relay down, instead of dialling again for each of the
// 50,000 activation mails of a night's import and logging each.
func TestDeliverRelayBusyAtMailFromStopsThePass(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	relay := startRelay(t, relayOptions{})
	cfg := relayConfig(t, "smtp://"+relay.Addr)
	relay.setMail(func() error { return relayBusy })
	m1 := queueTestMail(t, s, MailReset, "fr", "camille@example.org", clock.Now())
	m2 := queueTestMail(t, s, MailReset, "fr", "hugo@example.org", clock.Now())
	m3 := queueTestMail(t, s, MailPasswordChanged, "fr", "lea@example.org", clock.Now())

	rep, err := deliver(t, s, cfg, nil)
	var relayErr *RelayError
	if !errors.As(err, &relayErr) || rep != (DeliveryReport{Retry: 1}) {
		t.Fatalf("relay busy: %+v, %v", rep, err)
	}
	if got := mailByID(t, s, m1.ID); got.Status != MailPending || got.Attempts != 1 ||
		!got.NextTryAt.Equal(clock.Now().Add(time.Minute)) || !strings.Contains(got.LastError, "421") {
		t.Errorf("first mail: %+v", got)
	}
	for _, m := range []Mail{m2, m3} {
		if got := mailByID(t, s, m.ID); got.Status != MailPending || got.Attempts != 0 {
			t.Errorf("mail %d was tried: %+v", m.ID, got)
		}
	}

	relay.setMail(nil)
	mustDeliver(t, s, cfg, nil, DeliveryReport{Sent: 2})
	clock.Advance(time.Minute)
	mustDeliver(t, s, cfg, nil, DeliveryReport{Sent: 1})
	if n := len(relay.received()); n != 3 {
		t.Fatalf("%d mails at the relay, want 3", n)
	}

	// A 421 to RCPT TO closes the conversation too: the relay's state.
	m4 := queueTestMail(t, s, MailReset, "fr", "ines@example.org", clock.Now())
	m5 := queueTestMail(t, s, MailReset, "fr", "paul@example.org", clock.Now())
	relay.set(func(string) error { return relayBusy }, nil)
	if rep, err := deliver(t, s, cfg, nil); !errors.As(err, &relayErr) || rep != (DeliveryReport{Retry: 1}) {
		t.Fatalf("421 to RCPT TO: %+v, %v", rep, err)
	}
	if got := mailByID(t, s, m5.ID); got.Attempts != 0 || mailByID(t, s, m4.ID).Attempts != 1 {
		t.Errorf("after a 421 to RCPT TO: %+v", got)
	}
}

func TestDeliverTemporaryFailureThenSuccess(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	relay := startRelay(t, relayOptions{})
	cfg := relayConfig(t, "smtp://"+relay.Addr)
	var once sync.Once
	relay.set(func(to string) error {
		var err error
		if to == "camille@example.org" {
			once.Do(func() { err = greylisted })
		}
		return err
	}, nil)
	m1 := queueTestMail(t, s, MailReset, "fr", "camille@example.org", clock.Now())
	m2 := queueTestMail(t, s, MailReset, "en", "hugo@example.org", clock.Now())

	// A 4xx concerns that mail only: the pass goes on with the next one.
	mustDeliver(t, s, cfg, nil, DeliveryReport{Sent: 1, Retry: 1})
	got := mailByID(t, s, m1.ID)
	if got.Status != MailPending || got.Attempts != 1 || !strings.Contains(got.LastError, "451") ||
		!got.NextTryAt.Equal(clock.Now().Add(time.Minute)) {
		t.Errorf("after a 451: %+v", got)
	}
	mustDeliver(t, s, cfg, nil, DeliveryReport{}) // not yet
	clock.Advance(time.Minute)
	mustDeliver(t, s, cfg, nil, DeliveryReport{Sent: 1})
	if got := mailByID(t, s, m1.ID); got.Status != MailSent || got.Attempts != 2 {
		t.Errorf("after the retry: %+v", got)
	}
	if got := mailByID(t, s, m2.ID); got.Status != MailSent || got.Attempts != 1 {
		t.Errorf("the other mail: %+v", got)
	}
	if n := len(relay.received()); n != 2 {
		t.Errorf("%d mails at the relay, want 2", n)
	}
}

// A relay's acceptance is recorded even when another process (an import,
// a kiosk) holds the store's write lock past the busy timeout at that
// moment: the result waits for the lock. Given up, the mail would stay
// « sending » until its lease ran out, and be sent a second time.
func TestDeliveryRecordedAfterALongWriter(t *testing.T) {
	t.Parallel()
	skipOnPostgres(t, "SQLite's busy timeout (PostgreSQL writers wait on the advisory lock)")
	s, clock := openTest(t)
	relay := startRelay(t, relayOptions{})
	cfg := relayConfig(t, "smtp://"+relay.Addr)
	conn := otherWriter(t, s)
	released := make(chan struct{})
	relay.set(nil, func(relayMsg) error {
		// Taken while the relay reads the mail, held past the busy timeout.
		if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
			return err
		}
		go func() {
			defer close(released)
			time.Sleep(busyTimeout + time.Second)
			conn.ExecContext(ctx, `COMMIT`)
		}()
		return nil
	})
	m := queueTestMail(t, s, MailReset, "fr", "camille@example.org", clock.Now())
	mustDeliver(t, s, cfg, nil, DeliveryReport{Sent: 1})
	<-released
	if got := mailByID(t, s, m.ID); got.Status != MailSent || got.Attempts != 1 {
		t.Errorf("after the long writer: %+v", got)
	}
	if n := len(relay.received()); n != 1 {
		t.Errorf("%d mails at the relay, want 1", n)
	}
}

func TestDeliverPermanentFailureIsKeptVisible(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	relay := startRelay(t, relayOptions{})
	cfg := relayConfig(t, "smtp://"+relay.Addr)
	relay.set(func(to string) error {
		if to == "nobody@example.org" {
			return noSuchUser
		}
		return nil
	}, nil)
	logger, logs := testLogger()
	bad := queueTestMail(t, s, MailActivation, "fr", "nobody@example.org", clock.Now())
	good := queueTestMail(t, s, MailActivation, "fr", "camille@example.org", clock.Now())

	mustDeliver(t, s, cfg, logger, DeliveryReport{Sent: 1, Failed: 1})
	got := mailByID(t, s, bad.ID)
	if got.Status != MailFailed || got.Attempts != 1 || !strings.Contains(got.LastError, "550") ||
		!strings.Contains(got.LastError, "User unknown") {
		t.Errorf("after a 550: %+v", got)
	}
	if strings.Contains(got.LastError, "nobody@example.org") || !strings.Contains(got.LastError, "no•••••y@ex•••••e.org") {
		t.Errorf("the stored error shows the address: %q", got.LastError)
	}
	if strings.Contains(got.Body, goldenCode) {
		t.Error("a failed mail still holds its code")
	}
	failed, err := s.Outbox(ctx, OutboxFilter{Status: MailFailed})
	if err != nil || len(failed) != 1 || failed[0].ID != bad.ID {
		t.Errorf("failed mails: %v %v", failed, err)
	}
	if counts, _ := s.OutboxCounts(ctx); counts[MailFailed] != 1 || counts[MailSent] != 1 {
		t.Errorf("counts %v", counts)
	}
	rcpts := relay.rcptCount()
	clock.Advance(48 * time.Hour)
	mustDeliver(t, s, cfg, logger, DeliveryReport{})
	if relay.rcptCount() != rcpts {
		t.Error("a failed mail was tried again")
	}
	if mailByID(t, s, good.ID).Status != MailSent {
		t.Error("the good mail was not sent")
	}
	noSecretsIn(t, logs.String(), goldenCode, goldenToken, bad.To, good.To)
}

func TestDeliverGivesUpAfterTooLong(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	relay := startRelay(t, relayOptions{})
	relay.set(func(string) error { return greylisted }, nil)
	cfg := relayConfig(t, "smtp://"+relay.Addr)
	cfg.GiveUpAfter = 3 * time.Hour
	m := queueTestMail(t, s, MailPasswordChanged, "fr", "camille@example.org", clock.Now())
	var rep DeliveryReport
	for i := 0; i < 20 && mailByID(t, s, m.ID).Status == MailPending; i++ {
		r, err := deliver(t, s, cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		rep.Retry += r.Retry
		rep.Failed += r.Failed
		clock.Advance(time.Hour)
	}
	got := mailByID(t, s, m.ID)
	if got.Status != MailFailed || !strings.Contains(got.LastError, "given up after") ||
		!strings.Contains(got.LastError, "451") || rep.Failed != 1 {
		t.Errorf("after %d attempts: %+v (%+v)", got.Attempts, got, rep)
	}
}

func TestDeliverTwoSendersRacing(t *testing.T) {
	s1, clock := openTest(t)
	s2, err := Open(s1.Path(), Config{Clock: clock, Hasher: testHasher})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	relay := startRelay(t, relayOptions{})
	cfg := relayConfig(t, "smtp://"+relay.Addr)
	const n = 40
	for i := 0; i < n; i++ {
		queueTestMail(t, s1, MailReset, "fr", fmt.Sprintf("student%02d@example.org", i), clock.Now())
	}
	var wg sync.WaitGroup
	reports := make([]DeliveryReport, 2)
	errs := make([]error, 2)
	for i, s := range []*Store{s1, s2} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			reports[i], errs[i] = s.DeliverDue(ctx, cfg, nil)
		}()
	}
	wg.Wait()
	if errs[0] != nil || errs[1] != nil {
		t.Fatal(errs)
	}
	if reports[0].Sent+reports[1].Sent != n || reports[0].Retry+reports[1].Retry != 0 {
		t.Errorf("reports %+v", reports)
	}
	t.Logf("sender 1 sent %d, sender 2 sent %d", reports[0].Sent, reports[1].Sent)
	seen := map[string]int{}
	for _, m := range relay.received() {
		seen[parseReceived(t, m.Data).header.Get("Message-Id")]++
	}
	if len(seen) != n {
		t.Errorf("%d distinct mails at the relay, want %d", len(seen), n)
	}
	for id, count := range seen {
		if count != 1 {
			t.Errorf("%s delivered %d times", id, count)
		}
	}
	if counts, _ := s1.OutboxCounts(ctx); counts[MailSent] != n {
		t.Errorf("counts %v", counts)
	}
}

// A sender that dies after the relay accepted a mail and before "sent" was
// committed: the claim runs out and the mail goes out again, with the same
// Message-ID. This is the documented at-least-once window.
func TestDeliverCrashAfterAcceptanceRepeatsTheMessageID(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	relay := startRelay(t, relayOptions{})
	cfg := relayConfig(t, "smtp://"+relay.Addr)
	m := queueTestMail(t, s, MailReset, "fr", "camille@example.org", clock.Now())

	_, err := s.deliverDue(ctx, cfg, nil, func(Mail) error { return errSimulatedCrash })
	if !errors.Is(err, errSimulatedCrash) {
		t.Fatal(err)
	}
	if got := mailByID(t, s, m.ID); got.Status != MailSending {
		t.Fatalf("status %s", got.Status)
	}
	mustDeliver(t, s, cfg, nil, DeliveryReport{}) // the claim is live: hands off
	clock.Advance(cfg.Lease)
	mustDeliver(t, s, cfg, nil, DeliveryReport{Sent: 1})
	got := relay.received()
	if len(got) != 2 {
		t.Fatalf("%d copies, want 2", len(got))
	}
	for _, c := range got {
		if id := parseReceived(t, c.Data).header.Get("Message-Id"); id != m.MessageID {
			t.Errorf("copy with Message-ID %s, want %s", id, m.MessageID)
		}
	}
	if after := mailByID(t, s, m.ID); after.Status != MailSent || after.Attempts != 2 {
		t.Errorf("after: %+v", after)
	}
}

var testStart = time.Date(2026, 11, 25, 10, 0, 0, 0, ParisLocation())

// TestMailerChildProcess is the sender that TestDeliverRestartAfterKilledSender kills.
func TestMailerChildProcess(t *testing.T) {
	path := os.Getenv("ENTKIOSK_TEST_MAILER_DB")
	if path == "" {
		t.Skip("helper process of TestDeliverRestartAfterKilledSender")
	}
	s, err := Open(path, Config{Clock: NewManualClock(testStart), Hasher: testHasher})
	if err != nil {
		t.Fatal(err)
	}
	cfg := relayConfig(t, "smtp://"+os.Getenv("ENTKIOSK_TEST_MAILER_RELAY"))
	rep, err := s.DeliverDue(ctx, cfg, nil)
	t.Fatalf("the child was not killed: %+v %v", rep, err)
}

func TestDeliverRestartAfterKilledSender(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	if !clock.Now().Equal(testStart) {
		t.Fatal("the child's clock must match")
	}
	relay := startRelay(t, relayOptions{})
	cfg := relayConfig(t, "smtp://"+relay.Addr)
	inData := make(chan struct{})
	release := make(chan struct{})
	var first sync.Once
	relay.set(nil, func(relayMsg) error {
		held := false
		first.Do(func() { held = true })
		if held {
			close(inData)
			<-release // the sender dies while the relay holds its DATA
			return greylisted
		}
		return nil
	})
	m := queueTestMail(t, s, MailReset, "fr", "camille@example.org", clock.Now())

	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	var out syncBuffer
	child := exec.Command(exe, "-test.run=^TestMailerChildProcess$", "-test.v")
	child.Env = append(os.Environ(), "ENTKIOSK_TEST_MAILER_DB="+s.Path(), "ENTKIOSK_TEST_MAILER_RELAY="+relay.Addr)
	child.Stdout, child.Stderr = &out, &out
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- child.Wait() }()
	select {
	case <-inData:
	case err := <-exited:
		t.Fatalf("the child ended before sending (%v):\n%s", err, out.String())
	}
	child.Process.Kill()
	<-exited
	close(release)

	claimedBy, until := claimOf(t, s, m.ID)
	if got := mailByID(t, s, m.ID); got.Status != MailSending || got.Attempts != 1 || claimedBy == "" ||
		!until.Equal(clock.Now().Add(DefaultMailLease)) {
		t.Fatalf("left by the killed sender: %+v by %q until %v", got, claimedBy, until)
	}
	// While the lease runs, nobody else sends it (the sender might be alive).
	clock.Advance(DefaultMailLease - time.Nanosecond)
	mustDeliver(t, s, cfg, nil, DeliveryReport{})
	if n := len(relay.received()); n != 0 {
		t.Fatalf("%d mails at the relay during the lease", n)
	}
	clock.Advance(time.Nanosecond)
	logger, logs := testLogger()
	mustDeliver(t, s, cfg, logger, DeliveryReport{Sent: 1})
	mustDeliver(t, s, cfg, logger, DeliveryReport{})
	if n := len(relay.received()); n != 1 {
		t.Fatalf("%d mails at the relay, want exactly 1", n)
	}
	if got := mailByID(t, s, m.ID); got.Status != MailSent || got.Attempts != 2 {
		t.Errorf("after the restart: %+v", got)
	}
	if !strings.Contains(logs.String(), "lease ran out") {
		t.Errorf("the take-over is not logged:\n%s", logs.String())
	}
}

func TestDeliverSTARTTLSWithLogin(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	serverTLS, clientTLS := testTLS(t)
	relay := startRelay(t, relayOptions{tls: serverTLS, user: "entkiosk", pass: "p@ss w0rd"})
	cfg := relayConfig(t, "smtp://entkiosk:p%40ss%20w0rd@"+relay.Addr)
	cfg.TLSConfig = clientTLS
	queueTestMail(t, s, MailReset, "fr", "camille@example.org", clock.Now())
	mustDeliver(t, s, cfg, nil, DeliveryReport{Sent: 1})
	got := relay.received()
	if len(got) != 1 || !got[0].TLS || got[0].User != "entkiosk" {
		t.Fatalf("received %+v", got)
	}

	// A wrong password is the relay's problem, not the mail's: kept, retried.
	wrong := relayConfig(t, "smtp://entkiosk:nope@"+relay.Addr)
	wrong.TLSConfig = clientTLS
	m := queueTestMail(t, s, MailReset, "fr", "hugo@example.org", clock.Now())
	rep, err := deliver(t, s, wrong, nil)
	var relayErr *RelayError
	if !errors.As(err, &relayErr) || rep.Retry != 1 || strings.Contains(err.Error(), "nope") {
		t.Fatalf("wrong password: %+v %v", rep, err)
	}
	if got := mailByID(t, s, m.ID); got.Status != MailPending || !strings.Contains(got.LastError, "535") {
		t.Errorf("after a refused login: %+v", got)
	}

	// An untrusted certificate is refused, not ignored.
	untrusted := relayConfig(t, "smtp://entkiosk:p%40ss%20w0rd@"+relay.Addr)
	clock.Advance(time.Minute)
	if _, err := deliver(t, s, untrusted, nil); !errors.As(err, &relayErr) ||
		!strings.Contains(err.Error(), "certificate") {
		t.Errorf("untrusted certificate: %v", err)
	}
}

func TestDeliverImplicitTLS(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	serverTLS, clientTLS := testTLS(t)
	relay := startRelay(t, relayOptions{tls: serverTLS, implicitTLS: true})
	cfg := relayConfig(t, "smtps://"+relay.Addr)
	cfg.TLSConfig = clientTLS
	queueTestMail(t, s, MailPasswordChanged, "en", "camille@example.org", clock.Now())
	mustDeliver(t, s, cfg, nil, DeliveryReport{Sent: 1})
	if got := relay.received(); len(got) != 1 || !got[0].TLS {
		t.Fatalf("received %+v", got)
	}
}

func TestRunMailerDeliversAndStops(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	relay := startRelay(t, relayOptions{})
	cfg := relayConfig(t, "smtp://"+relay.Addr)
	cfg.Poll = 10 * time.Millisecond
	delivered := make(chan struct{}, 10)
	relay.set(nil, func(relayMsg) error { delivered <- struct{}{}; return nil })
	queueTestMail(t, s, MailReset, "fr", "camille@example.org", clock.Now())
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- s.RunMailer(runCtx, cfg, nil) }()
	<-delivered
	// A mail written while the mailer runs is found by a later pass.
	queueTestMail(t, s, MailPasswordChanged, "fr", "hugo@example.org", clock.Now())
	<-delivered
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if counts, _ := s.OutboxCounts(ctx); counts[MailSent] != 2 {
		t.Errorf("counts %v", counts)
	}
}

func TestDeliverStopsWhenCancelled(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	m := queueTestMail(t, s, MailReset, "fr", "camille@example.org", clock.Now())
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	rep, err := s.DeliverDue(cancelled, relayConfig(t, "smtp://127.0.0.1:1"), nil)
	if err != nil || rep != (DeliveryReport{}) {
		t.Fatalf("%+v %v", rep, err)
	}
	if got := mailByID(t, s, m.ID); got.Status != MailPending || got.Attempts != 0 {
		t.Errorf("touched: %+v", got)
	}
}

// BenchmarkDeliverDue: claim, send over one connection, record, per mail
// (one committed transaction each, synchronous=FULL: a mail's result goes
// with the next claim), to a loopback relay.
func BenchmarkDeliverDue(b *testing.B) {
	s, clock := openTest(b)
	relay := startRelay(b, relayOptions{})
	cfg, err := ParseSMTP("smtp://"+relay.Addr, testFrom)
	if err != nil {
		b.Fatal(err)
	}
	subject, body := s.composeMail(goldenContent(s, MailReset, "fr"))
	for i := 0; i < b.N; i++ {
		err := s.tx(ctx, func(tx *sql.Tx) error {
			_, err := s.queueMail(ctx, tx, Mail{Kind: MailReset, Lang: "fr", To: fmt.Sprintf("s%d@example.org", i),
				Subject: subject, Body: body, NotBefore: clock.Now()})
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	rep, err := s.DeliverDue(ctx, cfg, nil)
	if err != nil || rep.Sent != b.N {
		b.Fatalf("%+v %v", rep, err)
	}
}
