package data

import (
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"
)

// The account's own changes: the current password before any change of
// address, personal addresses only, the account's language,
// no "new" password equal to the current one.

// mailsOfKind counts the outbox mails of a kind to an address.
func mailsOfKind(t *testing.T, s *Store, to string, kind MailKind) []Mail {
	t.Helper()
	mails, err := s.Outbox(ctx, OutboxFilter{To: to})
	if err != nil {
		t.Fatal(err)
	}
	var out []Mail
	for _, m := range mails {
		if m.Kind == kind {
			out = append(out, m)
		}
	}
	return out
}

// A session left open must not hand the account over: changing the mail de
// secours or the redirection asks for the current password, checked like a
// login (a wrong one is a failed login; during the lock even the right one
// is refused).
func TestAddressChangesAskTheCurrentPassword(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	a, err := s.Login(ctx, hugo, hugoPassword, from())
	if err != nil {
		t.Fatal(err)
	}
	const thief = "voleur@example.com"
	changes := []struct {
		name  string
		event Event
		try   func(pw string) error
	}{
		{"mail de secours", EventUpdateRecoveryMail, func(pw string) error {
			_, err := s.RequestRecoveryChange(ctx, a, pw, thief, from())
			return err
		}},
		{"redirection", EventUpdateRedirection, func(pw string) error {
			_, err := s.SetRedirection(ctx, a, pw, thief, false, from())
			return err
		}},
		{"redirection to the mail de secours", EventUpdateRedirection, func(pw string) error {
			_, err := s.SetRedirection(ctx, a, pw, hugoMail, false, from())
			return err
		}},
		{"no redirection", EventUpdateRedirection, func(pw string) error {
			return s.RemoveRedirection(ctx, a, pw, from())
		}},
	}
	for _, c := range changes {
		for _, pw := range []string{"", "Mauvais-Mot-2026", strings.Repeat("x", 1<<20)} {
			clock.Advance(2 * time.Second)
			if err := c.try(pw); err != ErrWrongPassword {
				t.Fatalf("%s with %.20q: %v", c.name, pw, err)
			}
		}
		entries, err := s.AuditLog(ctx, AuditFilter{Events: []Event{c.event}, Limit: 1})
		if err != nil || len(entries) != 1 || entries[0].Outcome != "wrong current password" ||
			entries[0].PersonID != a.Person.ID {
			t.Fatalf("%s: audit %+v (%v)", c.name, entries, err)
		}
		forgetLoginFailures(t, s, a)
	}
	if n := len(mailsOfKind(t, s, thief, MailConfirmRecovery)) + len(mailsOfKind(t, s, thief, MailConfirmRedirection)); n != 0 {
		t.Fatalf("%d codes went to the new address without the password", n)
	}
	fresh, _ := s.Account(ctx, a.Person.ID)
	if fresh.RecoveryEmail != hugoMail || fresh.RedirectEmail != "" {
		t.Fatalf("changed without the password: %+v", fresh)
	}

	// Five wrong ones lock the identifiant, for logins and changes alike.
	for i := 0; i < LoginFailuresBeforeLock; i++ {
		clock.Advance(2 * time.Second)
		if _, err := s.RequestRecoveryChange(ctx, a, "Mauvais-Mot-2026", thief, from()); err != ErrWrongPassword {
			t.Fatalf("wrong %d: %v", i+1, err)
		}
	}
	st := loginState(t, s, hugo)
	if !st.LockedUntil.Equal(clock.Now().Add(time.Minute)) {
		t.Fatalf("5 wrong current passwords: %+v", st)
	}
	clock.Advance(2 * time.Second)
	if _, err := s.Login(ctx, hugo, hugoPassword, from()); err != ErrInvalidCredentials {
		t.Fatalf("login during the lock: %v", err)
	}
	if _, err := s.SetRedirection(ctx, a, hugoPassword, thief, true, from()); err != ErrWrongPassword {
		t.Fatalf("right password during the lock: %v", err)
	}
	if st2 := loginState(t, s, hugo); st2 != st {
		t.Fatalf("an attempt during the lock changed it: %+v → %+v", st, st2)
	}

	// After the lock, the right password lets each change through.
	clock.Advance(time.Minute)
	ch, err := s.RequestRecoveryChange(ctx, a, hugoPassword, "hugo.perso@example.net", from())
	if err != nil || ch == nil || ch.MaskedTarget != "hu•••••o@ex•••••e.net" {
		t.Fatalf("right password: %+v, %v", ch, err)
	}
	if ch, err := s.SetRedirection(ctx, a, hugoPassword, hugoMail, true, from()); err != nil || ch != nil {
		t.Fatalf("redirection to the mail de secours: %+v, %v", ch, err)
	}
	if err := s.RemoveRedirection(ctx, a, hugoPassword, from()); err != nil {
		t.Fatal(err)
	}
}

