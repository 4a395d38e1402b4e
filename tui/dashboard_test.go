package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
	"entkiosk/screens"
)

const (
	dashHugoPassword = "Kiosque-Demo-2026"
	dashHugoRecovery = "hugo.lefevre@example.org"
)

func dashLoginHugo(tm *testModel) {
	tm.t.Helper()
	tm.pagesLogin("hugo.lefevre", dashHugoPassword)
	if tm.Common().Account == nil {
		tm.t.Fatalf("Hugo is not logged in:\n%s", tm.screen())
	}
}

// dashAction opens an action of the dashboard's menu by its label.
func (tm *testModel) dashAction(label string) {
	tm.t.Helper()
	for range 8 {
		for _, line := range strings.Split(tm.screen(), "\n") {
			if strings.Contains(line, "› "+label) {
				tm.press("enter")
				return
			}
		}
		tm.press("tab")
	}
	tm.t.Fatalf("no action %q:\n%s", label, tm.screen())
}

// bullets is the number of • on the line after a field's label: what a
// secret field holds, without showing it.
func (tm *testModel) bullets(label string) int {
	tm.t.Helper()
	lines := strings.Split(tm.screen(), "\n")
	for i, line := range lines {
		if strings.HasSuffix(strings.TrimSpace(line), label) && i+1 < len(lines) {
			return strings.Count(lines[i+1], "•")
		}
	}
	tm.t.Fatalf("no field %q:\n%s", label, tm.screen())
	return 0
}

func TestDashboardOverview(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	dashLoginHugo(tm)
	tm.requireTextNB("Mon compte", "Hugo Lefèvre", "Statut : étudiant", "compte actif",
		"Identifiant      hugo.lefevre@etu.umontpellier.fr",
		"Ressources accessibles jusqu'au 31/12/2027",
		"Mail de secours  hu•••••e@ex•••••e.org", "Redirection      aucune",
		"Services de l'ENT", "Messagerie", "webmail.umontpellier.fr", "BIU", "bibliothèques", "Moodle",
		"moodle.umontpellier.fr", "Emploi du temps", "ENT mobile", "Wi-Fi eduroam",
		"› Mot de passe", "Mail de secours", "Redirection", "Déconnexion")
	tm.requireNoSecret(dashHugoRecovery, "Console assistance")
	tm.requireWidth(80)
	tm.requireGolden()

	tm.press("f2")
	tm.requireTextNB("My account", "Resources accessible until 31/12/2027", "ENT services", "Log out")
	tm.requireWidth(80)
}

func TestDashboardHelpdeskEntry(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.pagesLogin("ines.moreau", "Helpdesk-Demo-2026")
	tm.requireTextNB("Inès Moreau", "Statut : personnel", "assistance", "ines.moreau@umontpellier.fr",
		"Ressources accessibles jusqu'au 31/08/2029", "Console assistance")
	tm.requireWidth(80)
	tm.dashAction("Console assistance")
	if _, still := tm.Screen().(*screens.Dashboard); still {
		t.Fatalf("the helpdesk console did not open:\n%s", tm.screen())
	}
	tm.press("esc")
	tm.requireTextNB("Mon compte", "Inès Moreau")
}

func TestDashboardChangePassword(t *testing.T) {
	t.Parallel()
	const next = "Tulipe-Orage-Violon-42"
	tm := newTestModel(t)
	dashLoginHugo(tm)
	tm.dashAction("Mot de passe")
	tm.requireTextNB("Changer mon mot de passe", "Mot de passe actuel", "Nouveau mot de passe",
		"Confirmation du mot de passe", "· 8 caractères au moins (0 saisi)", "[ Changer le mot de passe ]")
	tm.requireWidth(80)

	// Wrong current password: refused and cleared; the new one is kept.
	tm.typeText("Not-The-Password-1")
	tm.press("enter")
	tm.typeText(next)
	tm.press("enter")
	tm.typeText(next)
	tm.press("enter")
	tm.requireTextNB("✗ Mot de passe actuel incorrect.", "✓ les deux saisies sont identiques")
	if tm.bullets("Mot de passe actuel") != 0 || tm.bullets("Nouveau mot de passe") != len(next) ||
		tm.bullets("Confirmation du mot de passe") != len(next) {
		t.Fatalf("fields after a wrong current password:\n%s", tm.screen())
	}
	tm.requireNoSecret("Not-The-Password-1", next, dashHugoPassword)
	tm.requireGolden()

	tm.typeText(dashHugoPassword)
	tm.press("enter", "enter", "enter")
	tm.requireTextNB("Mon compte", "✓ Mot de passe modifié. Un avis a été envoyé à votre mail de secours.")
	tm.requireNoSecret(next, dashHugoPassword)
	if n := pagesMailsTo(t, tm.store, dashHugoRecovery, data.MailPasswordChanged); n != 1 {
		t.Fatalf("%d password notices", n)
	}

	// The new password is the one that works now. (A person takes more
	// than a second between two failures: faster is a script, locked.)
	tm.dashAction("Déconnexion")
	tm.clock.Advance(time.Minute)
	tm.pagesLogin("hugo.lefevre", dashHugoPassword)
	tm.requireTextNB("Identifiant ou mot de passe incorrect.")
	tm.clock.Advance(2 * time.Minute)
	tm.typeText(next)
	tm.press("enter")
	tm.requireTextNB("Mon compte", "Hugo Lefèvre")
}

