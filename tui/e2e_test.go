package tui

// End-to-end tests: the real entkiosk binary in a pseudo-terminal, its
// screen read through a terminal emulator (charmbracelet/x/vt), keys and
// pastes written as a terminal would write them. Skipped under -short.

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
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
	"github.com/creack/pty"
	"github.com/muesli/termenv"
)

func TestMain(m *testing.M) {
	parallelForDisk()
	code := m.Run()
	if e2eDir != "" {
		os.RemoveAll(e2eDir)
	}
	os.Exit(code)
}

var (
	e2eOnce sync.Once
	e2eDir  string // holds the binary, removed by TestMain
	e2eBin  string
	e2eErr  error
)

// e2eBinary builds entkiosk once for every end-to-end test and benchmark.
func e2eBinary(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end: skipped under -short")
	}
	e2eOnce.Do(func() {
		if e2eDir, e2eErr = os.MkdirTemp("", "entkiosk-e2e-"); e2eErr != nil {
			return
		}
		e2eBin = filepath.Join(e2eDir, "entkiosk")
		cmd := exec.Command("go", "build", "-o", e2eBin, ".")
		cmd.Dir = ".." // the module root
		if out, err := cmd.CombinedOutput(); err != nil {
			e2eErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if e2eErr != nil {
		t.Fatal(e2eErr)
	}
	return e2eBin
}

// e2eDeadline bounds every wait: generous, since the machine is shared and
// -race slows everything; a wait that passes returns as soon as it can.
const e2eDeadline = 30 * time.Second

// kioskTerm is the binary running in a pseudo-terminal of 80×24.
type kioskTerm struct {
	t      testing.TB
	db     string
	cmd    *exec.Cmd
	pty    *os.File
	mu     sync.Mutex
	emu    *vt.Emulator
	raw    bytes.Buffer // every byte the program wrote
	sent   []string     // what the test typed, with when (a failure says it)
	began  time.Time
	exited chan struct{}
	err    error         // of cmd.Wait, once exited
	read   chan struct{} // closed once the program's last byte is read
}

// startKiosk runs `entkiosk kiosk --demo --db <tmp> args...` with env added
// to a clean environment.
func startKiosk(t testing.TB, env []string, args ...string) *kioskTerm {
	t.Helper()
	db := filepath.Join(t.TempDir(), "entkiosk.db")
	return startKioskDB(t, db, env, args...)
}

func startKioskDB(t testing.TB, db string, env []string, args ...string) *kioskTerm {
	t.Helper()
	return launch(t, db, nil, env, args...)
}

// launch starts the kiosk; setup adjusts the emulator before the program
// can ask it anything.
func launch(t testing.TB, db string, setup func(*vt.Emulator), env []string, args ...string) *kioskTerm {
	t.Helper()
	return launchSized(t, db, 80, 24, setup, env, args...)
}

// launchSized is launch on a terminal of cols × rows.
func launchSized(t testing.TB, db string, cols, rows int, setup func(*vt.Emulator), env []string, args ...string) *kioskTerm {
	t.Helper()
	bin := e2eBinary(t)
	cmd := exec.Command(bin, append([]string{"kiosk", "--demo", "--db", db}, args...)...)
	cmd.Env = append(e2eEnv(), env...)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: uint16(rows), Cols: uint16(cols)})
	if err != nil {
		t.Fatal(err)
	}
	k := &kioskTerm{t: t, db: db, cmd: cmd, pty: f, emu: vt.NewEmulator(cols, rows), exited: make(chan struct{}),
		read: make(chan struct{}), began: time.Now()}
	if setup != nil {
		setup(k.emu)
	}
	go k.readOutput()
	go k.answerQueries()
	go func() { k.err = cmd.Wait(); close(k.exited) }()
	t.Cleanup(k.stop)
	return k
}

