package accessible

import (
	"context"
	"errors"
	"strings"

	"entkiosk/data"
	"entkiosk/screens"
)

// console is the helpdesk console in linear form: search, the card read as
// sentences, its history, the walk-through of a case, the actions, each
// confirmed. The store checks the role on every request; addresses are
// masked; the agent never sees a password nor a code.
func (s *session) console(screens.NavigateMsg) (screens.NavigateMsg, error) {
	c, ctx := s.c, context.Background()
	k := screens.NewConsole(c)
	s.title(c.T("a11y.console.title"))
	for {
		query, err := s.ask(c.T("a11y.console.search"))
		if err != nil {
			return home(), err
		}
		query = strings.TrimSpace(query)
		if query == "" {
			return toDashboard, nil
		}
		if c.Store.PersonalAddress(query) { // as the console says it
			s.fail(c.T("helpdesk.search.personal"))
			continue
		}
		res, err := c.Store.HelpdeskSearch(ctx, c.Account, query)
		if err != nil {
			if s.consoleRefused(k, err) {
				return toDashboard, nil
			}
			continue
		}
		if res.Total == 0 {
			s.fail(c.Tf("helpdesk.search.none", screens.Clean(query)))
			continue
		}
		if res.Total > len(res.Hits) {
			s.say(c.Tf("helpdesk.search.more", len(res.Hits), res.Total))
		} else {
			s.say(c.Nf("helpdesk.search.count", res.Total))
		}
		labels := make([]string, 0, len(res.Hits)+1)
		for _, hit := range res.Hits {
			number := screens.Clean(hit.StudentNumber)
			if hit.Category == data.Staff {
				number = c.T("helpdesk.staff")
			}
			ident := screens.Clean(hit.Identifiant)
			if ident == "" {
				ident = "—"
			}
			labels = append(labels, c.Tf("a11y.console.hit", screens.Clean(hit.Prenom+" "+hit.Nom), number, ident,
				k.AccountState(hit)))
		}
		labels = append(labels, c.T("a11y.console.again"))
		i, err := s.choose(c.T("a11y.console.open"), labels...)
		if err != nil {
			return home(), err
		}
		if i == len(res.Hits) {
			continue
		}
		if done, err := s.consoleCard(k, res.Hits[i].PersonID); err != nil || done {
			return toDashboard, err
		}
	}
}

// consoleRefused says a refusal; true when the role is gone (the console closes).
func (s *session) consoleRefused(k screens.Console, err error) bool {
	if screens.Internal(err) && !errors.Is(err, data.ErrNotHelpdesk) {
		s.log.Error("accessible console", "err", err)
	}
	s.fail(k.ErrorText(err))
	return errors.Is(err, data.ErrNotHelpdesk)
}

// consoleCard reads a person's card and offers what can be done; true:
// the console closes (the role is gone).
func (s *session) consoleCard(k screens.Console, personID int64) (bool, error) {
	c, ctx := s.c, context.Background()
	for {
		card, err := c.Store.HelpdeskCard(ctx, c.Account, personID, c.Origin())
		if err != nil {
			return s.consoleRefused(k, err), nil
		}
		s.title(c.Tf("a11y.console.card", card.Person.DisplayName()))
		for _, l := range k.CardLines(card) {
			s.say(strings.TrimSpace(l))
		}
		actions := screens.CardActions(card)
		labels := []string{c.T("a11y.console.history"), c.T("a11y.console.walk")}
		for _, a := range actions {
			labels = append(labels, k.ActionLabel(a))
		}
		labels = append(labels, c.Tf("a11y.console.journal", journalLines))
		labels = append(labels, c.T("a11y.console.again"))
		i, err := s.choose(c.T("a11y.next.question"), labels...)
		if err != nil {
			return false, err
		}
		switch {
		case i == 0:
			s.consoleHistory(k, card)
		case i == 1:
			if a, err := s.consoleWalk(k, card); err != nil {
				return false, err
			} else if a != "" {
				if gone, err := s.consoleAct(k, card, a); err != nil || gone {
					return gone, err
				}
			}
		case i == len(labels)-1:
			return false, nil
		case i == len(labels)-2:
			if gone := s.consoleJournal(k, card); gone {
				return true, nil
			}
		default:
			if gone, err := s.consoleAct(k, card, actions[i-2]); err != nil || gone {
				return gone, err
			}
		}
	}
}

// consoleHistory reads the card's history, newest first, a problem said so.
func (s *session) consoleHistory(k screens.Console, card *data.PersonCard) {
	c := s.c
	s.title(c.T("a11y.console.history"))
	if len(card.Timeline) == 0 {
		s.say(c.T("helpdesk.tl.empty"))
		return
	}
	for _, e := range card.Timeline {
		text := k.ShortDateTime(e) + " : " + k.TimelineText(card, e)
		if e.Problem {
			text = c.Tf("a11y.console.problem", text)
		}
		s.say("- " + text)
	}
}

