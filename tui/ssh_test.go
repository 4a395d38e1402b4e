package tui

import (
	"context"
	"image/color"
	"io"
	"net"
	"os"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/crypto/ssh/agent"

	"entkiosk/data"
	"entkiosk/screens"
)

const (
	hugo         = "hugo.lefevre@etu.umontpellier.fr"
	hugoPassword = "Kiosque-Demo-2026"
)

func TestSSHLoginReachesDashboard(t *testing.T) {
	ts := startSSH(t)
	st := ts.openTerm("someone")
	st.waitFor("UNIVERSITÉ DE MONTPELLIER", "DÉMO  FR\n", "Identifiant", "Mot de passe", "Se connecter", "q quitter")
	st.keys("hugo.lefevre\r")
	st.keys(hugoPassword + "\r")
	s := st.waitFor("Connecté : " + hugo)
	if strings.Contains(s, hugoPassword) {
		t.Fatalf("password on the screen:\n%s", s)
	}
	entries, err := ts.store.AuditLog(context.Background(), data.AuditFilter{Identifiant: hugo, Events: []data.Event{data.EventLogin}})
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
			if !ss.model.m.opts.Renderer.HasDarkBackground() {
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
	ts := startSSH(t)
	ctx := context.Background()
	o := data.Origin{Client: "test", Lang: "fr"}
	onStep := func(page screens.Page, ident string) func() bool {
		return func() bool {
			for _, ss := range ts.sessions() {
				start := ss.model.m.opts.Start
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
	ts.openTerm(first).waitFor("Ce lien a expiré (24 h).", "« 1ère connexion » ou « Problème de connexion ».", "Se connecter")

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
	ts.openTerm(first).waitFor("Ce lien n'est plus valable", "Se connecter")
	ts.openTerm(strings.Repeat("a", 32)).waitFor("Ce lien n'est pas valable.", "Se connecter")

	// A reset code's link opens the recovery step.
	if _, err := ts.store.StartReset(ctx, "hugo.lefevre", o); err != nil {
		t.Fatal(err)
	}
	reset := lastToken(t, ts.store, "hugo.lefevre@example.org")
	ts.openTerm(reset)
	eventually(t, "a session opened on the recovery step", onStep(screens.PageRecovery, hugo))

	logs := ts.logs.String()
	for _, tok := range []string{first, second, reset, strings.Repeat("a", 32)} {
		if strings.Contains(logs, tok) {
			t.Fatalf("token in the logs:\n%s", logs)
		}
	}
	if !strings.Contains(logs, "user=token") {
		t.Fatalf("token sessions not logged as such:\n%s", logs)
	}
}

func TestSSHRefusesEverythingButTheShell(t *testing.T) {
	ts := startSSH(t)
	conn := func() *sshTerm {
		client, err := dialSSH(t, ts.addr, "someone")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { client.Close() })
		return &sshTerm{t: t, client: client}
	}

	c := conn()
	sess, err := c.client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	stderrPipe, err := sess.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr syncBuffer
	go io.Copy(&stderr, stderrPipe)
	if err := sess.Run("id"); err == nil {
		t.Fatal("exec accepted")
	}
	eventually(t, "an explanation on stderr", func() bool { return strings.Contains(stderr.String(), "aucune commande") })

	c = conn()
	sess, _ = c.client.NewSession()
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Fatal("sftp subsystem accepted")
	}

	c = conn()
	if fwd, err := c.client.Dial("tcp", ts.addr); err == nil {
		fwd.Close()
		t.Fatal("-L forwarding (direct-tcpip) accepted")
	}
	if ln, err := c.client.Listen("tcp", "127.0.0.1:0"); err == nil {
		ln.Close()
		t.Fatal("-R forwarding (tcpip-forward) accepted")
	}

	c = conn()
	sess, _ = c.client.NewSession()
	if err := sess.Setenv("LANG", "fr_FR.UTF-8"); err == nil {
		t.Fatal("env request accepted")
	}
	if err := agent.RequestAgentForwarding(sess); err == nil {
		t.Fatal("agent forwarding accepted")
	}
	// The shell still works on that session, and only one session a connection.
	if err := sess.RequestPty("xterm", 24, 80, nil); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	if second, err := c.client.NewSession(); err == nil {
		second.Close()
		t.Fatal("a second session on one connection")
	}
}

func TestSSHNoPtyRefused(t *testing.T) {
	ts := startSSH(t)
	client, err := dialSSH(t, ts.addr, "someone")
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var stderr syncBuffer
	sess.Stderr = &stderr
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- sess.Wait() }()
	select {
	case err := <-done:
		if status := exitStatus(t, err); status != 1 {
			t.Fatalf("exit status %d, want 1", status)
		}
	case <-time.After(waitLimit):
		t.Fatal("no-pty session never ended")
	}
	if got := stderr.String(); strings.Count(got, "\n") != 1 || !strings.Contains(got, "terminal interactif") ||
		!strings.Contains(got, "interactive terminal") {
		t.Fatalf("stderr %q: want one line, in French and English", got)
	}
}

// A panic in one session (in Update, or in a command) ends that session
// only; the others and the server carry on.
func TestSSHPanicEndsOnlyThatSession(t *testing.T) {
	ts := startSSH(t, func(o *ServeOptions) {
		o.hook = func(m *Model, msg tea.Msg) tea.Cmd {
			if k, ok := msg.(tea.KeyMsg); ok {
				switch k.String() {
				case "§":
					panic("test panic in Update")
				case "¤":
					return func() tea.Msg { panic("test panic in a command") }
				}
			}
			return nil
		}
	})
	a := ts.openTerm("someone")
	b := ts.openTerm("someone")
	c := ts.openTerm("someone")
	for _, st := range []*sshTerm{a, b, c} {
		st.waitFor("Se connecter")
	}
	a.keys("§")
	if status := a.waitExit(); status != 1 {
		t.Fatalf("exit status %d after a panic, want 1", status)
	}
	c.keys("¤")
	c.waitExit()
	b.keys("still-here")
	b.waitFor("still-here")
	ts.openTerm("someone").waitFor("Se connecter")
	logs := ts.logs.String()
	if !strings.Contains(logs, "session panic") || !strings.Contains(logs, "test panic in Update") {
		t.Fatalf("panic not logged:\n%s", logs)
	}
}

func TestSSHKioskUserNeverQuits(t *testing.T) {
	ts := startSSH(t)
	st := ts.openTerm(KioskUser)
	s := st.waitFor("Se connecter")
	if strings.Contains(s, "q quitter") {
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

func TestSSHShutdownTellsSessions(t *testing.T) {
	ts := startSSH(t, func(o *ServeOptions) { o.ShutdownGrace = 2 * time.Second })
	st := ts.openTerm("someone")
	st.waitFor("Se connecter")
	stopped := make(chan error, 1)
	go func() { stopped <- ts.stop() }()
	st.waitFor("Le service redémarre : votre session va se fermer.")
	st.waitExit()
	st.waitFor("session fermée. Reconnectez-vous dans un instant.")
	if err := <-stopped; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	if c, err := dialSSH(t, ts.addr, "someone"); err == nil {
		c.Close()
		t.Fatal("still accepting after shutdown")
	}
}

func TestSSHConnectionLimits(t *testing.T) {
	ts := startSSH(t, func(o *ServeOptions) {
		o.MaxSessionsPerAddress = 2
		o.handshake = 300 * time.Millisecond
	})
	ts.openTerm("someone").waitFor("Se connecter")
	ts.openTerm("someone").waitFor("Se connecter")
	if c, err := dialSSH(t, ts.addr, "someone"); err == nil {
		c.Close()
		t.Fatal("a third connection from one address")
	}
	if !strings.Contains(ts.logs.String(), "limit reached") {
		t.Fatalf("refusal not logged:\n%s", ts.logs.String())
	}
	eventually(t, "two connections counted", func() bool { return ts.srv.limiter.count() == 2 })

	// A TCP connection that says nothing is closed by the handshake timer,
	// and its place is given back.
	ts2 := startSSH(t, func(o *ServeOptions) { o.handshake = 300 * time.Millisecond })
	raw, err := net.Dial("tcp", ts2.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	raw.SetReadDeadline(time.Now().Add(waitLimit))
	buf := make([]byte, 256)
	for {
		if _, err := raw.Read(buf); err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				t.Fatal("silent connection never closed")
			}
			break
		}
	}
	eventually(t, "no connection counted", func() bool { return ts2.srv.limiter.count() == 0 })

	// In total, too.
	ts3 := startSSH(t, func(o *ServeOptions) { o.MaxSessions = 1 })
	ts3.openTerm("someone").waitFor("Se connecter")
	if c, err := dialSSH(t, ts3.addr, "someone"); err == nil {
		c.Close()
		t.Fatal("a second connection beyond --max-sessions 1")
	}
}

func TestSSHHostKeyKept(t *testing.T) {
	path := t.TempDir() + "/key"
	s1, created, err := loadHostKey(path)
	if err != nil || !created {
		t.Fatalf("first start: %v, created %v", err, created)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v: %v", info.Mode().Perm(), err)
	}
	s2, created, err := loadHostKey(path)
	if err != nil || created {
		t.Fatalf("second start: %v, created %v", err, created)
	}
	if string(s1.PublicKey().Marshal()) != string(s2.PublicKey().Marshal()) {
		t.Fatal("a new key at the second start")
	}
	ts := startSSH(t, func(o *ServeOptions) { o.HostKeyPath = path })
	if !strings.Contains(ts.logs.String(), "fingerprint=SHA256:") {
		t.Fatalf("fingerprint not printed:\n%s", ts.logs.String())
	}
}

// A kiosk process and the SSH server on one store file: both write at the
// same time, and counters, codes and accounts are the same for both.
func TestSSHSharesTheStoreWithAKiosk(t *testing.T) {
	ts := startSSH(t)
	other, err := data.Open(ts.store.Path(), data.Config{Clock: ts.clock, Hasher: testHasher,
		LinkHost: "ent.umontpellier.fr", LinkPort: 2222})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	// A kiosk on the other store logs in and out in a loop while SSH
	// sessions log in.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		kiosk := New(Options{Store: other, Renderer: asciiRenderer(), Lang: screens.French, Kiosk: true,
			Client: "kiosk:test", Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }})
		tm := &testModel{Model: kiosk, t: t, store: other}
		tm.settle(tm.Init())
		tm.send(tea.WindowSizeMsg{Width: 80, Height: 24})
		for {
			select {
			case <-stop:
				return
			default:
			}
			tm.typeText("paul.bernard")
			tm.press("enter")
			tm.typeText("Archives-Demo-2025")
			tm.press("enter") // rights ended: refused, written to the audit log
			tm.press("ctrl+c")
		}
	}()
	var terms []*sshTerm
	for range 3 {
		st := ts.openTerm("someone")
		st.waitFor("Se connecter")
		terms = append(terms, st)
	}
	for _, st := range terms {
		st.keys("hugo.lefevre\r" + hugoPassword + "\r")
	}
	for _, st := range terms {
		st.waitFor("Connecté : " + hugo)
	}
	close(stop)
	wg.Wait()

	// Counters: wrong passwords at the kiosk lock Hugo over SSH too.
	for range data.LoginFailuresBeforeLock {
		if _, err := other.Login(context.Background(), "hugo.lefevre", "Wrong-Password-1", data.Origin{Client: "kiosk:test"}); err == nil {
			t.Fatal("wrong password accepted")
		}
	}
	st := ts.openTerm("someone")
	st.waitFor("Se connecter")
	st.keys("hugo.lefevre\r" + hugoPassword + "\r")
	st.waitFor("Identifiant ou mot de passe incorrect.")

	// Codes: a code sent by the kiosk opens over SSH.
	ts.clock.Advance(2 * time.Minute) // past the import mail's resend cooldown
	o := data.Origin{Client: "kiosk:test", Lang: "fr"}
	c, err := other.StartActivation(context.Background(), data.ActivationIdentity{Identifiant: "jean-luc.dalembert"}, o)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.ActivationChallenge(context.Background(), c, true, o); err != nil {
		t.Fatal(err)
	}
	token := lastToken(t, other, "jl.dalembert@example.org")
	ts.openTerm(token)
	eventually(t, "the kiosk's code opened over SSH", func() bool {
		for _, ss := range ts.sessions() {
			if tk := ss.model.m.opts.Start.Ticket; tk != nil && tk.Identifiant == "jean-luc.dalembert@etu.umontpellier.fr" {
				return true
			}
		}
		return false
	})
	entries, err := ts.store.AuditLog(context.Background(), data.AuditFilter{Identifiant: "paul.bernard"})
	if err != nil || len(entries) == 0 || entries[0].Client != "kiosk:test" {
		t.Fatalf("the kiosk's audit entries are not seen by the server: %v %v", entries, err)
	}
}

// Sessions that end, one way or another, leave no goroutine, no counted
// connection and no registered session behind.
func TestSSHSessionsLeaveNothing(t *testing.T) {
	ts := startSSH(t, func(o *ServeOptions) { o.MaxSessionsPerAddress = 100 })
	ts.openTerm("someone").waitFor("Se connecter") // warm up
	eventually(t, "warm-up settled", func() bool { return ts.srv.sessionCount() == 1 })
	before := runtime.NumGoroutine()
	for i := range 12 {
		st := ts.openTerm("someone")
		st.waitFor("Se connecter")
		switch i % 3 {
		case 0:
			st.keys("\x03") // quits at home
			st.waitExit()
		case 1:
			// the client goes away
		case 2:
			st.keys("typed")
			st.waitFor("typed")
			st.sess.Close() // the client closes the session, not the connection
			st.waitExit()
		}
		st.close()
	}
	eventually(t, "sessions and connections released", func() bool {
		return ts.srv.sessionCount() == 1 && ts.srv.limiter.count() == 1
	})
	deadline := time.Now().Add(waitLimit)
	for runtime.NumGoroutine() > before+2 {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("goroutines: %d, before: %d\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestSSHFollowsTheWindowSize(t *testing.T) {
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
