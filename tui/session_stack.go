package tui

import (
	"runtime"
	"sync/atomic"
)

// onOwnStack runs f on a goroutine other than the caller's and waits for it.
//
// A session's program lives in a few goroutines that wait most of their
// life; drawing a frame goes deep (lipgloss, wrapping), and a goroutine's
// stack grown for it stays grown while it waits: the runtime halves it at
// a collection only while a quarter is in use, and an idle server seldom
// collects. Drawn on another goroutine, the deep stack is not the
// session's, and the session's own stays small (2,000 idle SSH sessions:
// 80 MiB of stacks instead of 103).
//
// That goroutine is one of a few frame workers shared by all sessions, not
// a new one: a new goroutine's stack grew from 8 KiB by copies on every
// Update and View, a third of a key's cost, and with 200 sessions typing in
// step the last echo waited for everyone's copies. A worker's stack stays
// grown for the next frame; there are at most maxIdleFrameWorkers waiting,
// whatever the number of sessions. When none is free (a burst), a new one
// starts, and leaves afterwards if enough are waiting already.
//
// A panic in f is raised again in the caller's goroutine, where Bubble
// Tea recovers it for this session alone: raised on the worker, it would
// end the whole server, every session with it.
func onOwnStack(f func()) {
	j := frameJob{f: f, done: make(chan any, 1)}
	select {
	case frameJobs <- j: // a worker was waiting
	default:
		frameWorkersStarted.Add(1)
		go frameWorker(j)
	}
	if p := <-j.done; p != nil {
		panic(p)
	}
}

type frameJob struct {
	f    func()
	done chan any // f's panic, or nil
}

// frameJobs hands a job to a waiting worker (unbuffered: a job is never
// queued behind a worker that is busy).
var frameJobs = make(chan frameJob)

// idleFrameWorkers is the number of workers waiting on frameJobs;
// frameWorkersStarted counts the workers ever started (tests).
var (
	idleFrameWorkers    atomic.Int32
	frameWorkersStarted atomic.Int64
)

// maxIdleFrameWorkers: as many as can draw at once, with room for those
// preempted in the middle of a frame.
var maxIdleFrameWorkers = int32(max(4, 2*runtime.GOMAXPROCS(0)))

// IdleFrameWorkers is how many frame workers wait for a frame: goroutines
// the process keeps by design, at most maxIdleFrameWorkers, which a count
// of goroutines left behind by sessions must not take for a leak.
func IdleFrameWorkers() int { return int(idleFrameWorkers.Load()) }

func frameWorker(j frameJob) {
	for {
		j.run()
		if idleFrameWorkers.Add(1) > maxIdleFrameWorkers {
			idleFrameWorkers.Add(-1)
			return
		}
		j = <-frameJobs
		idleFrameWorkers.Add(-1)
	}
}

func (j frameJob) run() {
	defer func() { j.done <- recover() }()
	j.f()
}
