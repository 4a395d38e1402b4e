package data

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	stdlog "log"
	"math/big"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	smtp "github.com/emersion/go-smtp"
)

// --- a real SMTP relay on loopback (go-smtp as the server)

type relayMsg struct {
	From string
	To   []string
	Data []byte
	User string // who authenticated
	TLS  bool
}

type relayOptions struct {
	addr        string      // default: a free loopback port
	tls         *tls.Config // offered with STARTTLS, or from the start with implicitTLS
	implicitTLS bool
	user, pass  string // AUTH PLAIN required when set
}

type testRelay struct {
	Addr       string
	srv        *smtp.Server
	user, pass string

	mu     sync.Mutex
	msgs   []relayMsg
	rcpts  int
	onRcpt func(to string) error
	onData func(m relayMsg) error
	onMail func() error // the relay's answer to MAIL FROM, when set
}

func startRelay(t testing.TB, o relayOptions) *testRelay {
	t.Helper()
	r := &testRelay{user: o.user, pass: o.pass}
	r.srv = smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &relaySession{r: r, c: c}, nil
	}))
	r.srv.Domain = "relay.test"
	r.srv.ErrorLog = stdlog.New(io.Discard, "", 0)
	addr := o.addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	if o.implicitTLS {
		l = tls.NewListener(l, o.tls)
	} else {
		r.srv.TLSConfig = o.tls
	}
	r.Addr = l.Addr().String()
	go r.srv.Serve(l)
	t.Cleanup(func() { r.srv.Close() })
	return r
}

func (r *testRelay) set(onRcpt func(string) error, onData func(relayMsg) error) {
	r.mu.Lock()
	r.onRcpt, r.onData = onRcpt, onData
	r.mu.Unlock()
}

// setMail sets the relay's answer to MAIL FROM (nil: accepted).
func (r *testRelay) setMail(onMail func() error) {
	r.mu.Lock()
	r.onMail = onMail
	r.mu.Unlock()
}

func (r *testRelay) received() []relayMsg {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]relayMsg(nil), r.msgs...)
}

func (r *testRelay) rcptCount() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.rcpts
}

type relaySession struct {
	r    *testRelay
	c    *smtp.Conn
	user string
	from string
	to   []string
}

func (s *relaySession) AuthMechanisms() []string {
	if s.r.user == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (s *relaySession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != s.r.user || pass != s.r.pass {
			return smtp.ErrAuthFailed
		}
		s.user = user
		return nil
	}), nil
}

func (s *relaySession) Mail(from string, _ *smtp.MailOptions) error {
	if s.r.user != "" && s.user == "" {
		return smtp.ErrAuthRequired
	}
	s.r.mu.Lock()
	hook := s.r.onMail
	s.r.mu.Unlock()
	if hook != nil {
		if err := hook(); err != nil {
			return err
		}
	}
	s.from = from
	return nil
}

func (s *relaySession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.r.mu.Lock()
	s.r.rcpts++
	hook := s.r.onRcpt
	s.r.mu.Unlock()
	if hook != nil {
		if err := hook(to); err != nil {
			return err
		}
	}
	s.to = append(s.to, to)
	return nil
}

func (s *relaySession) Data(rd io.Reader) error {
	b, err := io.ReadAll(rd)
	if err != nil {
		return err
	}
	_, isTLS := s.c.TLSConnectionState()
	m := relayMsg{From: s.from, To: s.to, Data: b, User: s.user, TLS: isTLS}
	s.r.mu.Lock()
	hook := s.r.onData
	s.r.mu.Unlock()
	if hook != nil {
		if err := hook(m); err != nil {
			return err
		}
	}
	s.r.mu.Lock()
	s.r.msgs = append(s.r.msgs, m)
	s.r.mu.Unlock()
	return nil
}

func (s *relaySession) Reset()        { s.from, s.to = "", nil }
func (s *relaySession) Logout() error { return nil }

var (
	relayBusy  = &smtp.SMTPError{Code: 421, EnhancedCode: smtp.EnhancedCode{4, 3, 2}, Message: "Too many connections, try again later"}
	greylisted = &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 7, 1}, Message: "Greylisted, try again later"}
	noSuchUser = &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1},
		Message: "<nobody@example.org>: Recipient address rejected: User unknown"}
)

// testTLS is a self-signed certificate for 127.0.0.1, and a client
// configuration that trusts it.
func testTLS(t *testing.T) (server, client *tls.Config) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "relay.test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, IsCA: true, BasicConstraintsValid: true,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}},
		&tls.Config{RootCAs: pool}
}
