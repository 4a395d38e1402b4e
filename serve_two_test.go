package main

// Two `entkiosk serve` processes, the real binary built by the test, on one
// store: a SQLite file both open on this machine, and a PostgreSQL
// database (data/pgtest), the deployment of issue 16. Clients are real SSH
// sessions with a pty, read through a terminal emulator.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	stdlog "log"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"entkiosk/data/pgtest"

	"github.com/charmbracelet/x/vt"
	smtp "github.com/emersion/go-smtp"
	gossh "golang.org/x/crypto/ssh"
)

var (
	serveBinOnce sync.Once
	serveBinDir  string
	serveBin     string
	serveBinErr  error
)

// entkioskBinary builds entkiosk once for the tests of this file.
func entkioskBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end: skipped under -short")
	}
	serveBinOnce.Do(func() {
		if serveBinDir, serveBinErr = os.MkdirTemp("", "entkiosk-two-"); serveBinErr != nil {
			return
		}
		serveBin = filepath.Join(serveBinDir, "entkiosk")
		if out, err := exec.Command("go", "build", "-o", serveBin, ".").CombinedOutput(); err != nil {
			serveBinErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if serveBinErr != nil {
		t.Fatal(serveBinErr)
	}
	t.Cleanup(func() {}) // the binary stays for the other tests; the folder is in the system's temp
	return serveBin
}

// twoWait bounds every wait (a shared machine, maybe -race).
const twoWait = 60 * time.Second

// serveProc is one `entkiosk serve`.
type serveProc struct {
	t    *testing.T
	name string
	addr string
	log  string
	cmd  *exec.Cmd
	done chan struct{}
	out  bytes.Buffer
}

// storeEnv: the environment every process of a test gets (the store's
// password, when it needs one).
func startServe(t *testing.T, name, db string, env []string, extra ...string) *serveProc {
	t.Helper()
	bin := entkioskBinary(t)
	dir := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	p := &serveProc{t: t, name: name, addr: addr, log: filepath.Join(dir, "serve.log"), done: make(chan struct{})}
	args := append([]string{"serve", "--db", db, "--listen", addr, "--host-key", filepath.Join(dir, "host_key"),
		"--log", p.log, "--link-host", "127.0.0.1", "--max-sessions-per-address", "50"}, extra...)
	p.cmd = exec.Command(bin, args...)
	p.cmd.Env = append(cleanProcessEnv(), env...)
	p.cmd.Stdout, p.cmd.Stderr = &p.out, &p.out
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.cmd.Wait(); close(p.done) }()
	t.Cleanup(p.stop)
	deadline := time.Now().Add(twoWait)
	for {
		b, _ := os.ReadFile(p.log)
		if bytes.Contains(b, []byte("fingerprint=")) {
			return p
		}
		select {
		case <-p.done:
			t.Fatalf("serve %s stopped at start:\n%s\n%s", name, b, p.out.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve %s did not start:\n%s\n%s", name, b, p.out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (p *serveProc) stop() {
	select {
	case <-p.done:
		return
	default:
	}
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(15 * time.Second):
		p.cmd.Process.Kill()
		<-p.done
	}
}

// kill is kill -9: no shutdown, no flush.
func (p *serveProc) kill() {
	p.cmd.Process.Kill()
	<-p.done
}

func (p *serveProc) logText() string {
	b, _ := os.ReadFile(p.log)
	return string(b)
}

// cleanProcessEnv is the environment without ENTKIOSK_ settings (and CI,
// which would take colours away).
func cleanProcessEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "ENTKIOSK_") || name == "CI" || name == "NO_COLOR" || name == "TERM" {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "TERM=xterm-256color")
}

// sshScreen is an SSH session with a pty, its screen kept by an emulator.
type sshScreen struct {
	t      *testing.T
	client *gossh.Client
	sess   *gossh.Session
	mu     sync.Mutex
	em     *vt.Emulator
	stdin  io.Writer
}

// dialScreen connects to p as user from the loopback address src ("" for
// any), with a 100×30 pty.
func dialScreen(t *testing.T, p *serveProc, user, src string) *sshScreen {
	t.Helper()
	s, err := tryScreen(t, p, user, src)
	if err != nil {
		t.Fatalf("ssh %s: %v", p.name, err)
	}
	t.Cleanup(s.close)
	return s
}

// tryScreen is dialScreen for a server that may be gone: an error, not a
// failed test (the caller closes the session).
func tryScreen(t *testing.T, p *serveProc, user, src string) (*sshScreen, error) {
	d := net.Dialer{Timeout: twoWait}
	if src != "" {
		d.LocalAddr = &net.TCPAddr{IP: net.ParseIP(src)}
	}
	conn, err := d.Dial("tcp", p.addr)
	if err != nil {
		return nil, err
	}
	cc, chans, reqs, err := gossh.NewClientConn(conn, p.addr, &gossh.ClientConfig{User: user,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: twoWait})
	if err != nil {
		conn.Close()
		return nil, err
	}
	s := &sshScreen{t: t, client: gossh.NewClient(cc, chans, reqs), em: vt.NewEmulator(100, 30)}
	fail := func(err error) (*sshScreen, error) {
		s.client.Close()
		return nil, err
	}
	if s.sess, err = s.client.NewSession(); err != nil {
		return fail(err)
	}
	if err := s.sess.RequestPty("xterm-256color", 30, 100, gossh.TerminalModes{}); err != nil {
		return fail(err)
	}
	if s.stdin, err = s.sess.StdinPipe(); err != nil {
		return fail(err)
	}
	stdout, err := s.sess.StdoutPipe()
	if err != nil {
		return fail(err)
	}
	if err := s.sess.Shell(); err != nil {
		return fail(err)
	}
	go func() {
		buf := make([]byte, 8192)
		for {
			n, err := stdout.Read(buf)
			if n > 0 {
				s.mu.Lock()
				s.em.Write(buf[:n])
				s.mu.Unlock()
			}
			if err != nil {
				return
			}
		}
	}()
	go func() {
		buf := make([]byte, 1024)
		for {
			n, err := s.em.Read(buf)
			if n > 0 {
				s.stdin.Write(buf[:n])
			}
			if err != nil {
				return
			}
		}
	}()
	return s, nil
}

func (s *sshScreen) close() {
	s.sess.Close()
	s.client.Close()
	if pw, ok := s.em.InputPipe().(*io.PipeWriter); ok {
		pw.Close()
	}
}

func (s *sshScreen) keys(k string) { s.em.SendText(k) }

func (s *sshScreen) screen() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.ReplaceAll(s.em.String(), "\u00a0", " ")
}

