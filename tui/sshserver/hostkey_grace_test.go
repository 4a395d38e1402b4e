package sshserver

import (
	"bytes"
	"encoding/binary"
	"net"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
	gossh "golang.org/x/crypto/ssh"
)

// A person connecting for the first time reads OpenSSH's question about
// the server's key for longer than the handshake deadline, then types
// « yes »: they reach home. (They got « Broken pipe » after the 5-second
// deadline, which was meant for silent sockets.) The real OpenSSH client,
// on a terminal, with a new known_hosts file.
func TestSSHFirstConnectionReadsTheHostKeyQuestion(t *testing.T) {
	t.Parallel()
	path, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("OpenSSH client missing: apt-get install openssh-client")
	}
	const deadline = time.Second
	ts := startSSH(t, func(o *ServeOptions) { o.handshake = deadline })
	host, port, _ := net.SplitHostPort(ts.addr)
	cmd := exec.Command(path, "-F", "/dev/null", "-p", port, "-o", "UserKnownHostsFile="+filepath.Join(t.TempDir(), "known_hosts"),
		"-o", "StrictHostKeyChecking=ask", "-o", "ConnectTimeout=20", "-t", "etudiant@"+host)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait(); f.Close() })
	var mu sync.Mutex
	var out bytes.Buffer
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := f.Read(buf)
			mu.Lock()
			out.Write(buf[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	seen := func(want string) bool {
		mu.Lock()
		defer mu.Unlock()
		return strings.Contains(out.String(), want)
	}
	wait := func(want string) {
		t.Helper()
		for end := time.Now().Add(waitLimit); !seen(want); time.Sleep(20 * time.Millisecond) {
			if time.Now().After(end) {
				mu.Lock()
				defer mu.Unlock()
				t.Fatalf("%q not shown; the terminal got:\n%s", want, out.String())
			}
		}
	}
	wait("Are you sure you want to continue connecting")
	time.Sleep(2*deadline + deadline/2) // reading the fingerprint
	if _, err := f.WriteString("yes\r"); err != nil {
		t.Fatal(err)
	}
	wait("Se connecter")
}

// The grace ends too: a client that never answers is closed once it has
// passed, and a silent socket still goes at the handshake deadline.
func TestSSHHostKeyGraceEnds(t *testing.T) {
	t.Parallel()
	ts := startSSH(t, func(o *ServeOptions) { o.handshake, o.keyGrace = 300*time.Millisecond, 1500*time.Millisecond })
	// Answers after 600 ms: past the deadline, within the grace.
	slow := func(d time.Duration) error {
		c, err := gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{User: "someone", Timeout: waitLimit,
			HostKeyCallback: func(string, net.Addr, gossh.PublicKey) error { time.Sleep(d); return nil }})
		if err == nil {
			c.Close()
		}
		return err
	}
	if err := slow(600 * time.Millisecond); err != nil {
		t.Fatalf("within the grace: %v", err)
	}
	if err := slow(2500 * time.Millisecond); err == nil {
		t.Fatal("a client still silent after the grace was kept")
	}
	raw, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	start := time.Now()
	raw.SetReadDeadline(time.Now().Add(waitLimit))
	for {
		if _, err := raw.Read(make([]byte, 512)); err != nil {
			break
		}
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("a silent socket was kept %v (deadline 300 ms)", d)
	}
}

// kexWatch finds the server's NEWKEYS in what it writes, however the
// writes cut the packets, and gives up on a stream it does not know.
func TestKexWatch(t *testing.T) {
	packet := func(msg byte, body int) []byte {
		p := make([]byte, 6+body)
		binary.BigEndian.PutUint32(p, uint32(2+body))
		p[4], p[5] = 4, msg
		return p
	}
	stream := append([]byte("SSH-2.0-Go\r\n"), packet(20, 900)...) // KEXINIT
	stream = append(stream, packet(31, 1200)...)                   // KEX_ECDH_REPLY
	newKeysAt := len(stream)
	stream = append(stream, packet(msgNewKeys, 10)...)
	for _, cut := range []int{1, 3, 7, 64, 1000, len(stream)} {
		var w kexWatch
		found := -1
		for i := 0; i < len(stream); i += cut {
			if w.newKeys(stream[i:min(i+cut, len(stream))]) {
				found = i
				break
			}
		}
		if found < 0 || found > newKeysAt+5 || found+cut <= newKeysAt+5 {
			t.Errorf("writes of %d bytes: NEWKEYS found in the write at %d, want the one holding byte %d", cut, found, newKeysAt+5)
		}
	}
	var w kexWatch
	if w.newKeys([]byte("SSH-2.0-Go\r\n\xff\xff\xff\xff\x04\x15")) || !w.done {
		t.Error("a packet length out of bounds: want the watch given up")
	}
}
