package tui

import "testing"

// A panic while a session draws must reach the caller (Bubble Tea
// recovers it for that session): on the helper goroutine it would end
// the process, every other session with it.
func TestOnOwnStackRaisesPanicsInTheCaller(t *testing.T) {
	t.Parallel()
	defer func() {
		if r := recover(); r != "drawn wrong" {
			t.Fatalf("recovered %v, want the panic of f", r)
		}
	}()
	onOwnStack(func() { panic("drawn wrong") })
	t.Fatal("onOwnStack returned after f panicked")
}

func TestOnOwnStackRunsFBeforeReturning(t *testing.T) {
	t.Parallel()
	ran := false
	onOwnStack(func() { ran = true })
	if !ran {
		t.Fatal("onOwnStack returned before f ran")
	}
}
