package accessible

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"entkiosk/data"
	"entkiosk/screens"
)

// Each flow typed line by line on a pipe, in French and in English: the
// whole transcript is a golden file (go test ./tui/accessible -update
// rewrites them), plain enough for a screen reader and a braille display.

func langOf(lang screens.Lang) func(*Options) { return func(o *Options) { o.Lang = lang } }

var bothLangs = []screens.Lang{screens.French, screens.English}

// codeQuestion is how the code step asks, in each language.
var codeQuestion = map[screens.Lang]string{screens.French: "Code reçu par mail", screens.English: "Code from the mail"}

// Camille activates her account: identifiant, the code from her mailbox,
// the charter, no redirection, a refused password (the checklist read as
// sentences), then a good one.
func TestCamilleActivation(t *testing.T) {
	t.Parallel()
	for _, lang := range bothLangs {
		t.Run(string(lang), func(t *testing.T) {
			ps := startSession(t, langOf(lang))
			ps.write("2", "camille.martin")
			ps.waitFor(codeQuestion[lang], 1)
			ps.write("1234", lastCode(t, ps.store, "camille.martin")) // a short code first: said, not counted
			ps.write("2", "1", "1",
				"soleil", "soleil", // refused: a word, too short, no digit
				"Tournesol-Bleu-42", "Tournesol-Bleu-43", // not the same twice
				"Tournesol-Bleu-42", "Tournesol-Bleu-42",
				"2")
			out := ps.end()
			requirePlain(t, out)
			golden.RequireEqual(t, []byte(out))
			acct, err := ps.store.Login(context.Background(), "camille.martin", "Tournesol-Bleu-42", data.Origin{Client: "test"})
			if err != nil || acct.Status != data.StatusActive {
				t.Fatalf("Camille cannot log in after the activation: %v", err)
			}
			for _, secret := range []string{"soleil", "Tournesol"} {
				if strings.Contains(out, secret) {
					t.Errorf("the password %q shows in the output", secret)
				}
			}
		})
	}
}

// Hugo lost his password: the reset code from his mailbox, a new
// password, then the login with it and the dashboard, and logout.
func TestHugoLostPassword(t *testing.T) {
	t.Parallel()
	for _, lang := range bothLangs {
		t.Run(string(lang), func(t *testing.T) {
			ps := startSession(t, langOf(lang))
			ps.write("3", "2", "hugo.lefevre")
			ps.waitFor(codeQuestion[lang], 1)
			ps.write(lastCode(t, ps.store, "hugo.lefevre"), "Montagne-Verte-2027", "Montagne-Verte-2027",
				"1", "Montagne-Verte-2027", "6")
			out := ps.end()
			requirePlain(t, out)
			golden.RequireEqual(t, []byte(out))
			if !strings.Contains(out, "hugo.lefevre@etu.umontpellier.fr") || strings.Contains(out, "Montagne") {
				t.Error("the identifiant should show, never the password")
			}
		})
	}
}

// Jean-Luc does not know his identifiant: the lookup by student number
// and birth date reads both his registrations, field by field; a wrong
// date first is said.
func TestJeanLucLookup(t *testing.T) {
	t.Parallel()
	for _, lang := range bothLangs {
		t.Run(string(lang), func(t *testing.T) {
			ps := startSession(t, langOf(lang))
			ps.write("4", "2210777", "22107777", "31/02/2003", "16112003", "3")
			out := ps.end()
			requirePlain(t, out)
			golden.RequireEqual(t, []byte(out))
			for _, want := range []string{"jean-luc.dalembert@etu.umontpellier.fr", "SDUAST", "SMPHY1"} {
				if !strings.Contains(out, want) {
					t.Errorf("the lookup does not say %q", want)
				}
			}
		})
	}
}

// Inès, of the helpdesk, finds Hugo, reads his card, his history and the
// walk-through of « mot de passe oublié », and sends him a reset code.
func TestInesConsole(t *testing.T) {
	t.Parallel()
	for _, lang := range bothLangs {
		t.Run(string(lang), func(t *testing.T) {
			ps := startSession(t, langOf(lang))
			ps.write("1", "ines.moreau@umontpellier.fr", "Helpdesk-Demo-2026", "5", "lefevre", "1", "1")
			ps.waitFor("5 "+map[screens.Lang]string{screens.French: "Console assistance", screens.English: "Helpdesk console"}[lang], 1)
			ps.write("2", "2", "1", "1") // the walk-through of the forgotten password; run its next action, confirm
			ps.waitFor(map[screens.Lang]string{screens.French: "Réussi :", screens.English: "Done:"}[lang], 1)
			ps.write("5", "6", "", "7")
			out := ps.end()
			requirePlain(t, out)
			golden.RequireEqual(t, []byte(out))
			if strings.Count(out, "@example.org") > 0 {
				t.Error("an address shows whole")
			}
		})
	}
}

