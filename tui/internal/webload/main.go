// Command webload measures the web page of entkiosk: it starts
// `entkiosk serve --http` on a fresh demo store, drives sessions against
// it (a headless chromium for the page, a Go WebSocket client speaking the
// page's protocol for load, real SSH clients for the comparison), and
// reads the server's memory from /proc.
//
//	go build -o /tmp/entkiosk . && go run ./tui/internal/webload -bin /tmp/entkiosk -scenario all
//
// Scenarios (each on a server of its own):
//
//	page     page load to the home screen visible in chromium, median of -loads
//	typing   -typists WebSocket sessions typing a key every 200 ms: key-to-echo latency
//	idle     -idle web sessions on the home screen, then as many SSH sessions on
//	         another server: the server's RSS for each
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
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
	"github.com/chromedp/chromedp"
	"github.com/coder/websocket"
	gossh "golang.org/x/crypto/ssh"
)

var (
	bin      = flag.String("bin", "", "the entkiosk binary (go build -o /tmp/entkiosk .), with xterm.js built in")
	scenario = flag.String("scenario", "all", "page, typing, idle or all")
	loads    = flag.Int("loads", 20, "page: page loads, one after the other")
	typists  = flag.Int("typists", 200, "typing: concurrent sessions")
	typeFor  = flag.Duration("type-for", 30*time.Second, "typing: how long they type")
	idleN    = flag.Int("idle", 1000, "idle: concurrent sessions of each kind")
	perAddr  = flag.Int("per-address", 8, "sessions per loopback source address (server default cap: 10)")
)

func main() {
	flag.Parse()
	if *bin == "" {
		fmt.Fprintln(os.Stderr, "webload: -bin PATH is required (go build -o /tmp/entkiosk .)")
		os.Exit(2)
	}
	raiseFileLimit()
	run := map[string]func() error{"page": benchPage, "typing": benchTyping, "idle": benchIdle}
	names := []string{*scenario}
	if *scenario == "all" {
		names = []string{"page", "typing", "idle"}
	}
	fmt.Printf("load average at start: %s\n", loadAverage())
	for _, name := range names {
		f, ok := run[name]
		if !ok {
			fmt.Fprintf(os.Stderr, "webload: unknown scenario %q\n", name)
			os.Exit(2)
		}
		fmt.Printf("== %s\n", name)
		if err := f(); err != nil {
			fmt.Fprintf(os.Stderr, "webload: %s: %v\n", name, err)
			os.Exit(1)
		}
	}
}

func raiseFileLimit() {
	var l syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l) == nil && l.Cur < l.Max {
		l.Cur = l.Max
		_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &l)
	}
}

// server is an `entkiosk serve --http` child process on a fresh demo store.
type server struct {
	cmd            *exec.Cmd
	dir            string
	sshAddr, wAddr string
}

func freeAddr() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func startServer(extra ...string) (*server, error) {
	dir, err := os.MkdirTemp("", "webload-")
	if err != nil {
		return nil, err
	}
	s := &server{dir: dir, sshAddr: freeAddr(), wAddr: freeAddr()}
	logPath := filepath.Join(dir, "server.log")
	args := append([]string{"serve", "--db", filepath.Join(dir, "entkiosk.db"), "--listen", s.sshAddr,
		"--http", s.wAddr, "--log", logPath, "--max-sessions", "5000"}, extra...)
	s.cmd = exec.Command(*bin, args...)
	s.cmd.Stdout, s.cmd.Stderr = os.Stderr, os.Stderr
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		b, _ := os.ReadFile(logPath)
		if strings.Contains(string(b), "fingerprint=") && strings.Contains(string(b), "web: listening") {
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

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(b))[0]
}

func mib(kib int) string { return fmt.Sprintf("%.1f MiB", float64(kib)/1024) }

func percentile(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	slices.Sort(d)
	return d[int(float64(len(d)-1)*p)]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }

const homeText = "Se connecter"

