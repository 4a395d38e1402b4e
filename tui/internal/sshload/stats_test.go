package main

import (
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)

// scheduled is every key of n typists over ticks periods, written exactly
// when due.
func scheduled(n, ticks int, inStep bool) []send {
	var out []send
	for i := range n {
		for k := range ticks {
			at := keyTime(t0, keyPeriod, i, n, k, inStep)
			out = append(out, send{tick: k, due: at, wrote: at})
		}
	}
	return out
}

func TestKeyTimeOutOfStepSpreadsPhasesEvenly(t *testing.T) {
	const n = 200
	seen := map[time.Duration]bool{}
	for i := range n {
		at := keyTime(t0, keyPeriod, i, n, 0, false)
		phase := at.Sub(t0)
		if phase < 0 || phase >= keyPeriod {
			t.Fatalf("typist %d: phase %v outside [0, %v)", i, phase, keyPeriod)
		}
		if want := time.Duration(i) * time.Millisecond; phase != want {
			t.Fatalf("typist %d: phase %v, want %v (200 ms / 200 typists apart)", i, phase, want)
		}
		seen[phase] = true
		// Every later key keeps the typist's phase: absolute times, no drift.
		if got := keyTime(t0, keyPeriod, i, n, 37, false).Sub(at); got != 37*keyPeriod {
			t.Fatalf("typist %d: key 37 is %v after key 0, want %v", i, got, 37*keyPeriod)
		}
	}
	if len(seen) != n {
		t.Fatalf("%d distinct phases for %d typists", len(seen), n)
	}
}

func TestKeyTimeInStepIsOneInstant(t *testing.T) {
	for k := range 5 {
		want := t0.Add(time.Duration(k) * keyPeriod)
		for i := range 200 {
			if got := keyTime(t0, keyPeriod, i, 200, k, true); !got.Equal(want) {
				t.Fatalf("typist %d key %d at %v, want %v", i, k, got, want)
			}
		}
	}
}

func TestSpreadOfScheduledKeys(t *testing.T) {
	out := spreadOf(scheduled(200, 10, false), t0, keyPeriod, phaseSlot)
	if out.keys != 2000 || out.slots != 40 || out.slotsUsed != 40 {
		t.Fatalf("out of step: %d keys in %d of %d slots, want 2000 in 40 of 40", out.keys, out.slotsUsed, out.slots)
	}
	if out.fullest != 1.0/40 {
		t.Fatalf("out of step: fullest slot %.4f, want the even 1/40", out.fullest)
	}
	if want := 199 * time.Millisecond; out.tickP50 != want {
		t.Fatalf("out of step: a tick spans %v, want %v", out.tickP50, want)
	}
	if out.lateP99 != 0 {
		t.Fatalf("written when due, yet late p99 %v", out.lateP99)
	}

	in := spreadOf(scheduled(200, 10, true), t0, keyPeriod, phaseSlot)
	if in.slotsUsed != 1 || in.fullest != 1 || in.tickP99 != 0 {
		t.Fatalf("in step: %d slots used, fullest %.2f, tick width p99 %v; want 1, 1, 0", in.slotsUsed, in.fullest, in.tickP99)
	}
}

func TestVerdictSaysWhatHappened(t *testing.T) {
	cases := []struct {
		name   string
		sends  []send
		inStep bool
		want   string
		ok     bool
	}{
		{"spread, asked out", scheduled(200, 10, false), false, "really out of step", true},
		{"all at once, asked out", scheduled(200, 10, true), false, "NOT out of step", false},
		{"all at once, asked in", scheduled(200, 10, true), true, "really in step", true},
		{"spread, asked in", scheduled(200, 10, false), true, "NOT in step", false},
		{"bunched by a stall, asked out", stalled(scheduled(200, 10, false)), false, "NOT out of step", false},
		{"one tick's keys over 40 ms, asked in", smeared(scheduled(200, 10, true), 40*time.Millisecond), true, "NOT in step", false},
		{"one tick's keys over 10 ms, asked in", smeared(scheduled(200, 10, true), 10*time.Millisecond), true, "really in step", true},
		{"nothing sent", nil, false, "no key sent", false},
	}
	for _, c := range cases {
		got, ok := spreadOf(c.sends, t0, keyPeriod, phaseSlot).verdict(c.inStep, phaseSlot)
		if ok != c.ok || !strings.HasPrefix(got, c.want) {
			t.Errorf("%s: %v %q, want %v %q…", c.name, ok, got, c.ok, c.want)
		}
	}
}

// stalled: the machine stalls in the first half of each period and the
// keys due then all go at its middle (what a ticker behind a slow echo does).
func stalled(ss []send) []send {
	for i, s := range ss {
		if s.due.Sub(t0)%keyPeriod < keyPeriod/2 {
			ss[i].wrote = t0.Add(time.Duration(s.tick)*keyPeriod + keyPeriod/2)
		}
	}
	return ss
}

