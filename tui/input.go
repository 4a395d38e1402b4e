package tui

import (
	"io"
	"os"
	"sync"
	"time"
)

// The keyboard's bytes go through an input guard before Bubble Tea parses
// them. Bubble Tea v1 gathers a run of characters and a bracketed paste
// whole before it makes a message of them (re-reading the whole run at
// each read: quadratic), and draws a frame after every message: a 1 MB
// paste, or a flood from a hostile SSH client, would freeze a kiosk for
// minutes. No field takes more than 254 characters, so the guard keeps:
//   - of a bracketed paste, its first pasteLimit bytes (and its end marker);
//   - outside pastes, a burst of floodBurst bytes, then floodRate bytes a
//     second while the flood goes on (what a person types is far below);
//   - of a run of characters with no control key between them (Enter,
//     Tab, Backspace, an arrow...), its first maxRun bytes: no field holds
//     more, and Bubble Tea rescans a run from its start at every read.
//
// Everything else is dropped before it costs anything.
const (
	pasteLimit = 16 << 10
	floodBurst = 4 << 10
	floodRate  = 2 << 10 // bytes per second
	maxRun     = 1024    // 254 characters of 4 bytes, and some
)

var (
	pasteStart = []byte("\x1b[200~")
	pasteEnd   = []byte("\x1b[201~")
)

// inputGuard filters a byte stream as described above. It buffers nothing
// between reads (a reader woken by the terminal's readiness must get what
// the terminal sent), so a Read may return 0 bytes when all were dropped.
// It reads len(pasteEnd) bytes less than asked: room for the end marker of
// a paste past its limit, whose first bytes were dropped, given whole.
type inputGuard struct {
	r   io.Reader
	now func() time.Time

	mu      sync.Mutex
	buf     []byte
	inPaste bool
	pasted  int // bytes of the current paste kept
	startAt int // bytes of pasteStart matched so far
	endAt   int // bytes of pasteEnd matched so far
	tokens  float64
	last    time.Time
	run     int  // bytes of the current run of characters kept
	dropRun bool // the run is past maxRun: dropped up to the next control byte
}

// GuardInput puts the guard over a session's input (the SSH server gives
// it the session: tea.WithInput(tui.GuardInput(s))).
func GuardInput(r io.Reader) io.Reader { return newInputGuard(r, nil) }

func newInputGuard(r io.Reader, now func() time.Time) *inputGuard {
	if now == nil {
		now = time.Now
	}
	return &inputGuard{r: r, now: now, tokens: floodBurst, last: now()}
}

func (g *inputGuard) Read(p []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	want := len(p)
	if want > 2*len(pasteEnd) {
		want -= len(pasteEnd)
	}
	if cap(g.buf) < want {
		g.buf = make([]byte, want)
	}
	n, err := g.r.Read(g.buf[:want])
	return g.filter(g.buf[:n], p), err
}

// filter copies what is kept of in into out (len(out) >= len(in) +
// len(pasteEnd), or the end marker of a paste past its limit may be lost).
func (g *inputGuard) filter(in, out []byte) int {
	now := g.now()
	g.tokens = min(floodBurst, g.tokens+now.Sub(g.last).Seconds()*floodRate)
	g.last = now
	n := 0
	for _, b := range in {
		if g.inPaste {
			n = g.pasteByte(b, out, n)
			continue
		}
		if g.overRun(b) {
			continue
		}
		if g.tokens < 1 || n == len(out) {
			continue // flooding (or no room, only with tiny reads): dropped
		}
		g.tokens--
		out[n] = b
		n++
		g.startAt = advance(pasteStart, g.startAt, b)
		if g.startAt == len(pasteStart) {
			g.inPaste, g.pasted, g.startAt, g.endAt = true, 0, 0, 0
		}
	}
	return n
}

// pasteByte keeps a byte of a paste while under the limit; past it, bytes
// are dropped but the end marker is still given, whole.
func (g *inputGuard) pasteByte(b byte, out []byte, n int) int {
	g.endAt = advance(pasteEnd, g.endAt, b)
	done := g.endAt == len(pasteEnd)
	switch {
	case g.pasted < pasteLimit && n < len(out):
		g.pasted++
		out[n] = b
		n++
	case done:
		// The marker's first bytes were dropped: give it whole.
		n = copyMarker(out, n)
	}
	if done {
		g.inPaste, g.endAt, g.run = false, 0, 0
	}
	return n
}

// overRun follows runs of characters: true drops b, a byte of a run past
// maxRun (cut at a character's first byte, never inside one).
func (g *inputGuard) overRun(b byte) bool {
	switch {
	case b < 0x20 || b == 0x7f:
		g.run, g.dropRun = 0, false
		return false
	case g.dropRun:
		return true
	case g.run >= maxRun && (b < 0x80 || b >= 0xc0):
		g.dropRun = true
		return true
	}
	g.run++
	return false
}

// copyMarker writes the end marker at out[n:] when it fits (Read leaves
// room for it; only a reader asking for tiny reads could lose it).
func copyMarker(out []byte, n int) int {
	if n+len(pasteEnd) > len(out) {
		return n
	}
	return n + copy(out[n:], pasteEnd)
}

// advance moves a matcher of marker by one byte.
func advance(marker []byte, at int, b byte) int {
	if at == len(marker) {
		at = 0
	}
	if marker[at] == b {
		return at + 1
	}
	if marker[0] == b {
		return 1
	}
	return 0
}

// guardedFile is the guard over a terminal: Bubble Tea still sees a file
// (its descriptor for raw mode and for waking up), and reads through the
// guard.
type guardedFile struct {
	*inputGuard
	f *os.File
}

func guardTerminal(f *os.File) *guardedFile {
	return &guardedFile{inputGuard: newInputGuard(f, nil), f: f}
}

func (g *guardedFile) Write(p []byte) (int, error) { return g.f.Write(p) }
func (g *guardedFile) Close() error                { return g.f.Close() }
func (g *guardedFile) Fd() uintptr                 { return g.f.Fd() }
func (g *guardedFile) Name() string                { return g.f.Name() }
