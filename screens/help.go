package screens

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"entkiosk/data"
)

// helpTopics are the pages of Aide, in the order of the menu. A screen's
// HelpTopic() names one of them (or an alias below); each has a title
// "help.<id>" and a text "help.<id>.text" in the catalogue.
var helpTopics = []string{
	"home", "activation", "remote", "recovery", "password", "mail", "redirection", "dashboard", "rights", "lookup", "kiosk",
	"contact",
}

// helpAliases let screens name their topic in their own words.
var helpAliases = map[string]string{
	"login": "home", "first": "activation", "problem": "recovery", "reset": "recovery",
	"recoverymail": "mail", "services": "dashboard", "ia": "lookup",
	"mailbox": "kiosk", "demo": "kiosk", "helpdesk": "contact", "privacy": "kiosk",
	"ssh": "remote", "fromhome": "remote",
}

// defaultIdle is the idle wipe the help tells when the shell did not say
// (the shell's default).
const defaultIdle = 120 * time.Second

// helpMenuWidth is the width of the topics column.
const helpMenuWidth = 26

// helpTextMaxWidth is the widest the text column grows.
const helpTextMaxWidth = 76

// Help is Aide: the help texts by topic, the text in a viewport.
type Help struct {
	c     *Common
	topic int
	vp    viewport.Model
	// what the viewport's content was built for: rebuilt when the language
	// (F2), the size or the topic changes.
	builtLang   Lang
	builtWidth  int
	builtTopic  int
	builtHeight int
}

// NewHelp opens Aide at nav.Topic (the topic of the screen F1 was pressed on).
func NewHelp(c *Common, nav NavigateMsg) Screen {
	h := &Help{c: c, builtTopic: -1}
	h.topic = helpTopicIndex(h.topics(), nav.Topic)
	h.vp = viewport.New(40, 10)
	// ↑/↓ go through the topics (the list on the left); the text scrolls
	// by page.
	h.vp.KeyMap = scrollKeyMap()
	h.vp.KeyMap.Up.SetEnabled(false)
	h.vp.KeyMap.Down.SetEnabled(false)
	return h
}

// helpTopicIndex finds a topic by id or alias; unknown ids open the first.
func helpTopicIndex(topics []string, id string) int {
	if a, ok := helpAliases[id]; ok {
		id = a
	}
	for i, t := range topics {
		if t == id {
			return i
		}
	}
	return 0
}

// IsHelp tells the shell that F1 here would stack help on help.
func (h *Help) IsHelp() {}

func (h *Help) Init() tea.Cmd { return nil }

// HelpTopic is the topic shown.
func (h *Help) HelpTopic() string { return h.topics()[h.topic] }

func (h *Help) topicKey() key.Binding {
	return h.c.bind([]string{"up", "down", "tab", "shift+tab", "left", "right"}, "↑/↓", "key.topic")
}

func (h *Help) Keys() []key.Binding {
	h.build()
	keys := []key.Binding{h.topicKey()}
	if h.vp.TotalLineCount() > h.vp.Height {
		keys = append(keys, h.c.bind([]string{"pgdown", "pgup", " "}, "PgUp/PgDn", "key.scroll"))
	}
	return keys
}

func (h *Help) Update(msg tea.Msg) (Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return h, nil
	}
	switch k.String() {
	case "esc":
		return h, Back
	case "tab", "right", "down":
		h.setTopic((h.topic + 1) % len(h.topics()))
	case "shift+tab", "left", "up":
		h.setTopic((h.topic + len(h.topics()) - 1) % len(h.topics()))
	case "home":
		h.vp.GotoTop()
	case "end":
		h.vp.GotoBottom()
	default:
		h.build()
		h.vp, _ = h.vp.Update(k)
	}
	return h, nil
}

func (h *Help) setTopic(i int) {
	h.topic = i
	h.build()
}

// sizes: the text column and the viewport's height at the current size.
func (h *Help) sizes() (textWidth, height int) {
	width := h.c.bodyWidth()
	// Lines longer than this are hard to read on a wide terminal.
	return min(width-helpMenuWidth-2, helpTextMaxWidth), h.c.BodyHeight() - 4 // title + margin, topic title, scroll line
}

