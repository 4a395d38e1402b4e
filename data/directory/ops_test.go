package directory_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"entkiosk/data/directory"
	"entkiosk/data/directory/slapdtest"
)

func open(t *testing.T, s *slapdtest.Server, url string) *directory.Directory {
	t.Helper()
	d, err := directory.Open(directory.Config{URL: url, BindDN: slapdtest.ServiceDN,
		PasswordFile: s.ServicePasswordFile(), BaseDN: slapdtest.PeopleBase, CAFile: s.CAFile,
		DialTimeout: 2 * time.Second, Timeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func TestBindAsThePerson(t *testing.T) {
	s := slapdtest.Start(t)
	ctx := context.Background()
	for _, url := range []string{s.URL(), s.LDAPSURL()} {
		d := open(t, s, url)
		if err := d.Bind(ctx, "hugo.lefevre", "Kiosque-Demo-2026"); err != nil {
			t.Fatalf("%s: Hugo's right password: %v", url, err)
		}
		if err := d.Bind(ctx, "hlefevre", "Kiosque-Demo-2026"); err != nil {
			t.Fatalf("%s: by uid: %v", url, err)
		}
		if err := d.Bind(ctx, "hugo.lefevre", "Kiosque-Demo-2025"); !errors.Is(err, directory.ErrInvalidCredentials) {
			t.Fatalf("%s: wrong password: %v", url, err)
		}
		if err := d.Bind(ctx, "hugo.lefevre", ""); !errors.Is(err, directory.ErrInvalidCredentials) {
			t.Fatalf("%s: empty password (an anonymous bind in LDAP) must be refused: %v", url, err)
		}
		if err := d.Bind(ctx, "nobody.here", "Kiosque-Demo-2026"); !errors.Is(err, directory.ErrNotInDirectory) {
			t.Fatalf("%s: unknown: %v", url, err)
		}
		if err := d.Bind(ctx, "*", "Kiosque-Demo-2026"); !errors.Is(err, directory.ErrNotInDirectory) {
			t.Fatalf("%s: a filter wildcard must match nobody: %v", url, err)
		}
	}
}

func TestSetPasswordAndPolicy(t *testing.T) {
	s := slapdtest.Start(t)
	ctx := context.Background()
	d := open(t, s, s.URL())
	day := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	if err := d.SetPassword(ctx, "camille.martin", "Tournesol-Vert-42", day); err != nil {
		t.Fatal(err)
	}
	if !s.CanBind(slapdtest.DN("cmartin"), "Tournesol-Vert-42") {
		t.Fatal("the new password does not bind")
	}
	if got := s.Attr(slapdtest.DN("cmartin"), "shadowLastChange"); !slices.Equal(got, []string{"20794"}) {
		t.Fatalf("shadowLastChange = %v, want 20794 (days since 1970)", got)
	}
	err := d.SetPassword(ctx, "camille.martin", "Court-12ab", day)
	if r, ok := directory.PolicyOf(err); !ok || r != directory.PolicyTooShort {
		t.Fatalf("a 10-character password under pwdMinLength 12: %v", err)
	}
	if err := d.SetPassword(ctx, "camille.martin", "Pissenlit-Bleu-17", day); err != nil {
		t.Fatal(err)
	}
	err = d.SetPassword(ctx, "camille.martin", "Tournesol-Vert-42", day)
	if r, ok := directory.PolicyOf(err); !ok || r != directory.PolicyInHistory {
		t.Fatalf("a password of the history: %v", err)
	}
	if !s.CanBind(slapdtest.DN("cmartin"), "Pissenlit-Bleu-17") || s.CanBind(slapdtest.DN("cmartin"), "Tournesol-Vert-42") {
		t.Fatal("a refused password changed something")
	}
	if err := d.SetPassword(ctx, "jean-luc.dalembert", "Tournesol-Vert-42", day); !errors.Is(err, directory.ErrNotInDirectory) {
		t.Fatalf("a person not in the directory: %v", err)
	}
}

func TestApplySettings(t *testing.T) {
	s := slapdtest.Start(t)
	ctx := context.Background()
	d := open(t, s, s.URL())
	dn := slapdtest.DN("hlefevre")
	apply := func(c directory.Change) {
		t.Helper()
		for range 2 { // twice: a retried change leaves the entry as once
			if err := d.Apply(ctx, "hugo.lefevre", c); err != nil {
				t.Fatal(err)
			}
		}
	}
	apply(directory.Change{Kind: directory.ChangeMailPerso, Address: "hugo@example.net"})
	if got := s.Attr(dn, "supannMailPerso"); !slices.Equal(got, []string{"hugo@example.net"}) {
		t.Fatalf("supannMailPerso = %v", got)
	}
	apply(directory.Change{Kind: directory.ChangeRedirection, Address: "hugo@example.net", KeepCopy: true})
	if got := s.Attr(dn, "mailForwardingAddress"); !slices.Equal(got, []string{"hugo@example.net", "hugo.lefevre@etu.umontpellier.fr"}) {
		t.Fatalf("redirection with a copy = %v", got)
	}
	apply(directory.Change{Kind: directory.ChangeRedirection, Address: "hugo@example.net"})
	if got := s.Attr(dn, "mailForwardingAddress"); !slices.Equal(got, []string{"hugo@example.net"}) {
		t.Fatalf("redirection without a copy = %v", got)
	}
	apply(directory.Change{Kind: directory.ChangeRedirection})
	if got := s.Attr(dn, "mailForwardingAddress"); len(got) != 0 {
		t.Fatalf("redirection removed = %v", got)
	}
	c := s.Admin()
	defer c.Close()
	if err := c.Modify(modifyAdd(dn, "supannRessourceEtatDate", "{MAIL}A:SupannActif::", "{COMPTE}I:SupannInactif::")); err != nil {
		t.Fatal(err)
	}
	apply(directory.Change{Kind: directory.ChangeAccountEnd, End: time.Date(2027, 12, 31, 0, 0, 0, 0, time.UTC)})
	got := s.Attr(dn, "supannRessourceEtatDate")
	slices.Sort(got)
	if !slices.Equal(got, []string{"{COMPTE}A:SupannActif::20271231", "{MAIL}A:SupannActif::"}) {
		t.Fatalf("supannRessourceEtatDate = %v", got)
	}
}

func TestCheckTellsTheOperator(t *testing.T) {
	s := slapdtest.Start(t)
	ctx := context.Background()
	d := open(t, s, s.URL())
	before := s.Attr(slapdtest.DN("hlefevre"), "supannMailPerso")
	r, err := d.Check(ctx, "hugo.lefevre")
	if err != nil {
		t.Fatal(err)
	}
	if r.BoundAs != slapdtest.ServiceDN || r.Sample != slapdtest.DN("hlefevre") || r.TLS != "StartTLS, TLS 1.3" {
		t.Fatalf("report: %+v", r)
	}
	for _, a := range r.Writable {
		if a.Err != nil {
			t.Errorf("%s: %v", a.Name, a.Err)
		}
	}
	if after := s.Attr(slapdtest.DN("hlefevre"), "supannMailPerso"); !slices.Equal(before, after) {
		t.Fatalf("check changed supannMailPerso: %v → %v", before, after)
	}
	// An attribute the service account may not write is said so.
	d2, err := directory.Open(directory.Config{URL: s.LDAPSURL(), BindDN: slapdtest.ServiceDN,
		PasswordFile: s.ServicePasswordFile(), BaseDN: slapdtest.PeopleBase, CAFile: s.CAFile,
		Attributes: directory.Attributes{MailPerso: "description"}})
	if err != nil {
		t.Fatal(err)
	}
	defer d2.Close()
	r, err = d2.Check(ctx, "hugo.lefevre")
	if err != nil {
		t.Fatal(err)
	}
	if r.TLS != "ldaps, TLS 1.3" || r.Writable[0].Name != "description" || !errors.Is(r.Writable[0].Err, directory.ErrRefused) {
		t.Fatalf("report: %+v", r)
	}
	// Without the CA, the certificate is refused: a setting to fix.
	d3, err := directory.Open(directory.Config{URL: s.URL(), BindDN: slapdtest.ServiceDN,
		PasswordFile: s.ServicePasswordFile(), BaseDN: slapdtest.PeopleBase})
	if err != nil {
		t.Fatal(err)
	}
	defer d3.Close()
	if _, err := d3.Check(ctx, "hugo.lefevre"); !errors.Is(err, directory.ErrMisconfigured) {
		t.Fatalf("untrusted certificate: %v", err)
	}
}
