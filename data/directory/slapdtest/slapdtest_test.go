package slapdtest

import "testing"

// TestStartSeedsAndBinds: the harness itself, and the rights it gives.
func TestStartSeedsAndBinds(t *testing.T) {
	s := Start(t)
	if !s.CanBind(DN("hlefevre"), "Kiosque-Demo-2026") {
		t.Fatal("Hugo cannot bind with his seeded password")
	}
	if s.CanBind(DN("hlefevre"), "wrong-password-1") {
		t.Fatal("a wrong password binds")
	}
	if !s.CanBind(ServiceDN, ServicePW) {
		t.Fatal("the service account cannot bind")
	}
	if got := s.Attr(DN("cmartin"), "supannAliasLogin"); len(got) != 1 || got[0] != "camille.martin" {
		t.Fatalf("supannAliasLogin = %v", got)
	}
	s.Stop()
	if c, err := dial(s.URL()); err == nil {
		c.Close()
		t.Fatal("slapd still answers after Stop")
	}
	s.Restart()
	if !s.CanBind(DN("hlefevre"), "Kiosque-Demo-2026") {
		t.Fatal("after a restart, the database is gone")
	}
}

func dial(url string) (interface{ Close() error }, error) { return ldapDial(url) }
