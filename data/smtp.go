package data

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	netmail "net/mail"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	mail "github.com/wneessen/go-mail"
	gmsmtp "github.com/wneessen/go-mail/smtp"
)

// StartTLS says what an smtp:// relay connection does about STARTTLS.
type StartTLS string

const (
	StartTLSOpportunistic StartTLS = "opportunistic" // upgrade when the relay offers it (default)
	StartTLSRequired      StartTLS = "required"      // refuse to deliver without it
	StartTLSOff           StartTLS = "off"           // never (a relay on the same host)
)

// SMTPConfig says how to reach the SMTP relay and how patient to be.
type SMTPConfig struct {
	Host        string
	Port        int
	ImplicitTLS bool     // smtps://: TLS from the first byte
	StartTLS    StartTLS // smtp:// only
	Username    string   // SMTP AUTH (only over TLS, or with a challenge mechanism)
	Password    string
	From        *netmail.Address
	TLSConfig   *tls.Config // nil: the system's roots (SSL_CERT_FILE adds a private CA)

	Timeout     time.Duration // each connection and SMTP command (default 30 s)
	Lease       time.Duration // how long a claim holds a mail unless renewed before another sender may take it (default 90 s)
	Poll        time.Duration // RunMailer: how often to look for due mails (default 5 s)
	GiveUpAfter time.Duration // temporary failures past not_before + this become failed (default 5 days)
	// Connections: senders at once in a pass, each with its own connection
	// to the relay and its own claims (default 1). A relay answers each mail
	// in tens of milliseconds: one connection sends 20 to 95 mails a second,
	// and the morning of an import queues tens of thousands.
	Connections int
}

// Delivery defaults. The lease is short, so that a mail whose sender died
// mid-send is taken again within two minutes (lease + poll): a live sender
// renews it every third of a lease while it talks to the relay
// (keepClaim), however long the relay's commands take.
const (
	DefaultSMTPTimeout = 30 * time.Second
	DefaultMailLease   = 90 * time.Second
	DefaultMailPoll    = 5 * time.Second
	DefaultGiveUpAfter = 5 * 24 * time.Hour
)

func (c *SMTPConfig) fillDefaults() {
	if c.Timeout <= 0 {
		c.Timeout = DefaultSMTPTimeout
	}
	if c.Lease <= 0 {
		c.Lease = DefaultMailLease
	}
	if c.Poll <= 0 {
		c.Poll = DefaultMailPoll
	}
	if c.GiveUpAfter <= 0 {
		c.GiveUpAfter = DefaultGiveUpAfter
	}
	if c.StartTLS == "" {
		c.StartTLS = StartTLSOpportunistic
	}
	if c.Connections <= 0 {
		c.Connections = 1
	}
}

