package screens

import (
	"context"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
)

// hdCard is a person's card, in four tabs (←/→): the card and its actions,
// the history, the guided walk-through, the person's audit log.
type hdCard struct {
	h        *Helpdesk
	id       int
	personID int64
	card     *data.PersonCard
	tab      int
	actions  *Form
	history  scroller
	facts    scroller // the card tab's facts, when they do not all fit
	walk     *hdWalk
	journal  *hdAudit
	notice   string
	errText  string
}

const (
	tabCard = iota
	tabHistory
	tabWalk
	tabJournal
	tabCount
)

var tabLabels = [tabCount]string{"helpdesk.tab.card", "helpdesk.tab.history", "helpdesk.tab.walk", "helpdesk.tab.journal"}

type hdCardMsg struct {
	id     int
	card   *data.PersonCard
	notice string
	err    error
	quiet  bool // a re-read in the background: no spinner, the notice kept
}

// cardRefresh is how often an open card is read again: a lock set from
// another terminal shows without a key (one card read, a few queries).
const cardRefresh = 5 * time.Second

// hdCardTickMsg asks the card id to read itself again.
type hdCardTickMsg struct{ id int }

func newHDCard(h *Helpdesk, personID int64) *hdCard {
	p := &hdCard{h: h, id: h.c.NewID(), personID: personID}
	p.walk = &hdWalk{card: p}
	p.journal = newHDAudit(h, p)
	return p
}

// load reads the card again (after an action, notice says what was done).
func (p *hdCard) load(notice string) tea.Cmd {
	store, agent, origin, id, person := p.h.c.Store, p.h.c.Account, p.h.c.Origin(), p.id, p.personID
	return p.h.busy.Start(func() tea.Msg {
		card, err := store.HelpdeskCard(context.Background(), agent, person, origin)
		return hdCardMsg{id: id, card: card, notice: notice, err: err}
	})
}

// reread reads the card again in the background: keys still work, what is
// shown stays until the answer comes.
func (p *hdCard) reread() tea.Cmd {
	store, agent, origin, id, person := p.h.c.Store, p.h.c.Account, p.h.c.Origin(), p.id, p.personID
	return func() tea.Msg {
		card, err := store.HelpdeskCard(context.Background(), agent, person, origin)
		return hdCardMsg{id: id, card: card, err: err, quiet: true}
	}
}

// tick schedules the next background re-read.
func (p *hdCard) tick() tea.Cmd {
	if p.h.c.Tick == nil {
		return nil
	}
	id := p.id
	return p.h.c.Tick(cardRefresh, func(time.Time) tea.Msg { return hdCardTickMsg{id: id} })
}

func (p *hdCard) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case hdCardTickMsg:
		// Read again only when the agent sees the card (not under a
		// confirmation, whose facts must not move); the ticks go on.
		if p.card != nil && p.h.top() == hdPage(p) && !p.h.busy.On() {
			return tea.Batch(p.reread(), p.tick())
		}
		return p.tick()
	case hdCardMsg:
		if msg.quiet {
			if msg.id == p.id && msg.err == nil && msg.card != nil && p.card != nil {
				p.card = msg.card
				p.buildActionsKeepingFocus()
			}
			return nil
		}
		if !p.h.answered(p.id, msg.id, msg.err, &p.errText) {
			return nil
		}
		first := p.card == nil
		p.card, p.notice, p.errText = msg.card, msg.notice, ""
		p.buildActions()
		if first {
			p.walk.start()
			return p.tick()
		}
		return nil
	case hdAuditMsg:
		return p.journal.update(msg)
	case tea.KeyMsg:
		return p.key(msg)
	}
	return nil
}

// buildActionsKeepingFocus rebuilds the actions after a re-read, the
// focus staying on the same action when it is still offered.
func (p *hdCard) buildActionsKeepingFocus() {
	focused := ""
	if p.actions != nil {
		if a, ok := p.actions.Focused().(*Action); ok {
			focused = a.ID
		}
	}
	p.buildActions()
	for _, it := range p.actions.items {
		if a, ok := it.(*Action); ok && a.ID == focused {
			p.actions.FocusItem(a)
		}
	}
}

// buildActions offers the actions that apply to this account now.
func (p *hdCard) buildActions() {
	c := p.card
	f := NewForm(p.h.c)
	for _, a := range CardActions(c) {
		f.AddAction(string(a), "helpdesk.action."+nextActionKey[a], true)
	}
	p.actions = f
}

