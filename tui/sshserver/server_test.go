package sshserver

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/crypto/ssh/agent"

	"entkiosk/data"
	"entkiosk/data/institution"
	"entkiosk/tui/netlist"
)

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
	t.Parallel()
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
	t.Parallel()
	ts := startSSH(t, func(o *ServeOptions) {
		o.hook = func(msg tea.Msg) tea.Cmd {
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

func TestSSHShutdownTellsSessions(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
	// The default handshake time: a 300 ms one failed real handshakes
	// under -race with the other tests running beside it.
	ts := startSSH(t, func(o *ServeOptions) { o.MaxSessionsPerAddress = 2 })
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
	t.Parallel()
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
	t.Parallel()
	ts := startSSH(t)
	other, err := data.Open(ts.store.Path(), data.Config{Clock: ts.clock, Hasher: testHasher, Institution: institution.Demo(),
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
		kiosk := data.Origin{Client: "kiosk:test", Lang: "fr"}
		for {
			select {
			case <-stop:
				return
			default:
			}
			// Rights ended: refused, written to the audit log.
			if _, err := other.Login(context.Background(), "paul.bernard", "Archives-Demo-2025", kiosk); err == nil {
				t.Error("paul.bernard's rights have ended: login accepted")
				return
			}
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
		st.waitFor("Connecté : " + hugoFull)
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
			if tk := ss.program.Start().Ticket; tk != nil && tk.Identifiant == "jean-luc.dalembert@etu.umontpellier.fr" {
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
	before := sessionGoroutines()
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
	noGoroutineLeft(t, before)
}

// A campus NAT: eleven people from one address of --shared-networks all
// get their session, up to --max-sessions-per-shared-address; from an
// address outside, the eleventh is refused as before. The sessions from
// the shared address are shared clients for the store, the others not.
func TestSSHSharedNetworkAddress(t *testing.T) {
	t.Parallel()
	const people = DefaultMaxSessionsPerAddress + 1
	ts := startSSH(t, func(o *ServeOptions) {
		o.SharedNetworks = netlist.List{netip.MustParsePrefix("127.0.0.2/32")}
		o.MaxSessionsPerSharedAddress = people
	})
	for range people {
		ts.openTermFrom("127.0.0.2", "someone").waitFor("Se connecter")
	}
	if c, err := dialFrom(ts.addr, "127.0.0.2", "someone"); err == nil {
		c.Close()
		t.Fatalf("connection %d from the shared address, beyond --max-sessions-per-shared-address %d", people+1, people)
	}
	for range DefaultMaxSessionsPerAddress {
		ts.openTermFrom("127.0.0.3", "someone").waitFor("Se connecter")
	}
	if c, err := dialFrom(ts.addr, "127.0.0.3", "someone"); err == nil {
		c.Close()
		t.Fatalf("connection %d from an address outside the shared networks", people)
	}
	eventually(t, "every session counted", func() bool {
		return ts.srv.sessionCount() == people+DefaultMaxSessionsPerAddress
	})
	ts.srv.mu.Lock()
	for ss := range ts.srv.sessions {
		if want := ss.client == "ssh:127.0.0.2"; ss.shared != want {
			t.Errorf("session from %s: shared %v, want %v", ss.client, ss.shared, want)
		}
	}
	ts.srv.mu.Unlock()
	logs := ts.logs.String()
	if !strings.Contains(logs, "shared_networks=127.0.0.2/32") ||
		!strings.Contains(logs, fmt.Sprintf("max_sessions_per_shared_address=%d", people)) {
		t.Fatalf("the start line does not say the shared networks:\n%s", logs)
	}
}

// The whole way from the connection to the store: eleven wrong passwords
// typed from an address of --shared-networks are eleven wrong passwords;
// from an address outside it, the tenth blocks the terminal and the
// eleventh is told « Trop de tentatives depuis ce poste ».
func TestSSHSharedNetworkLoginFailures(t *testing.T) {
	t.Parallel()
	ts := startSSH(t, func(o *ServeOptions) {
		o.SharedNetworks = netlist.List{netip.MustParsePrefix("127.0.0.4/32")}
	})
	failures := func(client string) (wrong, blocked int) {
		entries, err := ts.store.AuditLog(context.Background(), data.AuditFilter{Limit: 1000,
			Events: []data.Event{data.EventLoginError, data.EventLock}})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			switch {
			case e.Client != client:
			case e.Event == data.EventLoginError:
				wrong++
			case e.Outcome == "client blocked":
				blocked++
			}
		}
		return wrong, blocked
	}
	for _, local := range []string{"127.0.0.4", "127.0.0.5"} {
		client, shared := "ssh:"+local, local == "127.0.0.4"
		st := ts.openTermFrom(local, "someone")
		st.waitFor("Se connecter")
		st.keys("hugo.lefevre\r")
		for i := 1; i <= data.ClientFailuresBeforeBlock+1; i++ {
			st.keys(fmt.Sprintf("Faux-mot-%d\r", i))
			if i > data.ClientFailuresBeforeBlock && !shared {
				st.waitFor("Trop de tentatives depuis ce poste")
				break
			}
			eventually(t, fmt.Sprintf("%s: failure %d recorded", client, i), func() bool {
				wrong, _ := failures(client)
				return wrong == i
			})
		}
		if _, blocked := failures(client); blocked != map[bool]int{true: 0, false: 1}[shared] {
			t.Fatalf("%s (shared %v): %d client blocks after 11 wrong passwords", client, shared, blocked)
		}
		if shared && strings.Contains(st.screen(), "Trop de tentatives") {
			t.Fatalf("a shared address was told it is blocked:\n%s", st.screen())
		}
	}
}
