package screens

import (
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
)

// Activation is "1ère connexion": identify (identifiant, or student number
// and birth date) → too early? → the code → the charter → the redirection
// → the password → done. The code is consumed only by the final submit,
// so going back or leaving costs nothing. An account already active is
// sent to "mot de passe oublié", never activated again; an unknown
// identifiant and ended rights are said on the first step, each with what
// to do next.
type Activation struct {
	c          *Common
	id         int
	step       activationStep
	fromTicket bool   // arrived with a proven code (an ssh:// link): the charter comes first
	notice     string // from whoever sent us here, shown on the first step

	// identify (activation_identify.go)
	identForm   *Form
	identInput  *Input
	numberLink  *Action // "Je ne connais pas mon identifiant": offered after an unknown one
	numberForm  *Form
	numberInput *Input
	birthInput  *Input
	byNumber    bool
	typed       string // the identifiant typed, for "mot de passe oublié"

	allowedFrom   time.Time // too early: from when
	earlyForm     *Form
	earlyNotYet   bool // "Réessayer" was pressed before that time: say from when
	earlyGen      int  // the too-early step's redraw timers: only the latest counts
	earlyFromCode bool // the too-early step was reached by typing a code: "Réessayer" goes back to it

	entry      *CodeEntry
	ticket     *data.Ticket
	answer     error // the person's own code said what applies (activation_answer.go)
	answerForm *Form

	// charter, redirection, password, done (activation_steps.go)
	charter      viewport.Model
	charterLang  Lang // the language the charter was laid out in
	charterForm  *Form
	accept       *Toggle
	redirectForm *Form
	redirect     bool
	keepCopy     bool
	pw           *passwordStep      // rebuilt each time the step is entered: no old secret
	personal     *data.PersonalData // what the password must not be built on, once known
	account      *data.Account
	doneForm     *Form

	err  error // the store's last answer, shown in the session's language
	busy Busy
}

type activationStep int

const (
	actIdentify activationStep = iota
	actTooEarly
	actCode
	actCharter
	actRedirect
	actPassword
	actDone
	actAnswer // the code typed says the account is active, or its rights ended
)

// activationSteps numbers the steps for "étape N sur 5".
var activationSteps = map[activationStep]int{actIdentify: 1, actTooEarly: 1, actCode: 2, actCharter: 3,
	actRedirect: 4, actPassword: 5, actAnswer: 2}

type activationStartMsg struct {
	id      int
	actCase *data.ActivationCase
	ch      *data.Challenge
	err     error
}

type activationDoneMsg struct {
	id      int
	account *data.Account
	err     error
}

type activationReadyMsg struct{ id, gen int }

// NewActivation builds "1ère connexion"; nav may carry the identifiant, a
// notice, or a ticket (the code already proven by an ssh:// link).
func NewActivation(c *Common, nav NavigateMsg) Screen {
	a := &Activation{c: c, id: c.NewID(), notice: nav.Notice, busy: newBusy(c)}
	a.buildIdentify(nav.Identifiant)
	a.pw = newPasswordStep(c, "activation.password.submit")
	if t := nav.Ticket; t != nil && t.Purpose == data.PurposeActivation {
		a.ticket, a.fromTicket = t, true
		a.step = actCharter
		a.buildCharter()
	}
	return a
}

func (a *Activation) Init() tea.Cmd {
	if a.ticket != nil {
		return a.loadPersonal()
	}
	return nil
}

func (a *Activation) HelpTopic() string { return "activation" }

func (a *Activation) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if a.busy.On() || (a.step == actCode && a.entry.Busy()) {
			return a, nil // typed ahead while the store works: dropped
		}
		if msg.String() == "esc" {
			return a, a.back()
		}
		if a.step == actCode {
			return a, a.updateEntry(msg)
		}
		return a, a.key(msg)
	case tea.WindowSizeMsg:
		if a.step == actCharter {
			a.resizeCharter()
		}
		return a, nil
	case activationStartMsg:
		if msg.id != a.id {
			return a, nil
		}
		a.busy.Stop()
		return a, a.started(msg)
	case personalMsg:
		if msg.id == a.id && msg.ok {
			a.personal = &msg.pd
			a.pw.picker.SetPersonal(msg.pd)
		}
		return a, nil
	case activationDoneMsg:
		if msg.id != a.id {
			return a, nil
		}
		a.busy.Stop()
		return a, a.completed(msg)
	case activationReadyMsg:
		if msg.id != a.id || msg.gen != a.earlyGen || a.step != actTooEarly {
			return a, nil
		}
		return a, a.armEarly() // redrawn: the minutes left, or "now"; the next minute armed
	case spinner.TickMsg:
		cmds := []tea.Cmd{a.busy.Tick(msg)}
		if a.entry != nil {
			cmds = append(cmds, a.updateEntry(msg))
		}
		return a, tea.Batch(cmds...)
	}
	if a.entry != nil {
		return a, a.updateEntry(msg)
	}
	return a, nil
}

// updateEntry forwards a message to the code step and moves on with a ticket.
func (a *Activation) updateEntry(msg tea.Msg) tea.Cmd {
	ev, cmd := a.entry.Update(msg)
	if ev.Ticket != nil && a.step == actCode {
		return tea.Batch(cmd, a.gotTicket(ev.Ticket))
	}
	if ev.Final != nil && a.step == actCode {
		return tea.Batch(cmd, a.answered(ev.Final))
	}
	return cmd
}

