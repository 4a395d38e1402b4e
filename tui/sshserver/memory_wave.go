package sshserver

import (
	"context"
	"runtime/debug"
	"sync/atomic"
	"time"
)

// On the first morning thousands of sessions open within minutes, and
// their handshakes (key exchange, buffers) leave the heap at its peak:
// the runtime keeps those pages, so a server then sitting idle with its
// sessions held ~25 % more than they need. Once a wave of new sessions is
// over, the server hands that memory back, once per wave.
const (
	waveTick      = time.Second
	waveQuietFor  = 5   // ticks without a new session: the wave is over
	waveMinOpened = 200 // smaller waves leave little behind: not worth a full collection
)

// waveWatch tells, from the count of sessions established so far read at
// each tick, when a wave of new sessions has just ended.
type waveWatch struct {
	last   int64 // the count at the last tick
	opened int64 // sessions established since the last hand-back
	quiet  int   // ticks since the last new session
}

func (w *waveWatch) ended(established int64) bool {
	if established != w.last {
		w.opened += established - w.last
		w.last, w.quiet = established, 0
		return false
	}
	w.quiet++
	if w.quiet == waveQuietFor && w.opened >= waveMinOpened {
		w.opened = 0
		return true
	}
	return false
}

// handBackAfterWaves returns memory to the system each time a wave of new
// sessions ends, until ctx ends.
func handBackAfterWaves(ctx context.Context, established *atomic.Int64) {
	t := time.NewTicker(waveTick)
	defer t.Stop()
	var w waveWatch
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if w.ended(established.Load()) {
				debug.FreeOSMemory()
			}
		}
	}
}
