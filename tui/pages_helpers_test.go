package tui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"entkiosk/data"
)

// Helpers of the tui tests that read screens and mails.

// requireWidth fails if a line of the frame is wider than w cells.
func (tm *testModel) requireWidth(w int) {
	tm.t.Helper()
	for i, line := range strings.Split(tm.screen(), "\n") {
		if n := ansi.StringWidth(line); n > w {
			tm.t.Fatalf("line %d is %d cells wide:\n%s", i+1, n, tm.screen())
		}
	}
}

// pagesGolden compares the frame with testdata/<TestName>/<name>.golden, for
// tests that keep more than one screen.
func (tm *testModel) pagesGolden(name string) {
	tm.t.Helper()
	goldenScreen(tm.t, name, tm.rawScreen())
}

func goldenScreen(t testing.TB, name, s string) {
	t.Helper()
	tt, ok := t.(*testing.T)
	if !ok {
		t.Fatal("golden screens need a *testing.T")
	}
	tt.Run(name, func(st *testing.T) { golden.RequireEqual(st, []byte(s)) })
}

var outboxCodeLine = regexp.MustCompile(`(?m)^Code ?: ?([0-9]{8})$`)

// outboxCode is the code of the newest mail to address.
func outboxCode(t testing.TB, s *data.Store, address string) string {
	t.Helper()
	mails, err := s.Outbox(t.Context(), data.OutboxFilter{To: address, Limit: 1})
	if err != nil || len(mails) == 0 {
		t.Fatalf("no mail to %s (%v)", address, err)
	}
	m := outboxCodeLine.FindStringSubmatch(mails[0].Body)
	if m == nil {
		t.Fatalf("no code in the mail to %s:\n%s", address, mails[0].Body)
	}
	return m[1]
}

// pagesMailsTo counts the mails of a kind to address.
func pagesMailsTo(t testing.TB, s *data.Store, address string, kind data.MailKind) int {
	t.Helper()
	mails, err := s.Outbox(t.Context(), data.OutboxFilter{To: address})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range mails {
		if m.Kind == kind {
			n++
		}
	}
	return n
}

// requireNoSecret fails if any of secrets shows on the frame.
func (tm *testModel) requireNoSecret(secrets ...string) {
	tm.t.Helper()
	s := tm.screen()
	for _, secret := range secrets {
		if secret != "" && strings.Contains(s, secret) {
			tm.t.Fatalf("%q shows in clear:\n%s", secret, s)
		}
	}
}

// pagesLogin logs in from the home screen.
func (tm *testModel) pagesLogin(identifiant, password string) {
	tm.typeText(identifiant)
	tm.press("enter")
	tm.typeText(password)
	tm.press("enter")
}

// requireTextNB is requireScreen for texts with French spacing: the screen's
// no-break spaces (before « : », inside « ») match plain ones.
func (tm *testModel) requireTextNB(want ...string) {
	tm.t.Helper()
	s := strings.ReplaceAll(tm.screen(), "\u00a0", " ")
	for _, w := range want {
		if !strings.Contains(s, w) {
			tm.t.Fatalf("screen lacks %q:\n%s", w, tm.screen())
		}
	}
}

var codeLine = regexp.MustCompile(`(?m)^Code ?: (\d{8})$`)

// mailedCode reads the newest code mailed to address from the outbox.
func mailedCode(t testing.TB, s *data.Store, address string) string {
	t.Helper()
	mails, err := s.Outbox(t.Context(), data.OutboxFilter{To: address})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mails {
		if sub := codeLine.FindStringSubmatch(m.Body); sub != nil {
			return sub[1]
		}
	}
	t.Fatalf("no code mailed to %s", address)
	return ""
}

// field is what the input under label shows (its line after the label).
func (tm *testModel) field(label string) string {
	tm.t.Helper()
	lines := strings.Split(tm.screen(), "\n")
	for i, l := range lines {
		if strings.HasSuffix(strings.TrimSpace(l), label) && i+1 < len(lines) {
			v := strings.TrimSpace(lines[i+1])
			v = strings.TrimPrefix(v, "┃")
			return strings.TrimSpace(v)
		}
	}
	tm.t.Fatalf("no field %q:\n%s", label, tm.screen())
	return ""
}

const hugoMail = "hugo.lefevre@example.org"
