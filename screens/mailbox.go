package screens

import (
	"context"
	"regexp"
	"strings"
	"sync"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"entkiosk/data"
	"entkiosk/data/wrap"
)

// Mailbox is the demo mailbox (F4, only with --demo): on a demo kiosk the
// outbox is the mailbox, so that a newcomer can read an activation or reset
// code without a second terminal. Showing codes is its purpose; the shell
// opens it only in demo mode.
type Mailbox struct {
	c        *Common
	id       int
	mails    []data.Mail
	selected int
	loaded   bool
	err      error // said at View time (F2 follows)
	vp       viewport.Model
	// what the viewport shows: rebuilt when the mail or the size changes
	shownID    int64
	shownWidth int
	shownLang  Lang // a cancelled mail's notice is in the session's language
}

type mailboxLoadedMsg struct {
	id    int
	mails []data.Mail
	err   error
}

// mailboxRows is the most mails listed at once at 80×24 (then the list
// scrolls): with four, the first page of an activation or reset mail shows
// its code. A taller terminal lists more.
const mailboxRows = 4

// mailboxLimit is the most mails read: a demo kiosk, not an archive.
const mailboxLimit = 200

// codeLine is the line of a mail that carries its code ("Code : 12345678").
var codeLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^Code ?: ?[0-9]{8}$`) })

// NewMailbox opens the demo mailbox; the mails are read by Init.
func NewMailbox(c *Common, nav NavigateMsg) Screen {
	m := &Mailbox{c: c, id: c.NewID(), shownID: -1}
	m.vp = viewport.New(60, 8)
	// The viewport pages; ↑/↓ choose the mail instead of scrolling it.
	m.vp.KeyMap = scrollKeyMap()
	m.vp.KeyMap.Down = key.NewBinding(key.WithDisabled())
	m.vp.KeyMap.Up = key.NewBinding(key.WithDisabled())
	return m
}

// IsMailbox tells the shell that F4 here is already answered.
func (m *Mailbox) IsMailbox() {}

func (m *Mailbox) Init() tea.Cmd { return m.load() }

func (m *Mailbox) HelpTopic() string { return "mailbox" }

func (m *Mailbox) load() tea.Cmd {
	store, id := m.c.Store, m.id
	return func() tea.Msg {
		mails, err := store.Outbox(context.Background(), data.OutboxFilter{DueOnly: true, Limit: mailboxLimit})
		return mailboxLoadedMsg{id: id, mails: mails, err: err}
	}
}

func (m *Mailbox) Keys() []key.Binding {
	c := m.c
	var keys []key.Binding
	if len(m.mails) > 1 {
		keys = append(keys, c.bind([]string{"up", "down"}, "↑/↓", "key.mail"))
	}
	if m.vp.TotalLineCount() > m.vp.Height {
		keys = append(keys, c.bind([]string{"pgup", "pgdown"}, "PgUp/PgDn", "key.scroll"))
	}
	return append(keys, c.bind([]string{"r", "f5"}, "r", "key.refresh"))
}

func (m *Mailbox) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case mailboxLoadedMsg:
		if msg.id != m.id {
			return m, nil
		}
		if msg.err != nil {
			m.c.Log.Error("demo mailbox", "err", msg.err)
			m.err = msg.err
			return m, nil
		}
		m.err = nil
		// A new mail is what one refreshes for: select it. Otherwise keep
		// the mail being read.
		keep := int64(0)
		if m.selected < len(m.mails) {
			keep = m.mails[m.selected].ID
		}
		newest := len(m.mails) == 0 || len(msg.mails) == 0 || msg.mails[0].ID != m.mails[0].ID
		m.mails, m.loaded, m.selected = msg.mails, true, 0
		if !newest {
			for i, mail := range m.mails {
				if mail.ID == keep {
					m.selected = i
				}
			}
		}
		m.shownID = -1
		return m, nil
	case tea.KeyMsg:
		switch msg.String() {
		case "esc":
			return m, Back
		case "r", "f5":
			return m, m.load()
		case "up", "k":
			if m.selected > 0 {
				m.selected--
			}
		case "down", "j":
			if m.selected < len(m.mails)-1 {
				m.selected++
			}
		case "home":
			m.vp.GotoTop()
		case "end":
			m.vp.GotoBottom()
		default:
			m.build()
			m.vp, _ = m.vp.Update(msg)
		}
	}
	return m, nil
}

// rows is how many mails the list can show; listRows how many it shows.
func (m *Mailbox) rows() int     { return max(mailboxRows, (m.c.BodyHeight()-6)/3) }
func (m *Mailbox) listRows() int { return min(len(m.mails), m.rows()) }

// build puts the selected mail in the viewport when it changed.
func (m *Mailbox) build() {
	width := max(m.c.Width-2, 40)
	// title + margin, list, the mail's subject in a rule, and the scroll
	// line under the mail (never the mail's text right above the frame's
	// status line, where it would look cut by it)
	m.vp.Width, m.vp.Height = width, max(m.c.BodyHeight()-2-m.listRows()-1-1, 3)
	if m.selected >= len(m.mails) {
		m.vp.SetContent("")
		return
	}
	mail := m.mails[m.selected]
	if mail.ID == m.shownID && width == m.shownWidth && m.c.Lang == m.shownLang {
		return
	}
	body := m.c.mailBody(mail.Body, width)
	switch {
	case mail.Status == data.MailCancelled && mail.CancelWhy == data.CancelUsed:
		body = m.c.Styles.Muted.Render(wrap.Text(m.c.T("mailbox.used"), width)) + "\n\n" + body
	case mail.Status == data.MailCancelled: // its code no longer works: say so above it
		body = m.c.Styles.Warning.Render(wrap.Text(m.c.T("mailbox.cancelled"), width)) + "\n\n" + body
	}
	// Another mail starts at its top; the same one, redrawn for a new
	// width or language, stays where the reader was.
	offset := m.vp.YOffset
	m.vp.SetContent(body)
	if mail.ID == m.shownID {
		m.vp.SetYOffset(offset)
	} else {
		m.vp.GotoTop()
	}
	m.shownID, m.shownWidth, m.shownLang = mail.ID, width, m.c.Lang
}

// mailBody is a mail's text, cleaned line by line, wrapped, with its code
// line highlighted.
func (c *Common) mailBody(body string, width int) string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		line = Clean(line)
		if codeLine().MatchString(strings.TrimSpace(line)) {
			out = append(out, c.Styles.Code.Render("▶ "+strings.TrimSpace(line)))
			continue
		}
		out = append(out, wrap.Text(line, width))
	}
	return strings.Join(out, "\n")
}

func (m *Mailbox) View() string {
	m.build()
	c, st := m.c, m.c.Styles
	width := max(c.Width-2, 40)
	parts := []string{st.Title.Render(c.T("mailbox.title"))}
	switch {
	case m.err != nil:
		return lipgloss.JoinVertical(lipgloss.Left, append(parts, st.Error.Render("✗ "+m.c.ErrorText(m.err)))...)
	case !m.loaded:
		return lipgloss.JoinVertical(lipgloss.Left, append(parts, st.Muted.Render(c.T("app.busy")))...)
	case len(m.mails) == 0:
		return lipgloss.JoinVertical(lipgloss.Left, append(parts, wrap.Text(c.T("mailbox.empty"), width))...)
	}
	// The list scrolls to keep the selected mail in sight.
	first := max(0, min(m.selected-m.rows()/2, len(m.mails)-m.rows()))
	for i := first; i < first+m.listRows(); i++ {
		parts = append(parts, m.row(i, width))
	}
	mail := m.mails[m.selected]
	subject := ansi.Truncate(m.c.shortSubject(mail.Subject), width-4, "…")
	parts = append(parts,
		st.HelpSep.Render("─ ")+st.Strong.Render(subject)+" "+
			st.HelpSep.Render(strings.Repeat("─", max(width-3-ansi.StringWidth(subject), 0))),
		m.vp.View(),
		st.Muted.Render(m.scrollLine()))
	return lipgloss.JoinVertical(lipgloss.Left, parts...)
}

// scrollLine says whether the mail goes on below; blank when it fits.
func (m *Mailbox) scrollLine() string {
	switch {
	case m.vp.TotalLineCount() <= m.vp.Height:
		return ""
	case m.vp.AtBottom():
		return m.c.T("mailbox.end")
	}
	return m.c.T("mailbox.more")
}

// row is one mail in the list: date, recipient, subject.
func (m *Mailbox) row(i, width int) string {
	c, st, mail := m.c, m.c.Styles, m.mails[i]
	date := c.Local(mail.NotBefore).Format("02/01 15:04")
	toWidth := 0 // the recipients' column is as wide as they need, within limits
	for _, other := range m.mails {
		toWidth = max(toWidth, min(ansi.StringWidth(Clean(other.To)), 30))
	}
	to := ansi.Truncate(Clean(mail.To), toWidth, "…")
	subject := m.c.shortSubject(mail.Subject)
	switch {
	case mail.Status == data.MailCancelled && mail.CancelWhy == data.CancelUsed:
		subject = c.T("mailbox.used.tag") + subject
	case mail.Status == data.MailCancelled:
		subject = c.T("mailbox.cancelled.tag") + subject
	}
	line := date + "  " + to + strings.Repeat(" ", toWidth-ansi.StringWidth(to)) + "  " + subject
	line = ansi.Truncate(line, width-2, "…")
	if i == m.selected {
		return st.LinkOn.Render("› " + line)
	}
	return st.Link.Render("  " + line)
}

// shortSubject drops the university's name that ends every subject: the
// screen already says where it is, and a bilingual subject needs the room.
func (c *Common) shortSubject(subject string) string {
	subject = Clean(subject)
	for _, name := range []string{c.institution().Name.FR, c.institution().Name.EN} {
		if name != "" {
			subject = strings.TrimSuffix(subject, " — "+Clean(name))
		}
	}
	return subject
}
