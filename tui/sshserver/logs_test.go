package sshserver

import (
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/log"
	gossh "golang.org/x/crypto/ssh"
)

// A client's TERM of 32 KB with newlines and escape sequences (issue
// 13.8): the session start's log line holds a short, clean part of it.
func TestSSHLogsTheTermCleaned(t *testing.T) {
	t.Parallel()
	ts := startSSH(t)
	c, err := dialSSH(t, ts.addr, "someone")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	term := "xterm" + strings.Repeat("\nINFO ssh: forged line \x1b[2J\u202e", 1000)
	if err := sess.RequestPty(term, 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the session start logged", func() bool { return strings.Contains(ts.logs.String(), "session start") })
	logs := ts.logs.String()
	if strings.Contains(logs, "\x1b") || strings.Contains(logs, "\u202e") || strings.Count(logs, "forged line") > 10 {
		t.Fatalf("the client's TERM reached the log:\n%.2000q", logs)
	}
	for _, line := range strings.Split(logs, "\n") {
		if strings.Contains(line, "forged line") && !strings.Contains(line, "session start") {
			t.Fatalf("a line forged through TERM: %q", line)
		}
		if len(line) > 2000 {
			t.Fatalf("a log line of %d bytes", len(line))
		}
	}
}

// A client repeating a refused request 300 times writes about twenty log
// lines, not 300 (issue 13.8).
func TestSSHRepeatedLogLinesLimited(t *testing.T) {
	t.Parallel()
	// A connection without a shell is closed 5 s after it came: a loaded
	// -race run had only 13 requests answered by then, too few to pass the
	// burst. Here it has a minute.
	ts := startSSH(t, func(o *ServeOptions) { o.handshake = time.Minute })
	c, err := dialSSH(t, ts.addr, "someone")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	for i := range 300 {
		ok, err := sess.SendRequest("env", true, gossh.Marshal(struct{ Name, Value string }{"LANG", "C"}))
		if err != nil && i > 4*repeatBurst {
			break // a session that never asks for a shell is ended in time: enough were refused
		}
		if err != nil || ok {
			t.Fatalf("env %d: %v %v", i, ok, err)
		}
	}
	if n := strings.Count(ts.logs.String(), "request refused"); n > repeatBurst+1 {
		t.Fatalf("%d lines for one source's refused requests", n)
	}
}

// The handler's rules, on a clock the test moves: values cleaned and
// capped, a source's repeated lines limited and counted, other sources
// and other messages untouched.
func TestLogHandler(t *testing.T) {
	t.Parallel()
	var out syncBuffer
	h := newLogHandler(slog.NewTextHandler(&out, nil))
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	h.repeats.now = func() time.Time { return now }
	l := slog.New(h)
	l.Info("start", "term", "a\nb\x1b[31m"+strings.Repeat("x", 500))
	if s := out.String(); strings.Contains(s, "\x1b") || strings.Count(s, "\n") != 1 || !strings.Contains(s, `a\\x0ab\\x1b[31m`) ||
		!strings.Contains(s, "…(508 bytes)") {
		t.Fatalf("not cleaned: %q", s)
	}
	out = syncBuffer{}
	from := l.With("addr", "192.0.2.7:4242")
	for range 100 {
		from.Info("refused")
	}
	l.Info("refused", "addr", "192.0.2.8:1") // another source
	from.Info("other message")
	if n := strings.Count(out.String(), "msg=refused"); n != repeatBurst+1 {
		t.Fatalf("%d lines written, want %d:\n%s", n, repeatBurst+1, out.String())
	}
	now = now.Add(repeatEvery)
	from.Info("refused")
	if !strings.Contains(out.String(), "repeated_lines_left_out=80") {
		t.Fatalf("the lines left out are not counted:\n%s", out.String())
	}
}

// A logger made With attributes writes the lines the inner logger's own
// With would, cleaned, and a group keeps the attributes given before it.
func TestLogHandlerWithWritesTheInnerLines(t *testing.T) {
	t.Parallel()
	var want, got strings.Builder
	inner := func(w *strings.Builder) *log.Logger { return log.NewWithOptions(w, log.Options{Prefix: "ssh"}) }
	slog.New(inner(&want)).With("session", "ab12cd34", "term", "xterm\\x1b").Info("session start", "width", 80)
	slog.New(newLogHandler(inner(&got))).With("session", "ab12cd34", "term", "xterm\x1b").Info("session start", "width", 80)
	if got.String() != want.String() {
		t.Fatalf("got %q, want %q", got.String(), want.String())
	}
	want.Reset()
	got.Reset()
	slog.New(inner(&want)).With("session", "x").WithGroup("g").With("a", 1).Info("line", "b", 2)
	slog.New(newLogHandler(inner(&got))).With("session", "x").WithGroup("g").With("a", 1).Info("line", "b", 2)
	if got.String() != want.String() {
		t.Fatalf("with a group: got %q, want %q", got.String(), want.String())
	}
}
