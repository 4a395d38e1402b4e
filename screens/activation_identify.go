package screens

import (
	"context"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"entkiosk/data"
)

// The first step of "1ère connexion": who is activating. By identifiant,
// or by student number and birth date when the identifiant is not known.

func (a *Activation) buildIdentify(identifiant string) {
	c := a.c
	a.identForm = NewForm(c)
	a.identInput = a.identForm.AddInput(InputSpec{Label: "activation.identifiant", Hint: "activation.identifiant.hint",
		Limit: identifiantLimit(c), Value: strings.TrimSpace(identifiant), Selected: true})
	a.identForm.AddAction("continue", "activation.continue", false)
	a.numberLink = a.identForm.AddAction("number", "activation.bynumber", true)

	a.numberForm = NewForm(c)
	a.numberInput = a.numberForm.AddInput(InputSpec{Label: "activation.number", Hint: "activation.number.hint",
		Limit: 12, Width: 20})
	a.birthInput = a.numberForm.AddInput(InputSpec{Label: "activation.birth", Hint: "activation.birth.hint",
		Limit: 10, Width: 20})
	a.numberForm.AddAction("continue", "activation.continue", false)
	a.numberForm.AddAction("ident", "activation.byident", true)
}

func (a *Activation) keyIdentify(k tea.KeyMsg) tea.Cmd {
	form := a.identForm
	if a.byNumber {
		form = a.numberForm
	} else if _, onField := form.Focused().(*Input); !onField &&
		((k.Type == tea.KeyRunes && !k.Alt) || k.Type == tea.KeyBackspace) {
		// Typing on a button or link corrects the identifiant (after an
		// unknown one, the focus waits on the student-number link).
		form.FocusItem(a.identInput)
	}
	ev := form.Update(k)
	if ev.Changed {
		a.err = nil
	}
	switch {
	case ev.Submit || ev.Action == "continue":
		return a.identify()
	case ev.Action == "number":
		a.byNumber, a.err = true, nil
		a.numberForm.FocusItem(a.numberInput)
	case ev.Action == "ident":
		a.byNumber, a.err = false, nil
		a.identForm.FocusItem(a.identInput)
	}
	return nil
}

// identify checks what was typed, then asks the store.
func (a *Activation) identify() tea.Cmd {
	c := a.c
	var who data.ActivationIdentity
	if a.byNumber {
		number := strings.Join(strings.Fields(a.numberInput.Value()), "")
		birth, birthOK := parseBirthInput(a.birthInput.Value(), c.Store.Config().Location, c.Now())
		switch {
		case !data.IsStudentNumber(number):
			a.numberInput.Fail(SayKey("activation.number.invalid"))
			a.numberForm.FocusItem(a.numberInput)
			return nil
		case !birthOK:
			a.birthInput.Fail(SayKey("activation.birth.invalid"))
			a.numberForm.FocusItem(a.birthInput)
			return nil
		}
		who = data.ActivationIdentity{StudentNumber: number, BirthDate: birth}
		a.typed = ""
	} else {
		ident := strings.TrimSpace(a.identInput.Value())
		if ident == "" {
			a.identInput.Fail(SayKey("activation.identifiant.required"))
			return nil
		}
		if problem := a.c.IdentifiantProblem(ident); problem != "" {
			a.identInput.Fail(SayKey(problem))
			return nil
		}
		who = data.ActivationIdentity{Identifiant: ident}
		a.typed = ident
	}
	return a.start(who)
}

// start finds the account and the code waiting for it (the one mailed
// after the IA validation, or a new one).
func (a *Activation) start(who data.ActivationIdentity) tea.Cmd {
	a.err = nil
	store, origin, id := a.c.Store, a.c.Origin(), a.id
	return a.busy.Start(func() tea.Msg {
		ctx := context.Background()
		if who.Identifiant != "" {
			// The same answer for every identifiant (data.RequestActivation).
			ch, err := store.RequestActivation(ctx, who.Identifiant, origin)
			return activationStartMsg{id: id, ch: ch, err: err}
		}
		ac, err := store.StartActivation(ctx, who, origin)
		if err != nil {
			return activationStartMsg{id: id, err: err}
		}
		ch, err := store.ActivationChallenge(ctx, ac, false, origin)
		return activationStartMsg{id: id, actCase: ac, ch: ch, err: err}
	})
}

