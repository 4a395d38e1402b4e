// Package slapdtest starts a real OpenLDAP slapd for tests: on loopback
// ports, in a temporary folder, with the SupAnn attributes entkiosk writes,
// the ppolicy overlay, a self-signed certificate for StartTLS and ldaps, a
// service account and the demo people. A test on a machine without slapd
// skips with one line saying how to get it.
package slapdtest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/go-ldap/ldap/v3"
)

// The directory tree every test gets.
const (
	Base        = "dc=univ-test,dc=fr"
	PeopleBase  = "ou=people," + Base
	RootDN      = "cn=admin," + Base
	RootPW      = "root-secret-of-the-test"
	ServiceDN   = "cn=entkiosk,ou=services," + Base
	ServicePW   = "service-secret-of-the-test"
	PolicyDN    = "cn=default,ou=policies," + Base
	MinLength   = 12 // pwdMinLength of the default policy: stricter than entkiosk's 8
	InHistory   = 3  // pwdInHistory
	MaxFailures = 10 // pwdMaxFailure, above entkiosk's own lock (5) so the store's rule acts first
)

// Person is one person seeded in the directory.
type Person struct {
	UID       string // uid: the directory's own login (not the identifiant)
	Alias     string // supannAliasLogin: the identifiant's local part
	Given, SN string
	Mail      string // the university address
	Perso     string // supannMailPerso
	Password  string // "" leaves userPassword out (never activated anywhere)
}

// People are the demo people (data/demo.go) as the university's
// provisioning would have put them in the directory, but Jean-Luc
// D'Alembert, whom it has not fed yet.
var People = []Person{
	{UID: "cmartin", Alias: "camille.martin", Given: "Camille", SN: "Martin", Mail: "camille.martin@etu.umontpellier.fr", Perso: "camille.martin@example.org"},
	{UID: "ldubois", Alias: "lea.dubois", Given: "Léa", SN: "Dubois", Mail: "lea.dubois@etu.umontpellier.fr", Perso: "lea.dubois@example.org"},
	{UID: "hlefevre", Alias: "hugo.lefevre", Given: "Hugo", SN: "Lefèvre", Mail: "hugo.lefevre@etu.umontpellier.fr", Perso: "hugo.lefevre@example.org", Password: "Kiosque-Demo-2026"},
	{UID: "mpetit", Alias: "marie.petit", Given: "Marie", SN: "Petit", Mail: "marie.petit@etu.umontpellier.fr", Perso: "marie.petit@example.org"},
	{UID: "mpetit2", Alias: "marie.petit2", Given: "Marie", SN: "Petit", Mail: "marie.petit2@etu.umontpellier.fr", Perso: "marie.petit.1003@example.org"},
	{UID: "pbernard", Alias: "paul.bernard", Given: "Paul", SN: "Bernard", Mail: "paul.bernard@etu.umontpellier.fr", Perso: "paul.bernard@example.org", Password: "Archives-Demo-2025"},
	{UID: "imoreau", Alias: "ines.moreau", Given: "Inès", SN: "Moreau", Mail: "ines.moreau@umontpellier.fr", Perso: "ines.moreau@example.org", Password: "Helpdesk-Demo-2026"},
}

// Server is a running (or stopped) slapd.
type Server struct {
	t        testing.TB
	dir      string
	conf     string
	LDAPPort int    // ldap:// (StartTLS offered)
	TLSPort  int    // ldaps://
	CAFile   string // the self-signed certificate, to trust
	cmd      *exec.Cmd
	done     chan struct{}
}

// Binary is where Debian puts slapd.
const Binary = "/usr/sbin/slapd"

// Start starts slapd for t, seeded with People, or skips t when slapd is
// not installed. It is stopped when t ends.
func Start(t testing.TB) *Server {
	t.Helper()
	if _, err := os.Stat(Binary); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("slapd absent in CI: apt-get install slapd ldap-utils")
		}
		t.Skip("slapd absent: apt-get install slapd ldap-utils")
	}
	dir := t.TempDir()
	s := &Server{t: t, dir: dir, conf: filepath.Join(dir, "slapd.conf"), CAFile: filepath.Join(dir, "cert.pem")}
	for _, d := range []string{"db", "run"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeCert(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "supann.schema"), []byte(SupannSchema), 0o600); err != nil {
		t.Fatal(err)
	}
	s.LDAPPort, s.TLSPort = freePort(t), freePort(t)
	if err := os.WriteFile(s.conf, []byte(s.config()), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(Binary, "-Tt", "-u", "-f", s.conf).CombinedOutput(); err != nil {
		t.Fatalf("slaptest refused the test configuration: %v\n%s", err, out)
	}
	s.Restart()
	t.Cleanup(s.Stop)
	s.seed()
	return s
}

