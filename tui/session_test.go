package tui

import (
	"strings"
	"testing"

	"entkiosk/screens"
)

// What the remote sessions' servers get from the shell (session.go).

func TestStatusLine(t *testing.T) {
	t.Parallel()
	if got := statusLine("a\nb\nstatus\nhelp", "closing"); got != "a\nb\nclosing\nhelp" {
		t.Fatalf("%q", got)
	}
}

// The link notices fit in the home screen at 80×24, in both languages.
func TestSSHNoticesFit(t *testing.T) {
	t.Parallel()
	for _, lang := range []screens.Lang{screens.French, screens.English} {
		for _, key := range []string{"ssh.token.bad", "ssh.token.expired", "ssh.token.expired.activation", "ssh.token.expired.reset", "ssh.token.used", "ssh.token.reset.used", "ssh.token.error",
			"ssh.token.active"} {
			notice := Text(lang, key)
			tm := newTestModel(t, func(o *Options) { o.Lang = lang; o.Start = screens.NavigateMsg{Notice: key} })
			for _, line := range strings.Split(notice, "\n") {
				tm.requireScreen(line)
			}
		}
	}
}

func TestClampWindow(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ w, h, ww, wh int }{{80, 24, 80, 24}, {0, 0, 80, 24}, {10000, 10000, maxWidth, maxHeight}, {30, 5, 30, 5}} {
		if w, h := ClampWindow(c.w, c.h); w != c.ww || h != c.wh {
			t.Errorf("ClampWindow(%d, %d) = %d × %d", c.w, c.h, w, h)
		}
	}
}
