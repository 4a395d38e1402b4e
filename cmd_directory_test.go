package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"entkiosk/data/directory/slapdtest"
)

// ldapArgs are the --ldap options for the test's slapd.
func ldapArgs(srv *slapdtest.Server) []string {
	return []string{"--ldap", srv.URL(), "--ldap-bind-dn", slapdtest.ServiceDN, "--ldap-password-file", srv.ServicePasswordFile(),
		"--ldap-base", slapdtest.PeopleBase, "--ldap-ca-file", srv.CAFile}
}

func TestDirectoryCheckCommand(t *testing.T) {
	cleanEnv(t)
	srv := slapdtest.Start(t)
	r := runCmd(t, append([]string{"directory", "check", "--sample", "hugo.lefevre"}, ldapArgs(srv)...)...)
	for _, want := range []string{"connecté : oui\n", "TLS : StartTLS, TLS 1.3\n", "lié en tant que : " + slapdtest.ServiceDN + "\n",
		"personne « hugo.lefevre » : " + slapdtest.DN("hlefevre") + "\n", "attribut mailForwardingAddress : écriture permise\n"} {
		if r.status != 0 || !strings.Contains(r.out, want) {
			t.Fatalf("status %d, missing %q:\n%s%s", r.status, want, r.out, r.errOut)
		}
	}
	// A password file others may read is refused before anything.
	pw := filepath.Join(t.TempDir(), "open.pw")
	os.WriteFile(pw, []byte(slapdtest.ServicePW), 0o644)
	os.Chmod(pw, 0o644)
	args := append([]string{"directory", "check", "--sample", "hugo.lefevre"}, ldapArgs(srv)...)
	args = append(args, "--ldap-password-file", pw)
	if r := runCmd(t, args...); r.status != 1 || !strings.Contains(r.errOut, "chmod 600") {
		t.Fatalf("a readable password file: status %d %q", r.status, r.errOut)
	}
	// slapd stopped: said so, exit status 1.
	srv.Stop()
	if r := runCmd(t, append([]string{"directory", "check", "--sample", "hugo.lefevre"}, ldapArgs(srv)...)...); r.status != 1 ||
		!strings.Contains(r.errOut, "l'annuaire ne répond pas") {
		t.Fatalf("slapd stopped: status %d %q", r.status, r.errOut)
	}
}

func TestImportCheckDirectoryAndQueueListing(t *testing.T) {
	cleanEnv(t)
	srv := slapdtest.Start(t)
	db := filepath.Join(t.TempDir(), "entkiosk.db")
	validated := time.Now().Add(-time.Hour)
	csv := writeFile(t, "ia.csv", exportHeader+exportLine("21901234", "Martin", "Camille", "camille.martin@example.org", validated)+
		exportLine("22107777", "D'Alembert", "Jean-Luc", "jl.dalembert@example.org", validated))
	r := runCmd(t, append([]string{"import", "--db", db, "--check-directory", csv}, ldapArgs(srv)...)...)
	if r.status != 0 || !strings.Contains(r.out, "absent de l'annuaire : jean-luc.dalembert@etu.umontpellier.fr\n") ||
		strings.Contains(r.out, "absent de l'annuaire : camille") || !strings.Contains(r.out, "annuaire : 2 comptes vérifiés, 1 absent\n") {
		t.Fatalf("status %d:\n%s%s", r.status, r.out, r.errOut)
	}
	if r := runCmd(t, "import", "--db", db, "--check-directory", csv); r.status != 2 {
		t.Fatalf("--check-directory without --ldap: status %d %q", r.status, r.errOut)
	}
	if r := runCmd(t, "directory", "--db", db); r.status != 0 || r.out != "(aucun changement)\n" {
		t.Fatalf("empty queue: status %d %q %q", r.status, r.out, r.errOut)
	}
	if r := runCmd(t, "directory", "--db", db, "--status", "later"); r.status != 2 {
		t.Fatalf("a wrong status: %d", r.status)
	}
}

// serve and kiosk refuse a directory password file others may read, with
// a sentence, before anything starts.
func TestServeRefusesAReadablePasswordFile(t *testing.T) {
	cleanEnv(t)
	dir := t.TempDir()
	pw := filepath.Join(dir, "ldap.pw")
	os.WriteFile(pw, []byte("secret\n"), 0o644)
	os.Chmod(pw, 0o644)
	for _, cmd := range []string{"serve", "kiosk"} {
		args := []string{cmd, "--db", filepath.Join(dir, "entkiosk.db"), "--ldap", "ldaps://ldap.example.org",
			"--ldap-bind-dn", "cn=entkiosk,dc=example,dc=org", "--ldap-base", "dc=example,dc=org", "--ldap-password-file", pw,
			"--log", filepath.Join(dir, "entkiosk.log")}
		if cmd == "serve" {
			args = append(args, "--listen", "127.0.0.1:0")
		}
		r := runCmd(t, args...)
		if r.status != 1 || !strings.Contains(r.errOut, "chmod 600 "+pw) {
			t.Errorf("%s: status %d %q", cmd, r.status, r.errOut)
		}
	}
}