// URL is the ldap:// URL (StartTLS) on 127.0.0.1.
func (s *Server) URL() string { return fmt.Sprintf("ldap://127.0.0.1:%d", s.LDAPPort) }

// LDAPSURL is the ldaps:// URL on 127.0.0.1.
func (s *Server) LDAPSURL() string { return fmt.Sprintf("ldaps://127.0.0.1:%d", s.TLSPort) }

// ServicePasswordFile writes the service password in a file of mode 0600.
func (s *Server) ServicePasswordFile() string {
	p := filepath.Join(s.dir, "service.pw")
	if err := os.WriteFile(p, []byte(ServicePW+"\n"), 0o600); err != nil {
		s.t.Fatal(err)
	}
	return p
}

// Restart starts slapd again on the same ports and database (a no-op when
// it runs), and waits until it answers.
func (s *Server) Restart() {
	s.t.Helper()
	if s.cmd != nil {
		return
	}
	urls := fmt.Sprintf("ldap://127.0.0.1:%d/ ldaps://127.0.0.1:%d/", s.LDAPPort, s.TLSPort)
	var out bytes.Buffer
	cmd := exec.Command(Binary, "-d", "0", "-h", urls, "-f", s.conf)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		s.t.Fatalf("slapd: %v", err)
	}
	s.cmd, s.done = cmd, make(chan struct{})
	go func(done chan struct{}) { cmd.Wait(); close(done) }(s.done)
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", s.LDAPPort), time.Second)
		if err == nil {
			c.Close()
			return
		}
		select {
		case <-s.done:
			s.cmd = nil
			s.t.Fatalf("slapd stopped at start:\n%s", out.String())
		default:
		}
		if time.Now().After(deadline) {
			s.Stop()
			s.t.Fatalf("slapd does not answer on %d:\n%s", s.LDAPPort, out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Stop stops slapd (SIGTERM, then SIGKILL after 5 s) and waits for it.
func (s *Server) Stop() {
	if s.cmd == nil {
		return
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(5 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
	}
	s.cmd = nil
}

// Admin is a connection bound as the root DN, for seeding and checks.
func (s *Server) Admin() *ldap.Conn {
	s.t.Helper()
	c, err := ldap.DialURL(s.URL())
	if err != nil {
		s.t.Fatal(err)
	}
	if err := c.Bind(RootDN, RootPW); err != nil {
		c.Close()
		s.t.Fatal(err)
	}
	return c
}

// CanBind says whether dn binds with password: ldapwhoami's answer, over
// StartTLS, when ldap-utils is installed (as CI has it), else go-ldap's.
func (s *Server) CanBind(dn, password string) bool {
	s.t.Helper()
	if _, err := exec.LookPath("ldapwhoami"); err == nil {
		cmd := exec.Command("ldapwhoami", "-x", "-ZZ", "-H", s.URL(), "-D", dn, "-w", password)
		cmd.Env = append(os.Environ(), "LDAPTLS_CACERT="+s.CAFile)
		out, err := cmd.CombinedOutput()
		if err == nil && strings.TrimSpace(string(out)) != "dn:"+dn {
			s.t.Fatalf("ldapwhoami as %s says %q", dn, out)
		}
		return err == nil
	}
	c, err := ldap.DialURL(s.URL())
	if err != nil {
		s.t.Fatal(err)
	}
	defer c.Close()
	return c.Bind(dn, password) == nil
}

// DN is the DN of the person whose uid is uid.
func DN(uid string) string { return "uid=" + uid + "," + PeopleBase }

// Attr reads the values of attribute attr of dn, as the root DN: with
// ldapsearch when ldap-utils is installed, else with go-ldap.
func (s *Server) Attr(dn, attr string) []string {
	s.t.Helper()
	if _, err := exec.LookPath("ldapsearch"); err == nil {
		return s.ldapsearch(dn, attr)
	}
	c := s.Admin()
	defer c.Close()
	res, err := c.Search(ldap.NewSearchRequest(dn, ldap.ScopeBaseObject, ldap.NeverDerefAliases, 0, 0, false,
		"(objectClass=*)", []string{attr}, nil))
	if err != nil {
		s.t.Fatal(err)
	}
	return res.Entries[0].GetAttributeValues(attr)
}

// Add adds a person (the provisioning feeding the directory later).
func (s *Server) Add(p Person) {
	s.t.Helper()
	c := s.Admin()
	defer c.Close()
	if err := c.Add(personRequest(p)); err != nil {
		s.t.Fatal(err)
	}
}

func personRequest(p Person) *ldap.AddRequest {
	r := ldap.NewAddRequest(DN(p.UID), nil)
	r.Attribute("objectClass", []string{"inetOrgPerson", "supannPerson", "shadowAccount", "qmailUser"})
	r.Attribute("uid", []string{p.UID})
	r.Attribute("cn", []string{p.Given + " " + p.SN})
	r.Attribute("sn", []string{p.SN})
	r.Attribute("givenName", []string{p.Given})
	r.Attribute("mail", []string{p.Mail})
	r.Attribute("supannAliasLogin", []string{p.Alias})
	r.Attribute("supannMailPerso", []string{p.Perso})
	if p.Password != "" {
		r.Attribute("userPassword", []string{p.Password}) // hashed by ppolicy_hash_cleartext
	}
	return r
}

func (s *Server) seed() {
	s.t.Helper()
	c := s.Admin()
	defer c.Close()
	add := func(dn string, attrs map[string][]string) {
		r := ldap.NewAddRequest(dn, nil)
		for k, v := range attrs {
			r.Attribute(k, v)
		}
		if err := c.Add(r); err != nil {
			s.t.Fatalf("seed %s: %v", dn, err)
		}
	}
	add(Base, map[string][]string{"objectClass": {"dcObject", "organization"}, "dc": {"univ-test"}, "o": {"Université de test"}})
	for _, ou := range []string{"people", "services", "policies"} {
		add("ou="+ou+","+Base, map[string][]string{"objectClass": {"organizationalUnit"}, "ou": {ou}})
	}
	add(ServiceDN, map[string][]string{"objectClass": {"applicationProcess", "simpleSecurityObject"}, "cn": {"entkiosk"},
		"userPassword": {ServicePW}})
	add(PolicyDN, map[string][]string{"objectClass": {"applicationProcess", "pwdPolicy"}, "cn": {"default"},
		"pwdAttribute": {"userPassword"}, "pwdMinLength": {fmt.Sprint(MinLength)}, "pwdCheckQuality": {"2"},
		"pwdInHistory": {fmt.Sprint(InHistory)}, "pwdLockout": {"TRUE"}, "pwdMaxFailure": {fmt.Sprint(MaxFailures)},
		"pwdMustChange": {"FALSE"}, "pwdAllowUserChange": {"TRUE"}})
	for _, p := range People {
		if err := c.Add(personRequest(p)); err != nil {
			s.t.Fatalf("seed %s: %v", p.UID, err)
		}
	}
}

func (s *Server) config() string {
	return strings.NewReplacer("@DIR@", s.dir, "@BASE@", Base, "@ROOTDN@", RootDN, "@ROOTPW@", RootPW,
		"@SERVICE@", ServiceDN, "@POLICY@", PolicyDN).Replace(slapdConf)
}

// The configuration: a non-root service account with the rights an
// esup-activ administrator gives: write the password and the settings
// entkiosk owns, read the rest; people bind, and read themselves.
const slapdConf = `include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
include @DIR@/supann.schema
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload ppolicy
pidfile @DIR@/run/slapd.pid
argsfile @DIR@/run/slapd.args
TLSCertificateFile @DIR@/cert.pem
TLSCertificateKeyFile @DIR@/key.pem
password-hash {SSHA}

database mdb
suffix "@BASE@"
rootdn "@ROOTDN@"
rootpw @ROOTPW@
directory @DIR@/db
maxsize 67108864
index objectClass eq
index uid,supannAliasLogin eq

overlay ppolicy
ppolicy_default "@POLICY@"
ppolicy_use_lockout
ppolicy_hash_cleartext

access to attrs=userPassword
  by dn.exact="@SERVICE@" write
  by self write
  by anonymous auth
  by * none
access to attrs=shadowLastChange,supannMailPerso,mailForwardingAddress,supannRessourceEtatDate
  by dn.exact="@SERVICE@" write
  by self read
  by * none
access to *
  by dn.exact="@SERVICE@" read
  by self read
  by * none
`

// SupannSchema holds the few SupAnn (and qmail-ldap) types entkiosk reads
// and writes, under their registered arcs: SupAnn's 1.3.6.1.4.1.7135.1.2
// (attributes .1.x, object classes .2.x), qmail-ldap's 1.3.6.1.4.1.7914.1.2.
// supannMailPerso (.1.15) and supannAliasLogin (.1.20) are as in the SupAnn
// 2009 schema, mailForwardingAddress (7914.1.2.1.7) as in qmail-ldap's;
// supannRessourceEtatDate's number (.1.55) and supannPerson's (.2.1) could
// not be checked against the SupAnn 2021 text when this was written: check
// them before copying this file to a real directory (entkiosk itself uses
// names only).
const SupannSchema = `attributetype ( 1.3.6.1.4.1.7135.1.2.1.15 NAME 'supannMailPerso'
  DESC 'SupAnn: adresse de courrier electronique personnelle'
  EQUALITY caseIgnoreIA5Match SUBSTR caseIgnoreIA5SubstringsMatch
  SYNTAX 1.3.6.1.4.1.1466.115.121.1.26{256} )
attributetype ( 1.3.6.1.4.1.7135.1.2.1.20 NAME 'supannAliasLogin'
  DESC 'SupAnn: login personnalise'
  EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch
  SYNTAX 1.3.6.1.4.1.1466.115.121.1.15{128} SINGLE-VALUE )
attributetype ( 1.3.6.1.4.1.7135.1.2.1.55 NAME 'supannRessourceEtatDate'
  DESC 'SupAnn: etat d une ressource avec ses dates'
  EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch
  SYNTAX 1.3.6.1.4.1.1466.115.121.1.15{256} )
attributetype ( 1.3.6.1.4.1.7914.1.2.1.7 NAME 'mailForwardingAddress'
  DESC 'Address(es) to forward all incoming messages to.'
  EQUALITY caseIgnoreIA5Match SUBSTR caseIgnoreIA5SubstringsMatch
  SYNTAX 1.3.6.1.4.1.1466.115.121.1.26{256} )
objectclass ( 1.3.6.1.4.1.7135.1.2.2.1 NAME 'supannPerson'
  DESC 'SupAnn: classe de personne'
  SUP top AUXILIARY
  MAY ( supannMailPerso $ supannAliasLogin $ supannRessourceEtatDate ) )
objectclass ( 1.3.6.1.4.1.7914.1.2.2.1 NAME 'qmailUser'
  DESC 'QMail-LDAP User'
  SUP top AUXILIARY
  MUST ( mail )
  MAY ( uid $ mailForwardingAddress ) )
`

// writeCert makes a self-signed certificate for 127.0.0.1 and localhost.
func writeCert(dir string) error {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "slapd de test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, DNSNames: []string{"localhost"},
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, IsCA: true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return err
	}
	kder, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "cert.pem"), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "key.pem"), pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kder}), 0o600)
}

