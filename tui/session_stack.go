package tui

// onOwnStack runs f on a goroutine of its own and waits for it.
//
// A session's program lives in a few goroutines that wait most of their
// life; drawing a frame goes deep (lipgloss, wrapping), and a goroutine's
// stack grown for it stays grown while it waits: the runtime halves it at
// a collection only while a quarter is in use, and an idle server seldom
// collects. Drawn on a goroutine that ends, the deep stack goes back to
// the runtime at once, and the session's own stays small (2,000 idle SSH
// sessions: 80 MiB of stacks instead of 103).
//
// A panic in f is raised again in the caller's goroutine, where Bubble
// Tea recovers it for this session alone: raised on the goroutine of its
// own, it would end the whole server, every session with it.
func onOwnStack(f func()) {
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		f()
	}()
	if p := <-done; p != nil {
		panic(p)
	}
}
