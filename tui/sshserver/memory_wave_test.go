package sshserver

import "testing"

// A wave of new sessions is over after five quiet ticks, exactly, and
// memory goes back once for it; a small wave is not worth a collection.
func TestWaveEndsAfterFiveQuietTicks(t *testing.T) {
	var w waveWatch
	n := int64(0)
	for range 10 { // 300 sessions over 10 s
		n += 30
		if w.ended(n) {
			t.Fatal("ended while sessions still open")
		}
	}
	for i := 1; i <= 4; i++ {
		if w.ended(n) {
			t.Fatalf("ended after %d quiet ticks", i)
		}
	}
	if !w.ended(n) {
		t.Fatal("not ended after 5 quiet ticks")
	}
	for range 20 {
		if w.ended(n) {
			t.Fatal("the same wave ended twice")
		}
	}
	n += waveMinOpened - 1 // a small wave: no hand-back
	for range 20 {
		if w.ended(n) {
			t.Fatal("a wave of 199 handed memory back")
		}
	}
	n++ // with it, 200 since the last hand-back
	if w.ended(n) {
		t.Fatal("ended on the tick a session opened")
	}
	for i := 1; i <= 5; i++ {
		if got := w.ended(n); got != (i == 5) {
			t.Fatalf("quiet tick %d: ended %v", i, got)
		}
	}
}
