package screens

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"entkiosk/data"
)

const (
	camilleMail = "camille.martin@example.org"
	camilleID   = "camille.martin@etu.umontpellier.fr"
	newPassword = "Soleil-Vert-2026"
	hugoMail    = "hugo.lefevre@example.org"
)

// identify types an identifiant on the first step of the activation.
func (tm *screenFlow) identify(ident string) {
	tm.typeText(ident)
	tm.press("enter")
}

// identifyByNumber takes the student-number way in from the first step.
func (tm *screenFlow) identifyByNumber(number, birth string) {
	tm.press("tab", "tab", "enter")
	tm.typeText(number)
	tm.press("enter")
	tm.typeText(birth)
	tm.press("enter")
}

// leaByNumber: Léa Dubois, whose IA was validated 5 minutes ago.
func (tm *screenFlow) leaByNumber() { tm.identifyByNumber("22004567", "03022005") }

// firstLoginSent is what « 1ère connexion » says to every identifiant.
const firstLoginSent = "Un mail a été envoyé à l'adresse personnelle de ce compte : %s. Il contient votre " +
	"code d'activation, ou vous dit ce qui s'applique à ce compte."

// camilleCode identifies Camille Martin on the activation's first step and
// returns the code mailed to her: the code step is shown.
func (tm *screenFlow) camilleCode() string {
	tm.t.Helper()
	tm.identify("camille.martin")
	return mailedCode(tm.t, tm.store, camilleMail)
}

// camilleAtCharter brings Camille Martin to the charter with her code.
func (tm *screenFlow) camilleAtCharter() {
	tm.t.Helper()
	tm.typeText(tm.camilleCode())
	tm.press("enter")
}

// acceptCharter ticks the charter and goes on.
func (tm *screenFlow) acceptCharter() {
	tm.t.Helper()
	tm.require("étape 3 sur 5 : charte")
	tm.press("space", "tab", "enter")
	tm.require("étape 4 sur 5 : messagerie")
}

// choosePassword types the password twice and submits.
func (tm *screenFlow) choosePassword(pw string) {
	tm.typeText(pw)
	tm.press("enter")
	tm.typeText(pw)
	tm.press("enter")
}

