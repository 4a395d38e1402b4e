package screens

import (
	"context"
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"entkiosk/data"
	"entkiosk/data/wrap"
)

// Dashboard is "Mon compte", after login: who is logged in, until when
// the resources stay accessible, the ENT's services, and the changes one
// can make (password, mail de secours, redirection). Each change is a step
// of this screen; esc goes one step back, and from the overview it logs out
// (going back from one's account is leaving it).
type Dashboard struct {
	c    *Common
	id   int
	step dashStep
	menu *Form // the overview's actions
	// notice is the last change done (or what the page was opened with),
	// errSay the last refusal: kept as what to say, rendered at each redraw
	// in the language of the moment.
	notice Say
	errSay Say
	busy   Busy
	// reloading: the account is being read again (roles, addresses);
	// again: asked meanwhile, read once more after it (what changed
	// since the read began must show); asked: the person pressed r (say
	// what the read found). changes counts the changes applied, so that a
	// read begun before one is not taken for newer than it.
	reloading bool
	again     bool
	asked     bool
	changes   int

	pw    *dashPasswordStep
	rec   *dashRecoveryStep
	redir *redirectionStep
	code  *CodeEntry
	// codeFor is the step the code confirms (recovery or redirection).
	codeFor dashStep
}

type dashStep int

const (
	dashOverview dashStep = iota
	dashPassword
	dashRecovery
	dashRedirection
	dashCode
)

// dashResultMsg is the answer of the store to a change.
type dashResultMsg struct {
	id      int
	op      string          // what was asked (see finish)
	account *data.Account   // the fresh account once a change applied
	ch      *data.Challenge // a code was sent to confirm an address
	err     error
}

// dashAccountMsg is the account read again (reload).
type dashAccountMsg struct {
	id      int
	changes int // d.changes when the read began
	account *data.Account
	err     error
}

// dashConsoleMsg says whether the console may open (the role is checked
// by the store when the button is pressed: it may have been revoked).
type dashConsoleMsg struct {
	id  int
	err error
}

// NewDashboard builds the dashboard of the logged-in account (c.Account).
func NewDashboard(c *Common, nav NavigateMsg) Screen {
	d := &Dashboard{c: c, id: c.NewID(), busy: newBusy(c)}
	if nav.Notice != "" {
		d.notice = SayKey(nav.Notice)
	}
	d.buildMenu()
	return d
}

// buildMenu lays out the overview's actions for the account as last read
// (the console only with the helpdesk role), the focus kept on the same
// action, or on the one before it if it is gone (not on "Déconnexion",
// which an Enter pressed again would reach).
func (d *Dashboard) buildMenu() {
	focusID, focusAt := "", 0
	if d.menu != nil {
		if a, ok := d.menu.Focused().(*Action); ok {
			focusID, focusAt = a.ID, d.menu.focus
		}
	}
	d.menu = NewForm(d.c)
	d.menu.AddAction("password", "dash.action.password", true)
	d.menu.AddAction("recovery", "dash.action.recovery", true)
	d.menu.AddAction("redirection", "dash.action.redirection", true)
	if d.c.Account != nil && d.c.Account.Helpdesk {
		d.menu.AddAction("helpdesk", "dash.action.helpdesk", true)
	}
	d.menu.AddAction("logout", "dash.action.logout", true)
	for i, it := range d.menu.items {
		if a := it.(*Action); a.ID == focusID {
			d.menu.setFocus(i)
			return
		}
	}
	d.menu.setFocus(max(min(focusAt-1, len(d.menu.items)-1), 0))
}

// Init reads the account again: a role revoked or an address changed
// since the login (by the operator, the helpdesk, another session) shows.
func (d *Dashboard) Init() tea.Cmd { return d.reload() }

