package main

import (
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

// session is one client: a pty and a shell, its output as plain text and
// the arrival time of each output chunk.
type session struct {
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.Writer

	mu    sync.Mutex
	plain strings.Builder // output without escape sequences, the last 64 KiB at most
	// watch, when set before the shell starts, is looked for in every chunk:
	// seen says it appeared (even if the text kept has moved past it).
	watch string
	seen  atomic.Bool
	// seenLine is the line it first appeared on (for the report).
	seenLine atomic.Value
	// changed is signalled when text arrives: waitFor reads the text again
	// only then (500 sessions polling their text would take the server's CPU).
	changed chan struct{}

	received atomic.Int64 // bytes of output in all
	chunks   chan time.Time
	// quiet: only arrival times count, no text kept (keeps this program's
	// own CPU out of the typing figures).
	quiet atomic.Bool
	// over: the server ended the connection (or it failed).
	over atomic.Bool
}

var sourceCount atomic.Int64

// nextSource is the next loopback source address: -per-address sessions
// each (the server caps sessions per address).
func nextSource() net.IP {
	n := int(sourceCount.Add(1) - 1)
	host := n / *perAddr
	return net.IPv4(127, byte(1+host/250), byte(1+host%250), 1)
}

// dial opens a session on t from a fresh loopback source address.
func dial(t *target) (*session, error) { return dialFrom(t, nextSource(), 30*time.Second) }

// dialFrom opens a session on t from the source address src (nil: any).
func dialFrom(t *target, src net.IP, timeout time.Duration) (*session, error) {
	return dialWatch(t, src, timeout, "")
}

// dialWatch is dialFrom with a text to watch for in the output (session.seen).
func dialWatch(t *target, src net.IP, timeout time.Duration, watch string) (*session, error) {
	d := net.Dialer{Timeout: timeout}
	if src != nil {
		d.LocalAddr = &net.TCPAddr{IP: src}
	}
	conn, err := d.Dial("tcp", t.addr)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(timeout)
	_ = conn.SetDeadline(deadline)
	// A step cut by the deadline fails as "EOF" in the SSH library (its
	// connection ends, every request waiting on it with it): say which step,
	// and that time was up.
	why := func(step string, err error) error {
		if !time.Now().Before(deadline) {
			return fmt.Errorf("%s: no answer within %s (%w)", step, timeout, err)
		}
		return fmt.Errorf("%s: %w", step, err)
	}
	cc, chans, reqs, err := gossh.NewClientConn(conn, t.addr, &gossh.ClientConfig{User: t.user, Auth: t.auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: timeout})
	if err != nil {
		conn.Close()
		return nil, why("handshake", err)
	}
	s := &session{client: gossh.NewClient(cc, chans, reqs), chunks: make(chan time.Time, 64), watch: watch,
		changed: make(chan struct{}, 1)}
	fail := func(step string, err error) (*session, error) { s.close(); return nil, why(step, err) }
	if s.sess, err = s.client.NewSession(); err != nil {
		return fail("session", err)
	}
	if err := s.sess.RequestPty("xterm-256color", 24, 80, t.ptyModes); err != nil {
		return fail("pty", err)
	}
	if s.stdin, err = s.sess.StdinPipe(); err != nil {
		return fail("stdin", err)
	}
	stdout, err := s.sess.StdoutPipe()
	if err != nil {
		return fail("stdout", err)
	}
	if err := s.sess.Shell(); err != nil {
		return fail("shell", err)
	}
	_ = conn.SetDeadline(time.Time{})
	go s.read(stdout)
	return s, nil
}

func (s *session) read(r io.Reader) {
	buf := make([]byte, 32<<10)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			now := time.Now()
			s.received.Add(int64(n))
			if !s.quiet.Load() {
				// Stripped chunk by chunk: this program's CPU is the server's too.
				text := ansi.Strip(string(buf[:n]))
				s.mu.Lock()
				if s.plain.Len() > 64<<10 {
					tail := s.plain.String()[s.plain.Len()-16<<10:]
					s.plain.Reset()
					s.plain.WriteString(tail)
				}
				s.plain.WriteString(text)
				s.mu.Unlock()
				select {
				case s.changed <- struct{}{}:
				default:
				}
				if s.watch != "" && strings.Contains(text, s.watch) && !s.seen.Swap(true) {
					for _, line := range strings.Split(text, "\n") {
						if strings.Contains(line, s.watch) {
							s.seenLine.Store(strings.TrimSpace(line))
							break
						}
					}
				}
			}
			select {
			case s.chunks <- now:
			default:
			}
		}
		if err != nil {
			s.over.Store(true)
			close(s.chunks)
			return
		}
	}
}

// text is the output so far without its escape sequences.
// text is what the session received, its French no-break spaces (« Connecté : »
// is written with one before the colon) read as the spaces the scenarios type.
func (s *session) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.ReplaceAll(s.plain.String(), "\u00a0", " ")
}

// waitFor waits until the output contains one of subs; it returns which.
func (s *session) waitFor(d time.Duration, subs ...string) (string, error) {
	timer := time.NewTimer(d)
	defer timer.Stop()
	for {
		text := s.text()
		for _, sub := range subs {
			if strings.Contains(text, sub) {
				return sub, nil
			}
		}
		select {
		case <-s.changed:
		case <-timer.C:
			text = s.text()
			if len(text) > 300 {
				text = text[len(text)-300:]
			}
			return "", fmt.Errorf("none of %q after %v (output ends %q)", subs, d, text)
		}
	}
}

// drain forgets the output chunks received so far.
func (s *session) drain() {
	for {
		select {
		case <-s.chunks:
		default:
			return
		}
	}
}

func (s *session) close() {
	if s.sess != nil {
		s.sess.Close()
	}
	s.client.Close()
}

// openMany opens n sessions on t, each ready, a few at a time.
func openMany(t *target, n int) ([]*session, error) { return openWatching(t, n, "") }

// openWatching is openMany with a text each session watches for.
func openWatching(t *target, n int, watch string) ([]*session, error) {
	if err := enoughFiles(n); err != nil {
		return nil, err
	}
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
			s, err := dialWatch(t, nextSource(), *openWait, watch)
			if err == nil {
				if err = t.ready(s, *openWait); err != nil {
					s.close()
				}
			}
			if err != nil {
				errs <- fmt.Errorf("%s session %d: %w%s", t.name, i, err, serverSaid(t))
				return
			}
			out[i] = s
		}()
		if len(errs) > 0 {
			break
		}
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		closeAll(out)
		return nil, err
	}
	return out, nil
}

func closeAll(ss []*session) {
	var wg sync.WaitGroup
	for _, s := range ss {
		if s != nil {
			wg.Add(1)
			go func() { defer wg.Done(); s.close() }()
		}
	}
	wg.Wait()
}

// serverSaid is the end of the server's standard error, for an error message.
func serverSaid(t *target) string {
	tail := strings.TrimSpace(t.proc.stderrTail())
	if tail == "" {
		return ""
	}
	return "\n" + t.name + "'s standard error ends:\n" + tail
}

// enoughFiles fails early when n sessions (a socket each) would not fit in
// this program's open-file limit, rather than at session n.
func enoughFiles(n int) error {
	var l syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l) != nil {
		return nil
	}
	if uint64(n)+100 > l.Cur {
		return fmt.Errorf("%d sessions need %d open files, the limit is %d (ulimit -n; root may raise it)", n, n+100, l.Cur)
	}
	return nil
}
