package screens

import (
	"context"

	"entkiosk/data"
)

// The helpdesk console's words and actions, for the accessible front end
// (tui/accessible): the card, its history, the walk-through and the
// actions, said as the console says them.

// Console says what the helpdesk console shows, in the session's language.
type Console struct{ h *Helpdesk }

// NewConsole speaks for the agent logged in on c.
func NewConsole(c *Common) Console { return Console{h: &Helpdesk{auditWords: auditWords{c}, c: c}} }

// ErrorText says a console error (a revoked role, a rule) in words.
func (k Console) ErrorText(err error) string { return k.h.errorText(err) }

// AccountState says a search hit's account ("actif", "à activer", "aucun").
func (k Console) AccountState(hit data.SearchHit) string {
	return k.h.accountState(hit.Identifiant, hit.Status, hit.RightsEnded)
}

// CardLines are the facts of a card (who, account, rights, registrations,
// addresses masked, locks), a label and its value a line, as on the card.
func (k Console) CardLines(card *data.PersonCard) []string {
	return (&hdCard{h: k.h, card: card}).cardLines()
}

// TimelineText is one event of a card's history in words.
func (k Console) TimelineText(card *data.PersonCard, e data.TimelineEvent) string {
	return k.h.timelineText(card, e)
}

// ShortDateTime is an event's time as the history says it.
func (k Console) ShortDateTime(e data.TimelineEvent) string { return k.h.shortDateTime(e.At) }

// StepName, CheckText and NextText say a walk-through in words.
func (k Console) StepName(ch data.Check) string       { return k.h.c.T("helpdesk.step." + ch.Step) }
func (k Console) CheckText(ch data.Check) string      { return k.h.checkText(ch) }
func (k Console) NextText(wt data.Walkthrough) string { return k.h.nextText(wt) }

// HeldBack says the next action sends a code the limits allow only later
// (NextText says when): it is not offered until then.
func (k Console) HeldBack(wt data.Walkthrough) bool { return k.h.heldBack(wt) }

// CaseName is a case of « Problème de connexion » in words.
func (k Console) CaseName(c data.HelpCase) string { return k.h.c.T("helpdesk.case." + string(c)) }

// ActionLabel names an action ("Renvoyer le code d'activation").
func (k Console) ActionLabel(a data.NextAction) string {
	return k.h.c.T("helpdesk.action." + nextActionKey[a])
}

// Actionable says a walk-through's next action is one the console runs.
func Actionable(a data.NextAction) bool { return actionable(a) && a != "" && nextActionKey[a] != "" }

// CardActions are the actions that apply to a card now, in the card's order.
func CardActions(card *data.PersonCard) []data.NextAction {
	var out []data.NextAction
	if card.CanResendActivation() {
		out = append(out, data.NextResendActivation)
	}
	if card.CanSendReset() {
		out = append(out, data.NextSendReset)
	}
	if card.CanUnlock() {
		out = append(out, data.NextUnlock)
	}
	if card.CanCorrectRecovery() {
		out = append(out, data.NextCorrectRecovery)
	}
	return out
}

// ConfirmText is what confirming an action says will happen.
func (k Console) ConfirmText(card *data.PersonCard, a data.NextAction) string {
	return k.h.fill("helpdesk.confirm."+nextActionKey[a], card.Now, 0, Clean(card.Recovery))
}

// Act runs a confirmed action (resend the activation code, send a reset
// code, unlock) for the agent logged in, and says what was done.
func (k Console) Act(ctx context.Context, personID int64, a data.NextAction) (string, error) {
	return helpdeskAct(ctx, k.h.c, personID, a)
}

// Correct replaces the mail de secours once the identity was checked, and
// says what was done.
func (k Console) Correct(ctx context.Context, personID int64, address string, checked bool) (string, error) {
	return helpdeskCorrect(ctx, k.h.c, personID, address, checked)
}

// helpdeskAct is the store request of an action and its notice.
func helpdeskAct(ctx context.Context, c *Common, person int64, action data.NextAction) (string, error) {
	store, agent, origin := c.Store, c.Account, c.Origin()
	if action == data.NextUnlock {
		u, err := store.HelpdeskUnlock(ctx, agent, person, origin)
		notice := "helpdesk.done.unlock.none"
		switch {
		case u.Login && u.Lookup:
			notice = "helpdesk.done.unlock.both"
		case u.Login:
			notice = "helpdesk.done.unlock.login"
		case u.Lookup:
			notice = "helpdesk.done.unlock.lookup"
		}
		return c.T(notice), err
	}
	send := store.HelpdeskResendActivation
	if action == data.NextSendReset {
		send = store.HelpdeskSendReset
	}
	sent, err := send(ctx, agent, person, origin)
	if err != nil {
		return "", err
	}
	// Rounded up to the minute, as the refusal of a resend too soon says
	// it (ErrorText): both name the minute from which it works.
	return c.Tf("helpdesk.done.sent."+string(sent.Purpose), Clean(sent.MaskedTarget), c.FormatFromTime(sent.ResendAt)), nil
}

// helpdeskCorrect is the store request of a correction and its notice.
func helpdeskCorrect(ctx context.Context, c *Common, person int64, address string, checked bool) (string, error) {
	done, err := c.Store.HelpdeskCorrectRecovery(ctx, c.Account, person, address, checked, c.Origin())
	if err != nil {
		return "", err
	}
	if done.RedirectFollowed {
		return c.Tf("helpdesk.correct.done.followed", Clean(done.Recovery), Clean(done.Recovery), c.copyWord(done.KeepCopy)), nil
	}
	return c.Tf("helpdesk.done.recovery", Clean(done.Recovery)), nil
}
