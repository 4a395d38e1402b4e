package screens

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
)

// chooseCase opens the list of the cases (huh's Select, see ListChoice),
// the cursor on the current case, as a page of the console over the card.
func (w *hdWalk) chooseCase() tea.Cmd {
	h := w.card.h
	opts := make([]ListOption, len(data.HelpCases))
	for i, k := range data.HelpCases {
		opts[i] = ListOption{Value: string(k), Label: "helpdesk.case." + string(k)}
	}
	w.choice = NewListChoice(h.c, "helpdesk.choice.title", opts, string(data.HelpCases[w.k]), h.width())
	return h.push(&hdCaseChoice{walk: w}, nil)
}

// hdCaseChoice is the list of the cases while it is open: the card stays
// drawn around it (the walk-through shows the list in place of the case
// line), Enter takes the case under the cursor, esc (back) closes the list
// and keeps the case. Being a page of the console, it has the keys before
// the card: ←/→ and 1-4 do not change tab under an open list.
type hdCaseChoice struct{ walk *hdWalk }

func (p *hdCaseChoice) update(msg tea.Msg) tea.Cmd {
	w := p.walk
	k, isKey := msg.(tea.KeyMsg)
	if isKey && k.String() == "esc" {
		return w.closeChoice()
	}
	value, chosen, cmd := w.choice.Update(msg, w.card.h.busy.On())
	if chosen {
		for i, hc := range data.HelpCases {
			if string(hc) == value {
				w.k, w.scroll.off = i, 0
			}
		}
		return tea.Batch(cmd, w.closeChoice())
	}
	if !isKey {
		// The card's results (a reload) are still the card's.
		return tea.Batch(cmd, w.card.update(msg))
	}
	return cmd
}

func (w *hdWalk) closeChoice() tea.Cmd {
	w.choice = nil
	return w.card.h.pop()
}

func (p *hdCaseChoice) view() string { return p.walk.card.view() }

func (p *hdCaseChoice) keys() []key.Binding { return p.walk.choice.Keys() }
