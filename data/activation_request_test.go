package data

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// The four kinds of identifiant « 1ère connexion » meets, and one more
// (not activated yet, too early).
var firstLoginKinds = []struct{ kind, ident, mail string }{
	{"unknown", "personne.inconnue", ""},
	{"not activated", "camille.martin", "camille.martin@example.org"},
	{"too early", "lea.dubois", "lea.dubois@example.org"},
	{"active", "hugo.lefevre", "hugo.lefevre@example.org"},
	{"rights ended", "paul.bernard", "paul.bernard@example.org"},
}

// firstLoginAnswer is what a screen can show of an answer.
type firstLoginAnswer struct {
	Purpose         Purpose
	Expires, Resend time.Duration
}

func answerOf(ch *Challenge, now time.Time) firstLoginAnswer {
	return firstLoginAnswer{ch.Purpose, ch.ExpiresAt.Sub(now), ch.ResendAt.Sub(now)}
}

// « 1ère connexion » answers every identifiant with the same words and
// the same mask shape: unknown, not activated (even too early), active,
// rights ended. The mail tells the owner what applies.
func TestFirstLoginAnswersEveryIdentifiantAlike(t *testing.T) {
	t.Parallel()
	s, clock := demoStore(t)
	// The demo's import mails out of the hourly count (an import is
	// usually the night before); Léa validated 5 minutes ago again.
	clock.Advance(61 * time.Minute)
	if _, err := s.db.Exec(`UPDATE accounts SET validated_at = ? WHERE local_part = 'lea.dubois'`,
		fmtTime(clock.Now().Add(-5*time.Minute))); err != nil {
		t.Fatal(err)
	}
	answers := map[string]firstLoginAnswer{}
	masks := map[string]string{}
	last := map[string]*Challenge{}
	request := func(ident string, resend bool) (*Challenge, error) {
		o := Origin{Client: "kiosk:" + ident, Lang: "fr"}
		if resend {
			return s.ResendChallenge(ctx, last[ident], o)
		}
		ch, err := s.RequestActivation(ctx, ident, o)
		last[ident] = ch
		return ch, err
	}
	for round, step := range []struct {
		advance time.Duration
		resend  bool
	}{{0, false}, {20 * time.Second, false}, {time.Minute, true}} {
		clock.Advance(step.advance)
		var first firstLoginAnswer
		for i, k := range firstLoginKinds {
			ch, err := request(k.ident, step.resend)
			if err != nil {
				t.Fatalf("round %d, %s (%s): %v", round, k.ident, k.kind, err)
			}
			a := answerOf(ch, clock.Now())
			if i == 0 {
				first = a
			} else if a != first {
				t.Fatalf("round %d: %s (%s) answers %+v, %s (unknown) %+v", round, k.ident, k.kind, a,
					firstLoginKinds[0].ident, first)
			}
			if !maskShape.MatchString(ch.MaskedTarget) {
				t.Fatalf("round %d: %s (%s): mask %q has another shape", round, k.ident, k.kind, ch.MaskedTarget)
			}
			if m, ok := masks[k.ident]; ok && m != ch.MaskedTarget {
				t.Fatalf("%s: mask changed from %q to %q", k.ident, m, ch.MaskedTarget)
			}
			masks[k.ident] = ch.MaskedTarget
			answers[k.kind] = a
		}
	}
	t.Logf("answers: %+v; masks: %v", answers, masks)

	// The mails say what applies.
	type want struct {
		kind  MailKind
		words []string
	}
	for _, k := range firstLoginKinds[1:] {
		w := map[string]want{
			"not activated": {MailActivation, []string{"Code : "}},
			"too early":     {MailActivation, []string{"Code : "}},
			"active":        {MailAlreadyActive, []string{"votre compte est déjà actif", "Problème de connexion"}},
			"rights ended":  {MailRightsEnded, []string{"ont pris fin le 31 décembre 2025"}},
		}[k.kind]
		m := lastMail(t, s, k.mail)
		if m.Kind != w.kind {
			t.Errorf("%s: the last mail is a %s, want %s", k.ident, m.Kind, w.kind)
		}
		for _, word := range w.words {
			if !strings.Contains(strings.Join(strings.Fields(m.Body), " "), word) {
				t.Errorf("%s: the mail does not say %q:\n%s", k.ident, word, m.Body)
			}
		}
		if k.kind == "too early" {
			a, _, err := s.accountByLogin(ctx, s.db, k.ident)
			if err != nil {
				t.Fatal(err)
			}
			if !m.NotBefore.Equal(a.ActivationAllowedFrom()) {
				t.Errorf("Léa's code mail leaves at %v, want when activation opens, %v", m.NotBefore, a.ActivationAllowedFrom())
			}
		}
	}
	// Two requests and a resend each: the same count of mails for the owners,
	// none for nobody.
	for _, k := range firstLoginKinds[1:] {
		mails, err := s.Outbox(ctx, OutboxFilter{To: k.mail})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, m := range mails {
			if !m.CreatedAt.Before(clock.Now().Add(-2 * time.Minute)) {
				n++
			}
		}
		if n != 2 {
			t.Errorf("%s: %d mails in the last minutes, want 2 (the request and the resend)", k.ident, n)
		}
	}
}

