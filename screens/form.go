package screens

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/rivo/uniseg"

	"entkiosk/data"
	"entkiosk/data/wrap"
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
	problem     Say // what Fail said: rendered when shown, in the language of that moment
	// model is the text input, made when the field first holds text or
	// gets a key (ensure); nil, the field is empty and drawn from a blank
	// one (shown). A text input is 5 KiB: the two empty fields of home
	// in each of thousands of idle sessions.
	model    *textinput.Model
	width    int  // the text input's
	focused  bool // the text input's focus, kept while there is none
	limit    int  // characters as people count them (grapheme clusters, as the password rules do)
	cut      bool // the last text typed or pasted was cut at the limit: said under the field
	cutPaste bool // ... and it was a paste (several characters at once), not one key
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
	// Limit is in characters as people count them (é, 👍🏽: one each, as the
	// password rules count); every field has one (0: DefaultLimit).
	Limit int
	Value string
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

// identifiantLimit is the longest identifiant there can be: a local part
// of at most 64 characters (data.MaxLocalPart and a homonym's number), "@"
// and the longer of the two domains. A longer paste is cut, and said.
func identifiantLimit(c *Common) int {
	cfg := c.Store.Config()
	return data.MaxLocalPart + 4 + 1 + max(len(cfg.StudentDomain), len(cfg.StaffDomain))
}

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

// Say is a sentence kept as what to say rather than as text: a catalogue
// key with its arguments, or a store error. What stays on screen (a
// refusal under a field, the last change done) is kept as a Say and
// rendered when drawn, so F2 switches it with the rest of the screen. An
// argument that is itself a Say is rendered too.
type Say struct {
	Key    string
	Args   []any
	Err    error // said with ErrorText
	Plural bool  // Key has .one/.other forms, chosen by Args[0] (see Nf)
}

// SayKey is the catalogue's text for key, with args.
func SayKey(key string, args ...any) Say { return Say{Key: key, Args: args} }

// SayN is a counted text (Nf): key.one or key.other by n.
func SayN(key string, n int, args ...any) Say {
	return Say{Key: key, Args: append([]any{n}, args...), Plural: true}
}

// SayErr is what ErrorText says of a store error.
func SayErr(err error) Say { return Say{Err: err} }

// IsZero says nothing is to be said.
func (s Say) IsZero() bool { return s.Key == "" && s.Err == nil }

// Said renders s in the session's language of this moment.
func (c *Common) Said(s Say) string {
	switch {
	case s.Err != nil:
		return c.ErrorText(s.Err)
	case s.Key == "":
		return ""
	case len(s.Args) == 0:
		return c.T(s.Key)
	}
	args := make([]any, len(s.Args))
	for i, a := range s.Args {
		if inner, ok := a.(Say); ok {
			a = c.Said(inner)
		}
		args[i] = a
	}
	if n, ok := args[0].(int); ok && s.Plural {
		return c.Nf(s.Key, n, args[1:]...)
	}
	return c.Tf(s.Key, args...)
}

// NewForm makes an empty form.
func NewForm(c *Common) *Form { return &Form{c: c} }

// AddInput adds a text field and returns it.
func (f *Form) AddInput(spec InputSpec) *Input {
	limit := spec.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	width := spec.Width
	if width == 0 {
		width = 40
	}
	in := &Input{Label: spec.Label, Hint: spec.Hint, Placeholder: spec.Placeholder, Secret: spec.Secret, width: width,
		limit: limit}
	in.SetValue(spec.Value)
	in.selected = spec.Selected && in.Value() != ""
	f.items = append(f.items, in)
	if len(f.items) == 1 {
		f.FocusItem(in)
	}
	return in
}

