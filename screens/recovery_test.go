package screens

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
)

const hugoID = "hugo.lefevre@etu.umontpellier.fr"

// newRecovery opens the recovery page as nav asks (a case, an identifiant).
func newRecovery(t testing.TB, nav NavigateMsg, adjust ...func(*Common)) *screenFlow {
	t.Helper()
	nav.Page = PageRecovery
	return newFlowOn(t, flowNow, nav, adjust...)
}

// The three cases of the seed, as « Problème de connexion » opens them.
func TestRecoveryMenu(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageRecovery)
	// Titled like the link chosen, with the seed's wording.
	tm.require("Problème de connexion — Gestion de comptes informatiques", "Je n'ai jamais activé mon compte",
		"J'ai oublié mon mot de passe", "Je rencontre des problèmes de connexion")
	tm.goldenStep("menu")
	tm.press("enter")
	tm.askedPage(PageActivation) // "jamais activé"
	tm.require("Gestion de comptes informatiques")
	tm.press("esc")
	if _, back := tm.lastAsked().(BackMsg); !back {
		t.Fatalf("esc on the menu asked %#v, not to go back", tm.lastAsked())
	}
}

// The lost password of Hugo Lefèvre, end to end, up to « Se connecter »;
// the new password logs in, the old one no longer does.
func TestRecoveryLostPasswordHugo(t *testing.T) {
	t.Parallel()
	tm := newRecovery(t, NavigateMsg{})
	tm.press("tab", "enter")
	tm.require("Problème de connexion — mot de passe oublié", "Identifiant", "Recevoir un code")
	tm.goldenStep("1-forgot")
	tm.typeText("Hugo.Lefevre")
	tm.press("enter")
	tm.require("Un mail a été envoyé sur votre adresse mail de secours", "hu•••••e@ex•••••e.org",
		"Le code est valable jusqu'au 26/11/2026 à 09:59.")
	code := mailedCode(t, tm.store, hugoMail)
	tm.goldenStep("2-code", code)
	tm.typeText(code)
	tm.press("enter")
	tm.require("Problème de connexion — nouveau mot de passe", "Nouveau mot de passe")
	tm.goldenStep("3-password", code)

	// Built on his own data: refused, the fields kept.
	tm.choosePassword("Lefevre-2002")
	tm.require("Ce mot de passe ne respecte pas les règles", "✗ sans vos nom")
	if v := tm.field("Confirmation du mot de passe"); v != "••••••••••••" {
		t.Fatalf("confirmation not kept: %q", v)
	}
	tm.goldenStep("3-password-refused", code, "Lefevre-2002")
	for range 12 {
		tm.press("backspace")
	}
	tm.typeText("Marron-Glace-77")
	tm.press("tab")
	for range 12 {
		tm.press("backspace")
	}
	tm.typeText("Marron-Glace-77")
	tm.press("enter")
	tm.require("Problème de connexion — mot de passe modifié", "✓ Votre mot de passe a été modifié.",
		"hugo.lefevre suffit")
	tm.goldenStep("4-done", code, "Marron-Glace-77")

	// A notice went to the mail de secours.
	mails, _ := tm.store.Outbox(context.Background(), data.OutboxFilter{To: hugoMail})
	if len(mails) == 0 || mails[0].Kind != data.MailPasswordChanged {
		t.Fatalf("no notice of the change: %+v", mails)
	}
	tm.press("enter") // Se connecter: home, the identifiant prefilled
	if nav := tm.askedPage(PageHome); nav.Identifiant != hugoID {
		t.Fatalf("home asked with identifiant %q", nav.Identifiant)
	}
	if _, err := tm.store.Login(context.Background(), "hugo.lefevre", "Marron-Glace-77", data.Origin{}); err != nil {
		t.Fatalf("the new password does not log in: %v", err)
	}
	if _, err := tm.store.Login(context.Background(), "hugo.lefevre", "Kiosque-Demo-2026", data.Origin{}); err == nil {
		t.Fatal("the old password still works")
	}
}

