package tui

import (
	"strings"
	"testing"

	"entkiosk/data"
)

// A redirection to the mail de secours follows it when it changes, and the
// screens say so: the helpdesk correction before and after confirming, the
// person's dashboard after the change.

const (
	marie2         = "marie.petit2"
	marie2Mail     = "mpetit.2003@example.org"
	marie2Password = "Tortue-Velo-Nuage-42"
	marie2NewMail  = "marie.p@example.net"
)

// activateRedirected activates marie.petit2 as in the try-out: step 4,
// "Oui, sans garder de copie" (or with one).
func activateRedirected(t *testing.T, s *data.Store, keepCopy bool) {
	t.Helper()
	o := data.Origin{Client: "kiosk:other", Lang: "fr"}
	c, err := s.StartActivation(t.Context(), data.ActivationIdentity{Identifiant: marie2}, o)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := s.ActivationChallenge(t.Context(), c, false, o)
	if err != nil {
		t.Fatal(err)
	}
	tk, err := s.VerifyCode(t.Context(), ch, outboxCode(t, s, marie2Mail), o)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.CompleteActivation(t.Context(), tk, data.ActivationChoice{CharterAccepted: true, Redirect: true,
		KeepCopy: keepCopy, Password: marie2Password}, o)
	if err != nil || a.RedirectEmail != marie2Mail {
		t.Fatalf("activation: %v", err)
	}
}

// requireSaid fails unless the screen says sentence, however it wraps.
func (tm *testModel) requireSaid(sentence string) {
	tm.t.Helper()
	said := strings.Join(strings.Fields(strings.ReplaceAll(tm.screen(), "\u00a0", " ")), " ")
	if !strings.Contains(said, sentence) {
		tm.t.Fatalf("screen does not say %q:\n%s", sentence, tm.screen())
	}
}

func TestHelpdeskCorrectionSaysTheRedirectionFollows(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	activateRedirected(t, tm.store, false)
	tm.hdOpen("marie.petit2")
	tm.requireScreen("Mail de secours mp•••••3@ex•••••e.org", "Redirection     mp•••••3@ex•••••e.org")
	tm.press("down", "enter") // the second action: correct the mail de secours
	tm.requireScreen("Corriger le mail de secours", "22200002", "12/10/2003")
	tm.requireSaid("Les mails universitaires sont redirigés vers ce mail de secours (sans copie) : " +
		"la redirection suivra, vers la nouvelle adresse.")
	tm.requireGolden()
	tm.typeText(marie2NewMail)
	tm.press("enter", "space", "tab", "enter", "enter") // Corriger, Enregistrer
	tm.requireSaid("✓ Mail de secours corrigé : ma•••••p@ex•••••e.net. L'ancienne adresse est prévenue. " +
		"La redirection a suivi : les mails universitaires vont désormais à ma•••••p@ex•••••e.net, sans copie.")
	tm.press("esc")
	tm.requireScreen("Mail de secours ma•••••p@ex•••••e.net", "Redirection     ma•••••p@ex•••••e.net")
	a, err := tm.store.Account(t.Context(), hdPersonID(t, tm.store, marie2))
	if err != nil || a.RedirectEmail != marie2NewMail || a.KeepCopy {
		t.Fatalf("redirect %q keep %v (%v)", a.RedirectEmail, a.KeepCopy, err)
	}
	if e := hdAudit(t, tm.store, data.EventUpdateRedirection); e.Actor != "ines.moreau@umontpellier.fr" {
		t.Fatalf("audit: %+v", e)
	}

	// In English too.
	tm.press("f2")
	tm.press("down", "enter")
	tm.requireSaid("University mail is redirected to this recovery address (no copy): the redirection " +
		"will follow, to the new address.")
}

// A redirection elsewhere stays: the correction screen says nothing of it.
func TestHelpdeskCorrectionQuietForOtherRedirections(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	tm.hdOpen("camille martin")
	tm.press("down", "enter")
	tm.requireScreen("Corriger le mail de secours")
	if strings.Contains(tm.screen(), "redirection suivra") {
		t.Fatalf("a redirection that does not exist follows:\n%s", tm.screen())
	}
}

func TestDashboardSaysTheRedirectionFollowed(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	activateRedirected(t, tm.store, true)
	tm.pagesLogin(marie2, marie2Password)
	tm.requireTextNB("Redirection      vers mp•••••3@ex•••••e.org, copie conservée")
	tm.dashAction("Mail de secours")
	tm.dashSubmit(marie2NewMail, marie2Password)
	tm.typeText(outboxCode(t, tm.store, marie2NewMail))
	tm.press("enter")
	tm.requireTextNB("Mail de secours  ma•••••p@ex•••••e.net", "Redirection      vers ma•••••p@ex•••••e.net, copie conservée")
	tm.requireSaid("✓ Mail de secours remplacé par ma•••••p@ex•••••e.net ; l'ancien est prévenu. " +
		"Votre redirection suit : vos mails y vont désormais, copie conservée.")
	tm.requireWidth(80)
	tm.requireGolden()
	if a := tm.Common().Account; a.RedirectEmail != marie2NewMail || !a.KeepCopy {
		t.Fatalf("redirect %q keep %v", a.RedirectEmail, a.KeepCopy)
	}
	if n := pagesMailsTo(t, tm.store, marie2Mail, data.MailRedirectionChanged); n != 0 {
		t.Fatalf("%d redirection notices to the old address", n)
	}
	if n := pagesMailsTo(t, tm.store, marie2NewMail, data.MailRedirectionChanged); n != 1 {
		t.Fatalf("%d redirection notices to the new address", n)
	}
}

// Without a redirection to the mail de secours, the message is the usual one.
func TestDashboardQuietWithoutRedirection(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	dashLoginHugo(tm)
	tm.dashAction("Mail de secours")
	tm.dashSubmit("hugo.perso@example.net", dashHugoPassword)
	tm.typeText(outboxCode(t, tm.store, "hugo.perso@example.net"))
	tm.press("enter")
	tm.requireTextNB("✓ Mail de secours remplacé par hu•••••o@ex•••••e.net ; l'ancien est prévenu.")
	if strings.Contains(tm.screen(), "redirection suit") {
		t.Fatalf("a redirection that does not exist follows:\n%s", tm.screen())
	}
}

// A redirection that already went to an address the person then makes
// their mail de secours did not follow anything: the usual message.
func TestDashboardRedirectionAlreadyThereDidNotFollow(t *testing.T) {
	t.Parallel()
	const external = "hugo@example.com"
	tm := newTestModel(t)
	dashLoginHugo(tm)
	o := data.Origin{Client: "elsewhere", Lang: "fr"}
	ch, err := tm.store.SetRedirection(t.Context(), tm.Common().Account, dashHugoPassword, external, true, o)
	if err != nil {
		t.Fatal(err)
	}
	tk, err := tm.store.VerifyCode(t.Context(), ch, outboxCode(t, tm.store, external), o)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tm.store.ConfirmRedirection(t.Context(), tk, o); err != nil {
		t.Fatal(err)
	}
	tm.press("r") // the dashboard reads the account again
	tm.dashAction("Mail de secours")
	tm.dashSubmit(external, dashHugoPassword)
	tm.typeText(outboxCode(t, tm.store, external))
	tm.press("enter")
	tm.requireTextNB("✓ Mail de secours remplacé par hu•••••o@ex•••••e.com ; l'ancien est prévenu.")
	if strings.Contains(tm.screen(), "redirection suit") {
		t.Fatalf("a redirection that was already there is said to follow:\n%s", tm.screen())
	}
}