// A password the rules refuse keeps both entries, to be corrected, and
// never reaches the store.
func TestDashboardRefusedNewPasswordKeepsFields(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	dashLoginHugo(tm)
	tm.dashAction("Mot de passe")
	tm.typeText(dashHugoPassword)
	tm.press("enter")
	tm.typeText("Saphir<Tortue-Ocre7")
	tm.press("enter")
	tm.typeText("Saphir<Tortue-Ocre7")
	tm.press("enter")
	tm.requireTextNB("✗ Ce mot de passe ne respecte pas les règles ci-dessous.",
		"✗ caractère « < » interdit (position 7)", "› Nouveau mot de passe")
	if tm.bullets("Nouveau mot de passe") != 19 || tm.bullets("Confirmation du mot de passe") != 19 ||
		tm.bullets("Mot de passe actuel") != len(dashHugoPassword) {
		t.Fatalf("fields not kept:\n%s", tm.screen())
	}
	tm.requireNoSecret("Saphir<Tortue-Ocre7")
	tm.requireWidth(80)
	tm.pagesGolden("policy")

	// Corrected in place: the < becomes a -, then the confirmation follows.
	for range len("Tortue-Ocre7") {
		tm.press("left")
	}
	tm.press("backspace")
	tm.typeText("-")
	tm.requireTextNB("✓ aucun des caractères", "✓ pas un mot du dictionnaire")
	tm.press("tab", "enter")
	tm.requireTextNB("✗ Les deux saisies sont différentes.")
	for range 19 {
		tm.press("backspace")
	}
	tm.typeText("Saphir-Tortue-Ocre7")
	tm.press("enter")
	tm.requireTextNB("✓ Mot de passe modifié.")

	// The same password as now is refused before the store.
	tm.dashAction("Mot de passe")
	tm.typeText("Saphir-Tortue-Ocre7")
	tm.press("enter")
	tm.typeText("Saphir-Tortue-Ocre7")
	tm.press("enter")
	tm.typeText("Saphir-Tortue-Ocre7")
	tm.press("enter")
	tm.requireTextNB("✗ Le nouveau mot de passe doit être différent de l'actuel.")
	tm.press("esc")
	tm.requireTextNB("Mon compte")
}

// clearField empties the focused field (ctrl+u: everything before the cursor).
func (tm *testModel) clearField() {
	tm.t.Helper()
	tm.send(tea.KeyMsg{Type: tea.KeyCtrlU})
}

// dashSubmit types an address and the current password into a step whose
// focus is on its (empty) address field, and submits with Enter.
func (tm *testModel) dashSubmit(address, password string) {
	tm.t.Helper()
	tm.typeText(address)
	tm.press("enter") // to the password
	tm.typeText(password)
	tm.press("enter")
}

