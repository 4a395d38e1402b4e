package accessible

import (
	"context"
	"errors"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// The line reader: one answer a line, typed after the question. On a
// terminal this program owns (a raw local terminal, an SSH session's pty)
// it is the line editor: it echoes what is typed, except a secret, which
// shows nothing at all, not even bullets; Backspace and Ctrl+U correct;
// Enter ends the line. Its only output besides the typed text is "\b \b"
// to erase a character: no escape sequence. On a pipe it echoes nothing.

var (
	// errInterrupt is Ctrl+C (or Ctrl+D on an empty line): back home.
	errInterrupt = errors.New("accessible: interrupted")
	// errIdle is the idle timeout.
	errIdle = errors.New("accessible: idle")
)

// maxLine bounds an answer (the longest field, an address, is 254).
const maxLine = 512

type lineReader struct {
	out  io.Writer
	raw  bool // the terminal is ours: echo, CRLF
	data chan []byte
	errs chan error
	buf  []byte // read, not yet taken
	cr   bool   // the last line ended with \r: a \n right after it is the same end

	idle time.Duration // 0: no idle rule
	warn time.Duration // the warning comes this long before the end
	// warning is the sentence said once at the start of the last seconds
	// (nil: none); dirty says something was typed since the last wipe.
	warning func() string
	dirty   bool
	// idleAlways: the idle rule holds even when nothing was typed (a
	// personal session ends; a kiosk has nothing to wipe).
	idleAlways bool
}

// newLineReader starts reading in in the background; the reading
// goroutine ends with in (EOF, a closed session).
func newLineReader(in io.Reader, out io.Writer, raw bool) *lineReader {
	r := &lineReader{out: out, raw: raw, data: make(chan []byte, 16), errs: make(chan error, 1)}
	go func() {
		b := make([]byte, 1024)
		for {
			n, err := in.Read(b)
			if n > 0 {
				r.data <- append([]byte(nil), b[:n]...)
			}
			if err != nil {
				r.errs <- err
				return
			}
		}
	}()
	return r
}

func (r *lineReader) write(s string) { io.WriteString(r.out, s) }

// newline is the end of a line as this terminal needs it.
func (r *lineReader) newline() string {
	if r.raw {
		return "\r\n"
	}
	return "\n"
}

// readLine waits for one line. secret: nothing is echoed.
func (r *lineReader) readLine(ctx context.Context, secret bool) (string, error) {
	var line []rune
	erase := func(n int) {
		if r.raw && !secret {
			r.write(strings.Repeat("\b \b", n))
		}
	}
	var warnT, idleT <-chan time.Time
	arm := func() {
		warnT, idleT = nil, nil
		if r.idle <= 0 || (!r.dirty && !r.idleAlways) {
			return
		}
		if r.warning != nil && r.dirty {
			warnT = time.After(r.idle - r.warn)
		}
		idleT = time.After(r.idle)
	}
	arm()
	for {
		for len(r.buf) > 0 {
			b := r.buf[0]
			switch {
			case b == '\n' && r.cr:
				r.buf, r.cr = r.buf[1:], false
				continue
			case b == '\r' || b == '\n':
				r.buf, r.cr = r.buf[1:], b == '\r'
				r.write(r.newline()) // on a pipe too: each answer is a line of the transcript
				return string(line), nil
			}
			r.cr = false
			switch {
			case b == 3: // Ctrl+C
				r.buf = r.buf[1:]
				r.write(r.newline())
				return "", errInterrupt
			case b == 4 && len(line) == 0: // Ctrl+D on an empty line
				r.buf = r.buf[1:]
				r.write(r.newline())
				return "", errInterrupt
			case b == 0x7f || b == 8: // Backspace
				r.buf = r.buf[1:]
				if len(line) > 0 {
					erase(uniseg.StringWidth(string(line[len(line)-1])))
					line = line[:len(line)-1]
				}
			case b == 0x15: // Ctrl+U: the whole line
				r.buf = r.buf[1:]
				erase(uniseg.StringWidth(string(line)))
				line = line[:0]
			case b == 0x1b:
				r.buf = r.buf[escapeLength(r.buf):] // a key of no use here (arrows, F-keys)
			case b < 0x20:
				r.buf = r.buf[1:] // Tab and other controls: nothing
			default:
				if !utf8.FullRune(r.buf) {
					goto wait // the rest of the character is on its way
				}
				c, size := utf8.DecodeRune(r.buf)
				r.buf = r.buf[size:]
				if c == utf8.RuneError || c >= 0x80 && c < 0xa0 || len(line) >= maxLine {
					continue
				}
				line = append(line, c)
				if r.raw && !secret {
					r.write(string(c))
				}
			}
		}
	wait:
		select {
		case b := <-r.data:
			r.buf = append(r.buf, b...)
			r.dirty = true
			arm()
		case err := <-r.errs:
			r.errs <- err // every later read ends the same way
			if r.drain() {
				continue // what was read before the end comes first
			}
			if len(line) > 0 && len(r.buf) == 0 {
				r.buf = nil
				r.write(r.newline())
				return string(line), nil // a last line without its newline
			}
			return "", io.EOF
		case <-warnT:
			warnT = nil
			r.write(r.newline() + r.warning() + r.newline())
			if !secret {
				r.write(string(line))
			}
		case <-idleT:
			r.write(r.newline())
			return "", errIdle
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
}

// drain takes what the reader sent and is not taken yet; true if any.
func (r *lineReader) drain() bool {
	got := false
	for {
		select {
		case b := <-r.data:
			r.buf = append(r.buf, b...)
			got = true
		default:
			return got
		}
	}
}

// escapeLength is the length of the escape sequence at the start of b
// (CSI, SS3, or ESC and one character); an incomplete one is all of b.
func escapeLength(b []byte) int {
	if len(b) < 2 {
		return len(b)
	}
	switch b[1] {
	case '[':
		for i := 2; i < len(b); i++ {
			if b[i] >= 0x40 && b[i] <= 0x7e {
				return i + 1
			}
		}
		return len(b)
	case 'O':
		return min(3, len(b))
	}
	return 2
}
