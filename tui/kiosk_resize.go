//go:build unix

package tui

import (
	"os"
	"os/signal"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/term"
)

// watchResize tells p the terminal's new size at each resize, from before
// the program runs: the kiosk draws home before Bubble Tea watches the
// window itself (it starts to just after the first frame), and a resize
// in between would be lost. stop ends the watch.
func watchResize(p *tea.Program, out *os.File) (stop func()) {
	winch := make(chan os.Signal, 1)
	signal.Notify(winch, syscall.SIGWINCH)
	go func() {
		for range winch {
			if w, h, err := term.GetSize(out.Fd()); err == nil {
				p.Send(tea.WindowSizeMsg{Width: w, Height: h})
			}
		}
	}()
	return func() {
		signal.Stop(winch)
		close(winch)
	}
}