// build refreshes the viewport's content when what it shows has changed.
func (h *Help) build() {
	w, ht := h.sizes()
	if h.builtLang == h.c.Lang && h.builtWidth == w && h.builtTopic == h.topic && h.builtHeight == ht {
		return
	}
	h.vp.Width, h.vp.Height = w, ht
	h.vp.SetContent(h.c.helpText(h.topics()[h.topic], w))
	if h.builtTopic != h.topic {
		h.vp.GotoTop()
	}
	h.builtLang, h.builtWidth, h.builtTopic, h.builtHeight = h.c.Lang, w, h.topic, ht
}

func (h *Help) View() string {
	h.build()
	st := h.c.Styles
	menu := make([]string, 0, len(h.topics()))
	for i, t := range h.topics() {
		label := ansi.Truncate(h.c.T("help."+t), helpMenuWidth-2, "…")
		if i == h.topic {
			menu = append(menu, st.LinkOn.Render("› "+label))
		} else {
			menu = append(menu, st.Link.Render("  "+label))
		}
	}
	scroll := ""
	if h.vp.TotalLineCount() > h.vp.Height {
		scroll = h.c.T("help.more")
		if h.vp.AtBottom() {
			scroll = h.c.T("help.end")
		}
	}
	text := lipgloss.JoinVertical(lipgloss.Left,
		st.Strong.Render(h.c.T("help."+h.topics()[h.topic])),
		h.vp.View(),
		st.Muted.Render(scroll))
	left := lipgloss.NewStyle().Width(helpMenuWidth).Render(strings.Join(menu, "\n"))
	return lipgloss.JoinVertical(lipgloss.Left,
		st.Title.Render(h.c.T("help.title")),
		lipgloss.JoinHorizontal(lipgloss.Top, left, "  ", text))
}

// helpText is a topic's text with the rules' figures filled in, wrapped to width.
func (c *Common) helpText(topic string, width int) string {
	cfg := c.Store.Config()
	idle := c.IdleFor()
	if idle <= 0 {
		idle = defaultIdle
	}
	// In the order the help texts number them (data/text/*/help.go).
	figures := []any{
		data.PasswordMinLength,
		data.PasswordRecommendedLength,
		data.PasswordMaxLength,
		int(data.ActivationDelay.Minutes()),
		int(data.CodeLifetime.Hours()),
		data.CodeMaxFailures,
		int(data.ResendCooldown.Seconds()),
		data.MailsPerHour,
		data.CodeDigits,
		int(idle.Seconds()),
		int(IdleWarning(idle).Seconds()),
		Clean(cfg.StudentDomain),
		Clean(cfg.StaffDomain),
		c.helpdeskContact(),
		c.remoteCommand(),
	}
	s := c.T("help." + topic + ".text")
	if strings.Contains(s, "%") { // a text without figures takes none
		s = fmt.Sprintf(s, figures...)
	}
	return c.wrapText(s, width)
}

// remoteCommand is how to reach this service from home: the web page when
// the server has one (--link-url), the ssh command with the address the
// mails' links use, or, when the server was not told its public address,
// to ask the helpdesk for it.
func (c *Common) remoteCommand() string {
	cfg := c.Store.Config()
	var ways []string
	if cfg.LinkURL != "" {
		ways = append(ways, c.Tf("web.help.remote", Clean(cfg.LinkURL)))
	}
	switch {
	case cfg.LinkHost != "":
		port := cfg.LinkPort
		if port == 0 {
			port = 22 // as in the mails' links
		}
		ways = append(ways, c.Tf("help.remote.command", port, Clean(cfg.LinkHost)))
	case len(ways) == 0:
		return c.Tf("help.remote.nohost", c.helpdeskAside())
	}
	return strings.Join(ways, "\n\n")
}

// --- the helpdesk console's topic (helpdesk helper): in the menu of agents
// only, and what F1 opens in the console. Its texts are in the catalogue's
// helpdesk section (help.console, help.console.text).

// consoleHelpTopic is the console's page of Aide.
const consoleHelpTopic = "console"

// topics are the pages this session's Aide offers: a helpdesk agent also
// has the console's, last.
func (h *Help) topics() []string {
	if a := h.c.Account; a != nil && a.Helpdesk {
		return append(helpTopics[:len(helpTopics):len(helpTopics)], consoleHelpTopic)
	}
	return helpTopics
}