// reload reads the account again, without the spinner (keys still work):
// when the dashboard opens, when it is shown again (esc from the console,
// Aide or the mailbox), when the overview comes back from one of its
// steps, or when the person presses r. One read at
// a time: a reload asked during one is done after it.
func (d *Dashboard) reload() tea.Cmd {
	if d.c.Account == nil {
		return nil
	}
	if d.reloading {
		d.again = true
		return nil
	}
	d.reloading = true
	store, personID, id, changes := d.c.Store, d.c.Account.Person.ID, d.id, d.changes
	return func() tea.Msg {
		acct, err := store.Account(context.Background(), personID)
		return dashAccountMsg{id: id, changes: changes, account: acct, err: err}
	}
}

// reloaded takes the account read again, unless a change applied since
// (its answer is newer); the menu follows the roles, and says so when the
// helpdesk role came or went (or, asked with r, that all is read again).
func (d *Dashboard) reloaded(msg dashAccountMsg) tea.Cmd {
	d.reloading = false
	var next tea.Cmd
	if d.again {
		d.again = false
		next = d.reload()
	}
	switch {
	case msg.err != nil:
		d.c.logInternal("dashboard reload", msg.err)
		if d.asked && next == nil {
			d.asked, d.errSay = false, SayErr(msg.err)
		}
		return next
	case msg.changes != d.changes || msg.account == nil:
		return next
	}
	was := d.c.Account.Helpdesk
	d.c.Account = msg.account
	d.buildMenu()
	quiet := d.notice.IsZero() && d.errSay.IsZero()
	switch {
	case msg.account.Helpdesk != was && (quiet || d.asked):
		d.notice, d.errSay = SayKey("dash.role.revoked"), Say{}
		if msg.account.Helpdesk {
			d.notice = SayKey("dash.role.granted")
		}
		d.asked = false
	case d.asked && next == nil:
		d.notice, d.asked = SayKey("dash.refreshed"), false
	}
	return tea.Batch(next, func() tea.Msg { return AccountMsg{Account: msg.account} })
}

// openConsole asks the store whether the role still holds before the
// console opens: revoked meanwhile, the dashboard says so and the button goes.
func (d *Dashboard) openConsole() tea.Cmd {
	d.errSay = Say{}
	store, acct, origin, id := d.c.Store, d.c.Account, d.c.Origin(), d.id
	return d.busy.Start(func() tea.Msg {
		return dashConsoleMsg{id: id, err: store.HelpdeskAgent(context.Background(), acct, origin)}
	})
}

func (d *Dashboard) consoleChecked(msg dashConsoleMsg) tea.Cmd {
	switch {
	case msg.err == nil:
		return Navigate(NavigateMsg{Page: PageHelpdesk})
	case errors.Is(msg.err, data.ErrNotHelpdesk):
		d.errSay = SayKey("dash.helpdesk.revoked")
	default:
		d.c.logInternal("dashboard console", msg.err)
		d.errSay = SayErr(msg.err)
	}
	return d.reload() // the button goes with the role
}

func (d *Dashboard) HelpTopic() string {
	switch d.step {
	case dashPassword:
		return "password"
	case dashRecovery:
		return "mail"
	case dashRedirection:
		return "redirection"
	case dashCode:
		if d.codeFor == dashRecovery {
			return "mail"
		}
		return "redirection"
	}
	return "dashboard"
}

func (d *Dashboard) Keys() []key.Binding {
	c := d.c
	switch {
	case d.busy.On():
		return nil
	case d.step == dashCode:
		return d.code.Keys()
	case d.step == dashOverview:
		// Esc here logs out (going back from one's account is leaving it):
		// the help line says so, in place of the shell's "retour".
		keys := []key.Binding{c.bind([]string{"tab", "right", "left"}, "Tab/←→", "key.choose"), c.SubmitKey("key.open")}
		if c.Width >= 100 {
			// r still works at 80 columns, where F1 and F2 matter more on
			// the line (the help topic tells r; the menu re-reads by itself).
			keys = append(keys, c.bind([]string{"r", "R"}, "r", "dash.key.refresh"))
		}
		return append(keys, c.bind([]string{"esc"}, c.T("keyname.esc"), "dash.key.logout"))
	case d.step == dashRedirection:
		return d.redir.keys()
	}
	return []key.Binding{c.NextKey(), c.SubmitKey("key.submit")}
}

