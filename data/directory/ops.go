package directory

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	ber "github.com/go-asn1-ber/asn1-ber"
	"github.com/go-ldap/ldap/v3"
)

// Bind checks a person's password by binding as them: the directory is the
// truth, so a password changed elsewhere works at once. The refusals are
// InvalidCredentials (wrong password, and an empty one, which LDAP would
// take as an anonymous bind), AccountLocked (the directory's own lockout),
// NotInDirectory. A person the directory does not know costs as long as a
// known one (see Decoy), so that timing does not tell them apart.
func (d *Directory) Bind(ctx context.Context, login, password string) error {
	start := time.Now()
	e, err := d.find(ctx, "login", login)
	if KindOf(err) == NotInDirectory {
		d.Decoy(ctx, start)
		return err
	}
	if err != nil {
		return err
	}
	if password == "" {
		d.Decoy(ctx, start)
		return &Error{Kind: InvalidCredentials, Op: "login", Err: errors.New("empty password")}
	}
	var res *ldap.SimpleBindResult
	err = d.with(ctx, d.binds, "login", true, func(c *ldap.Conn) error {
		var err error
		res, err = c.SimpleBind(ldap.NewSimpleBindRequest(e.dn, password,
			[]ldap.Control{ldap.NewControlBeheraPasswordPolicy()}))
		return err
	})
	var controls []ldap.Control
	if res != nil {
		controls = res.Controls
	}
	if pe := policyError("login", policyControl(controls, err), err); pe != nil && pe.Kind == AccountLocked {
		err = pe
	} else if err != nil {
		err = classify("login", err)
	}
	if k := KindOf(err); k == 0 || k == InvalidCredentials || k == AccountLocked {
		d.observeLogin(time.Since(start))
	}
	return err
}

