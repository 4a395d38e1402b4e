package data

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strings"
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
// at a time, and a bounded wait for a slot, so that a burst of logins costs
// at most slots × 19 MiB and the rest are told "busy, try again".
type Hasher struct {
	params  HashParams
	slots   chan struct{}
	maxWait time.Duration
	// What tests check: argon2id runs so far, and the most at once.
	computed, running, peak atomic.Int64
}

// NewHasher makes a hasher with slots concurrent hashes (0: one per core)
// and maxWait for a free slot.
func NewHasher(p HashParams, slots int, maxWait time.Duration) *Hasher {
	if slots <= 0 {
		slots = runtime.NumCPU()
	}
	return &Hasher{params: p, slots: make(chan struct{}, slots), maxWait: maxWait}
}

// DefaultHasher: OWASP parameters, one hash per core, 5 s of waiting at most.
func DefaultHasher() *Hasher { return NewHasher(OWASPParams, 0, 5*time.Second) }

func (h *Hasher) acquire(ctx context.Context) error {
	timer := time.NewTimer(h.maxWait)
	defer timer.Stop()
	select {
	case h.slots <- struct{}{}:
		return nil
	case <-timer.C:
		return ErrBusy
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (h *Hasher) release() { <-h.slots }

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
