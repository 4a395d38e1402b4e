package tui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"entkiosk/data"
	"entkiosk/screens"

	tea "github.com/charmbracelet/bubbletea"
)

// selectMailTo moves the mailbox's selection to the first mail to address.
func (tm *testModel) selectMailTo(address string) {
	tm.t.Helper()
	for range 20 {
		for _, line := range strings.Split(tm.screen(), "\n") {
			if strings.Contains(line, "› ") && strings.Contains(line, address) {
				return
			}
		}
		tm.press("down")
	}
	tm.t.Fatalf("no mail to %s in the list:\n%s", address, tm.screen())
}

// The demo mailbox is how a newcomer reads Camille's activation code.
func TestMailboxShowsCamillesActivationCode(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.typeText("camille.martin")
	tm.press("f4")
	tm.requireScreen("Boîte mail de démonstration", "camille.martin@example.org", "Activation de votre compte")
	tm.selectMailTo("camille.martin@example.org")
	code := outboxCode(t, tm.store, "camille.martin@example.org")
	tm.requireScreen("Bonjour Camille Martin,", "▶ Code : "+code)
	if strings.Contains(tm.screen(), "lea.dubois@example.org") {
		t.Fatal("a mail not due yet is in the mailbox")
	}
	tm.requireWidth(80)
	// Codes and link tokens are random: the golden has them replaced.
	goldenScreen(t, "camille", stableMail(tm.screen()))

	// The rest of the mail is below: the English text (nobody chose
	// Camille's language), the helpdesk contact and the signature.
	tm.press("end")
	tm.requireScreen("ENT helpdesk", "Automatic message")

	// F4 again does not stack a mailbox; esc returns where it was opened.
	tm.press("f4", "esc")
	if _, home := tm.Screen().(*screens.Home); !home {
		t.Fatalf("esc did not return home:\n%s", tm.screen())
	}
	tm.requireScreen("camille.martin")
}

var (
	stableCode  = regexp.MustCompile(`Code : [0-9]{8}`)
	stableToken = regexp.MustCompile(`ssh://[a-z2-7]{32}@`)
)

func stableMail(s string) string {
	s = stableCode.ReplaceAllString(s, "Code : 12345678")
	return stableToken.ReplaceAllString(s, "ssh://"+strings.Repeat("t", 32)+"@")
}

// r reads the outbox again: a new mail shows, selected.
func TestMailboxRefresh(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.send(tea.WindowSizeMsg{Width: 100, Height: 24}) // F3 leads the help line: room for every key
	tm.press("f4")
	if strings.Contains(tm.screen(), "lea.dubois@example.org") {
		t.Fatal("Léa's activation mail is not due yet")
	}
	tm.clock.Advance(11 * time.Minute) // Léa's IA + 15 min
	tm.requireScreen("r actualiser")
	tm.press("r")
	tm.requireScreen("› ", "lea.dubois@example.org", "Bonjour Léa Dubois,")

	if _, err := tm.store.StartReset(t.Context(), "hugo.lefevre", data.Origin{Client: "test", Lang: "fr"}); err != nil {
		t.Fatal(err)
	}
	tm.press("r")
	tm.requireScreen("hugo.lefevre@example.org", "Réinitialisation de votre mot de passe",
		"▶ Code : "+outboxCode(t, tm.store, "hugo.lefevre@example.org"))
	tm.press("down")
	tm.requireScreen("Bonjour Léa Dubois,")
	tm.press("r") // nothing new: the mail being read stays
	tm.requireScreen("Bonjour Léa Dubois,")
}

func TestMailboxOnlyInDemo(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t, func(o *Options) { o.Demo = false })
	tm.press("f4")
	if _, mailbox := tm.Screen().(*screens.Mailbox); mailbox {
		t.Fatal("the mailbox opens without --demo")
	}
	if strings.Contains(tm.screen(), "F4") {
		t.Fatalf("F4 offered without --demo:\n%s", tm.screen())
	}
}

// At 80×24, logged in, the mail's text stops a line above the status line
// "Connecté : …": that line says whether the mail goes on, so the text
// never looks cut by the status line.
func TestMailboxTextStopsAboveTheStatusLine(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.login()
	tm.press("f4")
	tm.requireScreen("Boîte mail de démonstration", "Connecté : hugo.lefevre@etu.umontpellier.fr")
	above := func() string {
		lines := strings.Split(tm.screen(), "\n")
		return strings.TrimSpace(lines[len(lines)-3]) // above the status and help lines
	}
	tm.requireScreen("Bonjour")
	if got := above(); got != "↓ suite du mail (PgDn)" {
		t.Fatalf("above the status line: %q, want the scroll line:\n%s", got, tm.screen())
	}
	tm.press("end") // the activation mail is in both languages: its end is far
	if got := above(); got != "— fin du mail —" {
		t.Fatalf("at the end of the mail: %q:\n%s", got, tm.screen())
	}
	tm.requireScreen("Message automatique : merci de ne pas y répondre.")
	tm.press("f2")
	if got := above(); got != "— end of the mail —" {
		t.Fatalf("in English: %q", got)
	}
	// F4 in the mailbox does nothing: the help line does not offer it.
	if strings.Contains(tm.screen(), "F4") {
		t.Fatalf("F4 offered in the mailbox:\n%s", tm.screen())
	}
}