// A whole activation of Camille Martin, up to « Se connecter » with the new
// password, every step on a golden screen; the code is read from the outbox.
func TestActivationCamilleEndToEnd(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageActivation)
	tm.require("1ère connexion — étape 1 sur 5 : identification", "Identifiant",
		"Je ne connais pas mon identifiant")
	tm.goldenStep("1-identify")

	tm.identify("Camille.Martin")
	tm.require("étape 2 sur 5 : code d'activation")
	tm.requireSaid(fmt.Sprintf(firstLoginSent, "ca•••••n@ex•••••e.org"))
	code := mailedCode(t, tm.store, camilleMail)
	if n := codeMails(t, tm.store, camilleMail); n != 1 {
		t.Fatalf("%d code mails: the one of the IA validation should be used", n)
	}
	tm.goldenStep("2-code", code)

	tm.typeText(code)
	tm.press("enter")
	tm.require("CHARTE D'USAGE DES RESSOURCES NUMÉRIQUES", "[ ] J'ai lu la charte et je l'accepte")
	tm.goldenStep("3-charter", code)
	// Scrolling shows the rest; going on without accepting is refused.
	tm.press("pgdown", "pgdown", "pgdown", "pgdown")
	tm.require("9. Sanctions.", "(lu à 100 %)")
	tm.requireWidth(80)
	tm.press("tab", "enter")
	tm.require("Vous devez accepter la charte pour activer votre compte.", "étape 3 sur 5")
	tm.press("space")
	tm.require("[x] J'ai lu la charte et je l'accepte")
	tm.press("tab", "enter")

	tm.require("Votre messagerie universitaire est prête : "+camilleID, "ca•••••n@ex•••••e.org",
		"Non : je lis mes messages", "Oui, en gardant une copie", "Oui, sans garder de copie")
	tm.goldenStep("4-redirect", code)
	tm.press("down", "enter")

	tm.require("étape 5 sur 5 : mot de passe", "Nouveau mot de passe", "Confirmation du mot de passe",
		"8 caractères au moins (0 saisi)", "Robustesse")
	tm.goldenStep("5-password", code)
	tm.typeText(newPassword)
	tm.press("enter")
	tm.typeText(newPassword)
	tm.require("✓ 8 caractères au moins (16 saisis)", "✓ les deux saisies sont identiques", "excellente")
	tm.goldenStep("5-password-typed", code, newPassword)
	tm.press("enter")

	tm.require("1ère connexion — compte activé", "✓ Votre compte est activé.", camilleID,
		"vers ca•••••n@ex•••••e.org, copie conservée", "camille.martin suffit", "borne ENT du campus",
		"depuis chez vous (voir l'aide, F1)", "[ Se connecter ]")
	if strings.Contains(tm.text(), "SSH") {
		t.Fatalf("jargon on the done screen:\n%s", tm.text())
	}
	tm.goldenStep("6-done", code, newPassword)

	acct, err := tm.store.Login(context.Background(), "camille.martin", newPassword, data.Origin{Client: "other"})
	if err != nil || acct.Status != data.StatusActive || acct.RedirectEmail != camilleMail || !acct.KeepCopy {
		t.Fatalf("account after activation: %+v, %v", acct, err)
	}

	tm.press("enter") // Se connecter: home, the identifiant prefilled
	if nav := tm.askedPage(PageHome); nav.Identifiant != camilleID {
		t.Fatalf("home asked with identifiant %q", nav.Identifiant)
	}
	tm.requireHidden(newPassword, code)
}

// Léa's IA was validated 5 minutes ago: activation opens 10 minutes
// later. By student number (which proves who she is) it is said at once;
// by identifiant, once she types her code (the mail leaves at 10:10).
// « (dans N min) » counts down while it is on screen.
func TestActivationTooEarly(t *testing.T) {
	t.Parallel()
	var ticks tickRecorder
	tm := newFlow(t, PageActivation, ticks.option)
	tm.leaByNumber()
	tm.require("Activation possible à partir de 10:10 (dans 10 min)", "[ Réessayer ]", "Retour à l'accueil")
	if n := codeMails(t, tm.store, "lea.dubois@example.org"); n != 1 {
		t.Fatalf("%d code mails, want only the one due at 10:10", n)
	}
	tm.goldenStep("too-early")
	// A redraw at each minute, not a tick every second.
	if st := ticks.ticks; len(st) != 1 || st[0].d != time.Minute {
		t.Fatalf("timers: %+v", st)
	}
	tm.clock.Advance(time.Minute)
	tm.fire(&ticks)
	tm.require("Activation possible à partir de 10:10 (dans 9 min)")
	tm.clock.Advance(9 * time.Minute)
	tm.fire(&ticks)
	tm.require("Votre compte peut maintenant être activé.")
	tm.press("enter")
	tm.require("étape 2 sur 5 : code d'activation", "le•••••s@ex•••••e.org")
	tm.typeText(mailedCode(t, tm.store, "lea.dubois@example.org"))
	tm.press("enter")
	tm.require("étape 3 sur 5 : charte")

	// By identifiant: the same code step as anyone's; her code says when.
	id := newFlow(t, PageActivation)
	id.identify("lea.dubois")
	id.requireSaid(fmt.Sprintf(firstLoginSent, "le•••••s@ex•••••e.org"))
	id.typeText(mailedCode(t, id.store, "lea.dubois@example.org"))
	id.press("enter")
	id.require("Activation possible à partir de 10:10 (dans 10 min)", "[ Réessayer ]")
	id.clock.Advance(10 * time.Minute)
	id.press("enter") // Réessayer: back to the code, which now works
	id.require("étape 2 sur 5 : code d'activation")
	id.typeText(mailedCode(t, id.store, "lea.dubois@example.org"))
	id.press("enter")
	id.require("étape 3 sur 5 : charte")
}