// Decoy waits until start plus what a known person's bind usually takes
// (a running median of the last ones): the cost of a login the directory
// answered early (unknown person, empty password), or that entkiosk
// refused without asking it (an account not activated).
func (d *Directory) Decoy(ctx context.Context, start time.Time) {
	d.costMu.Lock()
	cost := d.loginCost
	d.costMu.Unlock()
	if cost == 0 {
		cost = initialLoginCost
	}
	t := time.NewTimer(time.Until(start.Add(cost)))
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// initialLoginCost stands for a bind before any was measured (a search and
// a bind on a local network).
const initialLoginCost = 15 * time.Millisecond

func (d *Directory) observeLogin(took time.Duration) {
	d.costMu.Lock()
	defer d.costMu.Unlock()
	if d.loginCost == 0 {
		d.loginCost = took
		return
	}
	// A running median, not a mean: a few slow binds (a busy directory)
	// would otherwise hold every unknown identifiant longer than most
	// known ones take, which a patient prober could tell apart.
	step := d.loginCost/32 + time.Microsecond
	if took > d.loginCost {
		d.loginCost += step
	} else {
		d.loginCost -= step
	}
}

// passwordModifyOID is RFC 3062's Password Modify extended operation.
const passwordModifyOID = "1.3.6.1.4.1.4203.1.11.1"

// SetPassword writes a person's new password with the Password Modify
// extended operation (RFC 3062), as the service account, so that the
// directory hashes it and applies its own policy: a refusal comes back as
// PolicyRefused with the policy's reason. Then shadowLastChange is set to
// the day of at (days since 1970-01-01), when that attribute is configured.
// go-ldap's PasswordModify sends no control: the request is built here to
// carry the password policy control, whose answer names the rule broken.
func (d *Directory) SetPassword(ctx context.Context, login, password string, at time.Time) error {
	e, err := d.find(ctx, "set password", login)
	if err != nil {
		return err
	}
	value := ber.Encode(ber.ClassUniversal, ber.TypeConstructed, ber.TagSequence, nil, "Password Modify Request")
	value.AppendChild(ber.NewString(ber.ClassContext, ber.TypePrimitive, 0, e.dn, "User Identity"))
	value.AppendChild(ber.NewString(ber.ClassContext, ber.TypePrimitive, 2, password, "New Password"))
	req := &ldap.ExtendedRequest{Name: passwordModifyOID, Value: value,
		Controls: []ldap.Control{ldap.NewControlBeheraPasswordPolicy()}}
	// Not idempotent for the password history: never sent twice by with.
	err = d.with(ctx, d.service, "set password", false, func(c *ldap.Conn) error {
		_, err := c.Extended(req)
		return err
	})
	if err != nil {
		if pe := policyError("set password", policyControl(nil, err), err); pe != nil {
			return pe
		}
		var le *ldap.Error
		if errors.As(err, &le) && le.ResultCode == ldap.LDAPResultConstraintViolation {
			return &Error{Kind: PolicyRefused, Op: "set password", Policy: PolicyUnknown, Code: le.ResultCode, Err: err}
		}
		return classify("set password", err)
	}
	if a := d.cfg.Attributes.ShadowLastChange; a != "" {
		days := strconv.FormatInt(at.Unix()/86400, 10)
		err := d.modify(ctx, "shadowLastChange", e.dn, func(m *ldap.ModifyRequest) { m.Replace(a, []string{days}) })
		if err != nil {
			// The password is in: saying "nothing changed" would be false.
			d.log.Error("password set, but not shadowLastChange", "dn", e.dn, "err", err)
		}
	}
	return nil
}

// ChangeKind names a setting entkiosk keeps in the directory.
type ChangeKind string

const (
	ChangeMailPerso   ChangeKind = "mail_perso"  // supannMailPerso
	ChangeRedirection ChangeKind = "redirection" // mailForwardingAddress
	ChangeAccountEnd  ChangeKind = "account_end" // supannRessourceEtatDate, {COMPTE}
)

// Change is one setting to write. Applying the same Change twice leaves
// the entry as applying it once: a queue may retry it safely.
type Change struct {
	Kind     ChangeKind
	Address  string    // mail perso; redirection ("" removes it)
	KeepCopy bool      // redirection: the university mailbox keeps a copy
	End      time.Time // account end: the last day of the rights (a local date)
}

func (c Change) String() string {
	switch c.Kind {
	case ChangeRedirection:
		if c.Address == "" {
			return "redirection removed"
		}
		return fmt.Sprintf("redirection (copy kept: %t)", c.KeepCopy)
	case ChangeAccountEnd:
		return "account end " + c.End.Format("2006-01-02")
	}
	return string(c.Kind)
}

// Apply writes c to the person's entry.
func (d *Directory) Apply(ctx context.Context, login string, c Change) error {
	a := d.cfg.Attributes
	switch c.Kind {
	case ChangeMailPerso:
		e, err := d.find(ctx, "apply", login)
		if err != nil {
			return err
		}
		return d.modify(ctx, "apply", e.dn, func(m *ldap.ModifyRequest) { m.Replace(a.MailPerso, []string{c.Address}) })
	case ChangeRedirection:
		e, err := d.find(ctx, "apply", login, a.Mail)
		if err != nil {
			return err
		}
		return d.modify(ctx, "apply", e.dn, func(m *ldap.ModifyRequest) {
			m.Replace(a.Redirection, redirectionValues(c, e.attrs.GetAttributeValue(a.Mail)))
		})
	case ChangeAccountEnd:
		e, err := d.find(ctx, "apply", login, a.LifeCycle)
		if err != nil {
			return err
		}
		old, next := accountState(e.attrs.GetAttributeValues(a.LifeCycle), c.End)
		if len(old) == 1 && old[0] == next {
			return nil
		}
		// Only the {COMPTE} value is ours: the other resources' states
		// stay, and a concurrent change of ours fails the delete and is
		// retried on what the entry holds then.
		return d.modify(ctx, "apply", e.dn, func(m *ldap.ModifyRequest) {
			if len(old) > 0 {
				m.Delete(a.LifeCycle, old)
			}
			m.Add(a.LifeCycle, []string{next})
		})
	}
	return &Error{Kind: Refused, Op: "apply", Err: fmt.Errorf("unknown change %q", c.Kind)}
}

// redirectionValues: the destination, and the university address itself
// when a copy is kept (the usual mailForwardingAddress convention).
func redirectionValues(c Change, mail string) []string {
	if c.Address == "" {
		return nil
	}
	v := []string{c.Address}
	if c.KeepCopy && mail != "" && !strings.EqualFold(mail, c.Address) {
		v = append(v, mail)
	}
	return v
}

// accountState gives the {COMPTE} values in place and the one to write:
// active, no start date, until end (SupAnn: {COMPTE}A:SupannActif::AAAAMMJJ).
func accountState(values []string, end time.Time) (old []string, next string) {
	for _, v := range values {
		if strings.HasPrefix(strings.ToUpper(v), "{COMPTE}") {
			old = append(old, v)
		}
	}
	return old, "{COMPTE}A:SupannActif::" + end.Format("20060102")
}

func (d *Directory) modify(ctx context.Context, op, dn string, fill func(*ldap.ModifyRequest)) error {
	m := ldap.NewModifyRequest(dn, nil)
	fill(m)
	if err := d.with(ctx, d.service, op, true, func(c *ldap.Conn) error { return c.Modify(m) }); err != nil {
		return classify(op, err)
	}
	return nil
}

// CheckReport is what `entkiosk directory check` tells an operator.
type CheckReport struct {
	URL      string
	TLS      string // "ldaps, TLS 1.3", "StartTLS, TLS 1.3", or "none (loopback)"
	BoundAs  string // the directory's answer to Who am I?
	Sample   string // the sample person's DN
	Writable []AttributeCheck
}

// AttributeCheck says whether the service account may write an attribute.
type AttributeCheck struct {
	Name string
	Err  error // nil: writable
}

// Check connects, binds as the service account, finds the sample person and
// tries the rights on the attributes entkiosk writes without changing their
// values: each is replaced by the values it already holds, so the directory
// checks the write access (its modifyTimestamp moves; nothing else does).
// The password is not tried: Password Modify cannot be tried without
// changing it.
func (d *Directory) Check(ctx context.Context, sample string) (CheckReport, error) {
	r := CheckReport{URL: d.ep.String()}
	err := d.with(ctx, d.service, "check", true, func(c *ldap.Conn) error {
		if st, ok := c.TLSConnectionState(); ok {
			how := "StartTLS"
			if d.ep.scheme == "ldaps" {
				how = "ldaps"
			}
			r.TLS = how + ", " + tls.VersionName(st.Version)
		} else {
			r.TLS = "none (loopback)"
		}
		who, err := c.WhoAmI(nil)
		if err != nil {
			return err
		}
		r.BoundAs = strings.TrimPrefix(who.AuthzID, "dn:")
		return nil
	})
	if err != nil {
		return r, classify("check", err)
	}
	a := d.cfg.Attributes
	names := []string{a.MailPerso, a.Redirection, a.LifeCycle}
	if a.ShadowLastChange != "" {
		names = append(names, a.ShadowLastChange)
	}
	e, err := d.find(ctx, "check", sample, names...)
	if err != nil {
		return r, err
	}
	r.Sample = e.dn
	for _, name := range names {
		values := e.attrs.GetAttributeValues(name)
		err := d.modify(ctx, "check", e.dn, func(m *ldap.ModifyRequest) { m.Replace(name, values) })
		r.Writable = append(r.Writable, AttributeCheck{Name: name, Err: err})
	}
	return r, nil
}
