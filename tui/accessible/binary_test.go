package accessible

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"entkiosk/data"
)

// The real program, `entkiosk kiosk --demo --accessible`, driven by lines
// written to its standard input (a pipe), as a braille display or a
// script would: Camille's activation, Hugo's lost password and
// Jean-Luc's lookup, each code read from the outbox of the store the
// program writes. Skipped under -short (it builds the binary).

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

func kioskBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary: skipped under -short")
	}
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "entkiosk-accessible-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "entkiosk")
		cmd := exec.Command("go", "build", "-o", binPath, ".")
		cmd.Dir = "../.." // the module root
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// binarySession is the program on pipes.
type binarySession struct {
	t   *testing.T
	db  string
	in  io.WriteCloser
	out *syncBuffer
	cmd *exec.Cmd
}

func startBinary(t *testing.T, env ...string) *binarySession {
	t.Helper()
	bin := kioskBinary(t)
	dir := t.TempDir()
	bs := &binarySession{t: t, db: filepath.Join(dir, "entkiosk.db"), out: &syncBuffer{}}
	bs.cmd = exec.Command(bin, "kiosk", "--demo", "--db", bs.db, "--log", filepath.Join(dir, "kiosk.log"))
	bs.cmd.Env = append(os.Environ(), env...)
	bs.cmd.Stdout, bs.cmd.Stderr = bs.out, bs.out
	var err error
	if bs.in, err = bs.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := bs.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bs.cmd.Process.Kill(); bs.cmd.Wait() })
	return bs
}

func (bs *binarySession) write(lines ...string) {
	bs.t.Helper()
	for _, l := range lines {
		if _, err := io.WriteString(bs.in, l+"\n"); err != nil {
			bs.t.Fatal(err)
		}
	}
}

func (bs *binarySession) waitFor(text string, n int) {
	bs.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for strings.Count(bs.out.String(), text) < n {
		if time.Now().After(deadline) {
			bs.t.Fatalf("waiting for %q; output:\n%s", text, bs.out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// code reads the newest code mailed about identifiant in the program's store.
func (bs *binarySession) code(identifiant string) string {
	bs.t.Helper()
	s, err := data.Open(bs.db, data.Config{MustExist: true})
	if err != nil {
		bs.t.Fatal(err)
	}
	defer s.Close()
	return lastCode(bs.t, s, identifiant)
}

// end closes standard input: the program ends by itself, status 0.
func (bs *binarySession) end() string {
	bs.t.Helper()
	bs.in.Close()
	done := make(chan error, 1)
	go func() { done <- bs.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			bs.t.Fatalf("the program ended with %v; output:\n%s", err, bs.out.String())
		}
	case <-time.After(30 * time.Second):
		bs.t.Fatalf("the program did not end at the end of its input:\n%s", bs.out.String())
	}
	return bs.out.String()
}

func TestBinaryPipeFlows(t *testing.T) {
	t.Parallel()
	// ENTKIOSK_ACCESSIBLE chooses the mode as --accessible does.
	bs := startBinary(t, "ENTKIOSK_ACCESSIBLE=1")
	bs.write("2", "camille.martin")
	bs.waitFor("Code reçu par mail", 1)
	bs.write(bs.code("camille.martin"), "1", "1", "Tournesol-Bleu-42", "Tournesol-Bleu-42", "2")
	bs.waitFor("Réussi : Votre compte est activé.", 1)
	bs.write("3", "2", "hugo.lefevre")
	bs.waitFor("Code reçu par mail", 2)
	bs.write(bs.code("hugo.lefevre"), "Montagne-Verte-2027", "Montagne-Verte-2027", "1", "Montagne-Verte-2027")
	bs.waitFor("Mon compte", 1)
	bs.write("6", "4", "22107777", "16112003")
	bs.waitFor("jean-luc.dalembert@etu.umontpellier.fr", 1)
	bs.write("3")
	out := bs.end()
	requirePlain(t, out)
	for _, want := range []string{"Réussi : Votre mot de passe a été modifié.", "Réussi : vous êtes déconnecté.",
		"Inscription 2 sur 2 :"} {
		if !strings.Contains(out, want) {
			t.Errorf("the output lacks %q", want)
		}
	}
	for _, secret := range []string{"Tournesol", "Montagne"} {
		if strings.Contains(out, secret) {
			t.Errorf("a password shows: %q", secret)
		}
	}
}
