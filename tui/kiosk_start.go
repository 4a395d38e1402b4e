package tui

import (
	"context"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// A kiosk shows its home screen first and does the rest of its start-up
// after it (Options.Prepare: the demo's people), because home needs none
// of it. Until that work is done, every command the screens ask for
// waits for it: a login typed in the first second finds the demo's
// people, and nothing reads a store half prepared.

// kioskFPS: the kiosk's renderer draws at most this many frames a second
// (Bubble Tea's most). A frame waits for the renderer's next tick, the
// first one too: at the default 60 that is up to 17 ms before home shows,
// and after each key. One process on its own terminal: the ticks cost
// nothing worth counting there (the SSH server's sessions keep the default).
const kioskFPS = 120

// firstFrameWait: the start-up work begins this long after home at the
// latest, even if no frame was seen written (a terminal that blocks).
const firstFrameWait = 250 * time.Millisecond

// kioskStart runs the root model on the kiosk's terminal: it writes the
// first frame as soon as it is drawn, and holds commands while the
// start-up work (if any) is pending.
type kioskStart struct {
	*Model
	ctx     context.Context
	prepare func(context.Context) error // nil: none
	screen  *firstFrame
	sized   tea.Cmd       // the root model's answer to the terminal's size, told before the first frame
	ready   chan struct{} // closed when prepare has returned
	began   atomic.Bool   // prepare was called, or wait said it never will be
	pending bool          // commands wait for ready (read and set in Update only)
	err     error         // prepare's error: the program ends with it
}

// preparedMsg: the start-up work is done.
type preparedMsg struct{ err error }

func newKioskStart(ctx context.Context, m *Model, prepare func(context.Context) error, screen *firstFrame) *kioskStart {
	k := &kioskStart{Model: m, ctx: ctx, prepare: prepare, screen: screen, ready: make(chan struct{}), pending: prepare != nil}
	if prepare == nil {
		close(k.ready)
	}
	return k
}

func (k *kioskStart) Init() tea.Cmd {
	init := k.gate(tea.Batch(k.sized, k.Model.Init()))
	if k.prepare == nil {
		return init
	}
	return tea.Batch(k.start, init)
}

// start runs the start-up work once home is on the terminal.
func (k *kioskStart) start() tea.Msg {
	select {
	case <-k.screen.drawn:
	case <-time.After(firstFrameWait):
	case <-k.ctx.Done():
	}
	if !k.began.CompareAndSwap(false, true) {
		return nil // the program has ended (wait): nothing to prepare for
	}
	err := k.prepare(k.ctx)
	close(k.ready)
	if k.ctx.Err() != nil {
		err = nil // stopped by the operator while preparing: not a failure
	}
	return preparedMsg{err}
}

// wait returns once the start-up work, if it began, has returned: the
// program may end (an operator's stop) while it runs, and the store it
// works on is closed after. Work that had not begun never will.
func (k *kioskStart) wait() {
	if !k.began.CompareAndSwap(false, true) {
		<-k.ready
	}
}

func (k *kioskStart) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if p, ok := msg.(preparedMsg); ok {
		k.pending = false
		if p.err != nil {
			k.err = p.err
			return k, tea.Quit
		}
		return k, nil
	}
	_, cmd := k.Model.Update(msg)
	return k, k.gate(cmd)
}

// View writes the first frame on the terminal itself, at once: Bubble
// Tea's renderer would write it only at its next tick, up to 1/kioskFPS
// later (it writes the same frame again then, cell for cell).
func (k *kioskStart) View() string {
	frame := k.Model.View()
	if !k.screen.viewed.Swap(true) {
		k.screen.show(frame)
	}
	return frame
}

// gate makes cmd wait for the start-up work while it is pending.
func (k *kioskStart) gate(cmd tea.Cmd) tea.Cmd {
	if cmd == nil || !k.pending {
		return cmd
	}
	return func() tea.Msg {
		<-k.ready
		return cmd()
	}
}

// firstFrame is the terminal Bubble Tea writes to, telling when the first
// frame is on it: the first write after the first View (show, or the
// renderer's, which writes a frame in one write at its next tick).
type firstFrame struct {
	*os.File          // Bubble Tea reads the terminal's size and state through it
	width, height int // the terminal's size when known (0: unknown)
	viewed        atomic.Bool
	once          sync.Once
	drawn         chan struct{}
}

// show writes the first frame as the renderer would on a screen it has
// just cleared (the program's set-up, before View): from the top left,
// each line cut to the terminal's width, the last lines if it has more
// than the terminal's height.
func (f *firstFrame) show(frame string) {
	lines := strings.Split(frame, "\n")
	if f.height > 0 && len(lines) > f.height {
		lines = lines[len(lines)-f.height:]
	}
	if f.width > 0 {
		for i, line := range lines {
			lines[i] = ansi.Truncate(line, f.width, "")
		}
	}
	_, _ = f.WriteString(ansi.CursorHomePosition + strings.Join(lines, "\r\n"))
}

func newFirstFrame(f *os.File) *firstFrame { return &firstFrame{File: f, drawn: make(chan struct{})} }

func (f *firstFrame) Write(b []byte) (int, error) {
	n, err := f.File.Write(b)
	f.wrote()
	return n, err
}

func (f *firstFrame) WriteString(s string) (int, error) {
	n, err := f.File.WriteString(s)
	f.wrote()
	return n, err
}

func (f *firstFrame) wrote() {
	if f.viewed.Load() {
		f.once.Do(func() { close(f.drawn) })
	}
}
