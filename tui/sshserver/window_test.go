package sshserver

import (
	"sync"
	"testing"
	"time"
)

// The window's sizes reach the program, the last one at least, whether
// they came before it followed or while it was busy; none after it stops.
func TestWindowBoxHandsTheLatestSize(t *testing.T) {
	t.Parallel()
	b := newWindowBox()
	b.set(100, 30) // before the program follows: kept
	b.set(120, 40)
	got := make(chan [2]int, 100)
	release := make(chan struct{})
	var once sync.Once
	b.follow(func(w, h int) {
		once.Do(func() { <-release }) // the program busy with the first size
		got <- [2]int{w, h}
	})
	for i := range 50 {
		b.set(60+i, 20) // while it is busy: coalesced
	}
	close(release)
	var seen [][2]int
	for len(seen) == 0 || seen[len(seen)-1] != [2]int{109, 20} {
		select {
		case g := <-got:
			seen = append(seen, g)
		case <-time.After(5 * time.Second):
			t.Fatalf("the last size never came: %v", seen)
		}
	}
	if len(seen) > 2 {
		t.Fatalf("sizes set while the program was busy were not coalesced: %v", seen)
	}
	b.follow(nil)
	b.set(80, 24)
	select {
	case g := <-got:
		t.Fatalf("a size after the program stopped following: %v", g)
	case <-time.After(100 * time.Millisecond):
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.sending {
		t.Fatal("a goroutine still hands sizes over")
	}
}
