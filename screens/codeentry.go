package screens

import (
	"context"
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"entkiosk/data"
	"entkiosk/data/wrap"
)

// CodeEntry is the "type the code you received" step, shared by every flow
// that waits for a mailed code (activation, lost password, confirmations of
// a mail de secours or a redirection). It is a component, not a page: its
// owner builds it from a challenge, returns its Init, forwards it every
// message while it is shown, and moves on when Update reports a ticket.
//
//	e := NewCodeEntry(c, ch)            // optionally .WithIntro("my.key")
//	cmd := e.Init()                     // arms the "Renvoyer le code" refresh
//	ev, cmd := e.Update(msg)            // every message, keys included
//	if ev.Ticket != nil { ... }         // the code was right (not consumed)
//
// The owner keeps esc (one step back) but ignores it while Busy.
type CodeEntry struct {
	c        *Common
	id       int
	ch       *data.Challenge
	intro    string // catalogue key with one %s: the masked address
	resendAt time.Time
	hourly   bool // resendAt is the hourly limit (MailsPerHour), not the wait after a mail
	gen      int  // resend refresh timers: only the latest counts

	form      *Form
	code      *Input
	hasResend bool // the form holds the resend action (it is available)

	anyIdent bool // « 1ère connexion » by identifiant: the same words whoever it is (ForAnyIdentifiant)

	err     error // the last refusal, shown in the session's language
	local   Say   // a refusal made here (a short code), said at View time
	resent  bool  // a new code was just sent
	needNew bool  // the code can no longer work: only a new one helps
	notYet  bool  // Enter was pressed while nothing could be done yet: say from when
	busy    Busy
}

// CodeEvent is what a message did to a CodeEntry.
type CodeEvent struct {
	// Ticket is set once, when the typed code is right. Nothing is consumed:
	// the step the ticket opens does that when it completes.
	Ticket *data.Ticket
	// Final is set when the person's own code tells what applies instead
	// (an account active now, rights ended, too early): the owner may
	// move on to say it (the entry says it too, for owners that do not).
	Final error
}

type codeVerifiedMsg struct {
	id     int
	ticket *data.Ticket
	err    error
}

type codeResentMsg struct {
	id  int
	ch  *data.Challenge
	err error
}

type codeResendReadyMsg struct{ id, gen int }

// NewCodeEntry builds the code step for a challenge from the store.
func NewCodeEntry(c *Common, ch *data.Challenge) *CodeEntry {
	e := &CodeEntry{c: c, id: c.NewID(), ch: ch, intro: "code.sent", busy: newBusy(c)}
	e.setResendAt(ch.ResendAt)
	e.build()
	return e
}

// setResendAt records from when a new code can be asked for, and whether
// that wait is the hourly limit: longer than the wait after a mail.
func (e *CodeEntry) setResendAt(t time.Time) {
	e.resendAt = t
	e.hourly = e.c.HourlyWait(t)
}

// ForAnyIdentifiant is the code step of « 1ère connexion » by identifiant,
// which says the same to every identifiant typed: a mail left, holding a
// code or saying what applies. Until when a code works is left to the mail
// (a decoy's would be a guess).
func (e *CodeEntry) ForAnyIdentifiant() *CodeEntry {
	e.intro, e.anyIdent = "activation.code.sent", true
	return e
}

// WithIntro replaces the first line ("Un code a été envoyé à …"): key is a
// catalogue entry with one %s, the masked address.
func (e *CodeEntry) WithIntro(key string) *CodeEntry {
	e.intro = key
	return e
}

// Init arms the one refresh that makes "Renvoyer le code" appear on time.
func (e *CodeEntry) Init() tea.Cmd { return e.armResend() }

// Challenge is the challenge now in force (a resend replaces it).
func (e *CodeEntry) Challenge() *data.Challenge { return e.ch }

// Busy says a check or a resend is running: the owner ignores esc meanwhile.
func (e *CodeEntry) Busy() bool { return e.busy.On() }

func (e *CodeEntry) resendAvailable() bool { return !e.c.Now().Before(e.resendAt) }

// armResend schedules a single refresh at resendAt (no per-second ticking).
func (e *CodeEntry) armResend() tea.Cmd {
	e.gen++
	d := e.resendAt.Sub(e.c.Now())
	if d <= 0 || e.c.Tick == nil {
		return nil
	}
	id, gen := e.id, e.gen
	return e.c.Tick(d, func(time.Time) tea.Msg { return codeResendReadyMsg{id: id, gen: gen} })
}