// benchPage loads the page in chromium, from navigation to the home
// screen drawn in the terminal, -loads times (after one to warm up).
func benchPage() error {
	path, err := exec.LookPath("chromium")
	if err != nil {
		return fmt.Errorf("no chromium: apt-get install chromium")
	}
	srv, err := startServer("--demo")
	if err != nil {
		return err
	}
	defer srv.stop()
	dir, _ := os.MkdirTemp("", "webload-chromium-")
	defer os.RemoveAll(dir)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.WindowSize(1024, 768), chromedp.UserDataDir(dir))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		return err
	}
	shown := `(() => { const r = document.querySelector('.xterm-rows');
		return !!r && r.textContent.includes('` + homeText + `'); })()`
	var times []time.Duration
	for i := range *loads + 1 {
		t0 := time.Now()
		if err := chromedp.Do(ctx, chromedp.Navigate("http://"+srv.wAddr+"/")); err != nil {
			return err
		}
		for {
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](shown))
			if err != nil {
				return err
			}
			if ok {
				break
			}
			if time.Since(t0) > 30*time.Second {
				return fmt.Errorf("the home screen never showed")
			}
			time.Sleep(2 * time.Millisecond)
		}
		if i > 0 {
			times = append(times, time.Since(t0))
		}
	}
	fmt.Printf("   page load to home screen visible, %d loads: median %s, p90 %s, min %s, max %s\n", len(times),
		ms(percentile(times, 0.5)), ms(percentile(times, 0.9)), ms(percentile(times, 0)), ms(percentile(times, 1)))
	return nil
}

// wsSession is a page without a browser: the hello, keys, and the arrival
// time of each message.
type wsSession struct {
	conn   *websocket.Conn
	mu     sync.Mutex
	text   strings.Builder
	chunks chan time.Time
	quiet  atomic.Bool
}

var sourceCount atomic.Int64

// localDialer dials from loopback source address number n/perAddr (the
// server caps sessions per address).
func localDialer() *net.Dialer {
	n := int(sourceCount.Add(1) - 1)
	host := n / *perAddr
	return &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, byte(1+host/250), byte(1+host%250), 1)},
		Timeout: 30 * time.Second}
}

func dialWeb(addr string) (*wsSession, error) {
	d := localDialer()
	hc := &http.Client{Transport: &http.Transport{DialContext: d.DialContext}}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, "ws://"+addr+"/ws", &websocket.DialOptions{HTTPClient: hc,
		HTTPHeader: http.Header{"Origin": {"http://" + addr}}})
	if err != nil {
		return nil, err
	}
	conn.SetReadLimit(4 << 20)
	hello, _ := json.Marshal(map[string]any{"type": "hello", "cols": 80, "rows": 24, "lang": "fr"})
	if err := conn.Write(ctx, websocket.MessageText, hello); err != nil {
		conn.CloseNow()
		return nil, err
	}
	s := &wsSession{conn: conn, chunks: make(chan time.Time, 64)}
	go s.read()
	return s, nil
}

func (s *wsSession) read() {
	for {
		_, b, err := s.conn.Read(context.Background())
		if err != nil {
			close(s.chunks)
			return
		}
		now := time.Now()
		if !s.quiet.Load() {
			s.mu.Lock()
			if s.text.Len() > 64<<10 {
				s.text.Reset()
			}
			s.text.WriteString(ansi.Strip(string(b)))
			s.mu.Unlock()
		}
		select {
		case s.chunks <- now:
		default:
		}
	}
}

