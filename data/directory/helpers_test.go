package directory_test

import "github.com/go-ldap/ldap/v3"

func modifyAdd(dn, attr string, values ...string) *ldap.ModifyRequest {
	m := ldap.NewModifyRequest(dn, nil)
	m.Add(attr, values)
	return m
}