// By student number and birth date, for someone who does not know the
// identifiant: the second Marie Petit gets marie.petit2, and her own code.
func TestActivationByStudentNumberHomonym(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageActivation)
	tm.press("tab", "tab", "enter") // "Je ne connais pas mon identifiant"
	tm.require("Numéro étudiant", "8 chiffres", "Date de naissance")
	tm.goldenStep("1-by-number")

	tm.typeText("2220000")
	tm.press("enter")
	tm.typeText("12102003")
	tm.press("enter")
	tm.require("Le numéro étudiant comporte exactement 8 chiffres.")
	tm.typeText("2") // the focus went back to the number
	tm.press("tab")
	for range 8 {
		tm.press("backspace")
	}
	tm.typeText("31022003") // no 31 February
	tm.press("enter")
	tm.require("Date invalide")
	for range 8 {
		tm.press("backspace")
	}
	tm.typeText("12/10/2003")
	tm.press("enter")
	tm.require("étape 2 sur 5", "mp•••••3@ex•••••e.org")

	// Her homonym's code does not open her account.
	other := mailedCode(t, tm.store, "marie.petit@example.org")
	tm.typeText(other)
	tm.press("enter")
	tm.require("Code incorrect. Il vous reste 4 essais.")
	tm.typeText(mailedCode(t, tm.store, "mpetit.2003@example.org"))
	tm.press("enter")
	tm.acceptCharter()
	tm.press("enter") // no redirection
	tm.choosePassword(newPassword)
	tm.require("✓ Votre compte est activé.", "marie.petit2@etu.umontpellier.fr",
		"aucune : vos messages restent dans votre messagerie")
	tm.goldenStep("6-done", newPassword)
	if _, err := tm.store.Login(context.Background(), "marie.petit2", newPassword, data.Origin{}); err != nil {
		t.Fatal(err)
	}
	if _, err := tm.store.Login(context.Background(), "marie.petit", newPassword, data.Origin{}); err == nil {
		t.Fatal("the homonym was activated too")
	}
}

// A wrong student number + birth date pair says only that nothing matches.
func TestActivationByStudentNumberNoMatch(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageActivation)
	tm.press("tab", "tab", "enter")
	tm.typeText("21901234")
	tm.press("enter")
	tm.typeText("15072004")
	tm.press("enter")
	tm.require("Aucune inscription ne correspond à ce numéro étudiant et à cette date de")
	tm.press("esc") // back to the identifiant
	tm.require("Identifiant", "Je ne connais pas mon identifiant")
}

var maskPattern = regexp.MustCompile(`[^\s•]{1,2}•••••[^\s•@]?@([^\s•]{1,2}•••••[^\s•.]?\.[a-z]+|[a-z]+\.[a-z]+)`)