// ParseSMTP reads the --smtp URL and the --from address:
//
//	smtp://relay.example.org              port 25, STARTTLS when offered
//	smtp://user:pass@relay.example.org    port 587, STARTTLS when offered, AUTH
//	smtps://user:pass@relay.example.org   port 465, TLS from the start
//	smtp://relay:25?starttls=required     (or starttls=off)
//
// User and password are URL-encoded (%40 for @). Errors never repeat the password.
func ParseSMTP(raw, from string) (SMTPConfig, error) {
	var c SMTPConfig
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return c, smtpURLError(SMTPNotURL, "")
	}
	switch strings.ToLower(u.Scheme) {
	case "smtp":
	case "smtps":
		c.ImplicitTLS = true
	default:
		return c, smtpURLError(SMTPScheme, u.Scheme)
	}
	c.Host = u.Hostname()
	if c.Host == "" {
		return c, smtpURLError(SMTPNoHost, "")
	}
	if u.User != nil {
		c.Username = u.User.Username()
		c.Password, _ = u.User.Password()
		if c.Username == "" {
			return c, smtpURLError(SMTPPasswordNoUser, "")
		}
	}
	switch {
	case u.Port() != "":
		c.Port, err = strconv.Atoi(u.Port())
		if err != nil || c.Port < 1 || c.Port > 65535 {
			return c, smtpURLError(SMTPPort, u.Port())
		}
	case c.ImplicitTLS:
		c.Port = 465
	case c.Username != "":
		c.Port = 587
	default:
		c.Port = 25
	}
	if u.Path != "" && u.Path != "/" || u.Fragment != "" || u.Opaque != "" {
		return c, smtpURLError(SMTPTrailing, "")
	}
	for key, values := range u.Query() {
		if key != "starttls" || len(values) != 1 {
			return c, smtpURLError(SMTPUnknownOption, key)
		}
		switch v := StartTLS(strings.ToLower(values[0])); v {
		case StartTLSOpportunistic, StartTLSRequired, StartTLSOff:
			if c.ImplicitTLS {
				return c, smtpURLError(SMTPStartTLSImplicit, "")
			}
			c.StartTLS = v
		default:
			return c, smtpURLError(SMTPStartTLSValue, values[0])
		}
	}
	c.From, err = netmail.ParseAddress(from)
	if err != nil {
		return c, &SMTPConfigError{Field: "--from", Problem: SMTPFromAddress, Value: from}
	}
	c.fillDefaults()
	return c, nil
}

// String is the relay without its password, for logs and messages.
func (c SMTPConfig) String() string {
	scheme := "smtp"
	if c.ImplicitTLS {
		scheme = "smtps"
	}
	user := ""
	if c.Username != "" {
		user = url.User(c.Username).String() + "@"
	}
	return fmt.Sprintf("%s://%s%s:%d", scheme, user, c.Host, c.Port)
}

// deliverer holds one pass's connection to the relay.
type deliverer struct {
	s      *Store
	cfg    SMTPConfig
	log    *slog.Logger
	sender string
	client *mail.Client
	conn   *gmsmtp.Client
	// stop: another sender of the pass found the relay unusable; claim
	// nothing more (nil: the only sender)
	stop *atomic.Bool
}

func (d *deliverer) dial(ctx context.Context) error {
	if d.client == nil {
		tlsConf := &tls.Config{MinVersion: tls.VersionTLS12}
		if d.cfg.TLSConfig != nil {
			tlsConf = d.cfg.TLSConfig.Clone()
		}
		if tlsConf.ServerName == "" {
			tlsConf.ServerName = d.cfg.Host
		}
		opts := []mail.Option{mail.WithPort(d.cfg.Port), mail.WithTimeout(d.cfg.Timeout),
			mail.WithTLSConfig(tlsConf)}
		switch {
		case d.cfg.ImplicitTLS:
			opts = append(opts, mail.WithSSL())
		case d.cfg.StartTLS == StartTLSRequired:
			opts = append(opts, mail.WithTLSPolicy(mail.TLSMandatory))
		case d.cfg.StartTLS == StartTLSOff:
			opts = append(opts, mail.WithTLSPolicy(mail.NoTLS))
		default:
			opts = append(opts, mail.WithTLSPolicy(mail.TLSOpportunistic))
		}
		if d.cfg.Username != "" {
			// Auto-discovery sends a password in clear only with a
			// challenge mechanism: PLAIN and LOGIN need TLS.
			opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthAutoDiscover),
				mail.WithUsername(d.cfg.Username), mail.WithPassword(d.cfg.Password))
		}
		client, err := mail.NewClient(d.cfg.Host, opts...)
		if err != nil {
			return err
		}
		d.client = client
	}
	conn, err := d.client.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return err
	}
	d.conn = conn
	return nil
}

// hangUp closes the connection (QUIT); after a failure the next mail dials
// afresh rather than trust a conversation in an unknown state.
func (d *deliverer) hangUp() {
	if d.conn != nil {
		d.client.CloseWithSMTPClient(d.conn)
		d.conn = nil
	}
}

