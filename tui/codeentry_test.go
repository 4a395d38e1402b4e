package tui

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"

	"entkiosk/data"
	"entkiosk/screens"
)

// Helpers shared by the flow tests (code entry, activation, recovery).

// tickRecorder replaces Options.Tick: timers never run by themselves, the
// test fires them when it has moved the clock.
type tickRecorder struct{ ticks []recordedTick }

type recordedTick struct {
	d  time.Duration
	fn func(time.Time) tea.Msg
}

func (r *tickRecorder) option(o *Options) {
	o.Tick = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		r.ticks = append(r.ticks, recordedTick{d, fn})
		return nil
	}
}

// screenTicks are the recorded timers of screens (the idle timer left out).
func (r *tickRecorder) screenTicks() []recordedTick {
	var out []recordedTick
	for _, t := range r.ticks {
		if _, idle := t.fn(time.Time{}).(idleTickMsg); !idle {
			out = append(out, t)
		}
	}
	return out
}

// fire delivers the screens' timers recorded so far, and forgets them all.
func (tm *testModel) fire(r *tickRecorder) {
	ticks := r.screenTicks()
	r.ticks = nil
	for _, t := range ticks {
		tm.send(t.fn(tm.clock.Now()))
	}
}

var codeLine = regexp.MustCompile(`(?m)^Code ?: (\d{8})$`)