func (p *hdCard) key(k tea.KeyMsg) tea.Cmd {
	if p.card == nil {
		if k.String() == "esc" {
			return p.h.pop()
		}
		return nil
	}
	switch k.String() {
	case "esc":
		return p.h.pop()
	case "left", "right":
		step := map[string]int{"left": tabCount - 1, "right": 1}[k.String()]
		return p.setTab((p.tab + step) % tabCount)
	case "1", "2", "3", "4":
		return p.setTab(int(k.String()[0] - '1'))
	case "r":
		if p.tab != tabJournal { // the journal's filters take letters
			p.notice, p.errText = "", ""
			return p.load("")
		}
	}
	switch p.tab {
	case tabCard:
		if k.String() == "pgup" || k.String() == "pgdown" {
			if _, room, more := p.cardTab(p.tabHeight()); more {
				p.facts.key(k.String(), room)
			}
			return nil
		}
		if ev := p.actions.Update(k); ev.Action != "" {
			return p.act(data.NextAction(ev.Action))
		}
	case tabHistory:
		p.history.lines = p.h.timelineLines(p.card)
		p.history.key(k.String(), p.tabHeight())
	case tabWalk:
		return p.walk.key(k)
	case tabJournal:
		return p.journal.update(k)
	}
	return nil
}

// setTab shows tab t with the card read again, so that a tab never shows
// facts older than the agent's last move.
func (p *hdCard) setTab(t int) tea.Cmd {
	p.tab = t
	p.notice, p.errText = "", ""
	if t == tabJournal && p.journal.entries == nil {
		return tea.Batch(p.reread(), p.journal.reload())
	}
	return p.reread()
}

// act opens the confirmation of an action.
func (p *hdCard) act(a data.NextAction) tea.Cmd {
	p.notice, p.errText = "", ""
	switch a {
	case data.NextResendActivation, data.NextSendReset, data.NextUnlock:
		return p.h.push(newHDConfirm(p, a), nil)
	case data.NextCorrectRecovery:
		return p.h.push(newHDCorrect(p), nil)
	}
	return nil
}

func (p *hdCard) keys() []key.Binding {
	c := p.h.c
	if p.card == nil {
		return nil
	}
	k := []key.Binding{c.bind([]string{"left", "right"}, "←/→", "helpdesk.key.tabs")}
	switch p.tab {
	case tabCard:
		if len(p.actions.items) > 0 {
			k = append(k, c.bind([]string{"tab", "down"}, "↑/↓", "key.choose"), c.SubmitKey("helpdesk.key.act"))
		}
		if _, _, more := p.cardTab(p.tabHeight()); more {
			k = append(k, c.bind([]string{"pgdown", "pgup"}, "PgDn/PgUp", "helpdesk.key.more"))
		}
	case tabHistory:
		if len(p.history.lines) > p.tabHeight() {
			k = append(k, c.ScrollKey())
		}
	case tabWalk:
		k = append(k, p.walk.keys()...)
	case tabJournal:
		k = append(k, p.journal.keys()...)
	}
	return k
}

// headLines are the person's name and identifiant, wrapped.
func (p *hdCard) headLines() []string {
	st := p.h.c.Styles
	spans := []span{{p.card.Person.DisplayName(), st.Strong.Render}}
	if p.card.HasAccount() {
		spans = append(spans, span{" · " + Clean(p.card.Identifiant), st.Muted.Render})
	}
	return flow(p.h.width(), spans...)
}

// tabHeight is the lines a tab has under the head and the tabs, above the
// status.
func (p *hdCard) tabHeight() int {
	head := 1
	if p.card != nil {
		head = len(p.headLines())
	}
	return max(p.h.c.BodyHeight()-head-2-len(p.h.status(p.notice, p.errText)), 4)
}

func (p *hdCard) view() string {
	h, c, st := p.h, p.h.c, p.h.c.Styles
	if p.card == nil {
		return strings.Join(append([]string{st.Title.Render(c.T("helpdesk.title"))}, h.status("", p.errText)...), "\n")
	}
	var tabs []string
	for i, label := range tabLabels {
		name := c.Tf("helpdesk.tab.format", i+1, c.T(label))
		if i == p.tab {
			tabs = append(tabs, st.ButtonOn.Render(" "+name+" "))
		} else {
			tabs = append(tabs, st.Muted.Render(" "+name+" "))
		}
	}
	height := p.tabHeight()
	var body []string
	switch p.tab {
	case tabCard:
		body, _, _ = p.cardTab(height)
	case tabHistory:
		// Drawn each time: F2 or a new size changes the words and the lines.
		p.history.lines = h.timelineLines(p.card)
		body = p.history.view(height)
	case tabWalk:
		body = p.walk.lines(height)
	case tabJournal:
		body = p.journal.lines(height)
	}
	for len(body) < height {
		body = append(body, "")
	}
	lines := append(append(p.headLines(), strings.Join(tabs, " "), ""), body[:height]...)
	return strings.Join(append(lines, h.status(p.notice, p.errText)...), "\n")
}

