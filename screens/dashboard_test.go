package screens

import (
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
)

const (
	dashHugoPassword = "Kiosque-Demo-2026"
	dashHugoRecovery = "hugo.lefevre@example.org"
)

// dashAction opens an action of the dashboard's menu by its label.
func (tm *screenFlow) dashAction(label string) {
	tm.t.Helper()
	for range 8 {
		for _, line := range strings.Split(tm.text(), "\n") {
			if strings.Contains(line, "› "+label) {
				tm.press("enter")
				return
			}
		}
		tm.press("tab")
	}
	tm.t.Fatalf("no action %q:\n%s", label, tm.text())
}

// bullets is the number of • on the line after a field's label: what a
// secret field holds, without showing it.
func (tm *screenFlow) bullets(label string) int {
	tm.t.Helper()
	lines := strings.Split(tm.text(), "\n")
	for i, line := range lines {
		if strings.HasSuffix(strings.TrimSpace(line), label) && i+1 < len(lines) {
			return strings.Count(lines[i+1], "•")
		}
	}
	tm.t.Fatalf("no field %q:\n%s", label, tm.text())
	return 0
}

// clearField empties the focused field (ctrl+u: everything before the cursor).
func (tm *screenFlow) clearField() {
	tm.t.Helper()
	tm.send(tea.KeyMsg{Type: tea.KeyCtrlU})
}

// dashSubmit types an address and the current password into a step whose
// focus is on its (empty) address field, and submits with Enter.
func (tm *screenFlow) dashSubmit(address, password string) {
	tm.t.Helper()
	tm.typeText(address)
	tm.press("enter") // to the password
	tm.typeText(password)
	tm.press("enter")
}

var outboxCodeLine = regexp.MustCompile(`(?m)^Code ?: ?([0-9]{8})$`)

// outboxCode is the code of the newest mail to address.
func outboxCode(t testing.TB, s *data.Store, address string) string {
	t.Helper()
	mails, err := s.Outbox(t.Context(), data.OutboxFilter{To: address, Limit: 1})
	if err != nil || len(mails) == 0 {
		t.Fatalf("no mail to %s (%v)", address, err)
	}
	m := outboxCodeLine.FindStringSubmatch(mails[0].Body)
	if m == nil {
		t.Fatalf("no code in the mail to %s:\n%s", address, mails[0].Body)
	}
	return m[1]
}

// pagesMailsTo counts the mails of a kind to address.
func pagesMailsTo(t testing.TB, s *data.Store, address string, kind data.MailKind) int {
	t.Helper()
	mails, err := s.Outbox(t.Context(), data.OutboxFilter{To: address})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range mails {
		if m.Kind == kind {
			n++
		}
	}
	return n
}

func TestDashboardOverview(t *testing.T) {
	t.Parallel()
	tm := newLoggedIn(t, "hugo.lefevre", dashHugoPassword)
	tm.require("Mon compte", "Hugo Lefèvre", "Statut : étudiant", "compte actif",
		"Identifiant      hugo.lefevre@etu.umontpellier.fr",
		"Ressources accessibles jusqu'au 31/12/2027",
		"Mail de secours  hu•••••e@ex•••••e.org", "Redirection      aucune",
		"Services de l'ENT", "Messagerie", "webmail.umontpellier.fr", "BIU", "bibliothèques", "Moodle",
		"moodle.umontpellier.fr", "Emploi du temps", "ENT mobile", "Wi-Fi eduroam",
		"› Mot de passe", "Mail de secours", "Redirection", "Déconnexion")
	tm.requireHidden(dashHugoRecovery, "Console assistance")
	tm.requireWidth(80)
	tm.requireGolden()

	tm.c.Lang = English // F2
	tm.require("My account", "Resources accessible until 31/12/2027", "ENT services", "Log out")
	tm.requireWidth(80)
}

func TestDashboardHelpdeskEntry(t *testing.T) {
	t.Parallel()
	tm := newLoggedIn(t, "ines.moreau", "Helpdesk-Demo-2026")
	tm.require("Inès Moreau", "Statut : personnel", "assistance", "ines.moreau@umontpellier.fr",
		"Ressources accessibles jusqu'au 31/08/2029", "Console assistance")
	tm.requireWidth(80)
	tm.dashAction("Console assistance")
	tm.askedPage(PageHelpdesk)
	tm.require("Mon compte", "Inès Moreau")
}