// mailedCode reads the newest code mailed to address from the outbox.
func mailedCode(t testing.TB, s *data.Store, address string) string {
	t.Helper()
	mails, err := s.Outbox(context.Background(), data.OutboxFilter{To: address})
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

// codeMails counts the mails with a code sent to address.
func codeMails(t testing.TB, s *data.Store, address string) int {
	t.Helper()
	mails, err := s.Outbox(context.Background(), data.OutboxFilter{To: address})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range mails {
		if codeLine.MatchString(m.Body) {
			n++
		}
	}
	return n
}

// requireHidden fails if any secret is on the screen.
func (tm *testModel) requireHidden(secrets ...string) {
	tm.t.Helper()
	s := tm.screen()
	for _, x := range secrets {
		if x != "" && strings.Contains(s, x) {
			tm.t.Fatalf("secret %q visible:\n%s", x, s)
		}
	}
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

// namedTB renames a test for golden files: testdata/<Test>/<step>.golden.
type namedTB struct {
	testing.TB
	name string
}

func (n namedTB) Name() string { return n.name }

// goldenStep compares the frame with testdata/<Test>/<step>.golden, after
// making sure that none of secrets (codes, passwords) is on it.
func (tm *testModel) goldenStep(step string, secrets ...string) {
	tm.t.Helper()
	tm.requireHidden(secrets...)
	if h, max := lipgloss.Height(tm.Screen().View()), tm.c.BodyHeight(); h > max {
		tm.t.Fatalf("the body takes %d lines, more than the %d available:\n%s", h, max, tm.Screen().View())
	}
	golden.RequireEqual(namedTB{tm.t, tm.t.Name() + "/" + step}, []byte(tm.screen()))
}

var tokenLine = regexp.MustCompile(`ssh://([a-z2-7]{32})@`)

// mailedToken reads the link token of the newest code mailed to address.
func mailedToken(t testing.TB, s *data.Store, address string) string {
	t.Helper()
	mails, err := s.Outbox(context.Background(), data.OutboxFilter{To: address})
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

// codeHost is a bare page around a CodeEntry, as the dashboard embeds it.
type codeHost struct {
	entry  *screens.CodeEntry
	ticket *data.Ticket
}

func (h *codeHost) Init() tea.Cmd       { return h.entry.Init() }
func (h *codeHost) View() string        { return h.entry.View() }
func (h *codeHost) Keys() []key.Binding { return h.entry.Keys() }
func (h *codeHost) HelpTopic() string   { return "home" }
func (h *codeHost) Update(msg tea.Msg) (screens.Screen, tea.Cmd) {
	ev, cmd := h.entry.Update(msg)
	if ev.Ticket != nil {
		h.ticket = ev.Ticket
	}
	return h, cmd
}

// newCodeHost opens a CodeEntry on Hugo's lost-password challenge.
func newCodeHost(t *testing.T, adjust ...func(*Options)) (*testModel, *codeHost) {
	tm := newTestModel(t, adjust...)
	ch, err := tm.store.StartReset(context.Background(), "hugo.lefevre", tm.c.Origin())
	if err != nil {
		t.Fatal(err)
	}
	h := &codeHost{entry: screens.NewCodeEntry(tm.c, ch)}
	tm.stack = append(tm.stack, tm.Model.screen)
	tm.Model.screen = h
	tm.settle(h.Init())
	return tm, h
}

const hugoMail = "hugo.lefevre@example.org"

func TestCodeEntryRightCode(t *testing.T) {
	t.Parallel()
	var ticks tickRecorder
	tm, h := newCodeHost(t, ticks.option)
	tm.requireScreen("Un code a été envoyé à hu•••••e@ex•••••e.org", "valable jusqu'au 26/11/2026 à 09:59",
		"Code reçu par mail (8 chiffres)", "Renvoyer le code : possible à 10:01")
	tm.requireGolden()
	// One refresh, at the end of the cooldown: no ticking every second.
	if st := ticks.screenTicks(); len(st) != 1 || st[0].d != data.ResendCooldown {
		t.Fatalf("resend refresh timers: %+v", st)
	}

	code := mailedCode(t, tm.store, hugoMail)
	// Typed as printed, with a space: the space is ignored, nothing shows.
	tm.typeText(code[:4] + " " + code[4:])
	if v := tm.field("Code reçu par mail (8 chiffres)"); v != "••••••••" {
		t.Fatalf("field shows %q", v)
	}
	tm.requireHidden(code, code[:4], code[4:])
	tm.press("enter")
	if h.ticket == nil || h.ticket.Purpose != data.PurposeReset || h.ticket.Identifiant != "hugo.lefevre@etu.umontpellier.fr" {
		t.Fatalf("no reset ticket: %+v\n%s", h.ticket, tm.screen())
	}
	tm.requireHidden(code)
}

func TestCodeEntryShortAndWrongCodes(t *testing.T) {
	t.Parallel()
	tm, h := newCodeHost(t)
	code := mailedCode(t, tm.store, hugoMail)
	tm.typeText("1234")
	tm.press("enter")
	tm.requireScreen("Le code comporte 8 chiffres (4 saisis).")
	tm.press("f2") // said again in English
	tm.requireScreen("The code has 8 digits (4 typed).")
	tm.press("f2")
	tm.requireScreen("Le code comporte 8 chiffres (4 saisis).")
	// A short code is a typo: not counted. Five wrong codes then revoke it.
	tm.press("backspace", "backspace", "backspace", "backspace")
	for _, left := range []string{"4 essais.", "3 essais.", "2 essais.", "1 essai."} {
		tm.typeText(wrongCode(code))
		tm.press("enter")
		tm.requireScreen("Code incorrect. Il vous reste " + left)
		tm.requireScreen("Le code est valable jusqu'au 26/11/2026 à 09:59.") // a wrong code leaves the code valid
		tm.requireHidden(wrongCode(code))
		if v := tm.field("Code reçu par mail (8 chiffres)"); v != "" {
			t.Fatalf("the field is not empty after a refusal: %q", v)
		}
	}
	tm.typeText(wrongCode(code))
	tm.press("enter")
	tm.requireScreen("Ce code n'est plus valable : demandez-en un nouveau.", "Recevoir un nouveau code : possible à 10:01")
	if s := tm.screen(); strings.Contains(s, "Code reçu par mail") || strings.Contains(s, "valable jusqu'au") {
		t.Fatalf("the field or the validity stays after the code was revoked:\n%s", s)
	}
	// Nothing to press until then: the help line offers only what works.
	if s := tm.screen(); strings.Contains(s, "Entrée") || strings.Contains(s, "Tab suivant") {
		t.Fatalf("the help line offers keys that do nothing:\n%s", s)
	}
	tm.requireGolden()

	// After the cooldown, a new code; the revoked one never comes back.
	tm.clock.Advance(data.ResendCooldown)
	tm.press("tab")
	tm.requireScreen("› Recevoir un nouveau code", "Entrée nouveau code")
	tm.press("enter")
	tm.requireScreen("Un nouveau code a été envoyé ; le précédent ne fonctionne plus.",
		"Le code est valable jusqu'au 26/11/2026 à 10:00.")
	fresh := mailedCode(t, tm.store, hugoMail)
	tm.typeText(fresh)
	tm.press("enter")
	if h.ticket == nil {
		t.Fatalf("the new code was refused:\n%s", tm.screen())
	}
}

func TestCodeEntryResendAfterCooldown(t *testing.T) {
	t.Parallel()
	var ticks tickRecorder
	tm, h := newCodeHost(t, ticks.option)
	old := mailedCode(t, tm.store, hugoMail)
	if strings.Contains(tm.screen(), "› Renvoyer le code") || strings.Contains(tm.screen(), "  Renvoyer le code\n") {
		t.Fatalf("resend offered during the cooldown:\n%s", tm.screen())
	}
	tm.clock.Advance(data.ResendCooldown)
	tm.fire(&ticks)
	tm.requireScreen("  Renvoyer le code")
	if strings.Contains(tm.screen(), "possible à") {
		t.Fatalf("still says from when:\n%s", tm.screen())
	}
	tm.press("tab", "tab", "enter")
	tm.requireScreen("Un nouveau code a été envoyé", "Renvoyer le code : possible à 10:02")
	if n := codeMails(t, tm.store, hugoMail); n != 2 {
		t.Fatalf("%d code mails, want 2", n)
	}
	if st := ticks.screenTicks(); len(st) != 1 || st[0].d != data.ResendCooldown {
		t.Fatalf("resend refresh timers after a resend: %+v", st)
	}
	// The old code stopped working; the new one works.
	tm.typeText(old)
	tm.press("enter")
	// A replaced code says so; the field stays, for the newest code.
	tm.requireSaid("Ce code vient d'un mail précédent, remplacé par celui parti à 10:01 vers hu•••••e@ex•••••e.org : " +
		"saisissez le code du dernier mail.")
	tm.requireScreen("› Code reçu par mail (8 chiffres)",
		"Le code est valable jusqu'au 26/11/2026 à 10:00.")
	if v := tm.field("Code reçu par mail (8 chiffres)"); v != "" {
		t.Fatalf("the replaced code stays in the field: %q", v)
	}
	tm.typeText(mailedCode(t, tm.store, hugoMail))
	tm.press("enter")
	if h.ticket == nil {
		t.Fatalf("the new code was refused:\n%s", tm.screen())
	}
}

func TestCodeEntryExpired(t *testing.T) {
	t.Parallel()
	tm, h := newCodeHost(t)
	code := mailedCode(t, tm.store, hugoMail)
	tm.clock.Advance(data.CodeLifetime)
	tm.typeText(code)
	tm.press("enter")
	tm.requireScreen("Ce code a expiré (24 h). Demandez-en un nouveau.", "› Recevoir un nouveau code")
	if strings.Contains(tm.screen(), "valable jusqu'au") {
		t.Fatalf("an expired code still says until when it works:\n%s", tm.screen())
	}
	tm.requireHidden(code)
	tm.press("enter")
	tm.requireScreen("Un nouveau code a été envoyé", "jusqu'au 27/11/2026 à 09:59")
	tm.typeText(mailedCode(t, tm.store, hugoMail))
	tm.press("enter")
	if h.ticket == nil {
		t.Fatalf("the new code was refused:\n%s", tm.screen())
	}
}

// Only digits reach the field; a pasted code with its Enter is checked.
func TestCodeEntryLettersAndPaste(t *testing.T) {
	t.Parallel()
	tm, h := newCodeHost(t)
	code := mailedCode(t, tm.store, hugoMail)
	tm.typeText("abc- ")
	if v := tm.field("Code reçu par mail (8 chiffres)"); v != "" {
		t.Fatalf("letters reached the code field: %q", v)
	}
	tm.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(code[:4] + " " + code[4:] + "\r"), Paste: true})
	if h.ticket == nil {
		t.Fatalf("a pasted code with Enter was not checked:\n%s", tm.screen())
	}
}

// The third code mail in an hour: "Renvoyer le code" waits for the hourly
// limit and says so; the store's refusal says the same, not "a code was
// just sent".
func TestCodeEntryHourlyLimit(t *testing.T) {
	t.Parallel()
	var ticks tickRecorder
	tm, _ := newCodeHost(t, ticks.option)
	for i := 0; i < 2; i++ {
		tm.clock.Advance(data.ResendCooldown)
		tm.fire(&ticks)
		tm.press("tab", "tab", "enter")
		tm.requireScreen("Un nouveau code a été envoyé")
	}
	// Mails at 10:00, 10:01, 10:02: the next one at 11:00.
	tm.requireScreen("Renvoyer le code : possible à 11:00 (3 codes par heure au plus)")
	tm.requireGolden()
	if st := ticks.screenTicks(); len(st) != 1 || st[0].d != 58*time.Minute {
		t.Fatalf("resend refresh timers: %+v", st)
	}
	limit := &data.RateLimitError{What: "mail", Until: tm.clock.Now().Add(58 * time.Minute)}
	if got, want := asRead(tm.c.ErrorText(limit)), "3 codes par heure au plus : prochain envoi possible à 11:00."; got != want {
		t.Fatalf("hourly limit: %q, want %q", got, want)
	}
	cooldown := &data.RateLimitError{What: "mail", Until: tm.clock.Now().Add(data.ResendCooldown)}
	if got, want := tm.c.ErrorText(cooldown), "Un code vient d'être envoyé. Nouvel envoi possible à 10:03."; got != want {
		t.Fatalf("cooldown: %q, want %q", got, want)
	}
	tm.send(keyMsg("f2"))
	tm.requireScreen("Send the code again: possible at 11:00 (3 codes an hour at most)")
	if got, want := tm.c.ErrorText(limit), "3 codes an hour at most: next one possible at 11:00."; got != want {
		t.Fatalf("hourly limit in English: %q, want %q", got, want)
	}
	// At 11:00 the refresh offers it again.
	tm.clock.Set(time.Date(2026, 11, 25, 11, 0, 0, 0, data.ParisLocation()))
	tm.fire(&ticks)
	tm.requireScreen("  Send the code again")
}

// A "from" time is rounded up to the minute: a code sent at 10:00:20 can
// be sent again from 10:01:20, said "10:02" (at 10:01 it is refused).
// Enter while nothing can be done yet says from when, not nothing.
func TestCodeEntryFromTimeRoundsUp(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.clock.Advance(20 * time.Second)
	ch, err := tm.store.StartReset(context.Background(), "hugo.lefevre", tm.c.Origin())
	if err != nil {
		t.Fatal(err)
	}
	h := &codeHost{entry: screens.NewCodeEntry(tm.c, ch)}
	tm.stack = append(tm.stack, tm.Model.screen)
	tm.Model.screen = h
	tm.settle(h.Init())
	tm.requireScreen("Renvoyer le code : possible à 10:02")
	code := mailedCode(t, tm.store, hugoMail)
	for range data.CodeMaxFailures {
		tm.typeText(wrongCode(code))
		tm.press("enter")
	}
	tm.requireScreen("Ce code n'est plus valable", "Recevoir un nouveau code : possible à 10:02")
	tm.press("enter")
	tm.requireTextNB("✗ Pas encore : possible à partir de 10:02 (dans 2 min).")
	tm.requireGolden()
	tm.clock.Advance(50 * time.Second) // 10:01:10
	tm.press("enter")
	tm.requireTextNB("✗ Pas encore : possible à partir de 10:02 (dans 1 min).")
	tm.clock.Advance(10 * time.Second) // 10:01:20: possible
	tm.press("enter")
	tm.requireScreen("Un nouveau code a été envoyé ; le précédent ne fonctionne plus.")
	if strings.Contains(tm.screen(), "Pas encore") {
		t.Fatalf("the wait is still said:\n%s", tm.screen())
	}
	if h.ticket != nil {
		t.Fatal("a ticket without a right code")
	}
}

// Every "possible à / réessayez à" of the store's limits is rounded up.
func TestErrorTextFromTimesRoundUp(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	until := testNow.Add(90 * time.Second) // 10:01:30
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&data.RateLimitError{What: "client", Until: until}, "Réessayez à 10:02."},
		{&data.RateLimitError{What: "mail", Until: testNow.Add(50 * time.Second)}, "Nouvel envoi possible à 10:01."},
		{&data.RateLimitError{What: "mail", Until: testNow.Add(30*time.Minute + time.Second)}, "possible à 10:31."},
		{&data.RateLimitError{What: "lookup", Until: testNow.Add(14*time.Hour - 30*time.Second)}, "le 26/11/2026 à 00:00."},
		{&data.TooEarlyError{AllowedFrom: until}, "à partir de 10:02 (dans 2 min)"},
	} {
		if got := strings.ReplaceAll(tm.c.ErrorText(tc.err), "\u00a0", " "); !strings.Contains(got, tc.want) {
			t.Errorf("%v: %q, want %q in it", tc.err, got, tc.want)
		}
	}
}

// A code used elsewhere (the mail's link, another terminal) lifts the wait
// after its mail: the rules allow a new code at once, and the step offers it
// at once rather than "possible à …".
func TestCodeEntryUsedElsewhereOffersANewCodeAtOnce(t *testing.T) {
	t.Parallel()
	tm, h := newCodeHost(t)
	code := mailedCode(t, tm.store, hugoMail)
	o := data.Origin{Client: "elsewhere", Lang: "fr"}
	ticket, err := tm.store.VerifyCode(context.Background(), h.entry.Challenge(), code, o)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tm.store.CompleteReset(context.Background(), ticket, "Tramway-Ocre-Lune-42", o); err != nil {
		t.Fatal(err)
	}
	tm.typeText(code)
	tm.press("enter")
	tm.requireScreen("Ce code n'est plus valable", "Recevoir un nouveau code")
	if strings.Contains(tm.screen(), "possible à") {
		t.Fatalf("a wait is still announced:\n%s", tm.screen())
	}
	tm.press("enter")
	tm.requireScreen("Un nouveau code")
}
