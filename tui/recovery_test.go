package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	"entkiosk/data"
	"entkiosk/screens"
)

const hugoID = "hugo.lefevre@etu.umontpellier.fr"

func (tm *testModel) openRecovery(nav screens.NavigateMsg) {
	nav.Page = screens.PageRecovery
	tm.send(nav)
}

// The three cases of the seed, from the home screen.
func TestRecoveryMenu(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.press("tab", "tab", "tab", "tab", "enter") // "Problème de connexion"
	// Titled like the link chosen, with the seed's wording.
	tm.requireScreen("Problème de connexion — Gestion de comptes informatiques", "Je n'ai jamais activé mon compte",
		"J'ai oublié mon mot de passe", "Je rencontre des problèmes de connexion")
	tm.goldenStep("menu")
	tm.press("enter")
	if _, ok := tm.Screen().(*screens.Activation); !ok {
		t.Fatalf("\"jamais activé\" did not open the activation:\n%s", tm.screen())
	}
	tm.press("esc")
	tm.requireScreen("Gestion de comptes informatiques")
	tm.press("esc")
	if _, home := tm.Screen().(*screens.Home); !home {
		t.Fatalf("esc on the menu did not leave:\n%s", tm.screen())
	}
}

// The lost password of Hugo Lefèvre, end to end, then a login with the new
// password; the old one no longer works.
func TestRecoveryLostPasswordHugo(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.openRecovery(screens.NavigateMsg{})
	tm.press("tab", "enter")
	tm.requireScreen("Problème de connexion — mot de passe oublié", "Identifiant", "Recevoir un code")
	tm.goldenStep("1-forgot")
	tm.typeText("Hugo.Lefevre")
	tm.press("enter")
	tm.requireScreen("Un mail a été envoyé sur votre adresse mail de secours", "hu•••••e@ex•••••e.org",
		"Le code est valable jusqu'au 26/11/2026 à 09:59.")
	code := mailedCode(t, tm.store, hugoMail)
	tm.goldenStep("2-code", code)
	tm.typeText(code)
	tm.press("enter")
	tm.requireScreen("Problème de connexion — nouveau mot de passe", "Nouveau mot de passe")
	tm.goldenStep("3-password", code)

	// Built on his own data: refused, the fields kept.
	tm.choosePassword("Lefevre-2002")
	tm.requireScreen("Ce mot de passe ne respecte pas les règles", "✗ sans vos nom")
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
	tm.requireScreen("Problème de connexion — mot de passe modifié", "✓ Votre mot de passe a été modifié.",
		"hugo.lefevre suffit")
	tm.goldenStep("4-done", code, "Marron-Glace-77")

	// A notice went to the mail de secours.
	mails, _ := tm.store.Outbox(context.Background(), data.OutboxFilter{To: hugoMail})
	if len(mails) == 0 || mails[0].Kind != data.MailPasswordChanged {
		t.Fatalf("no notice of the change: %+v", mails)
	}
	tm.press("enter")
	tm.requireScreen("Connexion", hugoID)
	tm.typeText("Marron-Glace-77")
	tm.press("enter")
	if tm.c.Account == nil || tm.c.Account.Identifiant != hugoID {
		t.Fatalf("not logged in with the new password:\n%s", tm.screen())
	}
	if _, err := tm.store.Login(context.Background(), "hugo.lefevre", "Kiosque-Demo-2026", data.Origin{}); err == nil {
		t.Fatal("the old password still works")
	}
}

