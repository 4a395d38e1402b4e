package directory

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strings"
	"time"
)

// Config is what a deployment says about its directory. Only URL, BindDN,
// PasswordFile and BaseDN are required; the rest has SupAnn defaults.
type Config struct {
	// URL is ldaps://host[:port], or ldap://host[:port] on which StartTLS is
	// required; ldap://host?starttls=off is accepted on a loopback host only.
	URL string
	// BindDN is the service account entkiosk binds as.
	BindDN string
	// PasswordFile holds the service account's password (one line). It must
	// be readable by its owner only.
	PasswordFile string
	// BaseDN is where people are searched (subtree).
	BaseDN string
	// CAFile, when set, is the PEM file of the authorities that sign the
	// directory's certificate; otherwise the system's are used.
	CAFile string

	// PersonClass is the object class every person searched must have.
	PersonClass string
	// Attributes names the attributes read and written.
	Attributes Attributes

	// DialTimeout bounds connecting (TCP, TLS handshake, service bind).
	DialTimeout time.Duration
	// Timeout bounds each operation once connected.
	Timeout time.Duration
	// PoolSize is the number of connections kept open for the service
	// account, and as many for people's binds.
	PoolSize int

	// Logger receives what operators need; never a password.
	Logger *slog.Logger
}

// Attributes are the directory's attribute names, SupAnn by default.
type Attributes struct {
	// Login: a person is found when one of these equals the identifiant.
	Login []string
	// MailPerso is the mail de secours (supannMailPerso).
	MailPerso string
	// Redirection is where mail is forwarded (mailForwardingAddress).
	Redirection string
	// Mail is the person's university address: the value kept as a second
	// redirection value when the person keeps a copy.
	Mail string
	// LifeCycle holds the states of the person's resources
	// (supannRessourceEtatDate); only the {COMPTE} value is written.
	LifeCycle string
	// ShadowLastChange records the day of the last password change; empty
	// to leave it alone.
	ShadowLastChange string
}

// Defaults used when a field is left empty.
const (
	DefaultPersonClass = "supannPerson"
	DefaultDialTimeout = 5 * time.Second
	DefaultTimeout     = 10 * time.Second
	DefaultPoolSize    = 8
)

// DefaultAttributes are SupAnn's names.
func DefaultAttributes() Attributes {
	return Attributes{
		Login:            []string{"uid", "supannAliasLogin"},
		MailPerso:        "supannMailPerso",
		Redirection:      "mailForwardingAddress",
		Mail:             "mail",
		LifeCycle:        "supannRessourceEtatDate",
		ShadowLastChange: "shadowLastChange",
	}
}

