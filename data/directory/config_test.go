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