// build lays the form out for the current state, keeping what was typed
// and where the focus was.
func (e *CodeEntry) build() {
	typed, focus := "", "code"
	if e.code != nil {
		typed = e.code.Value()
	}
	if e.form != nil {
		if a, ok := e.form.Focused().(*Action); ok {
			focus = a.ID
		}
	}
	e.form = NewForm(e.c)
	e.code = nil
	e.notYet = false
	if !e.needNew {
		e.code = e.form.AddInput(InputSpec{Label: "code.label", Hint: "code.hint", Secret: true,
			Limit: data.CodeDigits, Value: typed, Width: 20})
		if v := e.form.AddAction("verify", "code.submit", false); focus == "verify" {
			e.form.FocusItem(v)
		}
	}
	e.hasResend = e.resendAvailable()
	if e.hasResend {
		label := "code.resend"
		if e.needNew {
			label = "code.new"
		}
		if a := e.form.AddAction("resend", label, true); e.needNew || focus == "resend" {
			e.form.FocusItem(a)
		}
	}
}

// Update handles one message; the owner forwards every message here.
func (e *CodeEntry) Update(msg tea.Msg) (CodeEvent, tea.Cmd) {
	switch msg := msg.(type) {
	case codeVerifiedMsg:
		if msg.id != e.id {
			return CodeEvent{}, nil
		}
		e.busy.Stop()
		if msg.err == nil && msg.ticket != nil {
			e.code.Clear()
			return CodeEvent{Ticket: msg.ticket}, nil
		}
		e.refused(msg.err)
		if finalAnswer(msg.err) {
			return CodeEvent{Final: msg.err}, nil
		}
		return CodeEvent{}, nil
	case codeResentMsg:
		if msg.id != e.id {
			return CodeEvent{}, nil
		}
		e.busy.Stop()
		var limit *data.RateLimitError
		switch {
		case msg.err == nil:
			e.ch = msg.ch
			e.setResendAt(msg.ch.ResendAt)
			e.err, e.local, e.resent, e.needNew = nil, Say{}, true, false
			if e.code != nil {
				e.code.Clear()
			}
		case errors.As(msg.err, &limit) && !limit.Until.IsZero():
			e.err, e.resent = msg.err, false
			e.setResendAt(limit.Until)
		default:
			e.c.logInternal("resend code", msg.err)
			e.err, e.resent = msg.err, false
		}
		e.build()
		if e.code != nil {
			e.form.FocusItem(e.code)
		}
		return CodeEvent{}, e.armResend()
	case codeResendReadyMsg:
		if msg.id != e.id || msg.gen != e.gen {
			return CodeEvent{}, nil
		}
		if !e.resendAvailable() {
			return CodeEvent{}, e.armResend() // the timer fired early
		}
		e.build()
		return CodeEvent{}, nil
	case spinner.TickMsg:
		return CodeEvent{}, e.busy.Tick(msg)
	case tea.KeyMsg:
		if e.busy.On() {
			return CodeEvent{}, nil // typed ahead while checking: dropped
		}
		if e.resendAvailable() != e.hasResend {
			e.build() // time passed without the refresh (a redraw came first)
		}
		return e.key(msg)
	}
	return CodeEvent{}, nil
}

func (e *CodeEntry) key(k tea.KeyMsg) (CodeEvent, tea.Cmd) {
	if e.code == nil && !e.hasResend && (k.String() == "enter" || k.String() == "ctrl+j") {
		// Nothing to type and no new code yet: Enter says from when,
		// rather than doing nothing.
		e.notYet = true
		return CodeEvent{}, nil
	}
	if k.Type == tea.KeyRunes || k.Type == tea.KeySpace {
		if _, onCode := e.form.Focused().(*Input); onCode {
			// Only digits reach the field: "1234 5678" as printed in the mail works.
			k.Runes = codeRunes(k.Runes)
			if len(k.Runes) == 0 {
				return CodeEvent{}, nil
			}
			k.Type = tea.KeyRunes
		}
	}
	ev := e.form.Update(k)
	if ev.Changed {
		e.err, e.local, e.resent = nil, Say{}, false
	}
	switch {
	case ev.Submit || ev.Action == "verify":
		return CodeEvent{}, e.verify()
	case ev.Action == "resend":
		return CodeEvent{}, e.resend()
	}
	return CodeEvent{}, nil
}

// codeRunes keeps digits and line breaks (a paste may end with Enter).
func codeRunes(rs []rune) []rune {
	out := rs[:0:0]
	for _, r := range rs {
		if (r >= '0' && r <= '9') || r == '\n' || r == '\r' {
			out = append(out, r)
		}
	}
	return out
}

func (e *CodeEntry) verify() tea.Cmd {
	typed := data.NormalizeCode(e.code.Value())
	if len(typed) != data.CodeDigits {
		// Not sent to the store: a short code is a typo, not a guess.
		e.local = SayN("code.short", len(typed), data.CodeDigits)
		e.form.FocusItem(e.code)
		return nil
	}
	e.err, e.local, e.resent = nil, Say{}, false
	store, ch, origin, id := e.c.Store, e.ch, e.c.Origin(), e.id
	return e.busy.Start(func() tea.Msg {
		t, err := store.VerifyCode(context.Background(), ch, typed, origin)
		return codeVerifiedMsg{id: id, ticket: t, err: err}
	})
}

