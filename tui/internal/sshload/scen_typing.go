package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

const keyPeriod = 200 * time.Millisecond

// benchTyping: -typists sessions each typing a key every 200 ms, on each
// entkiosk and on OpenSSH + cat, interleaved, out of step and/or in step.
//
// Out of step, typist i types at t0 + i·200ms/n + k·200ms: the phases are
// spread evenly over the period and every key is sent at its own absolute
// time (no ticker that drifts or bunches keys after a late echo). In step,
// every typist types at t0 + k·200ms (keyTime). What really happened is
// measured from the times the keys were written (spreadOf) and said with
// each run: "really out of step", "NOT in step"...
func benchTyping(r *results) error {
	var modes []bool // in step?
	switch *stepF {
	case "out":
		modes = []bool{false}
	case "in":
		modes = []bool{true}
	case "both":
		modes = []bool{false, true}
	default:
		return fmt.Errorf("-step %q: out, in or both", *stepF)
	}
	for _, inStep := range modes {
		mode := "out of step"
		if inStep {
			mode = "in step"
		}
		var ref typingRun
		var runs []typingRun
		starts := []func() (*target, error){startSSHD}
		for _, o := range entkiosks() {
			starts = append(starts, func() (*target, error) { return startEntkiosk(o) })
		}
		for _, start := range starts {
			t, err := start()
			if err != nil {
				return err
			}
			run, err := typeOn(t, inStep)
			t.stop()
			if err != nil {
				return err
			}
			run.name = t.name
			fmt.Printf("   %-14s %s: %d keys, p50 %s, p90 %s, p99 %s, max %s, no echo %d, late (skipped) %d; keys sent in the same 5 ms: p99 %d, max %d; server CPU %.0f %% of a core%s\n",
				t.name, mode, len(run.lat), fmtMS(percentile(run.lat, 0.5)), fmtMS(percentile(run.lat, 0.9)),
				fmtMS(percentile(run.lat, 0.99)), fmtMS(percentile(run.lat, 1)), run.lost, run.skipped, run.bunch99, run.bunch, run.cpu, run.processes)
			fmt.Printf("   %-14s %s\n", "", run.verdict)
			r.note(fmt.Sprintf("typing, %s on %s: %s", mode, t.name, run.verdict))
			if t.proc.name == "sshd" {
				ref = run
			} else {
				runs = append(runs, run)
			}
		}
		for _, run := range runs {
			r.addRef(fmt.Sprintf("%s: %d typists %s, key → echo p99", run.name, *typists, mode), msUnit,
				msOf(percentile(run.lat, 0.99)), ref.name, msOf(percentile(ref.lat, 0.99)))
			r.addRef(fmt.Sprintf("%s: %d typists %s, key → echo p50", run.name, *typists, mode), msUnit,
				msOf(percentile(run.lat, 0.5)), ref.name, msOf(percentile(ref.lat, 0.5)))
			r.addRef(fmt.Sprintf("%s: %d typists %s, server CPU", run.name, *typists, mode), pctUnit,
				run.cpu, ref.name, ref.cpu)
			r.addRef(fmt.Sprintf("%s: %d typists %s, keys skipped (echo too late)", run.name, *typists, mode), countUnit,
				float64(run.skipped), ref.name, float64(ref.skipped))
			what := "fullest 5 ms phase slot"
			if inStep {
				what = "a tick's keys written within, p99"
				r.addRef(fmt.Sprintf("%s: %d typists %s, %s", run.name, *typists, mode, what), msUnit,
					msOf(run.spread.tickP99), ref.name, msOf(ref.spread.tickP99))
			} else {
				r.addRef(fmt.Sprintf("%s: %d typists %s, %s", run.name, *typists, mode, what), pctUnit,
					100*run.spread.fullest, ref.name, 100*ref.spread.fullest)
			}
		}
	}
	return nil
}

type typingRun struct {
	name          string
	lat           []time.Duration
	lost, skipped int64
	bunch         int     // most keys sent within one 5 ms window
	bunch99       int     // keys sent in a 5 ms slot (of those with keys), 99th percentile
	cpu           float64 // server CPU (with the processes under it), % of one core
	spread        sendSpread
	verdict       string // whether the typists were really in or out of step, in words
	processes     string // OpenSSH: what its sessions ran
}

// phaseSlot cuts the key period into slots to see how the keys were spread.
const phaseSlot = 5 * time.Millisecond

