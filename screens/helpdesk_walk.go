package screens

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
	"entkiosk/data/wrap"
)

// hdWalk is the guided walk-through of a card: the case the person tells
// (Tab opens the list of the cases), the checks in order with what the
// store says of this person at each, and the next action (Enter opens it).
type hdWalk struct {
	card   *hdCard
	k      int // index in data.HelpCases
	scroll scroller
	room   int         // lines the checks had when last drawn
	choice *ListChoice // the list of the cases, while it is open
}

// start picks the case the account's state suggests.
func (w *hdWalk) start() {
	c := w.card.card
	switch {
	case !c.HasAccount() || c.Status == data.StatusPending:
		w.k = 0
	case c.LoginLock.Locked(c.Now) || c.LoginLock.Failures > 0:
		w.k = 2
	default:
		w.k = 1
	}
}

func (w *hdWalk) current() data.Walkthrough { return w.card.card.Walkthrough(data.HelpCases[w.k]) }

// heldBack: the next step sends a code that the limits on code mails
// allow only later (the card's action would be refused until then).
func (h *Helpdesk) heldBack(wt data.Walkthrough) bool {
	return actionable(wt.Next) && h.c.Now().Before(wt.NextFrom)
}

// actionable: the next step is an action of the card.
func actionable(n data.NextAction) bool {
	switch n {
	case data.NextResendActivation, data.NextSendReset, data.NextUnlock, data.NextCorrectRecovery:
		return true
	}
	return false
}

func (w *hdWalk) key(k tea.KeyMsg) tea.Cmd {
	switch k.String() {
	case "tab", "shift+tab":
		return w.chooseCase()
	case "enter":
		wt := w.current()
		if k, ok := caseOf[wt.Next]; ok {
			w.k, w.scroll.off = k, 0
			return nil
		}
		if w.offered(wt) {
			return w.card.act(wt.Next)
		}
	default:
		w.scroll.key(k.String(), w.room)
	}
	return nil
}

// offered: Enter does the next step now: an action of the card, which its
// limits let through.
func (w *hdWalk) offered(wt data.Walkthrough) bool {
	return actionable(wt.Next) && w.allowed(wt.Next) && !w.card.h.heldBack(wt)
}

// allowed: the card offers the action (the walk-through may name one the
// account's state makes impossible right now).
func (w *hdWalk) allowed(n data.NextAction) bool {
	for _, it := range w.card.actions.items {
		if a, ok := it.(*Action); ok && a.ID == string(n) {
			return true
		}
	}
	return false
}

func (w *hdWalk) keys() []key.Binding {
	c := w.card.h.c
	k := []key.Binding{c.bind([]string{"tab"}, "Tab", "helpdesk.key.choosecase")}
	switch wt := w.current(); {
	case w.offered(wt):
		k = append(k, c.SubmitKey("helpdesk.action."+nextActionKey[wt.Next]))
	case isCase(wt.Next):
		k = append(k, c.SubmitKey("helpdesk.key.gocase"))
	}
	if len(w.scroll.lines) > w.room {
		k = append(k, c.ScrollKey())
	}
	return k
}

// caseOf: the next steps that are another case of the walk-through.
var caseOf = map[data.NextAction]int{data.NextCaseNeverActivated: 0, data.NextCaseForgot: 1}

func isCase(n data.NextAction) bool {
	_, ok := caseOf[n]
	return ok
}

var nextActionKey = map[data.NextAction]string{data.NextResendActivation: "resend", data.NextSendReset: "reset",
	data.NextUnlock: "unlock", data.NextCorrectRecovery: "recovery"}

