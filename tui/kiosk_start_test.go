package tui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// newTestKioskStart is a kiosk's start on a file standing for the
// terminal, with prepare as its start-up work.
func newTestKioskStart(t *testing.T, ctx context.Context, prepare func(context.Context) error) (*kioskStart, *firstFrame) {
	t.Helper()
	f, err := os.Create(filepath.Join(t.TempDir(), "terminal"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	screen := newFirstFrame(f)
	return newKioskStart(ctx, New(Options{Kiosk: true, Demo: true}), prepare, screen), screen
}

// Home is drawn before the start-up work begins, and a command asked for
// meanwhile (a login typed at once) runs only once that work is done.
func TestKioskStartCommandsWaitForTheStartUpWork(t *testing.T) {
	release := make(chan struct{})
	var began, prepared atomic.Bool
	k, screen := newTestKioskStart(t, context.Background(), func(context.Context) error {
		began.Store(true)
		<-release
		prepared.Store(true)
		return nil
	})
	sawPrepared := make(chan bool, 1)
	login := k.gate(func() tea.Msg { sawPrepared <- prepared.Load(); return nil })
	go login()
	done := make(chan tea.Msg, 1)
	go func() { done <- k.start() }()

	screen.WriteString("\x1b[?1049h") // the program's set-up, before any frame
	select {
	case <-screen.drawn:
		t.Fatal("a write before the first View counted as the first frame")
	default:
	}
	k.View()
	screen.Write([]byte("the first frame"))
	<-screen.drawn
	close(release)
	if !<-sawPrepared {
		t.Fatal("a command ran before the start-up work was done")
	}
	if !began.Load() {
		t.Fatal("the start-up work never began")
	}
	msg := <-done
	if p, ok := msg.(preparedMsg); !ok || p.err != nil {
		t.Fatalf("start: %#v", msg)
	}
	if _, cmd := k.Update(msg); cmd != nil {
		t.Fatalf("the work done, a command: %v", cmd())
	}
	ran := false
	cmd := k.gate(func() tea.Msg { ran = true; return nil })
	cmd()
	if !ran || k.pending {
		t.Fatal("once the work is done, commands are no longer held")
	}
}

// The start-up work failing ends the program with its error (the kiosk
// prints it as before, once the screen is left); an operator's stop while
// it runs is not a failure.
func TestKioskStartFailureEndsTheProgram(t *testing.T) {
	broken := errors.New("données de démonstration : refusées")
	k, screen := newTestKioskStart(t, context.Background(), func(context.Context) error { return broken })
	k.View()
	screen.Write([]byte("the first frame"))
	msg := k.start()
	_, cmd := k.Update(msg)
	if cmd == nil {
		t.Fatal("the program goes on after the start-up work failed")
	}
	if _, quit := cmd().(tea.QuitMsg); !quit || !errors.Is(k.err, broken) {
		t.Fatalf("cmd %v, err %v", cmd(), k.err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	k, _ = newTestKioskStart(t, ctx, func(ctx context.Context) error { return ctx.Err() })
	cancel()
	if p := k.start().(preparedMsg); p.err != nil {
		t.Fatalf("stopped while preparing: %v", p.err)
	}
}
