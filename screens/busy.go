package screens

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
)

// Busy is a screen's "the store is working" state, the same on every
// screen: while it is on, the spinner turns and the screen drops the keys
// typed ahead (they must never land in a field) and shows no key in the
// help line.
//
//	return b.Start(work)           // work is the tea.Cmd that asks the store
//	case myResultMsg: b.Stop()     // its answer arrived
//	case spinner.TickMsg: return b.Tick(msg)
//	case tea.KeyMsg: if b.On() { return nil }
type Busy struct {
	c    *Common
	on   bool
	spin spinner.Model
	// wait is the place in the hashing queue of work started by
	// StartHashing (nil otherwise).
	wait *data.HashWait
	// key and shown: the catalogue entry and the line View or ViewText
	// drew last, for Redraw.
	key, shown string
}

func newBusy(c *Common) Busy { return Busy{c: c, spin: newSpinner(c)} }

// Start turns the spinner on and runs work beside it.
func (b *Busy) Start(work tea.Cmd) tea.Cmd {
	b.on, b.wait = true, nil
	b.spin.Spinner = spinner.Dot
	return tea.Batch(b.spin.Tick, work)
}

// hashingSpinner turns once a second: on the worst morning hundreds of
// sessions wait for a password hash, and their frames must not take the
// cores the hashes need.
var hashingSpinner = spinner.Spinner{Frames: []string{"◐ ", "◓ ", "◑ ", "◒ "}, FPS: time.Second}

// farInQueue is a wait past which the place is said every two seconds:
// on the first morning each waiting session's turn of the spinner is a
// frame and a write, and the sessions far back are most of them (500 at
// once: a fifth of what the server spent beyond the hashes). Their place
// moves by dozens a second; near the front it is said every second.
const farInQueue = 10 * time.Second

// hashingPace is how often the busy line of a password check turns.
func hashingPace(queued bool, wait time.Duration) time.Duration {
	if queued && wait > farInQueue {
		return 2 * time.Second
	}
	return hashingSpinner.FPS
}

// StartHashing is Start for work that hashes a password: work gets a
// context that reports its place in the hashing queue, which the view
// shows (« 37 personnes avant vous, environ 20 s »), updated once a second.
func (b *Busy) StartHashing(work func(ctx context.Context) tea.Msg) tea.Cmd {
	w := data.NewHashWait()
	b.on, b.wait = true, w
	b.spin.Spinner = hashingSpinner
	ctx := data.WithHashWait(context.Background(), w)
	return tea.Batch(b.spin.Tick, func() tea.Msg { return work(ctx) })
}

// Stop is the answer's arrival: the spinner stops at its next tick.
func (b *Busy) Stop() { b.on = false }

// On says the store is working.
func (b *Busy) On() bool { return b.on }

// Hashing says the work started by StartHashing is still running: its
// person waits for a password check (maybe in the queue), not idle.
func (b *Busy) Hashing() bool { return b.on && b.wait != nil }

// Waiter is a screen that can be waiting for a password check: the idle
// timer leaves it alone meanwhile.
type Waiter interface{ Waiting() bool }

// Tick turns the spinner one step while on; nil when off (it stops).
func (b *Busy) Tick(msg spinner.TickMsg) tea.Cmd {
	if !b.on {
		return nil
	}
	if b.wait != nil {
		queued, _, wait := b.wait.Place()
		b.spin.Spinner.FPS = hashingPace(queued, wait)
	}
	var cmd tea.Cmd
	b.spin, cmd = b.spin.Update(msg)
	return cmd
}

// View is the spinner and "Veuillez patienter…".
func (b *Busy) View() string { return b.ViewText("app.busy") }

// ViewText is the spinner and the catalogue entry key.
func (b *Busy) ViewText(key string) string {
	text := b.c.T(key)
	if queued, ahead, wait := b.wait.Place(); queued && b.on {
		text = b.c.QueueText(ahead, wait)
	}
	b.key, b.shown = key, b.spin.View()+" "+b.c.Styles.Muted.Render(text)
	return b.shown
}

// HashingScreen is a Waiter that gives its Busy: while the password check
// waits, its frame changes only in the busy line, which the shell alone
// draws again (on the first morning hundreds of sessions wait together,
// each drawing once a second).
type HashingScreen interface {
	Waiter
	HashingBusy() *Busy
}

// Shown is the line View or ViewText drew last ("" before any).
func (b *Busy) Shown() string { return b.shown }

// Redraw draws the line again as the last View or ViewText did: the
// spinner's turn, the place in the queue now.
func (b *Busy) Redraw() string { return b.ViewText(b.key) }

// Turns says msg turns this Busy's spinner (and nothing else).
func (b *Busy) Turns(msg spinner.TickMsg) bool { return msg.ID == b.spin.ID() }

// QueueText says a place in the hashing queue: who is before, and about
// how long until one's turn (whole seconds, never 0).
func (c *Common) QueueText(ahead int, wait time.Duration) string {
	secs := max(int((wait+time.Second-1)/time.Second), 1)
	if ahead == 0 {
		return c.Tf("queue.next", secs)
	}
	return c.Nf("queue.ahead", ahead, secs)
}

// newSpinner is the kit's spinner: it only ticks while something runs.
func newSpinner(c *Common) spinner.Model {
	s := spinner.New(spinner.WithSpinner(spinner.Dot))
	s.Style = c.Styles.LinkOn
	return s
}