func (d *Dashboard) Update(msg tea.Msg) (Screen, tea.Cmd) {
	if d.c.Account == nil {
		return d, nil // logged out meanwhile: the shell is taking us home
	}
	was := d.step
	cmd := d.update(msg)
	if was != dashOverview && d.step == dashOverview && d.c.Account != nil {
		// Back on the menu from a step (esc, or the change done): what
		// happened meanwhile (a role granted or revoked) shows.
		cmd = tea.Batch(cmd, d.reload())
	}
	return d, cmd
}

func (d *Dashboard) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case dashResultMsg:
		if msg.id != d.id {
			return nil
		}
		d.busy.Stop()
		return d.finish(msg)
	case dashAccountMsg:
		if msg.id != d.id {
			return nil
		}
		return d.reloaded(msg)
	case dashConsoleMsg:
		if msg.id != d.id {
			return nil
		}
		d.busy.Stop()
		return d.consoleChecked(msg)
	case ReturnedMsg:
		return d.reload()
	case spinner.TickMsg:
		if d.busy.On() {
			return d.busy.Tick(msg)
		}
	case tea.KeyMsg:
		if d.busy.On() {
			return nil // typed ahead while the store works: dropped
		}
	}
	if d.step == dashCode {
		return d.updateCode(msg)
	}
	if k, ok := msg.(tea.KeyMsg); ok {
		switch d.step {
		case dashOverview:
			return d.updateOverview(k)
		case dashPassword:
			return d.updatePassword(k)
		case dashRecovery:
			return d.updateRecovery(k)
		case dashRedirection:
			return d.updateRedirection(k)
		}
	}
	return nil
}

// updateCode gives the code step every message (its results, its timer,
// its spinner, keys); a right code applies the change it confirms.
func (d *Dashboard) updateCode(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "esc" && !d.code.Busy() {
		d.step, d.code = d.codeFor, nil // back to the address, as typed
		return nil
	}
	ev, cmd := d.code.Update(msg)
	if ev.Ticket != nil {
		return tea.Batch(cmd, d.confirm(ev.Ticket))
	}
	return cmd
}

func (d *Dashboard) updateOverview(k tea.KeyMsg) tea.Cmd {
	switch k.String() {
	case "esc":
		return func() tea.Msg { return LogoutMsg{} }
	case "r", "R":
		// The menu has no field: r reads the account again.
		d.notice, d.errSay, d.asked = Say{}, Say{}, true
		return d.reload()
	case "right":
		k = tea.KeyMsg{Type: tea.KeyTab}
	case "left":
		k = tea.KeyMsg{Type: tea.KeyShiftTab}
	}
	ev := d.menu.Update(k)
	if ev.Action != "" {
		d.notice, d.errSay = Say{}, Say{}
	}
	switch ev.Action {
	case "password":
		d.pw = newDashPasswordStep(d.c)
		d.step = dashPassword
	case "recovery":
		d.rec = newDashRecoveryStep(d.c)
		d.step = dashRecovery
	case "redirection":
		d.redir = newRedirectionStep(d.c)
		d.step = dashRedirection
	case "helpdesk":
		return d.openConsole()
	case "logout":
		return func() tea.Msg { return LogoutMsg{} }
	}
	return nil
}

// toOverview ends a step: its fields (and any secret in them) are dropped.
func (d *Dashboard) toOverview(notice Say) {
	d.step, d.pw, d.rec, d.redir, d.code = dashOverview, nil, nil, nil, nil
	d.notice, d.errSay = notice, Say{} // the menu keeps its focus on the action just used
}

// run does store work in a command, with the spinner, and answers with a
// dashResultMsg for op. The account is the one shown: the store reads it
// fresh where it matters.
func (d *Dashboard) run(op string, work func(ctx context.Context, s *data.Store, a *data.Account, o data.Origin) (*data.Account, *data.Challenge, error)) tea.Cmd {
	d.errSay = Say{}
	store, acct, origin, id := d.c.Store, d.c.Account, d.c.Origin(), d.id
	return d.busy.StartHashing(func(ctx context.Context) tea.Msg {
		fresh, ch, err := work(ctx, store, acct, origin)
		if err == nil && ch == nil && fresh == nil {
			fresh, err = store.Account(ctx, acct.Person.ID)
		}
		return dashResultMsg{id: id, op: op, account: fresh, ch: ch, err: err}
	})
}

