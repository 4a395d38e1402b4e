package screens

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"entkiosk/data"
)

// Home is the first screen: log in, or go to the other services.
type Home struct {
	c           *Common
	id          int
	form        *Form
	identifiant *Input
	password    *Input
	errText     string
	hint        string
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
	h.form.AddAction("login", "home.login", false)
	h.form.AddAction("first", "home.first", true)
	h.form.AddAction("problem", "home.problem", true)
	h.form.AddAction("lookup", "home.lookup", true)
	h.form.AddAction("help", "home.help", true)
	if nav.Identifiant != "" {
		h.form.FocusItem(h.password)
	}
	return h
}

func (h *Home) Init() tea.Cmd { return nil }

func (h *Home) HelpTopic() string { return "home" }

func (h *Home) Keys() []key.Binding {
	keys := []key.Binding{h.c.NextKey(), h.c.SubmitKey("key.login")}
	if !h.c.Kiosk {
		keys = append(keys, h.c.QuitKey())
	}
	return keys
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
		// Keep the identifiant, never the password.
		h.password.Clear()
		h.form.FocusItem(h.password)
		h.errText, h.hint = h.c.ErrorText(msg.err), ""
		if msg.err == data.ErrInvalidCredentials {
			h.hint = h.c.T("home.pending.hint")
		}
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
		if msg.String() == "q" && !h.c.Kiosk {
			if _, typing := h.form.Focused().(*Input); !typing {
				return h, func() tea.Msg { return QuitMsg{} }
			}
		}
		ev := h.form.Update(msg)
		if ev.Changed {
			h.errText, h.hint, h.notice = "", "", ""
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
		h.errText = h.c.T("home.required")
		if strings.TrimSpace(ident) == "" {
			h.form.FocusItem(h.identifiant)
		} else {
			h.form.FocusItem(h.password)
		}
		return nil
	}
	h.busy, h.errText, h.hint, h.notice = true, "", "", ""
	store, origin, id := h.c.Store, h.c.Origin(), h.id
	return tea.Batch(h.spin.Tick, func() tea.Msg {
		acct, err := store.Login(context.Background(), ident, pw, origin)
		return loginResultMsg{id: id, account: acct, err: err}
	})
}

func (h *Home) View() string {
	st := h.c.Styles
	parts := []string{st.Title.Render(h.c.T("home.title"))}
	if h.notice != "" {
		parts = append(parts, st.Notice.Render(h.notice), "")
	}
	parts = append(parts, h.form.View())
	switch {
	case h.busy:
		parts = append(parts, "", h.spin.View()+" "+st.Muted.Render(h.c.T("app.busy")))
	case h.errText != "":
		msg := st.Error.Render("✗ " + h.errText)
		if h.hint != "" {
			msg += "\n  " + st.Muted.Render(h.hint)
		}
		parts = append(parts, "", msg)
	}
	return lipgloss.JoinVertical(lipgloss.Left, parts...)
}

// newSpinner is the kit's spinner: it only ticks while something runs.
func newSpinner(c *Common) spinner.Model {
	s := spinner.New(spinner.WithSpinner(spinner.Dot))
	s.Style = c.Styles.LinkOn
	return s
}
