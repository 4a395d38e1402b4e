package screens

import (
	"context"
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"entkiosk/data"
	"entkiosk/data/wrap"
)

// The dashboard's steps: change the password, the mail de secours, the
// redirection. Each is built fresh when entered and dropped when left.

// stepKey is what every step does first with a key: esc goes back to the
// overview (the step and its fields dropped: ok is false); any other key
// goes to the step's form, and typing clears the last refusal.
func (d *Dashboard) stepKey(f *Form, k tea.KeyMsg) (ev FormEvent, ok bool) {
	if k.String() == "esc" {
		d.toOverview(Say{})
		return FormEvent{}, false
	}
	ev = f.Update(k)
	if ev.Changed {
		d.errSay = Say{}
	}
	return ev, true
}

// --- password

type dashPasswordStep struct {
	c       *Common
	form    *Form
	current *Input
	picker  *PasswordPicker
	submit  *Action
}

func newDashPasswordStep(c *Common) *dashPasswordStep {
	p := &dashPasswordStep{c: c, form: NewForm(c)}
	p.current = p.form.AddInput(InputSpec{Label: "dash.password.current", Secret: true, Limit: data.PasswordMaxLength})
	p.picker = AddPasswordPicker(c, p.form, c.Account.PersonalData())
	p.submit = p.form.AddAction("change", "dash.password.submit", false)
	return p
}

func (d *Dashboard) updatePassword(k tea.KeyMsg) tea.Cmd {
	p := d.pw
	ev, ok := d.stepKey(p.form, k)
	if !ok || !ev.Submit && ev.Action != "change" {
		return nil
	}
	current, next := p.current.Value(), p.picker.Value()
	switch {
	case current == "":
		p.current.Fail(SayKey("dash.password.current.required"))
		p.form.FocusItem(p.current)
		return nil
	case !p.picker.Ready():
		if p.picker.New.Failed() {
			p.form.FocusItem(p.picker.New)
		} else {
			p.form.FocusItem(p.picker.Confirm)
		}
		return nil
	case next == current:
		p.picker.New.Fail(SayKey("dash.password.same"))
		p.form.FocusItem(p.picker.New)
		return nil
	}
	return d.run("password", func(ctx context.Context, s *data.Store, a *data.Account, o data.Origin) (*data.Account, *data.Challenge, error) {
		return nil, nil, s.ChangePassword(ctx, a, current, next, o)
	})
}

// refused: a wrong current password is cleared (it was refused); a refused
// new password keeps both entries, to be corrected.
func (p *dashPasswordStep) refused(err error) bool {
	var policy *data.PolicyError
	switch {
	case errors.Is(err, data.ErrWrongPassword):
		p.current.Clear()
		p.current.Fail(SayErr(err))
		p.form.FocusItem(p.current)
	case errors.As(err, &policy):
		p.picker.New.Fail(SayErr(err))
		p.form.FocusItem(p.picker.New)
	default:
		return false
	}
	return true
}

func (p *dashPasswordStep) view() string {
	c, st := p.c, p.c.Styles
	return lipgloss.JoinVertical(lipgloss.Left,
		st.Title.Render(c.T("dash.password.title")),
		p.form.ItemView(p.current),
		p.form.ItemView(p.picker.New),
		p.form.ItemView(p.picker.Confirm),
		"",
		p.picker.ChecklistView(),
		"",
		p.form.ItemView(p.submit))
}

// --- the current password that every change of address asks first

// addCurrentPassword adds the masked "Mot de passe actuel" field: a session
// left open on a kiosk must not be enough to change where codes and mail go.
func addCurrentPassword(f *Form) *Input {
	return f.AddInput(InputSpec{Label: "dash.confirm.password", Hint: "dash.confirm.password.hint", Secret: true,
		Limit: data.PasswordMaxLength})
}

// needAddress says (under the field) that the address is missing.
func (c *Common) needAddress(f *Form, in *Input, address string) bool {
	if address != "" {
		return false
	}
	in.Fail(SayKey("dash.address.required"))
	f.FocusItem(in)
	return true
}

// needPassword says (under the field) that the current password is missing.
func (c *Common) needPassword(f *Form, in *Input) bool {
	if in.Value() != "" {
		return false
	}
	in.Fail(SayKey("dash.password.current.required"))
	f.FocusItem(in)
	return true
}

// refusedChange puts a store refusal of an address change under the field
// it is about (the form wraps it there). The password is cleared whatever
// the refusal.
func refusedChange(f *Form, address, password *Input, err error) bool {
	password.Clear()
	switch {
	case errors.Is(err, data.ErrWrongPassword):
		password.Fail(SayErr(err))
		f.FocusItem(password)
	case isAddressError(err):
		address.Fail(SayErr(err))
		f.FocusItem(address)
	default:
		return false
	}
	return true
}

// --- mail de secours

type dashRecoveryStep struct {
	c        *Common
	form     *Form
	address  *Input
	password *Input
}