// waitAny waits until the screen shows one of want, and says which.
func (s *sshScreen) waitAny(want ...string) string {
	s.t.Helper()
	got, ok := s.within(twoWait, want...)
	if !ok {
		s.t.Fatalf("screen shows none of %q:\n%s", want, s.screen())
	}
	return got
}

// within waits up to d for one of want.
func (s *sshScreen) within(d time.Duration, want ...string) (string, bool) {
	deadline := time.Now().Add(d)
	for {
		sc := s.screen()
		for _, w := range want {
			if strings.Contains(sc, w) {
				return w, true
			}
		}
		if time.Now().After(deadline) {
			return "", false
		}
		time.Sleep(15 * time.Millisecond)
	}
}

func (s *sshScreen) waitFor(want ...string) {
	s.t.Helper()
	for _, w := range want {
		s.waitAny(w)
	}
}

// login types an identifiant and a password on the home screen and says
// what came back.
func (s *sshScreen) login(ident, password string) string {
	s.t.Helper()
	s.waitFor("Se connecter")
	s.keys(ident + "\r")
	s.keys(password + "\r")
	return s.waitAny("Connecté :", "Trop de tentatives", "incorrect", "✗")
}

// runEntkiosk runs one command of the binary on the store and returns its
// standard output, failing t on a non-zero status.
func runEntkiosk(t *testing.T, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(entkioskBinary(t), args...)
	cmd.Env = append(cleanProcessEnv(), env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("entkiosk %s: %v\n%s%s", strings.Join(args, " "), err, out.String(), errOut.String())
	}
	return out.String()
}

