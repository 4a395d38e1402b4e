package tui

import (
	"strings"
	"testing"
	"time"

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
	tm := newTestModel(t)
	dashLoginHugo(tm)
	tm.requireTextNB("Mon compte", "Hugo Lefèvre", "Étudiant(e)", "compte actif",
		"Identifiant      hugo.lefevre@etu.umontpellier.fr",
		"Ressources accessibles jusqu'au 31/12/2027",
		"Mail de secours  h•••••@e•••••.org", "Redirection      aucune",
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
	tm := newTestModel(t)
	tm.pagesLogin("ines.moreau", "Helpdesk-Demo-2026")
	tm.requireTextNB("Inès Moreau", "Personnel", "assistance", "ines.moreau@umontpellier.fr",
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
	const next = "Tulipe-Orage-Violon-42"
	tm := newTestModel(t)
	dashLoginHugo(tm)
	tm.dashAction("Mot de passe")
	tm.requireTextNB("Changer mon mot de passe", "Mot de passe actuel", "Nouveau mot de passe",
		"Confirmation du mot de passe", "✗ 8 caractères au moins (0 saisis)", "[ Changer le mot de passe ]")
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

// A new mail de secours replaces the old one only once the code sent to it
// comes back.
func TestDashboardRecoveryChange(t *testing.T) {
	const newAddress = "hugo.perso@example.net"
	tm := newTestModel(t)
	dashLoginHugo(tm)
	tm.dashAction("Mail de secours")
	tm.requireTextNB("Changer mon mail de secours", "Actuellement : h•••••@e•••••.org", "Nouveau mail de secours")
	tm.press("enter")
	tm.requireTextNB("✗ Saisissez une adresse mail.")
	tm.typeText("pas une adresse")
	tm.press("enter")
	tm.requireTextNB("✗ Cette adresse mail n'est pas valide.")
	for range len("pas une adresse") {
		tm.press("backspace")
	}
	tm.typeText(dashHugoRecovery)
	tm.press("enter")
	tm.requireTextNB("✗ C'est déjà l'adresse enregistrée.")
	for range len(dashHugoRecovery) {
		tm.press("backspace")
	}
	tm.typeText(newAddress)
	tm.press("enter")
	tm.requireTextNB("Un code a été envoyé à la nouvelle adresse h•••••@e•••••.net")
	code := outboxCode(t, tm.store, newAddress)
	tm.requireNoSecret(code, newAddress)
	tm.requireWidth(80)
	tm.pagesGolden("code")

	// esc: back to the address, as typed; the code already sent still works.
	tm.press("esc")
	tm.requireTextNB("┃ " + newAddress)
	tm.clock.Advance(2 * time.Minute)
	tm.press("enter")
	code = outboxCode(t, tm.store, newAddress)
	tm.typeText(code)
	tm.requireNoSecret(code)
	tm.press("enter")
	tm.requireTextNB("Mon compte", "Mail de secours  h•••••@e•••••.net",
		"✓ Mail de secours remplacé par h•••••@e•••••.net ; l'ancien est prévenu.")
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

// A redirection to the mail de secours applies at once, without a code.
func TestDashboardRedirectionToRecoveryAtOnce(t *testing.T) {
	tm := newTestModel(t)
	dashLoginHugo(tm)
	tm.dashAction("Redirection")
	tm.requireTextNB("Rediriger ma messagerie", "Actuellement : aucune", "Mail de secours : h•••••@e•••••.org",
		"Adresse de redirection", "[x] Conserver une copie", "Rediriger vers mon mail de secours")
	if strings.Contains(tm.screen(), "Supprimer la redirection") {
		t.Fatal("nothing to remove yet")
	}
	tm.requireWidth(80)
	tm.requireGolden()
	tm.press("tab", "tab", "tab", "enter") // keep a copy, redirect button, mail de secours
	tm.requireTextNB("Mon compte", "Redirection      vers h•••••@e•••••.org, copie conservée",
		"✓ Redirection en place : vers h•••••@e•••••.org, copie conservée.")
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
	tm.press("tab", "space", "tab", "enter")
	tm.requireTextNB("✓ Redirection en place : vers h•••••@e•••••.org, sans copie.")
	if tm.Common().Account.KeepCopy {
		t.Fatal("copy still kept")
	}

	// Removed: mail stays in the university mailbox.
	tm.dashAction("Redirection")
	tm.requireTextNB("Actuellement : vers h•••••@e•••••.org, sans copie", "[ ] Conserver une copie")
	tm.dashAction("Supprimer la redirection")
	tm.requireTextNB("✓ Redirection supprimée", "Redirection      aucune")
	if tm.Common().Account.RedirectEmail != "" {
		t.Fatal("redirection not removed")
	}
}

// Any other address is confirmed by a code sent to it.
func TestDashboardRedirectionExternalByCode(t *testing.T) {
	const external = "hugo@example.com"
	tm := newTestModel(t)
	dashLoginHugo(tm)
	tm.dashAction("Redirection")
	tm.typeText("hugo.lefevre@etu.umontpellier.fr")
	tm.press("enter")
	tm.requireTextNB("✗ Impossible de rediriger votre messagerie vers elle-même.")
	for range len("hugo.lefevre@etu.umontpellier.fr") {
		tm.press("backspace")
	}
	tm.typeText(external)
	tm.press("tab", "space", "tab")
	// Keys typed while the store works are dropped, never put in a field.
	_, sending := tm.Model.Update(keyMsg("enter"))
	tm.typeText("1234")
	tm.requireTextNB("Veuillez patienter")
	tm.settle(sending)
	tm.requireTextNB("Un code a été envoyé à h•••••@e•••••.com pour confirmer la redirection")
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
	tm.requireTextNB("Mon compte", "✓ Redirection en place : vers h•••••@e•••••.com, sans copie.")
	a := tm.Common().Account
	if a.RedirectEmail != external || a.KeepCopy {
		t.Fatalf("redirection %q keep %v", a.RedirectEmail, a.KeepCopy)
	}
	if n := pagesMailsTo(t, tm.store, dashHugoRecovery, data.MailRedirectionChanged); n != 1 {
		t.Fatalf("the mail de secours got %d notices", n)
	}
}

// Déconnexion, and esc on the dashboard, end the session and wipe it.
func TestDashboardLogoutWipes(t *testing.T) {
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
