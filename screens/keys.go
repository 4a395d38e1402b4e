package screens

import (
	"sync"

	"github.com/charmbracelet/bubbles/key"
)

// Key names used across screens. Function keys are used for global actions
// so that they never collide with typing in a field.
const (
	KeyHelp    = "f1"
	KeyLang    = "f2"
	KeyMailbox = "f4"
	// KeyAccessible leaves the screens for the accessible mode (a screen
	// reader, a braille display): named first on every help line.
	KeyAccessible = "f3"
)

// bind makes a binding with its help text from the catalogue. Bindings
// are made once per language and kept (made again at each key, they were a
// twentieth of its CPU): a Binding is a value, its keys never changed in place.
func (c *Common) bind(keys []string, label, helpKey string) key.Binding {
	k := bindKey{lang: c.Lang, label: label, help: helpKey, n: len(keys)}
	if len(keys) > len(k.keys) {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, c.T(helpKey)))
	}
	copy(k.keys[:], keys)
	if b, ok := bindings.Load(k); ok {
		return *b.(*key.Binding)
	}
	b := key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, c.T(helpKey)))
	bindings.Store(k, &b)
	return b
}

// bindings are the bindings made, by what made them (a few hundred).
var bindings sync.Map // bindKey → *key.Binding

type bindKey struct {
	lang        Lang
	label, help string
	keys        [4]string
	n           int
}

// toggleKey is Space (and Enter) on a box: "cocher", or "décocher" once
// ticked, so that the help line says what the key will do.
func (c *Common) toggleKey(t *Toggle, label string) key.Binding {
	desc := "key.toggle"
	if t.On {
		desc = "key.untoggle"
	}
	return c.bind([]string{" ", "enter"}, label, desc)
}

// Global bindings, handled by the shell before a screen sees the key.
func (c *Common) AccessibleKey() key.Binding {
	return c.bind([]string{KeyAccessible}, "F3", "key.accessible")
}
func (c *Common) HelpKey() key.Binding { return c.bind([]string{KeyHelp}, "F1", "key.help") }
func (c *Common) LangKey() key.Binding { return c.bind([]string{KeyLang}, "F2", "key.lang") }
func (c *Common) MailboxKey() key.Binding {
	return c.bind([]string{KeyMailbox}, "F4", "key.mailbox")
}
func (c *Common) BackKey() key.Binding {
	return c.bind([]string{"esc"}, c.T("keyname.esc"), "key.back")
}

// HomeKeys return to home (kiosk) or end the session (personal, at home).
func (c *Common) HomeKeys() key.Binding {
	return c.bind([]string{"ctrl+c", "ctrl+d", "ctrl+z", `ctrl+\`}, "Ctrl+C", "key.home")
}

// QuitKey leaves a personal session (or a kiosk started with --allow-quit)
// from home; q works too when the focus is not in a field.
func (c *Common) QuitKey() key.Binding { return c.bind([]string{"ctrl+c", "q"}, "Ctrl+C", "key.quit") }

// Screen-level bindings, for the help line.
func (c *Common) NextKey() key.Binding { return c.bind([]string{"tab", "down"}, "Tab", "key.next") }
func (c *Common) SubmitKey(helpKey string) key.Binding {
	return c.bind([]string{"enter"}, c.T("keyname.enter"), helpKey)
}
func (c *Common) ScrollKey() key.Binding {
	return c.bind([]string{"up", "down", "pgup", "pgdown"}, "↑/↓", "key.scroll")
}
