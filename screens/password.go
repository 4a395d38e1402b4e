package screens

import (
	"strings"

	"entkiosk/data"
	"entkiosk/data/wrap"
)

// PasswordPicker is the "choose a password" part of a form: the new
// password, its confirmation, and the live checklist of the university's
// rules with a strength meter for the 12 recommended characters. Used by
// activation, lost password and change of password.
type PasswordPicker struct {
	c        *Common
	New      *Input
	Confirm  *Input
	personal data.PersonalData
	result   data.PolicyResult
	checked  string // the value result was computed for
}

// AddPasswordPicker adds the two inputs to form.
func AddPasswordPicker(c *Common, form *Form, personal data.PersonalData) *PasswordPicker {
	// checked starts as a value no input can hold, so that the empty
	// password is checked too (its checklist shows what is still missing).
	p := &PasswordPicker{c: c, personal: personal, checked: "\x00"}
	p.New = form.AddInput(InputSpec{Label: "password.new", Secret: true, Limit: data.PasswordMaxLength})
	p.Confirm = form.AddInput(InputSpec{Label: "password.confirm", Secret: true, Limit: data.PasswordMaxLength})
	p.refresh()
	return p
}

// SetPersonal sets what the password must not be built on (known once a
// code has been checked).
func (p *PasswordPicker) SetPersonal(pd data.PersonalData) {
	p.personal = pd
	p.checked = "\x00" // force a new check
	p.refresh()
}

func (p *PasswordPicker) refresh() {
	if v := p.New.Value(); v != p.checked {
		p.result = data.CheckPassword(v, p.personal)
		p.checked = v
	}
}

// Ready says whether the password meets every rule and both entries match;
// if not, it puts the reason under the right field.
func (p *PasswordPicker) Ready() bool {
	p.refresh()
	if !p.result.OK() {
		p.New.Fail(SayKey("password.refused"))
		return false
	}
	if p.New.Value() != p.Confirm.Value() {
		p.Confirm.Fail(SayKey("password.mismatch"))
		return false
	}
	return true
}

// Value is the chosen password.
func (p *PasswordPicker) Value() string { return p.New.Value() }

// ChecklistView is the checklist as every password step shows it (first
// login, lost password, change of password): under the fields, at the
// column of their boxes, a long rule wrapped under its text.
func (p *PasswordPicker) ChecklistView() string {
	c := p.c
	return c.Styles.Renderer.NewStyle().PaddingLeft(2).Render(wrap.Text(p.Checklist(),
		min(max(c.Width-2, 20), 78)-2))
}

// Checklist draws the rules, each ticked as it is met.
func (p *PasswordPicker) Checklist() string {
	p.refresh()
	c, st := p.c, p.c.Styles
	var lines []string
	for _, it := range c.PasswordChecklist(p.result, p.New.Value(), p.Confirm.Value()) {
		switch it.State {
		case CheckPending:
			// Nothing typed yet: the rules to meet, not failures.
			lines = append(lines, st.Muted.Render("· ")+st.Text.Render(it.Text))
		case CheckMet:
			lines = append(lines, st.CheckOK.Render("✓ ")+st.Text.Render(it.Text))
		default:
			lines = append(lines, st.CheckNo.Render("✗ ")+st.Text.Render(it.Text))
		}
	}
	return strings.Join(append(lines, p.meter()), "\n")
}

// meter shows strength (0–4, zxcvbn's model: data/strength.go) and whether the 12 recommended
// characters are reached.
func (p *PasswordPicker) meter() string {
	c, st := p.c, p.c.Styles
	level, word, advice := c.PasswordStrength(p.result, p.New.Value())
	filled := level + 1
	bar := st.Meter.Render(strings.Repeat("█", filled*2)) + st.MeterOff.Render(strings.Repeat("░", 10-filled*2))
	return st.Muted.Render(c.T("password.strength")+" ") + bar + " " + st.Strong.Render(word) + " " + st.Muted.Render(advice)
}

// forbiddenFound names every forbidden character of a password with its
// position: one, or a list (« < » (position 4), « $ » (position 6)…).
func (c *Common) forbiddenFound(found []data.ForbiddenChar) string {
	if len(found) == 1 {
		return c.Tf("password.rule.forbidden.found", string(found[0].Char), found[0].Position)
	}
	items := make([]string, len(found))
	for i, f := range found {
		items[i] = c.Tf("password.rule.forbidden.item", string(f.Char), f.Position)
	}
	return c.Tf("password.rule.forbidden.several", strings.Join(items, ", "))
}
