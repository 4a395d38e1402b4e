package screens

import (
	"strconv"
	"strings"

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
	"home", "activation", "recovery", "password", "mail", "redirection", "dashboard", "rights", "lookup", "kiosk",
	"contact",
}

// helpAliases let screens name their topic in their own words.
var helpAliases = map[string]string{
	"login": "home", "first": "activation", "problem": "recovery", "reset": "recovery",
	"recoverymail": "mail", "services": "dashboard", "ia": "lookup",
	"mailbox": "kiosk", "demo": "kiosk", "helpdesk": "contact", "privacy": "kiosk",
}

// defaultIdleSeconds is the kiosk's idle wipe as the help tells it (the
// shell's default; an operator may configure another).
const defaultIdleSeconds = 120

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
	h := &Help{c: c, topic: helpTopicIndex(nav.Topic), builtTopic: -1}
	h.vp = viewport.New(40, 10)
	h.vp.KeyMap = scrollKeyMap()
	return h
}

// scrollKeyMap is the viewports' keys: up, down, page up and down. The
// default's ctrl+d and h/l are taken elsewhere (home key, typing).
func scrollKeyMap() viewport.KeyMap {
	return viewport.KeyMap{
		PageDown:     key.NewBinding(key.WithKeys("pgdown", " ")),
		PageUp:       key.NewBinding(key.WithKeys("pgup")),
		Down:         key.NewBinding(key.WithKeys("down", "j")),
		Up:           key.NewBinding(key.WithKeys("up", "k")),
		HalfPageDown: key.NewBinding(key.WithDisabled()),
		HalfPageUp:   key.NewBinding(key.WithDisabled()),
		Left:         key.NewBinding(key.WithDisabled()),
		Right:        key.NewBinding(key.WithDisabled()),
	}
}

// helpTopicIndex finds a topic by id or alias; unknown ids open the first.
func helpTopicIndex(id string) int {
	if a, ok := helpAliases[id]; ok {
		id = a
	}
	for i, t := range helpTopics {
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
func (h *Help) HelpTopic() string { return helpTopics[h.topic] }

func (h *Help) topicKey() key.Binding {
	return h.c.bind([]string{"tab", "shift+tab", "left", "right"}, "Tab/←→", "key.topic")
}

func (h *Help) Keys() []key.Binding {
	h.build()
	keys := []key.Binding{h.topicKey()}
	if h.vp.TotalLineCount() > h.vp.Height {
		keys = append(keys, h.c.ScrollKey())
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
	case "tab", "right":
		h.setTopic((h.topic + 1) % len(helpTopics))
	case "shift+tab", "left":
		h.setTopic((h.topic + len(helpTopics) - 1) % len(helpTopics))
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
	width := max(h.c.Width-2, 60)
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
	h.vp.SetContent(h.c.helpText(helpTopics[h.topic], w))
	if h.builtTopic != h.topic {
		h.vp.GotoTop()
	}
	h.builtLang, h.builtWidth, h.builtTopic, h.builtHeight = h.c.Lang, w, h.topic, ht
}

func (h *Help) View() string {
	h.build()
	st := h.c.Styles
	menu := make([]string, 0, len(helpTopics))
	for i, t := range helpTopics {
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
		st.Strong.Render(h.c.T("help."+helpTopics[h.topic])),
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
	r := strings.NewReplacer(
		"{min}", strconv.Itoa(data.PasswordMinLength),
		"{rec}", strconv.Itoa(data.PasswordRecommendedLength),
		"{max}", strconv.Itoa(data.PasswordMaxLength),
		"{delay}", strconv.Itoa(int(data.ActivationDelay.Minutes())),
		"{lifetime}", strconv.Itoa(int(data.CodeLifetime.Hours())),
		"{tries}", strconv.Itoa(data.CodeMaxFailures),
		"{resend}", strconv.Itoa(int(data.ResendCooldown.Seconds())),
		"{mails}", strconv.Itoa(data.MailsPerHour),
		"{digits}", strconv.Itoa(data.CodeDigits),
		"{idle}", strconv.Itoa(defaultIdleSeconds),
		"{studentdomain}", Clean(cfg.StudentDomain),
		"{staffdomain}", Clean(cfg.StaffDomain),
		"{contact}", Clean(cfg.HelpdeskContact),
	)
	return c.wrapText(r.Replace(c.T("help."+topic+".text")), width)
}

// wrapText wraps paragraphs to width, breaking only at spaces (never
// inside "Jean-Luc" or "Wi-Fi"). A line starting with "- " or "1. " is a
// list item: its continuation lines are indented under its text, as are
// those of an indented line. A line starting with "## " is a heading.
func (c *Common) wrapText(s string, width int) string {
	var out []string
	for _, line := range strings.Split(frenchSpaces.Replace(s), "\n") {
		if strings.HasPrefix(line, "## ") {
			out = append(out, c.Styles.Strong.Render(ansi.Truncate(line[3:], width, "…")))
			continue
		}
		indent := listIndent(line)
		for i, w := range wrapWords(line[indent:], max(width-indent, 10)) {
			if i == 0 {
				out = append(out, line[:indent]+w)
			} else {
				out = append(out, strings.Repeat(" ", indent)+w)
			}
		}
	}
	return strings.Join(out, "\n")
}

// frenchSpaces keeps French punctuation with its word: a line never starts
// with « ; » or « : » nor ends with « « ».
var frenchSpaces = strings.NewReplacer(" ;", "\u00a0;", " :", "\u00a0:", " ?", "\u00a0?", " !", "\u00a0!",
	"« ", "«\u00a0", " »", "\u00a0»", " %", "\u00a0%")

// wrapWords breaks s at spaces into lines of at most width cells; a word
// longer than a line is cut.
func wrapWords(s string, width int) []string {
	var lines []string
	cur, curWidth := "", 0
	for _, w := range strings.Split(s, " ") {
		ww := ansi.StringWidth(w)
		for ww > width {
			if cur != "" {
				lines = append(lines, cur)
				cur, curWidth = "", 0
			}
			lines = append(lines, ansi.Truncate(w, width, ""))
			w = ansi.TruncateLeft(w, width, "")
			ww = ansi.StringWidth(w)
		}
		switch {
		case cur == "" && len(lines) > 0 && w == "":
			// a run of spaces at a break: dropped
		case curWidth == 0 && cur == "":
			cur, curWidth = w, ww
		case curWidth+1+ww <= width:
			cur, curWidth = cur+" "+w, curWidth+1+ww
		default:
			lines = append(lines, cur)
			cur, curWidth = w, ww
		}
	}
	return append(lines, cur)
}

// listIndent is the width of a list item's marker ("- ", "12. ") or of a
// line's leading spaces, or 0.
func listIndent(line string) int {
	if strings.HasPrefix(line, "- ") {
		return 2
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(line) && line[i] == '.' && line[i+1] == ' ' {
		return i + 2
	}
	return len(line) - len(strings.TrimLeft(line, " "))
}
