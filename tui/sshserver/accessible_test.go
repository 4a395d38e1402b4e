package sshserver

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
	gossh "golang.org/x/crypto/ssh"

	"entkiosk/data"
	"entkiosk/tui"
)

// The accessible mode over SSH: a real client with a pty, lines typed as
// a braille display sends them (text, then CR), every byte of the output
// kept and checked: only what a line editor needs.

type lineTerm struct {
	t     testing.TB
	sess  *gossh.Session
	stdin io.Writer
	mu    sync.Mutex
	out   strings.Builder
	done  chan error
}

func (ts *sshTestServer) openLines(user string) *lineTerm {
	t := ts.t
	t.Helper()
	client, err := dialSSH(t, ts.addr, user)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	lt := &lineTerm{t: t, sess: sess, done: make(chan error, 1)}
	if lt.stdin, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := stdout.Read(buf)
			lt.mu.Lock()
			lt.out.Write(buf[:n])
			lt.mu.Unlock()
			if err != nil {
				lt.done <- err
				return
			}
		}
	}()
	t.Cleanup(func() { sess.Close(); client.Close() })
	return lt
}

func (lt *lineTerm) output() string {
	lt.mu.Lock()
	defer lt.mu.Unlock()
	return lt.out.String()
}

// line types a line and Enter, as a terminal sends them (CR).
func (lt *lineTerm) line(s string) {
	lt.t.Helper()
	if _, err := io.WriteString(lt.stdin, s+"\r"); err != nil {
		lt.t.Fatal(err)
	}
}

