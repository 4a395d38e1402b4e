package screens

import (
	"context"
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
	"entkiosk/data/wrap"
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
	busy        Busy
}

type loginResultMsg struct {
	id      int
	account *data.Account
	err     error
}

// NewHome builds the home screen; nav may carry a notice or an identifiant.
func NewHome(c *Common, nav NavigateMsg) *Home {
	h := &Home{c: c, id: c.NewID(), notice: nav.Notice, busy: newBusy(c)}
	h.form = NewForm(c)
	h.identifiant = h.form.AddInput(InputSpec{Label: "home.identifiant", Hint: "home.identifiant.hint",
		Limit: data.MaxEmailLength, Value: nav.Identifiant, Selected: true})
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

// returned: home is shown again by going back (esc) from another page
// (ReturnedMsg, not after a glance at Aide or the mails): at a kiosk the next person in the queue may be
// the one looking, so nothing of the previous one stays (identifiant,
// refusal, notice), and the focus is back on Identifiant. A login still
// being checked goes on: its result is for whoever just pressed esc.
func (h *Home) returned() {
	h.identifiant.Clear()
	h.password.Clear()
	h.err, h.errKey, h.notice = nil, "", ""
	h.form.FocusItem(h.identifiant)
}

func (h *Home) HelpTopic() string { return "home" }

// Keys say what Enter does where the focus is (the help line never lies).
func (h *Home) Keys() []key.Binding {
	if h.busy.On() {
		return nil
	}
	next := h.c.NextKey()
	switch h.form.Focused() {
	case h.identifiant:
		return []key.Binding{next}
	case h.password, h.button:
		return []key.Binding{h.c.SubmitKey("key.login"), next}
	case h.first:
		return []key.Binding{h.c.SubmitKey("home.key.first"), next}
	case h.problem:
		return []key.Binding{h.c.SubmitKey("home.key.problem"), next}
	case h.lookup:
		return []key.Binding{h.c.SubmitKey("home.key.lookup"), next}
	case h.help:
		return []key.Binding{h.c.SubmitKey("home.key.help"), next}
	}
	return []key.Binding{h.c.SubmitKey("key.open"), next}
}

func (h *Home) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case ReturnedMsg:
		if !msg.FromOverlay {
			h.returned()
		}
		return h, nil
	case loginResultMsg:
		if msg.id != h.id {
			return h, nil
		}
		h.busy.Stop()
		if msg.err == nil {
			return h, func() tea.Msg { return LoginMsg{Account: msg.account} }
		}
		h.c.logInternal("login", msg.err)
		// Keep the identifiant, never the password.
		h.password.Clear()
		h.form.FocusItem(h.password)
		h.err, h.errKey = msg.err, ""
		return h, nil
	case spinner.TickMsg:
		return h, h.busy.Tick(msg)
	case tea.KeyMsg:
		if h.busy.On() {
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
		// Say what is missing, and go there.
		h.err, h.errKey = nil, "home.required"
		if strings.TrimSpace(ident) == "" {
			h.form.FocusItem(h.identifiant)
		} else {
			h.errKey = "home.required.password"
			h.form.FocusItem(h.password)
		}
		return nil
	}
	if problem := h.c.IdentifiantProblem(ident); problem != "" {
		h.err, h.errKey = nil, problem
		h.form.FocusItem(h.identifiant)
		return nil
	}
	h.err, h.errKey, h.notice = nil, "", ""
	store, origin, id := h.c.Store, h.c.Origin(), h.id
	return h.busy.StartHashing(func(ctx context.Context) tea.Msg {
		acct, err := store.Login(ctx, ident, pw, origin)
		return loginResultMsg{id: id, account: acct, err: err}
	})
}

func (h *Home) View() string {
	c, st, f := h.c, h.c.Styles, h.form
	lines := []string{keptText(c, "Title", st.Title, "home.title")}
	if h.notice != "" {
		lines = append(lines, st.LinkOn.Render(wrap.Text("ℹ "+h.c.T(h.notice), min(max(h.c.Width-2, 20), 78))), "")
	}
	lines = append(lines, f.ItemView(h.identifiant), f.ItemView(h.password), "", f.ItemView(h.button))
	// The outcome of the button, right under it.
	switch {
	case h.busy.On():
		lines = append(lines, "  "+h.busy.ViewText("home.checking"))
	case h.err != nil || h.errKey != "":
		text := c.T(h.errKey)
		switch {
		case errors.Is(h.err, data.ErrDirectoryUnavailable):
			text = c.T("error.directory.unavailable.login") // nothing was being changed: a login
		case h.err != nil:
			text = c.ErrorText(h.err)
		}
		// Wrapped, never cut: a refusal is often longer than 80 columns.
		for i, l := range wrap.Lines(text, min(c.Width, 80)-6) {
			mark := "✗ "
			if i > 0 {
				mark = "  " // under the text, not under the mark
			}
			lines = append(lines, "  "+st.Error.Render(mark+l))
		}
		if errors.Is(h.err, data.ErrInvalidCredentials) {
			// The same under every refusal, whatever its cause: a locked
			// account gets the very answer of a wrong password (no lock
			// oracle), so the hint names both ways out, never a count.
			hint := wrap.Text(c.Tf("home.refused.hint", data.LoginFailuresBeforeLock), min(c.Width, 80)-6)
			for _, l := range strings.Split(hint, "\n") {
				lines = append(lines, "    "+st.Muted.Render(l))
			}
		}
	}
	lines = append(lines, "",
		keptText(c, "Strong", st.Strong, "home.nopassword"), f.ItemView(h.first), "",
		keptText(c, "Strong", st.Strong, "home.other"), f.ItemView(h.problem), f.ItemView(h.lookup), f.ItemView(h.help))
	return fitHeight(strings.Join(lines, "\n"), c.BodyHeight())
}

// Waiting: a password check is running (Waiter).
func (h *Home) Waiting() bool { return h.busy.Hashing() }

// HashingBusy is the Busy of its password checks (HashingScreen).
func (h *Home) HashingBusy() *Busy { return &h.busy }