// An unknown identifiant gets exactly the same screens: the mail "sent",
// the code step, the answers to a code.
func TestRecoveryUnknownLooksTheSame(t *testing.T) {
	t.Parallel()
	real, decoy := newFlow(t, PageRecovery), newFlow(t, PageRecovery)
	for _, x := range []struct {
		tm    *screenFlow
		ident string
	}{{real, "hugo.lefevre"}, {decoy, "hugo.lefebvre"}} {
		x.tm.openNav(NavigateMsg{Page: PageRecovery, Case: RecoveryCaseForgot})
		x.tm.typeText(x.ident)
		x.tm.press("enter")
	}
	if a, b := sameShape(real.text()), sameShape(decoy.text()); a != b {
		t.Fatalf("an unknown identifiant shows differently:\n%s\n---\n%s", a, b)
	}
	decoy.require("Un mail a été envoyé sur votre adresse mail de secours")
	for i := 0; i < data.CodeMaxFailures; i++ {
		real.typeText("12345678")
		real.press("enter")
		decoy.typeText("12345678")
		decoy.press("enter")
		if a, b := sameShape(real.text()), sameShape(decoy.text()); a != b {
			t.Fatalf("wrong code %d answers differently:\n%s\n---\n%s", i+1, a, b)
		}
	}
	decoy.require("Ce code n'est plus valable")
	// A second request within the cooldown answers the same way: the code
	// step again, the resend waiting for the cooldown.
	for _, tm := range []*screenFlow{real, decoy} {
		tm.press("esc")
		tm.require("Recevoir un code")
		tm.press("enter")
	}
	a := sameShape(strings.ReplaceAll(real.text(), "hugo.lefevre", "IDENT"))
	b := sameShape(strings.ReplaceAll(decoy.text(), "hugo.lefebvre", "IDENT"))
	if a != b {
		t.Fatalf("a second request answers differently:\n%s\n---\n%s", a, b)
	}
	real.require("Un mail a été envoyé sur votre adresse mail de secours", "possible à 10:01")
}

// A pending account that asks for a new password gets its activation code,
// and goes on with the activation's own steps.
func TestRecoveryPendingGoesToActivation(t *testing.T) {
	t.Parallel()
	tm := newRecovery(t, NavigateMsg{Case: RecoveryCaseForgot, Identifiant: "camille.martin"})
	tm.clock.Advance(data.ResendCooldown) // the IA validation mail went out at load time
	tm.press("tab", "enter")              // the identifiant is prefilled: "Recevoir un code"
	tm.require("Un mail a été envoyé sur votre adresse mail de secours", "ca•••••n@ex•••••e.org")
	tm.typeText(mailedCode(t, tm.store, camilleMail))
	tm.press("enter")
	tm.openNav(tm.askedPage(PageActivation)) // the shell follows
	tm.require("1ère connexion — étape 3 sur 5 : charte", "Votre compte n'a jamais été activé")
	tm.goldenStep("charter")
	tm.acceptCharter()
	tm.press("enter")
	tm.choosePassword(newPassword)
	tm.require("✓ Votre compte est activé.", camilleID)
}

// An ssh:// reset link opens the new password step directly.
func TestRecoveryFromToken(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageHome)
	s := tm.store
	if _, err := s.StartReset(context.Background(), "hugo.lefevre", data.Origin{Client: "ssh:203.0.113.7"}); err != nil {
		t.Fatal(err)
	}
	token := mailedToken(t, s, hugoMail)
	ticket, err := s.OpenToken(context.Background(), token)
	if err != nil {
		t.Fatal(err)
	}
	tm.openNav(NavigateMsg{Page: PageRecovery, Ticket: ticket})
	// Opened by a link: the step names the account (homonyms get the same mail).
	tm.require("Problème de connexion — nouveau mot de passe", "Compte : "+hugoID)
	tm.goldenStep("password", token)
	tm.choosePassword("Marron-Glace-77")
	tm.require("✓ Votre mot de passe a été modifié.")
	tm.requireHidden(token, "Marron-Glace-77")
	if _, err := s.Login(context.Background(), "hugo.lefevre", "Marron-Glace-77", data.Origin{}); err != nil {
		t.Fatal(err)
	}
}

