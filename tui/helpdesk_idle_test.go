package tui

import (
	"strings"
	"testing"
	"time"
)

// An agent of the helpdesk on the phone keeps the console past the idle
// timeout of other people: 15 min by default, then wiped as any session;
// Aide tells the figure in force.
func TestHelpdeskIdleTimeout(t *testing.T) {
	t.Parallel()
	tm, timers, _ := newIdleModel(t, func(o *Options) { o.IdleTimeout = 2 * time.Minute })
	tm.hdLogin("ines.moreau", "Helpdesk-Demo-2026")
	tm.press("f1")
	for range 15 {
		if strings.Contains(tm.screen(), "› Borne et confidentialité") {
			break
		}
		tm.press("down")
	}
	tm.requireScreen("après 900 s sans toucher le clavier")
	tm.press("esc")
	tm.wall.Advance(3 * time.Minute)
	tm.fireIdle(timers)
	if tm.Common().Account == nil {
		t.Fatalf("the agent's session was wiped after 3 min:\n%s", tm.screen())
	}
	tm.wall.Advance(12*time.Minute + time.Second)
	for range 40 {
		if tm.Common().Account == nil {
			break
		}
		tm.fireIdle(timers)
		tm.wall.Advance(time.Second)
	}
	if tm.Common().Account != nil || strings.Contains(tm.screen(), "ines.moreau") {
		t.Fatalf("not wiped after 15 min:\n%s", tm.screen())
	}
}
