package screens

import (
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"

	"entkiosk/data"
)

// Helpers of the step-by-step flows (activation, recovery, code entry).

// tickRecorder replaces Common.Tick: timers never run by themselves, the
// test fires them when it has moved the clock.
type tickRecorder struct{ ticks []recordedTick }

type recordedTick struct {
	d  time.Duration
	fn func(time.Time) tea.Msg
}

func (r *tickRecorder) option(c *Common) {
	c.Tick = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		r.ticks = append(r.ticks, recordedTick{d, fn})
		return nil
	}
}

// fire delivers the timers recorded so far, and forgets them all.
func (f *screenFlow) fire(r *tickRecorder) {
	ticks := r.ticks
	r.ticks = nil
	for _, t := range ticks {
		f.send(t.fn(f.clock.Now()))
	}
}

var codeMailLine = regexp.MustCompile(`(?m)^Code ?: (\d{8})$`)

// codeMails counts the mails with a code sent to address.
func codeMails(t testing.TB, s *data.Store, address string) int {
	t.Helper()
	mails, err := s.Outbox(t.Context(), data.OutboxFilter{To: address})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range mails {
		if codeMailLine.MatchString(m.Body) {
			n++
		}
	}
	return n
}

var tokenLine = regexp.MustCompile(`ssh://([a-z2-7]{32})@`)

// mailedToken reads the link token of the newest code mailed to address.
func mailedToken(t testing.TB, s *data.Store, address string) string {
	t.Helper()
	mails, err := s.Outbox(t.Context(), data.OutboxFilter{To: address})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mails {
		if sub := tokenLine.FindStringSubmatch(m.Body); sub != nil {
			return sub[1]
		}
	}
	t.Fatalf("no link mailed to %s", address)
	return ""
}

// wrongCode is a code that is not code.
func wrongCode(code string) string {
	if code == "11111111" {
		return "22222222"
	}
	return "11111111"
}

// requireHidden fails if any secret is on the screen.
func (f *screenFlow) requireHidden(secrets ...string) {
	f.t.Helper()
	s := f.text()
	for _, x := range secrets {
		if x != "" && strings.Contains(s, x) {
			f.t.Fatalf("secret %q visible:\n%s", x, s)
		}
	}
}

// requireSaid fails unless the screen says sentence, however it wraps.
func (f *screenFlow) requireSaid(sentence string) {
	f.t.Helper()
	said := strings.Join(strings.Fields(f.text()), " ")
	if !strings.Contains(said, sentence) {
		f.t.Fatalf("screen does not say %q:\n%s", sentence, f.text())
	}
}

// requireClean fails on a missing catalogue key or a bad format.
func (f *screenFlow) requireClean() {
	f.t.Helper()
	if s := f.text(); strings.Contains(s, "⟦") || strings.Contains(s, "%!") {
		f.t.Fatalf("missing text or bad format:\n%s", s)
	}
}

// field is what the input under label shows (its line after the label).
func (f *screenFlow) field(label string) string {
	f.t.Helper()
	lines := strings.Split(f.text(), "\n")
	for i, l := range lines {
		if strings.HasSuffix(strings.TrimSpace(l), label) && i+1 < len(lines) {
			v := strings.TrimSpace(lines[i+1])
			v = strings.TrimPrefix(v, "┃")
			return strings.TrimSpace(v)
		}
	}
	f.t.Fatalf("no field %q:\n%s", label, f.text())
	return ""
}

// namedTB renames a test for golden files: testdata/<Test>/<step>.golden.
type namedTB struct {
	testing.TB
	name string
}

func (n namedTB) Name() string { return n.name }

// goldenStep compares the body with testdata/<Test>/<step>.golden, after
// making sure that none of secrets (codes, passwords) is on it and that it
// fits the room the frame leaves.
func (f *screenFlow) goldenStep(step string, secrets ...string) {
	f.t.Helper()
	f.requireHidden(secrets...)
	f.requireWidth(f.c.Width)
	if h, max := lipgloss.Height(f.screen.View()), f.c.BodyHeight(); h > max {
		f.t.Fatalf("the body takes %d lines, more than the %d available:\n%s", h, max, f.body())
	}
	golden.RequireEqual(namedTB{f.t, f.t.Name() + "/" + step}, []byte(f.body()))
}

// askedPage fails unless the last thing asked of the shell is to open
// page, and returns the request.
func (f *screenFlow) askedPage(page Page) NavigateMsg {
	f.t.Helper()
	nav, ok := f.lastAsked().(NavigateMsg)
	if !ok || nav.Page != page {
		f.t.Fatalf("asked %#v, not page %v:\n%s", f.lastAsked(), page, f.text())
	}
	return nav
}