func TestDashboardChangePassword(t *testing.T) {
	t.Parallel()
	const next = "Tulipe-Orage-Violon-42"
	tm := newLoggedIn(t, "hugo.lefevre", dashHugoPassword)
	tm.dashAction("Mot de passe")
	tm.require("Changer mon mot de passe", "Mot de passe actuel", "Nouveau mot de passe",
		"Confirmation du mot de passe", "· 8 caractères au moins (0 saisi)", "[ Changer le mot de passe ]")
	tm.requireWidth(80)

	// Wrong current password: refused and cleared; the new one is kept.
	tm.typeText("Not-The-Password-1")
	tm.press("enter")
	tm.typeText(next)
	tm.press("enter")
	tm.typeText(next)
	tm.press("enter")
	tm.require("✗ Mot de passe actuel incorrect.", "✓ les deux saisies sont identiques")
	if tm.bullets("Mot de passe actuel") != 0 || tm.bullets("Nouveau mot de passe") != len(next) ||
		tm.bullets("Confirmation du mot de passe") != len(next) {
		t.Fatalf("fields after a wrong current password:\n%s", tm.text())
	}
	tm.requireHidden("Not-The-Password-1", next, dashHugoPassword)
	tm.requireGolden()

	tm.typeText(dashHugoPassword)
	tm.press("enter", "enter", "enter")
	tm.require("Mon compte", "✓ Mot de passe modifié. Un avis a été envoyé à votre mail de secours.")
	tm.requireHidden(next, dashHugoPassword)
	if n := pagesMailsTo(t, tm.store, dashHugoRecovery, data.MailPasswordChanged); n != 1 {
		t.Fatalf("%d password notices", n)
	}

	// The new password is the one that works now. (A person takes more
	// than a second between two failures: faster is a script, locked.)
	tm.dashAction("Déconnexion")
	if _, out := tm.lastAsked().(LogoutMsg); !out {
		t.Fatalf("Déconnexion asked %#v", tm.lastAsked())
	}
	tm.clock.Advance(time.Minute)
	if _, err := tm.store.Login(t.Context(), "hugo.lefevre", dashHugoPassword, tm.c.Origin()); err == nil {
		t.Fatal("the old password still logs in")
	}
	tm.clock.Advance(2 * time.Minute)
	tm.login("hugo.lefevre", next)
	tm.require("Mon compte", "Hugo Lefèvre")
}

// A password the rules refuse keeps both entries, to be corrected, and
// never reaches the store.
func TestDashboardRefusedNewPasswordKeepsFields(t *testing.T) {
	t.Parallel()
	tm := newLoggedIn(t, "hugo.lefevre", dashHugoPassword)
	tm.dashAction("Mot de passe")
	tm.typeText(dashHugoPassword)
	tm.press("enter")
	tm.typeText("Saphir<Tortue-Ocre7")
	tm.press("enter")
	tm.typeText("Saphir<Tortue-Ocre7")
	tm.press("enter")
	tm.require("✗ Ce mot de passe ne respecte pas les règles ci-dessous.",
		"✗ caractère « < » interdit (position 7)", "› Nouveau mot de passe")
	if tm.bullets("Nouveau mot de passe") != 19 || tm.bullets("Confirmation du mot de passe") != 19 ||
		tm.bullets("Mot de passe actuel") != len(dashHugoPassword) {
		t.Fatalf("fields not kept:\n%s", tm.text())
	}
	tm.requireHidden("Saphir<Tortue-Ocre7")
	tm.requireWidth(80)
	tm.requireGolden("policy")

	// Corrected in place: the < becomes a -, then the confirmation follows.
	for range len("Tortue-Ocre7") {
		tm.press("left")
	}
	tm.press("backspace")
	tm.typeText("-")
	tm.require("✓ aucun des caractères", "✓ pas un mot du dictionnaire")
	tm.press("tab", "enter")
	tm.require("✗ Les deux saisies sont différentes.")
	for range 19 {
		tm.press("backspace")
	}
	tm.typeText("Saphir-Tortue-Ocre7")
	tm.press("enter")
	tm.require("✓ Mot de passe modifié.")

	// The same password as now is refused before the store.
	tm.dashAction("Mot de passe")
	tm.typeText("Saphir-Tortue-Ocre7")
	tm.press("enter")
	tm.typeText("Saphir-Tortue-Ocre7")
	tm.press("enter")
	tm.typeText("Saphir-Tortue-Ocre7")
	tm.press("enter")
	tm.require("✗ Le nouveau mot de passe doit être différent de l'actuel.")
	tm.press("esc")
	tm.require("Mon compte")
}

