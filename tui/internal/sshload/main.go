// Command sshload measures the SSH server of entkiosk: it starts
// `entkiosk serve` on a fresh demo store, drives real SSH sessions against
// it from many loopback source addresses, and reads the server's CPU and
// memory from /proc.
//
//	go build -o /tmp/entkiosk . && go run ./tui/internal/sshload -bin /tmp/entkiosk -scenario all
//
// Scenarios (each on a server of its own):
//
//	connect  median time from dial to the home screen, over -connects connections
//	idle     -idle sessions on the home screen: server RSS and CPU while idle
//	typing   -typists sessions typing a key every 200 ms: key-to-echo latency
//	login    -logins sessions submitting a login at once: every one answered, server RSS
//	typeburst  one session types -burst-sizes bytes in one write each (not a
//	           bracketed paste): the server's CPU for each, until it is quiet
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

var (
	bin       = flag.String("bin", "", "the entkiosk binary (go build -o /tmp/entkiosk .)")
	scenario  = flag.String("scenario", "all", "connect, idle, typing, login or all")
	connects  = flag.Int("connects", 30, "connect: connections, one after the other")
	idleN     = flag.Int("idle", 1000, "idle: concurrent sessions")
	idleFor   = flag.Duration("idle-measure", 30*time.Second, "idle: how long CPU is measured")
	typists   = flag.Int("typists", 200, "typing: concurrent sessions")
	typeFor   = flag.Duration("type-for", 30*time.Second, "typing: how long they type")
	logins    = flag.Int("logins", 500, "login: sessions submitting at once")
	perAddr   = flag.Int("per-address", 8, "sessions per loopback source address (server default cap: 10)")
	bursts    = flag.String("burst-sizes", "64K,256K,1M", "typeburst: sizes typed in one write")
	asPaste   = flag.Bool("burst-paste", false, "typeburst: each burst is one bracketed paste")
	keepStore = flag.Bool("keep", false, "keep the temporary directory (store, logs)")
)

func main() {
	flag.Parse()
	if *bin == "" {
		fmt.Fprintln(os.Stderr, "sshload: -bin PATH is required (go build -o /tmp/entkiosk .)")
		os.Exit(2)
	}
	raiseFileLimit()
	run := map[string]func() error{"connect": benchConnect, "idle": benchIdle, "typing": benchTyping, "login": benchLogin,
		"typeburst": benchTypeBurst}
	names := []string{*scenario}
	if *scenario == "all" {
		names = []string{"connect", "idle", "typing", "login"}
	}
	for _, name := range names {
		f, ok := run[name]
		if !ok {
			fmt.Fprintf(os.Stderr, "sshload: unknown scenario %q\n", name)
			os.Exit(2)
		}
		fmt.Printf("== %s\n", name)
		if err := f(); err != nil {
			fmt.Fprintf(os.Stderr, "sshload: %s: %v\n", name, err)
			os.Exit(1)
		}
	}
}

// raiseFileLimit: every session is a socket on each side.
func raiseFileLimit() {
	var l syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l) == nil && l.Cur < l.Max {
		l.Cur = l.Max
		_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &l)
	}
}

// server is an `entkiosk serve` child process on a fresh demo store.
type server struct {
	cmd  *exec.Cmd
	dir  string
	addr string
}

func startServer(extra ...string) (*server, error) {
	dir, err := os.MkdirTemp("", "sshload-")
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	logPath := filepath.Join(dir, "server.log")
	args := append([]string{"serve", "--db", filepath.Join(dir, "entkiosk.db"), "--demo", "--listen", addr,
		"--log", logPath, "--max-sessions", "5000"}, extra...)
	cmd := exec.Command(*bin, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, dir: dir, addr: addr}
	deadline := time.Now().Add(60 * time.Second)
	for {
		b, _ := os.ReadFile(logPath)
		if strings.Contains(string(b), "fingerprint=") {
			break
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, fmt.Errorf("server did not start:\n%s", b)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return s, nil
}

func (s *server) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		_ = s.cmd.Process.Kill()
		<-done
	}
	if *keepStore {
		fmt.Println("   kept:", s.dir)
		return
	}
	os.RemoveAll(s.dir)
}

