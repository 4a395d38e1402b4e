//go:build !unix

package tui

import (
	"os"

	tea "github.com/charmbracelet/bubbletea"
)

// watchResize: no SIGWINCH here; Bubble Tea's own watch is all there is.
func watchResize(*tea.Program, *os.File) (stop func()) { return func() {} }
