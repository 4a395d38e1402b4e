package tui

import (
	"testing"

	"entkiosk/data"
	"entkiosk/screens"
)

// The dashboard reads the account again when the shell brings it back
// (from Aide, from the console): a role revoked meanwhile shows.

// revokeInes is the operator's `entkiosk revoke ines.moreau`.
func (tm *testModel) revokeInes() {
	tm.t.Helper()
	rc, err := tm.store.SetHelpdesk(tm.t.Context(), "ines.moreau", false, data.Origin{Client: "cli"})
	if err != nil || !rc.Changed {
		tm.t.Fatalf("revoke: %+v %v", rc, err)
	}
}

// requireNoConsole fails if the dashboard still offers the console or
// shows the role.
func (tm *testModel) requireNoConsole() {
	tm.t.Helper()
	tm.requireTextNB("Mon compte", "Statut : personnel · compte actif")
	tm.requireNoSecret("Console assistance", "· assistance")
}

// Revoked while the agent is elsewhere (the console, Aide): back on the
// dashboard, it has read the account again.
func TestDashboardRereadsRolesWhenBack(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.hdLogin("ines.moreau", "Helpdesk-Demo-2026")
	tm.press("f1")
	tm.revokeInes()
	tm.press("esc")
	tm.requireNoConsole()
	if tm.Common().Account.Helpdesk {
		t.Fatal("the session's account still has the role")
	}

	tm = newTestModel(t)
	tm.hdLogin("ines.moreau", "Helpdesk-Demo-2026")
	tm.dashAction("Console assistance")
	if _, ok := tm.Screen().(*screens.Dashboard); ok {
		t.Fatalf("the console did not open:\n%s", tm.screen())
	}
	tm.revokeInes()
	tm.press("esc")
	tm.requireNoConsole()
}