func newDashRecoveryStep(c *Common) *dashRecoveryStep {
	r := &dashRecoveryStep{c: c, form: NewForm(c)}
	r.address = r.form.AddInput(InputSpec{Label: "dash.recovery.new", Hint: "dash.recovery.new.hint",
		Limit: data.MaxEmailLength, Width: 50})
	r.password = addCurrentPassword(r.form)
	r.form.AddAction("send", "dash.recovery.submit", false)
	return r
}

func (d *Dashboard) updateRecovery(k tea.KeyMsg) tea.Cmd {
	r := d.rec
	ev, ok := d.stepKey(r.form, k)
	if !ok || !ev.Submit && ev.Action != "send" {
		return nil
	}
	address, password := strings.TrimSpace(r.address.Value()), r.password.Value()
	if d.c.needAddress(r.form, r.address, address) || d.c.needPassword(r.form, r.password) {
		return nil
	}
	return d.run("recovery", func(ctx context.Context, s *data.Store, a *data.Account, o data.Origin) (*data.Account, *data.Challenge, error) {
		ch, err := s.RequestRecoveryChange(ctx, a, password, address, o)
		return nil, ch, err
	})
}

func (r *dashRecoveryStep) view() string {
	c, st := r.c, r.c.Styles
	return lipgloss.JoinVertical(lipgloss.Left,
		st.Title.Render(c.T("dash.recovery.title")),
		st.Label.Render(c.T("dash.current")+" ")+st.Text.Render(data.MaskEmail(c.Account.RecoveryEmail)),
		st.Muted.Render(wrap.Text(c.T("dash.recovery.intro"), c.Width-2)),
		"",
		r.form.View())
}

// --- redirection

type redirectionStep struct {
	c        *Common
	form     *Form
	address  *Input
	keep     *Toggle
	password *Input
}

func newRedirectionStep(c *Common) *redirectionStep {
	a := c.Account
	r := &redirectionStep{c: c, form: NewForm(c)}
	r.address = r.form.AddInput(InputSpec{Label: "dash.redirection.address", Hint: "dash.redirection.address.hint",
		Limit: data.MaxEmailLength, Width: 50})
	r.keep = r.form.AddToggle("keep", "dash.redirection.keep", a.RedirectEmail == "" || a.KeepCopy)
	r.password = addCurrentPassword(r.form)
	r.form.AddAction("set", "dash.redirection.submit", false)
	r.form.AddAction("self", "dash.redirection.self", true)
	if a.RedirectEmail != "" {
		r.form.AddAction("remove", "dash.redirection.remove", true)
	}
	return r
}

func (r *redirectionStep) keys() []key.Binding {
	c := r.c
	keys := []key.Binding{c.NextKey()}
	if t, onToggle := r.form.Focused().(*Toggle); onToggle {
		return append(keys, c.toggleKey(t, c.T("keyname.space")))
	}
	return append(keys, c.SubmitKey("key.choose"))
}

func (d *Dashboard) updateRedirection(k tea.KeyMsg) tea.Cmd {
	r := d.redir
	ev, ok := d.stepKey(r.form, k)
	if !ok {
		return nil
	}
	keep, password := r.keep.On, r.password.Value()
	switch {
	case ev.Submit || ev.Action == "set":
		address := strings.TrimSpace(r.address.Value())
		if d.c.needAddress(r.form, r.address, address) || d.c.needPassword(r.form, r.password) {
			return nil
		}
		// The mail de secours (already proven) applies at once; any other
		// address first receives a code.
		return d.run("redirection", func(ctx context.Context, s *data.Store, a *data.Account, o data.Origin) (*data.Account, *data.Challenge, error) {
			ch, err := s.SetRedirection(ctx, a, password, address, keep, o)
			return nil, ch, err
		})
	case ev.Action == "self":
		if d.c.needPassword(r.form, r.password) {
			return nil
		}
		return d.run("redirection.self", func(ctx context.Context, s *data.Store, a *data.Account, o data.Origin) (*data.Account, *data.Challenge, error) {
			ch, err := s.SetRedirection(ctx, a, password, a.RecoveryEmail, keep, o)
			return nil, ch, err
		})
	case ev.Action == "remove":
		if d.c.needPassword(r.form, r.password) {
			return nil
		}
		return d.run("redirection.remove", func(ctx context.Context, s *data.Store, a *data.Account, o data.Origin) (*data.Account, *data.Challenge, error) {
			return nil, nil, s.RemoveRedirection(ctx, a, password, o)
		})
	}
	return nil
}

func (r *redirectionStep) view() string {
	c, st, a := r.c, r.c.Styles, r.c.Account
	now := c.T("dash.redirection.none")
	if a.RedirectEmail != "" {
		now = c.Tf("dash.redirection.to", data.MaskEmail(a.RedirectEmail), c.copyWord(a.KeepCopy))
	}
	return lipgloss.JoinVertical(lipgloss.Left,
		st.Title.Render(c.T("dash.redirection.title")),
		st.Label.Render(c.T("dash.current")+" ")+st.Text.Render(now),
		st.Label.Render(c.T("dash.recovery.is")+" ")+st.Text.Render(data.MaskEmail(a.RecoveryEmail)),
		"",
		r.form.View())
}
