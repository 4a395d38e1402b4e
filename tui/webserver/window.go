package webserver

import (
	"sync"
	"time"
)

// windowBox hands the page's window sizes to the session: only the latest
// counts, and at most one every resizeInterval. A page that sends
// thousands of resizes costs a repaint every resizeInterval, not one per
// message; its keys are read meanwhile. No goroutine waits while nothing
// changes.
type windowBox struct {
	send func(width, height int)

	mu     sync.Mutex
	w, h   int
	busy   bool // a delivery is under way
	sentW  int
	sentH  int
	sentAt time.Time
}

// resizeInterval: a person resizing a window needs no more than this.
const resizeInterval = 50 * time.Millisecond

func newWindowBox(w, h int, send func(width, height int)) *windowBox {
	return &windowBox{send: send, w: w, h: h, sentW: w, sentH: h}
}

func (b *windowBox) set(w, h int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.w, b.h = w, h
	if !b.busy {
		b.busy = true
		go b.deliver()
	}
}

func (b *windowBox) deliver() {
	for {
		b.mu.Lock()
		w, h := b.w, b.h
		if w == b.sentW && h == b.sentH {
			b.busy = false
			b.mu.Unlock()
			return
		}
		wait := resizeInterval - time.Since(b.sentAt)
		b.mu.Unlock()
		if wait > 0 {
			time.Sleep(wait)
			continue // a newer size may have come meanwhile
		}
		b.send(w, h)
		b.mu.Lock()
		b.sentW, b.sentH, b.sentAt = w, h, time.Now()
		b.mu.Unlock()
	}
}
