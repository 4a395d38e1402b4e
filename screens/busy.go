package screens

import (
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// Busy is a screen's "the store is working" state, the same on every
// screen: while it is on, the spinner turns and the screen drops the keys
// typed ahead (they must never land in a field) and shows no key in the
// help line.
//
//	return b.Start(work)           // work is the tea.Cmd that asks the store
//	case myResultMsg: b.Stop()     // its answer arrived
//	case spinner.TickMsg: return b.Tick(msg)
//	case tea.KeyMsg: if b.On() { return nil }
type Busy struct {
	c    *Common
	on   bool
	spin spinner.Model
}

func newBusy(c *Common) Busy { return Busy{c: c, spin: newSpinner(c)} }

// Start turns the spinner on and runs work beside it.
func (b *Busy) Start(work tea.Cmd) tea.Cmd {
	b.on = true
	return tea.Batch(b.spin.Tick, work)
}

// Stop is the answer's arrival: the spinner stops at its next tick.
func (b *Busy) Stop() { b.on = false }

// On says the store is working.
func (b *Busy) On() bool { return b.on }

// Tick turns the spinner one step while on; nil when off (it stops).
func (b *Busy) Tick(msg spinner.TickMsg) tea.Cmd {
	if !b.on {
		return nil
	}
	var cmd tea.Cmd
	b.spin, cmd = b.spin.Update(msg)
	return cmd
}

// View is the spinner and "Veuillez patienter…".
func (b *Busy) View() string { return b.ViewText("app.busy") }

// ViewText is the spinner and the catalogue entry key.
func (b *Busy) ViewText(key string) string {
	return b.spin.View() + " " + b.c.Styles.Muted.Render(b.c.T(key))
}

// newSpinner is the kit's spinner: it only ticks while something runs.
func newSpinner(c *Common) spinner.Model {
	s := spinner.New(spinner.WithSpinner(spinner.Dot))
	s.Style = c.Styles.LinkOn
	return s
}