func (lt *lineTerm) waitFor(text string) {
	lt.t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !strings.Contains(lt.output(), text) {
		if time.Now().After(deadline) {
			lt.t.Fatalf("waiting for %q; output:\n%s", text, lt.output())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitEnd waits for the end of the output.
func (lt *lineTerm) waitEnd() string {
	lt.t.Helper()
	select {
	case <-lt.done:
	case <-time.After(waitLimit):
		lt.t.Fatalf("the session did not end:\n%s", lt.output())
	}
	return lt.output()
}

// requireLineEditor checks a whole output: lines end with CRLF, no escape
// sequence at all (erasing is "\b \b"), no box-drawing, block or braille
// characters, every line under 80 columns.
func requireLineEditor(t testing.TB, out string) {
	t.Helper()
	if strings.Contains(out, "\x1b") {
		i := strings.Index(out, "\x1b")
		t.Errorf("escape sequence in the output: %q", out[max(i-40, 0):min(i+20, len(out))])
	}
	out = strings.ReplaceAll(out, "\b \b", "")
	if strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Error("a line ends without CR: the terminal is raw, the text would stair-step")
	}
	for i, l := range strings.Split(out, "\r\n") {
		if w := uniseg.StringWidth(l); w >= 80 {
			t.Errorf("line %d is %d columns: %q", i+1, w, l)
		}
		for _, r := range l {
			if r < 0x20 || r >= 0x2500 && r <= 0x259f || r >= 0x2800 && r <= 0x28ff || r == '•' {
				t.Errorf("line %d has %U: %q", i+1, r, l)
			}
		}
	}
}

// Camille activates her account over SSH with the user name acces; what
// she types is echoed, her password never; a typo is corrected with
// Backspace.
func TestAccessibleSSHCamilleActivation(t *testing.T) {
	t.Parallel()
	ts := startSSH(t)
	lt := ts.openLines("acces")
	lt.waitFor("Que voulez-vous faire ?")
	lt.line("2")
	lt.line("camille.martinn\x7f") // one n too many, erased
	lt.waitFor("Code reçu par mail")
	lt.line(mailedCode(t, ts.store, camilleMail))
	lt.line("1")
	lt.line("2")
	lt.waitFor("étape 5 sur 5")
	lt.line("Tournesol-Bleu-42")
	lt.line("Tournesol-Bleu-42")
	lt.waitFor("Réussi : Votre compte est activé.")
	lt.line("2")
	lt.waitFor("Accueil.")
	lt.line("8") // Quitter
	out := lt.waitEnd()
	requireLineEditor(t, out)
	if strings.Contains(out, "Tournesol") {
		t.Error("the password was echoed")
	}
	if !strings.Contains(out, "camille.martinn\b \b") {
		t.Error("the typed identifiant is not echoed, or Backspace not erased")
	}
	acct, err := ts.store.Login(context.Background(), "camille.martin", "Tournesol-Bleu-42", data.Origin{Client: "test"})
	if err != nil || acct.Status != data.StatusActive || acct.RedirectEmail != camilleMail || !acct.KeepCopy {
		t.Fatalf("after the activation: %+v, %v", acct, err)
	}
}

// Hugo's reset link, followed by +acces, opens the new password step in
// the accessible mode, in English when the server speaks it.
func TestAccessibleSSHResetLink(t *testing.T) {
	t.Parallel()
	ts := startSSH(t)
	if _, err := ts.store.StartReset(context.Background(), "hugo.lefevre", data.Origin{Client: "test"}); err != nil {
		t.Fatal(err)
	}
	lt := ts.openLines(lastToken(t, ts.store, hugoMail) + "+acces")
	lt.waitFor("nouveau mot de passe")
	lt.waitFor("Compte : hugo.lefevre@etu.umontpellier.fr")
	lt.line("Montagne-Verte-2027")
	lt.line("Montagne-Verte-2027")
	lt.waitFor("Réussi : Votre mot de passe a été modifié.")
	lt.line("1")
	lt.line("Montagne-Verte-2027")
	lt.waitFor("Mon compte")
	lt.line("6") // Déconnexion
	lt.waitFor("Réussi : vous êtes déconnecté.")
	lt.line("\x03") // Ctrl+C at home: the session ends
	out := lt.waitEnd()
	requireLineEditor(t, out)
	if strings.Contains(out, "Montagne") {
		t.Error("the password was echoed")
	}
}

// F3 on the screens hands the session over to the accessible mode: the
// screens give the terminal back (their last escape sequences leave the
// alternate screen), then only lines; the first key after F3 is not lost.
func TestAccessibleSSHFromScreens(t *testing.T) {
	t.Parallel()
	ts := startSSH(t)
	lt := ts.openLines("etudiant")
	lt.waitFor("Identifiant")
	io.WriteString(lt.stdin, "\x1bOR") // F3
	lt.waitFor("Mode accessible")
	lt.line("4")
	lt.waitFor("Numéro étudiant")
	lt.line("22107777")
	lt.line("16112003")
	lt.waitFor("jean-luc.dalembert@etu.umontpellier.fr")
	lt.line("3")
	lt.waitFor("Accueil.")
	lt.line("\x03")
	out := lt.waitEnd()
	i := strings.LastIndex(out, ansi.ResetModeAltScreenSaveCursor)
	if i < 0 {
		t.Fatalf("the screens did not leave the alternate screen:\n%q", out)
	}
	requireLineEditor(t, out[i+len(ansi.ResetModeAltScreenSaveCursor):])
}

func TestAccessibleUserNames(t *testing.T) {
	t.Parallel()
	token := strings.Repeat("a", 32)
	if !data.IsToken(token) {
		t.Skip("token shape changed")
	}
	for user, want := range map[string][2]string{"acces": {"true", ""}, "access": {"true", ""},
		token + "+acces": {"true", token}, token + "+access": {"true", token}, "kiosk": {"false", ""},
		"acces+acces": {"false", ""}, token: {"false", ""}} {
		ok, tok := accessibleUser(user)
		if fmt.Sprint(ok) != want[0] || tok != want[1] {
			t.Errorf("%q: %v %q, want %v", user, ok, tok, want)
		}
	}
}

// On a campus terminal (user kiosk), F3 then Ctrl+C erases the terminal
// and its scrollback and ends the session: the terminal reconnects to the
// screens for the next person.
func TestAccessibleSSHKioskWipe(t *testing.T) {
	t.Parallel()
	ts := startSSH(t)
	lt := ts.openLines(KioskUser)
	lt.waitFor("Identifiant")
	io.WriteString(lt.stdin, "\x1bOR") // F3
	lt.waitFor("Mode accessible")
	lt.line("1")
	lt.line("hugo.lefevre")
	lt.waitFor("Mot de passe")
	lt.line("\x03")
	out := lt.waitEnd()
	i := strings.LastIndex(out, ansi.ResetModeAltScreenSaveCursor)
	rest := out[i+len(ansi.ResetModeAltScreenSaveCursor):]
	if !strings.HasSuffix(strings.TrimRight(rest, "\r\n"), tui.ClearTerminal) && !strings.Contains(rest, tui.ClearTerminal) {
		t.Fatalf("the terminal was not erased:\n%q", rest)
	}
	requireLineEditor(t, strings.Replace(rest, tui.ClearTerminal, "", 1))
}

// Camille's activation link followed by +acces opens the charter at once
// in the accessible mode.
func TestAccessibleSSHActivationLink(t *testing.T) {
	t.Parallel()
	ts := startSSH(t)
	lt := ts.openLines(lastToken(t, ts.store, camilleMail) + "+access")
	lt.waitFor("étape 3 sur 5 : charte")
	lt.waitFor("Compte : camille.martin@etu.umontpellier.fr")
	lt.line("1")
	lt.line("1")
	lt.line("Tournesol-Bleu-42")
	lt.line("Tournesol-Bleu-42")
	lt.waitFor("Réussi : Votre compte est activé.")
	lt.line("2")
	lt.line("\x03")
	requireLineEditor(t, lt.waitEnd())
}