// auditEvents are the store's audit entries of these events, as the audit
// command gives them (--json).
func auditEvents(t *testing.T, db string, env []string, events string) []map[string]any {
	t.Helper()
	out := runEntkiosk(t, env, "audit", "--db", db, "--json", "--limit", "100000", "--event", events)
	var list []map[string]any
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var e map[string]any
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("audit --json line %q: %v", sc.Text(), err)
		}
		list = append(list, e)
	}
	return list
}

// twoStores are the stores the two servers share: a SQLite file, and a
// PostgreSQL database when one can be had.
type sharedStore struct {
	name string
	db   string
	env  []string
}

// ---- a loopback SMTP relay that keeps every message

type keptMail struct {
	to        []string
	messageID string
}

type mailRelay struct {
	addr string
	mu   sync.Mutex
	msgs []keptMail
}

func startMailRelay(t *testing.T) *mailRelay {
	t.Helper()
	r := &mailRelay{}
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) { return &relaySess{r: r}, nil }))
	srv.Domain = "relay.test"
	srv.ErrorLog = stdlog.New(io.Discard, "", 0)
	srv.AllowInsecureAuth = true
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r.addr = ln.Addr().String()
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return r
}

func (r *mailRelay) received() []keptMail {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]keptMail(nil), r.msgs...)
}

type relaySess struct {
	r  *mailRelay
	to []string
}

func (s *relaySess) Mail(string, *smtp.MailOptions) error { return nil }
func (s *relaySess) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = append(s.to, to)
	return nil
}

var messageIDRe = regexp.MustCompile(`(?mi)^Message-ID:\s*(<[^>]+>)`)

func (s *relaySess) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	m := keptMail{to: s.to}
	if id := messageIDRe.FindSubmatch(b); id != nil {
		m.messageID = string(id[1])
	}
	s.r.mu.Lock()
	s.r.msgs = append(s.r.msgs, m)
	s.r.mu.Unlock()
	s.to = nil
	return nil
}
func (s *relaySess) Reset()        { s.to = nil }
func (s *relaySess) Logout() error { return nil }

// ---- the tests, on each shared store

// sharedStores are the stores two servers can share here: a SQLite file
// (both on this machine), and a PostgreSQL database.
func sharedStores(t *testing.T) []func(t *testing.T) sharedStore {
	return []func(t *testing.T) sharedStore{
		func(t *testing.T) sharedStore {
			return sharedStore{name: "sqlite", db: filepath.Join(t.TempDir(), "entkiosk.db")}
		},
		func(t *testing.T) sharedStore {
			// A role with a password, given as a deployment gives it.
			url, password := pgtest.StartWithPassword(t)
			pw := writeFile(t, "db.pw", password+"\n")
			return sharedStore{name: "postgres", db: url, env: []string{"ENTKIOSK_DB_PASSWORD_FILE=" + pw}}
		},
	}
}

func forEachStore(t *testing.T, test func(t *testing.T, st sharedStore)) {
	for _, mk := range sharedStores(t) {
		st := mk(t)
		t.Run(st.name, func(t *testing.T) { test(t, st) })
	}
}

// Two servers, A with the demo people loaded (B finds them in the store).
func startTwo(t *testing.T, st sharedStore, extra ...string) (a, b *serveProc) {
	a = startServe(t, "A", st.db, st.env, append([]string{"--demo"}, extra...)...)
	b = startServe(t, "B", st.db, st.env, extra...)
	return a, b
}

// A client spraying passwords from one address, turn about on each
// server, is stopped at its 11th failure: the counter is the store's.
func TestTwoServersSprayingStoppedAtTheEleventh(t *testing.T) {
	forEachStore(t, func(t *testing.T, st sharedStore) {
		a, b := startTwo(t, st)
		for i := 1; i <= 11; i++ {
			p := []*serveProc{a, b}[i%2]
			s := dialScreen(t, p, "etudiant", "127.0.0.77")
			got := s.login(fmt.Sprintf("inconnu.%d", i), "Wrong-Password-9")
			want := "incorrect"
			if i == 11 {
				want = "Trop de tentatives"
			}
			if got != want {
				t.Fatalf("attempt %d on %s: %q, want %q:\n%s", i, p.name, got, want, s.screen())
			}
			s.close()
		}
	})
}