// deliver sends m over the pass's connection, dialling if needed.
func (d *deliverer) deliver(ctx context.Context, m Mail) outcome {
	if d.conn == nil {
		if err := d.dial(ctx); err != nil {
			if ctx.Err() != nil {
				return outcome{released: true}
			}
			return outcome{relay: true, reason: describeSMTPError(err)}
		}
	}
	msg, err := d.message(m)
	if err != nil {
		return outcome{failed: true, reason: describeSMTPError(err)}
	}
	err = d.client.SendWithSMTPClient(d.conn, msg)
	if msg.IsDelivered() {
		// Accepted: a later error (the RSET after it) does not undo that.
		if err != nil {
			d.hangUp()
		}
		return outcome{sent: true, reply: maskAddresses(Clean(msg.ServerResponse()))}
	}
	d.hangUp()
	return classifySMTPError(err)
}

// message builds the mail as sent: the stored subject and body, the stored
// Message-ID, and the due time as its Date, so that a retry is the same mail.
func (d *deliverer) message(m Mail) (*mail.Msg, error) {
	msg := mail.NewMsg(mail.WithNoDefaultUserAgent()) // UTF-8, quoted-printable
	msg.FromMailAddress(d.cfg.From)
	if err := msg.To(m.To); err != nil {
		return nil, fmt.Errorf("recipient: %w", err)
	}
	msg.Subject(m.Subject)
	msg.SetMessageIDWithValue(strings.TrimSuffix(strings.TrimPrefix(m.MessageID, "<"), ">"))
	msg.SetDateWithValue(m.NotBefore.In(d.s.cfg.Location))
	msg.SetGenHeader(mail.HeaderContentLang, m.Lang)
	// RFC 3834: no auto-replies to an automatic mail.
	msg.SetGenHeader(mail.Header("Auto-Submitted"), "auto-generated")
	msg.SetGenHeader(mail.HeaderXAutoResponseSuppress, "All")
	msg.SetBodyString(mail.TypeTextPlain, m.Body)
	return msg, nil
}

// classifySMTPError sorts a failed attempt: a 5xx answer to the mail itself
// (recipient, content) is permanent; a 4xx answer to it is retried; anything
// else (no connection, TLS, login, sender refused even for a while, a 421, a
// connection that broke) is the relay's problem: retried, and the pass stops.
func classifySMTPError(err error) outcome {
	out := outcome{reason: describeSMTPError(err)}
	var se *mail.SendError
	if !errors.As(err, &se) {
		out.relay = true
		return out
	}
	code := se.ErrorCode()
	switch se.Reason {
	case mail.ErrGetRcpts, mail.ErrNoUnencoded:
		out.failed = true
	case mail.ErrSMTPRcptTo, mail.ErrSMTPData, mail.ErrSMTPDataClose:
		switch {
		case code >= 500 && code < 600:
			out.failed = true
		case code == 421: // the relay closes the conversation: its state, not the mail's
			out.relay = true
		case code >= 400 && code < 500:
		default:
			out.relay = true
			out.unsure = se.Reason == mail.ErrSMTPDataClose
		}
	case mail.ErrSMTPMailFrom:
		// The sender is the same for every mail: a refusal, even a 4xx
		// (busy, out of space), would meet each of them. This mail waits
		// for its retry and the pass stops.
		out.relay = true
	default:
		out.relay = true
	}
	return out
}

// describeSMTPError is the error as stored and logged: one line, addresses
// masked, not too long.
func describeSMTPError(err error) string {
	s := err.Error()
	if i := strings.Index(s, ", affected"); i > 0 {
		s = s[:i] // go-mail repeats the recipient and Message-ID
	}
	s = maskAddresses(Clean(s))
	if r := []rune(s); len(r) > 300 {
		s = string(r[:300]) + "…"
	}
	return s
}

var addressLike = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`[^\s<>()\[\]"',;:@]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)
})

// maskAddresses masks every address in a relay's answer or error, which
// often repeats the recipient.
func maskAddresses(s string) string { return addressLike().ReplaceAllStringFunc(s, MaskEmail) }
