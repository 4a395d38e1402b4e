package tui

import (
	"sync"
	"testing"
	"time"
)

// A panic while a session draws must reach the caller (Bubble Tea
// recovers it for that session): on the helper goroutine it would end
// the process, every other session with it.
func TestOnOwnStackRaisesPanicsInTheCaller(t *testing.T) {
	t.Parallel()
	defer func() {
		if r := recover(); r != "drawn wrong" {
			t.Fatalf("recovered %v, want the panic of f", r)
		}
	}()
	onOwnStack(func() { panic("drawn wrong") })
	t.Fatal("onOwnStack returned after f panicked")
}

func TestOnOwnStackRunsFBeforeReturning(t *testing.T) {
	t.Parallel()
	ran := false
	onOwnStack(func() { ran = true })
	if !ran {
		t.Fatal("onOwnStack returned before f ran")
	}
}

// One session drawing frame after frame uses a waiting worker each time:
// no new goroutine (whose stack would grow again) per Update or View.
func TestOnOwnStackReusesAWaitingWorker(t *testing.T) {
	onOwnStack(func() {}) // a worker is waiting afterwards
	waitIdleWorkers(t)
	started := frameWorkersStarted.Load()
	for range 100 {
		onOwnStack(func() {})
		waitIdleWorkers(t)
	}
	// Not exactly 0: other tests' sessions, still ending, may take the
	// waiting worker between two frames. Without reuse it would be 100.
	if n := frameWorkersStarted.Load() - started; n > 5 {
		t.Fatalf("%d workers started for 100 frames in a row, want (almost) none", n)
	}
}

// A burst of sessions drawing at once starts as many workers as it needs;
// afterwards no more than maxIdleFrameWorkers stay.
func TestOnOwnStackKeepsFewWorkersAfterABurst(t *testing.T) {
	const sessions = 64
	release := make(chan struct{})
	var started, finished sync.WaitGroup
	started.Add(sessions)
	finished.Add(sessions)
	for range sessions {
		go func() {
			defer finished.Done()
			onOwnStack(func() {
				started.Done()
				<-release // all 64 draw at the same time
			})
		}()
	}
	started.Wait()
	close(release)
	finished.Wait()
	waitIdleWorkers(t)
	if n := idleFrameWorkers.Load(); n > maxIdleFrameWorkers || n < 1 {
		t.Fatalf("%d workers waiting after the burst, want 1 to %d", n, maxIdleFrameWorkers)
	}
}

// waitIdleWorkers waits until the worker that just ran f is waiting again
// (it counts itself idle after handing f's result back, then reaches its
// receive: the millisecond after is for that step, which a loaded -race
// run was seen to miss).
func waitIdleWorkers(t *testing.T) {
	t.Helper()
	for range 1000 {
		if idleFrameWorkers.Load() > 0 {
			time.Sleep(time.Millisecond)
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("no worker waiting")
}
