package screens

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Form is the kit's form: inputs, toggles and actions, with focus that moves
// synchronously. (huh moves focus through a command, so keys typed ahead
// with the Enter land in the previous field: a password would show in the
// identifiant field. Here Enter and the next key are handled in order.)
// It also splits a paste at its line breaks, field by field, never reads
// the host's clipboard (ctrl+v is not bound), and never blinks.
type Form struct {
	c     *Common
	items []formItem
	focus int
}

type formItem interface {
	view(c *Common, focused bool) string
	focusable() bool
}

// Input is a one-line text field.
type Input struct {
	Label       string // catalogue key
	Hint        string // catalogue key, shown under the field (optional)
	Placeholder string // catalogue key (optional)
	Secret      bool
	Error       string // a translated sentence, shown under the field
	model       textinput.Model
	// selected: the value was filled in for the person (the identifiant
	// typed on the previous page) and shows selected; the first typed or
	// pasted text replaces it rather than being appended to it.
	selected bool
}

// InputSpec describes an input.
type InputSpec struct {
	Label       string // catalogue key
	Hint        string // catalogue key
	Placeholder string // catalogue key
	Secret      bool
	Limit       int // characters; every field has a limit (0: DefaultLimit)
	Value       string
	// Selected: Value is prefilled and shows selected; the first printable
	// key or paste replaces it, any other key (arrows, Backspace, End)
	// keeps it and edits it as usual. Every prefilled field sets it.
	Selected bool
	Width    int // display width, default 40
}

// Action is a button or a menu entry.
type Action struct {
	ID    string
	Label string // catalogue key
	Link  bool   // shown as a menu entry rather than a button
	Desc  string // catalogue key: what the entry is for, after it (optional)
}

// DefaultLimit is the length of a field that did not say: no field takes
// an unbounded paste.
const DefaultLimit = 254

// Toggle is a yes/no choice ([x]). Space and x switch it; Enter ticks it,
// and unticks it unless EnterSubmits.
type Toggle struct {
	ID    string
	Label string // catalogue key
	On    bool
	// EnterSubmits: Enter on the ticked box is the form's main action
	// (FormEvent.Submit), as the help line's "Entrée valider" says; Space
	// still unticks it. For a box that must be ticked to go on (the charter).
	EnterSubmits bool
}

// Choice is one of several options (◉ ○), changed with ←/→ or space.
type Choice struct {
	ID       string
	Label    string   // catalogue key
	Options  []string // catalogue keys
	Selected int
}

// FormEvent says what a key did to the form.
type FormEvent struct {
	Submit  bool   // Enter on the last input: the form's main action
	Action  string // Enter on an action: its ID
	Changed bool   // a value changed (live checks re-run)
}

// NewForm makes an empty form.
func NewForm(c *Common) *Form { return &Form{c: c} }

// AddInput adds a text field and returns it.
func (f *Form) AddInput(spec InputSpec) *Input {
	m := textinput.New()
	m.Prompt = ""
	m.CharLimit = spec.Limit
	if m.CharLimit <= 0 {
		m.CharLimit = DefaultLimit
	}
	m.Width = spec.Width
	if m.Width == 0 {
		m.Width = 40
	}
	m.Cursor.SetMode(cursor.CursorStatic) // a blinking cursor costs CPU on every idle session
	m.KeyMap.Paste = key.NewBinding(key.WithDisabled())
	m.KeyMap.AcceptSuggestion = key.NewBinding(key.WithDisabled())
	m.KeyMap.NextSuggestion = key.NewBinding(key.WithDisabled())
	m.KeyMap.PrevSuggestion = key.NewBinding(key.WithDisabled())
	if spec.Secret {
		m.EchoMode = textinput.EchoPassword
		m.EchoCharacter = '•'
	}
	in := &Input{Label: spec.Label, Hint: spec.Hint, Placeholder: spec.Placeholder, Secret: spec.Secret, model: m}
	in.SetValue(spec.Value)
	in.selected = spec.Selected && in.Value() != ""
	f.items = append(f.items, in)
	if len(f.items) == 1 {
		f.FocusItem(in)
	}
	return in
}

// AddAction adds a button (or a menu entry if link).
func (f *Form) AddAction(id, label string, link bool) *Action {
	a := &Action{ID: id, Label: label, Link: link}
	f.items = append(f.items, a)
	return a
}

// AddLink adds a menu entry with what it is for (desc, a catalogue key, may be empty).
func (f *Form) AddLink(id, label, desc string) *Action {
	a := f.AddAction(id, label, true)
	a.Desc = desc
	return a
}

// AddToggle adds a yes/no choice.
func (f *Form) AddToggle(id, label string, on bool) *Toggle {
	t := &Toggle{ID: id, Label: label, On: on}
	f.items = append(f.items, t)
	return t
}

// AddChoice adds a choice between options.
func (f *Form) AddChoice(id, label string, options ...string) *Choice {
	ch := &Choice{ID: id, Label: label, Options: options}
	f.items = append(f.items, ch)
	return ch
}