// sameShape hides the only thing allowed to differ: the masked address.
func sameShape(s string) string {
	lines := strings.Split(maskPattern.ReplaceAllString(s, "x•••••@x•••••.xx"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ") // the padding after the mask
	}
	return strings.Join(lines, "\n")
}

// « 1ère connexion » answers every identifiant alike (issue 13.3):
// unknown, not activated, active, rights ended get the same words and a
// mask of the same shape; only the owner's mail says what applies.
func TestActivationAnswersEveryIdentifiantAlike(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{French, English} {
		var first string
		for _, ident := range []string{"jean-luc.dalambert", "camille.martin", "hugo.lefevre", "paul.bernard"} {
			tm := newFlow(t, PageActivation, func(c *Common) { c.Lang = lang })
			tm.identify(ident)
			tm.require("2") // étape 2 sur 5 / step 2 of 5
			tm.requireClean()
			shape := sameShape(tm.text())
			if ident == "camille.martin" && lang == French {
				tm.goldenStep("camille") // a real mask: a decoy's follows the store's secret
			}
			if first == "" {
				first = shape
				continue
			}
			if shape != first {
				t.Fatalf("%s shows differently from an unknown identifiant:\n%s\n---\n%s", ident, shape, first)
			}
		}
	}
	// The owners' mails say what applies; nobody gets the unknown one's.
	tm := newFlow(t, PageActivation)
	for _, ident := range []string{"hugo.lefevre", "paul.bernard"} {
		tm.open(PageActivation)
		tm.identify(ident)
	}
	for addr, kind := range map[string]data.MailKind{hugoMail: data.MailAlreadyActive,
		"paul.bernard@example.org": data.MailRightsEnded} {
		mails, err := tm.store.Outbox(context.Background(), data.OutboxFilter{To: addr})
		if err != nil || len(mails) == 0 || mails[0].Kind != kind {
			t.Fatalf("%s: mails %+v, %v; want a %s", addr, mails, err, kind)
		}
	}
}

// Esc from the code step keeps what was typed, to be corrected; the
// student-number way in is there.
func TestActivationUnknownIdentifiantCorrected(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageActivation)
	tm.identify("jean-luc.dalambert")
	tm.require("étape 2 sur 5 : code d'activation", "Vérifiez l'identifiant saisi")
	tm.press("esc")
	if v := tm.field("Identifiant"); v != "jean-luc.dalambert" {
		t.Fatalf("the identifiant is not kept to be corrected: %q", v)
	}
	tm.require("Je ne connais pas mon identifiant")
	for range len("ambert") {
		tm.press("backspace")
	}
	tm.identify("embert")
	tm.require("étape 2 sur 5 : code d'activation", "jl•••••t@ex•••••e.org")
}

// Every identifiant asked counts against the terminal, as lost password's
// requests do: the 31st in an hour is refused, whoever it names.
func TestActivationRequestsCountAgainstTheTerminal(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageActivation)
	for i := 1; i <= data.ResetRequestsPerHour; i++ {
		if _, err := tm.store.RequestActivation(context.Background(), "x.y"+string(rune('a'+i%26))+string(rune('a'+i/26)),
			tm.c.Origin()); err != nil {
			t.Fatalf("%d: %v", i, err)
		}
	}
	tm.identify("camille.martin")
	tm.require("Trop de")
	if n := codeMails(t, tm.store, camilleMail); n != 1 {
		t.Fatalf("%d code mails from a blocked terminal", n)
	}
}

// The rights ended: by student number (which proves who one is) it is
// said, with what to do next; no code.
func TestActivationRightsEnded(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageActivation)
	tm.identifyByNumber("21500042", "05051999")
	tm.require("de ce compte ont pris fin.", "Pour vous réinscrire : service de scolarité de votre composante")
	tm.requireNoDate()
	if n := codeMails(t, tm.store, "paul.bernard@example.org"); n != 0 {
		t.Fatalf("%d code mails to an account whose rights ended", n)
	}
	tm.goldenStep("rights-ended")
	en := newFlow(t, PageActivation, func(c *Common) { c.Lang = English })
	en.identifyByNumber("21500042", "05051999")
	en.require("This account's access to the digital resources has ended.", "register again")
	en.requireNoDate()
	en.requireClean()
}

// requireNoDate fails if Paul Bernard's end of rights shows.
func (tm *screenFlow) requireNoDate() {
	tm.t.Helper()
	if s := tm.text(); strings.Contains(s, "31/12/2025") || strings.Contains(s, "2025") {
		tm.t.Fatalf("the date the rights ended shows with no password:\n%s", s)
	}
}

