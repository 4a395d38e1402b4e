package accessible

import (
	"context"
	"strconv"
	"strings"

	"entkiosk/data"
	"entkiosk/screens"
)

// lookup is "Consulter mon inscription (IA)": student number and birth
// date → the registrations of this academic year and the identifiant,
// each registration read field by field.
func (s *session) lookup(screens.NavigateMsg) (screens.NavigateMsg, error) {
	c, ctx := s.c, context.Background()
	for {
		s.title(c.T("lookup.title"))
		s.say(c.T("lookup.intro"))
		var number string
		for {
			answer, err := s.ask(s.question("lookup.number", "lookup.number.hint"))
			if err != nil {
				return home(), err
			}
			number = strings.Join(strings.Fields(answer), "")
			said := c.CheckStudentNumber(number)
			if said.IsZero() {
				break
			}
			s.fail(c.Said(said))
		}
		var birthDate = func() (string, error) {
			return s.ask(s.question("lookup.birth", "lookup.birth.hint"))
		}
		answer, err := birthDate()
		if err != nil {
			return home(), err
		}
		birth, said := c.ParseBirthDate(answer)
		for !said.IsZero() {
			s.fail(c.Said(said))
			if answer, err = birthDate(); err != nil {
				return home(), err
			}
			birth, said = c.ParseBirthDate(answer)
		}
		r, err := c.Store.LookupRegistrations(ctx, number, birth, c.Origin())
		if err != nil {
			s.failErr("IA lookup", err)
		} else {
			s.lookupResult(r)
		}
		choices := []string{c.T("lookup.again")}
		first := err == nil && r.Identifiant != "" && r.Status == data.StatusPending
		if first {
			choices = append(choices, c.T("lookup.first"))
		}
		choices = append(choices, c.T("a11y.home"))
		i, err := s.choose(c.T("a11y.next.question"), choices...)
		switch {
		case err != nil:
			return home(), err
		case i == 0:
			continue
		case first && i == 1:
			return screens.NavigateMsg{Page: screens.PageActivation, Identifiant: r.Identifiant}, nil
		}
		return home(), nil
	}
}

// lookupResult reads what the lookup found, as sentences.
func (s *session) lookupResult(r *data.Lookup) {
	c := s.c
	s.done(r.Person.DisplayName() + ", " + c.Tf("lookup.numberis", screens.Clean(r.Person.StudentNumber)) + ".")
	switch {
	case r.Identifiant == "":
		s.field("lookup.identifiant", c.T("lookup.noaccount"))
	case r.Status == data.StatusPending:
		s.field("lookup.identifiant", screens.Clean(r.Identifiant)+" "+c.T("lookup.pending"))
	default:
		s.field("lookup.identifiant", screens.Clean(r.Identifiant))
	}
	s.say(c.RightsLine(r.RightsEnd) + ".")
	regs := r.Current()
	if len(regs) > 0 {
		s.say(c.Nf("lookup.current", len(regs)))
	} else {
		s.say(c.Tf("lookup.none", yearLabel(r.CurrentYear)))
		if len(r.Registrations) > 0 {
			latest := r.Registrations[0].Annee
			for _, reg := range r.Registrations {
				if reg.Annee == latest {
					regs = append(regs, reg)
				}
			}
			s.say(c.Tf("lookup.latest", yearLabel(latest)))
		}
	}
	labels := screens.RegistrationLabels()
	for i, reg := range regs {
		s.blank()
		s.sayf("a11y.registration", i+1, len(regs))
		values := c.RegistrationValues(reg)
		for j, label := range labels {
			if j < len(values) {
				s.say("- " + c.Tf("a11y.field", s.label(label), values[j]))
			}
		}
	}
	s.blank()
}

func yearLabel(y int) string { return strconv.Itoa(y) + "/" + strconv.Itoa(y+1) }
