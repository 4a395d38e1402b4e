package sshserver

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// The background colour of the client's terminal decides between the light
// and dark variants of the colours. wish's bm.MakeRenderer asks the terminal
// and waits for the answer before the first frame: up to a second for a
// client that never answers (a thin client, a script), and the keys typed
// meanwhile are read by the query and lost. Here the question is asked and
// the session starts at once, assuming a dark background; the answer, when
// it comes, is taken out of the input stream by sessionInput and the
// colours follow it. No key is ever held back or lost.

// queryBackground asks the terminal for its background colour (OSC 11).
const queryBackground = "\x1b]11;?\x07"

// answersQueries says whether a terminal type is known to answer OSC 11
// (or to ignore it without printing anything): others are not asked.
func answersQueries(term string) bool {
	for _, p := range []string{"xterm", "screen", "tmux", "rxvt", "alacritty", "foot", "wezterm", "st-", "kitty", "ghostty", "contour"} {
		if strings.HasPrefix(term, p) {
			return true
		}
	}
	return false
}

// sessionInput is the session's input as Bubble Tea reads it: the client's
// bytes minus the terminal's answers to queries, and the time of the last
// byte (the idle timer of sessions that never touched the screen).
type sessionInput struct {
	r         io.Reader
	buf       []byte
	carry     []byte // the start of an answer, held until its end arrives
	out       []byte // filtered bytes not yet returned
	err       error
	lastInput atomic.Int64 // unix nano
	received  atomic.Int64 // bytes from the client (tests)
	// onBackground receives the answer to queryBackground.
	onBackground func(dark bool)
	// onEOF runs once when the client's input ends.
	onEOF func()
}

func newSessionInput(r io.Reader, onBackground func(dark bool)) *sessionInput {
	in := &sessionInput{r: r, buf: make([]byte, 1024), onBackground: onBackground}
	in.lastInput.Store(time.Now().UnixNano())
	return in
}

// idleFor is the time since the client last sent anything.
func (in *sessionInput) idleFor() time.Duration {
	return time.Since(time.Unix(0, in.lastInput.Load()))
}

func (in *sessionInput) Read(p []byte) (int, error) {
	for len(in.out) == 0 {
		if in.err != nil {
			return 0, in.err
		}
		n, err := in.r.Read(in.buf)
		if n > 0 {
			in.lastInput.Store(time.Now().UnixNano())
			in.received.Add(int64(n))
			chunk := append(in.carry, in.buf[:n]...)
			in.carry = nil
			in.out = in.filter(chunk)
		}
		if err != nil && len(in.carry) > 0 {
			in.out, in.carry = append(in.out, in.carry...), nil
		}
		if err != nil && in.err == nil && in.onEOF != nil {
			in.onEOF()
		}
		in.err = err
	}
	n := copy(p, in.out)
	in.out = in.out[n:]
	return n, nil
}

const oscBackground = "\x1b]11;"

// filter removes complete background answers from b; an answer cut at the
// end of b is kept in carry for the next read.
func (in *sessionInput) filter(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for len(b) > 0 {
		i := bytes.IndexByte(b, 0x1b)
		if i < 0 {
			return append(out, b...)
		}
		out = append(out, b[:i]...)
		b = b[i:]
		switch {
		case bytes.HasPrefix(b, []byte(oscBackground)):
			end, next := oscEnd(b)
			if end < 0 {
				if len(b) < 128 {
					in.carry = append([]byte(nil), b...)
					return out
				}
				// Far too long for an answer: it is input.
				out = append(out, b[0])
				b = b[1:]
				continue
			}
			if dark, ok := parseBackground(string(b[len(oscBackground):end])); ok && in.onBackground != nil {
				in.onBackground(dark)
			}
			b = b[next:]
		case len(b) < len(oscBackground) && len(b) >= 2 && strings.HasPrefix(oscBackground, string(b)):
			// "ESC ]" at the very end: most likely an answer cut short (alt+]
			// would wait for the next byte). A lone ESC is never held: it is
			// the Esc key.
			in.carry = append([]byte(nil), b...)
			return out
		default:
			out = append(out, b[0])
			b = b[1:]
		}
	}
	return out
}

// oscEnd finds the terminator of an OSC sequence (BEL or ESC \): the index
// where its payload ends and the index after the terminator; -1 if absent.
func oscEnd(b []byte) (end, next int) {
	for i := 2; i < len(b); i++ {
		switch {
		case b[i] == 0x07:
			return i, i + 1
		case b[i] == 0x1b && i+1 < len(b) && b[i+1] == '\\':
			return i, i + 2
		case b[i] == 0x1b && i+1 == len(b):
			return -1, -1
		}
	}
	return -1, -1
}

// parseBackground reads "rgb:RRRR/GGGG/BBBB" (1 to 4 hex digits a
// component) or "#RRGGBB", and says whether the colour is dark (HSL
// lightness under one half, as lipgloss decides).
func parseBackground(s string) (dark, ok bool) {
	var comps []string
	switch {
	case strings.HasPrefix(s, "rgb:"):
		comps = strings.Split(s[4:], "/")
	case strings.HasPrefix(s, "#") && len(s) == 7:
		comps = []string{s[1:3], s[3:5], s[5:7]}
	}
	if len(comps) != 3 {
		return false, false
	}
	var v [3]float64
	for i, c := range comps {
		if len(c) < 1 || len(c) > 4 {
			return false, false
		}
		n, err := strconv.ParseUint(c, 16, 16)
		if err != nil {
			return false, false
		}
		v[i] = float64(n) / float64(uint64(1)<<(4*len(c))-1)
	}
	lightness := (max(v[0], v[1], v[2]) + min(v[0], v[1], v[2])) / 2
	return lightness < 0.5, true
}

// countingReader counts what Bubble Tea's input parser is given (tests).
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}
