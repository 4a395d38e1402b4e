package accessible

import (
	"context"
	"strings"

	"entkiosk/data"
	"entkiosk/screens"
)

// help is Aide: the list of its topics, then the chosen one read whole.
func (s *session) help(nav screens.NavigateMsg) (screens.NavigateMsg, error) {
	c := s.c
	back := home()
	if c.Account != nil {
		back = screens.NavigateMsg{Page: screens.PageDashboard}
	}
	topics := c.HelpTopics()
	if nav.Topic != "" {
		s.title(c.T("help.title"))
		s.readTopic(nav.Topic)
	}
	for {
		s.title(c.T("help.title"))
		labels := make([]string, 0, len(topics)+1)
		for _, t := range topics {
			labels = append(labels, c.T("help."+t))
		}
		labels = append(labels, c.T("a11y.back"))
		i, err := s.choose(c.T("a11y.help.question"), labels...)
		if err != nil || i == len(topics) {
			return back, err
		}
		s.readTopic(topics[i])
	}
}

func (s *session) readTopic(topic string) {
	c := s.c
	s.blank()
	for _, line := range strings.Split(c.HelpText(topic, 1000), "\n") {
		s.say(line)
	}
}

// mailbox is the demo mailbox (only with --demo): every mail of the
// outbox whose time has come, newest first, each read whole, its code on
// a line of its own.
func (s *session) mailbox(screens.NavigateMsg) (screens.NavigateMsg, error) {
	c := s.c
	back := home()
	if c.Account != nil {
		back = screens.NavigateMsg{Page: screens.PageDashboard}
	}
	if !s.o.Demo {
		return back, nil
	}
	mails, err := c.Store.Outbox(context.Background(), data.OutboxFilter{DueOnly: true, Limit: 20})
	if err != nil {
		s.failErr("demo mailbox", err)
		return back, nil
	}
	s.title(c.T("a11y.mailbox"))
	if len(mails) == 0 {
		s.say(c.T("a11y.mailbox.empty"))
		return back, nil
	}
	labels := make([]string, 0, len(mails)+1)
	for _, m := range mails {
		labels = append(labels, c.Tf("a11y.mail.label", screens.Clean(m.To), screens.Clean(m.Subject)))
	}
	labels = append(labels, c.T("a11y.back"))
	for {
		i, err := s.choose(c.Nf("a11y.mailbox.count", len(mails)), labels...)
		if err != nil || i == len(mails) {
			return back, err
		}
		m := mails[i]
		s.blank()
		s.field("a11y.mail.to", screens.Clean(m.To))
		s.field("a11y.mail.subject", screens.Clean(m.Subject))
		s.field("a11y.mail.date", c.FormatDateTime(m.NotBefore))
		s.blank()
		for _, line := range strings.Split(strings.ReplaceAll(m.Body, "\r\n", "\n"), "\n") {
			s.say(line)
		}
		s.blank()
	}
}
