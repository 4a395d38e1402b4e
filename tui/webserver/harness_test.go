package webserver

import (
	"bytes"
	"context"
	"net"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/log"

	"entkiosk/data"
)

// A real web server on a loopback port, over a store on a real file with
// the demo people.

// testNow is the fixed time of the store's clock: a Wednesday morning.
var testNow = time.Date(2026, 11, 25, 10, 0, 0, 0, data.ParisLocation())

// testHasher keeps tests fast: real argon2id, tiny cost.
var testHasher = data.NewHasher(data.HashParams{MemoryKiB: 64, Time: 1, Threads: 1}, 4, 5*time.Second)

const (
	hugoPassword = "Kiosque-Demo-2026"
	hugoFull     = "hugo.lefevre@etu.umontpellier.fr"
	hugoMail     = "hugo.lefevre@example.org"
	camilleMail  = "camille.martin@example.org"
	camilleID    = "camille.martin@etu.umontpellier.fr"
	newPassword  = "Soleil-Vert-2026"
)

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

type webTest struct {
	t     testing.TB
	url   string // http://127.0.0.1:PORT/
	host  string // 127.0.0.1:PORT
	store *data.Store
	srv   *Server
	logs  *syncBuffer
	stop  func() // stops the server (once)
}

// startWeb starts a server with the demo people; adjust changes its options.
func startWeb(t testing.TB, adjust ...func(*Options)) *webTest {
	t.Helper()
	if !AssetsPresent() {
		skipOrFail(t, "xterm.js is not built in: go generate ./tui/webserver (npm ci), then test again")
	}
	clock := data.NewManualClock(testNow)
	store, err := data.Open(filepath.Join(t.TempDir(), "entkiosk.db"), data.Config{Clock: clock, Hasher: testHasher,
		LinkURL: "https://ent.umontpellier.fr/compte/"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if _, err := store.LoadDemo(t.Context()); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	logger := log.New(logs)
	logger.SetLevel(log.DebugLevel)
	ready := make(chan *Server, 1)
	o := Options{Store: store, Demo: true, Logger: logger, ShutdownGrace: 300 * time.Millisecond, listener: ln,
		ready: func(s *Server) { ready <- s }}
	for _, f := range adjust {
		f(&o)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, o) }()
	wt := &webTest{t: t, host: ln.Addr().String(), store: store, logs: logs}
	wt.url = "http://" + wt.host + "/"
	select {
	case wt.srv = <-ready:
	case err := <-done:
		t.Fatalf("server: %v", err)
	}
	var once sync.Once
	wt.stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("server: %v", err)
			}
		})
	}
	t.Cleanup(wt.stop)
	return wt
}

var (
	codeLine = regexp.MustCompile(`(?m)^Code ?: (\d{8})$`)
	webLink  = regexp.MustCompile(`https://ent\.umontpellier\.fr/compte/\?t=([a-z2-7]{32})`)
)

// mailedCode reads the newest code mailed to address from the outbox.
func (wt *webTest) mailedCode(address string) string {
	wt.t.Helper()
	mails, err := wt.store.Outbox(context.Background(), data.OutboxFilter{To: address})
	if err != nil {
		wt.t.Fatal(err)
	}
	for _, m := range mails {
		if sub := codeLine.FindStringSubmatch(m.Body); sub != nil {
			return sub[1]
		}
	}
	wt.t.Fatalf("no code mailed to %s", address)
	return ""
}

// mailedLink reads the token of the newest web link mailed to address.
func (wt *webTest) mailedLink(address string) string {
	wt.t.Helper()
	mails, err := wt.store.Outbox(context.Background(), data.OutboxFilter{To: address})
	if err != nil {
		wt.t.Fatal(err)
	}
	for _, m := range mails {
		if sub := webLink.FindStringSubmatch(m.Body); sub != nil {
			return sub[1]
		}
	}
	wt.t.Fatalf("no https link mailed to %s", address)
	return ""
}

// cutSockets drops every session's connection, as a network would.
func (wt *webTest) cutSockets() {
	wt.srv.mu.Lock()
	live := wt.srv.liveLocked()
	wt.srv.mu.Unlock()
	for _, ws := range live {
		ws.conn.CloseNow()
	}
}