// cardTab draws the card tab in height lines: the facts, then the actions,
// which stay in view. Facts that do not all fit scroll (PgDn/PgUp) under a
// line that says so (more).
func (p *hdCard) cardTab(height int) (lines []string, room int, more bool) {
	c, st := p.h.c, p.h.c.Styles
	facts := p.cardLines()
	acts := []string{"", st.Strong.Render(c.T("helpdesk.card.actions"))}
	if len(p.actions.items) == 0 {
		acts = append(acts, st.Muted.Render("  "+c.T("helpdesk.card.noaction")))
	} else {
		acts = append(acts, strings.Split(p.actions.View(), "\n")...)
	}
	room = height - len(acts)
	if len(facts) > room {
		acts, room = acts[1:], room+1 // the blank line before the actions goes first
	}
	p.facts.lines = facts
	if len(facts) <= room {
		return append(facts, acts...), room, false
	}
	room = max(room-1, 1)
	shown := p.facts.view(room)
	hint := "helpdesk.card.more.down"
	if p.facts.off+room >= len(facts) {
		hint = "helpdesk.card.more.up"
	}
	shown = append(append([]string(nil), shown...), st.Muted.Render(c.T(hint)))
	return append(shown, acts...), room, true
}

// cardLines are the facts of the card: who, the account, its locks.
func (p *hdCard) cardLines() []string {
	h, c, st := p.h, p.h.c, p.h.c.Styles
	card := p.card
	lw := labelColumn(c.T("helpdesk.card.category"), c.T("helpdesk.card.account"), c.T("helpdesk.card.rights"),
		c.T("helpdesk.card.registrations"), c.T("helpdesk.card.recovery"), c.T("helpdesk.card.redirect"),
		c.T("helpdesk.card.locks"))
	width := h.width() - lw
	field := func(label string, spans ...span) []string {
		lead := ""
		if label != "" {
			lead = c.T(label)
		}
		return hang(st.Label.Render(padTo(lead, lw)), flow(width, spans...))
	}
	text := func(s string) span { return span{text: s} }
	who := c.T("helpdesk.card.student")
	if card.Person.Category == data.Staff {
		who = c.T("helpdesk.card.staff")
	} else {
		who += " · " + c.Tf("helpdesk.card.number", Clean(card.Person.StudentNumber))
	}
	who += " · " + c.Tf("helpdesk.card.born", c.FormatDate(card.Person.BirthDate))
	lines := append(field("helpdesk.card.category", text(who)), field("helpdesk.card.account", text(p.accountLine()))...)
	switch {
	case card.RightsActive():
		lines = append(lines, field("helpdesk.card.rights", text(c.Tf("helpdesk.card.rights.until",
			c.FormatDate(card.RightsEnd))))...)
	case card.RightsEnd.IsZero():
		lines = append(lines, field("helpdesk.card.rights", span{c.T("helpdesk.card.rights.none"), st.Error.Render})...)
	default:
		lines = append(lines, field("helpdesk.card.rights", span{c.Tf("helpdesk.card.rights.ended",
			c.FormatDate(card.RightsEnd)), st.Error.Render})...)
	}
	regs := card.Current()
	if len(regs) == 0 && card.Person.Category != data.Staff { // staff have no registration
		lines = append(lines, field("helpdesk.card.registrations", span{c.Tf("helpdesk.card.noregistration",
			card.CurrentYear, card.CurrentYear+1), st.Muted.Render})...)
	}
	for i, r := range regs {
		label := "helpdesk.card.registrations"
		if i > 0 {
			label = "" // the next ones under the first
		}
		lines = append(lines, field(label, text(Clean(r.AcademicYearLabel()+" "+r.CodeEtape)+" · "+
			c.T("helpdesk.reg."+r.Statut)+" · "+c.T("helpdesk.pay."+r.Paiement)+" · "+Clean(r.LibelleEtape)))...)
	}
	if card.HasAccount() {
		redirect := c.T("helpdesk.card.redirect.none")
		if card.Redirect != "" {
			redirect = Clean(card.Redirect)
			if card.KeepCopy {
				redirect += " " + c.T("helpdesk.card.redirect.copy")
			}
		}
		lines = append(lines, field("helpdesk.card.recovery", text(Clean(card.Recovery)))...)
		lines = append(lines, field("helpdesk.card.redirect", text(redirect))...)
		lines = append(lines, field("helpdesk.card.locks", p.locks()...)...)
		if d := card.Directory; d != nil {
			lines = append(lines, field("helpdesk.card.directory", p.directorySpans(d)...)...)
		}
	}
	return lines
}

