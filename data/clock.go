package data

import (
	"sync"
	"time"
	_ "time/tzdata" // the kiosk may run on a machine without a zoneinfo database
)

// Clock is where every rule reads the time, so that tests can move it.
type Clock interface{ Now() time.Time }

// SystemClock is the real time.
type SystemClock struct{}

func (SystemClock) Now() time.Time { return time.Now() }

// ManualClock is a clock that only moves when told to (tests, benchmarks).
type ManualClock struct {
	mu sync.Mutex
	t  time.Time
}

func NewManualClock(t time.Time) *ManualClock { return &ManualClock{t: t} }

func (c *ManualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Set puts the clock at t.
func (c *ManualClock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// Advance moves the clock forward by d.
func (c *ManualClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

var paris = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return time.FixedZone("CET", 3600)
	}
	return loc
}()

// ParisLocation is the university's local time.
func ParisLocation() *time.Location { return paris }

// AcademicYear is the first calendar year of the academic year that t falls
// in, by the institution's calendar (1 September N to 31 August N+1 is year
// N, unless its file says another start), in the university's local time.
func (s *Store) AcademicYear(t time.Time) int {
	return s.cfg.Institution.AcademicYear(t.In(s.cfg.Location))
}
