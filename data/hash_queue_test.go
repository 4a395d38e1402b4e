package data

import (
	"context"
	"errors"
	"testing"
	"time"
)

// queued starts an acquire under w in the background and waits until w
// stands in the queue; the returned channel gives acquire's answer.
func queued(t *testing.T, ctx context.Context, h *Hasher, w *HashWait) <-chan error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- h.acquire(WithHashWait(ctx, w)) }()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if q, _, _ := w.Place(); q {
			return done
		}
		select {
		case err := <-done:
			t.Fatalf("acquire answered %v instead of queueing", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("never queued")
		}
		time.Sleep(time.Millisecond)
	}
}

// A burst is served first come, first served, each caller knowing its place.
func TestHashQueueServesInOrder(t *testing.T) {
	t.Parallel()
	h := NewHasher(HashParams{MemoryKiB: 64, Time: 1, Threads: 1}, 1, time.Minute)
	if err := h.acquire(ctx); err != nil { // the only slot, held
		t.Fatal(err)
	}
	const n = 8
	var waits [n]*HashWait
	var answers [n]<-chan error
	for i := range n {
		waits[i] = NewHashWait()
		answers[i] = queued(t, ctx, h, waits[i])
	}
	for i, w := range waits {
		if q, ahead, _ := w.Place(); !q || ahead != i {
			t.Fatalf("caller %d: queued %v with %d ahead, want %d ahead", i, q, ahead, i)
		}
	}
	for i := range n {
		h.release() // the slot goes to the first in line, and only to it
		if err := <-answers[i]; err != nil {
			t.Fatalf("caller %d: %v", i, err)
		}
		for j := i + 1; j < n; j++ {
			if q, ahead, _ := waits[j].Place(); !q || ahead != j-i-1 {
				t.Fatalf("after %d served, caller %d: queued %v with %d ahead, want %d", i+1, j, q, ahead, j-i-1)
			}
			select {
			case err := <-answers[j]:
				t.Fatalf("caller %d served before caller %d (%v)", j, i+1, err)
			default:
			}
		}
		if q, _, _ := waits[i].Place(); q {
			t.Fatalf("caller %d served but still queued", i)
		}
	}
	h.release()
	if h.taken != 0 || len(h.queue) != 0 {
		t.Fatalf("after the burst: %d slots taken, %d queued", h.taken, len(h.queue))
	}
}

// « Très sollicité » only for a caller the queue could not serve within
// maxWait: the estimate is the measured hash time per slot.
func TestHashQueueRefusesOnlyPastMaxWait(t *testing.T) {
	t.Parallel()
	h := NewHasher(HashParams{MemoryKiB: 64, Time: 1, Threads: 1}, 2, 3*time.Second)
	h.measured(time.Second) // a hash takes 1 s: 2 callers served a second
	for range 2 {
		if err := h.acquire(ctx); err != nil {
			t.Fatal(err)
		}
	}
	qctx, cancel := context.WithCancel(ctx)
	// ahead 0,1 → 1 s; 2,3 → 2 s; 4,5 → 3 s; the 7th (6 ahead) would wait 4 s.
	var answers []<-chan error
	for i := range 6 {
		w := NewHashWait()
		answers = append(answers, queued(t, qctx, h, w))
		if _, ahead, wait := w.Place(); ahead != i || wait != time.Duration(i/2+1)*time.Second {
			t.Fatalf("caller %d: %d ahead, about %v; want %d ahead, %v", i, ahead, wait, i, time.Duration(i/2+1)*time.Second)
		}
	}
	if err := h.acquire(ctx); !errors.Is(err, ErrBusy) {
		t.Fatalf("7th caller, 4 s of queue with 3 s allowed: %v, want ErrBusy", err)
	}
	// Those who give up leave the queue and free their place.
	cancel()
	for _, a := range answers {
		if err := <-a; !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled caller: %v", err)
		}
	}
	if len(h.queue) != 0 || h.taken != 2 {
		t.Fatalf("after the cancellations: %d queued, %d taken", len(h.queue), h.taken)
	}
	w := NewHashWait()
	a := queued(t, ctx, h, w)
	h.release()
	if err := <-a; err != nil {
		t.Fatal(err)
	}
	h.release()
	h.release()
	if h.taken != 0 {
		t.Fatalf("%d slots still taken", h.taken)
	}
}

// The estimate is the median of recent hashes: a few slow ones (the start
// of a burst, a collection) do not turn a queue that will be served in
// time into « très sollicité ».
func TestHashEstimateIgnoresAFewSlowHashes(t *testing.T) {
	t.Parallel()
	h := NewHasher(HashParams{MemoryKiB: 64, Time: 1, Threads: 1}, 2, time.Minute)
	for range 10 {
		h.measured(40 * time.Millisecond)
	}
	for range 3 {
		h.measured(2 * time.Second)
	}
	if got := h.estimate(499); got != 250*40*time.Millisecond {
		t.Fatalf("499 ahead after 10 hashes of 40 ms and 3 of 2 s: %v, want 10s", got)
	}
	// Slow for good: past half the window, the estimate follows.
	for range 6 {
		h.measured(2 * time.Second)
	}
	if got := h.estimate(1); got != 2*time.Second {
		t.Fatalf("after 9 of the last 16 hashes took 2 s: %v, want 2s", got)
	}
}

// A burst's first hashes are slow (the sessions' own work beside them):
// the shown estimate follows their median, but a caller is turned away
// only when even the fastest recent pace would not serve it in time.
func TestHashQueueLetsInAtTheFastestRecentPace(t *testing.T) {
	t.Parallel()
	h := NewHasher(HashParams{MemoryKiB: 64, Time: 1, Threads: 1}, 2, time.Minute)
	for range 8 {
		h.measured(300 * time.Millisecond)
	}
	for range 8 {
		h.measured(200 * time.Millisecond)
	}
	// 400 ahead: 201 turns of 300 ms (the median) is 60.3 s; of 200 ms, 40.2 s.
	if got := h.estimate(400); got != 201*300*time.Millisecond {
		t.Fatalf("estimate for 400 ahead: %v, want 1m0.3s", got)
	}
	if !h.admits(400) {
		t.Fatal("400 ahead turned away: served within 41 s at the fastest recent pace")
	}
	// 600 ahead: 301 turns of 200 ms is 60.2 s, past a minute even then.
	if h.admits(600) {
		t.Fatal("600 ahead let in: 60.2 s at the fastest recent pace")
	}
	// Slow for good: once the whole window is slow, the fastest is too.
	for range hashWindow {
		h.measured(2 * time.Second)
	}
	// 58 ahead: 30 turns of 2 s, a minute exactly; 60 ahead: 31, 62 s.
	if !h.admits(58) || h.admits(60) {
		t.Fatalf("after %d hashes of 2 s: 58 ahead (60 s) must be let in, 60 ahead (62 s) turned away", hashWindow)
	}
}
