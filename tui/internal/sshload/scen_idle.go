package main

import (
	"fmt"
	"time"
)

// idleTimeout is serve's --idle-timeout in the idle scenario: longer than
// opening -idle sessions and measuring them takes.
const idleTimeout = time.Hour

// idleFPS is bare wish's renderer's frame rate in the idle scenario.
const idleFPS = 1

// benchIdle: -idle sessions on the first screen of the bare wish server and
// of each entkiosk, in turn: the server's RSS once they settled, and its CPU
// while they sit.
func benchIdle(r *results) error {
	// Bare wish's renderer ticks at 60 Hz in every session, idle or not
	// (25 % of a core per 1,000 sessions here; entkiosk draws without it):
	// past a few thousand its handshakes starved and the 10,000-session run
	// never finished. At 1 frame a second it holds the same renderer, ticker
	// and goroutines per session, so the same memory.
	starts := []func() (*target, error){func() (*target, error) { return startBarewishFPS(idleFPS) }}
	for _, o := range entkiosks() {
		// serve closes a session idle for 2 min, and opening 10,000 takes
		// longer: the first ones would be gone before RSS is read (bare wish
		// keeps them all). The timers are the same whatever their length.
		o.flags = append(o.flags, "--idle-timeout", idleTimeout.String())
		starts = append(starts, func() (*target, error) { return startEntkiosk(o) })
	}
	type idleRun struct {
		name          string
		rss, empty    int // KiB
		cpu           float64
		perSessionKiB float64
	}
	var ref idleRun
	var runs []idleRun
	for _, start := range starts {
		t, err := start()
		if err != nil {
			return err
		}
		time.Sleep(2 * time.Second)
		empty, _, _ := t.proc.status()
		t0 := time.Now()
		ss, err := openMany(t, *idleN)
		if err != nil {
			t.stop()
			return err
		}
		opened := time.Since(t0)
		time.Sleep(10 * time.Second) // let the opening settle (collector, buffers)
		c0, w0 := t.proc.cpuTime(), time.Now()
		time.Sleep(*idleFor)
		cpu := 100 * float64(t.proc.cpuTime()-c0) / float64(time.Since(w0))
		rss, peak, threads := t.proc.status()
		gone := 0
		for _, s := range ss {
			if s.over.Load() {
				gone++
			}
		}
		closeAll(ss)
		t.stop()
		if gone > 0 {
			return fmt.Errorf("%s ended %d of the %d sessions before its RSS was read: its figure would not be for %d sessions",
				t.name, gone, len(ss), len(ss))
		}
		run := idleRun{name: t.name, rss: rss, empty: empty, cpu: cpu,
			perSessionKiB: float64(rss-empty) / float64(len(ss))}
		fmt.Printf("   %-10s %d sessions opened in %s; RSS %.0f MiB (peak %.0f MiB, empty %.0f MiB, %.1f KiB a session), %d threads, CPU idle %.1f %% of a core\n",
			t.name, len(ss), opened.Round(time.Millisecond), mib(rss), mib(peak), mib(empty), run.perSessionKiB, threads, cpu)
		if t.name == "bare wish" {
			ref = run
		} else {
			runs = append(runs, run)
		}
	}
	for _, run := range runs {
		r.addRef(fmt.Sprintf("%s: %d idle sessions, RSS", run.name, *idleN), mibUnit, mib(run.rss), "bare wish", mib(ref.rss))
		r.addRef(fmt.Sprintf("%s: idle, KiB a session", run.name), kibUnit, run.perSessionKiB, "bare wish", ref.perSessionKiB)
		r.addRef(fmt.Sprintf("%s: %d idle sessions, server CPU", run.name, *idleN), pctUnit, run.cpu, "bare wish", ref.cpu)
	}
	return nil
}
