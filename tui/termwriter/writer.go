// Package termwriter draws a remote session's frames on its terminal: the
// SSH server's and the web server's sessions share it.
package termwriter

import (
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"

	"entkiosk/tui/internal/cells"
)

// Writer draws a session's frames on the client's terminal.
//
// Bubble Tea's own renderer wakes up 60 times a second to compare the frame
// with the last one, even when nothing happens: a thousand idle sessions
// cost about 15 % of a core in wake-ups alone. This one works only when a
// frame changes: the first change after a quiet spell is written at once
// (a key's echo never waits for a tick) and bursts are coalesced to one
// write per minInterval. An idle session has no timer at all.
//
// It keeps the terminal in the alternate screen and rewrites only the lines
// that changed.
type Writer struct {
	mu      sync.Mutex
	out     io.Writer
	width   int
	height  int
	shown   []string // the frame's lines on the terminal now; nil: unknown, repaint all
	lines   []string // the latest frame, by line (never changed in place)
	clean   bool     // lines are what the terminal shows
	last    time.Time
	timer   *time.Timer
	stopped bool
}

// minInterval between two writes of one session (at most ~60 a second).
const minInterval = 15 * time.Millisecond

// New draws on out, a terminal of width × height.
func New(out io.Writer, width, height int) *Writer {
	return &Writer{out: out, width: width, height: height}
}

// Start takes over the terminal: alternate screen, hidden cursor,
// bracketed paste (a pasted text arrives as one paste, not typed keys).
func (w *Writer) Start() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.write(ansi.SetModeAltScreenSaveCursor + ansi.EraseEntireScreen + ansi.CursorHomePosition +
		ansi.HideCursor + ansi.SetModeBracketedPaste)
}

// Discard: this session draws no screen (the accessible mode writes
// lines itself); Stop writes nothing then.
func (w *Writer) Discard() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.stopped = true
}

// Stop gives the terminal back as it was; nothing is drawn afterwards.
func (w *Writer) Stop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.stopped {
		return
	}
	w.stopped = true
	if w.timer != nil {
		w.timer.Stop()
	}
	w.write(ansi.ResetModeBracketedPaste + ansi.ShowCursor + ansi.ResetModeAltScreenSaveCursor)
}

// Draw hands over a new frame.
func (w *Writer) Draw(frame string) { w.DrawLines(strings.Split(frame, "\n")) }

// DrawLines hands over a new frame by its lines. The writer keeps them as
// they are: the caller never changes them afterwards, and may hand the same
// strings again in its next frame (comparing them then costs nothing).
func (w *Writer) DrawLines(lines []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.stopped || (w.clean && slices.Equal(lines, w.lines)) {
		return
	}
	w.lines, w.clean = lines, false
	w.schedule()
}

// schedule writes now, or once minInterval has passed since the last write.
func (w *Writer) schedule() {
	if w.timer != nil {
		return // a write is already due
	}
	wait := minInterval - time.Since(w.last)
	if wait <= 0 {
		w.flush()
		return
	}
	w.timer = time.AfterFunc(wait, func() {
		w.mu.Lock()
		defer w.mu.Unlock()
		w.timer = nil
		if !w.stopped && !w.clean {
			w.flush()
		}
	})
}

// Resize follows the client's window: everything is drawn again.
func (w *Writer) Resize(width, height int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if width == w.width && height == w.height {
		return
	}
	w.width, w.height = width, height
	w.repaintLocked(ansi.EraseEntireScreen)
}

// Repaint clears the screen (and, with scrollback, the terminal's history:
// a wipe leaves nothing of the previous person) and draws the frame again.
func (w *Writer) Repaint(scrollback bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	clear := ansi.EraseEntireScreen
	if scrollback {
		clear += ansi.EraseDisplay(3)
	}
	w.repaintLocked(clear)
}

func (w *Writer) repaintLocked(clear string) {
	if w.stopped {
		return
	}
	w.write(clear)
	w.shown, w.clean = nil, false
	if w.lines != nil {
		w.flush()
	}
}

// flush writes the lines that differ from what the terminal shows, in
// one write built once.
func (w *Writer) flush() {
	lines := w.lines
	if w.height > 0 && len(lines) > w.height {
		lines = lines[:w.height]
	}
	var b []byte
	for i, line := range lines {
		if w.shown != nil && i < len(w.shown) && w.shown[i] == line {
			continue // measuring a line costs more than comparing it
		}
		if b == nil {
			b = make([]byte, 0, 2*len(line)+64)
		}
		width := cells.Width(line)
		if w.width > 0 && width > w.width {
			line, width = ansi.Truncate(line, w.width, ""), w.width
		}
		b = append(b, ansi.CursorPosition(1, i+1)...)
		b = append(b, line...)
		if w.width <= 0 || width < w.width {
			// Not on a full line: the cursor would be on its last cell,
			// which the erase would take with it.
			b = append(b, ansi.EraseLineRight...)
		}
	}
	if (w.shown == nil || len(w.shown) > len(lines)) && (w.height <= 0 || len(lines) < w.height) {
		// Erase below the frame (a shorter frame, or an unknown screen).
		// Not below a frame as high as the terminal: the cursor would stay
		// on its last line, and the erase take that line with it.
		b = append(b, ansi.CursorPosition(1, len(lines)+1)+ansi.EraseScreenBelow...)
	}
	w.shown, w.clean, w.last = lines, true, time.Now()
	if len(b) > 0 {
		_, _ = w.out.Write(b)
	}
}

func (w *Writer) write(s string) { _, _ = io.WriteString(w.out, s) }
