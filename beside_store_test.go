package main

import "testing"

// A PostgreSQL URL has no folder: what goes beside the store goes in the
// working directory, never in a folder named after the URL.
func TestBesideStore(t *testing.T) {
	for _, tc := range []struct{ db, want string }{
		{"/var/lib/entkiosk/entkiosk.db", "/var/lib/entkiosk/entkiosk_host_ed25519"},
		{"entkiosk.db", "entkiosk_host_ed25519"},
		{"postgres://entkiosk@db.example:5432/entkiosk?sslmode=verify-full", "entkiosk_host_ed25519"},
	} {
		if got := besideStore(tc.db, "entkiosk_host_ed25519"); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.db, got, tc.want)
		}
	}
}