// Hugo's account locked by failures on A is locked on B: the right
// password is refused there (the screen says no more than "incorrect": no
// enumeration), and the audit says why.
func TestTwoServersLockoutSeenByTheOther(t *testing.T) {
	forEachStore(t, func(t *testing.T, st sharedStore) {
		a, b := startTwo(t, st)
		locked := false
		for i := 1; i <= 5 && !locked; i++ {
			s := dialScreen(t, a, "etudiant", fmt.Sprintf("127.0.1.%d", i))
			if got := s.login("hugo.lefevre", "Wrong-Password-9"); got != "incorrect" {
				t.Fatalf("failure %d: %q:\n%s", i, got, s.screen())
			}
			s.close()
			locked = len(auditEvents(t, st.db, st.env, "LOCK")) > 0
		}
		if !locked {
			t.Fatal("5 failures on A and no LOCK audited")
		}
		s := dialScreen(t, b, "etudiant", "127.0.1.50")
		if got := s.login("hugo.lefevre", "Kiosque-Demo-2026"); got != "incorrect" {
			t.Fatalf("B, right password of a locked account: %q:\n%s", got, s.screen())
		}
		last := auditEvents(t, st.db, st.env, "LOGIN_ERROR,LOGIN")[0]
		if last["client"] != "ssh:127.0.1.50" || last["event"] != "LOGIN_ERROR" || last["outcome"] != "locked" {
			t.Fatalf("B's refusal audited as %v", last)
		}
	})
}

var mailTokenRe = regexp.MustCompile(`ssh://([a-z2-7]{32})@`)

// Camille's activation link opened on both servers at once and finished on
// both at once: one activation, the other told the code is no longer good.
func TestTwoServersCodeUsedOnce(t *testing.T) {
	forEachStore(t, func(t *testing.T, st sharedStore) {
		a, b := startTwo(t, st)
		m := mailTokenRe.FindStringSubmatch(runEntkiosk(t, st.env, "outbox", "--db", st.db, "--to", "camille.martin@example.org"))
		if m == nil {
			t.Fatal("no link in Camille's activation mail")
		}
		const pw = "Tortue-Velo-Nuage-42"
		var screens []*sshScreen
		for _, p := range []*serveProc{a, b} {
			s := dialScreen(t, p, m[1], "")
			s.waitFor("1ère connexion — étape 3 sur 5 : charte")
			s.keys(" ")
			s.waitFor("[x] J'ai lu la charte et je l'accepte")
			s.keys("\t\r")
			s.waitFor("Votre messagerie universitaire est prête")
			s.keys("\x1b[B\x1b[B\r")
			s.waitFor("étape 5 sur 5 : mot de passe")
			s.keys(pw + "\r")
			s.keys(pw)
			s.waitFor("✓ les deux saisies sont identiques")
			screens = append(screens, s)
		}
		for _, s := range screens { // both at once
			s.keys("\r")
		}
		// The other is refused: its code is used (✗), or, when its
		// submission reads the account after the first one's commit, the
		// account is active (the lost-password page says so).
		done := 0
		for i, s := range screens {
			got := s.waitAny("✓ Votre compte est activé.", "✗", "Ce compte est déjà activé")
			t.Logf("%s: %s", []string{"A", "B"}[i], lineWith(s.screen(), got))
			if got == "✓ Votre compte est activé." {
				done++
			}
		}
		if done != 1 {
			t.Fatalf("%d activations from one link:\nA:\n%s\nB:\n%s", done, screens[0].screen(), screens[1].screen())
		}
		n := 0
		for _, e := range auditEvents(t, st.db, st.env, "ACTIVATE") {
			if e["identifiant"] == "camille.martin@etu.umontpellier.fr" {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("%d activations of Camille audited", n)
		}
	})
}

// lineWith is the screen's line that holds sub, trimmed.
func lineWith(screen, sub string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, sub) {
			return strings.TrimSpace(l)
		}
	}
	return ""
}