// parseBirthInput reads a birth date typed as jjmmaaaa (separators
// allowed: 14/07/2004, 14.07.2004). It must be a real date, in the past.
func parseBirthInput(s string, loc *time.Location, now time.Time) (time.Time, bool) {
	var digits strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case r == '/' || r == '.' || r == '-' || r == ' ':
		default:
			return time.Time{}, false
		}
	}
	d := digits.String()
	if len(d) != 8 {
		return time.Time{}, false
	}
	t, err := time.ParseInLocation("02012006", d, loc)
	if err != nil || t.Year() < 1900 || !t.Before(now) {
		return time.Time{}, false // time.Parse refuses 31/02 and 00/01
	}
	return t, true
}

func (a *Activation) viewIdentify() string {
	c, st := a.c, a.c.Styles
	if a.byNumber {
		return lipgloss.JoinVertical(lipgloss.Left, a.c.paragraph(st.Text, c.T("activation.bynumber.intro"), 0), "",
			a.numberForm.View())
	}
	return lipgloss.JoinVertical(lipgloss.Left, a.c.paragraph(st.Text, c.T("activation.intro"), 0), "", a.identForm.View())
}

// errorView says the store's last answer; an unknown identifiant and ended
// rights also say what to do next.
func (a *Activation) errorView() string {
	st := a.c.Styles
	text, next := a.c.ActivationRefusal(a.err)
	lines := []string{a.c.paragraph(st.Error, "✗ "+text, 0)}
	if next != "" {
		lines = append(lines, a.c.paragraph(st.Text.PaddingLeft(2), next, 0))
	}
	return lipgloss.JoinVertical(lipgloss.Left, lines...)
}

// The too-early step: the IA was validated less than 15 minutes ago.

func (a *Activation) buildTooEarly() {
	a.earlyForm = NewForm(a.c)
	a.earlyForm.AddAction("retry", "activation.early.retry", false)
	a.earlyForm.AddAction("home", "activation.early.home", true)
}

func (a *Activation) keyTooEarly(k tea.KeyMsg) tea.Cmd {
	switch a.earlyForm.Update(k).Action {
	case "retry":
		if a.c.Now().Before(a.allowedFrom) {
			a.earlyNotYet = true // not silently the same screen again: say from when
			return nil
		}
		if a.earlyFromCode {
			// Their code said it was too early: it works now, type it again.
			a.step, a.earlyFromCode = actCode, false
			return nil
		}
		return a.identify()
	case "home":
		return Navigate(NavigateMsg{Page: PageHome})
	}
	return nil
}

func (a *Activation) viewTooEarly() string {
	c, st := a.c, a.c.Styles
	when := c.T("activation.early.now")
	early := c.Now().Before(a.allowedFrom)
	if early {
		when = c.Tf("activation.tooearly", c.FormatFromTime(a.allowedFrom), c.MinutesUntilFrom(a.allowedFrom))
	}
	parts := []string{st.Notice.Render(st.Strong.Render(when)), "",
		a.c.paragraph(st.Text, c.Tf("activation.early.why", int(data.ActivationDelay/time.Minute)), 0), "",
		a.earlyForm.View()}
	if early && a.earlyNotYet {
		parts = append(parts, "", a.c.paragraph(st.Error, "✗ "+c.Tf("flow.notyet", c.FormatFromTime(a.allowedFrom),
			c.MinutesUntilFrom(a.allowedFrom)), 0))
	}
	return lipgloss.JoinVertical(lipgloss.Left, parts...)
}
