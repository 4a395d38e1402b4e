package data

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

var (
	mailCodeLine  = regexp.MustCompile(`(?m)^Code ?: (\d{8})$`)
	mailTokenLink = regexp.MustCompile(`ssh://([a-z2-7]{32})@`)
)

// lastMail is the mail most recently written to an address.
func lastMail(t testing.TB, s *Store, to string) Mail {
	t.Helper()
	mails, err := s.Outbox(ctx, OutboxFilter{To: to})
	if err != nil {
		t.Fatal(err)
	}
	if len(mails) == 0 {
		t.Fatalf("no mail to %s", to)
	}
	last := mails[0]
	for _, m := range mails {
		if m.ID > last.ID {
			last = m
		}
	}
	return last
}

// codeOf reads the code and link token of a mail.
func codeOf(t testing.TB, m Mail) (code, token string) {
	t.Helper()
	c, k := mailCodeLine.FindStringSubmatch(m.Body), mailTokenLink.FindStringSubmatch(m.Body)
	if c == nil || k == nil {
		t.Fatalf("no code or link in the mail:\n%s", m.Body)
	}
	return c[1], k[1]
}

// camilleLine: validated at 10:00 on 25/11/2026, the tests' starting time.
var camilleLine = student("21901234", "Martin", "Camille", "14/07/2004", "camille.martin@example.org", "2026-11-25T10:00:00+01:00")

var clockStart = time.Date(2026, 11, 25, 10, 0, 0, 0, ParisLocation())

// activate takes an imported account through "1ère connexion" with the code
// of its activation mail.
func activate(t testing.TB, s *Store, ident, email, password string) *Account {
	t.Helper()
	c, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: ident}, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := s.ActivationChallenge(ctx, c, false, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	code, _ := codeOf(t, lastMail(t, s, email))
	ticket, err := s.VerifyCode(ctx, ch, code, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.CompleteActivation(ctx, ticket, ActivationChoice{CharterAccepted: true, Password: password}, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestActivationWindowOpensFifteenMinutesAfterValidation(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	importLines(t, s, camilleLine)
	allowed := clockStart.Add(15 * time.Minute)
	for _, id := range []ActivationIdentity{{Identifiant: "camille.martin"},
		{StudentNumber: "21901234", BirthDate: date(2004, 7, 14)}} {
		clock.Set(allowed.Add(-time.Millisecond)) // 10:14:59.999
		_, err := s.StartActivation(ctx, id, testOrigin)
		var early *TooEarlyError
		if !errors.As(err, &early) {
			t.Fatalf("%+v at 10:14:59.999: %v, want TooEarlyError", id, err)
		}
		if !early.AllowedFrom.Equal(allowed) || early.AllowedFrom.Location() != ParisLocation() ||
			early.AllowedFrom.Format("15:04") != "10:15" {
			t.Fatalf("allowed from %v, want 10:15 Paris time", early.AllowedFrom)
		}
		clock.Set(allowed) // 10:15:00.000
		c, err := s.StartActivation(ctx, id, testOrigin)
		if err != nil {
			t.Fatalf("%+v at 10:15: %v", id, err)
		}
		if c.Identifiant != "camille.martin@etu.umontpellier.fr" || c.MaskedEmail != "ca•••••n@ex•••••e.org" {
			t.Fatalf("case %+v", c)
		}
	}
}

func TestActivationRefusesActiveAccountsAndEndedRights(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: "hugo.lefevre"}, testOrigin); !errors.Is(err, ErrAlreadyActive) {
		t.Fatalf("active account: %v", err)
	}
	// Paul Bernard's account is active but his rights ended on 31/12/2025:
	// the end of his rights is what he needs to hear, not "already active"
	// (a new password would not let him in), and by either way in.
	for _, id := range []ActivationIdentity{{Identifiant: "paul.bernard"},
		{StudentNumber: "21500042", BirthDate: date(1999, 5, 5)}} {
		_, err := s.StartActivation(ctx, id, testOrigin)
		var ended *RightsEndedError
		if !errors.As(err, &ended) || !ended.End.Equal(date(2025, 12, 31)) {
			t.Fatalf("%+v, active with rights ended: %v", id, err)
		}
	}
	// Jean-Luc's rights (2026/2027) end on 31/12/2027: activation is refused from 01/01/2028.
	clock.Set(time.Date(2028, 1, 1, 0, 0, 0, 0, ParisLocation()))
	_, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: "jean-luc.dalembert"}, testOrigin)
	var ended *RightsEndedError
	if !errors.As(err, &ended) || !ended.End.Equal(date(2027, 12, 31)) {
		t.Fatalf("rights ended: %v", err)
	}
}