// 40 activation mails (and the demo's) delivered by two servers at once
// through one relay: each exactly once.
func TestTwoServersEachMailSentOnce(t *testing.T) {
	forEachStore(t, func(t *testing.T, st sharedStore) {
		relay := startMailRelay(t)
		validated := time.Now().Add(-time.Hour)
		var csv strings.Builder
		csv.WriteString(exportHeader)
		for i := 0; i < 40; i++ {
			csv.WriteString(exportLine(fmt.Sprintf("2399%04d", i), "Essai"+string(rune('A'+i/26))+string(rune('a'+i%26)),
				"Prénom", fmt.Sprintf("essai.%d@example.org", i), validated))
		}
		runEntkiosk(t, st.env, "import", "--db", st.db, "--link-host", "127.0.0.1", writeFile(t, "ia.csv", csv.String()))
		smtpArgs := []string{"--smtp", "smtp://" + relay.addr + "?starttls=off", "--from", "ENT <ne-pas-repondre@example.org>"}
		a, b := startTwo(t, st, smtpArgs...)
		deadline := time.Now().Add(2 * twoWait)
		for {
			pending := runEntkiosk(t, st.env, "outbox", "--db", st.db, "--status", "pending")
			sending := runEntkiosk(t, st.env, "outbox", "--db", st.db, "--status", "sending")
			if strings.Contains(sending, "(aucun mail)") && !anyDue(t, pending) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("mails still waiting:\n%s%s", pending, sending)
			}
			time.Sleep(200 * time.Millisecond)
		}
		// The relay has a mail a moment before its sender records it sent:
		// the counts are compared once they agree, or at the deadline.
		var sent int
		var got []keptMail
		for {
			sent = strings.Count(runEntkiosk(t, st.env, "outbox", "--db", st.db, "--status", "sent"), "\nÀ : ") + 1
			if got = relay.received(); len(got) == sent || time.Now().After(deadline) {
				break
			}
			time.Sleep(200 * time.Millisecond)
		}
		if failed := runEntkiosk(t, st.env, "outbox", "--db", st.db, "--status", "failed"); !strings.Contains(failed, "(aucun mail)") {
			t.Fatalf("failed mails:\n%s", failed)
		}
		seen := map[string]int{}
		for _, m := range got {
			seen[m.messageID]++
		}
		for id, n := range seen {
			if n != 1 || id == "" {
				t.Errorf("message %q delivered %d times", id, n)
			}
		}
		if len(got) != sent || sent < 40 {
			t.Fatalf("%d mails marked sent, %d received by the relay\npending:\n%s\nlogs of %s:\n%s\nlogs of %s:\n%s",
				sent, len(got), runEntkiosk(t, st.env, "outbox", "--db", st.db, "--status", "pending"),
				a.name, a.logText(), b.name, b.logText())
		}
		for _, p := range []*serveProc{a, b} {
			if !strings.Contains(p.logText(), "mailer started") {
				t.Fatalf("serve %s has no mailer running:\n%s", p.name, p.logText())
			}
		}
		t.Logf("%d mails, each delivered once", len(got))
	})
}

var outboxDateRe = regexp.MustCompile(`(?m)^Date : (\d\d/\d\d/\d{4} \d\d:\d\d)$`)

// anyDue: the outbox listing holds a mail due now (the demo has one due
// later, which no server may send yet).
func anyDue(t *testing.T, listing string) bool {
	t.Helper()
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range outboxDateRe.FindAllStringSubmatch(listing, -1) {
		due, err := time.ParseInLocation("02/01/2006 15:04", m[1], paris)
		if err != nil {
			t.Fatal(err)
		}
		if !due.After(time.Now()) {
			return true
		}
	}
	return false
}

