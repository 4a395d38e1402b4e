package sshserver

import (
	"net"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"

	"entkiosk/tui"
)

// Benchmarks of the SSH server in-process (the load program sshload
// measures it as a separate process, with many sessions):
//
//	go test ./tui/sshserver -run '^$' -bench SSH -benchtime 30x

// BenchmarkSSHFirstFrame: from dial to the home screen, for a client that
// never answers the terminal queries.
func BenchmarkSSHFirstFrame(b *testing.B) {
	ts := startSSH(b)
	for b.Loop() {
		st := ts.openTerm("someone", silentTerm)
		st.waitFor("Se connecter")
		st.close()
	}
}

// BenchmarkWishMakeRendererFirstFrame is the same with wish's
// bm.MakeRenderer, as wish's examples do: it waits for the answer to its
// background query before the program starts.
func BenchmarkWishMakeRendererFirstFrame(b *testing.B) {
	ts := startSSH(b)
	signer, _, err := loadHostKey(b.TempDir() + "/host_ed25519")
	if err != nil {
		b.Fatal(err)
	}
	// With a host key given, wish does not write one in the current folder.
	srv, err := wish.NewServer(func(s *ssh.Server) error { s.AddHostKey(signer); return nil }, wish.WithMiddleware(
		bm.Middleware(func(s ssh.Session) (tea.Model, []tea.ProgramOption) {
			r := bm.MakeRenderer(s)
			return tui.New(tui.Options{Store: ts.store, Renderer: r}), []tea.ProgramOption{tea.WithAltScreen()}
		})))
	if err != nil {
		b.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()
	naive := &sshTestServer{t: b, addr: ln.Addr().String()}
	blocked, eaten := 0, 0
	for b.Loop() {
		st := naive.openTerm("someone", silentTerm)
		time.Sleep(1500 * time.Millisecond)
		if !strings.Contains(st.screen(), "Se connecter") {
			blocked++ // no frame yet: the query still waits for an answer
			st.raw("x")
			st.waitFor("Se connecter")
			time.Sleep(100 * time.Millisecond)
			if !strings.Contains(st.screen(), "┃ x") {
				eaten++ // the key went to the query, not to the field
			}
		}
		st.close()
	}
	b.ReportMetric(float64(blocked)/float64(b.N), "blocked/op")
	b.ReportMetric(float64(eaten)/float64(b.N), "key-eaten/op")
}

// BenchmarkSSHKeyEcho: one key typed, until its echo arrives.
func BenchmarkSSHKeyEcho(b *testing.B) {
	ts := startSSH(b)
	st := ts.openTerm("someone")
	st.waitFor("Se connecter")
	keys := []string{"a", "\x7f"} // a letter, then backspace: the field always changes
	for i := 0; b.Loop(); i++ {
		before := st.written.Load()
		st.keys(keys[i%2])
		deadline := time.Now().Add(waitLimit)
		for st.written.Load() == before {
			if time.Now().After(deadline) {
				b.Fatalf("no echo:\n%s", st.screen())
			}
			time.Sleep(20 * time.Microsecond)
		}
	}
}
