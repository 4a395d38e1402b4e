package tui

import (
	"context"
	"errors"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// RunKiosk runs the interface on this process's terminal until an operator
// stops it (a signal, or q / ctrl+c at home when quitting is allowed).
func RunKiosk(ctx context.Context, o Options) error {
	o.Renderer = lipgloss.NewRenderer(os.Stdout)
	o.ClearScrollback = func() { os.Stdout.WriteString("\x1b[3J") }
	p := tea.NewProgram(New(o), tea.WithAltScreen(), tea.WithContext(ctx))
	_, err := p.Run()
	if errors.Is(err, tea.ErrProgramKilled) || errors.Is(err, tea.ErrInterrupted) {
		return nil // the operator stopped it
	}
	return err
}