// An active account is never activated again: by student number it goes
// to "mot de passe oublié".
func TestActivationAlreadyActive(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageActivation)
	tm.identifyByNumber("21805555", "21112002")
	if nav := tm.askedPage(PageRecovery); nav.Case != RecoveryCaseForgot {
		t.Fatalf("recovery asked for the case %q", nav.Case)
	}
	if n := codeMails(t, tm.store, hugoMail); n != 0 {
		t.Fatalf("%d code mails sent to an active account", n)
	}
}

// Issue 12.7: the mail's link used in another session; the code typed in
// this one says the account is active and offers to log in.
func TestActivationCodeUsedInAnotherSession(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageActivation)
	code := tm.camilleCode()
	ctx := context.Background()
	other := data.Origin{Client: "other"} // the other session, by student number
	ac, err := tm.store.StartActivation(ctx, data.ActivationIdentity{StudentNumber: "21901234",
		BirthDate: time.Date(2004, 7, 14, 0, 0, 0, 0, data.ParisLocation())}, other)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := tm.store.ActivationChallenge(ctx, ac, false, other)
	if err != nil {
		t.Fatal(err)
	}
	tk, err := tm.store.VerifyCode(ctx, ch, code, other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tm.store.CompleteActivation(ctx, tk, data.ActivationChoice{CharterAccepted: true, Password: newPassword},
		data.Origin{Client: "other"}); err != nil {
		t.Fatal(err)
	}
	tm.typeText(code)
	tm.press("enter")
	tm.require("✓ Votre compte est déjà activé", "[ Se connecter ]", "Mot de passe oublié")
	if strings.Contains(tm.text(), "plus valable") {
		t.Fatalf("the used code is called invalid:\n%s", tm.text())
	}
	tm.goldenStep("active-elsewhere", code)
	tm.press("enter")
	if nav := tm.askedPage(PageHome); nav.Identifiant != "camille.martin" {
		t.Fatalf("home asked with identifiant %q", nav.Identifiant)
	}
}

// Issue 12.1: the first mail read too late. Its code typed after « 1ère
// connexion » sent a new one is recognised, said for what it is (with the
// new mail's time and address) and not counted.
func TestActivationExpiredFirstMail(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageActivation)
	first := mailedCode(t, tm.store, camilleMail) // the import's mail
	tm.clock.Advance(25 * time.Hour)              // 26/11 11:00
	tm.identify("camille.martin")
	for range data.CodeMaxFailures {
		tm.typeText(first)
		tm.press("enter")
	}
	tm.requireSaid("✗ Ce code vient d'un mail précédent, qui a expiré (il était valable jusqu'au 26/11/2026 à 09:59). " +
		"Un nouveau mail est parti à 11:00 vers ca•••••n@ex•••••e.org : saisissez le code qu'il contient.")
	tm.goldenStep("expired-first-mail", first)
	tm.typeText(mailedCode(t, tm.store, camilleMail))
	tm.press("enter")
	tm.require("étape 3 sur 5 : charte")
}

// A code entered 24 h later has expired: a new one is offered, and works.
func TestActivationExpiredCode(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageActivation)
	code := tm.camilleCode()
	tm.clock.Advance(24 * time.Hour)
	tm.typeText(code)
	tm.press("enter")
	tm.require("Ce code a expiré (24 h). Demandez-en un nouveau.", "› Recevoir un nouveau code")
	tm.goldenStep("expired", code)
	tm.press("enter")
	tm.require("Un nouveau code a été envoyé")
	fresh := mailedCode(t, tm.store, camilleMail)
	tm.typeText(fresh)
	tm.press("enter")
	tm.acceptCharter()
}