// finish shows what the store answered: an error in the step, a code to
// type, or the change done (the shell gets the fresh account).
func (d *Dashboard) finish(msg dashResultMsg) tea.Cmd {
	if msg.err != nil {
		d.c.logInternal("dashboard "+msg.op, msg.err)
		d.refused(msg.op, msg.err)
		return nil
	}
	if msg.ch != nil {
		// The password did its work: it is not kept behind the code step.
		if d.rec != nil {
			d.rec.form.ClearSecrets()
		}
		if d.redir != nil {
			d.redir.form.ClearSecrets()
		}
		d.codeFor = d.step
		intro := "dash.recovery.code"
		if d.step == dashRedirection {
			intro = "dash.redirection.code"
		}
		d.code = NewCodeEntry(d.c, msg.ch).WithIntro(intro)
		d.step = dashCode
		return d.code.Init()
	}
	prev, acct := d.c.Account, msg.account
	d.c.Account = acct // the shell does the same with the AccountMsg below
	d.changes++
	var notice Say
	switch msg.op {
	case "password":
		notice = SayKey("dash.password.done")
	case "recovery.confirm":
		notice = SayKey("dash.recovery.done", data.MaskEmail(acct.RecoveryEmail))
		if prev.RedirectsToRecovery() && acct.RedirectsToRecovery() { // it followed (data.followRecovery)
			notice = SayKey("dash.recovery.done.followed", data.MaskEmail(acct.RecoveryEmail), copySay(acct.KeepCopy))
		}
	case "redirection", "redirection.self", "redirection.confirm":
		notice = SayKey("dash.redirection.done", data.MaskEmail(acct.RedirectEmail), copySay(acct.KeepCopy))
	case "redirection.remove":
		notice = SayKey("dash.redirection.removed")
	}
	d.toOverview(notice)
	return func() tea.Msg { return AccountMsg{Account: acct} }
}

// refused puts the reason where it belongs: under the field it is about,
// or under the step.
func (d *Dashboard) refused(op string, err error) {
	said := SayErr(err)
	switch {
	case d.step == dashPassword:
		if !d.pw.refused(err) {
			d.errSay = said
		}
	case d.step == dashRecovery:
		if !refusedChange(d.rec.form, d.rec.address, d.rec.password, err) {
			d.errSay = said
		}
	case d.step == dashRedirection:
		if !refusedChange(d.redir.form, d.redir.address, d.redir.password, err) {
			d.errSay = said
		}
	case d.step == dashCode:
		// the code was right but the change failed (the code was replaced
		// meanwhile, or the store failed): back to the address
		d.step, d.code = d.codeFor, nil
		d.errSay = said
	default:
		d.errSay = said
	}
}

// confirm applies a change whose code was just proven.
func (d *Dashboard) confirm(t *data.Ticket) tea.Cmd {
	if d.codeFor == dashRecovery {
		return d.run("recovery.confirm", func(ctx context.Context, s *data.Store, a *data.Account, o data.Origin) (*data.Account, *data.Challenge, error) {
			fresh, err := s.ConfirmRecoveryChange(ctx, t, o)
			return fresh, nil, err
		})
	}
	return d.run("redirection.confirm", func(ctx context.Context, s *data.Store, a *data.Account, o data.Origin) (*data.Account, *data.Challenge, error) {
		fresh, err := s.ConfirmRedirection(ctx, t, o)
		return fresh, nil, err
	})
}

