package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/screens"
)

const (
	dashHugoPassword = "Kiosque-Demo-2026"
)

func dashLoginHugo(tm *testModel) {
	tm.t.Helper()
	tm.pagesLogin("hugo.lefevre", dashHugoPassword)
	if tm.Common().Account == nil {
		tm.t.Fatalf("Hugo is not logged in:\n%s", tm.screen())
	}
}

// dashAction opens an action of the dashboard's menu by its label.
func (tm *testModel) dashAction(label string) {
	tm.t.Helper()
	for range 8 {
		for _, line := range strings.Split(tm.screen(), "\n") {
			if strings.Contains(line, "› "+label) {
				tm.press("enter")
				return
			}
		}
		tm.press("tab")
	}
	tm.t.Fatalf("no action %q:\n%s", label, tm.screen())
}

// bullets is the number of • on the line after a field's label: what a
// secret field holds, without showing it.
func (tm *testModel) bullets(label string) int {
	tm.t.Helper()
	lines := strings.Split(tm.screen(), "\n")
	for i, line := range lines {
		if strings.HasSuffix(strings.TrimSpace(line), label) && i+1 < len(lines) {
			return strings.Count(lines[i+1], "•")
		}
	}
	tm.t.Fatalf("no field %q:\n%s", label, tm.screen())
	return 0
}

// dashSubmit types an address and the current password into a step whose
// focus is on its (empty) address field, and submits with Enter.
func (tm *testModel) dashSubmit(address, password string) {
	tm.t.Helper()
	tm.typeText(address)
	tm.press("enter") // to the password
	tm.typeText(password)
	tm.press("enter")
}

// On the overview esc logs out, and the help line says so; in a step it
// goes back, and the help line says that.
func TestDashboardEscSaysWhatItDoes(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	// At 80 columns F3 (named first) leaves no room for Esc in a step: the
	// shell drops the keys people guess first (see dropOrder).
	tm.send(tea.WindowSizeMsg{Width: 100, Height: 24})
	dashLoginHugo(tm)
	line := tm.helpLineNB()
	if !strings.Contains(line, "Échap déconnexion") || strings.Contains(line, "retour") {
		t.Fatalf("overview help line: %q", line)
	}
	tm.dashAction("Mot de passe")
	if line := tm.helpLineNB(); !strings.Contains(line, "Échap retour") || strings.Contains(line, "déconnexion") {
		t.Fatalf("step help line: %q", line)
	}
	tm.press("esc", "f2")
	if line := tm.helpLineNB(); !strings.Contains(line, "Esc log out") {
		t.Fatalf("English overview help line: %q", line)
	}
	tm.press("esc")
	if tm.Common().Account != nil {
		t.Fatal("esc on the overview did not log out")
	}
}

// helpLineNB is the frame's last line, no-break spaces as spaces.
func (tm *testModel) helpLineNB() string {
	lines := strings.Split(strings.ReplaceAll(tm.screen(), "\u00a0", " "), "\n")
	return lines[len(lines)-1]
}

// Déconnexion, and esc on the dashboard, end the session and wipe it.
func TestDashboardLogoutWipes(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	dashLoginHugo(tm)
	tm.dashAction("Déconnexion")
	if tm.Common().Account != nil {
		t.Fatal("still logged in")
	}
	if _, home := tm.Screen().(*screens.Home); !home {
		t.Fatalf("not home:\n%s", tm.screen())
	}
	tm.requireNoSecret("hugo", "Hugo", "Connecté")
	tm.press("esc")
	if _, home := tm.Screen().(*screens.Home); !home {
		t.Fatal("esc after logout leads back to the dashboard")
	}

	dashLoginHugo(tm)
	tm.dashAction("Mot de passe")
	tm.typeText("half-typed")
	tm.press("esc") // one step back: the overview
	tm.requireTextNB("Mon compte")
	tm.press("esc") // back from one's account is leaving it
	if tm.Common().Account != nil {
		t.Fatal("esc on the dashboard kept the session")
	}
	tm.requireNoSecret("hugo", "Connecté")
}

// At 60 columns, the smallest a screen is drawn in, the dashboard lays out
// in the 58 the frame leaves it: laid out in 60, its menu ended on
// « Déconnexio » and the services' addresses lost their last letters.
func TestDashboardAt60Columns(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.send(tea.WindowSizeMsg{Width: 60, Height: 40})
	dashLoginHugo(tm)
	tm.requireScreen("Mon compte", "Déconnexion", "ent.umontpellier.fr/mobile")
	for _, line := range strings.Split(tm.screen(), "\n")[2:] { // under the banner and its rule
		if l := strings.TrimRight(line, " "); utf8.RuneCountInString(l) > 59 {
			t.Errorf("a line reaches the last column (cut): %q", l)
		}
	}
}