func freePort(t testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// ldapsearch reads attr of dn with the ldapsearch tool (LDIF, unwrapped).
func (s *Server) ldapsearch(dn, attr string) []string {
	s.t.Helper()
	cmd := exec.Command("ldapsearch", "-LLL", "-o", "ldif-wrap=no", "-x", "-ZZ", "-H", s.URL(), "-D", RootDN, "-w", RootPW,
		"-b", dn, "-s", "base", "(objectClass=*)", attr)
	cmd.Env = append(os.Environ(), "LDAPTLS_CACERT="+s.CAFile)
	out, err := cmd.CombinedOutput()
	if err != nil {
		s.t.Fatalf("ldapsearch %s %s: %v\n%s", dn, attr, err, out)
	}
	var values []string
	for _, line := range strings.Split(string(out), "\n") {
		name, value, ok := strings.Cut(line, ":")
		if !ok || !strings.EqualFold(name, attr) {
			continue
		}
		if b64, isB64 := strings.CutPrefix(value, ": "); isB64 {
			raw, err := base64.StdEncoding.DecodeString(b64)
			if err != nil {
				s.t.Fatal(err)
			}
			values = append(values, string(raw))
			continue
		}
		values = append(values, strings.TrimPrefix(value, " "))
	}
	return values
}
