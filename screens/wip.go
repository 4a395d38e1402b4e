package screens

// Temporary screens while the real ones are written (this file goes away).

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

type wip struct {
	c    *Common
	name string
}

func (w *wip) Init() tea.Cmd       { return nil }
func (w *wip) View() string        { return w.name }
func (w *wip) Keys() []key.Binding { return nil }
func (w *wip) HelpTopic() string   { return "home" }
func (w *wip) Update(msg tea.Msg) (Screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "esc" {
		return w, Back
	}
	return w, nil
}