// An unknown identifiant gets exactly the same screens: the mail "sent",
// the code step, the answers to a code.
func TestRecoveryUnknownLooksTheSame(t *testing.T) {
	t.Parallel()
	real, decoy := newTestModel(t), newTestModel(t)
	for _, x := range []struct {
		tm    *testModel
		ident string
	}{{real, "hugo.lefevre"}, {decoy, "hugo.lefebvre"}} {
		x.tm.openRecovery(screens.NavigateMsg{Case: screens.RecoveryCaseForgot})
		x.tm.typeText(x.ident)
		x.tm.press("enter")
	}
	if a, b := sameShape(real.screen()), sameShape(decoy.screen()); a != b {
		t.Fatalf("an unknown identifiant shows differently:\n%s\n---\n%s", a, b)
	}
	decoy.requireScreen("Un mail a été envoyé sur votre adresse mail de secours")
	for i := 0; i < data.CodeMaxFailures; i++ {
		real.typeText("12345678")
		real.press("enter")
		decoy.typeText("12345678")
		decoy.press("enter")
		if a, b := sameShape(real.screen()), sameShape(decoy.screen()); a != b {
			t.Fatalf("wrong code %d answers differently:\n%s\n---\n%s", i+1, a, b)
		}
	}
	decoy.requireScreen("Ce code n'est plus valable")
	// A second request within the cooldown answers the same way: the code
	// step again, the resend waiting for the cooldown.
	for _, tm := range []*testModel{real, decoy} {
		tm.press("esc")
		tm.requireScreen("Recevoir un code")
		tm.press("enter")
	}
	a := sameShape(strings.ReplaceAll(real.screen(), "hugo.lefevre", "IDENT"))
	b := sameShape(strings.ReplaceAll(decoy.screen(), "hugo.lefebvre", "IDENT"))
	if a != b {
		t.Fatalf("a second request answers differently:\n%s\n---\n%s", a, b)
	}
	real.requireScreen("Un mail a été envoyé sur votre adresse mail de secours", "possible à 10:01")
}

// A pending account that asks for a new password gets its activation code,
// and goes on with the activation's own steps.
func TestRecoveryPendingGoesToActivation(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.clock.Advance(data.ResendCooldown) // the IA validation mail went out at load time
	tm.openRecovery(screens.NavigateMsg{Case: screens.RecoveryCaseForgot, Identifiant: "camille.martin"})
	tm.press("tab", "enter") // the identifiant is prefilled: "Recevoir un code"
	tm.requireScreen("Un mail a été envoyé sur votre adresse mail de secours", "ca•••••n@ex•••••e.org")
	tm.typeText(mailedCode(t, tm.store, camilleMail))
	tm.press("enter")
	if _, ok := tm.Screen().(*screens.Activation); !ok {
		t.Fatalf("not on the activation:\n%s", tm.screen())
	}
	tm.requireScreen("1ère connexion — étape 3 sur 5 : charte", "Votre compte n'a jamais été activé")
	tm.goldenStep("charter")
	tm.acceptCharter()
	tm.press("enter")
	tm.choosePassword(newPassword)
	tm.requireScreen("✓ Votre compte est activé.", camilleID)
}

// An ssh:// reset link opens the new password step directly.
func TestRecoveryFromToken(t *testing.T) {
	t.Parallel()
	s, _ := newTestStore(t)
	if _, err := s.StartReset(context.Background(), "hugo.lefevre", data.Origin{Client: "ssh:203.0.113.7"}); err != nil {
		t.Fatal(err)
	}
	token := mailedToken(t, s, hugoMail)
	ticket, err := s.OpenToken(context.Background(), token)
	if err != nil {
		t.Fatal(err)
	}
	tm := newTestModel(t, func(o *Options) {
		o.Store = s
		o.Start = screens.NavigateMsg{Page: screens.PageRecovery, Ticket: ticket}
	})
	// Opened by a link: the step names the account (homonyms get the same mail).
	tm.requireScreen("Problème de connexion — nouveau mot de passe", "Compte : "+hugoID)
	tm.goldenStep("password", token)
	tm.choosePassword("Marron-Glace-77")
	tm.requireScreen("✓ Votre mot de passe a été modifié.")
	tm.requireHidden(token, "Marron-Glace-77")
	if _, err := s.Login(context.Background(), "hugo.lefevre", "Marron-Glace-77", data.Origin{}); err != nil {
		t.Fatal(err)
	}
}

