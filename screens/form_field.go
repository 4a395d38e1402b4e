package screens

import (
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/lipgloss"
	"github.com/rivo/uniseg"
)

// A key typed into a field redraws the field, and lipgloss renders each of
// its parts (the text, the cursor, the padding, the bar on its left) with
// the whole of its machinery: half of a key's CPU over SSH, and with 200
// people typing at once each echo waits for everyone's. With the shared
// styles, what lipgloss puts around a one-line text is the same for every
// text: it is found once per set of styles (a span), and the field is the
// text between. An empty field looks the same in every session: it is
// drawn once and kept in the shared styles, like the buttons. What the
// spans cannot draw the same (a selected value, a value scrolled in its
// field, unexpected styles) is drawn by lipgloss as before;
// TestKeptFieldsAreDrawnAsLipglossDoes compares both.

// styleSpan is what a style's Render puts before and after a one-line text.
type styleSpan struct{ pre, post string }

func (s styleSpan) paint(text string) string { return s.pre + text + s.post }

// fieldSpans are the spans of an input's parts, for one set of styles.
type fieldSpans struct {
	text       styleSpan // the value
	cursorOn   styleSpan // the cursor of a focused field: reversed
	cursorOff  styleSpan // the cursor's cell in a field without focus
	box, boxOn styleSpan // the bar and padding left of the field
}

type fieldSpansKey struct{}

// styleSpanOf finds the span of render, if it has one: render(t) is
// pre+t+post for every probe, plain or already styled, narrow or wide.
func styleSpanOf(render func(...string) string) (styleSpan, bool) {
	got := render("x")
	pre, post, ok := strings.Cut(got, "x")
	if !ok || strings.Contains(post, "x") {
		return styleSpan{}, false
	}
	s := styleSpan{pre, post}
	for _, probe := range []string{"", " ", "ab cd", "é👍🏽漢 ", "\x1b[38;5;255mab\x1b[0m\x1b[7m \x1b[0m",
		strings.Repeat("y", 90)} {
		if render(probe) != s.paint(probe) {
			return styleSpan{}, false
		}
	}
	return s, true
}

// spansOf are st's field spans; nil when the styles are not shared (they
// follow their renderer) or a part has no span.
func spansOf(st *Styles) *fieldSpans {
	if st.rendered == nil {
		return nil
	}
	if v, ok := st.rendered.Load(fieldSpansKey{}); ok {
		return v.(*fieldSpans)
	}
	sp := &fieldSpans{}
	for _, p := range []struct {
		to     *styleSpan
		render func(...string) string
	}{
		{&sp.text, st.Text.Inline(true).Render},
		{&sp.cursorOn, st.Text.Reverse(true).Inline(true).Reverse(true).Render}, // bubbles' cursor.View
		{&sp.cursorOff, st.Text.Inline(true).Render},
		{&sp.box, st.Input.Render},
		{&sp.boxOn, st.InputOn.Render},
	} {
		s, ok := styleSpanOf(p.render)
		if !ok {
			sp = nil
			break
		}
		*p.to = s
	}
	v, _ := st.rendered.LoadOrStore(fieldSpansKey{}, sp)
	return v.(*fieldSpans)
}

// emptyField is what an empty field's line is drawn for: the same in
// every session with the same styles and language.
type emptyField struct {
	lang        Lang
	placeholder string
	width       int
	secret      bool
	focused     bool // the text input's focus (its cursor)
	boxOn       bool // the form's focus (the bar's colour)
}

// keptField is the field's line as render draws it ("  ", the bar, the
// text input), drawn with the spans; false when they cannot draw it.
func (in *Input) keptField(c *Common, focused bool) (string, bool) {
	sp := spansOf(c.Styles)
	if sp == nil || (in.selected && focused) {
		return "", false
	}
	box := sp.box
	if focused {
		box = sp.boxOn
	}
	modelFocus, blink := in.focused, !in.focused // a new text input's
	if in.model != nil {
		modelFocus, blink = in.model.Focused(), in.model.Cursor.Blink
		if blink == modelFocus || in.model.Width != in.width {
			return "", false // not a state this form leaves it in
		}
	}
	value, pos := "", 0
	if in.model != nil {
		value, pos = in.model.Value(), in.model.Position()
	}
	if value == "" {
		k := emptyField{lang: c.Lang, placeholder: in.Placeholder, width: in.width, secret: in.Secret, focused: modelFocus,
			boxOn: focused}
		if l, ok := c.Styles.rendered.Load(k); ok {
			return l.(string), true
		}
		m := newTextInput(in.width, in.Secret, modelFocus)
		l := "  " + box.paint(in.styled(c, m, focused).View())
		c.Styles.rendered.Store(k, l)
		return l, true
	}
	cursor := sp.cursorOn
	if blink {
		cursor = sp.cursorOff
	}
	var b strings.Builder
	b.Grow(3*len(value) + in.width + 96)
	b.WriteString("  ")
	b.WriteString(box.pre)
	if in.Secret {
		paintMask(&b, maskOf([]rune(value), pos, in.width, in.model.EchoCharacter), sp.text, cursor)
		b.WriteString(box.post)
		return b.String(), true
	}
	if strings.ContainsAny(value, "\t\n\r") {
		return "", false
	}
	runes := []rune(value)
	width := uniseg.StringWidth(value)
	if width > in.width {
		return "", false // scrolled in its field: the text input knows where
	}
	pos = min(max(pos, 0), len(runes))
	writeSpan(&b, sp.text, string(runes[:pos]))
	padding := in.width - width
	if pos < len(runes) {
		writeSpan(&b, cursor, string(runes[pos]))
		writeSpan(&b, sp.text, string(runes[pos+1:]))
		padding++
	} else {
		writeSpan(&b, cursor, " ")
	}
	writeSpan(&b, sp.text, spaces(padding))
	b.WriteString(box.post)
	return b.String(), true
}

func writeSpan(b *strings.Builder, s styleSpan, text string) {
	b.WriteString(s.pre)
	b.WriteString(text)
	b.WriteString(s.post)
}

// spaces is n spaces, without a new string for the usual widths.
func spaces(n int) string {
	const some = "                                                                                "
	if n <= len(some) {
		return some[:max(n, 0)]
	}
	return strings.Repeat(" ", n)
}

// styled is m with the field's styles and words of this moment, as
// render draws it.
func (in *Input) styled(c *Common, m textinput.Model, focused bool) textinput.Model {
	st := c.Styles
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
	return m
}
