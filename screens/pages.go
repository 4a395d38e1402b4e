package screens

// Open builds the screen for a navigation request. Screens are built fresh
// each time they are entered, so nothing of a previous visit remains.
func Open(c *Common, nav NavigateMsg) Screen {
	switch nav.Page {
	case PageDashboard:
		if c.Store.NeedsCharter(c.Account) {
			return NewCharter(c, nav) // a new charter: accepted before anything else
		}
		return NewDashboard(c, nav)
	case PageActivation:
		return NewActivation(c, nav)
	case PageRecovery:
		return NewRecovery(c, nav)
	case PageLookup:
		return NewLookup(c, nav)
	case PageHelp:
		return NewHelp(c, nav)
	case PageMailbox:
		return NewMailbox(c, nav)
	case PageHelpdesk:
		return NewHelpdesk(c, nav)
	}
	return NewHome(c, nav)
}

// BodyHeight is the height left for a screen inside the shell's frame
// (banner above, help line below).
func (c *Common) BodyHeight() int { return max(c.Height-ChromeHeight, 8) }

// bodyWidth is the width a screen lays out in: the frame pads the body by
// one and cuts it at the terminal's last column, so 58 at 60 × 16, the
// smallest size a screen is drawn in (laid out in 60, every long line lost
// its last two columns there).
func (c *Common) bodyWidth() int { return max(c.Width-2, 58) }

// ChromeHeight is the lines the shell's frame takes.
const ChromeHeight = 5
