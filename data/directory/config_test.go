package directory

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Transport security: ldaps, or ldap with StartTLS, or clear text on this
// machine only; never credentials in the URL.
func TestParseURL(t *testing.T) {
	for _, tc := range []struct{ url, want, refusal string }{
		{"ldaps://ldap.umontpellier.fr", "ldaps://ldap.umontpellier.fr:636", ""},
		{"ldap://ldap.umontpellier.fr", "ldap://ldap.umontpellier.fr:389", ""},
		{"ldap://127.0.0.1:3389?starttls=off", "ldap://127.0.0.1:3389?starttls=off", ""},
		{"ldap://[::1]:3389?starttls=off", "ldap://[::1]:3389?starttls=off", ""},
		{"ldap://ldap.umontpellier.fr?starttls=off", "", "cette machine"},
		{"ldaps://ldap.umontpellier.fr?starttls=off", "", "option inconnue"},
		{"ldap://admin:secret@ldap.umontpellier.fr", "", "pas d'identifiants"},
		{"ldap://ldap.umontpellier.fr/dc=umontpellier,dc=fr", "", "--ldap-base"},
		{"http://ldap.umontpellier.fr", "", "ldaps:// ou ldap://"},
		{"ldaps://", "", "aucun hôte"},
	} {
		e, err := parseURL(tc.url)
		switch {
		case tc.refusal == "" && (err != nil || e.String() != tc.want):
			t.Errorf("%s: %v %v, want %s", tc.url, e, err, tc.want)
		case tc.refusal != "" && (err == nil || !strings.Contains(err.Error(), tc.refusal)):
			t.Errorf("%s: %v, want a refusal saying %q", tc.url, err, tc.refusal)
		}
	}
}

// The service password: a file of its owner only, one line.
func TestReadPasswordFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), mode); err != nil {
			t.Fatal(err)
		}
		os.Chmod(p, mode) // whatever the umask
		return p
	}
	if pw, err := readPasswordFile(write("ok", "s3cret\n", 0o600)); err != nil || pw != "s3cret" {
		t.Fatalf("%q %v", pw, err)
	}
	for _, tc := range []struct {
		path, refusal string
	}{
		{write("group", "s3cret\n", 0o640), "chmod 600"},
		{write("world", "s3cret\n", 0o604), "chmod 600"},
		{write("empty", "\n", 0o600), "vide"},
		{write("lines", "s3cret\nother\n", 0o600), "une ligne"},
		{dir, "fichier ordinaire"},
		{filepath.Join(dir, "missing"), "no such file"},
	} {
		if _, err := readPasswordFile(tc.path); err == nil || !strings.Contains(err.Error(), tc.refusal) {
			t.Errorf("%s: %v, want %q", filepath.Base(tc.path), err, tc.refusal)
		}
	}
}

// A password written in the URL is never said back: the refusal masks
// what comes before the host (ldap://***@host), whatever else is wrong.
func TestURLPasswordNeverEchoed(t *testing.T) {
	for _, raw := range []string{
		"ldap://cn=entkiosk:secret@127.0.0.1:43679",
		"ldaps://cn=entkiosk,dc=umontpellier,dc=fr:secret@ldap.umontpellier.fr",
		"ldap://admin:secret@ldap.umontpellier.fr?starttls=off",
		"ldap://admin:se/cret@secret@ldap.umontpellier.fr",
		"ldap://admin:secret%zz@ldap.umontpellier.fr",
		"ldap://admin:secret@[::1:43679",
		"http://admin:secret@ldap.umontpellier.fr",
		"ldap://admin:secret@",
	} {
		_, err := parseURL(raw)
		if err == nil {
			t.Errorf("%s: accepted", raw)
			continue
		}
		if strings.Contains(err.Error(), "secret") || !strings.Contains(err.Error(), "***@") {
			t.Errorf("%s: %v", raw, err)
		}
		if _, err := Open(Config{URL: raw, BindDN: "cn=entkiosk,dc=umontpellier,dc=fr", PasswordFile: "x",
			BaseDN: "dc=umontpellier,dc=fr"}); err == nil || strings.Contains(err.Error(), "secret") {
			t.Errorf("Open %s: %v", raw, err)
		}
	}
	if got := maskUserinfo("ldap://cn=entkiosk:secret@127.0.0.1:43679"); got != "ldap://***@127.0.0.1:43679" {
		t.Errorf("masked: %s", got)
	}
}
