package tui

import (
	"strings"
	"testing"
	"time"

	"entkiosk/data"
	"entkiosk/screens"
)

// Issue 12.6: one rule for every time shown. A reset code asked at 10:00:00
// works until 10:00:00 the next day: its last minute is 09:59, and the
// code step, the mail and the helpdesk walk-through all say 09:59; asked at
// 10:00:30, all say 10:00. "Renvoyer le code : possible à" is the first
// minute it is possible: 10:01 after a mail at 10:00:00, 10:02 after one at
// 10:00:30.
func TestTimesAgreeEverywhere(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		at            time.Time
		until, resend string
	}{{testNow, "26/11/2026 à 09:59", "10:01"}, {testNow.Add(30 * time.Second), "26/11/2026 à 10:00", "10:02"}} {
		tm := newTestModelAt(t, c.at)
		tm.openRecovery(screens.NavigateMsg{})
		tm.press("tab", "enter")
		tm.typeText("hugo.lefevre")
		tm.press("enter")
		tm.requireSaid("Le code est valable jusqu'au " + c.until + ".")
		tm.requireSaid("Renvoyer le code : possible à " + c.resend)
		body := ""
		if mails, err := tm.store.Outbox(t.Context(), data.OutboxFilter{To: hugoMail}); err == nil && len(mails) > 0 {
			body = strings.Join(strings.Fields(mails[0].Body), " ")
		}
		if !strings.Contains(body, "valable jusqu'au jeudi 26 novembre 2026 à "+c.until[len(c.until)-5:]) {
			t.Fatalf("code asked at %s: the mail says\n%s", c.at.Format(time.TimeOnly), body)
		}
		// The helpdesk's walk-through of the same code.
		hd := newTestModel(t, func(o *Options) { o.Store = tm.store })
		hd.store, hd.clock = tm.store, tm.clock
		hd.hdLogin("ines.moreau", "Helpdesk-Demo-2026")
		hd.dashAction("Console assistance")
		hd.hdOpen("hugo lefevre")
		hd.press("3")
		hd.requireSaid("valable jusqu'au " + c.until)
	}
}
