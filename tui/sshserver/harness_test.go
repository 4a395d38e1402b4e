package sshserver

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"entkiosk/data"
	"entkiosk/tui"
)

// End-to-end helpers: a real server on a loopback port, real SSH clients
// with a pty, and the client's screen read through a terminal emulator.

// waitLimit bounds every wait of these tests: a failure, never a timing
// assertion (the machine is shared and slow).
const waitLimit = 20 * time.Second

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type sshTestServer struct {
	t      testing.TB
	addr   string
	store  *data.Store
	clock  *data.ManualClock
	srv    *sshServer
	logs   *syncBuffer
	cancel context.CancelFunc
	done   chan error
}

func startSSH(t testing.TB, adjust ...func(*ServeOptions)) *sshTestServer {
	t.Helper()
	store, clock := newTestStore(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	logger := log.New(logs)
	logger.SetLevel(log.DebugLevel)
	ready := make(chan *sshServer, 1)
	o := ServeOptions{Store: store, HostKeyPath: filepath.Join(t.TempDir(), "host_ed25519"), Demo: true,
		Logger: logger, ShutdownGrace: 300 * time.Millisecond, listener: ln,
		ready: func(s *sshServer) { ready <- s }}
	for _, f := range adjust {
		f(&o)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ts := &sshTestServer{t: t, addr: ln.Addr().String(), store: store, clock: clock, logs: logs, cancel: cancel,
		done: make(chan error, 1)}
	go func() { ts.done <- Serve(ctx, o) }()
	select {
	case ts.srv = <-ready:
	case err := <-ts.done:
		t.Fatalf("serve: %v", err)
	}
	t.Cleanup(func() { ts.stop() })
	return ts
}

// stop shuts the server down as SIGTERM would and waits for Serve.
func (ts *sshTestServer) stop() error {
	ts.cancel()
	select {
	case err, ok := <-ts.done:
		if ok {
			close(ts.done)
		}
		return err
	case <-time.After(waitLimit):
		ts.t.Error("Serve did not return after shutdown")
		return errors.New("timeout")
	}
}

// sshTerm is an SSH client with a pty, its screen kept by an emulator.
type sshTerm struct {
	t       testing.TB
	client  *gossh.Client
	sess    *gossh.Session
	mu      sync.Mutex
	em      *vt.Emulator
	stdin   io.Writer
	stderr  syncBuffer
	written atomic.Int64 // output bytes so far
	exited  chan error
	drained chan struct{} // closed once the server's last byte is on the screen
	// silent: the emulator's answers to queries are not sent back (a
	// client that never answers).
	silent bool
}

type termOption func(*sshTerm)

func silentTerm(st *sshTerm) { st.silent = true }

func dialSSH(t testing.TB, addr, user string) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{User: user, HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout: waitLimit})
}

// openTerm connects as user and opens a shell with an 80×24 pty.
func (ts *sshTestServer) openTerm(user string, opts ...termOption) *sshTerm {
	ts.t.Helper()
	return ts.openTermFrom("", user, opts...)
}

// openTermFrom is openTerm from the loopback source address local (""
// the system's choice).
func (ts *sshTestServer) openTermFrom(local, user string, opts ...termOption) *sshTerm {
	t := ts.t
	t.Helper()
	client, err := dialSSH(t, ts.addr, user)
	if local != "" {
		client, err = dialFrom(ts.addr, local, user)
	}
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	st := &sshTerm{t: t, client: client, em: vt.NewEmulator(80, 24), exited: make(chan error, 1),
		drained: make(chan struct{})}
	for _, o := range opts {
		o(st)
	}
	if st.sess, err = client.NewSession(); err != nil {
		t.Fatal(err)
	}
	if err := st.sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	stdin, err := st.sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	st.stdin = stdin
	stdout, err := st.sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	st.sess.Stderr = &st.stderr
	if err := st.sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(st.drained)
		buf := make([]byte, 4096)
		for {
			n, err := stdout.Read(buf)
			if n > 0 {
				st.mu.Lock()
				_, _ = st.em.Write(buf[:n])
				st.mu.Unlock()
				st.written.Add(int64(n))
			}
			if err != nil {
				return
			}
		}
	}()
	go func() {
		// Keys and the emulator's answers to queries go to the server.
		buf := make([]byte, 1024)
		for {
			n, err := st.em.Read(buf)
			if n > 0 && !st.silent {
				_, _ = stdin.Write(buf[:n])
			}
			if err != nil {
				return
			}
		}
	}()
	go func() { st.exited <- st.sess.Wait() }()
	t.Cleanup(st.close)
	return st
}

func (st *sshTerm) close() {
	st.sess.Close()
	st.client.Close()
	// Ends the goroutine reading the emulator's input (Emulator.Close
	// would race with its Read).
	if pw, ok := st.em.InputPipe().(*io.PipeWriter); ok {
		pw.Close()
	}
}

// keys sends what a terminal sends for typed text ("\r" is enter, "\t" tab).
func (st *sshTerm) keys(s string) {
	if st.silent {
		st.t.Fatal("keys on a silent terminal: use raw")
	}
	st.em.SendText(s)
}

// raw sends bytes straight to the server, past the emulator.
func (st *sshTerm) raw(s string) {
	if _, err := io.WriteString(st.stdin, s); err != nil {
		st.t.Fatal(err)
	}
}

// screen is what the terminal shows, a no-break space read as a space.
func (st *sshTerm) screen() string {
	st.mu.Lock()
	defer st.mu.Unlock()
	return asRead(st.em.String())
}

// waitFor waits until the screen shows every one of want.
func (st *sshTerm) waitFor(want ...string) string {
	st.t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		s := st.screen()
		missing := ""
		for _, w := range want {
			if !strings.Contains(s, asRead(w)) {
				missing = w
				break
			}
		}
		if missing == "" {
			return s
		}
		if time.Now().After(deadline) {
			st.t.Fatalf("screen lacks %q:\n%s", missing, s)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitExit waits for the end of the session and returns its exit status,
// with everything the server wrote on the screen (Wait returns when the
// exit status arrives, maybe before the reader took the last bytes).
func (st *sshTerm) waitExit() int {
	st.t.Helper()
	select {
	case err := <-st.exited:
		select {
		case <-st.drained:
		case <-time.After(waitLimit):
			st.t.Fatalf("output still open after the session ended:\n%s", st.screen())
		}
		return exitStatus(st.t, err)
	case <-time.After(waitLimit):
		st.t.Fatalf("session did not end:\n%s", st.screen())
	}
	return -1
}

func exitStatus(t testing.TB, err error) int {
	var exit *gossh.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.ExitStatus()
	}
	var missing *gossh.ExitMissingError
	if errors.As(err, &missing) || errors.Is(err, io.EOF) {
		return -1
	}
	t.Fatalf("session end: %v", err)
	return -1
}

// eventually waits for cond.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("never: %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// sessionGoroutines counts the process's goroutines but the idle frame
// workers, which the tui keeps for the next frames (up to a few, however
// many sessions drew): what sessions may leave behind.
func sessionGoroutines() int { return runtime.NumGoroutine() - tui.IdleFrameWorkers() }

// noGoroutineLeft waits until the goroutines sessions may leave are back to
// at most before+2, and fails with every goroutine's stack otherwise.
func noGoroutineLeft(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for sessionGoroutines() > before+2 {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("goroutines (idle frame workers left out): %d, before: %d\n%s", sessionGoroutines(), before,
				buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}
