package data

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// mailArgs is a mail's content as stored in the outbox (column args): what
// composeMail needs to write it, fixed when the mail is queued — its time,
// and the host and port of its link, which differ between the import that
// queues a mail and the server that sends it.
type mailArgs struct {
	Name        string `json:"name,omitempty"`
	Staff       bool   `json:"staff,omitempty"`
	Identifiant string `json:"identifiant,omitempty"`
	Code        string `json:"code,omitempty"`
	Token       string `json:"token,omitempty"`
	Expires     string `json:"expires,omitempty"`
	Address     string `json:"address,omitempty"`
	When        string `json:"when"`
	LinkHost    string `json:"link_host,omitempty"`
	LinkPort    int    `json:"link_port,omitempty"`
	LinkURL     string `json:"link_url,omitempty"`
	RightsEnd   string `json:"rights_end,omitempty"`
	// PreviousExpired: the code this one replaces had expired unused.
	PreviousExpired bool `json:"previous_expired,omitempty"`
	// ByHelpdesk: an agent asked for the code.
	ByHelpdesk bool `json:"by_helpdesk,omitempty"`
}

// mailArgsOf fixes c's time and link for storing.
func (s *Store) mailArgsOf(c mailContent) (string, error) {
	when := c.When
	if when.IsZero() {
		when = s.cfg.Clock.Now()
	}
	a := mailArgs{Name: c.Name, Identifiant: c.Identifiant, Code: c.Code, Token: c.Token, Address: c.Address,
		When: fmtTime(when), LinkHost: s.cfg.LinkHost, LinkPort: s.cfg.LinkPort, LinkURL: s.cfg.LinkURL, PreviousExpired: c.PreviousExpired,
		Staff: c.Staff, ByHelpdesk: c.ByHelpdesk}
	if !c.Expires.IsZero() {
		a.Expires = fmtTime(c.Expires)
	}
	if !c.RightsEnd.IsZero() {
		a.RightsEnd = c.RightsEnd.Format(time.DateOnly) // a calendar day, as written in its own zone
	}
	b, err := json.Marshal(a)
	return string(b), err
}

// renderArgs writes a stored mail's subject and body from its args.
func (s *Store) renderArgs(m *Mail, args string) error {
	var a mailArgs
	if err := json.Unmarshal([]byte(args), &a); err != nil {
		return fmt.Errorf("mail %d: its content cannot be read: %w", m.ID, err)
	}
	c := mailContent{Kind: m.Kind, Lang: m.Lang, Name: a.Name, Identifiant: a.Identifiant, Code: a.Code,
		Token: a.Token, Address: a.Address, When: parseTime(a.When), link: &mailLink{host: a.LinkHost, port: a.LinkPort, url: a.LinkURL}, Staff: a.Staff}
	if a.Expires != "" {
		c.Expires = parseTime(a.Expires)
	}
	if a.RightsEnd != "" {
		c.RightsEnd, _ = time.Parse(time.DateOnly, a.RightsEnd)
	}
	c.PreviousExpired, c.ByHelpdesk = a.PreviousExpired, a.ByHelpdesk
	m.Subject, m.Body = s.composeMail(c)
	return nil
}

// mailLink is where a mail's ssh:// link points.
type mailLink struct {
	host string
	port int
	url  string // the web page's link (--link-url), when it was set
}

// queueContent writes the mail of content c to the outbox (its args, not
// its text), inside the caller's transaction.
func (s *Store) queueContent(ctx context.Context, tx execer, m Mail, c mailContent) (int64, error) {
	args, err := s.mailArgsOf(c)
	if err != nil {
		return 0, err
	}
	m.Subject, m.Body, m.args = "", "", args
	return s.queueMail(ctx, tx, m)
}