// A code proven, then left 24 h before the password: it has expired; the
// person is asked for a new one, the identifiant kept.
func TestRecoveryCodeExpiresBeforePassword(t *testing.T) {
	t.Parallel()
	tm := newRecovery(t, NavigateMsg{Case: RecoveryCaseForgot})
	tm.typeText("hugo.lefevre")
	tm.press("enter")
	tm.typeText(mailedCode(t, tm.store, hugoMail))
	tm.press("enter")
	tm.clock.Advance(24 * time.Hour)
	tm.choosePassword("Marron-Glace-77")
	tm.require("Ce code a expiré (24 h). Demandez-en un nouveau.", "mot de passe oublié", "hugo.lefevre")
	tm.requireHidden("Marron-Glace-77")
	tm.press("enter")
	tm.require("Un mail a été envoyé sur votre adresse mail de secours")
}

// "Je rencontre des problèmes de connexion": a guided checklist, each point
// with its action; nothing is looked up.
func TestRecoveryTrouble(t *testing.T) {
	t.Parallel()
	tm := newRecovery(t, NavigateMsg{Case: RecoveryCaseTrouble})
	tm.require("Problème de connexion — vérifications", "Majuscules, clavier, pavé numérique",
		"Forme de l'identifiant", "Compte jamais activé", "Fin des droits d'accès",
		"Blocage après plusieurs erreurs", "Trop de tentatives depuis ce poste", "Le code n'arrive pas",
		"Plus d'accès au mail de secours")
	tm.goldenStep("list")
	tm.press("enter")
	tm.require("point 1 sur 8", "Verr. Maj", "[ Revenir à la connexion ]", "Point suivant")
	tm.press("tab", "enter") // Point suivant
	tm.require("point 2 sur 8", "prenom.nom@etu.umontpellier.fr", "marie.petit2",
		"[ Consulter mon inscription (IA) ]")
	tm.goldenStep("ident")
	tm.press("esc")
	for range 4 {
		tm.press("down")
	}
	tm.press("enter")
	tm.require("point 5 sur 8", "Après 5 mots de passe erronés en 15 minutes", "60 s", "15 min")
	tm.goldenStep("locked")
	tm.press("enter") // Réinitialiser mon mot de passe
	tm.require("Problème de connexion — mot de passe oublié")
	tm.press("esc") // back where it came from
	tm.require("point 5 sur 8")
	tm.press("esc", "esc")
	tm.require("Gestion de comptes informatiques")
	// The IA lookup is one key away from the rights point.
	tm.openNav(NavigateMsg{Page: PageRecovery, Case: RecoveryCaseTrouble})
	tm.press("down", "down", "down", "enter")
	tm.require("point 4 sur 8", "31 décembre", "[ Consulter mon inscription (IA) ]")
	tm.press("enter")
	tm.askedPage(PageLookup)
}

// Keys typed while the store works never land in a field.
func TestRecoveryTypeAheadDropped(t *testing.T) {
	t.Parallel()
	tm := newRecovery(t, NavigateMsg{Case: RecoveryCaseForgot})
	tm.typeText("hugo.lefevre")
	var cmd tea.Cmd
	tm.screen, cmd = tm.screen.Update(tea.KeyMsg{Type: tea.KeyEnter}) // the store call is not run yet
	tm.typeText("Secret-Typed-Ahead-1")
	tm.settle(cmd)
	tm.requireHidden("Secret-Typed-Ahead-1")
	if v := tm.field("Code reçu par mail (8 chiffres)"); v != "" {
		t.Fatalf("typed-ahead keys reached the code field: %q", v)
	}
}