func (s *wsSession) waitFor(d time.Duration, sub string) error {
	deadline := time.Now().Add(d)
	for {
		s.mu.Lock()
		ok := strings.Contains(s.text.String(), sub)
		s.mu.Unlock()
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no %q after %v", sub, d)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func (s *wsSession) send(b string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return s.conn.Write(ctx, websocket.MessageBinary, []byte(b))
}

// openMany opens n sessions on the home screen, a few at a time.
func openMany[S any](n int, dial func() (S, error), wait func(S) error) ([]S, error) {
	out := make([]S, n)
	errs := make(chan error, n)
	sem := make(chan struct{}, 32)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			s, err := dial()
			if err == nil {
				err = wait(s)
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
	return out, <-errs
}

func benchTyping() error {
	srv, err := startServer("--demo")
	if err != nil {
		return err
	}
	defer srv.stop()
	ss, err := openMany(*typists, func() (*wsSession, error) { return dialWeb(srv.wAddr) },
		func(s *wsSession) error { return s.waitFor(60*time.Second, homeText) })
	defer func() {
		for _, s := range ss {
			if s != nil {
				s.conn.CloseNow()
			}
		}
	}()
	if err != nil {
		return err
	}
	var mu sync.Mutex
	var lat []time.Duration
	var lost atomic.Int64
	ctx, cancel := context.WithTimeout(context.Background(), *typeFor)
	defer cancel()
	var wg sync.WaitGroup
	for _, s := range ss {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.quiet.Store(true)
			for len(s.chunks) > 0 {
				<-s.chunks
			}
			tick := time.NewTicker(200 * time.Millisecond)
			defer tick.Stop()
			time.Sleep(rand.N(200 * time.Millisecond))
			keys := []string{"a", "\x7f"} // a letter, then backspace: the field always changes
			for i := 0; ; i++ {
				select {
				case <-ctx.Done():
					return
				case <-tick.C:
				}
				t0 := time.Now()
				if err := s.send(keys[i%2]); err != nil {
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
				for len(s.chunks) > 0 {
					<-s.chunks
				}
			}
		}()
	}
	wg.Wait()
	rss, peak := srv.rssKiB()
	fmt.Printf("   %d WebSocket sessions, a key every 200 ms for %s: %d keys, key-to-echo p50 %s, p90 %s, p99 %s, max %s, no echo %d; load average %s\n",
		len(ss), *typeFor, len(lat), ms(percentile(lat, 0.5)), ms(percentile(lat, 0.9)), ms(percentile(lat, 0.99)),
		ms(percentile(lat, 1)), lost.Load(), loadAverage())
	fmt.Printf("   server RSS %s (peak %s)\n", mib(rss), mib(peak))
	return nil
}

// sshSession is a real SSH client on the home screen.
type sshSession struct {
	client *gossh.Client
	mu     sync.Mutex
	text   strings.Builder
}

func dialSSH(addr string) (*sshSession, error) {
	conn, err := localDialer().Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	cc, chans, reqs, err := gossh.NewClientConn(conn, addr, &gossh.ClientConfig{User: "load",
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 30 * time.Second})
	if err != nil {
		conn.Close()
		return nil, err
	}
	s := &sshSession{client: gossh.NewClient(cc, chans, reqs)}
	sess, err := s.client.NewSession()
	if err == nil {
		err = sess.RequestPty("xterm-256color", 24, 80, nil)
	}
	var out io.Reader
	if err == nil {
		out, err = sess.StdoutPipe()
	}
	if err == nil {
		err = sess.Shell()
	}
	if err != nil {
		s.client.Close()
		return nil, err
	}
	go func() {
		buf := make([]byte, 8192)
		for {
			n, err := out.Read(buf)
			s.mu.Lock()
			if s.text.Len() < 64<<10 {
				s.text.WriteString(ansi.Strip(string(buf[:n])))
			}
			s.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return s, nil
}

func (s *sshSession) waitFor(d time.Duration, sub string) error {
	deadline := time.Now().Add(d)
	for {
		s.mu.Lock()
		ok := strings.Contains(s.text.String(), sub)
		s.mu.Unlock()
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no %q after %v", sub, d)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// benchIdle opens -idle web sessions on one server and as many SSH
// sessions on another, and reads each server's RSS once they are idle.
func benchIdle() error {
	measure := func(kind string, open func(srv *server) (func(), error)) error {
		// No demo people: loading them hashes passwords, whose memory the
		// sessions would then reuse, hiding what they cost.
		srv, err := startServer()
		if err != nil {
			return err
		}
		defer srv.stop()
		base, _ := srv.rssKiB()
		t0 := time.Now()
		closeAll, err := open(srv)
		defer closeAll()
		if err != nil {
			return err
		}
		opened := time.Since(t0)
		time.Sleep(10 * time.Second) // let the opening settle (GC, buffers)
		rss, peak := srv.rssKiB()
		fmt.Printf("   %d idle %s sessions (opened in %s): server RSS %s (peak %s; %s before any session), %.0f KiB a session\n",
			*idleN, kind, opened.Round(time.Millisecond), mib(rss), mib(peak), mib(base), float64(rss-base)/float64(*idleN))
		return nil
	}
	err := measure("web", func(srv *server) (func(), error) {
		ss, err := openMany(*idleN, func() (*wsSession, error) { return dialWeb(srv.wAddr) },
			func(s *wsSession) error { return s.waitFor(60*time.Second, homeText) })
		return func() {
			for _, s := range ss {
				if s != nil {
					s.conn.CloseNow()
				}
			}
		}, err
	})
	if err != nil {
		return err
	}
	return measure("SSH", func(srv *server) (func(), error) {
		ss, err := openMany(*idleN, func() (*sshSession, error) { return dialSSH(srv.sshAddr) },
			func(s *sshSession) error { return s.waitFor(60*time.Second, homeText) })
		return func() {
			for _, s := range ss {
				if s != nil {
					s.client.Close()
				}
			}
		}, err
	})
}
