package main

import (
	"os/user"
	"testing"
)

// The actor is the system user (os/user), even without $USER; behind sudo,
// with who ran sudo.
func TestOperatorName(t *testing.T) {
	u, err := user.Current()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("USER", "")
	t.Setenv("SUDO_USER", "")
	if got := operatorName(); got != u.Username {
		t.Fatalf("without $USER: %q, want %q", got, u.Username)
	}
	t.Setenv("SUDO_USER", "alice")
	if got := operatorName(); got != u.Username+" (sudo alice)" {
		t.Fatalf("under sudo: %q", got)
	}
}