// Every point of the checklist, in both languages, formats its numbers.
func TestRecoveryTroubleTexts(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{French, English} {
		tm := newRecovery(t, NavigateMsg{Case: RecoveryCaseTrouble}, func(c *Common) { c.Lang = lang })
		tm.requireClean()
		tm.press("enter")
		for i := 0; i < 8; i++ {
			tm.requireClean()
			if i < 7 {
				tm.press("tab", "enter") // next point
			}
		}
		tm.require("assistance-ent@example.org")
		tm.press("esc", "esc", "tab", "enter")
		tm.requireClean()
		tm.press("esc", "down", "down", "enter")
		tm.requireClean()
	}
}

// The English title follows the link's words too.
func TestRecoveryMenuEnglish(t *testing.T) {
	t.Parallel()
	tm := newRecovery(t, NavigateMsg{}, func(c *Common) { c.Lang = English })
	tm.require("Login problem — Computer account management")
	tm.requireClean()
}

// "Mot de passe oublié" answers an account whose rights ended exactly as it
// answers anyone (1ère connexion is where the end of rights is said).
func TestRecoveryRightsEndedLooksTheSame(t *testing.T) {
	t.Parallel()
	ended, unknown := newFlow(t, PageRecovery), newFlow(t, PageRecovery)
	for _, x := range []struct {
		tm    *screenFlow
		ident string
	}{{ended, "paul.bernard"}, {unknown, "paul.bernart"}} {
		x.tm.openNav(NavigateMsg{Page: PageRecovery, Case: RecoveryCaseForgot})
		x.tm.typeText(x.ident)
		x.tm.press("enter")
	}
	if a, b := sameShape(ended.text()), sameShape(unknown.text()); a != b {
		t.Fatalf("an account whose rights ended shows differently:\n%s\n---\n%s", a, b)
	}
	ended.require("Un mail a été envoyé sur votre adresse mail de secours")
}

// Going back from the new password to the code and forward again shows
// empty fields and no old refusal.
func TestRecoveryPasswordEmptyAfterEsc(t *testing.T) {
	t.Parallel()
	tm := newRecovery(t, NavigateMsg{Case: RecoveryCaseForgot})
	tm.typeText("hugo.lefevre")
	tm.press("enter")
	code := mailedCode(t, tm.store, hugoMail)
	tm.typeText(code)
	tm.press("enter")
	tm.choosePassword("Lefevre-2002")
	tm.require("Ce mot de passe ne respecte pas les règles")
	tm.press("esc")
	tm.require("Problème de connexion — mot de passe oublié", "Code reçu par mail")
	if v := tm.field("Code reçu par mail (8 chiffres)"); v != "" {
		t.Fatalf("code field not empty: %q", v)
	}
	tm.typeText(code) // not consumed: it works again
	tm.press("enter")
	tm.require("Problème de connexion — nouveau mot de passe", "8 caractères au moins (0 saisi)")
	if a, b := tm.field("Nouveau mot de passe"), tm.field("Confirmation du mot de passe"); a != "" || b != "" {
		t.Fatalf("fields kept across esc: %q %q", a, b)
	}
	if strings.Contains(tm.text(), "ne respecte pas") {
		t.Fatalf("the old refusal is still shown:\n%s", tm.text())
	}
	tm.typeText("Lefevre-2002") // his own data is still refused, live
	tm.require("✗ sans vos nom")
	tm.requireHidden(code, "Lefevre-2002")
}

// The « poste suspendu » check says the figure in force for this session:
// 10 failures, or 200 from an address of serve --shared-networks.
func TestRecoveryTroubleClientFigure(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		shared bool
		want   string
	}{{false, "(10 en 5 minutes, tous comptes confondus) est suspendu 5 minutes"},
		{true, "(200 en 5 minutes, tous comptes confondus) est suspendu 5 minutes"}} {
		c := testCommon()
		c.SharedClient = tc.shared
		said := ""
		for _, ch := range troubleChecks {
			if ch.key == "client" {
				said = c.Tf("recovery.check.client.text", ch.args(c)...)
			}
		}
		if !strings.Contains(said, tc.want) {
			t.Errorf("shared %v: %q lacks %q", tc.shared, said, tc.want)
		}
	}
}
