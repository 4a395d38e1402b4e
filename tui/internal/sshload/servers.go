package main

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// target is a server the clients dial: how to log in and what its first
// screen shows.
type target struct {
	name string
	proc *child
	addr string
	user string
	auth []gossh.AuthMethod
	// ready waits until a fresh session is usable: a screen's text, or
	// (OpenSSH + cat, which shows nothing) a key echoed.
	ready func(s *session, d time.Duration) error
	// home is the text of the first screen, when there is one.
	home string
	// ptyModes are the terminal modes its sessions ask for (nil: the pty's own).
	ptyModes gossh.TerminalModes
}

func (t *target) stop() { t.proc.stop(30 * time.Second) }

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// entkioskHome is on entkiosk's home screen.
const entkioskHome = "Se connecter"

// serverOpts: entkiosk serve's limits (0: what this program uses by
// default, high enough for its sessions; -1: the binary's own default).
type serverOpts struct {
	bin, name   string // the binary and its name in the results ("" : -bin, "entkiosk")
	maxSessions int
	goroutines  bool // GOTRACEBACK=all, for goroutineDump
	// flags are added to serve's (after -server-flags, so they win).
	flags []string
}

// startEntkiosk starts `entkiosk serve --demo` on a fresh store.
func startEntkiosk(o serverOpts) (*target, error) {
	dir, err := tempDir("entkiosk")
	if err != nil {
		return nil, err
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	logPath := filepath.Join(dir, "server.log")
	args := []string{"serve", "--db", filepath.Join(dir, "entkiosk.db"), "--demo", "--listen", addr, "--log", logPath}
	switch {
	case o.maxSessions == 0:
		args = append(args, "--max-sessions", fmt.Sprint(max(5000, *idleN+2000)))
	case o.maxSessions > 0:
		args = append(args, "--max-sessions", fmt.Sprint(o.maxSessions))
	}
	args = append(args, strings.Fields(*serverFlags)...)
	args = append(args, o.flags...)
	path, name := o.bin, o.name
	if path == "" {
		path, name = *bin, "entkiosk"
	}
	cmd := exec.Command(path, args...)
	cmd.Env = os.Environ()
	if o.goroutines {
		cmd.Env = append(cmd.Env, "GOTRACEBACK=all")
	}
	p, err := startChild("entkiosk", dir, cmd)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		b, _ := os.ReadFile(logPath)
		if strings.Contains(string(b), "fingerprint=") {
			break
		}
		if p.exited() || time.Now().After(deadline) {
			p.stop(time.Second)
			return nil, fmt.Errorf("entkiosk serve did not start:\n%s%s", b, p.stderrTail())
		}
		time.Sleep(20 * time.Millisecond)
	}
	return &target{name: name, proc: p, addr: addr, user: "load", home: entkioskHome,
		ready: func(s *session, d time.Duration) error { _, err := s.waitFor(d, entkioskHome); return err }}, nil
}

// entkiosks are the binaries measured: -bin, and -before when given.
func entkiosks() []serverOpts {
	out := []serverOpts{{bin: *bin, name: "entkiosk"}}
	if *before != "" {
		out = append(out, serverOpts{bin: *before, name: "before"})
	}
	return out
}

// logCount counts the lines of the server's log that contain sub.
func (t *target) logCount(sub string) int {
	b, _ := os.ReadFile(filepath.Join(t.proc.dir, "server.log"))
	return strings.Count(string(b), sub)
}

// barewishHome is on the bare wish server's only screen.
const barewishHome = "bare wish"

var (
	barewishOnce sync.Once
	barewishPath string
	barewishErr  error
)

// barewishBinary builds tui/internal/barewish once (or takes -barewish).
func barewishBinary() (string, error) {
	barewishOnce.Do(func() {
		if *barewishF != "" {
			barewishPath = *barewishF
			return
		}
		dir, err := tempDir("barewish-build")
		if err != nil {
			barewishErr = err
			return
		}
		barewishPath = filepath.Join(dir, "barewish")
		cmd := exec.Command("go", "build", "-o", barewishPath, "entkiosk/tui/internal/barewish")
		if out, err := cmd.CombinedOutput(); err != nil {
			barewishErr = fmt.Errorf("building the bare wish reference (run from the repository): %v\n%s", err, out)
		}
	})
	return barewishPath, barewishErr
}

// startBarewish starts the bare wish reference server at its renderer's
// default frame rate.
func startBarewish() (*target, error) { return startBarewishFPS(60) }

// startBarewishFPS starts bare wish with its renderer at fps frames a second.
func startBarewishFPS(fps int) (*target, error) {
	path, err := barewishBinary()
	if err != nil {
		return nil, err
	}
	dir, err := tempDir("barewish")
	if err != nil {
		return nil, err
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(path, "-listen", addr, "-host-key", filepath.Join(dir, "host_ed25519"), "-fps", fmt.Sprint(fps))
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	p, err := startChild("barewish", dir, cmd)
	if err != nil {
		return nil, err
	}
	started := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "barewish: listening") {
				started <- true
			}
		}
		started <- false
	}()
	select {
	case ok := <-started:
		if !ok {
			p.stop(time.Second)
			return nil, fmt.Errorf("bare wish did not start: %s", p.stderrTail())
		}
	case <-time.After(30 * time.Second):
		p.stop(time.Second)
		return nil, errors.New("bare wish did not start in 30 s")
	}
	if err := waitListening(addr, 10*time.Second); err != nil {
		p.stop(time.Second)
		return nil, err
	}
	return &target{name: "bare wish", proc: p, addr: addr, user: "load", home: barewishHome,
		ready: func(s *session, d time.Duration) error { _, err := s.waitFor(d, barewishHome); return err }}, nil
}

