// Package screens holds one file per screen of entkiosk, each a tea.Model
// that talks to the store through package data and asks the shell (package
// tui) to navigate by message, and the small kit they share: styles, keys,
// the form and password widgets, and the text catalogue.
package screens

import (
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
)

// Common is what every screen shares with the shell: one per session.
type Common struct {
	Store  *data.Store
	Styles *Styles
	Lang   Lang
	Width  int
	Height int
	Client string // SSH source address or kiosk terminal: throttling and audit
	// SharedClient: Client is an address many people share (serve
	// --shared-networks), with the higher per-client limits (data.Origin.Shared).
	SharedClient bool
	Demo         bool // demo data loaded: a DÉMO badge and the mailbox key
	Kiosk        bool // kiosk behaviour: never quits, wipes when idle
	// IdleTimeout is how long without a key before the wipe (kiosk) or the
	// end of the session: Aide tells the figure configured.
	IdleTimeout time.Duration
	// HelpdeskIdleTimeout is IdleTimeout while an agent with the helpdesk
	// role is logged in (0: IdleTimeout).
	HelpdeskIdleTimeout time.Duration
	// Account is who is logged in, nil when nobody is.
	Account *data.Account
	// Log receives internal errors (never a password, code, token or full address).
	Log Logger
	// Tick schedules a message after a delay: tea.Tick, replaced in tests.
	Tick   func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	lastID int
}

// Logger is where a session's lines go: a *log.Logger, or a session's
// own that writes its fields on every line (tui.SessionLogger).
type Logger interface {
	Debug(msg any, keyvals ...any)
	Info(msg any, keyvals ...any)
	Warn(msg any, keyvals ...any)
	Error(msg any, keyvals ...any)
}

// IdleWarning is how long the countdown shows before an idle wipe: 30 s,
// or half the timeout when that is shorter (an operator's short --idle
// must not leave the countdown on while someone is typing).
func IdleWarning(timeout time.Duration) time.Duration {
	return min(30*time.Second, timeout/2)
}

// IdleFor is how long without a key before the wipe or the end of the
// session, for whoever is logged in now: an agent of the helpdesk gets
// HelpdeskIdleTimeout (still wiped when the session closes).
func (c *Common) IdleFor() time.Duration {
	if c.Account != nil && c.Account.Helpdesk && c.HelpdeskIdleTimeout > 0 {
		return c.HelpdeskIdleTimeout
	}
	return c.IdleTimeout
}

// Origin is this session as the store sees it.
func (c *Common) Origin() data.Origin {
	return data.Origin{Client: c.Client, Lang: string(c.Lang), Shared: c.SharedClient}
}

// Now is the store's clock, so that screens and rules agree.
func (c *Common) Now() time.Time { return c.Store.Now() }

// Local turns a time into the university's local time for display.
func (c *Common) Local(t time.Time) time.Time { return t.In(c.Store.Config().Location) }

// NewID gives each screen instance its own id, carried by the results of
// its commands: a result that arrives after the screen was left (idle wipe,
// logout) is ignored by whatever screen is there now.
func (c *Common) NewID() int {
	c.lastID++
	return c.lastID
}

// Screen is one page of the interface.
type Screen interface {
	Init() tea.Cmd
	Update(tea.Msg) (Screen, tea.Cmd)
	View() string
	// Keys are the bindings that work right now, for the help line.
	Keys() []key.Binding
	// HelpTopic is the page of Aide that F1 opens from here.
	HelpTopic() string
}

// Page names a screen, for navigation.
type Page int

const (
	PageHome Page = iota
	PageDashboard
	PageActivation
	PageRecovery
	PageLookup
	PageHelp
	PageMailbox
	PageHelpdesk
)

