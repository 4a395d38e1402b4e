package sshserver

import (
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// Hostile clients over real SSH connections (issue 13).

// floodWindow connects with a pty and a shell, never reads what the server
// writes, and sends n window changes (sizes in turn: each one is a
// change). It returns once every request is sent; flooded is false when
// the server stopped reading before (the sends waited waitLimit).
func floodWindow(t testing.TB, addr string, n int) (c *gossh.Client, flooded bool, err error) {
	c, err = dialSSH(t, addr, "someone")
	if err != nil {
		return nil, false, err
	}
	fail := func(err error) (*gossh.Client, bool, error) { c.Close(); return nil, false, err }
	sess, err := c.NewSession()
	if err != nil {
		return fail(err)
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		return fail(err)
	}
	if _, err := sess.StdoutPipe(); err != nil { // never read: the server's window fills
		return fail(err)
	}
	if _, err := sess.StdinPipe(); err != nil { // kept open: the session goes on
		return fail(err)
	}
	if err := sess.Shell(); err != nil {
		return fail(err)
	}
	sent := make(chan error, 1)
	go func() {
		for i := range n {
			if err := sess.WindowChange(24+i%2, 80+i%3); err != nil {
				sent <- err
				return
			}
		}
		sent <- nil
	}()
	select {
	case err := <-sent:
		if err != nil {
			return fail(err)
		}
		return c, true, nil
	case <-time.After(waitLimit):
		return c, false, nil
	}
}

// answers says whether the server still reads the connection: a global
// request gets its answer (a refusal) within waitLimit.
func answers(c *gossh.Client) bool {
	done := make(chan struct{})
	go func() {
		c.SendRequest("keepalive@openssh.com", true, nil) //nolint:errcheck // only the answer's arrival counts
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-time.After(waitLimit):
		return false
	}
}

// A flood of window changes from a client that does not read (issue 13.1):
// the server keeps reading the connection, and once the client has gone
// every goroutine, session and connection slot it held is freed.
func TestSSHWindowChangeFlood(t *testing.T) {
	ts := startSSH(t, func(o *ServeOptions) { o.MaxSessionsPerAddress = 100 })
	ts.openTerm("someone").waitFor("Se connecter") // warm up
	eventually(t, "warm-up settled", func() bool { return ts.srv.sessionCount() == 1 })
	before := runtime.NumGoroutine()

	var clients []*gossh.Client
	for range 4 {
		c, flooded, err := floodWindow(t, ts.addr, 5000)
		if err != nil {
			t.Fatal(err)
		}
		if !flooded {
			t.Fatal("the server stopped reading the connection during the flood")
		}
		if !answers(c) {
			t.Fatal("after 5,000 window changes the server no longer reads the connection")
		}
		clients = append(clients, c)
	}
	for _, c := range clients {
		c.Close()
	}
	eventually(t, "sessions and connections released", func() bool {
		return ts.srv.sessionCount() == 1 && ts.srv.limiter.count() == 1
	})
	deadline := time.Now().Add(waitLimit)
	for runtime.NumGoroutine() > before+2 {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("goroutines: %d, before: %d\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// BenchmarkSSHWindowFlood: 200 connections flood window changes without
// reading, then close. Goroutines and heap in use before, and after they
// have gone (or 30 s later; heap: live bytes after a GC); connections
// the server stopped reading.
//
//	go test ./tui/sshserver -run '^$' -bench WindowFlood -benchtime 1x
func BenchmarkSSHWindowFlood(b *testing.B) {
	const conns, changes = 200, 3000
	for b.Loop() {
		ts := startSSH(b, func(o *ServeOptions) { o.MaxSessionsPerAddress = 1000 })
		ts.openTerm("someone").waitFor("Se connecter") // warm up
		before, heapBefore := runtime.NumGoroutine(), heapMiB()
		clients := make([]*gossh.Client, conns)
		stuck := make([]bool, conns)
		errs := make([]error, conns)
		var wg sync.WaitGroup
		limit := make(chan struct{}, 20) // handshakes at once: each must finish in 10 s
		for i := range conns {
			wg.Go(func() {
				limit <- struct{}{}
				defer func() { <-limit }()
				var flooded bool
				clients[i], flooded, errs[i] = floodWindow(b, ts.addr, changes)
				stuck[i] = errs[i] == nil && (!flooded || !answers(clients[i]))
			})
		}
		wg.Wait()
		deaf, failed := 0, 0
		for i, c := range clients {
			if stuck[i] {
				deaf++
			}
			if errs[i] != nil {
				failed++
				b.Log(errs[i])
				continue
			}
			c.Close()
		}
		deadline := time.Now().Add(30 * time.Second)
		for runtime.NumGoroutine() > before+2 && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		b.ReportMetric(float64(before), "goroutines-before")
		b.ReportMetric(float64(runtime.NumGoroutine()), "goroutines-after")
		b.ReportMetric(heapBefore, "heap-MiB-before")
		b.ReportMetric(heapMiB(), "heap-MiB-after")
		b.ReportMetric(float64(deaf), "deaf-connections")
		b.ReportMetric(float64(failed), "failed-connections")
		b.ReportMetric(float64(ts.srv.limiter.count()), "slots-held-after")
	}
}

func heapMiB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// 1 MiB typed in one write, not a bracketed paste (issue 13.2): Bubble
// Tea's parser would rescan the run from its start at every read (39 s of
// CPU). What no field can hold is dropped before the parser: the server
// reads the whole megabyte, hands the parser a few KiB, and the session
// goes on.
func TestSSHTypedMegabyteDropped(t *testing.T) {
	ts := startSSH(t)
	st := ts.openTerm("someone")
	st.waitFor("Se connecter")
	const typed = 1 << 20
	go st.raw(strings.Repeat("a", typed)) // returns once the server has read it
	var ss *sshSession
	eventually(t, "the server read the whole megabyte", func() bool {
		if live := ts.sessions(); len(live) == 1 {
			ss = live[0]
		}
		return ss != nil && ss.input.received.Load() >= typed
	})
	if parsed := ss.parsed.n.Load(); parsed > 64<<10 {
		t.Fatalf("%d bytes of the megabyte reached the input parser, want at most 64 KiB", parsed)
	}
	st.waitFor("aaaaaaaaaaaaaaaaaaaa")
	eventually(t, "the session goes on", func() bool { return ts.srv.sessionCount() == 1 })
}
