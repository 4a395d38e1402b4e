package screens

import (
	"context"
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"entkiosk/data"
)

// Charter asks a logged-in person to accept the charter in force before
// anything else: the institution's file brought a new version since they
// last accepted one. It opens instead of the dashboard; Esc logs out (the
// shell's way back from the first page after login).
type Charter struct {
	c      *Common
	id     int
	text   viewport.Model
	lang   Lang // the language the text was laid out in
	form   *Form
	accept *Toggle
	err    error
	busy   Busy
}

// errCharterUnticked: « Continuer » with the box left empty.
var errCharterUnticked = errors.New("charter not ticked")

type charterAcceptedMsg struct {
	id      int
	account *data.Account
	err     error
}

// NewCharter builds the charter step for c.Account.
func NewCharter(c *Common, _ NavigateMsg) Screen {
	ch := &Charter{c: c, id: c.NewID(), busy: newBusy(c), text: viewport.New(0, 0)}
	ch.form = NewForm(c)
	ch.accept = ch.form.AddToggle("accept", "activation.charter.accept", false)
	ch.accept.EnterSubmits = true
	ch.form.AddAction("continue", "activation.continue", false)
	ch.layout()
	return ch
}

func (ch *Charter) layout() {
	c := ch.c
	offset := ch.text.YOffset
	w := min(max(c.Width-2, 20), 78) - 4
	ch.text.Width = w
	setCharterText(c, &ch.text, w)
	ch.lang = c.Lang
	ch.text.SetYOffset(offset)
}

func (ch *Charter) Init() tea.Cmd     { return nil }
func (ch *Charter) HelpTopic() string { return "home" }

func (ch *Charter) Keys() []key.Binding {
	c := ch.c
	if ch.busy.On() {
		return nil
	}
	keys := []key.Binding{c.ScrollKey()}
	if ch.form.Focused() == ch.accept && !ch.accept.On {
		keys = append(keys, c.bind([]string{" ", "enter"}, c.T("keyname.space")+"/"+c.T("keyname.enter"), "key.toggle"))
	} else {
		keys = append(keys, c.SubmitKey("key.submit"))
	}
	return append(keys, c.bind([]string{"esc"}, c.T("keyname.esc"), "dash.key.logout"))
}

func (ch *Charter) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		ch.layout()
	case spinner.TickMsg:
		return ch, ch.busy.Tick(msg)
	case charterAcceptedMsg:
		if msg.id != ch.id {
			return ch, nil
		}
		ch.busy.Stop()
		if msg.err != nil {
			ch.err = msg.err
			return ch, nil
		}
		// As a new login: the shell opens the dashboard on a fresh stack.
		return ch, func() tea.Msg { return LoginMsg{Account: msg.account} }
	case tea.KeyMsg:
		if ch.busy.On() {
			return ch, nil
		}
		if msg.String() == "esc" {
			return ch, func() tea.Msg { return LogoutMsg{} }
		}
		if scrollCharter(&ch.text, msg) {
			return ch, nil
		}
		ev := ch.form.Update(msg)
		if ev.Changed {
			ch.err = nil
		}
		if ev.Submit || ev.Action == "continue" {
			return ch, ch.submit()
		}
	}
	return ch, nil
}

func (ch *Charter) submit() tea.Cmd {
	if !ch.accept.On {
		ch.err = errCharterUnticked
		ch.form.FocusItem(ch.accept)
		return nil
	}
	ch.err = nil
	store, acct, origin, id := ch.c.Store, ch.c.Account, ch.c.Origin(), ch.id
	return ch.busy.Start(func() tea.Msg {
		a, err := store.AcceptCharter(context.Background(), acct, origin)
		return charterAcceptedMsg{id: id, account: a, err: err}
	})
}

func (ch *Charter) View() string {
	c, st := ch.c, ch.c.Styles
	if ch.lang != c.Lang {
		ch.layout() // F2 switched the language: the text follows
	}
	w := min(max(c.Width-2, 20), 78)
	status := ""
	switch {
	case ch.busy.On():
		status = "  " + ch.busy.View()
	case ch.err != nil:
		text := c.T("charter.required")
		if !errors.Is(ch.err, errCharterUnticked) {
			text = c.ErrorText(ch.err)
		}
		status = "  " + st.Error.Render(fitLines("✗ "+text, w-2))
	}
	above := lipgloss.JoinVertical(lipgloss.Left, st.Title.Render(c.T("charter.title")),
		st.Text.Render(fitLines(c.Tf("charter.intro", Clean(c.Store.CharterVersion())), w)))
	below := lipgloss.JoinVertical(lipgloss.Left, ch.form.View(), status, st.Muted.Render(fitLines(c.T("charter.refuse"), w)))
	// The text takes what the rest leaves: the card's borders and the line
	// that says how much was read take 3.
	ch.text.Height = max(c.BodyHeight()-lipgloss.Height(above)-lipgloss.Height(below)-3, 3)
	where := st.Muted.Render(c.Tf("activation.charter.read", int(ch.text.ScrollPercent()*100+0.5)))
	return lipgloss.JoinVertical(lipgloss.Left, above, st.Card.Render(ch.text.View()), where, below)
}

// setCharterText lays the charter in force out in vp, in the session's
// language, width w.
func setCharterText(c *Common, vp *viewport.Model, w int) {
	lines := strings.Split(c.Store.CharterText(string(c.Lang)), "\n")
	for i, l := range lines {
		lines[i] = Clean(l) // each line cleaned: its line breaks are the text's own
	}
	vp.SetContent(c.Styles.Text.Width(w).Render(strings.Join(lines, "\n")))
}

// scrollCharter moves through the charter's text for the reading keys;
// false for any other key.
func scrollCharter(vp *viewport.Model, k tea.KeyMsg) bool {
	switch k.String() {
	case "up", "k":
		vp.ScrollUp(1)
	case "down", "j":
		vp.ScrollDown(1)
	case "pgup":
		vp.PageUp()
	case "pgdown":
		vp.PageDown()
	case "home":
		vp.GotoTop()
	case "end":
		vp.GotoBottom()
	default:
		return false
	}
	return true
}
