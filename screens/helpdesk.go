package screens

import (
	"context"
	"errors"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"entkiosk/data"
)

// Helpdesk is the console of the helpdesk agents: find a person, read their
// card and history, walk through their case, act, read the audit log. It
// holds its own pages (search at the bottom, then a card, an action...):
// esc goes back one, and from the search back to the dashboard.
//
// The role is checked in the store when the console opens and again by the
// store on every request; anyone else sees "not available" and nothing more.
type Helpdesk struct {
	auditWords // the log's lines in words (history, card)
	c          *Common
	id         int
	ready      bool // the store said this account is an agent
	refused    string
	pages      []hdPage
	busy       Busy
}

// hdPage is one page of the console.
type hdPage interface {
	update(msg tea.Msg) tea.Cmd
	view() string
	keys() []key.Binding
}

// hdAgentMsg answers the role check made when the console opens.
type hdAgentMsg struct {
	id  int
	err error
}

// NewHelpdesk opens the console on its search page.
func NewHelpdesk(c *Common, nav NavigateMsg) Screen {
	return &Helpdesk{auditWords: auditWords{c}, c: c, id: c.NewID(), busy: newBusy(c)}
}

// Init checks the role: keys are dropped until the store answers.
func (h *Helpdesk) Init() tea.Cmd {
	store, agent, origin, id := h.c.Store, h.c.Account, h.c.Origin(), h.id
	return h.busy.Start(func() tea.Msg {
		return hdAgentMsg{id: id, err: store.HelpdeskAgent(context.Background(), agent, origin)}
	})
}

func (h *Helpdesk) HelpTopic() string { return consoleHelpTopic }

// IsHelpdesk lets the shell and tests recognise the console.
func (h *Helpdesk) IsHelpdesk() {}

func (h *Helpdesk) Keys() []key.Binding {
	if !h.ready || h.busy.On() {
		return nil
	}
	return h.top().keys()
}

func (h *Helpdesk) top() hdPage { return h.pages[len(h.pages)-1] }

// push opens a page of the console on top of the current one.
func (h *Helpdesk) push(p hdPage, cmd tea.Cmd) tea.Cmd {
	h.pages = append(h.pages, p)
	return cmd
}

// pop goes back one page; from the first, back out of the console.
func (h *Helpdesk) pop() tea.Cmd {
	if len(h.pages) <= 1 {
		return Back
	}
	h.pages = h.pages[:len(h.pages)-1]
	return nil
}

// A page starts a store request with h.busy.Start: the spinner turns and
// keys are dropped until its answer arrives, taken by answered.

// answered takes a store answer on the page that asked (pageID): false when
// the answer is another page's, or a refusal (then said in *errText); true
// when the page has a result to show.
func (h *Helpdesk) answered(pageID, msgID int, err error, errText *string) bool {
	if msgID != pageID {
		return false
	}
	h.busy.Stop()
	if err != nil {
		*errText = h.fail(err)
		return false
	}
	return true
}

// fail says an error from the store, logging those that are not meant for
// people. A refused role shows the console's refusal.
func (h *Helpdesk) fail(err error) string {
	if Internal(err) && !isHelpdeskError(err) {
		h.c.Log.Error("helpdesk", "err", err)
	}
	if errors.Is(err, data.ErrNotHelpdesk) {
		h.ready, h.refused = false, h.c.T("error.nothelpdesk")
	}
	return h.errorText(err)
}

func (h *Helpdesk) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case hdAgentMsg:
		if msg.id != h.id {
			return h, nil
		}
		h.busy.Stop()
		if msg.err != nil {
			h.refused = h.c.T("error.nothelpdesk")
			if !errors.Is(msg.err, data.ErrNotHelpdesk) {
				h.c.Log.Error("helpdesk: role check", "err", msg.err)
				h.refused = h.c.T("error.internal")
			}
			return h, nil
		}
		h.ready = true
		h.pages = []hdPage{newHDSearch(h)}
		return h, nil
	case spinner.TickMsg:
		return h, h.busy.Tick(msg)
	case tea.KeyMsg:
		if h.busy.On() {
			return h, nil // typed ahead while the store answers: dropped
		}
		if !h.ready {
			if msg.String() == "esc" {
				return h, Back
			}
			return h, nil
		}
	case tea.WindowSizeMsg:
		// Pages read the size from Common when they draw.
	case hdCardMsg, hdCardTickMsg:
		// A card read again behind the page on top (an action refused), or
		// its refresh tick: to the card, wherever it is; a card left (popped)
		// gets nothing, and its ticks stop.
		if h.ready {
			id := 0
			switch m := msg.(type) {
			case hdCardMsg:
				id = m.id
			case hdCardTickMsg:
				id = m.id
			}
			for _, p := range h.pages {
				if card, ok := p.(*hdCard); ok && card.id == id {
					return h, card.update(msg)
				}
			}
			return h, nil
		}
	}
	if !h.ready {
		return h, nil
	}
	return h, h.top().update(msg)
}

func (h *Helpdesk) View() string {
	st := h.c.Styles
	title := st.Title.Render(h.c.T("helpdesk.title"))
	switch {
	case h.refused != "":
		return st.Error.Render("✗ " + h.refused) // nothing more, not even the console's name
	case !h.ready:
		return lipgloss.JoinVertical(lipgloss.Left, title, h.busy.View())
	}
	return h.top().view()
}

// status is a page's status lines: the spinner while the store works, else
// the last error, else the last success; wrapped, never cut, and one
// line (maybe blank) at least.
func (h *Helpdesk) status(ok, errText string) []string {
	st := h.c.Styles
	switch {
	case h.busy.On():
		return []string{h.busy.View()}
	case errText != "":
		return hang(st.Error.Render("✗ "), flow(h.width()-2, span{errText, st.Error.Render}))
	case ok != "":
		return hang(st.Success.Render("✓ "), flow(h.width()-2, span{ok, st.Success.Render}))
	}
	return []string{""}
}

// width is the width pages lay out in (see bodyWidth).
func (h *Helpdesk) width() int { return h.c.bodyWidth() }