// forgetLoginFailures lifts a's login failures between cases.
func forgetLoginFailures(t *testing.T, s *Store, a *Account) {
	t.Helper()
	if err := s.tx(ctx, func(tx *sql.Tx) error { return s.clearLoginLock(ctx, tx, a.LocalPart) }); err != nil {
		t.Fatal(err)
	}
}

// The mail de secours is read when locked out: never an address of the
// university. A redirection never leads to a university mailbox (its own
// would loop; another is someone else's).
func TestAddressesOutsideTheUniversity(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	a, err := s.Login(ctx, hugo, hugoPassword, from())
	if err != nil {
		t.Fatal(err)
	}
	for _, addr := range []string{"hugo.lefevre@etu.umontpellier.fr", "Hugo.Lefevre@ETU.umontpellier.fr",
		"hugo.lefevre@umontpellier.fr", "camille.martin@etu.umontpellier.fr", "h@lirmm.umontpellier.fr",
		"x@mail.etu.umontpellier.fr"} {
		if _, err := s.RequestRecoveryChange(ctx, a, hugoPassword, addr, from()); !errors.Is(err, ErrRecoveryUniversity) {
			t.Errorf("mail de secours %s: %v", addr, err)
		}
	}
	for addr, want := range map[string]error{
		"hugo.lefevre@etu.umontpellier.fr":   ErrOwnAddress,
		"HUGO.LEFEVRE@etu.umontpellier.fr":   ErrOwnAddress,
		"hugo.lefevre@umontpellier.fr":       ErrOwnAddress, // the same mailbox under the other domain
		"camille.martin@etu.umontpellier.fr": ErrRedirectUniversity,
		"ines.moreau@umontpellier.fr":        ErrRedirectUniversity,
		"liste@services.umontpellier.fr":     ErrRedirectUniversity,
	} {
		if _, err := s.SetRedirection(ctx, a, hugoPassword, addr, true, from()); !errors.Is(err, want) {
			t.Errorf("redirection to %s: %v, want %v", addr, err, want)
		}
	}
	// Refused before the password is checked: nothing counted.
	if st := loginState(t, s, hugo); st.Failures != 0 {
		t.Fatalf("address refusals counted as failures: %+v", st)
	}
	// Look-alike domains are not the university's.
	for _, addr := range []string{"hugo@umontpellier.fr.example.com", "hugo@notumontpellier.fr"} {
		clock.Advance(2 * time.Minute)
		if _, err := s.RequestRecoveryChange(ctx, a, hugoPassword, addr, from()); err != nil {
			t.Errorf("mail de secours %s: %v", addr, err)
		}
	}
}

