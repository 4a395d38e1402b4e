package directory

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/go-ldap/ldap/v3"
)

// Directory is the campus directory as entkiosk uses it. It is safe for
// concurrent use; Open does not connect, the first operation does.
type Directory struct {
	cfg      Config
	ep       endpoint
	tls      *tls.Config
	password string
	log      *slog.Logger

	service *pool // bound as the service account: searches and writes
	binds   *pool // people's binds only: never used for anything else

	costMu    sync.Mutex
	loginCost time.Duration // moving estimate of a known person's login
}

// Open checks the configuration and reads the password file. It refuses a
// clear-text URL off loopback and a password file others may read.
func Open(cfg Config) (*Directory, error) {
	cfg = cfg.withDefaults()
	ep, err := parseURL(cfg.URL)
	if err != nil {
		return nil, err
	}
	if cfg.BindDN == "" {
		return nil, errors.New("aucun compte de service pour l'annuaire (--ldap-bind-dn)")
	}
	if _, err := ldap.ParseDN(cfg.BindDN); err != nil {
		return nil, fmt.Errorf("compte de service de l'annuaire %q : %w", cfg.BindDN, err)
	}
	if cfg.BaseDN == "" {
		return nil, errors.New("aucune branche où chercher les personnes (--ldap-base)")
	}
	if _, err := ldap.ParseDN(cfg.BaseDN); err != nil {
		return nil, fmt.Errorf("branche des personnes %q : %w", cfg.BaseDN, err)
	}
	pw, err := readPasswordFile(cfg.PasswordFile)
	if err != nil {
		return nil, err
	}
	tc, err := tlsConfig(ep.host, cfg.CAFile)
	if err != nil {
		return nil, err
	}
	d := &Directory{cfg: cfg, ep: ep, tls: tc, password: pw, log: cfg.Logger.With("part", "directory")}
	d.service = newPool(cfg.PoolSize, func(ctx context.Context) (*ldap.Conn, error) { return d.connect(ctx, true) })
	d.binds = newPool(cfg.PoolSize, func(ctx context.Context) (*ldap.Conn, error) { return d.connect(ctx, false) })
	return d, nil
}

// Close closes the idle connections; operations still running finish.
func (d *Directory) Close() error {
	d.service.close()
	d.binds.close()
	return nil
}

// URL is the directory's URL, for messages to operators.
func (d *Directory) URL() string { return d.ep.String() }

// entry is a person's entry as found by the service account.
type entry struct {
	dn    string
	attrs *ldap.Entry
}

// find looks a person up by identifiant. Exactly one entry must match: two
// entries for one identifiant is a directory error that must not let one
// person log in as another.
func (d *Directory) find(ctx context.Context, op, identifiant string, attrs ...string) (entry, error) {
	if identifiant == "" || strings.ContainsRune(identifiant, 0) {
		return entry{}, &Error{Kind: NotInDirectory, Op: op, Err: errors.New("empty identifiant")}
	}
	var alts []string
	for _, a := range d.cfg.Attributes.Login {
		alts = append(alts, "("+a+"="+ldap.EscapeFilter(identifiant)+")")
	}
	filter := "(&(objectClass=" + ldap.EscapeFilter(d.cfg.PersonClass) + ")(|" + strings.Join(alts, "") + "))"
	if len(attrs) == 0 {
		attrs = []string{"1.1"} // no attributes: the DN is enough
	}
	var res *ldap.SearchResult
	err := d.with(ctx, d.service, op, true, func(c *ldap.Conn) error {
		req := ldap.NewSearchRequest(d.cfg.BaseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases,
			2, 0, false, filter, attrs, nil)
		var err error
		res, err = c.Search(req)
		if ldap.IsErrorWithCode(err, ldap.LDAPResultSizeLimitExceeded) && res != nil {
			err = nil // two entries came back: said below
		}
		return err
	})
	if err != nil {
		e := classify(op, err)
		if e.Kind == NotInDirectory {
			// noSuchObject on a search means the base DN is wrong.
			e.Kind, e.Err = Misconfigured, fmt.Errorf("base DN %s: %w", d.cfg.BaseDN, err)
		}
		return entry{}, e
	}
	switch len(res.Entries) {
	case 0:
		return entry{}, &Error{Kind: NotInDirectory, Op: op}
	case 1:
		return entry{dn: res.Entries[0].DN, attrs: res.Entries[0]}, nil
	default:
		d.log.Error("several directory entries for one identifiant", "op", op, "dn1", res.Entries[0].DN, "dn2", res.Entries[1].DN)
		return entry{}, &Error{Kind: Refused, Op: op, Err: fmt.Errorf("several entries match this identifiant (%s, %s)",
			res.Entries[0].DN, res.Entries[1].DN)}
	}
}

// Lookup says whether the directory knows a person, and their DN. It is
// what an import check or an activation asks first.
func (d *Directory) Lookup(ctx context.Context, identifiant string) (dn string, err error) {
	e, err := d.find(ctx, "lookup", identifiant)
	return e.dn, err
}
