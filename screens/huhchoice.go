package screens

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// ListChoice is one choice among a few options, drawn and moved by huh: an
// embedded huh.Form holding one huh.Select, themed from the session
// (NewHuhTheme). Its owner builds it fresh each time it is entered, gives
// it its messages (Update), draws it (View) and closes it when Update
// reports a choice, or on esc, which is the owner's.
//
// Text entry stays with the kit's Form (README, Architecture); a list is
// where huh is safe, within these bounds:
//
//   - huh completes a field asynchronously: on Enter the Select answers
//     NextField, the group blurs it and answers nextGroup, and only then is
//     the form complete, two trips through the event loop later. A key
//     typed meanwhile (↓ right after Enter) still reaches the Select and
//     changes the value the form completes with. So Enter is not given to
//     huh: the choice reads the option under the cursor when Enter is
//     pressed and reports it at once, in order with the keys around it.
//   - Only the list's own keys reach huh (↑/↓, Home/End): "/" would open
//     huh's filter, a text input whose cursor blinks; ctrl+c would abort the
//     form; Tab would complete it. Every other key is left to the owner.
//   - No timer: a Select with fixed options ticks nothing (its spinner
//     turns only while an OptionsFunc loads), Focus and Blur return no
//     command, and nothing of it blinks. The form's Init commands are not
//     run (see build).
type ListChoice struct {
	c     *Common
	title string // catalogue key
	opts  []ListOption
	lang  Lang // the language the form's texts are in
	width int
	value string // the option under the cursor: huh writes it
	form  *huh.Form
	sel   *huh.Select[string]

	up, down, top, bottom, enter key.Binding
}

// ListOption is one option of a ListChoice: its value and the catalogue
// key of its label.
type ListOption struct{ Value, Label string }

// NewListChoice builds the choice with the cursor on current (the first
// option if current is none of them), width columns wide.
func NewListChoice(c *Common, title string, opts []ListOption, current string, width int) *ListChoice {
	l := &ListChoice{c: c, title: title, opts: opts, value: current, width: width,
		up:     key.NewBinding(key.WithKeys("up")),
		down:   key.NewBinding(key.WithKeys("down")),
		top:    key.NewBinding(key.WithKeys("home")),
		bottom: key.NewBinding(key.WithKeys("end")),
		enter:  key.NewBinding(key.WithKeys("enter")),
	}
	l.build()
	return l
}

// build makes the huh form in the session's language, the cursor on
// l.value.
func (l *ListChoice) build() {
	c := l.c
	options := make([]huh.Option[string], len(l.opts))
	for i, o := range l.opts {
		options[i] = huh.NewOption(c.T(o.Label), o.Value)
	}
	theme := NewHuhTheme(c.Styles)
	l.sel = huh.NewSelect[string]().Title(c.T(l.title)).Options(options...).Value(&l.value)
	// Themed and sized before it is grouped: the group draws the field
	// once to measure it, and a field without a theme draws with
	// ThemeCharm, on the global renderer.
	l.sel.WithTheme(theme)
	l.sel.WithWidth(l.width)
	l.form = huh.NewForm(huh.NewGroup(l.sel)).WithTheme(theme).WithKeyMap(listKeyMap()).
		WithShowHelp(false).WithShowErrors(false).WithWidth(l.width)
	// Init focuses the Select and draws the group. Its commands are
	// dropped: they re-evaluate TitleFunc/OptionsFunc bindings (none here)
	// and ask the terminal for its size (the session knows it), and each
	// would be one more message through the owner for nothing.
	l.form.Init()
	l.lang = c.Lang
}

// listKeyMap is huh's key map narrowed to what a ListChoice gives huh:
// moving in the list. Update already filters the keys; this keeps huh from
// acting on the others should one get through.
func listKeyMap() *huh.KeyMap {
	k := huh.NewDefaultKeyMap()
	off := key.NewBinding(key.WithDisabled())
	k.Quit = off
	s := &k.Select
	s.Up = key.NewBinding(key.WithKeys("up"))
	s.Down = key.NewBinding(key.WithKeys("down"))
	s.GotoTop = key.NewBinding(key.WithKeys("home"))
	s.GotoBottom = key.NewBinding(key.WithKeys("end"))
	s.Next, s.Prev, s.Submit, s.Left, s.Right, s.HalfPageUp, s.HalfPageDown = off, off, off, off, off, off, off
	s.Filter, s.SetFilter, s.ClearFilter = off, off, off
	return k
}

// current keeps the form in the session's language (F2 switches it while
// the list is open) and at the owner's width.
func (l *ListChoice) current() {
	if l.lang != l.c.Lang {
		l.value = l.Hovered()
		l.build()
	}
}

// SetWidth lays the list out in width columns.
func (l *ListChoice) SetWidth(width int) {
	if width == l.width || width <= 0 {
		return
	}
	l.width = width
	l.value = l.Hovered()
	l.build()
}

// Hovered is the value of the option under the cursor.
func (l *ListChoice) Hovered() string {
	// Read from the Select, not from the bound value: huh moves the cursor
	// to the last option on End without writing the value.
	if v, ok := l.sel.Hovered(); ok {
		return v
	}
	return l.value
}

// Update gives the choice a message. busy: the owner waits for the store,
// and keys are dropped (typed ahead, they must not move the list). On
// Enter it reports the option under the cursor (chosen true); the owner
// closes it. Keys that are not the list's are ignored: the owner's.
func (l *ListChoice) Update(msg tea.Msg, busy bool) (value string, chosen bool, cmd tea.Cmd) {
	l.current()
	k, isKey := msg.(tea.KeyMsg)
	switch {
	case !isKey:
		// Anything else (a window size...) is huh's to see.
	case busy:
		return "", false, nil
	case key.Matches(k, l.enter):
		return l.Hovered(), true, nil
	case key.Matches(k, l.up, l.down, l.top, l.bottom):
	default:
		return "", false, nil
	}
	_, cmd = l.form.Update(msg)
	return "", false, cmd
}

// View draws the list: its title, then one line an option.
func (l *ListChoice) View() string {
	l.current()
	return strings.TrimRight(l.form.View(), "\n")
}

// Keys are the list's bindings, for the help line (esc is the owner's).
func (l *ListChoice) Keys() []key.Binding {
	c := l.c
	return []key.Binding{c.bind([]string{"up", "down", "home", "end"}, "↑/↓", "key.choose"),
		c.SubmitKey("key.submit")}
}
