package accessible

import (
	"bytes"
	"context"
	"errors"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rivo/uniseg"

	"entkiosk/data"
	"entkiosk/screens"
)

// The test kit: a session run in-process on a pipe, the lines written as
// a person (or a braille display) would type them, the whole output kept.

// testNow is the fixed time of the tests: a Wednesday morning.
var testNow = time.Date(2026, 11, 25, 10, 0, 0, 0, data.ParisLocation())

// testHasher keeps tests fast: real argon2id, tiny cost.
var testHasher = data.NewHasher(data.HashParams{MemoryKiB: 64, Time: 1, Threads: 1}, 4, 5*time.Second)

func newTestStore(t testing.TB) (*data.Store, *data.ManualClock) {
	t.Helper()
	clock := data.NewManualClock(testNow)
	s, err := data.Open(filepath.Join(t.TempDir(), "entkiosk.db"), data.Config{Clock: clock, Hasher: testHasher,
		LinkHost: "ent.umontpellier.fr", LinkPort: 2222})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.LoadDemo(t.Context()); err != nil {
		t.Fatal(err)
	}
	return s, clock
}

// syncBuffer is the session's output, read while it is written.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// pipeSession is one session on a pipe.
type pipeSession struct {
	t     testing.TB
	store *data.Store
	clock *data.ManualClock
	in    *io.PipeWriter
	out   *syncBuffer
	done  chan error
}

func startSession(t testing.TB, adjust ...func(*Options)) *pipeSession {
	t.Helper()
	store, clock := newTestStore(t)
	return startOn(t, store, clock, adjust...)
}

func startOn(t testing.TB, store *data.Store, clock *data.ManualClock, adjust ...func(*Options)) *pipeSession {
	t.Helper()
	r, w := io.Pipe()
	ps := &pipeSession{t: t, store: store, clock: clock, in: w, out: &syncBuffer{}, done: make(chan error, 1)}
	o := Options{Store: store, Lang: screens.French, Kiosk: true, Demo: true, Client: "kiosk:test", In: r, Out: ps.out}
	for _, f := range adjust {
		f(&o)
	}
	go func() { ps.done <- Run(context.Background(), o) }()
	t.Cleanup(func() { w.Close() })
	return ps
}

// write types lines, each ended with Enter.
func (ps *pipeSession) write(lines ...string) {
	ps.t.Helper()
	for _, l := range lines {
		if _, err := io.WriteString(ps.in, l+"\n"); err != nil {
			ps.t.Fatalf("write %q: %v", l, err)
		}
	}
}

// waitFor waits until the output holds text (counted from the end of
// what was already seen n times: the (n)th occurrence).
func (ps *pipeSession) waitFor(text string, n int) {
	ps.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for strings.Count(ps.out.String(), text) < n {
		if time.Now().After(deadline) {
			ps.t.Fatalf("waiting for %q (%d times); output:\n%s", text, n, ps.out.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// waitLeft waits for the session to end with ErrLeft (back to the screens,
// or a kiosk's wipe from them).
func (ps *pipeSession) waitLeft() {
	ps.t.Helper()
	select {
	case err := <-ps.done:
		if !errors.Is(err, ErrLeft) {
			ps.t.Fatalf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		ps.t.Fatalf("the session did not end; output:\n%s", ps.out.String())
	}
}

// end closes the input and returns the whole output once the session ended.
func (ps *pipeSession) end() string {
	ps.t.Helper()
	ps.in.Close()
	select {
	case err := <-ps.done:
		if err != nil {
			ps.t.Fatalf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		ps.t.Fatalf("the session did not end; output:\n%s", ps.out.String())
	}
	return ps.out.String()
}

var codeLineRE = regexp.MustCompile(`(?m)^Code ?: ?([0-9]{8})\s*$`)

// lastCode reads the code of the newest mail that names identifiant, as
// the person would read it in their mailbox.
func lastCode(t testing.TB, store *data.Store, identifiant string) string {
	t.Helper()
	mails, err := store.Outbox(context.Background(), data.OutboxFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mails {
		if strings.Contains(m.Body, identifiant) {
			if g := codeLineRE.FindStringSubmatch(m.Body); g != nil {
				return g[1]
			}
		}
	}
	t.Fatalf("no code mail for %s", identifiant)
	return ""
}

// requirePlain checks what a screen reader and a braille display need of
// a whole session's output: no escape sequence but those allowed (none
// on a pipe), no box-drawing, block or braille characters, no bullets,
// every line under 80 columns.
func requirePlain(t testing.TB, out string, allowedEscapes ...string) {
	t.Helper()
	for _, e := range allowedEscapes {
		out = strings.ReplaceAll(out, e, "")
	}
	for i, line := range strings.Split(out, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if w := uniseg.StringWidth(line); w >= 80 {
			t.Errorf("line %d is %d columns: %q", i+1, w, line)
		}
		for _, r := range line {
			switch {
			case r == 0x1b:
				t.Errorf("line %d has an escape sequence: %q", i+1, line)
			case r < 0x20 && r != '\b':
				t.Errorf("line %d has a control character %U: %q", i+1, r, line)
			case r >= 0x2500 && r <= 0x259f:
				t.Errorf("line %d has a box-drawing or block character %q: %q", i+1, r, line)
			case r >= 0x2800 && r <= 0x28ff:
				t.Errorf("line %d has a braille character %q: %q", i+1, r, line)
			case r == '•':
				t.Errorf("line %d has a bullet: %q", i+1, line)
			}
		}
	}
}
