package screens

import (
	"context"
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
)

// The three cases of "Problème de connexion" (NavigateMsg.Case).
const (
	RecoveryCaseActivation = "activation" // je n'ai jamais activé mon compte
	RecoveryCaseForgot     = "forgot"     // j'ai oublié mon mot de passe
	RecoveryCaseTrouble    = "trouble"    // je rencontre des problèmes de connexion
)

// Recovery is "Problème de connexion" ("Gestion de comptes informatiques"):
// the three cases of the seed, each a guided path. The lost password
// answers the same way whether the identifiant exists or not; an account
// never activated is led through the activation's own steps.
type Recovery struct {
	c          *Common
	id         int
	step       recoveryStep
	fromTicket bool         // arrived with a proven code: the new password comes first
	arrival    *data.Ticket // the ticket it arrived with (an ssh:// link)
	notice     string

	menu       *Form
	forgotForm *Form
	forgotFrom recoveryStep // esc on "mot de passe oublié" goes back there
	identInput *Input
	entry      *CodeEntry
	ticket     *data.Ticket
	pw         *passwordStep
	account    *data.Account
	doneForm   *Form

	troubleForm *Form // recovery_trouble.go
	check       int
	checkForm   *Form

	err  error
	busy Busy
}

type recoveryStep int

const (
	recMenu recoveryStep = iota
	recForgot
	recCode
	recPassword
	recDone
	recTrouble
	recCheck
)

type resetStartedMsg struct {
	id  int
	ch  *data.Challenge
	err error
}

type resetDoneMsg struct {
	id      int
	account *data.Account
	err     error
}

// NewRecovery builds "Problème de connexion"; nav may preselect a case,
// carry the identifiant, a notice, or a ticket (an ssh:// reset link).
func NewRecovery(c *Common, nav NavigateMsg) Screen {
	r := &Recovery{c: c, id: c.NewID(), notice: nav.Notice, busy: newBusy(c)}
	r.menu = NewForm(c)
	never := r.menu.AddAction("never", "recovery.case.activation", true)
	forgot := r.menu.AddAction("forgot", "recovery.case.forgot", true)
	trouble := r.menu.AddAction("trouble", "recovery.case.trouble", true)
	r.forgotForm = NewForm(c)
	r.identInput = r.forgotForm.AddInput(InputSpec{Label: "recovery.identifiant", Hint: "recovery.identifiant.hint",
		Limit: data.MaxEmailLength, Value: strings.TrimSpace(nav.Identifiant), Selected: true})
	r.forgotForm.AddAction("send", "recovery.send", false)
	r.pw = newPasswordStep(c, "recovery.password.submit")
	r.buildTrouble()

	switch nav.Case {
	case RecoveryCaseActivation:
		r.menu.FocusItem(never)
	case RecoveryCaseForgot:
		r.menu.FocusItem(forgot)
		r.step = recForgot
	case RecoveryCaseTrouble:
		r.menu.FocusItem(trouble)
		r.step = recTrouble
	}
	if t := nav.Ticket; t != nil {
		r.arrival = t
		if t.Purpose == data.PurposeReset {
			r.step, r.fromTicket = recPassword, true
		}
	}
	return r
}

func (r *Recovery) Init() tea.Cmd {
	if r.arrival != nil {
		return r.gotTicket(r.arrival)
	}
	return nil
}

func (r *Recovery) HelpTopic() string { return "recovery" }

func (r *Recovery) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if r.busy.On() || (r.step == recCode && r.entry.Busy()) {
			return r, nil // typed ahead while the store works: dropped
		}
		if msg.String() == "esc" {
			return r, r.back()
		}
		if r.step == recCode {
			return r, r.updateEntry(msg)
		}
		return r, r.key(msg)
	case resetStartedMsg:
		if msg.id != r.id {
			return r, nil
		}
		r.busy.Stop()
		if msg.err != nil {
			r.fail("start reset", msg.err)
			return r, nil
		}
		r.err, r.notice = nil, ""
		r.entry = NewCodeEntry(r.c, msg.ch).WithIntro("recovery.sent")
		r.step = recCode
		return r, r.entry.Init()
	case personalMsg:
		if msg.id == r.id && msg.ok {
			r.pw.picker.SetPersonal(msg.pd)
		}
		return r, nil
	case resetDoneMsg:
		if msg.id != r.id {
			return r, nil
		}
		r.busy.Stop()
		return r, r.completed(msg)
	case spinner.TickMsg:
		cmds := []tea.Cmd{r.busy.Tick(msg)}
		if r.entry != nil {
			cmds = append(cmds, r.updateEntry(msg))
		}
		return r, tea.Batch(cmds...)
	}
	if r.entry != nil {
		return r, r.updateEntry(msg)
	}
	return r, nil
}

func (r *Recovery) updateEntry(msg tea.Msg) tea.Cmd {
	ev, cmd := r.entry.Update(msg)
	if ev.Ticket != nil && r.step == recCode {
		return tea.Batch(cmd, r.gotTicket(ev.Ticket))
	}
	return cmd
}