func (c Config) withDefaults() Config {
	if c.PersonClass == "" {
		c.PersonClass = DefaultPersonClass
	}
	def := DefaultAttributes()
	a := &c.Attributes
	if len(a.Login) == 0 {
		a.Login = def.Login
	}
	for _, f := range []struct {
		v *string
		d string
	}{
		{&a.MailPerso, def.MailPerso}, {&a.Redirection, def.Redirection}, {&a.Mail, def.Mail},
		{&a.LifeCycle, def.LifeCycle}, {&a.ShadowLastChange, def.ShadowLastChange},
	} {
		if *f.v == "" {
			*f.v = f.d
		}
	}
	if c.DialTimeout <= 0 {
		c.DialTimeout = DefaultDialTimeout
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.PoolSize <= 0 {
		c.PoolSize = DefaultPoolSize
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

// endpoint is a parsed directory URL.
type endpoint struct {
	scheme   string // "ldap" or "ldaps"
	addr     string // host:port
	host     string
	startTLS bool // ldap:// with StartTLS (always, except ?starttls=off on loopback)
}

// String gives the URL back without anything secret (there never is).
func (e endpoint) String() string {
	s := e.scheme + "://" + e.addr
	if e.scheme == "ldap" && !e.startTLS {
		s += "?starttls=off"
	}
	return s
}

// parseURL applies the rule on transport security: ldaps, or ldap with
// StartTLS, or clear text on this machine only.
func parseURL(raw string) (endpoint, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return endpoint{}, fmt.Errorf("URL de l'annuaire %q : %w", raw, err)
	}
	var e endpoint
	switch strings.ToLower(u.Scheme) {
	case "ldaps":
		e.scheme = "ldaps"
	case "ldap":
		e.scheme, e.startTLS = "ldap", true
	default:
		return endpoint{}, fmt.Errorf("URL de l'annuaire %q : ldaps:// ou ldap:// (avec StartTLS) attendu", raw)
	}
	if u.User != nil {
		return endpoint{}, fmt.Errorf("URL de l'annuaire %q : pas d'identifiants dans l'URL (--ldap-bind-dn et --ldap-password-file)", raw)
	}
	if u.Path != "" && u.Path != "/" || u.Fragment != "" {
		return endpoint{}, fmt.Errorf("URL de l'annuaire %q : seulement un hôte et un port (la branche des personnes se donne avec --ldap-base)", raw)
	}
	e.host = u.Hostname()
	if e.host == "" {
		return endpoint{}, fmt.Errorf("URL de l'annuaire %q : aucun hôte", raw)
	}
	port := u.Port()
	if port == "" {
		port = map[string]string{"ldap": "389", "ldaps": "636"}[e.scheme]
	}
	e.addr = net.JoinHostPort(e.host, port)
	switch q := u.RawQuery; {
	case q == "":
	case strings.EqualFold(q, "starttls=off") && e.scheme == "ldap":
		if !isLoopback(e.host) {
			return endpoint{}, fmt.Errorf("URL de l'annuaire %q : ?starttls=off n'est accepté que pour un annuaire sur cette machine (127.0.0.1, ::1, localhost) ; "+
				"utilisez ldaps:// ou ldap:// avec StartTLS", raw)
		}
		e.startTLS = false
	default:
		return endpoint{}, fmt.Errorf("URL de l'annuaire %q : option inconnue %q (seulement ?starttls=off, sur une URL ldap:// locale)", raw, q)
	}
	return e, nil
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// readPasswordFile reads the service password, refusing a file that anyone
// but its owner may read or write: it opens the whole directory.
func readPasswordFile(path string) (string, error) {
	if path == "" {
		return "", errors.New("aucun fichier de mot de passe pour le compte de service (--ldap-password-file)")
	}
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("fichier du mot de passe de l'annuaire : %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", fmt.Errorf("fichier du mot de passe de l'annuaire : %w", err)
	}
	if !st.Mode().IsRegular() {
		return "", fmt.Errorf("le fichier du mot de passe de l'annuaire %s n'est pas un fichier ordinaire", path)
	}
	if perm := st.Mode().Perm(); perm&0o077 != 0 {
		return "", fmt.Errorf("le fichier du mot de passe de l'annuaire %s a les droits %04o : il doit n'être lisible que par son propriétaire (chmod 600 %s)",
			path, perm, path)
	}
	buf, err := io.ReadAll(io.LimitReader(f, 4097))
	if err != nil {
		return "", fmt.Errorf("fichier du mot de passe de l'annuaire : %w", err)
	}
	if len(buf) > 4096 {
		return "", fmt.Errorf("fichier du mot de passe de l'annuaire %s : plus de 4096 octets, ce n'est pas un mot de passe", path)
	}
	pw := strings.TrimRight(string(buf), "\r\n")
	if pw == "" {
		return "", fmt.Errorf("le fichier du mot de passe de l'annuaire %s est vide", path)
	}
	if strings.ContainsAny(pw, "\r\n") {
		return "", fmt.Errorf("fichier du mot de passe de l'annuaire %s : le mot de passe doit tenir sur une ligne", path)
	}
	return pw, nil
}

// tlsConfig verifies the directory's certificate against CAFile, or the
// system's authorities.
func tlsConfig(host, caFile string) (*tls.Config, error) {
	cfg := &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	if caFile == "" {
		return cfg, nil
	}
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, fmt.Errorf("certificats de l'annuaire (--ldap-ca-file) : %w", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("certificats de l'annuaire %s : aucun certificat PEM", caFile)
	}
	cfg.RootCAs = pool
	return cfg, nil
}