// Five wrong codes revoke the code; a new one comes after the cooldown.
func TestActivationWrongCodeFiveTimes(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageActivation)
	code := tm.camilleCode()
	for i := 0; i < data.CodeMaxFailures; i++ {
		tm.typeText(wrongCode(code))
		tm.press("enter")
		tm.requireHidden(wrongCode(code), code)
	}
	tm.require("Ce code n'est plus valable : demandez-en un nouveau.",
		"Recevoir un nouveau code : possible à 10:01")
	if strings.Contains(tm.text(), "valable jusqu'au") {
		t.Fatalf("a revoked code still says until when it works:\n%s", tm.text())
	}
	tm.goldenStep("revoked", code)
	// The right code no longer helps: the field is gone until a new code.
	tm.clock.Advance(data.ResendCooldown)
	tm.press("tab")
	tm.require("› Recevoir un nouveau code")
	tm.press("enter")
	if fresh := mailedCode(t, tm.store, camilleMail); fresh == code {
		t.Fatal("no new code")
	}
	tm.typeText(code)
	tm.press("enter")
	tm.requireSaid("Ce code vient d'un mail précédent et n'est plus valable : saisissez le code du dernier mail reçu.")
	tm.typeText(mailedCode(t, tm.store, camilleMail))
	tm.press("enter")
	tm.acceptCharter()
}

// "Renvoyer le code" appears at the end of the cooldown (one refresh), sends
// a new code, and the old one stops working.
func TestActivationResend(t *testing.T) {
	t.Parallel()
	var ticks tickRecorder
	tm := newFlow(t, PageActivation, ticks.option)
	old := tm.camilleCode()
	tm.require("Renvoyer le code : possible à 10:01")
	tm.clock.Advance(data.ResendCooldown)
	tm.fire(&ticks)
	tm.press("tab", "tab")
	tm.require("› Renvoyer le code")
	tm.goldenStep("resend-offered", old)
	tm.press("enter")
	tm.require("Un nouveau code a été envoyé ; le précédent ne fonctionne plus.", "Renvoyer le code : possible à 10:02")
	if n := codeMails(t, tm.store, camilleMail); n != 2 {
		t.Fatalf("%d code mails, want 2", n)
	}
	tm.typeText(old)
	tm.press("enter")
	tm.requireSaid("Ce code vient d'un mail précédent, remplacé par celui parti à 10:01 vers ca•••••n@ex•••••e.org")
	tm.typeText(mailedCode(t, tm.store, camilleMail))
	tm.press("enter")
	tm.acceptCharter()
}

// A refused password keeps both fields (masked), with the reason.
func TestActivationRefusedPasswordKeepsFields(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageActivation)
	tm.camilleAtCharter()
	tm.acceptCharter()
	tm.press("enter")
	// Built on her own data: refused, and said so.
	tm.choosePassword("Camille2004x")
	tm.require("✗ Ce mot de passe ne respecte pas les règles ci-dessous.",
		"✗ sans vos nom, prénom, identifiant")
	if a, b := tm.field("Nouveau mot de passe"), tm.field("Confirmation du mot de passe"); a != "••••••••••••" || b != a {
		t.Fatalf("fields not kept: %q %q", a, b)
	}
	tm.goldenStep("refused", "Camille2004x")
	// A different confirmation: refused under the confirmation.
	for range 12 {
		tm.press("backspace")
	}
	tm.typeText(newPassword)
	tm.press("tab")
	tm.press("enter")
	tm.require("Les deux saisies sont différentes.", "étape 5 sur 5")
	for range 12 {
		tm.press("backspace")
	}
	tm.typeText(newPassword)
	tm.press("enter")
	tm.require("✓ Votre compte est activé.")
	tm.requireHidden(newPassword, "Camille2004x")
}