func waitListening(addr string, d time.Duration) error {
	deadline := time.Now().Add(d)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("nothing listens on %s: %w", addr, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// startSSHD starts OpenSSH's sshd on loopback, in a temporary directory of
// its own (host key, config, authorized key), serving `cat` to every
// session, with key authentication for the current user.
func startSSHD() (*target, error) {
	if _, err := os.Stat(*sshdBin); err != nil {
		return nil, fmt.Errorf("no OpenSSH server at %s (Debian: apt-get install openssh-server): %w", *sshdBin, err)
	}
	me, err := user.Current()
	if err != nil {
		return nil, err
	}
	if os.Geteuid() == 0 {
		// sshd's privilege separation directory, which Debian creates at boot.
		if err := os.MkdirAll("/run/sshd", 0o755); err != nil {
			return nil, err
		}
	}
	dir, err := tempDir("sshd")
	if err != nil {
		return nil, err
	}
	hostKey := filepath.Join(dir, "host_ed25519")
	if err := writeKey(hostKey); err != nil {
		return nil, err
	}
	_, clientKey, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	signer, err := gossh.NewSignerFromKey(clientKey)
	if err != nil {
		return nil, err
	}
	authorized := filepath.Join(dir, "authorized_keys")
	if err := os.WriteFile(authorized, gossh.MarshalAuthorizedKey(signer.PublicKey()), 0o600); err != nil {
		return nil, err
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	host, port, _ := net.SplitHostPort(addr)
	config := filepath.Join(dir, "sshd_config")
	conf := strings.Join([]string{
		"ListenAddress " + host + ":" + port,
		"HostKey " + hostKey,
		"PidFile " + filepath.Join(dir, "sshd.pid"),
		"AuthorizedKeysFile " + authorized,
		"AuthenticationMethods publickey",
		"PubkeyAuthentication yes",
		"PasswordAuthentication no",
		"KbdInteractiveAuthentication no",
		"PermitRootLogin prohibit-password",
		"StrictModes no",
		"UsePAM no",
		"PrintMotd no",
		"PrintLastLog no",
		"UseDNS no",
		"X11Forwarding no",
		"AllowTcpForwarding no",
		// Not the defaults (10:30:100, none): like serve with its limits far
		// above this program's sessions, which come 2 from each source.
		"MaxStartups 2000",
		"PerSourceMaxStartups none",
		"MaxSessions 10",
		"LogLevel ERROR",
		// sshd runs the command through the user's shell, and Debian's bash
		// reads ~/.bashrc when sshd starts it, even for a command: root's here
		// runs `pyenv init`, which waited 60 s on a stale lock, busy, in each of
		// the 200 typists' sessions while they typed. A shell started from a
		// shell (SHLVL 1) reads none; no ~/.ssh/rc either. Only cat runs.
		"SetEnv SHLVL=1",
		"PermitUserRC no",
		"ForceCommand exec cat",
		"",
	}, "\n")
	if err := os.WriteFile(config, []byte(conf), 0o600); err != nil {
		return nil, err
	}
	cmd := exec.Command(*sshdBin, "-D", "-e", "-f", config)
	p, err := startChild("sshd", dir, cmd)
	if err != nil {
		return nil, err
	}
	if err := waitListening(addr, 10*time.Second); err != nil {
		p.stop(time.Second)
		return nil, fmt.Errorf("%w\n%s", err, p.stderrTail())
	}
	t := &target{name: "OpenSSH + cat", proc: p, addr: addr, user: me.Username,
		auth: []gossh.AuthMethod{gossh.PublicKeys(signer)}, ptyModes: catModes}
	t.ready = func(s *session, d time.Duration) error {
		// cat shows nothing: the session is usable once cat sends a key back
		// (the pty does not echo, see catModes).
		if _, err := s.stdin.Write([]byte("x")); err != nil {
			return err
		}
		_, err := s.waitFor(d, "x")
		return err
	}
	return t, nil
}

// catModes: the pty neither echoes nor waits for a line, so the echo is
// cat's, as entkiosk's is its program's (Bubble Tea puts its pty in raw
// mode). With the pty's own echo a key came back before sshd had even
// started cat: the reference measured the kernel's echo, and a session was
// "ready" while its shell was still starting.
var catModes = gossh.TerminalModes{gossh.ECHO: 0, gossh.ICANON: 0}

// checkOnlyCat fails when the reference's sessions run anything but sshd's
// own processes and cat (a shell's start-up files still running, say).
func checkOnlyCat(t *target, sessions int) error {
	if t.proc.name != "sshd" {
		return nil
	}
	cmds := t.proc.commands()
	var others []string
	for name, n := range cmds {
		if name != "cat" && !strings.HasPrefix(name, "sshd") {
			others = append(others, fmt.Sprintf("%s ×%d", name, n))
		}
	}
	if len(others) > 0 || cmds["cat"] != sessions {
		return fmt.Errorf("OpenSSH's %d sessions run cat ×%d and %s: the reference would measure them too",
			sessions, cmds["cat"], strings.Join(others, ", "))
	}
	return nil
}

// writeKey writes a new ed25519 private key in OpenSSH's format.
func writeKey(path string) error {
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	block, err := gossh.MarshalPrivateKey(key, "sshload")
	if err != nil {
		return err
	}
	return os.WriteFile(path, pem.EncodeToMemory(block), 0o600)
}