// A code proven, then left 24 h before the password: it has expired; the
// person is asked for a new one, the identifiant kept.
func TestRecoveryCodeExpiresBeforePassword(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.openRecovery(screens.NavigateMsg{Case: screens.RecoveryCaseForgot})
	tm.typeText("hugo.lefevre")
	tm.press("enter")
	tm.typeText(mailedCode(t, tm.store, hugoMail))
	tm.press("enter")
	tm.clock.Advance(24 * time.Hour)
	tm.choosePassword("Marron-Glace-77")
	tm.requireScreen("Ce code a expiré (24 h). Demandez-en un nouveau.", "mot de passe oublié", "hugo.lefevre")
	tm.requireHidden("Marron-Glace-77")
	tm.press("enter")
	tm.requireScreen("Un mail a été envoyé sur votre adresse mail de secours")
}

// "Je rencontre des problèmes de connexion": a guided checklist, each point
// with its action; nothing is looked up.
func TestRecoveryTrouble(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.openRecovery(screens.NavigateMsg{Case: screens.RecoveryCaseTrouble})
	tm.requireScreen("Problème de connexion — vérifications", "Majuscules, clavier, pavé numérique",
		"Forme de l'identifiant", "Compte jamais activé", "Fin des droits d'accès",
		"Blocage après plusieurs erreurs", "Trop de tentatives depuis ce poste", "Le code n'arrive pas",
		"Plus d'accès au mail de secours")
	tm.goldenStep("list")
	tm.press("enter")
	tm.requireScreen("point 1 sur 8", "Verr. Maj", "[ Revenir à la connexion ]", "Point suivant")
	tm.press("tab", "enter") // Point suivant
	tm.requireScreen("point 2 sur 8", "prenom.nom@etu.umontpellier.fr", "marie.petit2",
		"[ Consulter mon inscription (IA) ]")
	tm.goldenStep("ident")
	tm.press("esc")
	for range 4 {
		tm.press("down")
	}
	tm.press("enter")
	tm.requireScreen("point 5 sur 8", "Après 5 mots de passe erronés en 15 minutes", "60 s", "15 min")
	tm.goldenStep("locked")
	tm.press("enter") // Réinitialiser mon mot de passe
	tm.requireScreen("Problème de connexion — mot de passe oublié")
	tm.press("esc") // back where it came from
	tm.requireScreen("point 5 sur 8")
	tm.press("esc", "esc")
	tm.requireScreen("Gestion de comptes informatiques")
	// The IA lookup is one key away from the rights point.
	tm.openRecovery(screens.NavigateMsg{Case: screens.RecoveryCaseTrouble})
	tm.press("down", "down", "down", "enter")
	tm.requireScreen("point 4 sur 8", "31 décembre", "[ Consulter mon inscription (IA) ]")
	tm.press("enter")
	if _, still := tm.Screen().(*screens.Recovery); still {
		t.Fatalf("the IA lookup did not open:\n%s", tm.screen())
	}
}

// Keys typed while the store works never land in a field.
func TestRecoveryTypeAheadDropped(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.openRecovery(screens.NavigateMsg{Case: screens.RecoveryCaseForgot})
	tm.typeText("hugo.lefevre")
	_, cmd := tm.Model.Update(keyMsg("enter"))
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
	for _, lang := range []screens.Lang{screens.French, screens.English} {
		tm := newTestModel(t, func(o *Options) { o.Lang = lang })
		tm.openRecovery(screens.NavigateMsg{Case: screens.RecoveryCaseTrouble})
		tm.requireClean()
		tm.press("enter")
		for i := 0; i < 8; i++ {
			tm.requireClean()
			if i < 7 {
				tm.press("tab", "enter") // next point
			}
		}
		tm.requireScreen("assistance-ent@example.org")
		tm.press("esc", "esc", "tab", "enter")
		tm.requireClean()
		tm.press("esc", "down", "down", "enter")
		tm.requireClean()
	}
}

// The English title follows the link's words too.
func TestRecoveryMenuEnglish(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t, func(o *Options) { o.Lang = screens.English })
	tm.openRecovery(screens.NavigateMsg{})
	tm.requireScreen("Login problem — Computer account management")
	tm.requireClean()
}

