package data

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/crypto/argon2"
)

// HashParams are argon2id's costs. The defaults are OWASP's minimum
// (m=19 MiB, t=2, p=1).
type HashParams struct {
	MemoryKiB uint32
	Time      uint32
	Threads   uint8
}

// OWASPParams is what production hashes use.
var OWASPParams = HashParams{MemoryKiB: 19 * 1024, Time: 2, Threads: 1}

// Hasher runs argon2id with bounded concurrency: at most one hash per core
// at a time, so that a burst of logins costs at most slots × 19 MiB. The
// others wait in a fair queue, served in their order of arrival; a caller
// is told "busy, try again" (ErrBusy) only when, at its arrival, the queue
// ahead of it could not be served within maxWait (from the measured time
// of a hash), or when it has waited twice that long anyway.
type Hasher struct {
	params  HashParams
	slots   int
	maxWait time.Duration

	mu    sync.Mutex
	taken int             // slots hashing now
	queue []*HashWait     // waiting, first come first
	avg   time.Duration   // a hash's wall time: the median of recent (0: not measured yet)
	best  time.Duration   // the fastest of recent hashes, for letting callers in (see admits)
	times []time.Duration // the last hashWindow hashes' wall times, oldest first

	// What tests check: argon2id runs so far, and the most at once.
	computed, running, peak atomic.Int64
}

// NewHasher makes a hasher with slots concurrent hashes (0: one per core)
// and maxWait, the longest wait in the queue it lets a caller in for.
func NewHasher(p HashParams, slots int, maxWait time.Duration) *Hasher {
	if slots <= 0 {
		slots = runtime.NumCPU()
	}
	return &Hasher{params: p, slots: slots, maxWait: maxWait}
}

// DefaultHasher: OWASP parameters, one hash per core, a minute of queue at most.
func DefaultHasher() *Hasher { return NewHasher(OWASPParams, 0, time.Minute) }

// HashWait is a caller's place in the hashing queue, for its screen to
// show (« 37 personnes avant vous, environ 20 s »). Made by NewHashWait and
// given to the store with WithHashWait; one hash at a time.
type HashWait struct {
	h     atomic.Pointer[Hasher] // the hasher it queued at, once it did
	ready chan struct{}          // closed when the slot is handed over
}

// NewHashWait is a place in no queue yet.
func NewHashWait() *HashWait { return &HashWait{} }

type hashWaitKey struct{}

// WithHashWait makes the hashes run under ctx report their place to w.
func WithHashWait(ctx context.Context, w *HashWait) context.Context {
	return context.WithValue(ctx, hashWaitKey{}, w)
}

// Place is where w stands: queued says it waits for a slot, ahead how many
// wait before it, and wait about how long until its turn comes.
func (w *HashWait) Place() (queued bool, ahead int, wait time.Duration) {
	if w == nil || w.h.Load() == nil {
		return false, 0, 0
	}
	h := w.h.Load()
	h.mu.Lock()
	defer h.mu.Unlock()
	for i, x := range h.queue {
		if x == w {
			return true, i, h.estimate(i)
		}
	}
	return false, 0, 0
}

// estimate is the wait of the one with ahead callers before it in the
// queue: every slot is taken, and each slot frees one caller per hash.
func (h *Hasher) estimate(ahead int) time.Duration {
	return time.Duration(ahead/h.slots+1) * h.avg
}

// admits says whether a caller with ahead callers before it is let into
// the queue: turned away only when even at the pace of the fastest recent
// hash its turn would come past maxWait. The median, which the caller is
// shown, follows the first seconds of a burst, when the sessions' own work
// (500 logins typed at once) slows every hash: on a loaded machine it said
// 48 s for a queue served in 38 s, and 36 of 500 were told « très
// sollicité ». A caller let in on a pace that does not hold is still
// turned away after twice maxWait.
func (h *Hasher) admits(ahead int) bool {
	return time.Duration(ahead/h.slots+1)*h.best <= h.maxWait
}

func (h *Hasher) acquire(ctx context.Context) error {
	w, _ := ctx.Value(hashWaitKey{}).(*HashWait)
	if w == nil {
		w = &HashWait{}
	}
	h.mu.Lock()
	if h.taken < h.slots && len(h.queue) == 0 {
		h.taken++
		if h.taken == 1 {
			hashGC.begin()
		}
		h.mu.Unlock()
		return nil
	}
	if !h.admits(len(h.queue)) {
		h.mu.Unlock()
		return ErrBusy
	}
	w.h.Store(h)
	w.ready = make(chan struct{})
	h.queue = append(h.queue, w)
	h.mu.Unlock()

	timer := time.NewTimer(2 * h.maxWait)
	defer timer.Stop()
	select {
	case <-w.ready:
		return nil
	case <-timer.C:
		if h.leave(w) {
			return ErrBusy
		}
		return nil // handed the slot just now
	case <-ctx.Done():
		if !h.leave(w) {
			h.release()
		}
		return ctx.Err()
	}
}

