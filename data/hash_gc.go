package data

import (
	"runtime/debug"
	"sync"
)

// Each argon2id hash allocates its 19 MiB afresh (x/crypto has no way to
// hand it memory to reuse), and the collector starts a cycle whenever the
// heap has grown by GOGC % of what is live. In a server, what is live is
// mostly the sessions: at GOGC=100 a cycle comes every few hashes and
// marks every session each time, about a third of the CPU of a burst of
// 500 logins on 2 cores. While hashes run, the collector may be given a
// higher GOGC: fewer cycles for the same hashes, at the cost of garbage
// kept longer (the memory limit, when set, still bounds the heap).

// hashGC raises the collector's GOGC while any hasher of the process is
// hashing and puts the previous one back when the last one goes idle.
var hashGC gcPacer

type gcPacer struct {
	mu      sync.Mutex
	percent int // GOGC while hashing; 0: the collector is left alone
	active  int // hashers with a slot taken
	saved   int // GOGC to put back
	raised  bool
}

// SetHashingGCPercent makes the collector run at GOGC percent while hashes
// run (serve: 400); 0 leaves it alone (the default). A GOGC already higher,
// or off, is kept.
func SetHashingGCPercent(percent int) {
	hashGC.mu.Lock()
	defer hashGC.mu.Unlock()
	hashGC.percent = max(percent, 0)
}

// begin: a hasher took its first slot.
func (g *gcPacer) begin() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.active++
	if g.active > 1 || g.percent == 0 {
		return
	}
	old := debug.SetGCPercent(g.percent)
	if old < 0 || old >= g.percent {
		debug.SetGCPercent(old) // off, or already as high: left as it was
		return
	}
	g.saved, g.raised = old, true
}

// end: a hasher freed its last slot.
func (g *gcPacer) end() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.active--
	if g.active > 0 || !g.raised {
		return
	}
	debug.SetGCPercent(g.saved)
	g.raised = false
}
