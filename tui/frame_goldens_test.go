package tui

import "testing"

// A few pages drawn whole, in the shell's frame (banner, body, who is
// logged in, help line). The bodies of every step have their goldens
// beside the screens, in screens/testdata.

// Hugo's dashboard, as the shell opens it after his login on home.
func TestFrameDashboard(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	dashLoginHugo(tm)
	tm.requireGolden()
}

// « Problème de connexion » chosen on home: the recovery's menu.
func TestFrameRecoveryMenu(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.press("tab", "tab", "tab", "tab", "enter")
	tm.requireGolden()
}

// Home, the first page of every session.
func TestFrameHome(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.requireGolden()
}
