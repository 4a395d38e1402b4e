package tui

import (
	"reflect"
	"runtime/debug"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/screens"
)

// Bubble Tea turns a panic inside a command into the end of the program.
// Every command the root hands to the runtime goes through guard, so that
// a panic in a screen's command comes back as a message and wipes home
// instead. Batches and sequences are guarded down to each command.

// cmdPanicMsg reports a command that panicked.
type cmdPanicMsg struct {
	value any
	stack []byte
}

func guard(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = cmdPanicMsg{value: r, stack: debug.Stack()}
			}
		}()
		return guardMsg(cmd())
	}
}

// guardMsg guards the commands inside a batch or a sequence.
func guardMsg(msg tea.Msg) tea.Msg {
	if batch, ok := msg.(tea.BatchMsg); ok {
		out := make(tea.BatchMsg, len(batch))
		for i, c := range batch {
			out[i] = guard(c)
		}
		return out
	}
	// tea.Sequence's message type is unexported: rebuild it by reflection.
	v := reflect.ValueOf(msg)
	if v.Kind() == reflect.Slice && v.Type().Name() == "sequenceMsg" &&
		v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c, _ := v.Index(i).Interface().(tea.Cmd)
			out.Index(i).Set(reflect.ValueOf(guard(c)))
		}
		return out.Interface()
	}
	return msg
}

// brokenScreen stands in when even home cannot be built: the kiosk stays
// up, says so, and the global keys still work.
type brokenScreen struct{ c *screens.Common }

func (b *brokenScreen) Init() tea.Cmd                            { return nil }
func (b *brokenScreen) Update(tea.Msg) (screens.Screen, tea.Cmd) { return b, nil }
func (b *brokenScreen) View() string                             { return b.c.T("error.internal") }
func (b *brokenScreen) Keys() []key.Binding                      { return nil }
func (b *brokenScreen) HelpTopic() string                        { return "home" }
