package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"entkiosk/data"
	"entkiosk/screens"
)

// Texts wrap correctly at every width from 60 to 120 columns, on every
// screen and every mail, in French and English: no line wider than the
// terminal, none starting with French punctuation or ending with an
// opening guillemet, « jusque-là » never cut at its hyphen.

// sweepProblem says what is wrong with a frame drawn width columns wide.
func sweepProblem(frame string, width int) string {
	for i, line := range strings.Split(frame, "\n") {
		if w := ansi.StringWidth(line); w > width {
			return fmt.Sprintf("line %d is %d columns wide", i+1, w)
		}
		text := strings.TrimLeft(line, " \u00a0│┃║▌")
		for _, p := range []string{":", ";", "?", "!", "»"} {
			if strings.HasPrefix(text, p) {
				return fmt.Sprintf("line %d starts with %q", i+1, p)
			}
		}
		end := strings.TrimRight(line, " \u00a0│┃║")
		if strings.HasSuffix(end, "«") {
			return fmt.Sprintf("line %d ends with «", i+1)
		}
		if strings.HasSuffix(end, "jusque-") || strings.HasSuffix(end, "jusque") {
			return fmt.Sprintf("line %d cuts « jusque-là »", i+1)
		}
	}
	return ""
}

// sweepWidths draws the current screen at every width from 60 to 120
// (30 lines high) and fails at the first frame that breaks a rule.
func (tm *testModel) sweepWidths(what string) {
	tm.t.Helper()
	for width := 60; width <= 120; width++ {
		tm.send(tea.WindowSizeMsg{Width: width, Height: 30})
		frame := tm.rawScreen()
		if p := sweepProblem(frame, width); p != "" {
			tm.t.Fatalf("%s at %d columns: %s:\n%s", what, width, p, frame)
		}
	}
	tm.send(tea.WindowSizeMsg{Width: 80, Height: 30})
}

// sweepVisits are the states swept, each reached from home by keys: the
// pages, their refusals (an empty form sent), the cases of « Problème de
// connexion » and their checks.
var sweepVisits = []struct {
	name string
	page screens.Page
	keys []string
}{
	{"home", screens.PageHome, nil},
	{"home refused", screens.PageHome, []string{"enter"}},
	{"activation", screens.PageActivation, nil},
	{"activation refused", screens.PageActivation, []string{"enter"}},
	{"activation unknown", screens.PageActivation, []string{"n", "o", "b", "o", "d", "y", "enter"}},
	{"activation early", screens.PageActivation, []string{"lea.dubois", "enter"}},
	{"activation code", screens.PageActivation, []string{"camille.martin", "enter"}},
	{"activation code wrong", screens.PageActivation, []string{"camille.martin", "enter", "12345678", "enter"}},
	{"activation by number", screens.PageActivation, []string{"tab", "enter"}},
	{"recovery", screens.PageRecovery, nil},
	{"recovery case 1", screens.PageRecovery, []string{"enter"}},
	{"recovery case 2", screens.PageRecovery, []string{"down", "enter"}},
	{"recovery case 2 sent", screens.PageRecovery, []string{"down", "enter", "hugo.lefevre", "enter"}},
	{"recovery case 3", screens.PageRecovery, []string{"down", "down", "enter"}},
	{"lookup", screens.PageLookup, nil},
	{"lookup refused", screens.PageLookup, []string{"enter"}},
	{"lookup jean-luc", screens.PageLookup, []string{"22107777", "tab", "16112003", "enter"}},
	{"lookup unknown", screens.PageLookup, []string{"22107778", "tab", "16112003", "enter"}},
	{"help", screens.PageHelp, nil},
	{"mailbox", screens.PageMailbox, nil},
}