func (d *Dashboard) View() string {
	if d.c.Account == nil {
		return ""
	}
	c, st := d.c, d.c.Styles
	var body string
	switch d.step {
	case dashOverview:
		body = d.overviewView()
	case dashPassword:
		body = d.pw.view()
	case dashRecovery:
		body = d.rec.view()
	case dashRedirection:
		body = d.redir.view()
	case dashCode:
		title := "dash.recovery.title"
		if d.codeFor == dashRedirection {
			title = "dash.redirection.title"
		}
		body = lipgloss.JoinVertical(lipgloss.Left, st.Title.Render(c.T(title)), d.code.View())
	}
	switch {
	case d.busy.On():
		body += "\n\n" + d.busy.View()
	case !d.errSay.IsZero():
		body += "\n\n" + st.Error.Render(wrap.Text("✗ "+c.Said(d.errSay), c.Width-2))
	}
	return fitHeight(body, c.BodyHeight())
}

func (d *Dashboard) overviewView() string {
	c, st, a := d.c, d.c.Styles, d.c.Account
	width := c.bodyWidth()
	labels := []string{"dash.identifiant", "dash.recovery", "dash.redirection"}
	lw := 0
	for _, k := range labels {
		lw = max(lw, lipgloss.Width(c.T(k)))
	}
	field := func(label, value string) string {
		return st.Label.Width(lw+2).Render(c.T(label)) + value
	}
	status := c.T("dash.status.student")
	if a.Person.Category == data.Staff {
		status = c.T("dash.status.staff")
	}
	if a.Helpdesk {
		status += " · " + c.T("dash.status.helpdesk")
	}
	if a.Status == data.StatusActive {
		status += " · " + c.T("dash.status.active")
	}
	redirect := c.T("dash.redirection.none")
	if a.RedirectEmail != "" {
		redirect = c.Tf("dash.redirection.to", data.MaskEmail(a.RedirectEmail), c.copyWord(a.KeepCopy))
	}
	// Wrapped under itself: at 60 columns « aucune (vos mails restent dans
	// la messagerie universitaire) » is longer than the room beside the label.
	redirectLines := wrap.Lines(redirect, max(width-lw-2, 20))
	for i, l := range redirectLines {
		redirectLines[i] = st.Text.Render(l)
		if i > 0 {
			redirectLines[i] = strings.Repeat(" ", lw+2) + redirectLines[i]
		}
	}
	lines := []string{
		st.Title.Render(c.T("dash.title")),
		st.Strong.Render(a.Person.DisplayName()) + st.Muted.Render(" · "+status),
		field("dash.identifiant", st.Strong.Render(Clean(a.Identifiant))),
		c.rightsLine(a.RightsEnd),
		field("dash.recovery", st.Text.Render(data.MaskEmail(a.RecoveryEmail))),
		field("dash.redirection", strings.Join(redirectLines, "\n")),
		"",
	}
	if len(c.institution().Services) > 0 { // the institution file's list; none without one
		lines = append(lines, st.TableHead.Render(c.T("dash.services")), c.servicesView(width), "")
	}
	lines = append(lines, d.menu.rowView(width))
	if !d.notice.IsZero() {
		lines = append(lines, "", st.Success.Render(wrap.Text("✓ "+c.Said(d.notice), width)))
	}
	return lipgloss.JoinVertical(lipgloss.Left, lines...)
}

// copyWord says whether a redirection keeps a copy in the university mailbox.
func (c *Common) copyWord(keep bool) string { return c.Said(copySay(keep)) }

// copySay is copyWord kept as what to say (see Say).
func copySay(keep bool) Say {
	if keep {
		return SayKey("dash.copy.kept")
	}
	return SayKey("dash.copy.none")
}

// isAddressError says an error is about the address typed.
func isAddressError(err error) bool {
	var invalid *data.InvalidEmailError
	return errors.As(err, &invalid) || errors.Is(err, data.ErrSameAddress) || errors.Is(err, data.ErrOwnAddress) ||
		errors.Is(err, data.ErrRecoveryUniversity) || errors.Is(err, data.ErrRedirectUniversity)
}

// Waiting: a password check is running (Waiter).
func (d *Dashboard) Waiting() bool { return d.busy.Hashing() }

// HashingBusy is the Busy of its password checks (HashingScreen).
func (d *Dashboard) HashingBusy() *Busy { return &d.busy }