// "Mot de passe oublié" answers an account whose rights ended exactly as it
// answers anyone (1ère connexion is where the end of rights is said).
func TestRecoveryRightsEndedLooksTheSame(t *testing.T) {
	t.Parallel()
	ended, unknown := newTestModel(t), newTestModel(t)
	for _, x := range []struct {
		tm    *testModel
		ident string
	}{{ended, "paul.bernard"}, {unknown, "paul.bernart"}} {
		x.tm.openRecovery(screens.NavigateMsg{Case: screens.RecoveryCaseForgot})
		x.tm.typeText(x.ident)
		x.tm.press("enter")
	}
	if a, b := sameShape(ended.screen()), sameShape(unknown.screen()); a != b {
		t.Fatalf("an account whose rights ended shows differently:\n%s\n---\n%s", a, b)
	}
	ended.requireScreen("Un mail a été envoyé sur votre adresse mail de secours")
}

// Going back from the new password to the code and forward again shows
// empty fields and no old refusal.
func TestRecoveryPasswordEmptyAfterEsc(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.openRecovery(screens.NavigateMsg{Case: screens.RecoveryCaseForgot})
	tm.typeText("hugo.lefevre")
	tm.press("enter")
	code := mailedCode(t, tm.store, hugoMail)
	tm.typeText(code)
	tm.press("enter")
	tm.choosePassword("Lefevre-2002")
	tm.requireScreen("Ce mot de passe ne respecte pas les règles")
	tm.press("esc")
	tm.requireScreen("Problème de connexion — mot de passe oublié", "Code reçu par mail")
	if v := tm.field("Code reçu par mail (8 chiffres)"); v != "" {
		t.Fatalf("code field not empty: %q", v)
	}
	tm.typeText(code) // not consumed: it works again
	tm.press("enter")
	tm.requireScreen("Problème de connexion — nouveau mot de passe", "8 caractères au moins (0 saisi)")
	if a, b := tm.field("Nouveau mot de passe"), tm.field("Confirmation du mot de passe"); a != "" || b != "" {
		t.Fatalf("fields kept across esc: %q %q", a, b)
	}
	if strings.Contains(tm.screen(), "ne respecte pas") {
		t.Fatalf("the old refusal is still shown:\n%s", tm.screen())
	}
	tm.typeText("Lefevre-2002") // his own data is still refused, live
	tm.requireScreen("✗ sans vos nom")
	tm.requireHidden(code, "Lefevre-2002")
}

// Esc on "mot de passe modifié" goes to a clean home; only "Se connecter"
// fills in the identifiant.
func TestRecoveryDoneEscGoesToCleanHome(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.openRecovery(screens.NavigateMsg{Case: screens.RecoveryCaseForgot})
	tm.typeText("hugo.lefevre")
	tm.press("enter")
	tm.typeText(mailedCode(t, tm.store, hugoMail))
	tm.press("enter")
	tm.choosePassword("Marron-Glace-77")
	tm.requireScreen("✓ Votre mot de passe a été modifié.")
	tm.press("esc")
	if !tm.atHome() {
		t.Fatalf("esc on the done screen did not go home: %T", tm.Screen())
	}
	if strings.Contains(tm.screen(), "hugo") {
		t.Fatalf("the identifiant stays on home:\n%s", tm.screen())
	}
	tm.requireScreen("› Identifiant")
}

// The identifiant typed on home arrives selected on "mot de passe oublié":
// typing it again replaces it.
func TestRecoveryPrefilledIdentifiantReplaced(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.typeText("hugo.lefevre")
	tm.press("tab", "tab", "tab", "tab", "enter") // "Problème de connexion"
	tm.press("tab", "enter")                      // "J'ai oublié mon mot de passe"
	tm.requireScreen("mot de passe oublié")
	if v := tm.field("Identifiant"); v != "hugo.lefevre" {
		t.Fatalf("not prefilled: %q", v)
	}
	tm.typeText("hugo.lefevre")
	if v := tm.field("Identifiant"); v != "hugo.lefevre" {
		t.Fatalf("typing appended to the prefilled identifiant: %q", v)
	}
	tm.press("enter")
	tm.requireScreen("Un mail a été envoyé sur votre adresse mail de secours", "hu•••••e@ex•••••e.org")
}
