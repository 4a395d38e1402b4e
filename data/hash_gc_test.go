package data

import (
	"context"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// gogc is the collector's GOGC now, as the runtime reports it.
func gogc(t *testing.T) int {
	t.Helper()
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		t.Fatal("no /gc/gogc:percent")
	}
	return int(s[0].Value.Uint64())
}

// withGOGC runs the test with the collector at percent and the pacer at
// hashing, both put back afterwards. Not parallel: GOGC is the process's.
func withGOGC(t *testing.T, percent, hashing int) {
	old := debug.SetGCPercent(percent)
	SetHashingGCPercent(hashing)
	t.Cleanup(func() { SetHashingGCPercent(0); debug.SetGCPercent(old) })
}

// While hashes run the collector runs at the hashing GOGC, through a queue
// handed from caller to caller, and at the previous one once the last hash
// is done.
func TestHashingRaisesGOGCUntilTheLastHash(t *testing.T) {
	withGOGC(t, 100, 400)
	h := NewHasher(HashParams{MemoryKiB: 64, Time: 1, Threads: 1}, 1, time.Minute)
	if got := gogc(t); got != 100 {
		t.Fatalf("GOGC before any hash: %d, want 100", got)
	}
	if err := h.acquire(ctx); err != nil {
		t.Fatal(err)
	}
	if got := gogc(t); got != 400 {
		t.Fatalf("GOGC while hashing: %d, want 400", got)
	}
	next := queued(t, ctx, h, NewHashWait())
	h.release() // handed to the one waiting: still hashing
	if err := <-next; err != nil {
		t.Fatal(err)
	}
	if got := gogc(t); got != 400 {
		t.Fatalf("GOGC with the slot handed over: %d, want 400", got)
	}
	// A second hasher of the process hashing meanwhile keeps it raised.
	other := NewHasher(HashParams{MemoryKiB: 64, Time: 1, Threads: 1}, 1, time.Minute)
	if err := other.acquire(ctx); err != nil {
		t.Fatal(err)
	}
	h.release()
	if got := gogc(t); got != 400 {
		t.Fatalf("GOGC while another hasher hashes: %d, want 400", got)
	}
	other.release()
	if got := gogc(t); got != 100 {
		t.Fatalf("GOGC after the last hash: %d, want 100", got)
	}
	// A real hash, a cancelled wait: both leave it as it was.
	if _, err := h.Hash(ctx, "Kiosque-Demo-2026"); err != nil {
		t.Fatal(err)
	}
	if err := h.acquire(ctx); err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithCancel(ctx)
	waiting := queued(t, cctx, h, NewHashWait())
	cancel()
	if err := <-waiting; err == nil {
		t.Fatal("a cancelled wait got the slot")
	}
	h.release()
	if got := gogc(t); got != 100 {
		t.Fatalf("GOGC after a hash and a cancelled wait: %d, want 100", got)
	}
}

// A GOGC set higher than the hashing one, and a collector switched off,
// are the operator's: kept while hashing and after. Without a hashing GOGC
// (the default), nothing changes.
func TestHashingKeepsAHigherOrNoGOGC(t *testing.T) {
	h := NewHasher(HashParams{MemoryKiB: 64, Time: 1, Threads: 1}, 1, time.Minute)
	for _, c := range []struct{ set, hashing, want int }{{800, 400, 800}, {100, 0, 100}, {50, 400, 400}} {
		withGOGC(t, c.set, c.hashing)
		if err := h.acquire(ctx); err != nil {
			t.Fatal(err)
		}
		if got := gogc(t); got != c.want {
			t.Errorf("GOGC %d, hashing %d: %d while hashing, want %d", c.set, c.hashing, got, c.want)
		}
		h.release()
		if got := gogc(t); got != c.set {
			t.Errorf("GOGC %d, hashing %d: %d after, want it back", c.set, c.hashing, got)
		}
	}
	withGOGC(t, -1, 400)
	if err := h.acquire(ctx); err != nil {
		t.Fatal(err)
	}
	off := debug.SetGCPercent(-1) // reads it; -1 again
	h.release()
	if off != -1 || debug.SetGCPercent(-1) != -1 {
		t.Errorf("GOGC=off: %d while hashing, want it off throughout", off)
	}
}