// A new mail de secours replaces the old one only once the code sent to it
// comes back; it is a personal address; the current password comes first.
func TestDashboardRecoveryChange(t *testing.T) {
	t.Parallel()
	const newAddress = "hugo.perso@example.net"
	tm := newLoggedIn(t, "hugo.lefevre", dashHugoPassword)
	tm.dashAction("Mail de secours")
	tm.require("Changer mon mail de secours", "Actuellement : hu•••••e@ex•••••e.org", "Nouveau mail de secours",
		"Mot de passe actuel")
	tm.press("enter", "enter")
	tm.require("✗ Saisissez une adresse mail.")
	tm.dashSubmit("pas une adresse", dashHugoPassword)
	tm.require("✗ Cette adresse mail n'est pas valide.")
	if tm.bullets("Mot de passe actuel") != 0 {
		t.Fatalf("the password stayed after a refusal:\n%s", tm.text())
	}
	tm.clearField()
	tm.dashSubmit(dashHugoRecovery, dashHugoPassword)
	tm.require("✗ C'est déjà l'adresse enregistrée.")
	tm.clearField()
	tm.dashSubmit("hugo.lefevre@etu.umontpellier.fr", dashHugoPassword)
	tm.require("✗ Le mail de secours doit être une adresse personnelle, pas une adresse de",
		"    l'université.")
	tm.requireWidth(80)
	tm.requireGolden("university")
	tm.clearField()
	tm.typeText(newAddress)
	tm.press("enter", "enter")
	tm.require("✗ Saisissez votre mot de passe actuel.", "› Mot de passe actuel")
	tm.typeText(dashHugoPassword)
	tm.press("enter")
	tm.require("Un code a été envoyé à la nouvelle adresse hu•••••o@ex•••••e.net.")
	code := outboxCode(t, tm.store, newAddress)
	tm.requireHidden(code, newAddress, dashHugoPassword)
	tm.requireWidth(80)
	tm.requireGolden("code")

	// esc: back to the address, as typed; the password is not kept; the
	// code already sent still works.
	tm.press("esc")
	tm.require("┃ " + newAddress)
	if tm.bullets("Mot de passe actuel") != 0 {
		t.Fatalf("the password was kept behind the code step:\n%s", tm.text())
	}
	tm.clock.Advance(2 * time.Minute)
	tm.press("enter")
	tm.typeText(dashHugoPassword)
	tm.press("enter")
	code = outboxCode(t, tm.store, newAddress)
	tm.typeText(code)
	tm.requireHidden(code)
	tm.press("enter")
	tm.require("Mon compte", "Mail de secours  hu•••••o@ex•••••e.net",
		"✓ Mail de secours remplacé par hu•••••o@ex•••••e.net ; l'ancien est prévenu.")
	if got := tm.c.Account.RecoveryEmail; got != newAddress {
		t.Fatalf("recovery address %q", got)
	}
	if n := pagesMailsTo(t, tm.store, dashHugoRecovery, data.MailRecoveryChanged); n != 1 {
		t.Fatalf("the old address got %d notices", n)
	}
	tm.requireHidden(newAddress, dashHugoRecovery)
	tm.requireWidth(80)
	tm.requireGolden("done")
}

