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
	"sync"
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
	dummy   func() string // a hash to verify against for unknown identifiants
}

// NewHasher makes a hasher with slots concurrent hashes (0: one per core)
// and maxWait for a free slot.
func NewHasher(p HashParams, slots int, maxWait time.Duration) *Hasher {
	if slots <= 0 {
		slots = runtime.NumCPU()
	}
	h := &Hasher{params: p, slots: make(chan struct{}, slots), maxWait: maxWait}
	h.dummy = sync.OnceValue(func() string {
		s, _ := h.hashNow("entkiosk-dummy-password")
		return s
	})
	return h
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
	key := argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, 32)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.MemoryKiB, p.Time, p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

var b64 = base64.RawStdEncoding

// Verify checks password against a PHC string in constant time. An empty
// phc (unknown identifiant, account never activated) is checked against a
// dummy hash so that it costs the same, and never matches.
func (h *Hasher) Verify(ctx context.Context, password, phc string) (bool, error) {
	if err := h.acquire(ctx); err != nil {
		return false, err
	}
	defer h.release()
	real := phc != ""
	if !real {
		phc = h.dummy()
	}
	p, salt, want, err := parsePHC(phc)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.MemoryKiB, p.Threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1 && real, nil
}

// Warm computes the dummy hash now rather than on the first unknown login.
func (h *Hasher) Warm() { h.dummy() }

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
	return p, salt, key, nil
}
