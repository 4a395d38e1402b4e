package webserver

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"

	"entkiosk/data"
)

// Whole flows in a real browser (headless chromium), through the page,
// the WebSocket and the real screens.

// A first-day student activates the account from the web page: the code
// from the mail, the charter, the redirection, the password; then logs in.
func TestPageCamilleActivates(t *testing.T) {
	wt := startWeb(t)
	b := newBrowser(t, 1024, 768)
	b.open(wt, "")
	b.waitScreen("Se connecter")
	b.noViolations()
	b.keys("\t\t\t\r") // "1ère connexion"
	b.waitScreen("1ère connexion — étape 1 sur 5 : identification")
	b.keys("Camille.Martin\r")
	b.waitScreen("étape 2 sur 5 : code d'activation")
	code := wt.mailedCode(camilleMail)
	b.keys(code + "\r")
	b.waitScreen("[ ] J'ai lu la charte et je l'accepte")
	b.requireHidden(code)
	b.keys(" ")
	b.waitScreen("[x] J'ai lu la charte et je l'accepte")
	b.keys("\t\r")
	b.waitScreen("Votre messagerie universitaire est prête : " + camilleID)
	b.keys(kb.ArrowDown + "\r")
	b.waitScreen("étape 5 sur 5 : mot de passe")
	b.keys(newPassword + "\r")
	b.keys(newPassword)
	b.waitScreen("✓ les deux saisies sont identiques")
	b.requireHidden(newPassword)
	b.keys("\r")
	b.waitScreen("✓ Votre compte est activé.")
	b.keys("\r") // home, identifiant prefilled
	b.waitScreen(camilleID)
	b.keys(newPassword + "\r")
	b.waitScreen("Connecté : " + camilleID)
	b.requireHidden(newPassword, code)
	b.noViolations()

	acct, err := wt.store.Login(context.Background(), "camille.martin", newPassword, data.Origin{Client: "other"})
	if err != nil || acct.Status != data.StatusActive || acct.RedirectEmail != camilleMail || !acct.KeepCopy {
		t.Fatalf("account after activation on the web page: %+v, %v", acct, err)
	}
	for _, secret := range []string{code, newPassword} {
		if strings.Contains(wt.logs.String(), secret) {
			t.Fatalf("secret %q in the logs", secret)
		}
	}
}
