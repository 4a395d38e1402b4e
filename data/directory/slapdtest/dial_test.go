package slapdtest

import "github.com/go-ldap/ldap/v3"

func ldapDial(url string) (*ldap.Conn, error) { return ldap.DialURL(url) }