func (e *CodeEntry) resend() tea.Cmd {
	e.err, e.local, e.resent = nil, Say{}, false
	store, ch, origin, id := e.c.Store, e.ch, e.c.Origin(), e.id
	return e.busy.Start(func() tea.Msg {
		next, err := store.ResendChallenge(context.Background(), ch, origin)
		return codeResentMsg{id: id, ch: next, err: err}
	})
}

// refused shows why a code was refused, and whether only a new code helps.
func (e *CodeEntry) refused(err error) {
	needNew, lifted := CodeRefusal(err)
	e.needNew = e.needNew || needNew
	if lifted && !e.hourly {
		// The wait after a mail holds only while its code is unused
		// (data.mailAllowance): a new one can be asked for now.
		e.setResendAt(e.c.Now())
	}
	e.c.logInternal("verify code", err) // only what is not meant for people
	e.err = err
	if e.code != nil {
		e.code.Clear() // a code is never kept after a refusal
	}
	e.build()
	if e.code != nil {
		e.form.FocusItem(e.code)
	}
}

// View draws the step: where the code went, until when it works, the
// field, and the resend entry (or from when it will be offered).
func (e *CodeEntry) View() string {
	c, st := e.c, e.c.Styles
	// A sentence longer than the line wraps (a refusal often is at 80
	// columns); one that fits is left as it is.
	w := min(max(c.Width-2, 20), 78)
	fit := func(s string) string { return wrap.Text(s, w) }
	lines := []string{st.Text.Render(fit(c.Tf(e.intro, st.Strong.Render(Clean(e.ch.MaskedTarget)))))}
	if !e.needNew && !e.anyIdent {
		// Once the code can no longer work, until when it would have is noise.
		lines = append(lines, st.Muted.Render(fit(c.Tf("code.expires", c.FormatDeadline(e.ch.ExpiresAt)))))
	}
	if c.Demo {
		lines = append(lines, st.Muted.Render(fit(c.T("code.demo"))))
	}
	lines = append(lines, "")
	if e.resent {
		lines = append(lines, st.Success.Render(fit("✓ "+c.T("code.resent"))), "")
	}
	status := ""
	switch {
	case e.busy.On():
		status = e.busy.View()
	case !e.local.IsZero():
		status = st.Error.Render(fit("✗ " + e.c.Said(e.local)))
	case e.err != nil:
		status = st.Error.Render(fit("✗ " + c.ErrorText(e.err)))
	}
	if e.needNew && status != "" {
		// Nothing to type any more: why first, then the way out.
		lines = append(lines, status, "")
		status = ""
	}
	if form := e.form.View(); form != "" {
		lines = append(lines, form)
	}
	if !e.hasResend {
		lines = append(lines, st.Muted.Render("  "+e.waitText()))
		if e.notYet {
			lines = append(lines, "", st.Error.Render(fit("✗ "+c.Tf("flow.notyet", c.FormatFromTime(e.resendAt),
				c.MinutesUntilFrom(e.resendAt)))))
		}
	}
	if status != "" {
		lines = append(lines, "", status)
	} else if e.anyIdent && !e.resent && !e.notYet {
		// Nothing comes for an unknown identifiant: the way to check it.
		lines = append(lines, "", st.Muted.Render(fit(c.T("activation.code.nothing"))))
	}
	return lipgloss.JoinVertical(lipgloss.Left, lines...)
}

// waitText says from when a new code can be asked for (rounded up to the
// minute: at the time shown, it works), and why when it is the hourly
// limit (unless the refusal above already says so).
func (e *CodeEntry) waitText() string {
	return e.c.CodeWaitText(e.resendAt, e.needNew, e.hourly, e.err)
}

// Keys are the bindings that work in this step right now.
func (e *CodeEntry) Keys() []key.Binding {
	if e.busy.On() {
		return nil
	}
	c := e.c
	var keys []key.Binding
	if e.code != nil {
		keys = append(keys, c.NextKey())
	}
	switch {
	case e.code != nil:
		keys = append(keys, c.SubmitKey("key.submit"))
	case e.hasResend && e.needNew:
		keys = append(keys, c.SubmitKey("key.newcode"))
	case e.hasResend:
		keys = append(keys, c.SubmitKey("key.resend"))
	}
	return keys
}

// finalAnswer: the typed code was the person's own and tells what applies
// (VerifyCode): an account active now, rights ended, too early.
func finalAnswer(err error) bool {
	var ended *data.RightsEndedError
	var early *data.TooEarlyError
	return errors.Is(err, data.ErrAlreadyActive) || errors.As(err, &ended) || errors.As(err, &early)
}
