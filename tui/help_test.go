package tui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
	"entkiosk/data/institution"
	"entkiosk/screens"
)

// F1 opens Aide on the topic of the screen it was pressed on; esc returns
// to that screen as it was.
func TestHelpFromHome(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.typeText("camille.martin")
	tm.press("f1")
	tm.requireScreen("Aide", "› Le compte informatique", "prenom.nom@etu.umontpellier.fr",
		"Jean-Luc D'Alembert → jean-luc.dalembert", "↑/↓ sujet", "PgUp/PgDn faire défiler")
	if strings.Contains(tm.screen(), "camille.martin") {
		t.Fatal("help shows the screen below it")
	}
	tm.requireGolden()

	tm.press("f1") // no help on help
	tm.press("esc")
	if _, home := tm.Screen().(*screens.Home); !home {
		t.Fatalf("esc did not return home:\n%s", tm.screen())
	}
	tm.requireScreen("camille.martin")
	tm.press("esc") // home is the bottom: nothing to go back to
	tm.requireScreen("camille.martin")
}

func TestHelpTopicsAndScrolling(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.press("f1", "tab")
	tm.requireScreen("› 1ère connexion", "15 minutes après la validation", "1. Sur l'accueil")
	if strings.Contains(tm.screen(), "7. Choisissez votre mot de passe") {
		t.Fatal("the end of the topic fits: the scrolling test needs a longer one")
	}
	tm.requireScreen("↓ suite")
	for range 5 {
		tm.press("pgdown")
	}
	tm.requireScreen("7. Choisissez votre mot de passe", "— fin —")
	if strings.Contains(tm.screen(), "1. Sur l'accueil") {
		t.Fatalf("did not scroll:\n%s", tm.screen())
	}
	tm.press("pgup", "pgup", "pgup")
	tm.requireScreen("1. Sur l'accueil")
	tm.press("pgdown", "pgdown", "pgdown")
	tm.requireScreen("— fin —")
	tm.requireGolden()

	// A new topic starts at its top; ←/→ and ↑/↓ go round the list.
	tm.press("right")
	tm.requireScreen("› Se connecter de chez soi", "ssh -p 2222 ent.umontpellier.fr")
	tm.press("right")
	tm.requireScreen("› Problème de connexion", "propose trois parcours")
	tm.press("up", "up")
	tm.requireScreen("› 1ère connexion")
	tm.press("down")
	tm.requireScreen("› Se connecter de chez soi")
	tm.press("left", "left", "left")
	tm.requireScreen("› Assistance", "assistance-ent@example.org")
	if strings.Contains(tm.screen(), "faire défiler") {
		t.Fatalf("the help line offers to scroll a text that fits:\n%s", tm.screen())
	}
	tm.press("shift+tab")
	tm.requireScreen("› Borne et confidentialité", "120\u00a0s")

	// The figures come from the rules.
	tm.press("shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab")
	tm.requireScreen("› Règles du mot de passe", "au moins 8 caractères (12 recommandés), au plus", "128\u00a0;",
		"< > \" ' $")

	// F2 switches the language of the text too.
	tm.press("f2")
	tm.requireScreen("› Password rules", "at least 8 characters (12 recommended), at most")
}

func TestHelpTopicOfEachScreen(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.send(screens.NavigateMsg{Page: screens.PageLookup})
	tm.press("f1")
	tm.requireScreen("› Consultation IA", "exactement 8 chiffres")
	tm.press("esc")
	tm.requireScreen("Consulter mon inscription (IA)", "Numéro étudiant")

	// An unknown topic opens the first one rather than nothing.
	tm.send(screens.NavigateMsg{Page: screens.PageHelp, Topic: "no-such-topic"})
	tm.requireScreen("› Le compte informatique")
}

// "Se connecter de chez soi": the activation's done screen sends people
// there. The command carries the address of the mails' links; the host
// key's fingerprint is to be compared; a terminal on each system; the
// links of the mails.
func TestHelpConnectingFromHome(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.send(screens.NavigateMsg{Page: screens.PageHelp, Topic: "remote"})
	tm.requireScreen("› Se connecter de chez soi", "avec la commande\u00a0:", "ssh -p 2222 ent.umontpellier.fr",
		"l'empreinte de la", "page d'aide de l'ENT")
	tm.requireGolden()
	tm.press("pgdown")
	tm.requireScreen("- macOS\u00a0: Terminal", "- Linux\u00a0: le terminal")
	tm.press("pgdown")
	tm.requireScreen("ssh://", "l'étape s'ouvre directement", "— fin —")
	tm.press("f2")
	tm.requireScreen("› Connecting from home")
	tm.press("home")
	tm.requireScreen("ssh -p 2222 ent.umontpellier.fr", "fingerprint")

	// The 1ère connexion topic, what F1 opens on the done screen, points there.
	tm.press("f2", "left")
	tm.requireScreen("› 1ère connexion")
	for range 4 {
		tm.press("pgdown")
	}
	tm.requireScreen("«\u00a0Se connecter de chez soi\u00a0», le sujet suivant")
}

// A server that was not told its public address (no --link-host) gives no
// command it does not know: the helpdesk gives the address.
func TestHelpConnectingFromHomeWithoutAddress(t *testing.T) {
	t.Parallel()
	store, err := data.Open(filepath.Join(t.TempDir(), "nolink.db"), data.Config{Hasher: testHasher, Institution: institution.Demo(),
		Clock: data.NewManualClock(testNow)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	tm := newTestModel(t, func(o *Options) { o.Store = store })
	tm.send(screens.NavigateMsg{Page: screens.PageHelp, Topic: "ssh"})
	tm.requireScreen("› Se connecter de chez soi", "L'adresse du serveur n'est pas", "demandez-la à",
		"(assistance-ent@example.org")
	if strings.Contains(tm.screen(), "ssh -p") {
		t.Fatalf("a command without an address:\n%s", tm.screen())
	}
}

// The help line never offers what does nothing: no F1 inside Aide, even
// on a wide terminal where it would fit.
func TestHelpLineInAideHasNoF1(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.send(tea.WindowSizeMsg{Width: 140, Height: 30})
	tm.press("f1")
	tm.requireScreen("↑/↓ sujet", "F2 English")
	if strings.Contains(tm.screen(), "F1 aide") {
		t.Fatalf("Aide offers F1:\n%s", tm.screen())
	}
}
