package sshserver

import (
	"context"
	"image/color"
	"regexp"
	"strings"
	"testing"
	"time"

	"entkiosk/data"
	"entkiosk/screens"
)

func TestSSHLoginReachesDashboard(t *testing.T) {
	t.Parallel()
	ts := startSSH(t)
	st := ts.openTerm("someone")
	st.waitFor("UNIVERSITÉ DE MONTPELLIER", "DÉMO  FR\n", "Identifiant", "Mot de passe", "Se connecter", "quitter")
	st.keys("hugo.lefevre\r")
	st.keys(hugoPassword + "\r")
	s := st.waitFor("Connecté : " + hugoFull)
	if strings.Contains(s, hugoPassword) {
		t.Fatalf("password on the screen:\n%s", s)
	}
	entries, err := ts.store.AuditLog(context.Background(), data.AuditFilter{Identifiant: hugoFull, Events: []data.Event{data.EventLogin}})
	if err != nil || len(entries) == 0 {
		t.Fatalf("no login in the audit log: %v", err)
	}
	if entries[0].Client != "ssh:127.0.0.1" {
		t.Fatalf("client %q, want ssh:127.0.0.1", entries[0].Client)
	}
	if strings.Contains(ts.logs.String(), hugoPassword) {
		t.Fatal("password in the logs")
	}
}

// A client that never answers the background query gets home at once and
// its first key lands in the field.
func TestSSHSilentClientFirstKey(t *testing.T) {
	t.Parallel()
	ts := startSSH(t)
	st := ts.openTerm("someone", silentTerm)
	st.waitFor("Se connecter")
	st.raw("x")
	st.raw("yz7")
	st.waitFor("xyz7")
}

// The terminal's answer to the background query never reaches a field, and
// a light background switches the colours.
func TestSSHBackgroundAnswer(t *testing.T) {
	t.Parallel()
	ts := startSSH(t)
	st := ts.openTerm("someone", func(st *sshTerm) { st.em.SetDefaultBackgroundColor(color.White) })
	st.waitFor("Se connecter")
	st.keys("abc")
	s := st.waitFor("abc")
	if strings.Contains(s, "rgb") || strings.Contains(s, "11;") {
		t.Fatalf("the terminal's answer was typed:\n%s", s)
	}
	eventually(t, "light background detected", func() bool {
		for _, ss := range ts.sessions() {
			if !ss.renderer.HasDarkBackground() {
				return true
			}
		}
		return false
	})
}

// sessions are the server's running sessions.
func (ts *sshTestServer) sessions() []*sshSession {
	ts.srv.mu.Lock()
	defer ts.srv.mu.Unlock()
	return ts.srv.liveLocked()
}

var tokenRE = regexp.MustCompile(`ssh://([a-z2-7]{32})@ent\.umontpellier\.fr:2222`)

// lastToken is the link token of the newest mail to address.
func lastToken(t *testing.T, s *data.Store, address string) string {
	t.Helper()
	mails, err := s.Outbox(context.Background(), data.OutboxFilter{To: address})
	if err != nil {
		t.Fatal(err)
	}
	token := ""
	for _, m := range mails {
		if m := tokenRE.FindStringSubmatch(m.Body); m != nil && token == "" {
			token = m[1]
		}
	}
	if token == "" {
		t.Fatalf("no ssh:// link in the mails to %s", address)
	}
	return token
}