// A new mail de secours replaces the old one only once the code sent to it
// comes back; it is a personal address; the current password comes first.
func TestDashboardRecoveryChange(t *testing.T) {
	t.Parallel()
	const newAddress = "hugo.perso@example.net"
	tm := newTestModel(t)
	dashLoginHugo(tm)
	tm.dashAction("Mail de secours")
	tm.requireTextNB("Changer mon mail de secours", "Actuellement : hu•••••e@ex•••••e.org", "Nouveau mail de secours",
		"Mot de passe actuel")
	tm.press("enter", "enter")
	tm.requireTextNB("✗ Saisissez une adresse mail.")
	tm.dashSubmit("pas une adresse", dashHugoPassword)
	tm.requireTextNB("✗ Cette adresse mail n'est pas valide.")
	if tm.bullets("Mot de passe actuel") != 0 {
		t.Fatalf("the password stayed after a refusal:\n%s", tm.screen())
	}
	tm.clearField()
	tm.dashSubmit(dashHugoRecovery, dashHugoPassword)
	tm.requireTextNB("✗ C'est déjà l'adresse enregistrée.")
	tm.clearField()
	tm.dashSubmit("hugo.lefevre@etu.umontpellier.fr", dashHugoPassword)
	tm.requireTextNB("✗ Le mail de secours doit être une adresse personnelle, pas une adresse de",
		"    l'université.")
	tm.requireWidth(80)
	tm.pagesGolden("university")
	tm.clearField()
	tm.typeText(newAddress)
	tm.press("enter", "enter")
	tm.requireTextNB("✗ Saisissez votre mot de passe actuel.", "› Mot de passe actuel")
	tm.typeText(dashHugoPassword)
	tm.press("enter")
	tm.requireTextNB("Un code a été envoyé à la nouvelle adresse hu•••••o@ex•••••e.net")
	code := outboxCode(t, tm.store, newAddress)
	tm.requireNoSecret(code, newAddress, dashHugoPassword)
	tm.requireWidth(80)
	tm.pagesGolden("code")

	// esc: back to the address, as typed; the password is not kept; the
	// code already sent still works.
	tm.press("esc")
	tm.requireTextNB("┃ " + newAddress)
	if tm.bullets("Mot de passe actuel") != 0 {
		t.Fatalf("the password was kept behind the code step:\n%s", tm.screen())
	}
	tm.clock.Advance(2 * time.Minute)
	tm.press("enter")
	tm.typeText(dashHugoPassword)
	tm.press("enter")
	code = outboxCode(t, tm.store, newAddress)
	tm.typeText(code)
	tm.requireNoSecret(code)
	tm.press("enter")
	tm.requireTextNB("Mon compte", "Mail de secours  hu•••••o@ex•••••e.net",
		"✓ Mail de secours remplacé par hu•••••o@ex•••••e.net ; l'ancien est prévenu.")
	if got := tm.Common().Account.RecoveryEmail; got != newAddress {
		t.Fatalf("recovery address %q", got)
	}
	if n := pagesMailsTo(t, tm.store, dashHugoRecovery, data.MailRecoveryChanged); n != 1 {
		t.Fatalf("the old address got %d notices", n)
	}
	tm.requireNoSecret(newAddress, dashHugoRecovery)
	tm.requireWidth(80)
	tm.pagesGolden("done")
}

// A session left open on a kiosk: whoever sits down cannot send the mail
// de secours's code, or the mail, elsewhere without the password. A wrong
// one is refused under its field, cleared, and counted like a failed login.
func TestDashboardAddressChangesAskThePassword(t *testing.T) {
	t.Parallel()
	const thief = "voleur@example.com"
	tm := newTestModel(t)
	dashLoginHugo(tm)
	tm.dashAction("Mail de secours")
	tm.dashSubmit(thief, "Devine-Peut-Etre-1")
	tm.requireTextNB("✗ Mot de passe actuel incorrect.", "› Mot de passe actuel", "┃ "+thief)
	if tm.bullets("Mot de passe actuel") != 0 {
		t.Fatalf("a refused password stayed:\n%s", tm.screen())
	}
	tm.requireNoSecret("Devine-Peut-Etre-1")
	tm.requireWidth(80)
	tm.pagesGolden("recovery")
	tm.press("esc")

	tm.dashAction("Redirection")
	tm.requireTextNB("Mot de passe actuel")
	tm.typeText(thief)
	tm.press("enter") // to the password (the toggle is skipped)
	tm.typeText("Devine-Peut-Etre-2")
	tm.press("enter")
	tm.requireTextNB("✗ Mot de passe actuel incorrect.", "› Mot de passe actuel")
	// The other actions of the step ask for it too.
	tm.press("tab", "tab", "enter") // "Rediriger vers mon mail de secours"
	tm.requireTextNB("✗ Saisissez votre mot de passe actuel.", "› Mot de passe actuel")
	tm.requireWidth(80)
	tm.pagesGolden("redirection")
	if n := pagesMailsTo(t, tm.store, thief, data.MailConfirmRecovery) + pagesMailsTo(t, tm.store, thief,
		data.MailConfirmRedirection); n != 0 {
		t.Fatalf("%d codes went to the new address", n)
	}
	entries, err := tm.store.AuditLog(t.Context(), data.AuditFilter{Identifiant: "hugo.lefevre@etu.umontpellier.fr",
		Events: []data.Event{data.EventUpdateRecoveryMail, data.EventUpdateRedirection}})
	if err != nil || len(entries) != 2 || entries[0].Outcome != "wrong current password" {
		t.Fatalf("audit: %+v (%v)", entries, err)
	}
	if a := tm.Common().Account; a.RecoveryEmail != dashHugoRecovery || a.RedirectEmail != "" {
		t.Fatalf("changed without the password: %+v", a)
	}
}