func TestWrapSweepEveryScreen(t *testing.T) {
	t.Parallel()
	for _, lang := range []screens.Lang{screens.French, screens.English} {
		t.Run(string(lang), func(t *testing.T) {
			tm := newTestModel(t, func(o *Options) { o.Lang = lang })
			tm.clock.Advance(time.Hour) // every demo mail is due: the mailbox at its fullest
			seen := map[string]bool{}
			defer func() {
				// The sweep reaches the sentences that broke before.
				for _, want := range map[screens.Lang][]string{screens.French: {"jusque-là", "Code : "},
					screens.English: {"until then", "Code:"}}[lang] {
					if !seen[want] && !t.Failed() {
						t.Errorf("no frame showed %q", want)
					}
				}
			}()
			for _, v := range sweepVisits {
				tm.send(screens.NavigateMsg{})
				tm.send(screens.NavigateMsg{Page: v.page})
				tm.press(v.keys...)
				tm.sweepWidths(v.name)
				for _, want := range []string{"jusque-là", "Code : ", "until then", "Code:"} {
					seen[want] = seen[want] || strings.Contains(asRead(tm.screen()), want)
				}
				switch v.name {
				case "help":
					for range 14 { // every topic
						tm.press("tab")
						tm.sweepWidths("help " + tm.Screen().HelpTopic())
					}
				case "mailbox":
					for i := range 12 { // every mail
						tm.press("down")
						tm.sweepWidths(fmt.Sprintf("mail %d", i+1))
						for _, want := range []string{"Code : ", "Code:"} {
							seen[want] = seen[want] || strings.Contains(tm.screen(), want)
						}
					}
				case "recovery case 3":
					for i := range 8 { // every check of « je rencontre des problèmes »
						tm.send(screens.NavigateMsg{})
						tm.send(screens.NavigateMsg{Page: v.page})
						tm.press(v.keys...)
						for range i {
							tm.press("down")
						}
						tm.press("enter")
						tm.sweepWidths(fmt.Sprintf("recovery check %d", i+1))
						seen["jusque-là"] = seen["jusque-là"] || strings.Contains(tm.screen(), "jusque-là")
						seen["until then"] = seen["until then"] || strings.Contains(tm.screen(), "until then")
					}
				}
			}
		})
	}
}

// Logged in: the dashboard and its steps, and the helpdesk console with a
// person's card, its tabs and the audit log.
func TestWrapSweepLoggedIn(t *testing.T) {
	t.Parallel()
	people := []struct{ ident, password string }{
		{"hugo.lefevre", "Kiosque-Demo-2026"},
		{"ines.moreau@umontpellier.fr", "Helpdesk-Demo-2026"},
	}
	for _, lang := range []screens.Lang{screens.French, screens.English} {
		for _, who := range people {
			t.Run(string(lang)+"/"+who.ident, func(t *testing.T) {
				tm := newTestModel(t, func(o *Options) { o.Lang = lang })
				acct, err := tm.store.Login(t.Context(), who.ident, who.password, data.Origin{Client: "test"})
				if err != nil {
					t.Fatal(err)
				}
				tm.send(screens.LoginMsg{Account: acct})
				tm.sweepWidths("dashboard")
				for i := range 4 { // each step of the dashboard, sent empty
					tm.send(screens.NavigateMsg{Page: screens.PageDashboard})
					for range i {
						tm.press("right")
					}
					tm.press("enter")
					tm.sweepWidths(fmt.Sprintf("dashboard step %d", i+1))
					tm.press("enter")
					tm.sweepWidths(fmt.Sprintf("dashboard step %d refused", i+1))
					tm.press("esc")
				}
				if !acct.Helpdesk {
					return
				}
				for _, search := range []string{"lea", "paul", "jean-luc", "marie", "zzz"} {
					tm.send(screens.NavigateMsg{Page: screens.PageHelpdesk})
					tm.typeText(search)
					tm.press("enter")
					tm.sweepWidths("helpdesk search " + search)
					tm.press("enter")
					for i := range 5 { // the card's tabs
						tm.sweepWidths(fmt.Sprintf("helpdesk card %s tab %d", search, i))
						tm.press("tab")
					}
				}
			})
		}
	}
}
