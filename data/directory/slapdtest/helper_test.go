package slapdtest

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"testing"
)

// TestHelperSlapd keeps a seeded slapd running for a person to try
// entkiosk against (the README's Directory section):
//
//	ENTKIOSK_SLAPD_ENV=/tmp/slapd.env go test ./data/directory/slapdtest -run TestHelperSlapd -v -timeout 0
//
// writes the ENTKIOSK_LDAP* variables to that file, and stops slapd on
// ctrl+c.
func TestHelperSlapd(t *testing.T) {
	envFile := os.Getenv("ENTKIOSK_SLAPD_ENV")
	if envFile == "" {
		t.Skip("ENTKIOSK_SLAPD_ENV not set: a helper for trying entkiosk against slapd by hand")
	}
	s := Start(t)
	pw := filepath.Join(filepath.Dir(envFile), "entkiosk-ldap.pw")
	if err := os.WriteFile(pw, []byte(ServicePW+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := fmt.Sprintf("ENTKIOSK_LDAP=%s\nENTKIOSK_LDAP_BIND_DN=%s\nENTKIOSK_LDAP_PASSWORD_FILE=%s\nENTKIOSK_LDAP_BASE=%s\nENTKIOSK_LDAP_CA_FILE=%s\n",
		s.URL(), ServiceDN, pw, PeopleBase, s.CAFile)
	if err := os.WriteFile(envFile, []byte(env), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Logf("slapd on %s and %s; variables in %s; root: %s / %s", s.URL(), s.LDAPSURL(), envFile, RootDN, RootPW)
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
}
