package main

import (
	"fmt"
	"slices"
	"time"
)

// benchConnect: dial to a usable first screen, one connection after the
// other, on entkiosk, OpenSSH + cat and bare wish in turn.
func benchConnect(r *results) error {
	starts := []func() (*target, error){startSSHD, startBarewish}
	for _, o := range entkiosks() {
		// Interleaved: each entkiosk between the references.
		starts = append(starts, func() (*target, error) { return startEntkiosk(o) })
	}
	medians := map[string]time.Duration{}
	for _, start := range starts {
		t, err := start()
		if err != nil {
			return err
		}
		times, err := connectTimes(t, *connects)
		t.stop()
		if err != nil {
			return err
		}
		medians[t.name] = percentile(times, 0.5)
		fmt.Printf("   %-14s %d connections: median %s, p90 %s, min %s, max %s\n", t.name, len(times),
			fmtMS(percentile(times, 0.5)), fmtMS(percentile(times, 0.9)), fmtMS(percentile(times, 0)), fmtMS(percentile(times, 1)))
	}
	for _, o := range entkiosks() {
		r.addRef(o.name+": dial → first screen, median", msUnit, msOf(medians[o.name]), "OpenSSH + cat", msOf(medians["OpenSSH + cat"]))
		r.addRef(o.name+": dial → first screen, median (vs bare wish)", msUnit, msOf(medians[o.name]), "bare wish", msOf(medians["bare wish"]))
	}
	return nil
}

// connectTimes connects n+1 times (the first warms the server up).
func connectTimes(t *target, n int) ([]time.Duration, error) {
	var times []time.Duration
	for i := range n + 1 {
		t0 := time.Now()
		s, err := dial(t)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", t.name, err)
		}
		err = t.ready(s, 30*time.Second)
		d := time.Since(t0)
		s.close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", t.name, err)
		}
		if i > 0 {
			times = append(times, d)
		}
	}
	return times, nil
}

func percentile(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	d = slices.Clone(d)
	slices.Sort(d)
	return d[int(float64(len(d)-1)*p)]
}

func msOf(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func fmtMS(d time.Duration) string { return fmt.Sprintf("%.1f ms", msOf(d)) }
