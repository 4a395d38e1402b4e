package tui

import (
	"fmt"
	"regexp"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
	"entkiosk/screens"
)

func TestZZScratch(t *testing.T) {
	tm := newTestModel(t)
	tm.send(tea.WindowSizeMsg{Width: 120, Height: 60})
	acct, _ := tm.store.Login(t.Context(), "ines.moreau@umontpellier.fr", "Helpdesk-Demo-2026", data.Origin{Client: "test"})
	tm.send(screens.LoginMsg{Account: acct})
	nested := regexp.MustCompile(`\([^)]*\(`)
	for _, search := range []string{"lea", "paul", "jean-luc", "marie", "camille", "hugo", "ines"} {
		tm.send(screens.NavigateMsg{Page: screens.PageHelpdesk})
		tm.typeText(search)
		tm.press("enter", "enter")
		for i := range 5 {
			s := tm.screen()
			if i == 0 || nested.MatchString(s) {
				fmt.Println("=====", search, i)
				fmt.Println(s)
			}
			tm.press("tab")
		}
	}
}
