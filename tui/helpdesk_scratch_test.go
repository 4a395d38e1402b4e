package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"entkiosk/screens"
)

func show(tm *testModel, title string) {
	fmt.Println("=====", title)
	for _, l := range strings.Split(tm.screen(), "\n") {
		fmt.Println(strings.TrimRight(ansi.Truncate(l, 80, ""), " "))
	}
}

func TestScratchHelpdesk(t *testing.T) {
	tm := newTestModel(t)
	tm.typeText("ines.moreau")
	tm.press("enter")
	tm.typeText("Helpdesk-Demo-2026")
	tm.press("enter")
	tm.send(screens.NavigateMsg{Page: screens.PageHelpdesk})
	tm.typeText("martin")
	tm.press("enter", "enter")
	tm.press("enter")
	show(tm, "confirm resend")
	tm.press("enter")
	show(tm, "refused: cooldown")
	tm.clock.Advance(61e9)
	tm.press("enter")
	show(tm, "sent")
	tm.press("2")
	show(tm, "history")
	tm.press("3")
	show(tm, "walk")
	tm.press("1", "down", "enter")
	show(tm, "correct")
	tm.typeText("camille.new@example.net")
	tm.press("enter", "space", "tab", "enter")
	show(tm, "corrected")
	tm.press("esc", "tab", "enter")
	show(tm, "audit")
	tm.press("tab", "right", "right")
	show(tm, "audit LOGIN_ERROR")
	tm.press("f2")
	show(tm, "EN")
}