// rssKiB reads VmRSS and VmHWM (peak) of the server.
func (s *server) rssKiB() (rss, peak int) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		n, _ := strconv.Atoi(f[1])
		switch f[0] {
		case "VmRSS:":
			rss = n
		case "VmHWM:":
			peak = n
		}
	}
	return rss, peak
}

// cpuTime is the server's user + system time so far.
func (s *server) cpuTime() time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	// Fields after the command name (which is in parentheses).
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	const clkTck = 100 // sysconf(_SC_CLK_TCK) on Linux
	return time.Duration(utime+stime) * time.Second / clkTck
}

// selfCPU is this load program's own user + system time.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loadAverage is the machine's 1-minute load average: the figures mean
// little on a busy machine.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(b))[0]
}

// session is one client: a pty, its output as plain text, and the arrival
// time of each output chunk.
type session struct {
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.Writer

	mu     sync.Mutex
	text   strings.Builder
	chunks chan time.Time
	// quiet: only the arrival times count (no text kept: the typing
	// scenario keeps the load program's own CPU out of the way).
	quiet atomic.Bool
}

var sessionCount atomic.Int64

// dial opens a session from loopback source address number n/perAddr (the
// server caps sessions per address).
func dial(addr, user string) (*session, error) {
	n := int(sessionCount.Add(1) - 1)
	host := n / *perAddr
	local := &net.TCPAddr{IP: net.IPv4(127, byte(1+host/250), byte(1+host%250), 1)}
	d := net.Dialer{LocalAddr: local, Timeout: 30 * time.Second}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	cc, chans, reqs, err := gossh.NewClientConn(conn, addr, &gossh.ClientConfig{User: user,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 30 * time.Second})
	if err != nil {
		conn.Close()
		return nil, err
	}
	s := &session{client: gossh.NewClient(cc, chans, reqs), chunks: make(chan time.Time, 64)}
	if s.sess, err = s.client.NewSession(); err != nil {
		s.close()
		return nil, err
	}
	if err := s.sess.RequestPty("xterm-256color", 24, 80, nil); err != nil {
		s.close()
		return nil, err
	}
	if s.stdin, err = s.sess.StdinPipe(); err != nil {
		s.close()
		return nil, err
	}
	stdout, err := s.sess.StdoutPipe()
	if err != nil {
		s.close()
		return nil, err
	}
	if err := s.sess.Shell(); err != nil {
		s.close()
		return nil, err
	}
	go s.read(stdout)
	return s, nil
}

func (s *session) read(r io.Reader) {
	buf := make([]byte, 8192)
	for {
		n, err := r.Read(buf)
		if n > 0 && s.quiet.Load() {
			select {
			case s.chunks <- time.Now():
			default:
			}
		} else if n > 0 {
			now := time.Now()
			s.mu.Lock()
			if s.text.Len() > 64<<10 {
				s.text.Reset()
			}
			s.text.WriteString(ansi.Strip(string(buf[:n])))
			s.mu.Unlock()
			select {
			case s.chunks <- now:
			default:
			}
		}
		if err != nil {
			close(s.chunks)
			return
		}
	}
}

func (s *session) has(sub string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Contains(s.text.String(), sub)
}