// An ssh:// link (its token turned into a ticket) opens the charter: the
// code is already proven. Esc at that first step leaves the page.
func TestActivationFromToken(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageHome)
	s := tm.store
	token := mailedToken(t, s, camilleMail)
	ticket, err := s.OpenToken(context.Background(), token)
	if err != nil {
		t.Fatal(err)
	}
	tm.screen = Open(tm.c, NavigateMsg{Page: PageActivation, Ticket: ticket})
	tm.settle(tm.screen.Init())
	tm.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	// Opened by a link, nothing typed here named the account: each step does.
	const account = "Compte : " + camilleID
	tm.require("1ère connexion — étape 3 sur 5 : charte", account)
	tm.goldenStep("charter", token)
	tm.acceptCharter()
	tm.require(account)
	tm.press("esc")
	tm.require("étape 3 sur 5 : charte", "[x] J'ai lu") // one step back, still accepted
	tm.press("enter")                                   // the focus stayed on "Continuer"
	tm.press("down", "down", "enter")                   // redirect without a copy
	tm.require("étape 5 sur 5 : mot de passe", account)
	tm.goldenStep("password")
	tm.choosePassword(newPassword)
	tm.require("✓ Votre compte est activé.", "vers ca•••••n@ex•••••e.org, sans copie")
	tm.requireHidden(token, newPassword)
	// The link is used up.
	if _, err := s.OpenToken(context.Background(), token); err == nil {
		t.Fatal("the link still opens")
	}
}

// Esc goes one step back inside the flow; the code is not consumed by going back.
func TestActivationEscSteps(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageActivation)
	code := tm.camilleCode()
	tm.typeText(code)
	tm.press("enter")
	tm.acceptCharter()
	tm.press("esc")
	tm.require("étape 3 sur 5 : charte", "[x] J'ai lu la charte")
	tm.press("esc")
	tm.require("étape 2 sur 5 : code d'activation")
	tm.typeText(code) // the same code still works
	tm.press("enter")
	tm.require("étape 3 sur 5 : charte")
	tm.press("esc", "esc")
	tm.require("étape 1 sur 5 : identification", "camille.martin")
	tm.press("esc") // back where the activation was opened from
	if _, back := tm.lastAsked().(BackMsg); !back {
		t.Fatalf("esc at the first step asked %#v, not to go back", tm.lastAsked())
	}
	if strings.Contains(tm.text(), code) {
		t.Fatal("code visible")
	}
}

// Keys typed while the store works never land in a field.
func TestActivationTypeAheadDropped(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageActivation)
	// A burst: identifiant, Enter, then a code typed before the answer. The
	// test settles each key, so simulate the busy screen directly.
	tm.typeText("camille.martin")
	var cmd tea.Cmd
	tm.screen, cmd = tm.screen.Update(tea.KeyMsg{Type: tea.KeyEnter}) // the store call is not run yet
	tm.typeText("99999999")                                           // typed while busy
	tm.settle(cmd)
	if v := tm.field("Code reçu par mail (8 chiffres)"); v != "" {
		t.Fatalf("typed-ahead keys reached the code field: %q", v)
	}
}

// The whole activation in English, every step with its text.
func TestActivationEnglish(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageActivation, func(c *Common) { c.Lang = English })
	tm.require("First login — step 1 of 5: who you are")
	tm.requireClean()
	tm.press("tab", "tab", "enter")
	tm.require("Student number", "Birth date")
	tm.requireClean()
	tm.typeText("22004567")
	tm.press("enter")
	tm.typeText("03022005")
	tm.press("enter")
	tm.require("Activation possible from 10:10 (in 10 min)")
	tm.requireClean()
	tm.press("esc", "esc")
	tm.identify("camille.martin")
	tm.requireSaid("A mail was sent to this account's personal address: ca•••••n@ex•••••e.org. It holds your " +
		"activation code, or tells you what applies to this account.")
	tm.require("Send the code again: possible at 10:01")
	tm.requireClean()
	tm.typeText(mailedCode(t, tm.store, camilleMail))
	tm.press("enter")
	tm.require("CHARTER FOR THE USE", "I have read the charter and I accept it")
	tm.requireClean()
	tm.c.Lang = French // F2, the shell's key: French at any time, the charter too
	tm.require("CHARTE D'USAGE", "J'ai lu la charte")
	tm.c.Lang = English
	tm.press("space", "tab", "enter")
	tm.require("Your university mailbox is ready", "Yes, keeping a copy")
	tm.requireClean()
	tm.press("down", "down", "enter")
	tm.require("New password", "at least 8 characters")
	tm.requireClean()
	tm.choosePassword(newPassword)
	tm.require("Your account is activated.", "to ca•••••n@ex•••••e.org, no copy kept", "camille.martin is enough")
	tm.requireClean()
	tm.goldenStep("done", newPassword)
}