// A personal address given to the console's search is said to be one,
// in both languages: it listed the account of its local part.
func TestInesConsolePersonalAddress(t *testing.T) {
	t.Parallel()
	for _, lang := range bothLangs {
		t.Run(string(lang), func(t *testing.T) {
			ps := startSession(t, langOf(lang))
			ps.write("1", "ines.moreau@umontpellier.fr", "Helpdesk-Demo-2026", "5", "hugo.lefevre@gmail.com")
			ps.waitFor(map[screens.Lang]string{screens.French: "C'est une adresse personnelle", screens.English: "That is a personal address"}[lang], 1)
			ps.write("", "7")
			out := ps.end()
			if strings.Contains(out, "Lefèvre") {
				t.Errorf("a personal address listed someone:\n%s", out)
			}
		})
	}
}

// Every topic of Aide reads as plain lines, in both languages; and the
// trouble checklist of « Problème de connexion ».
func TestHelpAndTroubleRead(t *testing.T) {
	t.Parallel()
	for _, lang := range bothLangs {
		t.Run(string(lang), func(t *testing.T) {
			ps := startSession(t, langOf(lang))
			ps.write("5")
			for i := 1; i <= 12; i++ {
				ps.write(itoa(i))
			}
			ps.write("13", "3", "3", "4")
			out := ps.end()
			requirePlain(t, out)
			if strings.Count(out, "Erreur") > 0 || strings.Count(out, "Error:") > 0 {
				t.Errorf("a choice was refused:\n%s", out)
			}
		})
	}
}

// A refused login says the same whatever the cause, keeps the identifiant
// for a second try; Paul's ended rights are said with their date once his
// password is right.
func TestLoginRefusals(t *testing.T) {
	t.Parallel()
	for _, lang := range bothLangs {
		t.Run(string(lang), func(t *testing.T) {
			ps := startSession(t, langOf(lang))
			ps.write("1", "hugo.lefevre", "Wrong-Password-1", "1", "Kiosque-Demo-2026", "6",
				"1", "paul.bernard", "Archives-Demo-2025", "4")
			out := ps.end()
			requirePlain(t, out)
			golden.RequireEqual(t, []byte(out))
			if strings.Contains(out, "Wrong-Password") || strings.Contains(out, "Kiosque-Demo") {
				t.Error("a password shows")
			}
		})
	}
}

// Camille's code typed after her account was activated in another session
// is the person's own: the answer says the account is active, with the
// ways in (the screens' answer step).
func TestCodeAfterActivationElsewhere(t *testing.T) {
	t.Parallel()
	ps := startSession(t)
	ps.write("2", "camille.martin")
	ps.waitFor(codeQuestion[screens.French], 1)
	code := lastCode(t, ps.store, "camille.martin")
	other := startOn(t, ps.store, ps.clock)
	other.write("2", "camille.martin")
	other.waitFor(codeQuestion[screens.French], 1)
	other.write(code, "1", "1", "Tournesol-Bleu-42", "Tournesol-Bleu-42")
	other.waitFor("Réussi : Votre compte est activé.", 1)
	other.end()
	ps.write(code)
	ps.waitFor("Réussi : Votre compte est déjà activé", 1)
	ps.write("1", "Tournesol-Bleu-42")
	ps.waitFor("Mon compte", 1)
	out := ps.end()
	requirePlain(t, out)
}

// A field is said « label : value. » with one space before the colon: the
// French label's own no-break space before its colon used to stay, and
// « Actuellement  : » showed two spaces on a braille display.
func TestFieldLabelOneSpaceBeforeColon(t *testing.T) {
	t.Parallel()
	ps := startSession(t)
	ps.write("1", "hugo.lefevre", "Kiosque-Demo-2026", "2")
	ps.waitFor("Actuellement", 1)
	ps.write("\x03")
	out := ps.end()
	if !strings.Contains(out, "Actuellement : hu…e@ex…e.org.") || strings.Contains(out, "  :") {
		t.Fatalf("the current mail de secours:\n%s", out)
	}
}

// An identifiant answered with a space inside, or a personal address in
// its place, is said to be wrong, and asked again, on each question that
// asks for one: the login, lost password and « 1ère connexion » go on
// with the one typed next.
func TestIdentifiantProblemsAskedAgain(t *testing.T) {
	t.Parallel()
	const spaced, personal = "Un identifiant n'a pas d'espace : prenom.nom", "C'est une adresse personnelle"
	for _, flow := range []struct {
		name        string
		start, next []string
		then, said  string
	}{
		{"login", []string{"1", "hugo lefevre"}, []string{"hugo.lefevre", "Kiosque-Demo-2026"}, "Hugo Lefèvre", spaced},
		{"lost password", []string{"3", "2", "hugo lefevre"}, []string{"hugo.lefevre"}, codeQuestion[screens.French], spaced},
		{"1ère connexion", []string{"2", "camille martin"}, []string{"camille.martin"}, codeQuestion[screens.French], spaced},
		{"1ère connexion, personal address", []string{"2", "camille.martin@example.org"}, []string{"camille.martin"},
			codeQuestion[screens.French], personal},
	} {
		t.Run(flow.name, func(t *testing.T) {
			t.Parallel()
			ps := startSession(t)
			ps.write(flow.start...)
			ps.waitFor(flow.said, 1)
			ps.write(flow.next...)
			ps.waitFor(flow.then, 1)
			out := ps.end()
			if strings.Count(out, flow.said) != 1 {
				t.Errorf("said %d times, want once:\n%s", strings.Count(out, flow.said), out)
			}
		})
	}
}