// smeared writes each tick's keys evenly over width after the instant.
func smeared(ss []send, width time.Duration) []send {
	n := map[int]int{}
	for _, s := range ss {
		n[s.tick]++
	}
	seen := map[int]int{}
	for i, s := range ss {
		ss[i].wrote = s.due.Add(width * time.Duration(seen[s.tick]) / time.Duration(n[s.tick]))
		seen[s.tick]++
	}
	return ss
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 100; i >= 1; i-- { // unsorted on purpose
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	for _, c := range []struct {
		p    float64
		want time.Duration
	}{{0, time.Millisecond}, {0.5, 50 * time.Millisecond}, {0.99, 99 * time.Millisecond}, {1, 100 * time.Millisecond}} {
		if got := percentile(d, c.p); got != c.want {
			t.Errorf("p%.0f of 1..100 ms: %v, want %v", 100*c.p, got, c.want)
		}
	}
	if d[0] != 100*time.Millisecond {
		t.Error("percentile sorted its argument in place")
	}
	if percentile(nil, 0.99) != 0 {
		t.Error("percentile of nothing is not 0")
	}
}

func TestMostWithinAndBucketP99(t *testing.T) {
	var ts []time.Time
	// 10 keys 1 ms apart, then 30 keys 10 ms apart.
	for i := range 10 {
		ts = append(ts, t0.Add(time.Duration(i)*time.Millisecond))
	}
	for i := range 30 {
		ts = append(ts, t0.Add(100*time.Millisecond+time.Duration(i)*10*time.Millisecond))
	}
	if got := mostWithin(ts, 5*time.Millisecond); got != 5 {
		t.Errorf("mostWithin 5 ms: %d, want 5", got)
	}
	if got := mostWithin(ts, 10*time.Millisecond); got != 10 {
		t.Errorf("mostWithin 10 ms: %d, want 10", got)
	}
	if got := bucketP99(ts, 5*time.Millisecond); got != 5 {
		t.Errorf("bucketP99 5 ms: %d, want 5 (the two slots of the first keys)", got)
	}
	if mostWithin(nil, time.Millisecond) != 0 || bucketP99(nil, time.Millisecond) != 0 {
		t.Error("no times, yet a count")
	}
}

func TestRatioAndSpan(t *testing.T) {
	if got := ratio(30, 20); got != "1.50×" {
		t.Errorf("ratio 30/20: %q", got)
	}
	if got := ratio(30, 0); got != "—" {
		t.Errorf("ratio to no reference: %q", got)
	}
	if got := span([]float64{3, 1, 2}, msUnit.format); got != "1.0 ms – 3.0 ms" {
		t.Errorf("span: %q", got)
	}
	if got := span([]float64{2, 2.01}, msUnit.format); got != "2.0 ms" {
		t.Errorf("span of equal figures: %q", got)
	}
}

func TestParseStat(t *testing.T) {
	// A command name may hold spaces and parentheses; the fields count from
	// the last ')'. utime 150, stime 50, cutime 300, cstime 100 ticks.
	line := "4242 (sshd: root (x) [priv]) S 17 4242 4242 0 -1 4194560 800 0 0 0 150 50 300 100 20 0 1 0 1234 9000000 500 18446744073709551615"
	st, ok := parseStat(line)
	if !ok {
		t.Fatal("not parsed")
	}
	if st.comm != "sshd: root (x) [priv]" || st.ppid != 17 || st.cpu != 6*time.Second {
		t.Errorf("got %+v, want comm %q, ppid 17, cpu 6s", st, "sshd: root (x) [priv]")
	}
	if _, ok := parseStat("4242 (cut short) S 1"); ok {
		t.Error("a cut line was parsed")
	}
}

func TestSubtree(t *testing.T) {
	all := map[int]procStat{
		1:  {comm: "init", ppid: 0},
		10: {comm: "sshd", ppid: 1},
		11: {comm: "sshd", ppid: 10},
		12: {comm: "sshd", ppid: 11},
		13: {comm: "cat", ppid: 12},
		20: {comm: "entkiosk", ppid: 1},
		30: {comm: "loop", ppid: 31}, // a cycle (pid reuse while reading /proc)
		31: {comm: "loop", ppid: 30},
	}
	got := subtree(all, 10)
	if len(got) != 4 {
		t.Fatalf("subtree of 10: %v, want 10, 11, 12, 13", got)
	}
	for _, pid := range []int{10, 11, 12, 13} {
		if _, ok := got[pid]; !ok {
			t.Errorf("subtree of 10 lacks %d", pid)
		}
	}
}

func TestEnoughFiles(t *testing.T) {
	if err := enoughFiles(10); err != nil {
		t.Fatalf("10 sessions: %v", err)
	}
	err := enoughFiles(1 << 40)
	if err == nil || !strings.Contains(err.Error(), "ulimit -n") {
		t.Fatalf("2^40 sessions: %v, want a word on ulimit -n", err)
	}
}

func TestFmtCommands(t *testing.T) {
	if got := fmtCommands(map[string]int{"sshd": 400, "cat": 200}); got != "cat ×200, sshd ×400" {
		t.Errorf("got %q", got)
	}
}