// Value of an input.
func (in *Input) Value() string { return in.model.Value() }

// SetValue replaces an input's value (and clears its error). A visible
// field only ever holds what can be shown as it is (Clean).
func (in *Input) SetValue(v string) {
	in.model.SetValue(in.clean(v))
	in.model.CursorEnd()
	in.Error = ""
	in.selected = false
}

// Prefill sets a value filled in for the person, selected (see
// InputSpec.Selected): typing replaces it.
func (in *Input) Prefill(v string) {
	in.SetValue(v)
	in.selected = in.Value() != ""
}

// Selected says the value shows selected: the next typed text replaces it.
func (in *Input) Selected() bool { return in.selected }

// Clear empties an input; secrets are cleared after every refusal.
func (in *Input) Clear() { in.SetValue("") }

// ClearSecrets empties every secret input (passwords, codes).
func (f *Form) ClearSecrets() {
	for _, it := range f.items {
		if in, ok := it.(*Input); ok && in.Secret {
			in.Clear()
		}
	}
}

// FocusItem moves the focus to an item of this form.
func (f *Form) FocusItem(target any) {
	for i, it := range f.items {
		if any(it) == target {
			f.setFocus(i)
			return
		}
	}
}

// Focused is the focused item.
func (f *Form) Focused() any {
	if f.focus < len(f.items) {
		return f.items[f.focus]
	}
	return nil
}

func (f *Form) setFocus(i int) {
	for j, it := range f.items {
		if in, ok := it.(*Input); ok {
			if j == i {
				in.model.Focus()
			} else {
				in.model.Blur()
			}
		}
	}
	f.focus = i
}

func (f *Form) move(delta int) {
	n := len(f.items)
	for step := 1; step <= n; step++ {
		i := ((f.focus+delta*step)%n + n) % n
		if f.items[i].focusable() {
			f.setFocus(i)
			return
		}
	}
}

// lastInput is the index of the last input: Enter there submits.
func (f *Form) lastInput() int {
	last := -1
	for i, it := range f.items {
		if _, ok := it.(*Input); ok {
			last = i
		}
	}
	return last
}

// nextInput moves to the next input after the focused one, if any.
func (f *Form) nextInput() bool {
	for i := f.focus + 1; i < len(f.items); i++ {
		if _, ok := f.items[i].(*Input); ok {
			f.setFocus(i)
			return true
		}
	}
	return false
}

// Update handles one key. Non-key messages are ignored: nothing here ticks.
func (f *Form) Update(msg tea.Msg) FormEvent {
	k, ok := msg.(tea.KeyMsg)
	if !ok || len(f.items) == 0 {
		return FormEvent{}
	}
	if k.Paste || (k.Type == tea.KeyRunes && containsBreak(k.Runes)) {
		return f.paste(k.Runes)
	}
	switch k.String() {
	case "tab", "down":
		f.move(1)
		return FormEvent{}
	case "shift+tab", "up":
		f.move(-1)
		return FormEvent{}
	case "enter", "ctrl+j":
		// ctrl+j is a line feed: a burst "identifiant\npassword" typed by a
		// terminal without bracketed paste must move on like Enter, never
		// leave the password in the identifiant field.
		return f.enter()
	}
	switch it := f.items[f.focus].(type) {
	case *Input:
		before := it.model.Value()
		if k.Type == tea.KeyRunes && !k.Alt { // alt+b, alt+f... move by word
			it.insert(string(k.Runes)) // replaces a selected value
		} else {
			if it.selected && k.Type == tea.KeySpace {
				it.model.SetValue("") // a space is typed text too
			}
			it.selected = false // arrows, Backspace, End: the value stays, to be edited
			it.model, _ = it.model.Update(k)
		}
		if it.model.Value() != before {
			it.Error = ""
			return FormEvent{Changed: true}
		}
	case *Toggle:
		if k.String() == " " || k.String() == "x" {
			it.On = !it.On
			return FormEvent{Changed: true}
		}
	case *Choice:
		switch k.String() {
		case "right", "l", " ":
			it.Selected = (it.Selected + 1) % len(it.Options)
			return FormEvent{Changed: true}
		case "left", "h":
			it.Selected = (it.Selected + len(it.Options) - 1) % len(it.Options)
			return FormEvent{Changed: true}
		}
	}
	return FormEvent{}
}

func (f *Form) enter() FormEvent {
	switch it := f.items[f.focus].(type) {
	case *Action:
		return FormEvent{Action: it.ID}
	case *Toggle:
		if it.On && it.EnterSubmits {
			return FormEvent{Submit: true}
		}
		it.On = !it.On
		return FormEvent{Changed: true}
	case *Input:
		if f.focus == f.lastInput() {
			return FormEvent{Submit: true}
		}
		f.nextInput()
	default:
		f.move(1)
	}
	return FormEvent{}
}

