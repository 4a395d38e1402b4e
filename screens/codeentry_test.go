package screens

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/data"
)

// codeHost is a bare page around a CodeEntry, as the dashboard embeds it.
type codeHost struct {
	entry  *CodeEntry
	ticket *data.Ticket
}

func (h *codeHost) Init() tea.Cmd       { return h.entry.Init() }
func (h *codeHost) View() string        { return h.entry.View() }
func (h *codeHost) Keys() []key.Binding { return h.entry.Keys() }
func (h *codeHost) HelpTopic() string   { return "home" }
func (h *codeHost) Update(msg tea.Msg) (Screen, tea.Cmd) {
	ev, cmd := h.entry.Update(msg)
	if ev.Ticket != nil {
		h.ticket = ev.Ticket
	}
	return h, cmd
}

// newCodeHost opens a CodeEntry on Hugo's lost-password challenge.
func newCodeHost(t *testing.T, adjust ...func(*Common)) (*screenFlow, *codeHost) {
	t.Helper()
	tm := newFlow(t, PageHome, adjust...)
	return tm, tm.hostCode()
}

// hostCode starts Hugo's lost password and shows its code entry.
func (tm *screenFlow) hostCode() *codeHost {
	tm.t.Helper()
	ch, err := tm.store.StartReset(context.Background(), "hugo.lefevre", tm.c.Origin())
	if err != nil {
		tm.t.Fatal(err)
	}
	h := &codeHost{entry: NewCodeEntry(tm.c, ch)}
	tm.screen = h
	tm.settle(h.Init())
	return h
}

// keysSaid is what the help line says of the screen's own keys.
func (tm *screenFlow) keysSaid() string {
	return help.New().ShortHelpView(tm.screen.Keys())
}

func TestCodeEntryRightCode(t *testing.T) {
	t.Parallel()
	var ticks tickRecorder
	tm, h := newCodeHost(t, ticks.option)
	tm.require("Un code a été envoyé à hu•••••e@ex•••••e.org", "valable jusqu'au 26/11/2026 à 09:59",
		"Code reçu par mail (8 chiffres)", "Renvoyer le code : possible à 10:01")
	tm.requireGolden()
	// One refresh, at the end of the cooldown: no ticking every second.
	if st := ticks.ticks; len(st) != 1 || st[0].d != data.ResendCooldown {
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
		t.Fatalf("no reset ticket: %+v\n%s", h.ticket, tm.text())
	}
	tm.requireHidden(code)
}

func TestCodeEntryShortAndWrongCodes(t *testing.T) {
	t.Parallel()
	tm, h := newCodeHost(t)
	code := mailedCode(t, tm.store, hugoMail)
	tm.typeText("1234")
	tm.press("enter")
	tm.require("Le code comporte 8 chiffres (4 saisis).")
	tm.c.Lang = English // F2, the shell's key: said again in English
	tm.require("The code has 8 digits (4 typed).")
	tm.c.Lang = French
	tm.require("Le code comporte 8 chiffres (4 saisis).")
	// A short code is a typo: not counted. Five wrong codes then revoke it.
	tm.press("backspace", "backspace", "backspace", "backspace")
	for _, left := range []string{"4 essais.", "3 essais.", "2 essais.", "1 essai."} {
		tm.typeText(wrongCode(code))
		tm.press("enter")
		tm.require("Code incorrect. Il vous reste " + left)
		tm.require("Le code est valable jusqu'au 26/11/2026 à 09:59.") // a wrong code leaves the code valid
		tm.requireHidden(wrongCode(code))
		if v := tm.field("Code reçu par mail (8 chiffres)"); v != "" {
			t.Fatalf("the field is not empty after a refusal: %q", v)
		}
	}
	tm.typeText(wrongCode(code))
	tm.press("enter")
	tm.require("Ce code n'est plus valable : demandez-en un nouveau.", "Recevoir un nouveau code : possible à 10:01")
	if s := tm.text(); strings.Contains(s, "Code reçu par mail") || strings.Contains(s, "valable jusqu'au") {
		t.Fatalf("the field or the validity stays after the code was revoked:\n%s", s)
	}
	// Nothing to press until then: the help line offers only what works.
	if s := tm.keysSaid(); strings.Contains(s, "Entrée") || strings.Contains(s, "Tab suivant") {
		t.Fatalf("the help line offers keys that do nothing: %s", s)
	}
	tm.requireGolden()

	// After the cooldown, a new code; the revoked one never comes back.
	tm.clock.Advance(data.ResendCooldown)
	tm.press("tab")
	tm.require("› Recevoir un nouveau code")
	if s := tm.keysSaid(); !strings.Contains(s, "Entrée nouveau code") {
		t.Fatalf("the help line does not offer the new code: %s", s)
	}
	tm.press("enter")
	tm.require("Un nouveau code a été envoyé ; le précédent ne fonctionne plus.",
		"Le code est valable jusqu'au 26/11/2026 à 10:00.")
	fresh := mailedCode(t, tm.store, hugoMail)
	tm.typeText(fresh)
	tm.press("enter")
	if h.ticket == nil {
		t.Fatalf("the new code was refused:\n%s", tm.text())
	}
}