// The helpdesk on A sees, when it opens Hugo's card again, the failure
// Hugo just made on B.
func TestTwoServersHelpdeskSeesTheOther(t *testing.T) {
	forEachStore(t, func(t *testing.T, st sharedStore) {
		a, b := startTwo(t, st)
		agent := dialScreen(t, a, "agent", "127.0.2.1")
		if got := agent.login("ines.moreau", "Helpdesk-Demo-2026"); got != "Connecté :" {
			t.Fatalf("agent login: %q:\n%s", got, agent.screen())
		}
		for i := 0; ; i++ {
			if strings.Contains(agent.screen(), "› Console assistance") {
				break
			}
			if i == 10 {
				t.Fatalf("no Console assistance:\n%s", agent.screen())
			}
			agent.keys("\t")
			time.Sleep(100 * time.Millisecond)
		}
		agent.keys("\r")
		agent.waitFor("Rechercher une personne")
		open := func() {
			agent.keys("Lefèvre\r")
			agent.waitFor("Hugo")
			agent.keys("\r")
			agent.waitFor("Hugo Lefèvre · hugo.lefevre@etu.umontpellier.fr")
		}
		open()
		if strings.Contains(agent.screen(), "échec récent") {
			t.Fatalf("a failure before any:\n%s", agent.screen())
		}
		s := dialScreen(t, b, "etudiant", "127.0.2.2")
		if got := s.login("hugo.lefevre", "Wrong-Password-9"); got != "incorrect" {
			t.Fatalf("Hugo on B: %q", got)
		}
		agent.keys("\x1b") // back to the search
		agent.waitFor("Rechercher une personne")
		agent.waitFor("▸ Lefèvre Hugo")
		agent.keys("\r") // open the card again: read afresh
		agent.waitFor("Hugo Lefèvre · hugo.lefevre@etu.umontpellier.fr", "Verrouillage    connexion libre, 1 échec récent")
	})
}

// kill -9 of A while clients write through it (failed logins: a counter
// and an audit entry each): every failure a client was told about is in
// the store, B goes on, and the audit chain is whole.
func TestTwoServersKillLosesNothingAcknowledged(t *testing.T) {
	forEachStore(t, func(t *testing.T, st sharedStore) {
		a, b := startTwo(t, st)
		var mu sync.Mutex
		var acked []string
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for g := 1; g <= 12; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := 1; j <= 8; j++ { // under the 10 failures an address may make
					select {
					case <-stop:
						return
					default:
					}
					ident := fmt.Sprintf("perdu.g%d-n%d", g, j) // identifiant-shaped: audited as typed
					s, err := tryScreen(t, a, "etudiant", fmt.Sprintf("127.0.3.%d", g))
					if err != nil {
						return
					}
					if _, ok := s.within(10*time.Second, "Se connecter"); !ok {
						s.close()
						return
					}
					s.keys(ident + "\r")
					s.keys("Wrong-Password-9\r")
					got, ok := s.within(10*time.Second, "incorrect", "✗")
					s.close()
					if !ok {
						return // A died before answering: nothing was promised
					}
					if got == "incorrect" {
						mu.Lock()
						acked = append(acked, ident)
						mu.Unlock()
					}
				}
			}()
		}
		deadline := time.Now().Add(twoWait)
		for {
			mu.Lock()
			n := len(acked)
			mu.Unlock()
			if n >= 20 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("only %d failures answered before the kill", n)
			}
			time.Sleep(5 * time.Millisecond)
		}
		a.kill()
		close(stop)
		wg.Wait()
		audited := map[string]bool{}
		for _, e := range auditEvents(t, st.db, st.env, "LOGIN_ERROR") {
			id, _ := e["identifiant"].(string)
			audited[strings.SplitN(id, "@", 2)[0]] = true
		}
		for _, ident := range acked {
			if !audited[ident] {
				t.Errorf("%s was told « incorrect » by A, and its failure is not in the store", ident)
			}
		}
		t.Logf("%d failures answered by A before kill -9, each in the store", len(acked))
		s := dialScreen(t, b, "etudiant", "127.0.3.100")
		if got := s.login("hugo.lefevre", "Kiosque-Demo-2026"); got != "Connecté :" {
			t.Fatalf("B after A's kill: %q:\n%s", got, s.screen())
		}
		if out := runEntkiosk(t, st.env, "audit", "--verify", "--db", st.db); !strings.HasPrefix(out, "chaîne intacte") {
			t.Fatalf("audit --verify after the kill: %s", out)
		}
	})
}
