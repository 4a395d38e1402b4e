package tui

import (
	"strings"
	"testing"

	"entkiosk/data"
)

// The helpdesk reads a used code's mail as the mailbox does (screens'
// TestMailboxSaysACodeWasUsed): the reset code's mail was held back
// because its code was used, not lost.
func TestHelpdeskSaysAUsedCodesMailWasHeldBack(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	resetHugoByMail(t, tm)
	tm.hdOpen("hugo lefevre")
	tm.press("2")
	tm.requireSaid("code lu dans la boîte d'envoi et utilisé")
	if strings.Contains(tm.screen(), "annulé avant de partir") {
		t.Fatalf("a used code's mail is called cancelled:\n%s", tm.screen())
	}
}

// resetHugoByMail resets Hugo's password elsewhere with the code read from
// his mail: the code is used, its mail held back.
func resetHugoByMail(t *testing.T, tm *testModel) {
	t.Helper()
	o := data.Origin{Client: "elsewhere", Lang: "fr"}
	ch, err := tm.store.StartReset(t.Context(), "hugo.lefevre", o)
	if err != nil {
		t.Fatal(err)
	}
	ticket, err := tm.store.VerifyCode(t.Context(), ch, mailedCode(t, tm.store, hugoMail), o)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tm.store.CompleteReset(t.Context(), ticket, "Tramway-Ocre-Lune-42", o); err != nil {
		t.Fatal(err)
	}
}