func TestSSHTokenUserName(t *testing.T) {
	t.Parallel()
	ts := startSSH(t)
	ctx := context.Background()
	o := data.Origin{Client: "test", Lang: "fr"}
	onStep := func(page screens.Page, ident string) func() bool {
		return func() bool {
			for _, ss := range ts.sessions() {
				start := ss.program.Start()
				if ss.kind == "token" && start.Page == page && start.Ticket != nil && start.Ticket.Identifiant == ident {
					return true
				}
			}
			return false
		}
	}

	// The import's mail to Camille: its link opens the activation step.
	first := lastToken(t, ts.store, "camille.martin@example.org")
	st := ts.openTerm(first)
	eventually(t, "a session opened on the activation step", onStep(screens.PageActivation, "camille.martin@etu.umontpellier.fr"))
	eventually(t, "not home", func() bool {
		s := st.screen()
		return strings.Contains(s, "UNIVERSITÉ") && !strings.Contains(s, "Se connecter")
	})

	// 25 h later it has expired.
	ts.clock.Advance(25 * time.Hour)
	// Home has no « new code » of its own: the notice names the choice that sends one.
	ts.openTerm(first).waitFor("Ce lien a expiré (24 h) : demandez un nouveau code par « 1ère connexion ».", "Se connecter")

	// A new code replaces it.
	c, err := ts.store.StartActivation(ctx, data.ActivationIdentity{Identifiant: "camille.martin"}, o)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ts.store.ActivationChallenge(ctx, c, true, o); err != nil {
		t.Fatal(err)
	}
	second := lastToken(t, ts.store, "camille.martin@example.org")
	if second == first {
		t.Fatal("no new token")
	}
	ts.openTerm(first).waitFor("Ce lien a déjà servi ou a été remplacé", "Se connecter")
	ts.openTerm(strings.Repeat("a", 32)).waitFor("Ce lien n'est pas valable : saisissez le code reçu par mail.", "Se connecter")
	// A link that lost or gained a character on its way is told as a link
	// that failed: it opened a personal session on home without a word.
	ts.openTerm(second[:31]).waitFor("Ce lien n'est pas valable : saisissez le code reçu par mail.", "Se connecter")
	ts.openTerm(second+"q").waitFor("Ce lien n'est pas valable : saisissez le code reçu par mail.", "Se connecter")
	// Typed in capitals, it is the link.
	upper := ts.openTerm(strings.ToUpper(second))
	eventually(t, "the link in capitals opened the activation step", func() bool {
		s := upper.screen()
		return strings.Contains(s, "1ère connexion — étape") && !strings.Contains(s, "Se connecter")
	})

	// A reset code's link opens the recovery step.
	if _, err := ts.store.StartReset(ctx, "hugo.lefevre", o); err != nil {
		t.Fatal(err)
	}
	reset := lastToken(t, ts.store, "hugo.lefevre@example.org")
	ts.openTerm(reset)
	eventually(t, "a session opened on the recovery step", onStep(screens.PageRecovery, hugoFull))
	// Once the password is changed with it, the link says so, the
	// identifiant typed in: « utilisez le dernier mail reçu » sent the
	// person looking for a newer mail.
	ticket, err := ts.store.OpenToken(ctx, reset)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ts.store.CompleteReset(ctx, ticket, "Girafe-Bleue-77", o); err != nil {
		t.Fatal(err)
	}
	done := ts.openTerm(reset).waitFor("Ce lien a déjà servi : connectez-vous avec le mot de passe choisi alors.", "Se connecter")
	if !strings.Contains(done, hugoFull) {
		t.Fatalf("the identifiant is not typed in:\n%s", done)
	}
	if _, err := ts.store.StartReset(ctx, "hugo.lefevre", o); err != nil {
		t.Fatal(err)
	}
	unused := lastToken(t, ts.store, "hugo.lefevre@example.org")
	ts.clock.Advance(25 * time.Hour)
	ts.openTerm(unused).waitFor("Lien expiré (24 h) : demandez un nouveau code par « Problème de connexion ».", "Se connecter")

	logs := ts.logs.String()
	for _, tok := range []string{first, second, reset, strings.Repeat("a", 32), second[:31], strings.ToUpper(second)} {
		if strings.Contains(logs, tok) {
			t.Fatalf("token in the logs:\n%s", logs)
		}
	}
	if !strings.Contains(logs, "user=token") {
		t.Fatalf("token sessions not logged as such:\n%s", logs)
	}
}

func TestSSHKioskUserNeverQuits(t *testing.T) {
	t.Parallel()
	ts := startSSH(t)
	st := ts.openTerm(KioskUser)
	s := st.waitFor("Se connecter")
	if strings.Contains(s, "quitter") {
		t.Fatalf("a kiosk offers to quit:\n%s", s)
	}
	st.keys("\t\t\tq") // on the actions, q would quit a personal session
	st.keys("\x03")    // ctrl+c at home
	st.keys("\x04")    // ctrl+d
	st.keys("typed-here")
	st.waitFor("typed-here")
	st.keys("\x03") // wipes: home, empty
	eventually(t, "wiped", func() bool {
		s := st.screen()
		return strings.Contains(s, "Se connecter") && !strings.Contains(s, "typed-here")
	})
	st.keys("alive")
	st.waitFor("alive")
	if !ts.sessions()[0].kiosk {
		t.Fatal("not a kiosk session")
	}

	// A personal session ends with ctrl+c at home.
	p := ts.openTerm("someone")
	p.waitFor("Se connecter")
	p.keys("\x03")
	if status := p.waitExit(); status != 0 {
		t.Fatalf("exit status %d, want 0", status)
	}
}

func TestSSHIdleAndMaxTime(t *testing.T) {
	t.Parallel()
	ts := startSSH(t, func(o *ServeOptions) {
		o.IdleTimeout = 300 * time.Millisecond
		o.MaxSessionTime = 2 * time.Second
	})
	// An untouched personal session is closed, with a line saying why.
	st := ts.openTerm("someone")
	st.waitFor("Se connecter")
	st.waitExit()
	if s := st.screen(); !strings.Contains(s, "inactivité") {
		t.Fatalf("no idle explanation:\n%s", s)
	}

	// A kiosk session is never closed for idleness; past the max session
	// time it ends at its next return home, not in the middle.
	k := ts.openTerm(KioskUser)
	k.waitFor("Se connecter")
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) { // keep it busy past the max time
		k.keys("z")
		time.Sleep(100 * time.Millisecond)
	}
	k.waitFor("zzz")
	k.keys("\x03") // home, wiped: now it ends
	k.waitExit()
	if s := k.screen(); !strings.Contains(s, "durée maximale") {
		t.Fatalf("no max-time explanation:\n%s", s)
	}
}

func TestSSHFollowsTheWindowSize(t *testing.T) {
	t.Parallel()
	ts := startSSH(t)
	st := ts.openTerm("someone")
	st.waitFor("Se connecter")
	st.mu.Lock()
	st.em.Resize(100, 30)
	st.mu.Unlock()
	if err := st.sess.WindowChange(30, 100); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the banner drawn at 100 columns", func() bool {
		for _, line := range strings.Split(st.screen(), "\n") {
			if strings.HasPrefix(line, " UNIVERSITÉ") && strings.HasSuffix(line, "FR") && len([]rune(line)) == 100 {
				return true
			}
		}
		return false
	})
}
