package data

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// A redirection chosen as "my mail de secours" follows the mail de secours
// when it changes (the helpdesk's correction, the person's own change):
// left behind, the university mail would keep going to an address just
// replaced because it was wrong or no longer the person's.

const (
	marie2        = "marie.petit2"
	marie2Mail    = "mpetit.2003@example.org"
	marie2Pass    = "Tortue-Velo-Nuage-42"
	marie2NewMail = "marie.p@example.net"
)

// activateRedirected activates marie.petit2 as in the try-out: step 4,
// "Oui, sans garder de copie" (or with a copy): the redirection goes to
// her mail de secours.
func activateRedirected(t *testing.T, s *Store, keepCopy bool) *Account {
	t.Helper()
	c, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: marie2}, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := s.ActivationChallenge(ctx, c, false, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	tk, err := s.VerifyCode(ctx, ch, lastCode(t, s, marie2Mail), testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.CompleteActivation(ctx, tk, ActivationChoice{CharterAccepted: true, Redirect: true,
		KeepCopy: keepCopy, Password: marie2Pass}, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if a.RedirectEmail != marie2Mail || a.KeepCopy != keepCopy || !a.RedirectsToRecovery() {
		t.Fatalf("after activation: redirect %q keep %v", a.RedirectEmail, a.KeepCopy)
	}
	return a
}

// changeRecoveryBySelf is the dashboard's change: password, a code to the
// new address, the code typed.
func changeRecoveryBySelf(t *testing.T, s *Store, a *Account, password, addr string, o Origin) *Account {
	t.Helper()
	ch, err := s.RequestRecoveryChange(ctx, a, password, addr, o)
	if err != nil {
		t.Fatal(err)
	}
	tk, err := s.VerifyCode(ctx, ch, lastCode(t, s, addr), o)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := s.ConfirmRecoveryChange(ctx, tk, o)
	if err != nil {
		t.Fatal(err)
	}
	return fresh
}

func aliasMap(t *testing.T, s *Store) string {
	t.Helper()
	var b bytes.Buffer
	if _, err := s.WriteAliases(ctx, &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// redirectionAudit is the person's UPDATE_REDIRECTION lines, newest first.
func redirectionAudit(t *testing.T, s *Store, personID int64) []AuditEntry {
	t.Helper()
	l, err := s.AuditLog(ctx, AuditFilter{PersonID: personID, Events: []Event{EventUpdateRedirection}})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestHelpdeskCorrectionTakesTheRedirectionAlong(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	a := activateRedirected(t, s, false)
	clock.Advance(time.Minute)
	ines := agent(t, s)
	card, err := s.HelpdeskCard(ctx, ines, a.Person.ID, Origin{Client: "helpdesk-desk"})
	if err != nil {
		t.Fatal(err)
	}
	if !card.RedirectToRecovery {
		t.Fatal("the card does not say the redirection goes to the mail de secours")
	}
	desk := Origin{Client: "helpdesk-desk", Lang: "fr"}
	done, err := s.HelpdeskCorrectRecovery(ctx, ines, a.Person.ID, marie2NewMail, true, desk)
	if err != nil {
		t.Fatal(err)
	}
	if done != (RecoveryCorrected{Recovery: MaskEmail(marie2NewMail), RedirectFollowed: true, KeepCopy: false}) {
		t.Fatalf("answer: %+v", done)
	}
	fresh, err := s.Account(ctx, a.Person.ID)
	if err != nil {
		t.Fatal(err)
	}
	if fresh.RecoveryEmail != marie2NewMail || fresh.RedirectEmail != marie2NewMail || fresh.KeepCopy {
		t.Fatalf("recovery %q, redirect %q, keep %v", fresh.RecoveryEmail, fresh.RedirectEmail, fresh.KeepCopy)
	}
	// Audited as a redirection change, by the agent.
	l := redirectionAudit(t, s, a.Person.ID)
	if len(l) != 1 || l[0].Actor != ines.Identifiant || l[0].Client != desk.Client || l[0].Outcome != "ok" ||
		l[0].Detail != "to "+MaskEmail(marie2NewMail) || !l[0].At.Equal(clock.Now()) {
		t.Fatalf("audit: %+v", l)
	}
	// The export forwards to the new address, no copy, and nothing to the old.
	aliases := aliasMap(t, s)
	if !strings.Contains(aliases, "\n"+a.Identifiant+" "+marie2NewMail+"\n") || strings.Contains(aliases, marie2Mail) {
		t.Fatalf("aliases:\n%s", aliases)
	}
	wantFollowNotices(t, s)
	card, err = s.HelpdeskCard(ctx, ines, a.Person.ID, Origin{Client: "helpdesk-desk"})
	if err != nil {
		t.Fatal(err)
	}
	if card.Redirect != MaskEmail(marie2NewMail) || !card.RedirectToRecovery {
		t.Fatalf("card after: %q %v", card.Redirect, card.RedirectToRecovery)
	}
}

// wantFollowNotices: the old address gets only the recovery-change notice
// (it may be someone else's); the redirection notice goes to the new one.
func wantFollowNotices(t *testing.T, s *Store) {
	t.Helper()
	if n := mailsOfKind(t, s, marie2Mail, MailRecoveryChanged); len(n) != 1 {
		t.Fatalf("%d recovery notices to the old address", len(n))
	}
	if n := mailsOfKind(t, s, marie2Mail, MailRedirectionChanged); len(n) != 0 {
		t.Fatalf("a redirection notice to the old address: %+v", n[0])
	}
	n := mailsOfKind(t, s, marie2NewMail, MailRedirectionChanged)
	if len(n) != 1 || !strings.Contains(n[0].Body, MaskEmail(marie2NewMail)) {
		t.Fatalf("redirection notices to the new address: %+v", n)
	}
}

func TestOwnRecoveryChangeTakesTheRedirectionAlong(t *testing.T) {
	t.Parallel()
	s, clock := abuseStore(t)
	a := activateRedirected(t, s, true)
	clock.Advance(time.Minute)
	home := Origin{Client: "ssh:198.51.100.7", Lang: "fr"}
	fresh := changeRecoveryBySelf(t, s, a, marie2Pass, marie2NewMail, home)
	if fresh.RecoveryEmail != marie2NewMail || fresh.RedirectEmail != marie2NewMail || !fresh.KeepCopy ||
		!fresh.RedirectsToRecovery() {
		t.Fatalf("recovery %q, redirect %q, keep %v", fresh.RecoveryEmail, fresh.RedirectEmail, fresh.KeepCopy)
	}
	l := redirectionAudit(t, s, a.Person.ID)
	if len(l) != 1 || l[0].Actor != "" || l[0].Client != home.Client || l[0].Outcome != "ok" ||
		l[0].Detail != "to "+MaskEmail(marie2NewMail)+", copy kept" {
		t.Fatalf("audit: %+v", l)
	}
	aliases := aliasMap(t, s)
	if !strings.Contains(aliases, "\n"+a.Identifiant+" "+marie2NewMail+", "+a.Identifiant+"\n") ||
		strings.Contains(aliases, marie2Mail) {
		t.Fatalf("aliases:\n%s", aliases)
	}
	wantFollowNotices(t, s)
}

// A redirection to another address is the person's choice of that
// address, not of "my mail de secours": it stays where it is.
func TestRecoveryChangeLeavesOtherRedirectionsAlone(t *testing.T) {
	t.Parallel()
	for _, byHelpdesk := range []bool{true, false} {
		s, clock := abuseStore(t)
		a, err := s.Login(ctx, hugo, hugoPassword, testOrigin)
		if err != nil {
			t.Fatal(err)
		}
		const elsewhere = "hugo.pro@example.com"
		ch, err := s.SetRedirection(ctx, a, hugoPassword, elsewhere, false, testOrigin)
		if err != nil {
			t.Fatal(err)
		}
		tk, err := s.VerifyCode(ctx, ch, lastCode(t, s, elsewhere), testOrigin)
		if err != nil {
			t.Fatal(err)
		}
		if a, err = s.ConfirmRedirection(ctx, tk, testOrigin); err != nil {
			t.Fatal(err)
		}
		clock.Advance(time.Minute)
		const newRecovery = "hugo.neuf@example.net"
		if byHelpdesk {
			ines := agent(t, s)
			card, err := s.HelpdeskCard(ctx, ines, a.Person.ID, Origin{Client: "helpdesk-desk"})
			if err != nil {
				t.Fatal(err)
			}
			if card.RedirectToRecovery {
				t.Fatal("the card says the redirection goes to the mail de secours")
			}
			done, err := s.HelpdeskCorrectRecovery(ctx, ines, a.Person.ID, newRecovery, true, Origin{Client: "helpdesk-desk"})
			if err != nil || done.RedirectFollowed {
				t.Fatalf("%+v %v", done, err)
			}
		} else {
			changeRecoveryBySelf(t, s, a, hugoPassword, newRecovery, testOrigin)
		}
		fresh, err := s.Account(ctx, a.Person.ID)
		if err != nil {
			t.Fatal(err)
		}
		if fresh.RecoveryEmail != newRecovery || fresh.RedirectEmail != elsewhere || fresh.KeepCopy {
			t.Fatalf("helpdesk %v: recovery %q redirect %q keep %v", byHelpdesk, fresh.RecoveryEmail,
				fresh.RedirectEmail, fresh.KeepCopy)
		}
		if l := redirectionAudit(t, s, a.Person.ID); len(l) != 1 {
			t.Fatalf("helpdesk %v: %d redirection changes audited, want only the person's own", byHelpdesk, len(l))
		}
		if n := mailsOfKind(t, s, newRecovery, MailRedirectionChanged); len(n) != 0 {
			t.Fatalf("helpdesk %v: a redirection notice for a redirection that did not change", byHelpdesk)
		}
		if !strings.Contains(aliasMap(t, s), " "+elsewhere+"\n") {
			t.Fatalf("helpdesk %v: the export lost the redirection", byHelpdesk)
		}
	}
}
