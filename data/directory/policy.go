package directory

import (
	"context"
	"errors"
	"strconv"

	"github.com/go-ldap/ldap/v3"
)

// MinLengthOf is the password policy's pwdMinLength a PolicyTooShort
// refusal came with, 0 when the directory did not let entkiosk read it.
func MinLengthOf(err error) int {
	var e *Error
	if errors.As(err, &e) && e.Kind == PolicyRefused {
		return e.MinLength
	}
	return 0
}

// policyMinLength reads the pwdMinLength of the policy that applies to dn:
// the one its pwdPolicySubentry names, else the only pwdPolicy entry under
// the directory's naming contexts (OpenLDAP's ppolicy_default is in
// cn=config, which a service account cannot read). 0 when there is none,
// several, or the service account may not read them: the refusal is then
// said without the figure.
func (d *Directory) policyMinLength(ctx context.Context, dn string) int {
	var n int
	err := d.with(ctx, d.service, "read password policy", true, func(c *ldap.Conn) error {
		policy := ""
		res, err := c.Search(ldap.NewSearchRequest(dn, ldap.ScopeBaseObject, ldap.NeverDerefAliases, 1, 0, false,
			"(objectClass=*)", []string{"pwdPolicySubentry"}, nil))
		if err != nil {
			return err
		}
		if len(res.Entries) == 1 {
			policy = res.Entries[0].GetAttributeValue("pwdPolicySubentry")
		}
		var policies []*ldap.Entry
		if policy != "" {
			res, err := c.Search(ldap.NewSearchRequest(policy, ldap.ScopeBaseObject, ldap.NeverDerefAliases, 1, 0, false,
				"(objectClass=pwdPolicy)", []string{"pwdMinLength"}, nil))
			if err != nil {
				return err
			}
			policies = res.Entries
		} else {
			root, err := c.Search(ldap.NewSearchRequest("", ldap.ScopeBaseObject, ldap.NeverDerefAliases, 1, 0, false,
				"(objectClass=*)", []string{"namingContexts"}, nil))
			if err != nil || len(root.Entries) != 1 {
				return err
			}
			for _, base := range root.Entries[0].GetAttributeValues("namingContexts") {
				res, err := c.Search(ldap.NewSearchRequest(base, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 2, 0, false,
					"(objectClass=pwdPolicy)", []string{"pwdMinLength"}, nil))
				if err != nil && !ldap.IsErrorWithCode(err, ldap.LDAPResultSizeLimitExceeded) {
					return err
				}
				if res != nil {
					policies = append(policies, res.Entries...)
				}
			}
		}
		if len(policies) == 1 {
			n, _ = strconv.Atoi(policies[0].GetAttributeValue("pwdMinLength"))
		}
		return nil
	})
	if err != nil {
		d.log.Info("password policy not read: the refusal is said without its minimum length", "dn", dn, "err", err)
		return 0
	}
	return max(n, 0)
}