func typeOn(t *target, inStep bool) (typingRun, error) {
	ss, err := openMany(t, *typists)
	if err != nil {
		return typingRun{}, err
	}
	defer closeAll(ss)
	time.Sleep(time.Second) // the openings' last frames
	var run typingRun
	if t.proc.name == "sshd" {
		if err := checkOnlyCat(t, len(ss)); err != nil {
			return run, err
		}
		run.processes = fmt.Sprintf(" (its sessions run %s)", fmtCommands(t.proc.commands()))
	}
	var mu sync.Mutex
	var sends []send
	var lost, skipped atomic.Int64
	t0 := time.Now().Add(500 * time.Millisecond)
	end := t0.Add(*typeFor)
	c0, w0, self0 := t.proc.cpuTime(), time.Now(), selfCPU()
	var wg sync.WaitGroup
	for i, s := range ss {
		s.quiet.Store(true)
		s.drain()
		wg.Add(1)
		go func() {
			defer wg.Done()
			// a letter, then backspace: the field always changes; cat sends
			// both back.
			keys := []string{"a", "\x7f"}
			var mine []time.Duration
			var sent []send
			sentN := 0 // keys alternate by keys sent: a backspace on an empty field shows nothing
			for k := 0; ; k++ {
				at := keyTime(t0, keyPeriod, i, len(ss), k, inStep)
				if at.After(end) {
					break
				}
				wait := time.Until(at)
				if wait < -keyPeriod/2 {
					skipped.Add(1) // the previous echo came too late for this key's time
					continue
				}
				time.Sleep(wait)
				s.drain()
				sentAt := time.Now()
				if _, err := io.WriteString(s.stdin, keys[sentN%2]); err != nil {
					return
				}
				sentN++
				sent = append(sent, send{tick: k, due: at, wrote: sentAt})
				select {
				case got, ok := <-s.chunks:
					if !ok {
						return
					}
					// The first bytes of the echo: for entkiosk the start of
					// its frame, for cat the key itself.
					mine = append(mine, got.Sub(sentAt))
				case <-time.After(5 * time.Second):
					lost.Add(1)
				}
			}
			mu.Lock()
			run.lat = append(run.lat, mine...)
			sends = append(sends, sent...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	wall := time.Since(w0)
	run.cpu = 100 * float64(t.proc.cpuTime()-c0) / float64(wall)
	run.lost, run.skipped = lost.Load(), skipped.Load()
	times := make([]time.Time, len(sends))
	for i, s := range sends {
		times[i] = s.wrote
	}
	run.bunch = mostWithin(times, phaseSlot)
	run.bunch99 = bucketP99(times, phaseSlot)
	run.spread = spreadOf(sends, t0, keyPeriod, phaseSlot)
	run.verdict, _ = run.spread.verdict(inStep, phaseSlot)
	if len(run.lat) == 0 {
		return run, fmt.Errorf("%s: no key echoed", t.name)
	}
	fmt.Printf("   (load program CPU %.0f %% of a core while typing on %s)\n",
		100*float64(selfCPU()-self0)/float64(wall), strings.TrimSpace(t.name))
	return run, nil
}

// fmtCommands writes process counts by name, sorted: "cat ×200, sshd ×400".
func fmtCommands(cmds map[string]int) string {
	names := slices.Sorted(maps.Keys(cmds))
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%s ×%d", n, cmds[n])
	}
	return strings.Join(parts, ", ")
}

// mostWithin is the largest number of times that fall within one window.
func mostWithin(ts []time.Time, window time.Duration) int {
	if len(ts) == 0 {
		return 0
	}
	sorted := make([]int64, len(ts))
	for i, t := range ts {
		sorted[i] = t.UnixNano()
	}
	slices.Sort(sorted)
	best, lo := 0, 0
	for hi := range sorted {
		for sorted[hi]-sorted[lo] >= int64(window) {
			lo++
		}
		best = max(best, hi-lo+1)
	}
	return best
}

// bucketP99 is the 99th percentile of the number of times in a slot of
// width window, over the slots that have any.
func bucketP99(ts []time.Time, window time.Duration) int {
	counts := map[int64]int{}
	for _, t := range ts {
		counts[t.UnixNano()/int64(window)]++
	}
	var cs []int
	for _, n := range counts {
		cs = append(cs, n)
	}
	if len(cs) == 0 {
		return 0
	}
	slices.Sort(cs)
	return cs[int(float64(len(cs)-1)*0.99)]
}

// selfCPU is this load program's own user + system time.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