// e2eEnv is the test's environment without what would change the program:
// no NO_COLOR, no ENTKIOSK_* settings, a plain xterm. No CI either: termenv
// takes any CI variable to mean "not a terminal" and drops every colour,
// which a kiosk never sees.
func e2eEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case name == "NO_COLOR", name == "CI", name == "TERM", name == "COLORTERM", name == "CLICOLOR", name == "CLICOLOR_FORCE",
			name == "TMUX", name == "TERM_PROGRAM", strings.HasPrefix(name, "ENTKIOSK_"):
			continue
		}
		env = append(env, kv)
	}
	return append(env, "TERM=xterm-256color", "GOTRACEBACK=all") // all goroutines in a postmortem
}

func (k *kioskTerm) readOutput() {
	defer close(k.read)
	buf := make([]byte, 64*1024)
	for {
		n, err := k.pty.Read(buf)
		if n > 0 {
			k.mu.Lock()
			k.raw.Write(buf[:n])
			k.emu.Write(buf[:n])
			k.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// answerQueries sends the emulator's answers (background colour, cursor
// position) back to the program, as a real terminal does.
func (k *kioskTerm) answerQueries() {
	buf := make([]byte, 1024)
	for {
		n, err := k.emu.Read(buf)
		if n > 0 {
			k.pty.Write(buf[:n])
		}
		if err != nil {
			return
		}
	}
}

func (k *kioskTerm) stop() {
	select {
	case <-k.exited:
	default:
		k.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-k.exited:
		case <-time.After(10 * time.Second):
			k.cmd.Process.Kill()
			<-k.exited
		}
	}
	k.pty.Close()
	// Ends answerQueries (Emulator.Close would race with its Read).
	if w, ok := k.emu.InputPipe().(*io.PipeWriter); ok {
		w.Close()
	}
}

// screen is what the terminal shows now, a no-break space read as a space.
func (k *kioskTerm) screen() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return asRead(k.emu.String())
}

// output is every byte the program wrote so far.
func (k *kioskTerm) output() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.raw.String()
}

// write sends bytes as the keyboard would, in one write.
func (k *kioskTerm) write(s string) {
	k.t.Helper()
	k.mu.Lock()
	k.sent = append(k.sent, fmt.Sprintf("%6.3fs %q", time.Since(k.began).Seconds(), s))
	k.mu.Unlock()
	if _, err := k.pty.Write([]byte(s)); err != nil {
		k.t.Fatalf("write to the terminal: %v", err)
	}
}

// waitFor waits until the screen shows every one of want.
func (k *kioskTerm) waitFor(want ...string) {
	k.t.Helper()
	k.waitUntil(fmt.Sprintf("screen shows %q", want), func(s string) bool {
		for _, w := range want {
			if !strings.Contains(s, w) {
				return false
			}
		}
		return true
	})
}