// An unknown identifiant is said plainly: no decoy, no mail, an audit line.
func TestActivationOfAnUnknownIdentifiantSaysSo(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Outbox(ctx, OutboxFilter{})
	for _, ident := range []string{"personne.inconnue", "Jean-Luc.Dalambert ", "hugo.lefevre@gmail.com", ""} {
		c, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: ident}, testOrigin)
		if !errors.Is(err, ErrUnknownIdentifiant) || c != nil {
			t.Fatalf("%q: %+v, %v; want ErrUnknownIdentifiant", ident, c, err)
		}
	}
	if after, _ := s.Outbox(ctx, OutboxFilter{}); len(after) != len(before) {
		t.Fatalf("an unknown identifiant wrote %d mails", len(after)-len(before))
	}
	var n int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM audit WHERE event = ? AND outcome = 'unknown identifiant'
		AND client = ? AND identifiant = 'jean-luc.dalambert'`, EventSendCode, testOrigin.Client).Scan(&n); err != nil || n != 1 {
		t.Fatalf("audit lines for jean-luc.dalambert: %d, %v", n, err)
	}
}

// Unknown identifiants count against the client like failed student-number
// identifications: the 20th within an hour blocks the client for an hour,
// for identifiants known or not and for student numbers; other clients go on.
func TestActivationUnknownIdentifiantsBlockTheClient(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	o := Origin{Client: "ssh:198.51.100.9", Lang: "fr"}
	// One wrong number + birth date pair and unknown identifiants share the count.
	if _, err := s.StartActivation(ctx, ActivationIdentity{StudentNumber: "21901234", BirthDate: date(2000, 1, 1)}, o); !errors.Is(err, ErrNoMatch) {
		t.Fatalf("wrong pair: %v", err)
	}
	for i := 2; i < LookupClientFailures; i++ {
		clock.Advance(time.Second)
		if _, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: fmt.Sprintf("x%d.y", i)}, o); !errors.Is(err, ErrUnknownIdentifiant) {
			t.Fatalf("unknown identifiant %d: %v", i, err)
		}
	}
	// The 19th failure leaves the client free: a real account still answers.
	if _, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: "camille.martin"}, o); err != nil {
		t.Fatalf("before the 20th failure: %v", err)
	}
	clock.Advance(time.Second)
	if _, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: "x20.y"}, o); !errors.Is(err, ErrUnknownIdentifiant) {
		t.Fatalf("20th: %v", err)
	}
	blockedUntil := clock.Now().Add(LookupClientFailureWindow)
	for _, id := range []ActivationIdentity{{Identifiant: "x21.y"}, {Identifiant: "camille.martin"},
		{StudentNumber: "21901234", BirthDate: date(2004, 7, 14)}} {
		_, err := s.StartActivation(ctx, id, o)
		var limit *RateLimitError
		if !errors.As(err, &limit) || limit.What != "client" || !limit.Until.Equal(blockedUntil) {
			t.Fatalf("%+v from a blocked client: %v", id, err)
		}
	}
	if _, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: "camille.martin"}, testOrigin); err != nil {
		t.Fatalf("another client: %v", err)
	}
	clock.Set(blockedUntil)
	if _, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: "camille.martin"}, o); err != nil {
		t.Fatalf("after the block: %v", err)
	}
}

// Importing a newly validated registration queues the activation mail,
// due at validation + 15 min, with a code and a link valid 24 h from then.
func TestImportQueuesTheActivationMail(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	// Léa's IA was validated five minutes ago.
	validated := clockStart.Add(-5 * time.Minute)
	importLines(t, s, student("22004567", "Dubois", "Léa", "03/02/2005", "lea.dubois@example.org",
		validated.Format(time.RFC3339)))
	m := lastMail(t, s, "lea.dubois@example.org")
	due := validated.Add(15 * time.Minute)
	if m.Kind != MailActivation || !m.NotBefore.Equal(due) || m.Status != "pending" {
		t.Fatalf("mail %s due %v status %s; want activation due %v", m.Kind, m.NotBefore, m.Status, due)
	}
	// Nobody chose a language for Léa: French, then English.
	if m.Subject != "Activation de votre compte informatique / Activate your computer account — Université de Montpellier" ||
		m.Lang != LangBoth {
		t.Fatalf("subject %q, language %q", m.Subject, m.Lang)
	}
	code, token := codeOf(t, m)
	body := strings.Join(strings.Fields(m.Body), " ") // the text may wrap anywhere
	for _, want := range []string{"Bonjour Léa Dubois,", "lea.dubois@etu.umontpellier.fr", "« 1ère connexion »",
		"Code : " + code + " ", "26 novembre 2026 à 10:09", "ssh://" + token + "@ent.umontpellier.fr:2222",
		"Hello Léa Dubois,", "\"First login\"", "Code: " + code + " ", "Thursday 26 November 2026 at 10:09"} {
		if !strings.Contains(body, want) {
			t.Errorf("mail body lacks %q:\n%s", want, m.Body)
		}
	}
	if due, _ := s.Outbox(ctx, OutboxFilter{DueOnly: true}); len(due) != 0 {
		t.Fatal("the activation mail is due before validation + 15 min")
	}
	clock.Set(validated.Add(15 * time.Minute))
	if due, _ := s.Outbox(ctx, OutboxFilter{DueOnly: true}); len(due) != 1 {
		t.Fatal("the activation mail is not due at validation + 15 min")
	}
	// The mailed code works until 24 h after the mail went out.
	c, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: "lea.dubois"}, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := s.ActivationChallenge(ctx, c, false, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if !ch.ExpiresAt.Equal(due.Add(24 * time.Hour)) {
		t.Fatalf("code expires %v, want %v", ch.ExpiresAt, due.Add(24*time.Hour))
	}
	clock.Set(due.Add(24*time.Hour - time.Second))
	if _, err := s.VerifyCode(ctx, ch, code, testOrigin); err != nil {
		t.Fatalf("the mailed code at 23:59:59: %v", err)
	}
	if n := countMails(t, s); n != 1 {
		t.Fatalf("%d mails; asking for the code step without resend must not send another", n)
	}
}

// "1ère connexion" sends a new code on request, and the old one stops working.
func TestActivationResendReplacesTheCode(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	importLines(t, s, camilleLine)
	oldCode, oldToken := codeOf(t, lastMail(t, s, "camille.martin@example.org"))
	clock.Set(clockStart.Add(20 * time.Minute))
	c, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: "camille.martin"}, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	oldTicket, err := s.OpenToken(ctx, oldToken) // a link opened before the resend
	if err != nil {
		t.Fatal(err)
	}
	ch, err := s.ActivationChallenge(ctx, c, true, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if n := countMails(t, s); n != 2 {
		t.Fatalf("%d mails after resend, want 2", n)
	}
	newCode, newToken := codeOf(t, lastMail(t, s, "camille.martin@example.org"))
	if newCode == oldCode && newToken == oldToken {
		t.Fatal("the same code again")
	}
	if _, err := s.VerifyCode(ctx, ch, oldCode, testOrigin); !errors.Is(err, ErrCodeReplaced) {
		t.Fatalf("old code after resend: %v, want replaced", err)
	}
	if _, err := s.OpenToken(ctx, oldToken); !errors.Is(err, ErrCodeUsed) {
		t.Fatalf("old link after resend: %v, want ErrCodeUsed", err)
	}
	if _, err := s.CompleteActivation(ctx, oldTicket, ActivationChoice{CharterAccepted: true,
		Password: "Grue-Lanterne-Opale-73"}, testOrigin); !errors.Is(err, ErrCodeUsed) {
		t.Fatalf("completing with the old link's ticket: %v, want ErrCodeUsed", err)
	}
	ticket, err := s.VerifyCode(ctx, ch, newCode, testOrigin)
	if err != nil {
		t.Fatalf("new code: %v", err)
	}
	a, err := s.CompleteActivation(ctx, ticket, ActivationChoice{CharterAccepted: true, Password: "Grue-Lanterne-Opale-73"}, testOrigin)
	if err != nil || a.Status != StatusActive {
		t.Fatalf("activation: %v", err)
	}
	if _, err := s.Login(ctx, "camille.martin", "Grue-Lanterne-Opale-73", testOrigin); err != nil {
		t.Fatalf("login after activation: %v", err)
	}
}

func TestActivationNeedsTheCharterAndAPolicyPassword(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	importLines(t, s, camilleLine)
	clock.Set(clockStart.Add(15 * time.Minute))
	c, _ := s.StartActivation(ctx, ActivationIdentity{Identifiant: "camille.martin"}, testOrigin)
	ch, _ := s.ActivationChallenge(ctx, c, false, testOrigin)
	code, _ := codeOf(t, lastMail(t, s, "camille.martin@example.org"))
	ticket, err := s.VerifyCode(ctx, ch, code, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CompleteActivation(ctx, ticket, ActivationChoice{Password: "Grue-Lanterne-Opale-73"}, testOrigin); !errors.Is(err, ErrCharterNotAccepted) {
		t.Fatalf("without the charter: %v", err)
	}
	var pe *PolicyError
	if _, err := s.CompleteActivation(ctx, ticket, ActivationChoice{CharterAccepted: true, Password: "Camille2026!"}, testOrigin); !errors.As(err, &pe) {
		t.Fatalf("a password on the person's name: %v", err)
	}
	// Neither refusal used the code.
	if _, err := s.CompleteActivation(ctx, ticket, ActivationChoice{CharterAccepted: true, Redirect: true,
		Password: "Grue-Lanterne-Opale-73"}, testOrigin); err != nil {
		t.Fatalf("then a good password: %v", err)
	}
	a, _ := s.Account(ctx, ticket.PersonID)
	if a.RedirectEmail != "camille.martin@example.org" || a.KeepCopy {
		t.Fatalf("redirection %q keep %v", a.RedirectEmail, a.KeepCopy)
	}
}

func countMails(t testing.TB, s *Store) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM outbox`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