// A redirection to the mail de secours applies at once, without a code.
func TestDashboardRedirectionToRecoveryAtOnce(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	dashLoginHugo(tm)
	tm.dashAction("Redirection")
	tm.requireTextNB("Rediriger ma messagerie", "Actuellement : aucune", "Mail de secours : hu•••••e@ex•••••e.org",
		"Adresse de redirection", "[x] Conserver une copie", "Mot de passe actuel", "Rediriger vers mon mail de secours")
	if strings.Contains(tm.screen(), "Supprimer la redirection") {
		t.Fatal("nothing to remove yet")
	}
	tm.requireWidth(80)
	tm.requireGolden()
	tm.press("tab", "tab") // keep a copy, the password
	tm.typeText(dashHugoPassword)
	tm.press("tab", "tab", "enter") // redirect button, mail de secours
	tm.requireTextNB("Mon compte", "Redirection      vers hu•••••e@ex•••••e.org, copie conservée",
		"✓ Redirection en place : vers hu•••••e@ex•••••e.org, copie conservée.")
	a := tm.Common().Account
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
	tm.requireTextNB("✓ Redirection en place : vers hu•••••e@ex•••••e.org, sans copie.")
	if tm.Common().Account.KeepCopy {
		t.Fatal("copy still kept")
	}

	// Removed: mail stays in the university mailbox.
	tm.dashAction("Redirection")
	tm.requireTextNB("Actuellement : vers hu•••••e@ex•••••e.org, sans copie", "[ ] Conserver une copie")
	tm.press("tab", "tab")
	tm.typeText(dashHugoPassword)
	tm.dashAction("Supprimer la redirection")
	tm.requireTextNB("✓ Redirection supprimée", "Redirection      aucune")
	if tm.Common().Account.RedirectEmail != "" {
		t.Fatal("redirection not removed")
	}
}

// Any other address is confirmed by a code sent to it; no university
// mailbox, one's own (a loop) or another's.
func TestDashboardRedirectionExternalByCode(t *testing.T) {
	t.Parallel()
	const external = "hugo@example.com"
	tm := newTestModel(t)
	dashLoginHugo(tm)
	tm.dashAction("Redirection")
	tm.dashSubmit("hugo.lefevre@etu.umontpellier.fr", dashHugoPassword)
	tm.requireTextNB("✗ Impossible de rediriger votre messagerie vers elle-même.")
	tm.clearField()
	tm.dashSubmit("camille.martin@etu.umontpellier.fr", dashHugoPassword)
	tm.requireTextNB("✗ Impossible de rediriger vers une autre messagerie de l'université :",
		"    indiquez une adresse extérieure.")
	tm.requireWidth(80)
	tm.clearField()
	tm.typeText(external)
	tm.press("tab", "space", "tab")
	tm.typeText(dashHugoPassword)
	// Keys typed while the store works are dropped, never put in a field.
	_, sending := tm.Model.Update(keyMsg("enter"))
	tm.typeText("1234")
	tm.requireTextNB("Veuillez patienter")
	tm.settle(sending)
	tm.requireTextNB("Un code a été envoyé à hu•••••o@ex•••••e.com pour confirmer la redirection")
	if n := tm.bullets("Code reçu par mail (8 chiffres)"); n != 0 {
		t.Fatalf("typed-ahead keys reached the code field (%d):\n%s", n, tm.screen())
	}
	if tm.Common().Account.RedirectEmail != "" {
		t.Fatal("redirection applied before its code")
	}
	code := outboxCode(t, tm.store, external)
	tm.requireNoSecret(code, external)

	tm.typeText("00000000")
	tm.press("enter")
	tm.requireTextNB("Code incorrect. Il vous reste 4 essais.")
	tm.pagesGolden("wrong code")
	tm.typeText(code)
	tm.press("enter")
	tm.requireTextNB("Mon compte", "✓ Redirection en place : vers hu•••••o@ex•••••e.com, sans copie.")
	a := tm.Common().Account
	if a.RedirectEmail != external || a.KeepCopy {
		t.Fatalf("redirection %q keep %v", a.RedirectEmail, a.KeepCopy)
	}
	if n := pagesMailsTo(t, tm.store, dashHugoRecovery, data.MailRedirectionChanged); n != 1 {
		t.Fatalf("the mail de secours got %d notices", n)
	}
}