// The account remembers the language its owner last used; mails its owner
// did not cause (the helpdesk's) are written in it, not in the agent's.
func TestMailsTheOwnerDidNotCauseUseTheAccountLanguage(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	ines := agent(t, s)
	agentEN := Origin{Client: "helpdesk-desk", Lang: "en"}
	camille, _, err := s.accountByLogin(ctx, s.db, camilleIdent)
	if err != nil {
		t.Fatal(err)
	}
	if camille.Lang != "fr" {
		t.Fatalf("a new account's language: %q", camille.Lang)
	}
	const camilleMail = "camille.martin@example.org"
	if _, err := s.HelpdeskResendActivation(ctx, ines, camille.Person.ID, agentEN); err != nil {
		t.Fatal(err)
	}
	// Camille never activated: nobody chose her language, so the mail is
	// in both, whatever the agent's.
	if m := mailsOfKind(t, s, camilleMail, MailActivation); len(m) == 0 || m[0].Lang != LangBoth ||
		!strings.Contains(m[0].Subject, "Activation de votre compte") || !strings.Contains(m[0].Subject, "Activate your") {
		t.Fatalf("the agent's resend to Camille: %+v", m)
	}

	// Hugo logs in on an English screen: his mails from the helpdesk are
	// in English, even from a French-speaking agent.
	if _, err := s.Login(ctx, hugo, hugoPassword, Origin{Client: "kiosk:1", Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	agentFR := Origin{Client: "helpdesk-desk", Lang: "fr"}
	a, _, _ := s.accountByLogin(ctx, s.db, hugo)
	if a.Lang != "en" {
		t.Fatalf("after an English login: %q", a.Lang)
	}
	if _, err := s.HelpdeskSendReset(ctx, ines, a.Person.ID, agentFR); err != nil {
		t.Fatal(err)
	}
	if m := mailsOfKind(t, s, hugoMail, MailReset); len(m) == 0 || m[0].Lang != "en" {
		t.Fatalf("the agent's reset to Hugo: %+v", m)
	}
	clock.Advance(time.Minute)
	if _, err := s.HelpdeskCorrectRecovery(ctx, ines, a.Person.ID, "hugo.neuf@example.net", true, agentFR); err != nil {
		t.Fatal(err)
	}
	if m := mailsOfKind(t, s, hugoMail, MailRecoveryChanged); len(m) != 1 || m[0].Lang != "en" {
		t.Fatalf("the notice of the agent's correction: %+v", m)
	}

	// A lost-password request is anyone's: it writes its mail in the
	// screen's language but does not change the account's.
	clock.Advance(time.Hour)
	if _, err := s.StartReset(ctx, hugo, Origin{Client: "kiosk:2", Lang: "fr"}); err != nil {
		t.Fatal(err)
	}
	if a, _, _ = s.accountByLogin(ctx, s.db, hugo); a.Lang != "en" {
		t.Fatalf("a reset request changed the language: %q", a.Lang)
	}
	// The owner's own changes do: a password changed on a French screen.
	clock.Advance(time.Minute)
	if err := s.ChangePassword(ctx, a, hugoPassword, "Tortue-Velo-Nuage-43", Origin{Client: "kiosk:2", Lang: "fr"}); err != nil {
		t.Fatal(err)
	}
	if a, _, _ = s.accountByLogin(ctx, s.db, hugo); a.Lang != "fr" {
		t.Fatalf("after a change on a French screen: %q", a.Lang)
	}
}

// Activation and reset remember the language too.
func TestActivationAndResetRememberTheLanguage(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	en := Origin{Client: "kiosk:1", Lang: "en"}
	c, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: camilleIdent}, en)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := s.ActivationChallenge(ctx, c, true, en)
	if err != nil {
		t.Fatal(err)
	}
	tk, err := s.VerifyCode(ctx, ch, lastCode(t, s, "camille.martin@example.org"), en)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.CompleteActivation(ctx, tk, ActivationChoice{CharterAccepted: true, Password: "Grue-Lanterne-Opale-73"}, en)
	if err != nil {
		t.Fatal(err)
	}
	if a.Lang != "en" {
		t.Fatalf("after an English activation: %q", a.Lang)
	}
	clock.Advance(time.Hour)
	ch, err = s.StartReset(ctx, camilleIdent, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	tk, err = s.VerifyCode(ctx, ch, lastCode(t, s, "camille.martin@example.org"), testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if a, err = s.CompleteReset(ctx, tk, "Tortue-Velo-Nuage-43", testOrigin); err != nil || a.Lang != "fr" {
		t.Fatalf("after a French reset: %+v, %v", a, err)
	}
}

// A reset or a change to the password in place is refused, with a reason
// of its own; the reset code stays usable.
func TestNewPasswordMustDifferFromTheCurrent(t *testing.T) {
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
	_, err = s.CompleteReset(ctx, tk, hugoPassword, testOrigin)
	var policy *PolicyError
	if !errors.Is(err, ErrSamePassword) || !errors.As(err, &policy) {
		t.Fatalf("reset to the current password: %v", err)
	}
	if n := len(mailsOfKind(t, s, hugoMail, MailPasswordChanged)); n != 0 {
		t.Fatalf("%d notices for a refused reset", n)
	}
	a, err := s.CompleteReset(ctx, tk, "Tortue-Velo-Nuage-43", testOrigin)
	if err != nil {
		t.Fatalf("the same code, another password: %v", err)
	}

	clock.Advance(time.Minute)
	if err := s.ChangePassword(ctx, a, "Tortue-Velo-Nuage-43", "Tortue-Velo-Nuage-43", from()); !errors.Is(err, ErrSamePassword) ||
		!errors.As(err, &policy) {
		t.Fatalf("change to the current password: %v", err)
	}
	if _, err := s.Login(ctx, hugo, "Tortue-Velo-Nuage-43", from()); err != nil {
		t.Fatalf("the password after the refusal: %v", err)
	}
}
