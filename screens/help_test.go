package screens

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"entkiosk/data"
	"entkiosk/data/institution"
	"entkiosk/data/wrap"
)

// helpCommon is testCommon with a store, for the figures of the help texts.
func helpCommon(t *testing.T) *Common {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "help.db"), data.Config{Institution: institution.Demo()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	c := testCommon()
	c.Store = s
	return c
}

// brokenUnit: a line that ends with a figure whose unit starts the next one.
var brokenUnit = regexp.MustCompile(`[0-9]\n\s*(h|min|s|ms)\b`)

// No help text, in either language, at any width, breaks "24 h" or "120 s"
// across two lines.
func TestHelpKeepsFiguresWithTheirUnits(t *testing.T) {
	t.Parallel()
	c := helpCommon(t)
	for _, lang := range []Lang{French, English} {
		c.Lang = lang
		for _, topic := range helpTopics {
			for width := 20; width <= helpTextMaxWidth; width++ {
				text := c.helpText(topic, width)
				if m := brokenUnit.FindStringIndex(text); m != nil {
					t.Fatalf("%s %s at %d: a figure and its unit split: %q", lang, topic, width,
						text[max(0, m[0]-30):m[1]])
				}
			}
		}
	}
	if got := wrap.Text("Ce code a expiré (24 h). Demandez-en un nouveau.", 23); strings.Contains(got, "24\nh") {
		t.Fatalf("wrap.Text: %q", got)
	}
}

// The English help reads as English: "An 8-digit code", no space before a
// colon or other punctuation (French typography is for French).
func TestHelpEnglishWording(t *testing.T) {
	t.Parallel()
	c := helpCommon(t)
	c.Lang = English
	all := ""
	for _, topic := range helpTopics {
		all += c.helpText(topic, 200) + "\n"
	}
	if !strings.Contains(all, "An 8-digit code") || strings.Contains(all, "A 8-digit") {
		t.Fatalf("article before 8-digit:\n%s", all)
	}
	for _, k := range []string{"home.", "help.", "lookup.", "mailbox.", "dash.", "service.", "rights."} {
		for key, text := range textEN {
			if !strings.HasPrefix(key, k) {
				continue
			}
			for _, p := range []string{" :", " ;", " ?", " !", "«", "»", "\u00a0"} {
				if strings.Contains(text, p) {
					t.Errorf("%s has French punctuation %q: %q", key, p, text)
				}
			}
			if strings.Contains(text, "(s)") || strings.Contains(text, "(ies)") {
				t.Errorf("%s counts with a bracket: use Nf", key)
			}
		}
	}
}

func TestHelpTopicsAndScrolling(t *testing.T) {
	t.Parallel()
	tm := newFlowOn(t, flowNow, NavigateMsg{Page: PageHelp, Topic: "home"}) // F1 on home
	tm.press("tab")
	tm.require("› 1ère connexion", "15 minutes après la validation", "1. Sur l'accueil")
	if strings.Contains(tm.text(), "7. Choisissez votre mot de passe") {
		t.Fatal("the end of the topic fits: the scrolling test needs a longer one")
	}
	tm.require("↓ suite")
	for range 5 {
		tm.press("pgdown")
	}
	tm.require("7. Choisissez votre mot de passe", "— fin —")
	if strings.Contains(tm.text(), "1. Sur l'accueil") {
		t.Fatalf("did not scroll:\n%s", tm.text())
	}
	tm.press("pgup", "pgup", "pgup")
	tm.require("1. Sur l'accueil")
	tm.press("pgdown", "pgdown", "pgdown")
	tm.require("— fin —")
	tm.requireGolden()

	// A new topic starts at its top; ←/→ and ↑/↓ go round the list.
	tm.press("right")
	tm.require("› Se connecter de chez soi", "ssh -p 2222 ent.umontpellier.fr")
	tm.press("right")
	tm.require("› Problème de connexion", "propose trois parcours")
	tm.press("up", "up")
	tm.require("› 1ère connexion")
	tm.press("down")
	tm.require("› Se connecter de chez soi")
	tm.press("left", "left", "left")
	tm.require("› Assistance", "assistance-ent@example.org")
	if strings.Contains(tm.text(), "faire défiler") {
		t.Fatalf("the help line offers to scroll a text that fits:\n%s", tm.text())
	}
	tm.press("shift+tab")
	tm.require("› Borne et confidentialité", "120\u00a0s")

	// The figures come from the rules.
	tm.press("shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab")
	tm.require("› Règles du mot de passe", "au moins 8 caractères (12 recommandés), au plus", "128\u00a0;",
		"< > \" ' $")

	// F2 switches the language of the text too.
	tm.c.Lang = English
	tm.require("› Password rules", "at least 8 characters (12 recommended), at most")
}

// "Se connecter de chez soi": the activation's done screen sends people
// there. The command carries the address of the mails' links; the host
// key's fingerprint is to be compared; a terminal on each system; the
// links of the mails.
func TestHelpConnectingFromHome(t *testing.T) {
	t.Parallel()
	tm := newFlowOn(t, flowNow, NavigateMsg{Page: PageHelp, Topic: "remote"})
	tm.require("› Se connecter de chez soi", "avec la commande\u00a0:", "ssh -p 2222 ent.umontpellier.fr",
		"l'empreinte de la", "page d'aide de l'ENT")
	tm.requireGolden()
	tm.press("pgdown")
	tm.require("- macOS\u00a0: Terminal", "- Linux\u00a0: le terminal")
	tm.press("pgdown")
	tm.require("ssh://", "l'étape s'ouvre directement", "— fin —")
	tm.c.Lang = English // F2
	tm.require("› Connecting from home")
	tm.press("home")
	tm.require("ssh -p 2222 ent.umontpellier.fr", "fingerprint")

	// The 1ère connexion topic, what F1 opens on the done screen, points there.
	tm.c.Lang = French // F2
	tm.press("left")
	tm.require("› 1ère connexion")
	for range 4 {
		tm.press("pgdown")
	}
	tm.require("«\u00a0Se connecter de chez soi\u00a0», le sujet suivant")
}

// A server that was not told its public address (no --link-host) gives no
// command it does not know: the helpdesk gives the address.
func TestHelpConnectingFromHomeWithoutAddress(t *testing.T) {
	t.Parallel()
	store, err := data.Open(filepath.Join(t.TempDir(), "nolink.db"), data.Config{Hasher: flowHasher, Institution: institution.Demo(),
		Clock: data.NewManualClock(flowNow)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	tm := newFlowOn(t, flowNow, NavigateMsg{Page: PageHelp, Topic: "ssh"}, func(c *Common) { c.Store = store })
	tm.require("› Se connecter de chez soi", "L'adresse du serveur n'est pas", "demandez-la à",
		"(assistance-ent@example.org")
	if strings.Contains(tm.text(), "ssh -p") {
		t.Fatalf("a command without an address:\n%s", tm.text())
	}
}
