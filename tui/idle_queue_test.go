package tui

import (
	"testing"
	"time"

	"entkiosk/screens"
)

// waitingHome is home while its login waits in the hashing queue.
type waitingHome struct {
	*screens.Home
	waiting *bool
}

func (w waitingHome) Waiting() bool { return *w.waiting }

// On the worst morning a login may wait minutes in the queue: the person
// is waiting, not away, and the idle timer neither counts down nor closes
// the session meanwhile; once the answer came, idleness counts again.
func TestWaitingInTheQueueIsNotIdle(t *testing.T) {
	t.Parallel()
	tm, timers, _ := newIdleModel(t, func(o *Options) { o.Kiosk = false })
	tm.typeText("hugo.lefevre")
	waiting := true
	tm.Model.screen = waitingHome{Home: tm.Model.screen.(*screens.Home), waiting: &waiting}
	for range 6 { // 3 minutes in the queue, past the 2-minute idle timeout
		tm.wall.Advance(30 * time.Second)
		tm.fireIdle(timers)
		if tm.Model.quitting || tm.Model.countdown != 0 {
			t.Fatalf("waiting in the queue counted as idle (quitting %v, countdown %d)", tm.Model.quitting, tm.Model.countdown)
		}
	}
	waiting = false
	tm.wall.Advance(2 * time.Minute)
	_, cmd := tm.Model.Update(idleTickMsg{})
	timers.pending = nil
	if !isQuit(cmd) {
		t.Fatal("idle after the answer, the session stays open")
	}
}