// A code typed for an account that cannot be activated: like a decoy's,
// wrong — the owner's earlier activation code is told what applies.
func TestFirstLoginCodeForActiveOrEndedAccount(t *testing.T) {
	t.Parallel()
	s, clock := demoStore(t)
	for _, ident := range []string{"personne.inconnue", "hugo.lefevre", "paul.bernard"} {
		ch, err := s.RequestActivation(ctx, ident, testOrigin)
		if err != nil {
			t.Fatal(err)
		}
		var wrong *CodeWrongError
		if _, err := s.VerifyCode(ctx, ch, "12345678", testOrigin); !errors.As(err, &wrong) || wrong.Remaining != 4 {
			t.Fatalf("%s: a wrong code gives %v", ident, err)
		}
	}
	// Camille activates with her code; then « 1ère connexion » again, with
	// that code: her account is active.
	camilleMail := "camille.martin@example.org"
	ch, err := s.RequestActivation(ctx, "camille.martin", testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	code := lastCode(t, s, camilleMail)
	tk, err := s.VerifyCode(ctx, ch, code, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CompleteActivation(ctx, tk, ActivationChoice{CharterAccepted: true, Password: "Kiosque-Demo-2026"},
		testOrigin); err != nil {
		t.Fatal(err)
	}
	clock.Advance(2 * time.Minute)
	again, err := s.RequestActivation(ctx, "camille.martin", testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.VerifyCode(ctx, again, code, testOrigin); !errors.Is(err, ErrAlreadyActive) {
		t.Fatalf("her own used code, once active: %v, want ErrAlreadyActive", err)
	}
}

// 12.1: the first mail read too late. Its code, typed after « 1ère
// connexion » sent a new one, is recognised and said for what it is, not
// counted; the new mail says the first code had expired.
func TestFirstLoginExpiredFirstCode(t *testing.T) {
	t.Parallel()
	s, clock := demoStore(t)
	const mail = "camille.martin@example.org"
	first := lastCode(t, s, mail) // the import's activation mail
	clock.Advance(CodeLifetime + time.Hour)
	ch, err := s.RequestActivation(ctx, "camille.martin", testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	sentAt := clock.Now()
	if m := lastMail(t, s, mail); !strings.Contains(strings.Join(strings.Fields(m.Body), " "),
		"Le code de votre mail précédent avait expiré") {
		t.Errorf("the new mail does not say the first code had expired:\n%s", m.Body)
	}
	clock.Advance(3 * time.Minute)
	for range CodeMaxFailures + 1 { // never counted: not even the sixth revokes anything
		_, err = s.VerifyCode(ctx, ch, first, testOrigin)
		var earlier *EarlierCodeError
		if !errors.As(err, &earlier) || earlier.Why != EarlierExpired || !earlier.LatestSentAt.Equal(sentAt) ||
			earlier.LatestTarget != "ca•••••n@ex•••••e.org" {
			t.Fatalf("the first mail's code: %#v, want an expired earlier code, new mail at %v", err, sentAt)
		}
	}
	// Replaced, not expired: the code of the second mail after a third.
	second := lastCode(t, s, mail)
	ch, err = s.ResendChallenge(ctx, ch, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	var earlier *EarlierCodeError
	if _, err := s.VerifyCode(ctx, ch, second, testOrigin); !errors.As(err, &earlier) || earlier.Why != EarlierReplaced ||
		!errors.Is(err, ErrCodeReplaced) {
		t.Fatalf("the second mail's code: %v, want replaced", err)
	}
	if _, err := s.VerifyCode(ctx, ch, lastCode(t, s, mail), testOrigin); err != nil {
		t.Fatalf("the newest code, after earlier ones were typed: %v", err)
	}
}

// 12.7: the mail's link used in another session; the same code typed in
// the first session says the account is active.
func TestFirstLoginCodeUsedInAnotherSession(t *testing.T) {
	t.Parallel()
	s, _ := demoStore(t)
	ch, err := s.RequestActivation(ctx, "camille.martin", testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	code, token := codeOf(t, lastMail(t, s, "camille.martin@example.org"))
	tk, err := s.OpenToken(ctx, token) // the other session
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CompleteActivation(ctx, tk, ActivationChoice{CharterAccepted: true, Password: "Kiosque-Demo-2026"},
		testOrigin); err != nil {
		t.Fatal(err)
	}
	if _, err := s.VerifyCode(ctx, ch, code, testOrigin); !errors.Is(err, ErrAlreadyActive) {
		t.Fatalf("the code used in another session: %v, want ErrAlreadyActive", err)
	}
}

// Too early: the owner's code (from the outbox, read early) says from when.
func TestFirstLoginTooEarlyCode(t *testing.T) {
	t.Parallel()
	s, _ := demoStore(t)
	ch, err := s.RequestActivation(ctx, "lea.dubois", testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	var early *TooEarlyError
	if _, err := s.VerifyCode(ctx, ch, lastCode(t, s, "lea.dubois@example.org"), testOrigin); !errors.As(err, &early) {
		t.Fatalf("Léa's code before her activation opens: %v", err)
	}
}

// BenchmarkFirstLoginKinds measures « 1ère connexion » for each kind of
// identifiant: the store work is of the same kind and size for all (no
// password hash anywhere; two transactions; a mail or a decoy's record).
//
//	go test ./data -run '^$' -bench FirstLoginKinds -benchtime 200x
func BenchmarkFirstLoginKinds(b *testing.B) {
	for _, k := range firstLoginKinds {
		b.Run(strings.ReplaceAll(k.kind, " ", "_"), func(b *testing.B) {
			s, clock := demoStore(b)
			b.ResetTimer()
			for i := range b.N {
				b.StopTimer()
				clock.Advance(2 * time.Hour) // out of every wait and hourly count
				if k.kind == "too early" {
					if _, err := s.db.Exec(`UPDATE accounts SET validated_at = ? WHERE local_part = ?`,
						fmtTime(clock.Now()), k.ident); err != nil {
						b.Fatal(err)
					}
				}
				o := Origin{Client: fmt.Sprintf("bench:%d", i), Lang: "fr"}
				b.StartTimer()
				if _, err := s.RequestActivation(ctx, k.ident, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Issue 12.6: one rule for every time shown. A deadline is the last minute
// it holds, a "from" the first minute it is possible, at exact boundaries.
func TestDeadlineAndFromMinutes(t *testing.T) {
	t.Parallel()
	at := func(h, m, s, ns int) time.Time { return time.Date(2026, 11, 25, h, m, s, ns, ParisLocation()) }
	for _, c := range []struct{ in, deadline, from time.Time }{
		{at(6, 43, 0, 0), at(6, 42, 0, 0), at(6, 43, 0, 0)},
		{at(6, 42, 59, 999999999), at(6, 42, 0, 0), at(6, 43, 0, 0)},
		{at(6, 42, 0, 1), at(6, 42, 0, 0), at(6, 43, 0, 0)},
		{at(6, 37, 14, 0), at(6, 37, 0, 0), at(6, 38, 0, 0)},
		{at(0, 0, 0, 0), at(23, 59, 0, 0).AddDate(0, 0, -1), at(0, 0, 0, 0)},
	} {
		if got := DeadlineMinute(c.in); !got.Equal(c.deadline) {
			t.Errorf("DeadlineMinute(%s) = %s, want %s", c.in.Format(time.RFC3339Nano), got.Format("15:04"), c.deadline.Format("15:04"))
		}
		if got := FromMinute(c.in); !got.Equal(c.from) {
			t.Errorf("FromMinute(%s) = %s, want %s", c.in.Format(time.RFC3339Nano), got.Format("15:04"), c.from.Format("15:04"))
		}
	}
	// The mail says the code's deadline by the same rule.
	s, clock := demoStore(t)
	for _, c := range []struct {
		at   time.Time
		want string
	}{{at(12, 0, 0, 0), "à 11:59 (heure de Paris)"}, {at(15, 0, 30, 0), "à 15:00 (heure de Paris)"}} {
		clock.Set(c.at)
		if _, err := s.StartReset(ctx, hugo, testOrigin); err != nil {
			t.Fatal(err)
		}
		want := c.want
		if body := strings.Join(strings.Fields(lastMail(t, s, hugoMail).Body), " "); !strings.Contains(body,
			"valable jusqu'au jeudi 26 novembre 2026 "+want) {
			t.Errorf("code valid until %s: the mail says\n%s", clock.Now().Add(CodeLifetime).Format(time.TimeOnly), body)
		}
	}
}

// « 1ère connexion » and lost password show each identifiant the same mask:
// otherwise comparing the two would tell who exists (an account whose
// rights ended gets the decoy in both; one too early, its real mask in both).
func TestFirstLoginAndLostPasswordShowTheSameMask(t *testing.T) {
	t.Parallel()
	s, _ := demoStore(t)
	for _, k := range firstLoginKinds {
		a, err := s.RequestActivation(ctx, k.ident, Origin{Client: "a:" + k.ident})
		if err != nil {
			t.Fatal(err)
		}
		r, err := s.StartReset(ctx, k.ident, Origin{Client: "r:" + k.ident})
		if err != nil {
			t.Fatal(err)
		}
		if a.MaskedTarget != r.MaskedTarget {
			t.Errorf("%s (%s): « 1ère connexion » shows %s, lost password %s", k.ident, k.kind, a.MaskedTarget, r.MaskedTarget)
		}
	}
}
