package tui

import (
	"context"
	"testing"
	"time"

	"entkiosk/data"
)

// After 100 failures in a row, the card says password login is closed,
// the walk-through leads to the unlock, and the unlock reopens it.
func TestHelpdeskCardShowsPasswordLoginClosed(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	ctx := context.Background()
	for range data.LoginFailuresBeforeClose {
		tm.clock.Advance(data.LoginFailureWindow + time.Second) // each failure counted, none locked
		tm.store.Login(ctx, "hugo.lefevre", "Wrong-Password-7", data.Origin{Client: "ssh:203.0.113.9"})
	}
	if _, err := tm.store.Login(ctx, "hugo.lefevre", "Kiosque-Demo-2026", data.Origin{Client: "kiosk:x"}); err != data.ErrPasswordLoginClosed {
		t.Fatalf("the right password after 100 failures: %v", err)
	}
	tm.hdOpen("21805555")
	tm.requireScreen("connexion par mot de passe fermée après 100 échecs de suite")
	tm.press("3")
	tm.requireScreen("◉ Problème de connexion", "identifiant bloqué jusqu'au déblocage par l'assistance",
		"À faire : déverrouiller")
	tm.press("enter")
	tm.requireScreen("Déverrouiller", "[ Confirmer ]")
	tm.press("enter")
	tm.requireScreen("✓ Connexion déverrouillée.", "pas de verrouillage")
	if _, err := tm.store.Login(ctx, "hugo.lefevre", "Kiosque-Demo-2026", data.Origin{Client: "kiosk:x"}); err != nil {
		t.Fatalf("still closed: %v", err)
	}
}