func (a *Activation) gotTicket(t *data.Ticket) tea.Cmd {
	a.ticket, a.err, a.notice = t, nil, ""
	a.step = actCharter
	a.buildCharter()
	return a.loadPersonal()
}

func (a *Activation) loadPersonal() tea.Cmd {
	return loadPersonal(a.c, a.id, a.ticket, "activation personal data")
}

func (a *Activation) key(k tea.KeyMsg) tea.Cmd {
	switch a.step {
	case actIdentify:
		return a.keyIdentify(k)
	case actTooEarly:
		return a.keyTooEarly(k)
	case actCharter:
		return a.keyCharter(k)
	case actRedirect:
		return a.keyRedirect(k)
	case actPassword:
		return a.keyPassword(k)
	case actDone:
		if ev := a.doneForm.Update(k); ev.Action == "login" {
			return goLogin(a.account)
		}
	case actAnswer:
		return a.keyAnswer(k)
	}
	return nil
}

// back is esc: one step back inside the flow, out of it from its first step.
func (a *Activation) back() tea.Cmd {
	a.err = nil
	switch a.step {
	case actIdentify:
		if a.byNumber {
			a.byNumber = false
			a.identForm.FocusItem(a.identInput)
			return nil
		}
		return Back
	case actTooEarly, actAnswer:
		a.step = actIdentify
		if a.earlyFromCode && a.entry != nil {
			a.step, a.earlyFromCode = actCode, false
		}
	case actCode:
		a.step, a.entry = actIdentify, nil // the code typed so far goes with it
	case actCharter:
		if a.fromTicket || a.entry == nil {
			return Back
		}
		// The code is not consumed: the same one works again.
		a.step, a.ticket = actCode, nil
		a.entry = NewCodeEntry(a.c, a.entry.Challenge())
		return a.entry.Init()
	case actRedirect:
		a.step = actCharter
	case actPassword:
		a.pw.wipe() // coming back shows empty fields (enterPassword rebuilds the step)
		a.step = actRedirect
	case actDone:
		// A clean home: only the explicit "Se connecter" fills in the
		// identifiant (the next person at the kiosk would type theirs into
		// the password field, a failed login for this one).
		return Navigate(NavigateMsg{Page: PageHome})
	}
	return nil
}

// started handles StartActivation + ActivationChallenge.
func (a *Activation) started(msg activationStartMsg) tea.Cmd {
	var early *data.TooEarlyError
	switch {
	case msg.err == nil:
		a.err, a.notice = nil, ""
		a.entry = NewCodeEntry(a.c, msg.ch)
		if !a.byNumber {
			a.entry.ForAnyIdentifiant()
		}
		a.step = actCode
		return a.entry.Init()
	case errors.As(msg.err, &early):
		a.allowedFrom, a.earlyNotYet = early.AllowedFrom, false
		a.step = actTooEarly
		a.buildTooEarly()
		return a.armEarly()
	case errors.Is(msg.err, data.ErrAlreadyActive):
		// Never activated twice: the way back in is a new password.
		return Navigate(NavigateMsg{Page: PageRecovery, Identifiant: a.typed, Case: RecoveryCaseForgot,
			Notice: "activation.active.notice"})
	case errors.Is(msg.err, data.ErrUnknownIdentifiant):
		// A typo, most likely: the identifiant stays to be corrected (typing
		// goes back to it), and the other way in is one Enter away.
		a.err = msg.err
		a.identForm.FocusItem(a.numberLink)
		return nil
	}
	a.fail("start activation", msg.err)
	return nil
}

// completed handles CompleteActivation.
func (a *Activation) completed(msg activationDoneMsg) tea.Cmd {
	var policy *data.PolicyError
	switch {
	case msg.err == nil:
		a.pw.wipe()
		a.account = msg.account
		a.step = actDone
		a.doneForm = NewForm(a.c)
		a.doneForm.AddAction("login", "activation.done.login", false)
		return nil
	case errors.As(msg.err, &policy):
		a.pw.refused(SayErr(msg.err)) // the fields stay, to be corrected
		return nil
	case errors.Is(msg.err, data.ErrCodeExpired), errors.Is(msg.err, data.ErrCodeUsed):
		// The code went stale meanwhile: a new one, the choices kept.
		a.pw.wipe()
		a.err = msg.err
		a.step, a.byNumber = actIdentify, false
		if a.ticket != nil {
			a.identInput.Prefill(a.ticket.Identifiant)
		}
		a.ticket, a.fromTicket = nil, false
		a.identForm.FocusItem(a.identInput)
		return nil
	case errors.Is(msg.err, data.ErrAlreadyActive):
		return Navigate(NavigateMsg{Page: PageRecovery, Case: RecoveryCaseForgot, Notice: "activation.active.notice"})
	}
	a.fail("complete activation", msg.err)
	return nil
}

func (a *Activation) fail(what string, err error) {
	a.c.logInternal(what, err)
	a.err = err
}

// Waiting: a password check is running (Waiter).
func (a *Activation) Waiting() bool { return a.busy.Hashing() }

// HashingBusy is the Busy of its password checks (HashingScreen).
func (a *Activation) HashingBusy() *Busy { return &a.busy }
