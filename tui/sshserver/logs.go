package sshserver

import (
	"context"
	"fmt"
	"log/slog"
	"net/netip"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// The server's log lines carry what clients send (their TERM, their
// version string, request names, handshake errors quoting the algorithms
// they offer): a client could write 32 KB, newlines or escape sequences
// into the log, or a line a millisecond. logHandler stands between the
// server and its logger: every value is cleaned of control characters and
// capped, and the lines one source repeats are rate limited.

// maxLogValue is the longest value written, in characters.
const maxLogValue = 120

// Repeated lines: a source may write the same message repeatBurst times,
// then one more every repeatEvery; the next line written says how many
// were left out.
const (
	repeatBurst = 20
	repeatEvery = 3 * time.Second
)

type logHandler struct {
	inner   slog.Handler
	repeats *repeatLimiter
	source  string // from an "addr" attribute given with With
	// attrs given with With, cleaned, written before each line's own: a
	// session's logger (With "session") is this handler and its attrs, not
	// a copy of the inner logger (charmbracelet/log copies its styles, 4 KiB
	// a session that most sessions never use).
	attrs []slog.Attr
}

func newLogHandler(inner slog.Handler) *logHandler {
	return &logHandler{inner: inner, repeats: &repeatLimiter{seen: map[string]*repeatCount{}, now: time.Now}}
}

func (h *logHandler) Enabled(ctx context.Context, l slog.Level) bool { return h.inner.Enabled(ctx, l) }

func (h *logHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, cleanLogText(r.Message), r.PC)
	out.AddAttrs(h.attrs...)
	source := h.source
	r.Attrs(func(a slog.Attr) bool {
		if src, ok := logSource(a); ok {
			source = src
		}
		out.AddAttrs(cleanAttr(a))
		return true
	})
	if source != "" {
		write, left := h.repeats.allow(source + "\x00" + r.Message)
		if !write {
			return nil
		}
		if left > 0 {
			out.AddAttrs(slog.Int("repeated_lines_left_out", left))
		}
	}
	return h.inner.Handle(ctx, out)
}

func (h *logHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	c := *h
	c.attrs = make([]slog.Attr, len(h.attrs), len(h.attrs)+len(attrs))
	copy(c.attrs, h.attrs)
	for _, a := range attrs {
		if src, ok := logSource(a); ok {
			c.source = src
		}
		c.attrs = append(c.attrs, cleanAttr(a))
	}
	return &c
}

func (h *logHandler) WithGroup(name string) slog.Handler {
	c := *h
	// The attrs given so far are outside the group.
	c.inner, c.attrs = h.inner, nil
	if len(h.attrs) > 0 {
		c.inner = c.inner.WithAttrs(h.attrs)
	}
	c.inner = c.inner.WithGroup(cleanLogText(name))
	return &c
}

// logSource is the source address an "addr" or "source" attribute names
// (without its port).
func logSource(a slog.Attr) (string, bool) {
	if a.Key != "addr" && a.Key != "source" {
		return "", false
	}
	s := a.Value.String()
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().String(), true
	}
	return s, true
}

func cleanAttr(a slog.Attr) slog.Attr {
	a.Key = cleanLogText(a.Key)
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString, slog.KindAny:
		a.Value = slog.StringValue(cleanLogText(fmt.Sprint(v.Any())))
	case slog.KindGroup:
		attrs := v.Group()
		cleaned := make([]slog.Attr, len(attrs))
		for i, g := range attrs {
			cleaned[i] = cleanAttr(g)
		}
		a.Value = slog.GroupValue(cleaned...)
	default:
		a.Value = v // numbers, durations, times: nothing a client wrote
	}
	return a
}

// cleanLogText writes control and format characters (newlines, escapes,
// bidi overrides) and invalid bytes as escapes, and cuts the text at
// maxLogValue characters.
func cleanLogText(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			clean = false
			break
		}
	}
	if clean && utf8.RuneCountInString(s) <= maxLogValue {
		return s
	}
	var b strings.Builder
	n := 0
	for i, r := range s {
		if n == maxLogValue {
			fmt.Fprintf(&b, "…(%d bytes)", len(s))
			break
		}
		n++
		switch {
		case r == utf8.RuneError:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x80 && unicode.IsControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// repeatLimiter counts each source's lines by message.
type repeatLimiter struct {
	mu   sync.Mutex
	now  func() time.Time
	seen map[string]*repeatCount
}

type repeatCount struct {
	tokens float64
	last   time.Time
	left   int // lines left out since the last one written
}

// allow says whether a line with key is written, and how many were left
// out before it.
func (l *repeatLimiter) allow(key string) (write bool, leftOut int) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	c := l.seen[key]
	if c == nil {
		if len(l.seen) >= 10000 {
			l.prune(now)
		}
		c = &repeatCount{tokens: repeatBurst, last: now}
		l.seen[key] = c
	}
	c.tokens = min(repeatBurst, c.tokens+float64(now.Sub(c.last))/float64(repeatEvery))
	c.last = now
	if c.tokens < 1 {
		c.left++
		return false, 0
	}
	c.tokens--
	leftOut, c.left = c.left, 0
	return true, leftOut
}

// prune forgets the keys whose bucket is full again (and, past that, all:
// the map never holds more than 10,000 keys).
func (l *repeatLimiter) prune(now time.Time) {
	for k, c := range l.seen {
		if c.left == 0 && now.Sub(c.last) >= repeatBurst*repeatEvery {
			delete(l.seen, k)
		}
	}
	if len(l.seen) >= 10000 {
		clear(l.seen)
	}
}