// waitFor waits until the output contains one of subs; it returns which.
func (s *session) waitFor(d time.Duration, subs ...string) (string, error) {
	deadline := time.Now().Add(d)
	for {
		for _, sub := range subs {
			if s.has(sub) {
				return sub, nil
			}
		}
		if time.Now().After(deadline) {
			s.mu.Lock()
			tail := s.text.String()
			s.mu.Unlock()
			if len(tail) > 300 {
				tail = tail[len(tail)-300:]
			}
			return "", fmt.Errorf("none of %q after %v (output ends %q)", subs, d, tail)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func (s *session) close() {
	if s.sess != nil {
		s.sess.Close()
	}
	s.client.Close()
}

const homeText = "Se connecter"

// openMany opens n sessions on the home screen, a few at a time.
func openMany(addr string, n int) ([]*session, error) {
	out := make([]*session, n)
	errs := make(chan error, n)
	sem := make(chan struct{}, 32)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			s, err := dial(addr, "load")
			if err == nil {
				_, err = s.waitFor(60*time.Second, homeText)
			}
			if err != nil {
				errs <- fmt.Errorf("session %d: %w", i, err)
				return
			}
			out[i] = s
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return nil, err
	}
	return out, nil
}

func closeAll(ss []*session) {
	for _, s := range ss {
		if s != nil {
			s.close()
		}
	}
}

func mib(kib int) string { return fmt.Sprintf("%.1f MiB", float64(kib)/1024) }

func percentile(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	slices.Sort(d)
	i := int(float64(len(d)-1) * p)
	return d[i]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }

func benchConnect() error {
	srv, err := startServer()
	if err != nil {
		return err
	}
	defer srv.stop()
	var times []time.Duration
	for i := range *connects + 1 {
		t0 := time.Now()
		s, err := dial(srv.addr, "someone")
		if err != nil {
			return err
		}
		if _, err := s.waitFor(30*time.Second, homeText); err != nil {
			return err
		}
		d := time.Since(t0)
		s.close()
		if i > 0 { // the first warms the server up
			times = append(times, d)
		}
	}
	fmt.Printf("   dial to home screen, %d connections: median %s, p90 %s, min %s, max %s\n", len(times),
		ms(percentile(times, 0.5)), ms(percentile(times, 0.9)), ms(percentile(times, 0)), ms(percentile(times, 1)))
	return nil
}

func benchIdle() error {
	srv, err := startServer()
	if err != nil {
		return err
	}
	defer srv.stop()
	t0 := time.Now()
	ss, err := openMany(srv.addr, *idleN)
	defer closeAll(ss)
	if err != nil {
		return err
	}
	fmt.Printf("   %d sessions on the home screen in %s\n", len(ss), time.Since(t0).Round(time.Millisecond))
	time.Sleep(10 * time.Second) // let the opening settle (GC, buffers)
	c0, w0 := srv.cpuTime(), time.Now()
	time.Sleep(*idleFor)
	cpu, wall := srv.cpuTime()-c0, time.Since(w0)
	rss, peak := srv.rssKiB()
	fmt.Printf("   idle for %s: server CPU %s = %.2f %% of one core; RSS %s (peak %s)\n", wall.Round(time.Second),
		cpu, 100*float64(cpu)/float64(wall), mib(rss), mib(peak))
	return nil
}

func benchTyping() error {
	srv, err := startServer()
	if err != nil {
		return err
	}
	defer srv.stop()
	ss, err := openMany(srv.addr, *typists)
	defer closeAll(ss)
	if err != nil {
		return err
	}
	var mu sync.Mutex
	var lat []time.Duration
	var lost atomic.Int64
	c0, w0, s0 := srv.cpuTime(), time.Now(), selfCPU()
	ctx, cancel := context.WithTimeout(context.Background(), *typeFor)
	defer cancel()
	var wg sync.WaitGroup
	for _, s := range ss {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.quiet.Store(true)
			// Drain what the opening left.
			for len(s.chunks) > 0 {
				<-s.chunks
			}
			tick := time.NewTicker(200 * time.Millisecond)
			defer tick.Stop()
			time.Sleep(rand.N(200 * time.Millisecond)) // not all in step
			keys := []string{"a", "\x7f"}              // a letter, then backspace: the field always changes
			for i := 0; ; i++ {
				select {
				case <-ctx.Done():
					return
				case <-tick.C:
				}
				t0 := time.Now()
				if _, err := io.WriteString(s.stdin, keys[i%2]); err != nil {
					return
				}
				select {
				case at := <-s.chunks:
					mu.Lock()
					lat = append(lat, at.Sub(t0))
					mu.Unlock()
				case <-time.After(5 * time.Second):
					lost.Add(1)
				}
				for len(s.chunks) > 0 { // the rest of that frame
					<-s.chunks
				}
			}
		}()
	}
	wg.Wait()
	cpu, wall := srv.cpuTime()-c0, time.Since(w0)
	self := selfCPU() - s0
	rss, peak := srv.rssKiB()
	fmt.Printf("   load program CPU %.0f %% of one core; load average %s\n", 100*float64(self)/float64(wall), loadAverage())
	fmt.Printf("   %d sessions, a key every 200 ms for %s: %d keys, key-to-echo p50 %s, p90 %s, p99 %s, max %s, no echo %d\n",
		len(ss), *typeFor, len(lat), ms(percentile(lat, 0.5)), ms(percentile(lat, 0.9)), ms(percentile(lat, 0.99)),
		ms(percentile(lat, 1)), lost.Load())
	fmt.Printf("   server CPU %.0f %% of one core (%.2f ms a key); RSS %s (peak %s)\n", 100*float64(cpu)/float64(wall),
		float64(cpu)/float64(time.Millisecond)/float64(max(len(lat), 1)), mib(rss), mib(peak))
	return nil
}

func benchLogin() error {
	srv, err := startServer()
	if err != nil {
		return err
	}
	defer srv.stop()
	ss, err := openMany(srv.addr, *logins)
	defer closeAll(ss)
	if err != nil {
		return err
	}
	_, before := srv.rssKiB()
	// What each answer shows, most specific first ("✗" starts every error).
	shows := []string{"Connecté :", "incorrect", "très sollicité", "Trop de tentatives", "✗"}
	answers := map[string]string{"Connecté :": "success", "incorrect": "refused", "très sollicité": "busy, try again",
		"Trop de tentatives": "too many attempts", "✗": "other error"}
	var mu sync.Mutex
	counts := map[string]int{}
	var lat []time.Duration
	var failed []error
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i, s := range ss {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ident, pw := "hugo.lefevre", "Kiosque-Demo-2026"
			if i%2 == 1 {
				ident, pw = fmt.Sprintf("inconnu.%d", i), "Wrong-Password-9"
			}
			<-start
			t0 := time.Now()
			_, err := io.WriteString(s.stdin, ident+"\r"+pw+"\r")
			var got string
			if err == nil {
				got, err = s.waitFor(120*time.Second, shows...)
			}
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				failed = append(failed, err)
				return
			}
			counts[answers[got]]++
			lat = append(lat, time.Since(t0))
		}()
	}
	close(start)
	wg.Wait()
	rss, peak := srv.rssKiB()
	fmt.Printf("   %d logins at once: answered %d (%v), unanswered %d; answer time p50 %s, p99 %s, max %s\n",
		len(ss), len(lat), counts, len(failed), ms(percentile(lat, 0.5)), ms(percentile(lat, 0.99)), ms(percentile(lat, 1)))
	fmt.Printf("   server RSS %s, peak %s (peak before the logins %s)\n", mib(rss), mib(peak), mib(before))
	if len(failed) > 0 {
		return errors.Join(failed[:min(len(failed), 3)]...)
	}
	return nil
}