// newTextInput is a field's text input, empty.
func newTextInput(width int, secret, focused bool) textinput.Model {
	m := textinput.New()
	m.Prompt = ""
	// The model counts runes; the form keeps the limit itself, in characters
	// (a thumbs-up with its skin tone is one character, two runes).
	m.CharLimit = 0
	m.Width = width
	m.Cursor.SetMode(cursor.CursorStatic) // a blinking cursor costs CPU on every idle session
	m.KeyMap.Paste = key.NewBinding(key.WithDisabled())
	m.KeyMap.AcceptSuggestion = key.NewBinding(key.WithDisabled())
	m.KeyMap.NextSuggestion = key.NewBinding(key.WithDisabled())
	m.KeyMap.PrevSuggestion = key.NewBinding(key.WithDisabled())
	if secret {
		m.EchoMode = textinput.EchoPassword
		m.EchoCharacter = '•'
	}
	if focused {
		m.Focus()
	}
	return m
}

// ensure is the field's text input, made if it has none yet.
func (in *Input) ensure() *textinput.Model {
	if in.model == nil {
		m := newTextInput(in.width, in.Secret, in.focused)
		in.model = &m
	}
	return in.model
}

// shown is the field's text input as it is now, to draw (a copy).
func (in *Input) shown() textinput.Model {
	if in.model == nil {
		return newTextInput(in.width, in.Secret, in.focused)
	}
	return *in.model
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
func (in *Input) Value() string {
	if in.model == nil {
		return ""
	}
	return in.model.Value()
}

// SetValue replaces an input's value (and clears its error). A visible
// field only ever holds what can be shown as it is (Clean).
func (in *Input) SetValue(v string) {
	v, cut := cutChars(in.clean(v), in.limit)
	if v != "" || in.model != nil {
		m := in.ensure()
		m.SetValue(v)
		m.CursorEnd()
	}
	in.clearError()
	in.cut, in.cutPaste = cut, cut
	in.selected = false
}

// Fail shows a sentence under the field; it is kept as what to say and
// rendered when shown, so F2 switches it with the rest of the screen.
func (in *Input) Fail(s Say) {
	in.problem = s
}

// Failed says a refusal shows under the field.
func (in *Input) Failed() bool { return !in.problem.IsZero() }

func (in *Input) clearError() { in.problem = Say{} }

// Cut says the last text typed or pasted did not fit (the field says so).
func (in *Input) Cut() bool { return in.cut }

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
			in.focused = j == i
			switch {
			case in.model == nil:
			case in.focused:
				in.model.Focus()
			default:
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
		m := it.ensure()
		before, pos := m.Value(), m.Position()
		// What did not fit is said until the next key.
		it.cut = false
		if k.Type == tea.KeyRunes && !k.Alt { // alt+b, alt+f... move by word
			it.insert(string(k.Runes)) // replaces a selected value
		} else {
			if it.selected && k.Type == tea.KeySpace {
				m.SetValue("") // a space is typed text too
			}
			it.selected = false // arrows, Backspace, End: the value stays, to be edited
			*m, _ = m.Update(k)
			if uniseg.GraphemeClusterCount(m.Value()) > it.limit {
				// a space typed into a full field: refused, and said
				m.SetValue(before)
				m.SetCursor(pos)
				it.cut, it.cutPaste = true, false
			}
		}
		if m.Value() != before {
			it.clearError()
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

// insert types text into the input, never more than its limit (what did
// not fit is said under the field); it replaces a selected (prefilled) value.
func (in *Input) insert(s string) {
	s = in.clean(s)
	if s == "" {
		return
	}
	m := in.ensure()
	if in.selected {
		in.selected = false
		m.SetValue("")
	}
	room := max(in.limit-uniseg.GraphemeClusterCount(m.Value()), 0)
	kept, cut := cutChars(s, room)
	if cut {
		_, several := cutChars(s, 1)
		in.cut, in.cutPaste = true, several // a paste, or one key into a full field
	}
	if s = kept; s == "" {
		return
	}
	*m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true})
}

// cutChars keeps the first n characters (grapheme clusters) of s and says
// whether some were left out. It reads no further than needed: a 1 MB
// paste costs no more than the field's length.
func cutChars(s string, n int) (string, bool) {
	rest, state, kept := s, -1, 0
	for kept < n && rest != "" {
		_, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		kept++
	}
	if rest == "" {
		return s, false
	}
	return s[:len(s)-len(rest)], true
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
			in.cut = false
			in.insert(line)
			in.clearError()
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
	label, labelName, box, marker := st.Label, "Label", st.Input, "  "
	if focused {
		label, labelName, box, marker = st.LabelOn, "LabelOn", st.InputOn, "› "
	}
	field, kept := in.keptField(c, focused)
	if !kept {
		m := in.styled(c, in.shown(), focused)
		f := m.View()
		if in.Secret && m.Value() != "" {
			f = maskView(m)
		}
		field = "  " + box.Render(f)
	}
	lines := []string{marker + keptText(c, labelName, label, in.Label), field}
	switch {
	case in.Failed():
		lines = append(lines, "  "+st.Error.Render("✗ "+underField(c, c.Said(in.problem), 4)))
	case in.cut:
		key := "form.cut.key"
		if in.cutPaste {
			key = "form.cut.paste"
		}
		lines = append(lines, "  "+st.Warning.Render(underField(c, "! "+c.Tf(key, in.limit), 2)))
	case in.Hint != "" && focused:
		lines = append(lines, "  "+keptText(c, "Muted", st.Muted, in.Hint))
	}
	return strings.Join(lines, "\n")
}

// underField fits a sentence under a field, after "  " and a marker of
// indent cells: wrapped when too long, its next lines under its first.
func underField(c *Common, text string, indent int) string {
	return strings.ReplaceAll(wrap.Text(text, c.Width-2-indent), "\n", "\n"+strings.Repeat(" ", indent))
}

// maskView draws a secret field: one bullet per character as the password
// rules count them (é and 👍🏽 one each: the checklist's "13 saisis" shows
// 13 bullets), the cursor where it is, scrolled to keep it in sight. It
// draws the same cells as the text input would (its width and the cursor).
func maskView(m textinput.Model) string {
	text := m.TextStyle.Inline(true).Render
	k := maskOf([]rune(m.Value()), m.Position(), m.Width, m.EchoCharacter)
	m.Cursor.SetChar(k.char)
	out := text(strings.Repeat(k.bullet, k.before)) + m.Cursor.View() + text(strings.Repeat(k.bullet, k.after))
	if k.pad > 0 {
		out += text(strings.Repeat(" ", k.pad))
	}
	return out
}

// mask is what a secret field shows: bullets before the cursor, the
// cursor on its cell (char), bullets after it, pad spaces.
type mask struct {
	before, after, pad int
	bullet, char       string
}

// maskOf is the mask of value v with the cursor at pos (in runes), in a
// field width cells wide (0: as wide as the value).
func maskOf(v []rune, pos, width int, echo rune) mask {
	n := uniseg.GraphemeClusterCount(string(v))
	at := min(uniseg.GraphemeClusterCount(string(v[:min(pos, len(v))])), n)
	cells := n + 1 // the bullets and the place after them
	shown := cells
	if width > 0 {
		shown = width + 1
	}
	start := 0
	if cells > shown {
		start = min(max(at-shown+1, 0), cells-shown)
	}
	end := min(start+shown, cells)
	k := mask{before: at - start, after: max(min(end, n)-at-1, 0), bullet: string(echo), char: " "}
	if at < n {
		k.char = k.bullet
	}
	k.pad = shown - k.before - 1 - k.after
	return k
}

// paintMask draws a mask to b with the spans of the text and of the cursor.
func paintMask(b *strings.Builder, k mask, text, cursor styleSpan) {
	writeSpan(b, text, strings.Repeat(k.bullet, k.before))
	writeSpan(b, cursor, k.char)
	writeSpan(b, text, strings.Repeat(k.bullet, k.after))
	if k.pad > 0 {
		writeSpan(b, text, spaces(k.pad))
	}
}

func (a *Action) focusable() bool { return true }
func (a *Action) render(c *Common, focused bool) string {
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