// clean is what a field keeps of typed or pasted text: a visible field
// holds only text that shows as it is (data.Clean: no escape sequence, no
// control, no bidirectional override), so what is seen is what is sent.
// A secret is kept as typed (it is never shown; the input drops controls).
func (in *Input) clean(s string) string {
	if in.Secret {
		return s
	}
	return Clean(s)
}

// insert types text into the input, never more than its limit; it
// replaces a selected (prefilled) value.
func (in *Input) insert(s string) {
	s = in.clean(s)
	if s == "" {
		return
	}
	if in.selected {
		in.selected = false
		in.model.SetValue("")
	}
	if lim := in.model.CharLimit; lim > 0 && len(s) > lim && utf8.RuneCountInString(s) > lim {
		s = string([]rune(s)[:lim])
	}
	in.model, _ = in.model.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true})
}

func containsBreak(rs []rune) bool {
	for _, r := range rs {
		if r == '\n' || r == '\r' {
			return true
		}
	}
	return false
}

// paste types a paste into the fields: each line break acts as Enter, so
// "identifiant⏎motdepasse⏎" fills both fields and submits. What follows a
// submit is dropped: the screen is busy with it.
func (f *Form) paste(rs []rune) FormEvent {
	s := strings.ReplaceAll(string(rs), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	ev := FormEvent{}
	for i, line := range lines {
		if in, ok := f.items[f.focus].(*Input); ok && line != "" {
			// Never more than the field takes: a 1 MB paste costs nothing.
			in.insert(line)
			in.Error = ""
			ev.Changed = true
		}
		if i < len(lines)-1 {
			e := f.enter()
			if e.Submit || e.Action != "" {
				e.Changed = e.Changed || ev.Changed
				return e
			}
		}
	}
	return ev
}

// View draws the form, one item under the other.
func (f *Form) View() string {
	var parts []string
	for i, it := range f.items {
		parts = append(parts, it.view(f.c, i == f.focus))
	}
	return strings.Join(parts, "\n")
}

// Items are the form's items in order, for screens that lay them out themselves.
func (f *Form) ItemView(item any) string {
	for i, it := range f.items {
		if any(it) == item {
			return it.view(f.c, i == f.focus)
		}
	}
	return ""
}

func (in *Input) focusable() bool { return true }
func (in *Input) view(c *Common, focused bool) string {
	st := c.Styles
	label, box, marker := st.Label, st.Input, "  "
	if focused {
		label, box, marker = st.LabelOn, st.InputOn, "› "
	}
	m := in.model
	if in.Placeholder != "" {
		m.Placeholder = c.T(in.Placeholder) // in the current language
	}
	m.TextStyle = st.Text
	if in.selected && focused {
		m.TextStyle = st.Text.Reverse(true) // selected: typing replaces it
		if lipgloss.Width(m.Value()) < m.Width {
			m.Width = 0 // no padding: only the text shows selected, not the whole field
		}
	}
	m.PlaceholderStyle = st.Muted
	m.Cursor.Style = st.Text.Reverse(true)
	m.Cursor.TextStyle = st.Text
	lines := []string{marker + label.Render(c.T(in.Label)), "  " + box.Render(m.View())}
	switch {
	case in.Error != "":
		lines = append(lines, "  "+st.Error.Render("✗ "+in.Error))
	case in.Hint != "" && focused:
		lines = append(lines, "  "+st.Muted.Render(c.T(in.Hint)))
	}
	return strings.Join(lines, "\n")
}

func (a *Action) focusable() bool { return true }
func (a *Action) view(c *Common, focused bool) string {
	st := c.Styles
	if a.Link {
		desc := ""
		if a.Desc != "" {
			desc = st.Muted.Render(" · " + c.T(a.Desc))
		}
		if focused {
			return st.LinkOn.Render("› "+c.T(a.Label)) + desc
		}
		return st.Link.Render("  "+c.T(a.Label)) + desc
	}
	if focused {
		return "› " + st.ButtonOn.Render("[ "+c.T(a.Label)+" ]")
	}
	return "  " + st.Button.Render("[ "+c.T(a.Label)+" ]")
}

func (t *Toggle) focusable() bool { return true }
func (t *Toggle) view(c *Common, focused bool) string {
	st := c.Styles
	box := "[ ]"
	if t.On {
		box = "[x]"
	}
	style, marker := st.Text, "  "
	if focused {
		style, marker = st.LinkOn, "› "
	}
	return style.Render(marker + box + " " + c.T(t.Label))
}

func (ch *Choice) focusable() bool { return true }
func (ch *Choice) view(c *Common, focused bool) string {
	st := c.Styles
	label, marker := st.Label, "  "
	if focused {
		label, marker = st.LabelOn, "› "
	}
	var opts []string
	for i, o := range ch.Options {
		if i == ch.Selected {
			opts = append(opts, st.Strong.Render("◉ "+c.T(o)))
		} else {
			opts = append(opts, st.Muted.Render("○ "+c.T(o)))
		}
	}
	return marker + label.Render(c.T(ch.Label)) + "\n    " + strings.Join(opts, "   ")
}
