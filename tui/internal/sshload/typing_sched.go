package main

import (
	"fmt"
	"slices"
	"time"
)

// keyTime is when typist i of n types its key k. Out of step, the typists'
// phases are spread evenly over the period (typist i at i/n of it); in step,
// every typist types at t0 + k·period. Each key has its own absolute time:
// a late echo delays that typist's next key, never the ones after it.
func keyTime(t0 time.Time, period time.Duration, i, n, k int, inStep bool) time.Time {
	at := t0.Add(time.Duration(k) * period)
	if !inStep && n > 0 {
		at = at.Add(time.Duration(i) * period / time.Duration(n))
	}
	return at
}

// send is one key as typed: which tick of the period, when it was meant to
// go and when it went.
type send struct {
	tick       int
	due, wrote time.Time
}

// sendSpread says how the keys were really sent, whatever was asked.
type sendSpread struct {
	keys int
	// late: written − due, 50th and 99th percentiles.
	lateP50, lateP99 time.Duration
	// The period cut into slots: how many of them saw keys (by the phase of
	// the time each key was written), and the fullest one's share of the keys
	// (spread evenly: 1/slots; all at once: 1).
	slots, slotsUsed int
	fullest          float64
	// Per tick, last key written − first: 50th and 99th percentiles over
	// the ticks (in step, how close to one instant each tick really was).
	tickP50, tickP99 time.Duration
}

// spreadOf measures sends against the period, cut into slots of slot.
func spreadOf(sends []send, t0 time.Time, period, slot time.Duration) sendSpread {
	sp := sendSpread{keys: len(sends), slots: int(period / slot)}
	if len(sends) == 0 || sp.slots == 0 {
		return sp
	}
	late := make([]time.Duration, 0, len(sends))
	perSlot := make([]int, sp.slots)
	type span struct{ first, last time.Time }
	ticks := map[int]span{}
	for _, s := range sends {
		late = append(late, s.wrote.Sub(s.due))
		phase := s.wrote.Sub(t0) % period
		if phase < 0 {
			phase += period
		}
		perSlot[min(int(phase/slot), sp.slots-1)]++
		sp2, ok := ticks[s.tick]
		if !ok {
			sp2 = span{s.wrote, s.wrote}
		}
		if s.wrote.Before(sp2.first) {
			sp2.first = s.wrote
		}
		if s.wrote.After(sp2.last) {
			sp2.last = s.wrote
		}
		ticks[s.tick] = sp2
	}
	sp.lateP50, sp.lateP99 = percentile(late, 0.5), percentile(late, 0.99)
	most := 0
	for _, n := range perSlot {
		if n > 0 {
			sp.slotsUsed++
		}
		most = max(most, n)
	}
	sp.fullest = float64(most) / float64(len(sends))
	widths := make([]time.Duration, 0, len(ticks))
	for _, s := range ticks {
		widths = append(widths, s.last.Sub(s.first))
	}
	slices.Sort(widths)
	sp.tickP50, sp.tickP99 = percentile(widths, 0.5), percentile(widths, 0.99)
	return sp
}

// Thresholds of the verdict. Out of step: no slot of the period holds more
// than twice its even share of the keys. In step: half the ticks have all
// their keys written within a tenth of the period (this program writes 200
// keys to 200 connections in a few ms on an idle machine, more when the
// servers take the cores), and the fullest slot holds ten times its even
// share. Both are said with their figures, whatever the verdict.
const (
	outOfStepMost = 2.0
	inStepMost    = 10.0
	inStepWithin  = 10 // the period divided by this
)

// verdict says whether the typists really were as asked, in words for the
// report.
func (sp sendSpread) verdict(inStep bool, slot time.Duration) (string, bool) {
	if sp.keys == 0 || sp.slots == 0 {
		return "no key sent", false
	}
	even := 1 / float64(sp.slots)
	if !inStep {
		ok := sp.fullest <= outOfStepMost*even
		what := "really out of step"
		if !ok {
			what = "NOT out of step"
		}
		return fmt.Sprintf("%s: keys in %d of the period's %d slots of %s, the fullest %.1f %% of the keys (even %.1f %%, at most %.1f %%); written late p50 %s, p99 %s",
			what, sp.slotsUsed, sp.slots, slot, 100*sp.fullest, 100*even, 100*outOfStepMost*even, fmtMS(sp.lateP50), fmtMS(sp.lateP99)), ok
	}
	within := time.Duration(sp.slots) * slot / inStepWithin
	ok := sp.tickP50 <= within && sp.fullest >= inStepMost*even
	what := "really in step"
	if !ok {
		what = "NOT in step"
	}
	return fmt.Sprintf("%s: each tick's keys written within p50 %s (limit %s), p99 %s; the fullest slot of %s %.1f %% of the keys (even %.1f %%, at least %.1f %%); written late p50 %s, p99 %s",
		what, fmtMS(sp.tickP50), fmtMS(within), fmtMS(sp.tickP99), slot, 100*sp.fullest, 100*even, 100*inStepMost*even, fmtMS(sp.lateP50), fmtMS(sp.lateP99)), ok
}