// benchTypeBurst types each size of -burst-sizes in one write, on a fresh
// server each, and reads the server's CPU until it has been quiet for a
// second (no CPU tick) — or 10 minutes.
func benchTypeBurst() error {
	for _, f := range strings.Split(*bursts, ",") {
		size, err := parseSize(f)
		if err != nil {
			return err
		}
		srv, err := startServer()
		if err != nil {
			return err
		}
		s, err := dial(srv.addr, "someone")
		if err == nil {
			_, err = s.waitFor(30*time.Second, homeText)
		}
		if err != nil {
			srv.stop()
			return err
		}
		s.quiet.Store(true)
		time.Sleep(2 * time.Second) // the first frame's work is done
		c0, w0 := srv.cpuTime(), time.Now()
		burst := strings.Repeat("a", size)
		if *asPaste {
			burst = "\x1b[200~" + burst + "\x1b[201~"
		}
		if _, err := s.stdin.Write([]byte(burst)); err != nil {
			s.close()
			srv.stop()
			return err
		}
		written := time.Since(w0)
		last, quiet := srv.cpuTime(), 0
		for quiet < 2 && time.Since(w0) < 10*time.Minute {
			time.Sleep(500 * time.Millisecond)
			now := srv.cpuTime()
			if now == last {
				quiet++
			} else {
				quiet = 0
			}
			last = now
		}
		what := "typed"
		if *asPaste {
			what = "pasted"
		}
		fmt.Printf("   %s %s in one write: server CPU %s (the write took %s; load %s)\n", f, what,
			(last - c0).Round(time.Millisecond), written.Round(time.Millisecond), loadAverage())
		s.close()
		srv.stop()
	}
	return nil
}

// parseSize reads "64K", "1M" or a number of bytes.
func parseSize(s string) (int, error) {
	mult := 1
	switch {
	case strings.HasSuffix(s, "K"):
		mult, s = 1<<10, strings.TrimSuffix(s, "K")
	case strings.HasSuffix(s, "M"):
		mult, s = 1<<20, strings.TrimSuffix(s, "M")
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("size %q", s)
	}
	return n * mult, nil
}
