package tui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"

	"entkiosk/data"
	"entkiosk/screens"
)

// The frame and the screens agree on the height: at 80×24 every screen,
// logged in or not, fits in c.BodyHeight() lines, so that the status line
// ("Connecté : …", the countdown) never takes the place of a body line.

// layoutPages are the pages a session can open, with what makes them show
// the most (the mailbox has mails, Aide its longest topic).
var layoutPages = []screens.Page{screens.PageHome, screens.PageDashboard, screens.PageActivation,
	screens.PageRecovery, screens.PageLookup, screens.PageHelp, screens.PageMailbox, screens.PageHelpdesk}

// requireBodyFits fails if the current screen's body is taller than the
// frame gives it, or the frame is not 23 lines of at most the width.
func (tm *testModel) requireBodyFits(what string) {
	tm.t.Helper()
	c := tm.Common()
	if h := lipgloss.Height(tm.Screen().View()); h > c.BodyHeight() {
		tm.t.Fatalf("%s: body of %d lines, the frame gives %d:\n%s", what, h, c.BodyHeight(), tm.Screen().View())
	}
	lines := strings.Split(tm.screen(), "\n")
	if len(lines) != c.Height-1 {
		tm.t.Fatalf("%s: frame of %d lines at height %d", what, len(lines), c.Height)
	}
	for i, l := range lines {
		if w := lipgloss.Width(l); w > c.Width {
			tm.t.Fatalf("%s: line %d is %d wide: %q", what, i+1, w, l)
		}
	}
}

func TestEveryScreenFitsAbove80x24StatusLine(t *testing.T) {
	t.Parallel()
	people := []struct {
		name, ident, password string
	}{
		{"nobody", "", ""},
		{"student", "hugo.lefevre", "Kiosque-Demo-2026"},
		{"agent", "ines.moreau@umontpellier.fr", "Helpdesk-Demo-2026"},
	}
	for _, who := range people {
		for _, lang := range []screens.Lang{screens.French, screens.English} {
			t.Run(who.name+"/"+string(lang), func(t *testing.T) {
				tm := newTestModel(t, func(o *Options) { o.Lang = lang })
				// The mailbox at its fullest: every demo mail is due.
				tm.clock.Advance(time.Hour)
				for _, page := range layoutPages {
					tm.send(screens.NavigateMsg{}) // home: logs out
					if who.ident != "" {
						acct, err := tm.store.Login(t.Context(), who.ident, who.password, data.Origin{Client: "test"})
						if err != nil {
							t.Fatal(err)
						}
						tm.send(screens.LoginMsg{Account: acct})
						tm.requireScreen(screens.Clean(acct.Identifiant))
					}
					tm.send(screens.NavigateMsg{Page: page})
					what := who.name + " page " + string(rune('0'+page))
					tm.requireBodyFits(what)
					switch page {
					case screens.PageHelp:
						for range 14 { // every topic
							tm.press("tab")
							tm.requireBodyFits(what + " " + tm.Screen().HelpTopic())
						}
					case screens.PageMailbox:
						for range 10 { // every mail, and its end
							tm.press("down")
							tm.requireBodyFits(what)
							tm.press("pgdown", "pgdown")
							tm.requireBodyFits(what + " scrolled")
						}
					default:
						for range 6 { // the focus moves: hints and errors appear
							tm.press("tab")
							tm.requireBodyFits(what)
						}
					}
				}
			})
		}
	}
}

// pressFit presses keys one at a time, the body fitting after each.
func (tm *testModel) pressFit(what string, keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		tm.press(k)
		tm.requireBodyFits(what + " after " + k)
	}
}

var layoutCode = regexp.MustCompile(`Code ?: ?([0-9]{8})`)

// The steps of a flow fit too: Camille's whole activation, with the
// refusals that add lines, and Jean-Luc's two registrations.
func TestEveryStepFitsAbove80x24StatusLine(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.pressFit("home", "tab", "tab", "tab", "enter")
	tm.pressFit("identify", "enter") // empty: an error line
	tm.typeText("camille.martin")
	tm.pressFit("identify", "enter")
	mails, err := tm.store.Outbox(t.Context(), data.OutboxFilter{To: "camille.martin@example.org", Limit: 1})
	if err != nil || len(mails) == 0 {
		t.Fatalf("no mail to Camille (%v)", err)
	}
	code := layoutCode.FindStringSubmatch(mails[0].Body)
	if code == nil {
		t.Fatalf("no code in:\n%s", mails[0].Body)
	}
	tm.typeText("00000000")
	tm.pressFit("wrong code", "enter")
	tm.typeText(code[1])
	tm.pressFit("charter", "enter", "pgdown", "pgdown", "pgdown", "pgdown", "tab", "enter", "space", "tab", "enter")
	tm.pressFit("redirect", "down", "enter")
	tm.typeText("Soleil-Vert-2026")
	tm.pressFit("password", "enter")
	tm.typeText("Soleil-Vert-2026")
	tm.pressFit("done", "enter")
	tm.requireScreen("compte est activé")

	tm.send(screens.NavigateMsg{Page: screens.PageLookup})
	tm.typeText("22107777")
	tm.press("tab")
	tm.typeText("16112003")
	tm.pressFit("lookup", "enter")
	tm.requireScreen("jean-luc.dalembert")
	tm.pressFit("lookup", "tab", "tab", "tab")
}