// leave takes w out of the queue; false when it was handed a slot already.
func (h *Hasher) leave(w *HashWait) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	for i, x := range h.queue {
		if x == w {
			h.queue = append(h.queue[:i], h.queue[i+1:]...)
			return true
		}
	}
	return false
}

// release hands the slot to the first in the queue, or frees it.
func (h *Hasher) release() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.queue) > 0 {
		next := h.queue[0]
		h.queue[0] = nil
		h.queue = h.queue[1:]
		close(next.ready)
		return
	}
	h.taken--
	if h.taken == 0 {
		hashGC.end()
	}
}

// hashWindow is how many recent hashes the estimate reads.
const hashWindow = 16

// measured takes a hash's wall time into the estimate: the median of the
// last hashWindow. A moving average followed the few slow hashes at the
// start of a burst (500 sessions answered at once, a collection), and the
// last arrivals of a queue served in 15 s were told « très sollicité ».
func (h *Hasher) measured(d time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.times) == hashWindow {
		copy(h.times, h.times[1:])
		h.times = h.times[:hashWindow-1]
	}
	h.times = append(h.times, d)
	sorted := slices.Clone(h.times)
	slices.Sort(sorted)
	h.avg, h.best = sorted[len(sorted)/2], sorted[0]
}

// Hash returns the PHC string of password with a fresh 16-byte salt.
func (h *Hasher) Hash(ctx context.Context, password string) (string, error) {
	if err := h.acquire(ctx); err != nil {
		return "", err
	}
	defer h.release()
	return h.hashNow(password)
}

func (h *Hasher) hashNow(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	p := h.params
	key := h.idKey(password, salt, p, 32)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.MemoryKiB, p.Time, p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

var b64 = base64.RawStdEncoding

// idKey is the one place argon2id runs.
func (h *Hasher) idKey(password string, salt []byte, p HashParams, keyLen uint32) []byte {
	h.computed.Add(1)
	n := h.running.Add(1)
	for {
		peak := h.peak.Load()
		if n <= peak || h.peak.CompareAndSwap(peak, n) {
			break
		}
	}
	defer h.running.Add(-1)
	start := time.Now()
	defer func() { h.measured(time.Since(start)) }()
	return argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, keyLen)
}

// Verify checks password against a PHC string in constant time. An empty
// phc (unknown identifiant, account never activated) costs exactly one hash
// with the current parameters, like a real one, and never matches.
func (h *Hasher) Verify(ctx context.Context, password, phc string) (bool, error) {
	var p HashParams
	var salt, want []byte
	real := phc != ""
	if real {
		var err error
		if p, salt, want, err = parsePHC(phc); err != nil {
			return false, err
		}
	} else {
		p, salt, want = h.params, make([]byte, 16), make([]byte, 32)
	}
	if err := h.acquire(ctx); err != nil {
		return false, err
	}
	defer h.release()
	got := h.idKey(password, salt, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1 && real, nil
}

func parsePHC(s string) (HashParams, []byte, []byte, error) {
	parts := strings.Split(s, "$")
	var p HashParams
	var version int
	if len(parts) != 6 || parts[1] != "argon2id" {
		return p, nil, nil, errors.New("not an argon2id hash")
	}
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return p, nil, nil, errors.New("unsupported argon2 version")
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.MemoryKiB, &p.Time, &p.Threads); err != nil {
		return p, nil, nil, fmt.Errorf("argon2 parameters: %w", err)
	}
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return p, nil, nil, err
	}
	key, err := b64.DecodeString(parts[5])
	if err != nil {
		return p, nil, nil, err
	}
	// argon2 panics on some of these; a damaged row must not take the server down.
	if p.Time < 1 || p.Threads < 1 || p.MemoryKiB < 8*uint32(p.Threads) || p.MemoryKiB > 4<<20 ||
		len(salt) < 8 || len(key) < 16 || len(key) > 64 {
		return p, nil, nil, errors.New("argon2 parameters out of range")
	}
	return p, salt, key, nil
}
