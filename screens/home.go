package screens

import (
	"context"
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
)

// Home is the first screen: log in, or go to the other services. It is
// written for a first-day student: the form on top, the error right under
// the button, and the other services grouped under the question they
// answer ("no password yet?").
type Home struct {
	c           *Common
	id          int
	form        *Form
	identifiant *Input
	password    *Input
	button      *Action
	first       *Action
	problem     *Action
	lookup      *Action
	help        *Action
	err         error  // the refusal of the last login, said in the current language
	errKey      string // or a catalogue key (a field left empty)
	notice      string
	busy        bool
	spin        spinner.Model
}

type loginResultMsg struct {
	id      int
	account *data.Account
	err     error
}

// NewHome builds the home screen; nav may carry a notice or an identifiant.
func NewHome(c *Common, nav NavigateMsg) *Home {
	h := &Home{c: c, id: c.NewID(), notice: nav.Notice, spin: newSpinner(c)}
	h.form = NewForm(c)
	h.identifiant = h.form.AddInput(InputSpec{Label: "home.identifiant", Hint: "home.identifiant.hint",
		Limit: data.MaxEmailLength, Value: nav.Identifiant})
	h.password = h.form.AddInput(InputSpec{Label: "home.password", Secret: true, Limit: data.PasswordMaxLength})
	h.button = h.form.AddAction("login", "home.login", false)
	h.first = h.form.AddLink("first", "home.first", "home.first.desc")
	h.problem = h.form.AddLink("problem", "home.problem", "home.problem.desc")
	h.lookup = h.form.AddLink("lookup", "home.lookup", "home.lookup.desc")
	h.help = h.form.AddLink("help", "home.help", "")
	if nav.Identifiant != "" {
		h.form.FocusItem(h.password)
	}
	return h
}

func (h *Home) Init() tea.Cmd { return nil }

func (h *Home) HelpTopic() string { return "home" }

// Keys say what Enter does where the focus is (the help line never lies).
func (h *Home) Keys() []key.Binding {
	if h.busy {
		return nil
	}
	next := h.c.NextKey()
	switch h.form.Focused() {
	case h.identifiant:
		return []key.Binding{next}
	case h.password, h.button:
		return []key.Binding{h.c.SubmitKey("key.login"), next}
	}
	return []key.Binding{h.c.SubmitKey("key.open"), next}
}

func (h *Home) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loginResultMsg:
		if msg.id != h.id {
			return h, nil
		}
		h.busy = false
		if msg.err == nil {
			return h, func() tea.Msg { return LoginMsg{Account: msg.account} }
		}
		if Internal(msg.err) {
			h.c.Log.Error("login", "err", msg.err)
		}
		// Keep the identifiant, never the password.
		h.password.Clear()
		h.form.FocusItem(h.password)
		h.err, h.errKey = msg.err, ""
		return h, nil
	case spinner.TickMsg:
		if h.busy {
			var cmd tea.Cmd
			h.spin, cmd = h.spin.Update(msg)
			return h, cmd
		}
		return h, nil
	case tea.KeyMsg:
		if h.busy {
			return h, nil // typed ahead while checking: dropped, never put in a field
		}
		if msg.String() == "q" {
			if _, typing := h.form.Focused().(*Input); !typing {
				return h, func() tea.Msg { return QuitMsg{} } // the shell decides (a kiosk stays)
			}
		}
		ev := h.form.Update(msg)
		if ev.Changed {
			h.err, h.errKey, h.notice = nil, "", ""
		}
		switch {
		case ev.Submit || ev.Action == "login":
			return h, h.login()
		case ev.Action == "first":
			return h, Navigate(NavigateMsg{Page: PageActivation, Identifiant: strings.TrimSpace(h.identifiant.Value())})
		case ev.Action == "problem":
			return h, Navigate(NavigateMsg{Page: PageRecovery, Identifiant: strings.TrimSpace(h.identifiant.Value())})
		case ev.Action == "lookup":
			return h, Navigate(NavigateMsg{Page: PageLookup})
		case ev.Action == "help":
			return h, Navigate(NavigateMsg{Page: PageHelp, Topic: "home"})
		}
	}
	return h, nil
}

func (h *Home) login() tea.Cmd {
	ident, pw := h.identifiant.Value(), h.password.Value()
	if strings.TrimSpace(ident) == "" || pw == "" {
		h.err, h.errKey = nil, "home.required"
		if strings.TrimSpace(ident) == "" {
			h.form.FocusItem(h.identifiant)
		} else {
			h.form.FocusItem(h.password)
		}
		return nil
	}
	h.busy, h.err, h.errKey, h.notice = true, nil, "", ""
	store, origin, id := h.c.Store, h.c.Origin(), h.id
	return tea.Batch(h.spin.Tick, func() tea.Msg {
		acct, err := store.Login(context.Background(), ident, pw, origin)
		return loginResultMsg{id: id, account: acct, err: err}
	})
}

func (h *Home) View() string {
	c, st, f := h.c, h.c.Styles, h.form
	lines := []string{st.Title.Render(c.T("home.title"))}
	if h.notice != "" {
		lines = append(lines, st.LinkOn.Render("ℹ "+Clean(h.notice)), "")
	}
	lines = append(lines, f.ItemView(h.identifiant), f.ItemView(h.password), "", f.ItemView(h.button))
	// The outcome of the button, right under it.
	switch {
	case h.busy:
		lines = append(lines, "  "+h.spin.View()+" "+st.Muted.Render(c.T("home.checking")))
	case h.err != nil || h.errKey != "":
		text := c.T(h.errKey)
		if h.err != nil {
			text = c.ErrorText(h.err)
		}
		lines = append(lines, "  "+st.Error.Render("✗ "+text))
		if errors.Is(h.err, data.ErrInvalidCredentials) {
			lines = append(lines, "    "+st.Muted.Render(c.T("home.pending.hint")))
		}
	}
	lines = append(lines, "",
		st.Strong.Render(c.T("home.nopassword")), f.ItemView(h.first), "",
		st.Strong.Render(c.T("home.other")), f.ItemView(h.problem), f.ItemView(h.lookup), f.ItemView(h.help))
	return strings.Join(lines, "\n")
}

// newSpinner is the kit's spinner: it only ticks while something runs.
func newSpinner(c *Common) spinner.Model {
	s := spinner.New(spinner.WithSpinner(spinner.Dot))
	s.Style = c.Styles.LinkOn
	return s
}