// On the overview esc logs out, and the help line says so; in a step it
// goes back, and the help line says that.
func TestDashboardEscSaysWhatItDoes(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	// At 80 columns F3 (named first) leaves no room for Esc in a step: the
	// shell drops the keys people guess first (see dropOrder).
	tm.send(tea.WindowSizeMsg{Width: 100, Height: 24})
	dashLoginHugo(tm)
	line := tm.helpLineNB()
	if !strings.Contains(line, "Échap déconnexion") || strings.Contains(line, "retour") {
		t.Fatalf("overview help line: %q", line)
	}
	tm.dashAction("Mot de passe")
	if line := tm.helpLineNB(); !strings.Contains(line, "Échap retour") || strings.Contains(line, "déconnexion") {
		t.Fatalf("step help line: %q", line)
	}
	tm.press("esc", "f2")
	if line := tm.helpLineNB(); !strings.Contains(line, "Esc log out") {
		t.Fatalf("English overview help line: %q", line)
	}
	tm.press("esc")
	if tm.Common().Account != nil {
		t.Fatal("esc on the overview did not log out")
	}
}

// helpLineNB is the frame's last line, no-break spaces as spaces.
func (tm *testModel) helpLineNB() string {
	lines := strings.Split(strings.ReplaceAll(tm.screen(), "\u00a0", " "), "\n")
	return lines[len(lines)-1]
}

// A reset (and a change) to the password in place is refused with its own
// reason; the fields stay, to be corrected.
func TestResetToTheCurrentPasswordRefused(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.send(screens.NavigateMsg{Page: screens.PageRecovery, Case: "forgot", Identifiant: "hugo.lefevre"})
	tm.press("enter")
	code := outboxCode(t, tm.store, dashHugoRecovery)
	tm.typeText(code)
	tm.press("enter")
	tm.requireTextNB("Nouveau mot de passe")
	tm.typeText(dashHugoPassword)
	tm.press("enter")
	tm.typeText(dashHugoPassword)
	tm.press("enter")
	tm.requireTextNB("✗ Le nouveau mot de passe doit être différent de l'actuel.")
	tm.requireNoSecret(dashHugoPassword)
	if tm.bullets("Nouveau mot de passe") != len(dashHugoPassword) {
		t.Fatalf("fields not kept:\n%s", tm.screen())
	}
	if n := pagesMailsTo(t, tm.store, dashHugoRecovery, data.MailPasswordChanged); n != 0 {
		t.Fatalf("%d notices for a refused reset", n)
	}
}

// Déconnexion, and esc on the dashboard, end the session and wipe it.
func TestDashboardLogoutWipes(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	dashLoginHugo(tm)
	tm.dashAction("Déconnexion")
	if tm.Common().Account != nil {
		t.Fatal("still logged in")
	}
	if _, home := tm.Screen().(*screens.Home); !home {
		t.Fatalf("not home:\n%s", tm.screen())
	}
	tm.requireNoSecret("hugo", "Hugo", "Connecté")
	tm.press("esc")
	if _, home := tm.Screen().(*screens.Home); !home {
		t.Fatal("esc after logout leads back to the dashboard")
	}

	dashLoginHugo(tm)
	tm.dashAction("Mot de passe")
	tm.typeText("half-typed")
	tm.press("esc") // one step back: the overview
	tm.requireTextNB("Mon compte")
	tm.press("esc") // back from one's account is leaving it
	if tm.Common().Account != nil {
		t.Fatal("esc on the dashboard kept the session")
	}
	tm.requireNoSecret("hugo", "Connecté")
}