// waitUntilOutput waits until the program has written raw (escape
// sequences the screen does not show), or fails saying what.
func (k *kioskTerm) waitUntilOutput(raw, what string) {
	k.t.Helper()
	for deadline := time.Now().Add(e2eDeadline); !strings.Contains(k.output(), raw); {
		if time.Now().After(deadline) {
			k.t.Fatalf("waited %s for %s", e2eDeadline, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitGone waits until the screen no longer shows text.
func (k *kioskTerm) waitGone(text string) {
	k.t.Helper()
	k.waitUntil(fmt.Sprintf("screen without %q", text), func(s string) bool { return !strings.Contains(s, text) })
}

func (k *kioskTerm) waitUntil(what string, ok func(screen string) bool) {
	k.t.Helper()
	deadline := time.Now().Add(e2eDeadline)
	for {
		s := k.screen()
		if ok(s) {
			return
		}
		select {
		case <-k.exited:
			k.t.Fatalf("the program exited (%v) while waiting for: %s\n%s\n%s", k.err, what, s, k.log())
		default:
		}
		if time.Now().After(deadline) {
			k.t.Fatalf("waited %s for: %s; the screen is:\n%s\n%s\n%s", e2eDeadline, what, s, k.log(), k.postmortem())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// postmortem is what a wait that timed out leaves to read: the keys the
// test typed, with when, and the program's goroutines (a SIGQUIT dump): a
// failure seen once under load says whether the program was stuck, and
// where, or never got a key.
func (k *kioskTerm) postmortem() string {
	k.mu.Lock()
	typed := strings.Join(k.sent, "\n")
	mark := k.raw.Len()
	k.mu.Unlock()
	_ = k.cmd.Process.Signal(syscall.SIGQUIT)
	select {
	case <-k.exited:
		select {
		case <-k.read:
		case <-time.After(5 * time.Second):
		}
	case <-time.After(5 * time.Second):
	}
	k.mu.Lock()
	dump := strings.ReplaceAll(k.raw.String()[mark:], "\r\n", "\n")
	k.mu.Unlock()
	dump = framePointers.ReplaceAllString(dump, "")
	const most = 48 << 10
	if len(dump) > most {
		dump = dump[:most] + "\n[…]"
	}
	return "typed (seconds after the start):\n" + typed + "\ngoroutines:\n" + dump
}

var framePointers = regexp.MustCompile(` fp=0x[0-9a-f]+ sp=0x[0-9a-f]+ pc=0x[0-9a-f]+`)

// requireRunning fails if the program has exited.
func (k *kioskTerm) requireRunning() {
	k.t.Helper()
	select {
	case <-k.exited:
		k.t.Fatalf("the program exited (%v); the screen was:\n%s", k.err, k.screen())
	default:
	}
}

// waitExit waits for the program to end and returns its error.
func (k *kioskTerm) waitExit() error {
	k.t.Helper()
	select {
	case <-k.exited:
		select { // what it wrote last is on the screen too
		case <-k.read:
		case <-time.After(e2eDeadline):
		}
		return k.err
	case <-time.After(e2eDeadline):
		k.t.Fatalf("the program did not exit; the screen is:\n%s", k.screen())
		return nil
	}
}

// log is the kiosk's log file (beside the store), for failure messages.
func (k *kioskTerm) log() string {
	b, err := os.ReadFile(filepath.Join(filepath.Dir(k.db), "entkiosk.log"))
	if err != nil {
		return ""
	}
	return "log:\n" + string(b)
}

// entkiosk runs another command of the binary on the same store.
func (k *kioskTerm) entkiosk(args ...string) string {
	k.t.Helper()
	out, err := exec.Command(e2eBin, append(args, "--db", k.db)...).CombinedOutput()
	if err != nil {
		k.t.Fatalf("entkiosk %v: %v\n%s", args, err, out)
	}
	return string(out)
}

const (
	hugo         = "hugo.lefevre"
	hugoPassword = "Kiosque-Demo-2026"
	hugoFull     = "hugo.lefevre@etu.umontpellier.fr"
)

// --- the tests

func TestE2EStartToHome(t *testing.T) {
	t.Parallel()
	k := startKiosk(t, nil)
	k.waitFor("UNIVERSITÉ DE MONTPELLIER", "DÉMO", "Identifiant", "Mot de passe", "Se connecter",
		"1ère connexion", "Problème de connexion", "Consulter mon inscription (IA)", "Aide", "F2 English")
}

func TestE2ELoginHugo(t *testing.T) {
	t.Parallel()
	k := startKiosk(t, nil)
	k.waitFor("Se connecter")
	for _, r := range hugo {
		k.write(string(r))
	}
	k.waitFor(hugo)
	k.write("\r")
	for _, r := range hugoPassword {
		k.write(string(r))
	}
	k.write("\r")
	k.waitFor("Mon compte", "Hugo Lefèvre", "Ressources accessibles jusqu'au", "Connecté : "+hugoFull)
	if strings.Contains(k.output(), hugoPassword) {
		t.Fatal("the password was written to the terminal in clear")
	}
	// Ctrl+C on a kiosk ends the session and wipes: back home, empty fields.
	k.write("\x03")
	k.waitFor("Se connecter")
	k.waitGone("Connecté")
	k.waitGone(hugo)
	k.requireRunning()
	if audit := k.auditOnceItHas(hugoFull, "LOGOUT"); !strings.Contains(audit, "LOGOUT") {
		t.Fatalf("no LOGOUT in the audit after the wipe:\n%s", audit)
	}
}

// auditOnceItHas is the audit of ident once it holds every one of want, or
// as it is at the deadline. The wipe's logout is written by a command
// beside the frame of home: home may show a moment before it is stored.
func (k *kioskTerm) auditOnceItHas(ident string, want ...string) string {
	k.t.Helper()
	has := func(audit string) bool {
		for _, w := range want {
			if !strings.Contains(audit, w) {
				return false
			}
		}
		return true
	}
	audit := k.entkiosk("audit", "--identifiant", ident)
	for deadline := time.Now().Add(e2eDeadline); !has(audit) && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		audit = k.entkiosk("audit", "--identifiant", ident)
	}
	return audit
}

// A burst "identifiant⏎motdepasse⏎" in one write (typed ahead, or pasted by a
// terminal without bracketed paste) never shows the password, with CR or LF.
func TestE2EBurstNeverShowsPassword(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, sep string }{{"CR", "\r"}, {"LF", "\n"}, {"CRLF", "\r\n"}} {
		t.Run(tc.name, func(t *testing.T) {
			k := startKiosk(t, nil)
			k.waitFor("Se connecter")
			wrong := "Burst-Secret-" + tc.name + "-42"
			k.write(hugo + tc.sep + wrong + tc.sep)
			k.waitFor("Identifiant ou mot de passe incorrect.", hugo)
			// Typed ahead right after a refusal: lands in the (masked) password field.
			k.write(hugoPassword + tc.sep)
			k.waitFor("Connecté : " + hugoFull)
			for _, secret := range []string{wrong, hugoPassword} {
				if strings.Contains(k.output(), secret) {
					t.Fatalf("%q was written to the terminal in clear", secret)
				}
			}
		})
	}
}

// Bracketed paste (what terminals send for a paste), line breaks inside.
func TestE2EBracketedPaste(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, sep string }{{"CR", "\r"}, {"LF", "\n"}, {"CRLF", "\r\n"}} {
		t.Run(tc.name, func(t *testing.T) {
			k := startKiosk(t, nil)
			k.waitFor("Se connecter")
			k.write("\x1b[200~" + hugo + tc.sep + hugoPassword + tc.sep + "\x1b[201~")
			k.waitFor("Connecté : " + hugoFull)
			if strings.Contains(k.output(), hugoPassword) {
				t.Fatal("the password was written to the terminal in clear")
			}
		})
	}
}

// A paste of 1 MB (bracketed, or raw as a terminal without bracketed paste
// sends it) does not freeze the kiosk: it keeps answering keys.
func TestE2EHugePaste(t *testing.T) {
	t.Parallel()
	for _, bracketed := range []bool{true, false} {
		t.Run(fmt.Sprintf("bracketed=%v", bracketed), func(t *testing.T) {
			k := startKiosk(t, nil)
			k.waitFor("Se connecter")
			big := strings.Repeat("A", 1<<20)
			if bracketed {
				big = "\x1b[200~" + big + "\x1b[201~"
			}
			start := time.Now()
			k.write(big)
			k.waitFor("┃ AAAAAAAAAAAAAAAAAAAA")
			// Ctrl+C (wipe) until it is done: the first may be dropped with
			// the end of a raw flood, never more than a moment.
			k.pressUntil("\x03", func(s string) bool { return !strings.Contains(s, "AAAAAAAAAA") })
			t.Logf("1 MB paste read, drawn and wiped in %v", time.Since(start).Round(time.Millisecond))
			k.write("ok")
			k.waitFor("┃ ok")
			k.requireRunning()
		})
	}
}

// pressUntil sends key every half second until the screen satisfies ok.
func (k *kioskTerm) pressUntil(key string, ok func(string) bool) {
	k.t.Helper()
	deadline := time.Now().Add(e2eDeadline)
	for time.Now().Before(deadline) {
		k.write(key)
		for end := time.Now().Add(500 * time.Millisecond); time.Now().Before(end); {
			if ok(k.screen()) {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	k.t.Fatalf("pressed %q for %s without effect; the screen is:\n%s", key, e2eDeadline, k.screen())
}

// Ctrl+C, Ctrl+Z, Ctrl+\, Ctrl+D and Esc never end a kiosk; a signal does.
func TestE2ENeverExitsOnKeys(t *testing.T) {
	t.Parallel()
	k := startKiosk(t, nil)
	k.waitFor("Se connecter")
	for _, key := range []string{"\x03", "\x1a", "\x1c", "\x04", "\x1b"} {
		k.write("x")
		k.waitFor("┃ x")
		k.write(key)
		if key == "\x1b" {
			// A lone Esc must reach the program in its own read, or the next
			// byte would make it Alt+key: give the terminal a moment.
			time.Sleep(200 * time.Millisecond)
		} else {
			k.waitGone("┃ x") // home, wiped
		}
		k.requireRunning()
		k.write("\x03")
		k.waitGone("┃ x")
	}
	// From another page: esc goes back, Ctrl+C goes home. Each page is
	// waited for by what it shows, not by home vanishing: a kiosk still
	// loading its demo runs the commands typed meanwhile (the wipes' clear
	// screen, the page opened) once it is ready, and the terminal is blank
	// for a moment in between. An Esc typed then reached home (a no-op),
	// before 1ère connexion opened (CI, under load).
	k.write("\t\t\t\r") // 1ère connexion
	k.waitFor("1ère connexion — étape 1 sur 5")
	k.write("\x1b")
	k.waitFor("Se connecter")
	// Back from a page, home starts again at Identifiant (the next person
	// may be the one looking): six tabs on is Aide.
	k.write("\t\t\t\t\t\t\r")
	k.waitFor("Le compte informatique", "Se connecter de chez soi", "Borne et confidentialité")
	k.write("\x03")
	k.waitFor("Se connecter", "Vous n'avez pas encore de mot de passe ?")
	k.requireRunning()

	// Leaving is an operator's act.
	k.cmd.Process.Signal(syscall.SIGTERM)
	if err := k.waitExit(); err != nil {
		t.Fatalf("SIGTERM: exit %v", err)
	}
}

func TestE2ESigintStops(t *testing.T) {
	t.Parallel()
	k := startKiosk(t, nil)
	k.waitFor("Se connecter")
	k.cmd.Process.Signal(syscall.SIGINT)
	if err := k.waitExit(); err != nil {
		t.Fatalf("SIGINT: exit %v", err)
	}
}

func TestE2EAllowQuit(t *testing.T) {
	t.Parallel()
	k := startKiosk(t, nil, "--allow-quit")
	k.waitFor("Se connecter", "Ctrl+C quitter")
	k.write("\x03")
	if err := k.waitExit(); err != nil {
		t.Fatalf("ctrl+c with --allow-quit: exit %v", err)
	}
}

// colourSGR finds SGR sequences that set a colour (30–49, 90–107, 38;…, 48;…).
var sgrRe = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

func colourSGR(out string) []string {
	var found []string
	for _, m := range sgrRe.FindAllStringSubmatch(out, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			var n int
			fmt.Sscan(p, &n)
			if n >= 30 && n <= 49 || n >= 90 && n <= 107 {
				found = append(found, fmt.Sprintf("%q", m[0]))
				break
			}
		}
	}
	return found
}

func TestE2ENoColor(t *testing.T) {
	t.Parallel()
	k := startKiosk(t, []string{"NO_COLOR=1"})
	k.waitFor("Se connecter")
	k.write("\t") // one more frame, with a focused field
	k.waitFor("› Mot de passe")
	if c := colourSGR(k.output()); len(c) > 0 {
		t.Fatalf("NO_COLOR=1 but the program wrote colours: %v", c[:min(len(c), 5)])
	}
	// The same without NO_COLOR has colours: the check above means something.
	k2 := startKiosk(t, nil)
	k2.waitFor("Se connecter")
	if len(colourSGR(k2.output())) == 0 {
		t.Fatal("no colour without NO_COLOR: the test cannot see colours")
	}
}

// On a light terminal (its answer to the background query), the light
// palette: the university's dark blue, not the light blue of dark terminals.
func TestE2ELightTerminal(t *testing.T) {
	t.Parallel()
	brand := func(hex string) string { return termenv.ANSI256.Color(hex).Sequence(false) + "m" }
	light := launch(t, filepath.Join(t.TempDir(), "entkiosk.db"),
		func(e *vt.Emulator) { e.SetDefaultBackgroundColor(color.White) }, nil)
	light.waitFor("Se connecter")
	dark := startKiosk(t, nil)
	dark.waitFor("Se connecter")
	if out := light.output(); !strings.Contains(out, brand("#00539F")) || strings.Contains(out, brand("#5EB1F2")) {
		t.Fatalf("light terminal: no light palette (want %q)", brand("#00539F"))
	}
	if out := dark.output(); !strings.Contains(out, brand("#5EB1F2")) {
		t.Fatalf("dark terminal: no dark palette (want %q)", brand("#5EB1F2"))
	}
}

// Idle: the countdown shows, then everything is wiped, the session ends
// (LOGOUT) and the scrollback is cleared.
func TestE2EIdleWipe(t *testing.T) {
	t.Parallel()
	k := startKiosk(t, nil, "--idle", "4s")
	k.waitFor("Se connecter")
	k.write(hugo + "\r" + hugoPassword + "\r")
	k.waitGone("Se connecter") // logged in (the countdown takes the status line at once)
	k.waitFor("retour à l'accueil dans")
	k.waitFor("Se connecter")
	k.waitGone("Connecté")
	k.waitGone(hugo)
	// The scrollback's erasing and the LOGOUT are commands beside the frame
	// of home: they may come a moment after it.
	k.waitUntilOutput("\x1b[3J", "the scrollback cleared (ESC[3J)")
	// The outcome "idle", in words.
	if audit := k.auditOnceItHas(hugoFull, "LOGOUT", "LOGIN ", "inactivité"); !strings.Contains(audit, "LOGOUT") ||
		!strings.Contains(audit, "LOGIN ") || !strings.Contains(audit, "inactivité") {
		t.Fatalf("no LOGOUT (idle) in the audit:\n%s", audit)
	}
}

// F2 switches the language at any time; --lang en starts in English.
func TestE2ELanguage(t *testing.T) {
	t.Parallel()
	k := startKiosk(t, nil, "--lang", "en")
	k.waitFor("Log in to your ENT account", "F2 Français")
	k.write("\x1bOQ") // F2
	k.waitFor("Connexion à votre compte ENT", "F2 English")
}

// A terminal smaller than 80×24 says so, and the screen comes back when it grows.
func TestE2EResize(t *testing.T) {
	t.Parallel()
	k := startKiosk(t, nil)
	k.waitFor("Se connecter")
	k.resize(50, 14)
	k.waitFor("Agrandissez la fenêtre")
	k.resize(100, 30)
	k.waitFor("Se connecter")
	k.waitGone("Agrandissez")
}

func (k *kioskTerm) resize(cols, rows int) {
	k.t.Helper()
	k.mu.Lock()
	k.emu.Resize(cols, rows)
	k.mu.Unlock()
	if err := pty.Setsize(k.pty, &pty.Winsize{Rows: uint16(rows), Cols: uint16(cols)}); err != nil {
		k.t.Fatal(err)
	}
}

// codeRe finds the code line of a mail (the newest mail comes first).
var codeRe = regexp.MustCompile(`Code : (\d{8})`)

// mailedCode reads the newest code mailed to address, from `entkiosk outbox`.
func (k *kioskTerm) mailedCode(address string) string {
	k.t.Helper()
	out := k.entkiosk("outbox", "--to", address)
	m := codeRe.FindStringSubmatch(out)
	if m == nil {
		k.t.Fatalf("no code in the outbox for %s:\n%s", address, out)
	}
	return m[1]
}

// A whole activation of Camille Martin, the code read from the outbox,
// then a login with the new password.
func TestE2EActivationCamille(t *testing.T) {
	t.Parallel()
	const newPassword = "Tournesol-Vif-2026"
	k := startKiosk(t, nil)
	k.waitFor("Se connecter")
	k.write("\t\t\t\r") // 1ère connexion
	k.waitFor("étape 1 sur 5")
	k.write("camille.martin\r")
	k.waitFor("étape 2 sur 5", "ca•••••n@ex•••••e.org")
	k.write(k.mailedCode("camille.martin@example.org") + "\r")
	k.waitFor("étape 3 sur 5", "CHARTE")
	k.write(" ") // J'ai lu la charte et je l'accepte
	k.waitFor("[x] J'ai lu la charte")
	k.write("\t\r")
	k.waitFor("étape 4 sur 5", "camille.martin@etu.umontpellier.fr")
	k.write("\r") // no redirection
	k.waitFor("étape 5 sur 5", "Robustesse")
	k.write(newPassword + "\r" + newPassword)
	k.waitFor("✓ les deux saisies sont identiques")
	k.write("\r")
	k.waitFor("Votre compte est activé.", "camille.martin@etu.umontpellier.fr")
	k.write("\r") // Se connecter: home, identifiant filled in
	k.waitFor("┃ camille.martin@etu.umontpellier.fr", "› Mot de passe")
	k.write(newPassword + "\r")
	k.waitFor("Mon compte", "Camille Martin", "Connecté : camille.martin@etu.umontpellier.fr")
	if strings.Contains(k.output(), newPassword) {
		t.Fatal("the password was written to the terminal in clear")
	}
}

// A whole lost password for Hugo Lefèvre, then a login with the new one.
func TestE2ELostPasswordHugo(t *testing.T) {
	t.Parallel()
	const newPassword = "Girafe-Bleue-77"
	k := startKiosk(t, nil)
	k.waitFor("Se connecter")
	k.write("\t\t\t\t\r") // Problème de connexion
	k.waitFor("J'ai oublié mon mot de passe")
	k.write("\x1b[B") // ↓
	k.waitFor("› J'ai oublié mon mot de passe")
	k.write("\r")
	k.waitFor("mot de passe oublié", "Identifiant")
	k.write(hugo + "\r")
	k.waitFor("Un mail a été envoyé sur votre adresse mail de secours", "hu•••••e@ex•••••e.org")
	k.write(k.mailedCode("hugo.lefevre@example.org") + "\r")
	k.waitFor("nouveau mot de passe", "Robustesse")
	k.write(newPassword + "\r" + newPassword)
	k.waitFor("✓ les deux saisies sont identiques")
	k.write("\r")
	k.waitFor("Votre mot de passe a été modifié.")
	k.write("\r")
	k.waitFor("› Mot de passe")
	k.write(newPassword + "\r")
	k.waitFor("Mon compte", "Connecté : "+hugoFull)
	if strings.Contains(k.output(), newPassword) {
		t.Fatal("the password was written to the terminal in clear")
	}
}

// The IA lookup of Jean-Luc D'Alembert shows both registrations and the identifiant.
func TestE2ELookupJeanLuc(t *testing.T) {
	t.Parallel()
	k := startKiosk(t, nil)
	k.waitFor("Se connecter")
	k.write("\t\t\t\t\t\r") // Consulter mon inscription (IA)
	k.waitFor("Numéro étudiant", "Date de naissance")
	k.write("22107777\r16112003\r")
	k.waitFor("Jean-Luc D'Alembert", "jean-luc.dalembert@etu.umontpellier.fr", "(2)",
		"Master 1 Physique fondamentale", "DU Astronomie et astrophysique")
}

// F3, then « Back to the usual display »: the screens come back in the
// language the person was using, not the kiosk's.
func TestE2EAccessibleBackKeepsLanguage(t *testing.T) {
	t.Parallel()
	k := startKiosk(t, nil)
	k.waitFor("Connexion à votre compte ENT", "F2 English")
	k.write("\x1bOQ") // F2
	k.waitFor("Log in to your ENT account")
	k.write("\x1bOR") // F3
	k.waitFor("8 Back to the usual display")
	k.write("8\r")
	k.waitFor("Log in to your ENT account", "F2 Français")
}