// A session left open on a kiosk: whoever sits down cannot send the mail
// de secours's code, or the mail, elsewhere without the password. A wrong
// one is refused under its field, cleared, and counted like a failed login.
func TestDashboardAddressChangesAskThePassword(t *testing.T) {
	t.Parallel()
	const thief = "voleur@example.com"
	tm := newLoggedIn(t, "hugo.lefevre", dashHugoPassword)
	tm.dashAction("Mail de secours")
	tm.dashSubmit(thief, "Devine-Peut-Etre-1")
	tm.require("✗ Mot de passe actuel incorrect.", "› Mot de passe actuel", "┃ "+thief)
	if tm.bullets("Mot de passe actuel") != 0 {
		t.Fatalf("a refused password stayed:\n%s", tm.text())
	}
	tm.requireHidden("Devine-Peut-Etre-1")
	tm.requireWidth(80)
	tm.requireGolden("recovery")
	tm.press("esc")

	tm.dashAction("Redirection")
	tm.require("Mot de passe actuel")
	tm.typeText(thief)
	tm.press("enter") // to the password (the toggle is skipped)
	tm.typeText("Devine-Peut-Etre-2")
	tm.press("enter")
	tm.require("✗ Mot de passe actuel incorrect.", "› Mot de passe actuel")
	// The other actions of the step ask for it too.
	tm.press("tab", "tab", "enter") // "Rediriger vers mon mail de secours"
	tm.require("✗ Saisissez votre mot de passe actuel.", "› Mot de passe actuel")
	tm.requireWidth(80)
	tm.requireGolden("redirection")
	if n := pagesMailsTo(t, tm.store, thief, data.MailConfirmRecovery) + pagesMailsTo(t, tm.store, thief,
		data.MailConfirmRedirection); n != 0 {
		t.Fatalf("%d codes went to the new address", n)
	}
	entries, err := tm.store.AuditLog(t.Context(), data.AuditFilter{Identifiant: "hugo.lefevre@etu.umontpellier.fr",
		Events: []data.Event{data.EventUpdateRecoveryMail, data.EventUpdateRedirection}})
	if err != nil || len(entries) != 2 || entries[0].Outcome != "wrong current password" {
		t.Fatalf("audit: %+v (%v)", entries, err)
	}
	if a := tm.c.Account; a.RecoveryEmail != dashHugoRecovery || a.RedirectEmail != "" {
		t.Fatalf("changed without the password: %+v", a)
	}
}

// A redirection to the mail de secours applies at once, without a code.
func TestDashboardRedirectionToRecoveryAtOnce(t *testing.T) {
	t.Parallel()
	tm := newLoggedIn(t, "hugo.lefevre", dashHugoPassword)
	tm.dashAction("Redirection")
	tm.require("Rediriger ma messagerie", "Actuellement : aucune", "Mail de secours : hu•••••e@ex•••••e.org",
		"Adresse de redirection", "[x] Conserver une copie", "Mot de passe actuel", "Rediriger vers mon mail de secours")
	if strings.Contains(tm.text(), "Supprimer la redirection") {
		t.Fatal("nothing to remove yet")
	}
	tm.requireWidth(80)
	tm.requireGolden()
	tm.press("tab", "tab") // keep a copy, the password
	tm.typeText(dashHugoPassword)
	tm.press("tab", "tab", "enter") // redirect button, mail de secours
	tm.require("Mon compte", "Redirection      vers hu•••••e@ex•••••e.org, copie conservée",
		"✓ Redirection en place : vers hu•••••e@ex•••••e.org, copie conservée.")
	a := tm.c.Account
	if a.RedirectEmail != dashHugoRecovery || !a.KeepCopy {
		t.Fatalf("redirection %q keep %v", a.RedirectEmail, a.KeepCopy)
	}
	if n := pagesMailsTo(t, tm.store, dashHugoRecovery, data.MailConfirmRedirection); n != 0 {
		t.Fatalf("%d confirmation codes for the mail de secours", n)
	}

	// Typed in full, the mail de secours applies at once too; the copy can go.
	tm.dashAction("Redirection")
	tm.typeText(dashHugoRecovery)
	tm.press("tab", "space", "tab")
	tm.typeText(dashHugoPassword)
	tm.press("enter")
	tm.require("✓ Redirection en place : vers hu•••••e@ex•••••e.org, sans copie.")
	if tm.c.Account.KeepCopy {
		t.Fatal("copy still kept")
	}

	// Removed: mail stays in the university mailbox.
	tm.dashAction("Redirection")
	tm.require("Actuellement : vers hu•••••e@ex•••••e.org, sans copie", "[ ] Conserver une copie")
	tm.press("tab", "tab")
	tm.typeText(dashHugoPassword)
	tm.dashAction("Supprimer la redirection")
	tm.require("✓ Redirection supprimée", "Redirection      aucune")
	if tm.c.Account.RedirectEmail != "" {
		t.Fatal("redirection not removed")
	}
}

