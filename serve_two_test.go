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
	d := net.Dialer{Timeout: twoWait}
	if src != "" {
		d.LocalAddr = &net.TCPAddr{IP: net.ParseIP(src)}
	}
	conn, err := d.Dial("tcp", p.addr)
	if err != nil {
		t.Fatalf("dial %s: %v", p.name, err)
	}
	cc, chans, reqs, err := gossh.NewClientConn(conn, p.addr, &gossh.ClientConfig{User: user,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: twoWait})
	if err != nil {
		conn.Close()
		t.Fatalf("ssh %s: %v", p.name, err)
	}
	s := &sshScreen{t: t, client: gossh.NewClient(cc, chans, reqs), em: vt.NewEmulator(100, 30)}
	t.Cleanup(s.close)
	if s.sess, err = s.client.NewSession(); err != nil {
		t.Fatal(err)
	}
	if err := s.sess.RequestPty("xterm-256color", 30, 100, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if s.stdin, err = s.sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	stdout, err := s.sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.sess.Shell(); err != nil {
		t.Fatal(err)
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
	return s
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
	deadline := time.Now().Add(twoWait)
	for {
		sc := s.screen()
		for _, w := range want {
			if strings.Contains(sc, w) {
				return w
			}
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen shows none of %q:\n%s", want, sc)
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