// directorySpans: whether the directory knows the person (an activation
// waits for the provisioning otherwise), and the changes still on their way.
func (p *hdCard) directorySpans(d *data.DirectoryState) []span {
	c, st := p.h.c, p.h.c.Styles
	var out []span
	switch {
	case !d.Answered:
		out = append(out, span{c.T("helpdesk.card.directory.down"), st.Error.Render})
	case d.Known:
		out = append(out, span{text: c.T("helpdesk.card.directory.known")})
	default:
		out = append(out, span{c.T("helpdesk.card.directory.missing"), st.Error.Render})
	}
	if d.Pending > 0 {
		out = append(out, span{text: " · " + c.Nf("helpdesk.card.directory.pending", d.Pending)})
	}
	if d.Failed > 0 {
		out = append(out, span{" · " + c.Nf("helpdesk.card.directory.failed", d.Failed), st.Error.Render})
	}
	return out
}

func (p *hdCard) accountLine() string {
	h, c, card := p.h, p.h.c, p.card
	switch {
	case !card.HasAccount():
		return c.T("helpdesk.card.account.none")
	case card.Status == data.StatusActive:
		s := c.Tf("helpdesk.card.account.active", c.FormatDate(card.ActivatedAt))
		if !card.LastLoginAt.IsZero() {
			s += " · " + c.Tf("helpdesk.card.lastlogin", h.when(card.LastLoginAt))
		}
		return s
	case card.Now.Before(card.ActivationFrom):
		return c.Tf("helpdesk.card.account.early", h.when(card.ActivationFrom))
	}
	return c.Tf("helpdesk.card.account.pending", h.when(card.ActivationFrom))
}

// locks are the login lock and the IA lookup limit, each in its colour.
func (p *hdCard) locks() []span {
	h, c, st, card := p.h, p.h.c, p.h.c.Styles, p.card
	var parts []span
	switch l := card.LoginLock; {
	case l.Disabled:
		parts = append(parts, span{c.T("helpdesk.lock.login.closed"), st.Error.Render})
	case l.Locked(card.Now):
		parts = append(parts, span{h.fill(lockKey("helpdesk.lock.login.locked", l.Level), data.DeadlineMinute(l.Until), l.Level, ""), st.Error.Render})
	case l.Failures > 0:
		parts = append(parts, span{h.fill("helpdesk.lock.login.failures", l.Until, l.Failures, ""), st.Warning.Render})
	default:
		parts = append(parts, span{text: c.T("helpdesk.lock.login.free")})
	}
	if card.Person.StudentNumber != "" {
		parts = append(parts, span{text: " · "})
		switch l := card.LookupLock; {
		case l.Disabled:
			parts = append(parts, span{c.T("helpdesk.lock.lookup.disabled"), st.Error.Render})
		case l.Locked(card.Now):
			parts = append(parts, span{h.fill("helpdesk.lock.lookup.locked", data.DeadlineMinute(l.Until), l.Failures, ""), st.Error.Render})
		default:
			parts = append(parts, span{text: c.T("helpdesk.lock.lookup.free")})
		}
	}
	return parts
}

// scroller shows a window of lines (↑/↓ one line, pgup/pgdown a page).
type scroller struct {
	lines []string
	off   int
}

func (s *scroller) key(k string, height int) {
	step := map[string]int{"up": -1, "down": 1, "pgup": -height, "pgdown": height, "home": -len(s.lines),
		"end": len(s.lines)}[k]
	s.off = min(max(s.off+step, 0), max(len(s.lines)-height, 0))
}

func (s *scroller) view(height int) []string {
	s.off = min(s.off, max(len(s.lines)-height, 0))
	return s.lines[s.off:min(s.off+height, len(s.lines))]
}

// lockKey is the words of a lock: with its number (« verrouillage n° 2 »)
// only when the store counted one; a lock set from elsewhere without a
// count never shows « n° 0 ».
func lockKey(k string, level int) string {
	if level <= 0 {
		return k + ".nocount"
	}
	return k
}
