package screens

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/huh"
)

// NewHuhTheme is huh's theme for one session, built from its styles. Every
// style of it comes from the session's renderer: huh's own themes
// (ThemeBase, ThemeCharm...) use lipgloss's global renderer, the server's
// terminal, which over SSH is nobody's, and whose adaptive colours would
// ask the kiosk's terminal for its background in the middle of a frame.
// A field left at the zero lipgloss.Style would fall back on that global
// renderer too, so every field is set, the ones no screen uses as well.
//
// The theme holds no text (its markers are symbols), so a language switch
// keeps it; what huh draws in words (titles, options) is rebuilt by its
// owner (ListChoice). The help styles are the help line's.
func NewHuhTheme(st *Styles) *huh.Theme {
	n := st.Renderer.NewStyle
	var t huh.Theme
	t.Form.Base = n()
	t.Group.Base = n()
	t.Group.Title = st.LabelOn
	t.Group.Description = st.Muted
	t.FieldSeparator = n().SetString("\n\n")

	f := &t.Focused
	// The kit's look: the focused field has the brand bar on its left and
	// its label in the brand colour; the option under the cursor is marked
	// "› " like the kit's menus.
	f.Base = st.InputOn
	f.Card = st.InputOn
	f.Title = st.LabelOn
	f.NoteTitle = st.LabelOn
	f.Description = st.Muted
	f.ErrorIndicator = st.Error.SetString(" *")
	f.ErrorMessage = st.Error
	f.SelectSelector = st.LinkOn.SetString("› ")
	f.Option = st.Link
	f.NextIndicator = st.LinkOn.MarginLeft(1).SetString("→")
	f.PrevIndicator = st.LinkOn.MarginRight(1).SetString("←")
	f.Directory = st.LinkOn
	f.File = st.Text
	f.MultiSelectSelector = st.LinkOn.SetString("› ")
	f.SelectedOption = st.LinkOn
	f.SelectedPrefix = st.CheckOK.SetString("[x] ")
	f.UnselectedOption = st.Link
	f.UnselectedPrefix = st.Muted.SetString("[ ] ")
	f.TextInput = huh.TextInputStyles{Cursor: st.Strong, CursorText: st.Text, Placeholder: st.Muted,
		Prompt: st.LabelOn, Text: st.Text}
	f.FocusedButton = st.ButtonOn.Padding(0, 2).MarginRight(1)
	f.BlurredButton = st.Button.Padding(0, 2).MarginRight(1)
	f.Next = f.FocusedButton

	t.Blurred = t.Focused
	b := &t.Blurred
	b.Base = st.Input
	b.Card = st.Input
	b.Title = st.Label
	b.NoteTitle = st.Label
	b.SelectSelector = st.Muted.SetString("› ")
	b.MultiSelectSelector = n().SetString("  ")
	b.SelectedOption = st.Text
	b.NextIndicator = n()
	b.PrevIndicator = n()

	t.Help = help.Styles{Ellipsis: st.HelpSep, ShortKey: st.HelpKey, ShortDesc: st.HelpDesc,
		ShortSeparator: st.HelpSep, FullKey: st.HelpKey, FullDesc: st.HelpDesc, FullSeparator: st.HelpSep}
	return &t
}