// lines draws the walk-through in height lines: the case line, then the
// checks and the next action, scrolled. While the list of the cases is
// open, it takes the case line's place (Enter is the list's: no "Entrée :
// …" under the next action); when all does not fit, the next action gives
// its room to the checks, which end with the codes and their mail in view.
func (w *hdWalk) lines(height int) []string {
	h := w.card.h
	c, st := h.c, h.c.Styles
	width := h.width()
	var cases []string
	for i, k := range data.HelpCases {
		if i == w.k {
			cases = append(cases, st.Strong.Render("◉ "+c.T("helpdesk.case."+string(k))))
		} else {
			cases = append(cases, st.Muted.Render("○ "+c.T("helpdesk.case."+string(k))))
		}
	}
	head := flow(width, span{text: strings.Join(cases, "  ")})
	wt := w.current()
	checks := w.checkLines(wt)
	next := []string{""}
	for i, l := range wrap.Lines(h.nextText(wt), width-2) {
		prefix := "  "
		if i == 0 {
			prefix = "→ "
		}
		next = append(next, st.LinkOn.Render(prefix+l))
	}
	if w.choice != nil {
		w.choice.SetWidth(width)
		head = append(strings.Split(w.choice.View(), "\n"), "")
		if len(head)+len(checks)+len(next) > height {
			room := max(height-len(head), 1)
			return append(head, checks[max(len(checks)-room, 0):]...)
		}
		return append(append(head, checks...), next...)
	}
	// The next action stays in view; the checks scroll above it.
	if w.offered(wt) {
		next = append(next, st.Muted.Render("  "+c.Tf("helpdesk.next.enter", c.T("helpdesk.action."+nextActionKey[wt.Next]))))
	}
	w.scroll.lines = checks
	room := height - len(head) - len(next)
	if room < 1 && next[0] == "" { // short of room, the blank above the next action goes first
		next, room = next[1:], room+1
	}
	if room < 1 { // still short (60 × 16): the case line goes, whole, never the next action
		head, room = nil, room+len(head)
	}
	w.room = max(room, 1)
	out := append(append(head, w.scroll.view(w.room)...), next...)
	return out[max(len(out)-height, 0):] // the card cuts at its bottom: the next action stays
}

// stepKey is a check's step name: a member of staff has no IA, an account.
func stepKey(ch data.Check) string {
	if ch.Step == "ia" && ch.Fact == "staff" {
		return "helpdesk.step.ia.staff"
	}
	return "helpdesk.step." + ch.Step
}

// checkLines draws the checks: a marker (✓ fine, ✗ the problem, · a fact),
// the step, and what the store says, wrapped under it.
func (w *hdWalk) checkLines(wt data.Walkthrough) []string {
	h := w.card.h
	c, st := h.c, h.c.Styles
	var steps []string
	for _, ch := range wt.Checks {
		steps = append(steps, c.T(stepKey(ch)))
	}
	lw := labelColumn(steps...)
	var lines []string
	for i, ch := range wt.Checks {
		marker, style := "✓", st.Success
		switch ch.Status {
		case data.CheckProblem:
			marker, style = "✗", st.Error
		case data.CheckInfo:
			marker, style = "·", st.Muted
		}
		lead := style.Render(marker) + " " + st.Label.Render(padTo(steps[i], lw))
		lines = append(lines, hang(lead, flow(h.width()-2-lw, span{text: h.checkText(ch)}))...)
	}
	return lines
}

// checkText is what the store says at a step, in words.
func (h *Helpdesk) checkText(ch data.Check) string {
	text := ch.Text
	if ch.Step == "last_error" {
		text = h.outcome(data.EventLoginError, text)
	}
	k := "helpdesk.walk." + ch.Step + "." + ch.Fact
	if ch.Step == "login_lock" && ch.Fact == "locked" {
		k = lockKey(k, ch.Count)
	}
	if ch.Step == "code" && ch.Fact == "none" && ch.Purpose == "" {
		k += ".any" // no code of any of the case's purposes
	}
	at := ch.At
	if walkDeadlines[ch.Step+"."+ch.Fact] {
		at = data.DeadlineMinute(at) // the last minute it holds, as the mail and the screens say
	}
	return h.fill(k, at, ch.Count, Clean(text), h.purpose(ch.Purpose), Clean(ch.Target))
}

// walkDeadlines are the checks whose time is a deadline (valid until,
// locked until): said as the last minute it holds (data.DeadlineMinute);
// the others are events, or a "from" (rounded up by when).
var walkDeadlines = map[string]bool{"code.live": true, "login_lock.locked": true, "lookup_lock.locked": true}

// nextText is the next action in words.
func (h *Helpdesk) nextText(wt data.Walkthrough) string {
	k := "helpdesk.next." + string(wt.Next)
	if h.heldBack(wt) {
		// The words the action's refusal would say, before Enter is pressed.
		return h.c.Tf(k+".later", h.c.rateLimitText(&data.RateLimitError{What: "mail", Until: wt.NextFrom}))
	}
	if wt.Next == data.NextCorrectRecovery && wt.NextText == "" {
		k += ".noreason"
	}
	return h.fill(k, wt.NextAt, 0, Clean(wt.NextText), h.c.registrationAside())
}