// gotTicket moves on with a proven code: a new password, or, for an
// account never activated, the activation's own steps.
func (r *Recovery) gotTicket(t *data.Ticket) tea.Cmd {
	switch t.Purpose {
	case data.PurposeActivation:
		return Navigate(NavigateMsg{Page: PageActivation, Ticket: t, Notice: "recovery.pending.notice"})
	case data.PurposeReset:
	default:
		r.err, r.step, r.ticket, r.fromTicket = data.ErrBadToken, recMenu, nil, false
		return nil
	}
	r.ticket, r.err, r.notice = t, nil, ""
	r.step = recPassword
	// Built afresh each time the step is entered: empty fields, no old refusal.
	r.pw.wipe()
	r.pw = newPasswordStep(r.c, "recovery.password.submit")
	return loadPersonal(r.c, r.id, t, "reset personal data")
}

func (r *Recovery) key(k tea.KeyMsg) tea.Cmd {
	switch r.step {
	case recMenu:
		switch r.menu.Update(k).Action {
		case "never":
			return Navigate(NavigateMsg{Page: PageActivation, Identifiant: strings.TrimSpace(r.identInput.Value())})
		case "forgot":
			r.step, r.err, r.notice = recForgot, nil, ""
		case "trouble":
			r.step, r.err, r.notice = recTrouble, nil, ""
		}
	case recForgot:
		ev := r.forgotForm.Update(k)
		if ev.Changed {
			r.err = nil
		}
		if ev.Submit || ev.Action == "send" {
			return r.startReset()
		}
	case recPassword:
		return r.keyPassword(k)
	case recDone:
		if r.doneForm.Update(k).Action == "login" {
			return goLogin(r.account)
		}
	case recTrouble, recCheck:
		return r.keyTrouble(k)
	}
	return nil
}

// back is esc: one step back inside a case, out of the page from the menu.
func (r *Recovery) back() tea.Cmd {
	r.err = nil
	switch r.step {
	case recMenu:
		return Back
	case recForgot:
		r.step = r.forgotFrom
	case recTrouble:
		r.step = recMenu
	case recCode:
		r.step, r.entry = recForgot, nil // the code typed so far goes with it
	case recPassword:
		if r.fromTicket || r.entry == nil {
			return Back
		}
		// The code is not consumed: the same one works again.
		r.pw.wipe()
		r.step, r.ticket = recCode, nil
		r.entry = NewCodeEntry(r.c, r.entry.Challenge()).WithIntro("recovery.sent")
		return r.entry.Init()
	case recDone:
		return Navigate(NavigateMsg{Page: PageHome}) // clean: only "Se connecter" fills in the identifiant
	case recCheck:
		r.step = recTrouble
	}
	return nil
}

// startReset asks for a code. The store answers an unknown identifiant
// with a decoy: this screen cannot tell, and shows the same thing.
func (r *Recovery) startReset() tea.Cmd {
	ident := strings.TrimSpace(r.identInput.Value())
	if ident == "" {
		r.identInput.Fail(SayKey("recovery.identifiant.required"))
		return nil
	}
	if problem := r.c.IdentifiantProblem(ident); problem != "" {
		r.identInput.Fail(SayKey(problem))
		return nil
	}
	r.err = nil
	store, origin, id := r.c.Store, r.c.Origin(), r.id
	return r.busy.Start(func() tea.Msg {
		ch, err := store.StartReset(context.Background(), ident, origin)
		return resetStartedMsg{id: id, ch: ch, err: err}
	})
}

func (r *Recovery) keyPassword(k tea.KeyMsg) tea.Cmd {
	submit, changed := r.pw.update(k)
	if changed {
		r.err = nil
	}
	if !submit {
		return nil
	}
	r.err = nil
	store, origin, id, t, pw := r.c.Store, r.c.Origin(), r.id, r.ticket, r.pw.picker.Value()
	return r.busy.StartHashing(func(ctx context.Context) tea.Msg {
		acct, err := store.CompleteReset(ctx, t, pw, origin)
		return resetDoneMsg{id: id, account: acct, err: err}
	})
}

func (r *Recovery) completed(msg resetDoneMsg) tea.Cmd {
	var policy *data.PolicyError
	switch {
	case msg.err == nil:
		r.pw.wipe()
		r.account = msg.account
		r.step = recDone
		r.doneForm = NewForm(r.c)
		r.doneForm.AddAction("login", "recovery.done.login", false)
	case errors.As(msg.err, &policy):
		r.pw.refused(SayErr(msg.err)) // the fields stay, to be corrected
	case errors.Is(msg.err, data.ErrCodeExpired), errors.Is(msg.err, data.ErrCodeUsed):
		// The code went stale meanwhile: ask for a new one.
		r.pw.wipe()
		r.err = msg.err
		if r.ticket != nil && r.identInput.Value() == "" {
			r.identInput.Prefill(r.ticket.Identifiant)
		}
		r.step, r.ticket, r.fromTicket = recForgot, nil, false
		r.forgotForm.FocusItem(r.identInput)
	default:
		r.fail("complete reset", msg.err)
	}
	return nil
}

func (r *Recovery) fail(what string, err error) {
	r.c.logInternal(what, err)
	r.err = err
}

// Waiting: a password check is running (Waiter).
func (r *Recovery) Waiting() bool { return r.busy.Hashing() }

// HashingBusy is the Busy of its password checks (HashingScreen).
func (r *Recovery) HashingBusy() *Busy { return &r.busy }