// consoleWalk reads a case's checks in order, then the next action; it
// returns the action to run when the agent chooses it.
func (s *session) consoleWalk(k screens.Console, card *data.PersonCard) (data.NextAction, error) {
	c := s.c
	labels := make([]string, 0, len(data.HelpCases)+1)
	for _, hc := range data.HelpCases {
		labels = append(labels, k.CaseName(hc))
	}
	i, err := s.choose(c.T("helpdesk.choice.title"), labels...)
	if err != nil {
		return "", err
	}
	wt := card.Walkthrough(data.HelpCases[i])
	s.title(c.Tf("a11y.console.walk.title", k.CaseName(wt.Case)))
	for _, ch := range wt.Checks {
		key := "a11y.console.check.ok"
		switch ch.Status {
		case data.CheckProblem:
			key = "a11y.console.check.problem"
		case data.CheckInfo:
			key = "a11y.console.check.info"
		}
		s.say("- " + c.Tf(key, k.StepName(ch), k.CheckText(ch)))
	}
	s.say(k.NextText(wt))
	if !screens.Actionable(wt.Next) || !allowed(card, wt.Next) || k.HeldBack(wt) {
		return "", nil
	}
	run, err := s.yesNo(c.Tf("a11y.console.run", k.ActionLabel(wt.Next)))
	if err != nil || !run {
		return "", err
	}
	return wt.Next, nil
}

func allowed(card *data.PersonCard, a data.NextAction) bool {
	for _, b := range screens.CardActions(card) {
		if a == b {
			return true
		}
	}
	return false
}

// consoleAct confirms and runs an action; true: the role is gone.
func (s *session) consoleAct(k screens.Console, card *data.PersonCard, a data.NextAction) (bool, error) {
	c, ctx := s.c, context.Background()
	s.title(k.ActionLabel(a))
	s.say(c.Tf("helpdesk.confirm.for", card.Person.DisplayName(), screens.Clean(card.Identifiant)))
	var notice string
	var err error
	if a == data.NextCorrectRecovery {
		notice, err = s.consoleCorrect(k, card)
		if err != nil && isInput(err) {
			return false, err
		}
		if notice == "" && err == nil {
			return false, nil
		}
	} else {
		s.say(k.ConfirmText(card, a))
		ok, ierr := s.yesNo(c.T("a11y.console.confirm"))
		if ierr != nil || !ok {
			return false, ierr
		}
		notice, err = k.Act(ctx, card.Person.ID, a)
	}
	if err != nil {
		return s.consoleRefused(k, err), nil
	}
	s.done(notice)
	return false, nil
}

// consoleCorrect: the identity checked first (the agent asks, never says),
// then the new address. Empty notice and no error: cancelled.
func (s *session) consoleCorrect(k screens.Console, card *data.PersonCard) (string, error) {
	c, ctx := s.c, context.Background()
	ask := "helpdesk.correct.ask"
	number := screens.Clean(card.Person.StudentNumber)
	if number == "" {
		ask, number = "helpdesk.correct.ask.staff", c.T("helpdesk.staff")
	}
	s.say(c.T(ask))
	s.field("helpdesk.correct.number", number)
	s.field("helpdesk.correct.birth", c.FormatDate(card.Person.BirthDate))
	s.field("helpdesk.correct.current", screens.Clean(card.Recovery))
	if card.RedirectToRecovery {
		s.say(c.Tf("helpdesk.correct.follow", c.CopyWord(card.KeepCopy)))
	}
	checked, err := s.yesNo(c.T("a11y.console.identity"))
	if err != nil {
		return "", err
	}
	if !checked {
		s.fail(c.T("helpdesk.error.identity"))
		return "", nil
	}
	address, err := s.ask(s.question("helpdesk.correct.address", ""))
	if err != nil {
		return "", err
	}
	return k.Correct(ctx, card.Person.ID, strings.TrimSpace(address), checked)
}

// journalLines is how many lines of a person's audit log are read.
const journalLines = 20

// consoleJournal reads the newest lines of the person's audit log, in the
// console's words; true: the role is gone.
func (s *session) consoleJournal(k screens.Console, card *data.PersonCard) bool {
	c := s.c
	f := data.AuditFilter{PersonID: card.Person.ID, Limit: journalLines}
	if card.HasAccount() {
		f = data.AuditFilter{Identifiant: card.Identifiant, Limit: journalLines}
	}
	entries, err := c.Store.HelpdeskAudit(context.Background(), c.Account, f)
	if err != nil {
		return s.consoleRefused(k, err)
	}
	s.title(c.Tf("a11y.console.journal", journalLines))
	if len(entries) == 0 {
		s.say(c.Tf("helpdesk.audit.none.person", screens.Clean(card.Identifiant)))
		return false
	}
	words := screens.NewAuditWords(c.Store, c.Lang)
	for _, e := range entries {
		parts := []string{c.FormatDateTime(e.At), words.Event(e.Event)}
		for _, p := range []string{words.Outcome(e), words.Detail(e)} {
			if p != "" {
				parts = append(parts, p)
			}
		}
		if e.Actor != "" {
			parts = append(parts, words.By(e.Actor))
		}
		s.say("- " + strings.Join(parts, ", ") + ".")
	}
	return false
}