// The charter follows the window: more text on a larger terminal, and the
// body always fits.
func TestActivationCharterResize(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageActivation)
	tm.camilleAtCharter()
	if strings.Contains(tm.text(), "4. Respect de la loi.") {
		t.Fatal("the whole charter fits at 80×24? the test needs a longer text")
	}
	tm.resize(120, 40)
	tm.require("4. Respect de la loi.", "[ ] J'ai lu la charte")
	if h := lipgloss.Height(tm.screen.View()); h > tm.c.BodyHeight() {
		t.Fatalf("body %d lines at 120×40, %d available", h, tm.c.BodyHeight())
	}
	tm.resize(80, 24)
	if h := lipgloss.Height(tm.screen.View()); h > tm.c.BodyHeight() {
		t.Fatalf("body %d lines at 80×24, %d available", h, tm.c.BodyHeight())
	}
}

// Going back from the password step and forward again shows empty fields
// and no old refusal; the checklist still knows the person's data.
func TestActivationPasswordEmptyAfterEsc(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageActivation)
	tm.camilleAtCharter()
	tm.acceptCharter()
	tm.press("enter")
	tm.choosePassword("Camille2004x")
	tm.require("✗ Ce mot de passe ne respecte pas les règles ci-dessous.")
	tm.press("esc")
	tm.require("étape 4 sur 5 : messagerie")
	tm.press("enter")
	tm.require("étape 5 sur 5 : mot de passe", "8 caractères au moins (0 saisi)")
	if a, b := tm.field("Nouveau mot de passe"), tm.field("Confirmation du mot de passe"); a != "" || b != "" {
		t.Fatalf("fields kept across esc: %q %q", a, b)
	}
	if strings.Contains(tm.text(), "ne respecte pas") {
		t.Fatalf("the old refusal is still shown:\n%s", tm.text())
	}
	tm.typeText("Camille2004x") // her own data is still refused, live
	tm.require("✗ sans vos nom, prénom, identifiant")
	for range len("Camille2004x") {
		tm.press("backspace")
	}
	tm.choosePassword(newPassword)
	tm.require("✓ Votre compte est activé.")
}

// A "from" time is rounded up to the minute: open from 10:10:06, it is
// announced for 10:11, never for 10:10 (refused at 10:10:03). Réessayer
// before then says from when, rather than showing the same screen again.
func TestActivationTooEarlyRoundsUp(t *testing.T) {
	t.Parallel()
	tm := newFlowOn(t, flowNow.Add(6*time.Second), NavigateMsg{Page: PageActivation}) // Léa's IA validated at 09:55:06
	tm.leaByNumber()
	tm.require("Activation possible à partir de 10:11 (dans 11 min)")
	tm.clock.Advance(10*time.Minute - 3*time.Second) // 10:10:03: still refused
	tm.require("Activation possible à partir de 10:11 (dans 1 min)")
	tm.press("enter") // Réessayer
	tm.require("✗ Pas encore : possible à partir de 10:11 (dans 1 min).")
	tm.require("[ Réessayer ]")
	tm.requireWidth(80)
	tm.clock.Advance(3 * time.Second) // 10:10:06
	tm.require("Votre compte peut maintenant être activé.")
	if strings.Contains(tm.text(), "Pas encore") {
		t.Fatalf("the refusal stays once it is possible:\n%s", tm.text())
	}
	tm.press("enter")
	tm.require("étape 2 sur 5 : code d'activation")
}