func TestCodeEntryResendAfterCooldown(t *testing.T) {
	t.Parallel()
	var ticks tickRecorder
	tm, h := newCodeHost(t, ticks.option)
	old := mailedCode(t, tm.store, hugoMail)
	if strings.Contains(tm.text(), "› Renvoyer le code") || strings.Contains(tm.text(), "  Renvoyer le code\n") {
		t.Fatalf("resend offered during the cooldown:\n%s", tm.text())
	}
	tm.clock.Advance(data.ResendCooldown)
	tm.fire(&ticks)
	tm.require("  Renvoyer le code")
	if strings.Contains(tm.text(), "possible à") {
		t.Fatalf("still says from when:\n%s", tm.text())
	}
	tm.press("tab", "tab", "enter")
	tm.require("Un nouveau code a été envoyé", "Renvoyer le code : possible à 10:02")
	if n := codeMails(t, tm.store, hugoMail); n != 2 {
		t.Fatalf("%d code mails, want 2", n)
	}
	if st := ticks.ticks; len(st) != 1 || st[0].d != data.ResendCooldown {
		t.Fatalf("resend refresh timers after a resend: %+v", st)
	}
	// The old code stopped working; the new one works.
	tm.typeText(old)
	tm.press("enter")
	// A replaced code says so; the field stays, for the newest code.
	tm.requireSaid("Ce code vient d'un mail précédent, remplacé par celui parti à 10:01 vers hu•••••e@ex•••••e.org : " +
		"saisissez le code du dernier mail.")
	tm.require("› Code reçu par mail (8 chiffres)",
		"Le code est valable jusqu'au 26/11/2026 à 10:00.")
	if v := tm.field("Code reçu par mail (8 chiffres)"); v != "" {
		t.Fatalf("the replaced code stays in the field: %q", v)
	}
	tm.typeText(mailedCode(t, tm.store, hugoMail))
	tm.press("enter")
	if h.ticket == nil {
		t.Fatalf("the new code was refused:\n%s", tm.text())
	}
}

