package main

import "testing"

// --memory-limit follows --max-sessions unless set: 10,000 sessions get
// room for their working set, a small server stays small.
func TestMemoryLimitFollowsMaxSessions(t *testing.T) {
	for _, c := range []struct {
		v           string
		maxSessions int
		want        int64
	}{
		{"auto", 1000, 64<<20 + 2*24<<20 + 1000*256<<10},
		{"auto", 10000, 64<<20 + 2*24<<20 + 10000*256<<10},
		{"256MiB", 10000, 256 << 20},
		{"0", 10000, 0},
	} {
		got, err := memoryLimit(c.v, c.maxSessions)
		if c.v == "auto" {
			got = autoMemoryLimit(c.maxSessions, 2)
		}
		if err != nil || got != c.want {
			t.Errorf("--memory-limit %s with --max-sessions %d: %d MiB (%v), want %d MiB", c.v, c.maxSessions, got>>20, err, c.want>>20)
		}
	}
	if small, big := autoMemoryLimit(100, 2), autoMemoryLimit(10000, 2); big < 2<<30 || small > 200<<20 {
		t.Errorf("auto: %d MiB for 100 sessions, %d MiB for 10,000", small>>20, big>>20)
	}
	if _, err := memoryLimit("beaucoup", 10); err == nil {
		t.Error("a size that is not one must be refused")
	}
}