// Any other address is confirmed by a code sent to it; no university
// mailbox, one's own (a loop) or another's.
func TestDashboardRedirectionExternalByCode(t *testing.T) {
	t.Parallel()
	const external = "hugo@example.com"
	tm := newLoggedIn(t, "hugo.lefevre", dashHugoPassword)
	tm.dashAction("Redirection")
	tm.dashSubmit("hugo.lefevre@etu.umontpellier.fr", dashHugoPassword)
	tm.require("✗ Impossible de rediriger votre messagerie vers elle-même.")
	tm.clearField()
	tm.dashSubmit("camille.martin@etu.umontpellier.fr", dashHugoPassword)
	tm.require("✗ Impossible de rediriger vers une autre messagerie de l'université :",
		"    indiquez une adresse extérieure.")
	tm.requireWidth(80)
	tm.clearField()
	tm.typeText(external)
	tm.press("tab", "space", "tab")
	tm.typeText(dashHugoPassword)
	// Keys typed while the store works are dropped, never put in a field.
	var sending tea.Cmd
	tm.screen, sending = tm.screen.Update(tea.KeyMsg{Type: tea.KeyEnter}) // the store call is not run yet
	tm.typeText("1234")
	tm.require("Veuillez patienter")
	tm.settle(sending)
	tm.require("Un code a été envoyé à hu•••••o@ex•••••e.com pour confirmer la redirection")
	if n := tm.bullets("Code reçu par mail (8 chiffres)"); n != 0 {
		t.Fatalf("typed-ahead keys reached the code field (%d):\n%s", n, tm.text())
	}
	if tm.c.Account.RedirectEmail != "" {
		t.Fatal("redirection applied before its code")
	}
	code := outboxCode(t, tm.store, external)
	tm.requireHidden(code, external)

	tm.typeText("00000000")
	tm.press("enter")
	tm.require("Code incorrect. Il vous reste 4 essais.")
	tm.requireGolden("wrong code")
	tm.typeText(code)
	tm.press("enter")
	tm.require("Mon compte", "✓ Redirection en place : vers hu•••••o@ex•••••e.com, sans copie.")
	a := tm.c.Account
	if a.RedirectEmail != external || a.KeepCopy {
		t.Fatalf("redirection %q keep %v", a.RedirectEmail, a.KeepCopy)
	}
	if n := pagesMailsTo(t, tm.store, dashHugoRecovery, data.MailRedirectionChanged); n != 1 {
		t.Fatalf("the mail de secours got %d notices", n)
	}
}

// A reset (and a change) to the password in place is refused with its own
// reason; the fields stay, to be corrected.
func TestResetToTheCurrentPasswordRefused(t *testing.T) {
	t.Parallel()
	tm := newRecovery(t, NavigateMsg{Case: "forgot", Identifiant: "hugo.lefevre"})
	tm.press("enter")
	code := outboxCode(t, tm.store, dashHugoRecovery)
	tm.typeText(code)
	tm.press("enter")
	tm.require("Nouveau mot de passe")
	tm.typeText(dashHugoPassword)
	tm.press("enter")
	tm.typeText(dashHugoPassword)
	tm.press("enter")
	tm.require("✗ Le nouveau mot de passe doit être différent de l'actuel.")
	tm.requireHidden(dashHugoPassword)
	if tm.bullets("Nouveau mot de passe") != len(dashHugoPassword) {
		t.Fatalf("fields not kept:\n%s", tm.text())
	}
	if n := pagesMailsTo(t, tm.store, dashHugoRecovery, data.MailPasswordChanged); n != 0 {
		t.Fatalf("%d notices for a refused reset", n)
	}
}
