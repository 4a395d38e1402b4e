package sshserver

import (
	"bytes"
	"context"
	"net"
	"os/exec"
	"strings"
	"testing"
)

// openssh runs the real OpenSSH client against the server with extra
// options, without a terminal (the server answers one line and exit 1
// once the connection is up): its exit status and what it printed.
func openssh(t *testing.T, addr string, opts ...string) (int, string) {
	t.Helper()
	path, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("OpenSSH client missing: apt-get install openssh-client")
	}
	host, port, _ := net.SplitHostPort(addr)
	args := []string{"-F", "/dev/null", "-T", "-p", port, "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
		"-o", "UserKnownHostsFile=/dev/null", "-o", "ConnectTimeout=20"}
	args = append(args, opts...)
	args = append(args, "someone@"+host)
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	if exit, ok := err.(*exec.ExitError); ok {
		return exit.ExitCode(), out.String()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, out.String()
}

// Only modern algorithms are offered (issue 13.8): an old-only client is
// refused at the key exchange; a normal one gets in.
func TestSSHOnlyModernAlgorithms(t *testing.T) {
	t.Parallel()
	ts := startSSH(t)
	const reached = "terminal" // the no-pty line: the connection was up
	if status, out := openssh(t, ts.addr); status != 1 || !strings.Contains(out, reached) {
		t.Fatalf("a normal client: exit %d\n%s", status, out)
	}
	for _, old := range [][]string{
		{"-o", "KexAlgorithms=diffie-hellman-group14-sha1"},
		{"-o", "KexAlgorithms=diffie-hellman-group14-sha256"},
		{"-o", "KexAlgorithms=ecdh-sha2-nistp256"},
		{"-o", "Ciphers=aes128-ctr", "-o", "MACs=hmac-sha1"},
		{"-o", "Ciphers=aes256-ctr"},
		{"-o", "Ciphers=aes128-cbc"},
	} {
		status, out := openssh(t, ts.addr, old...)
		if status != 255 || !strings.Contains(out, "no matching") || strings.Contains(out, reached) {
			t.Errorf("%v: exit %d, want refused at the key exchange\n%q", old, status, out)
		}
	}
	// An AEAD cipher carries its own integrity: with it no MAC is chosen,
	// so a client listing only hmac-sha1 still gets a modern connection.
	if status, out := openssh(t, ts.addr, "-v", "-o", "MACs=hmac-sha1"); status != 1 ||
		!strings.Contains(out, "MAC: <implicit>") || strings.Contains(out, "MAC: hmac-sha1") {
		t.Errorf("MACs=hmac-sha1: exit %d\n%s", status, out)
	}
}
