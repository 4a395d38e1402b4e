package sshserver

import (
	"context"
	"strings"
	"testing"

	"entkiosk/data"
)

// Whole flows over a real SSH connection, through the real screens.

const (
	keyDown = "\x1b[B"
	keySpc  = " "
)

// requireHidden fails if a secret is on the client's screen now (the
// emulator keeps only the last screen: the flows check after each step
// that typed one).
func (st *sshTerm) requireHidden(secrets ...string) {
	st.t.Helper()
	s := st.screen()
	for _, secret := range secrets {
		if strings.Contains(s, secret) {
			st.t.Fatalf("secret %q on the screen:\n%s", secret, s)
		}
	}
}

// A first-day student activates the account from home over SSH: the code
// from the mail, the charter, the redirection, the password; then logs in.
func TestSSHWholeActivation(t *testing.T) {
	t.Parallel()
	ts := startSSH(t)
	st := ts.openTerm("camille")
	st.waitFor("Se connecter")
	st.keys("\t\t\t\r") // "1ère connexion"
	st.waitFor("1ère connexion — étape 1 sur 5 : identification")
	st.keys("Camille.Martin\r")
	st.waitFor("étape 2 sur 5 : code d'activation", "Un mail a été envoyé à l'adresse personnelle de ce compte",
		"ca•••••n@ex•••••e.org")
	code := mailedCode(t, ts.store, camilleMail)
	st.keys(code + "\r")
	st.waitFor("CHARTE D'USAGE DES RESSOURCES NUMÉRIQUES", "[ ] J'ai lu la charte et je l'accepte")
	st.requireHidden(code)
	st.keys(keySpc)
	st.waitFor("[x] J'ai lu la charte et je l'accepte")
	st.keys("\t\r")
	st.waitFor("Votre messagerie universitaire est prête : "+camilleID, "Oui, en gardant une copie")
	st.keys(keyDown + "\r")
	st.waitFor("étape 5 sur 5 : mot de passe", "Nouveau mot de passe")
	st.keys(newPassword + "\r")
	st.keys(newPassword)
	st.waitFor("✓ les deux saisies sont identiques")
	st.requireHidden(newPassword)
	st.keys("\r")
	st.waitFor("✓ Votre compte est activé.", camilleID, "vers ca•••••n@ex•••••e.org, copie conservée")
	st.keys("\r") // home, identifiant prefilled
	st.waitFor("Connexion", camilleID)
	st.keys(newPassword + "\r")
	st.waitFor("Connecté : " + camilleID)
	st.requireHidden(newPassword, code)

	acct, err := ts.store.Login(context.Background(), "camille.martin", newPassword, data.Origin{Client: "other"})
	if err != nil || acct.Status != data.StatusActive || acct.RedirectEmail != camilleMail || !acct.KeepCopy {
		t.Fatalf("account after activation over SSH: %+v, %v", acct, err)
	}
	for _, secret := range []string{code, newPassword} {
		if strings.Contains(ts.logs.String(), secret) {
			t.Fatalf("secret %q in the logs", secret)
		}
	}
}

// The link of the activation mail (ssh://TOKEN@host) opens the charter
// step at once; finishing it uses the link up.
func TestSSHActivationFromTheMailLink(t *testing.T) {
	t.Parallel()
	ts := startSSH(t)
	token := lastToken(t, ts.store, camilleMail)
	st := ts.openTerm(token)
	st.waitFor("1ère connexion — étape 3 sur 5 : charte")
	st.keys(keySpc)
	st.waitFor("[x] J'ai lu la charte et je l'accepte")
	st.keys("\t\r")
	st.waitFor("Votre messagerie universitaire est prête")
	st.keys(keyDown + keyDown + "\r") // redirect without a copy
	st.waitFor("étape 5 sur 5 : mot de passe")
	st.keys(newPassword + "\r")
	st.keys(newPassword)
	st.waitFor("✓ les deux saisies sont identiques")
	st.keys("\r")
	st.waitFor("✓ Votre compte est activé.", "vers ca•••••n@ex•••••e.org, sans copie")
	st.requireHidden(token, newPassword)
	if _, err := ts.store.OpenToken(context.Background(), token); err == nil {
		t.Fatal("the link still opens after the activation")
	}
	// The account is active now: the link says so, and home has the
	// identifiant typed in, the cursor in the password.
	again := ts.openTerm(token)
	again.waitFor("Votre compte est déjà activé : connectez-vous avec votre mot de passe.", camilleID)
	if strings.Contains(again.screen(), "déjà servi") {
		t.Fatalf("an activated account's link says it was used:\n%s", again.screen())
	}
	again.keys(newPassword + "\r")
	again.waitFor("Connecté : " + camilleID)
	again.requireHidden(newPassword, token)
}

// The link of a reset mail opens the new password step.
func TestSSHResetFromTheMailLink(t *testing.T) {
	t.Parallel()
	ts := startSSH(t)
	if _, err := ts.store.StartReset(context.Background(), "hugo.lefevre", data.Origin{Client: "test"}); err != nil {
		t.Fatal(err)
	}
	token := lastToken(t, ts.store, hugoMail)
	st := ts.openTerm(token)
	st.waitFor("Problème de connexion — nouveau mot de passe")
	st.keys("Marron-Glace-77\r")
	st.keys("Marron-Glace-77\r")
	st.waitFor("✓ Votre mot de passe a été modifié.")
	st.requireHidden(token, "Marron-Glace-77")
	if _, err := ts.store.Login(context.Background(), "hugo.lefevre", "Marron-Glace-77", data.Origin{}); err != nil {
		t.Fatal(err)
	}
}