func TestCodeEntryExpired(t *testing.T) {
	t.Parallel()
	tm, h := newCodeHost(t)
	code := mailedCode(t, tm.store, hugoMail)
	tm.clock.Advance(data.CodeLifetime)
	tm.typeText(code)
	tm.press("enter")
	tm.require("Ce code a expiré (24 h). Demandez-en un nouveau.", "› Recevoir un nouveau code")
	if strings.Contains(tm.text(), "valable jusqu'au") {
		t.Fatalf("an expired code still says until when it works:\n%s", tm.text())
	}
	tm.requireHidden(code)
	tm.press("enter")
	tm.require("Un nouveau code a été envoyé", "jusqu'au 27/11/2026 à 09:59")
	tm.typeText(mailedCode(t, tm.store, hugoMail))
	tm.press("enter")
	if h.ticket == nil {
		t.Fatalf("the new code was refused:\n%s", tm.text())
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
		t.Fatalf("a pasted code with Enter was not checked:\n%s", tm.text())
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
		tm.require("Un nouveau code a été envoyé")
	}
	// Mails at 10:00, 10:01, 10:02: the next one at 11:00.
	tm.require("Renvoyer le code : possible à 11:00 (3 codes par heure au plus)")
	tm.requireGolden()
	if st := ticks.ticks; len(st) != 1 || st[0].d != 58*time.Minute {
		t.Fatalf("resend refresh timers: %+v", st)
	}
	limit := &data.RateLimitError{What: "mail", Until: tm.clock.Now().Add(58 * time.Minute)}
	if got, want := strings.ReplaceAll(tm.c.ErrorText(limit), "\u00a0", " "), "3 codes par heure au plus : prochain envoi possible à 11:00."; got != want {
		t.Fatalf("hourly limit: %q, want %q", got, want)
	}
	cooldown := &data.RateLimitError{What: "mail", Until: tm.clock.Now().Add(data.ResendCooldown)}
	if got, want := tm.c.ErrorText(cooldown), "Un code vient d'être envoyé. Nouvel envoi possible à 10:03."; got != want {
		t.Fatalf("cooldown: %q, want %q", got, want)
	}
	tm.c.Lang = English // F2
	tm.require("Send the code again: possible at 11:00 (3 codes an hour at most)")
	if got, want := tm.c.ErrorText(limit), "3 codes an hour at most: next one possible at 11:00."; got != want {
		t.Fatalf("hourly limit in English: %q, want %q", got, want)
	}
	// At 11:00 the refresh offers it again.
	tm.clock.Set(time.Date(2026, 11, 25, 11, 0, 0, 0, data.ParisLocation()))
	tm.fire(&ticks)
	tm.require("  Send the code again")
}

// A "from" time is rounded up to the minute: a code sent at 10:00:20 can
// be sent again from 10:01:20, said "10:02" (at 10:01 it is refused).
// Enter while nothing can be done yet says from when, not nothing.
func TestCodeEntryFromTimeRoundsUp(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageHome)
	tm.clock.Advance(20 * time.Second)
	h := tm.hostCode()
	tm.require("Renvoyer le code : possible à 10:02")
	code := mailedCode(t, tm.store, hugoMail)
	for range data.CodeMaxFailures {
		tm.typeText(wrongCode(code))
		tm.press("enter")
	}
	tm.require("Ce code n'est plus valable", "Recevoir un nouveau code : possible à 10:02")
	tm.press("enter")
	tm.require("✗ Pas encore : possible à partir de 10:02 (dans 2 min).")
	tm.requireGolden()
	tm.clock.Advance(50 * time.Second) // 10:01:10
	tm.press("enter")
	tm.require("✗ Pas encore : possible à partir de 10:02 (dans 1 min).")
	tm.clock.Advance(10 * time.Second) // 10:01:20: possible
	tm.press("enter")
	tm.require("Un nouveau code a été envoyé ; le précédent ne fonctionne plus.")
	if strings.Contains(tm.text(), "Pas encore") {
		t.Fatalf("the wait is still said:\n%s", tm.text())
	}
	if h.ticket != nil {
		t.Fatal("a ticket without a right code")
	}
}

// Every "possible à / réessayez à" of the store's limits is rounded up.
func TestErrorTextFromTimesRoundUp(t *testing.T) {
	t.Parallel()
	tm := newFlow(t, PageHome)
	until := flowNow.Add(90 * time.Second) // 10:01:30
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&data.RateLimitError{What: "client", Until: until}, "Réessayez à 10:02."},
		{&data.RateLimitError{What: "mail", Until: flowNow.Add(50 * time.Second)}, "Nouvel envoi possible à 10:01."},
		{&data.RateLimitError{What: "mail", Until: flowNow.Add(30*time.Minute + time.Second)}, "possible à 10:31."},
		{&data.RateLimitError{What: "lookup", Until: flowNow.Add(14*time.Hour - 30*time.Second)}, "le 26/11/2026 à 00:00."},
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
	tm.require("Ce code n'est plus valable", "Recevoir un nouveau code")
	if strings.Contains(tm.text(), "possible à") {
		t.Fatalf("a wait is still announced:\n%s", tm.text())
	}
	tm.press("enter")
	tm.require("Un nouveau code")
}
