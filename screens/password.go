package screens

import (
	"fmt"
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
	empty := p.New.Value() == ""
	line := func(ok bool, text string) string {
		switch {
		case empty:
			// Nothing typed yet: the rules to meet, not failures.
			return st.Muted.Render("· ") + st.Text.Render(text)
		case ok:
			return st.CheckOK.Render("✓ ") + st.Text.Render(text)
		}
		return st.CheckNo.Render("✗ ") + st.Text.Render(text)
	}
	r := p.result
	lines := []string{
		line(r.Result(data.RuleMinLength).OK, c.Tf("password.rule.length", data.PasswordMinLength, c.Nf("password.typed", r.Length))),
	}
	if !r.Result(data.RuleMaxLength).OK {
		lines = append(lines, line(false, c.Tf("password.rule.max", data.PasswordMaxLength)))
	}
	lines = append(lines,
		line(r.Result(data.RuleDigit).OK, c.T("password.rule.digit")),
		line(r.Result(data.RuleLetter).OK, c.T("password.rule.letter")),
	)
	if f := r.Result(data.RuleForbidden); f.OK {
		lines = append(lines, line(!empty, c.T("password.rule.forbidden")))
	} else {
		lines = append(lines, line(false, c.forbiddenFound(f.Found)))
	}
	lines = append(lines,
		line(!empty && r.Result(data.RuleDictionary).OK, c.T("password.rule.dictionary")),
		line(!empty && r.Result(data.RulePersonal).OK, c.T("password.rule.personal")),
		line(!empty && p.New.Value() == p.Confirm.Value(), c.T("password.rule.match")),
		p.meter(),
	)
	return strings.Join(lines, "\n")
}

// meter shows strength (zxcvbn, 0–4) and whether the 12 recommended
// characters are reached.
func (p *PasswordPicker) meter() string {
	c, st := p.c, p.c.Styles
	score := p.result.Strength
	if p.New.Value() == "" {
		score = -1
	}
	filled := score + 1
	if !p.result.Recommended && filled > 3 {
		filled = 3 // strong needs the 12 recommended characters
	}
	if !p.result.OK() && filled > 3 {
		filled = 3 // never « excellente » while a rule fails
	}
	bar := st.Meter.Render(strings.Repeat("█", filled*2)) + st.MeterOff.Render(strings.Repeat("░", 10-filled*2))
	word := c.T(fmt.Sprintf("password.strength.%d", max(filled-1, 0)))
	if score < 0 {
		word = ""
	}
	advice := c.Tf("password.recommended", data.PasswordRecommendedLength)
	if p.result.Recommended {
		advice = ""
	}
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
