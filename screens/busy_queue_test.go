package screens

import (
	"context"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// A place in the login queue, said as a person reads it: how many before,
// about how long (whole seconds, never 0), in the session's language.
func TestQueueText(t *testing.T) {
	t.Parallel()
	c := testCommon()
	for _, tc := range []struct {
		lang  Lang
		ahead int
		wait  time.Duration
		want  string
	}{
		{French, 37, 19200 * time.Millisecond, "37 personnes avant vous, environ 20 s…"},
		{French, 1, 400 * time.Millisecond, "1 personne avant vous, environ 1 s…"},
		{French, 0, 0, "C'est bientôt votre tour, environ 1 s…"},
		{English, 37, 20 * time.Second, "37 people ahead of you, about 20 s…"},
		{English, 1, 2 * time.Second, "1 person ahead of you, about 2 s…"},
		{English, 0, 300 * time.Millisecond, "Your turn is next, about 1 s…"},
	} {
		c.Lang = tc.lang
		if got := c.QueueText(tc.ahead, tc.wait); got != tc.want {
			t.Errorf("%s, %d ahead, %v: %q, want %q", tc.lang, tc.ahead, tc.wait, got, tc.want)
		}
	}
}

// Far back in the queue the place is said every two seconds, near the
// front and once it is hashing every second.
func TestHashingPace(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		queued bool
		wait   time.Duration
		want   time.Duration
	}{
		{false, 0, time.Second},
		{true, 2 * time.Second, time.Second},
		{true, farInQueue, time.Second},
		{true, farInQueue + time.Second, 2 * time.Second},
		{true, 50 * time.Second, 2 * time.Second},
	} {
		if got := hashingPace(tc.queued, tc.wait); got != tc.want {
			t.Errorf("queued=%v, wait %v: every %v, want %v", tc.queued, tc.wait, got, tc.want)
		}
	}
	// A check not queued (its hash running) turns every second.
	c := testCommon()
	b := newBusy(c)
	b.StartHashing(func(context.Context) tea.Msg { return nil })
	b.spin.Spinner.FPS = time.Hour
	if b.Tick(spinner.TickMsg{ID: b.spin.ID()}) == nil || b.spin.Spinner.FPS != time.Second {
		t.Fatalf("turns every %v, want 1s", b.spin.Spinner.FPS)
	}
}