// NavigateMsg asks the shell to open a page.
type NavigateMsg struct {
	Page        Page
	Identifiant string       // prefilled where it makes sense
	Ticket      *data.Ticket // a code already proven (an ssh:// link)
	Notice      string       // catalogue key of a sentence to show on arrival (said in the language of the moment: F2 follows)
	Topic       string       // for PageHelp
	Case        string       // for PageRecovery: which of the three cases
}

// Navigate is a command that asks for a page.
func Navigate(m NavigateMsg) tea.Cmd { return func() tea.Msg { return m } }

// ReturnedMsg is the shell telling a page that it is shown again, by going
// back (esc) from a page opened on top of it. FromOverlay: that page was
// Aide or the demo mailbox, a glance in the middle of a step. Home forgets
// what the previous person typed (unless after a glance); the dashboard
// reads the account again (a role may have come or gone meanwhile).
type ReturnedMsg struct{ FromOverlay bool }

// BackMsg asks the shell for the previous page (esc at a screen's first step).
type BackMsg struct{}

// Back is a command that asks for the previous page.
func Back() tea.Msg { return BackMsg{} }

// LoginMsg tells the shell that someone logged in.
type LoginMsg struct{ Account *data.Account }

// LogoutMsg tells the shell to end the logged-in session and go home.
type LogoutMsg struct{}

// AccountMsg replaces the logged-in account after a change (password,
// addresses), so every screen shows the new state.
type AccountMsg struct{ Account *data.Account }

// Clean is data.Clean: every string that came from the store or a person
// goes through it before it is shown.
func Clean(s string) string { return data.Clean(s) }

// FormatDate is a local date as jj/mm/aaaa.
func (c *Common) FormatDate(t time.Time) string { return c.Local(t).Format("02/01/2006") }

// FormatTime is a local time as HH:MM.
func (c *Common) FormatTime(t time.Time) string { return c.Local(t).Format("15:04") }

// FormatDateTime is a local date and time, in the catalogue's words.
func (c *Common) FormatDateTime(t time.Time) string {
	return c.Tf("common.datetime", c.FormatDate(t), c.FormatTime(t))
}

// FormatFromTime is a time said as "from HH:MM" (possible à, réessayez à):
// rounded up to the minute, so that what is refused at 20:34:06 is never
// announced for 20:34.
func (c *Common) FormatFromTime(t time.Time) string { return c.FormatTime(ceilMinute(t)) }

// FormatFromDateTime is FormatFromTime with the date (the date of the
// rounded time: 23:59:30 is said as the next day at 00:00).
func (c *Common) FormatFromDateTime(t time.Time) string { return c.FormatDateTime(ceilMinute(t)) }

// MinutesUntilFrom is MinutesUntil the time FormatFromTime says, so that
// "à partir de 20:35 (dans 2 min)" agree.
func (c *Common) MinutesUntilFrom(t time.Time) int { return c.MinutesUntil(ceilMinute(t)) }

// ceilMinute is the first whole minute at or after t (data.FromMinute).
func ceilMinute(t time.Time) time.Time { return data.FromMinute(t) }

// FormatDeadline is a deadline's date and time (valable jusqu'au,
// verrouillé jusqu'à): the last minute it holds (data.DeadlineMinute), as
// the mails and the console say it.
func (c *Common) FormatDeadline(t time.Time) string { return c.FormatDateTime(data.DeadlineMinute(t)) }

// FormatDeadlineTime is FormatDeadline without the date.
func (c *Common) FormatDeadlineTime(t time.Time) string { return c.FormatTime(data.DeadlineMinute(t)) }

// Minutes until t, rounded up, at least 1.
func (c *Common) MinutesUntil(t time.Time) int {
	d := t.Sub(c.Now())
	m := int((d + time.Minute - 1) / time.Minute)
	return max(m, 1)
}

// Tf formats a catalogue entry.
func (c *Common) Tf(k string, args ...any) string { return fmt.Sprintf(c.T(k), args...) }

// QuitMsg asks the shell to end the session; a kiosk ignores it.
type QuitMsg struct{}
