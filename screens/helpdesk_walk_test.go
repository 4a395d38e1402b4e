package screens

import (
	"strings"
	"testing"
	"time"

	"entkiosk/data"
)

// The walk-through and the history say a code and its mail apart: where
// the mail is (queued, due, sent, failed, cancelled) is never said as
// "sent" before it left, and the next action follows the mail.

// hdMailStates are the mails of a code in every state the outbox has.
func hdMailStates(now time.Time) map[string]data.MailInfo {
	return map[string]data.MailInfo{
		"queued":    {Exists: true, Status: data.MailPending, NotBefore: now.Add(-time.Minute)},
		"sending":   {Exists: true, Status: data.MailSending, NotBefore: now.Add(-time.Minute)},
		"retrying":  {Exists: true, Status: data.MailPending, NotBefore: now.Add(-time.Minute), Attempts: 2, LastError: "421 busy"},
		"due":       {Exists: true, Status: data.MailPending, NotBefore: now.Add(10 * time.Minute)},
		"sent":      {Exists: true, Status: data.MailSent, NotBefore: now.Add(-time.Hour), SentAt: now.Add(-5 * time.Minute)},
		"failed":    {Exists: true, Status: data.MailFailed, NotBefore: now.Add(-time.Hour), Attempts: 1, LastError: "550 user unknown"},
		"cancelled": {Exists: true, Status: "cancelled", NotBefore: now.Add(-time.Hour)},
		"none":      {},
	}
}

// The history's line of a code: created, then where its mail is.
func TestHelpdeskTimelineSaysTheMailApart(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, data.ParisLocation())
	card := &data.PersonCard{Now: now}
	want := map[Lang]map[string]string{
		French: {
			"queued":    "Code d'activation créé (mail en file d'envoi vers ca•••••n@ex•••••e.org)",
			"sending":   "Code d'activation créé (mail en file d'envoi vers ca•••••n@ex•••••e.org)",
			"retrying":  "Code d'activation créé (mail vers ca•••••n@ex•••••e.org pas encore parti, 2 essais sans succès : 421 busy)",
			"due":       "Code d'activation créé (mail vers ca•••••n@ex•••••e.org prévu le 25/11/2026 à 10:10)",
			"sent":      "Code d'activation créé (mail envoyé à ca•••••n@ex•••••e.org le 25/11/2026 à 09:55)",
			"failed":    "Code d'activation créé (mail vers ca•••••n@ex•••••e.org non remis après 1 essai : 550 user unknown)",
			"cancelled": "Code d'activation créé (mail vers ca•••••n@ex•••••e.org annulé avant de partir)",
			"none":      "Code d'activation créé (mail retiré)",
		},
		English: {
			"queued":    "Code (activation) created, mail queued for ca•••••n@ex•••••e.org",
			"sending":   "Code (activation) created, mail queued for ca•••••n@ex•••••e.org",
			"retrying":  "Code (activation) created, mail to ca•••••n@ex•••••e.org not sent yet, 2 failed attempts: 421 busy",
			"due":       "Code (activation) created, mail to ca•••••n@ex•••••e.org due on 25/11/2026 at 10:10",
			"sent":      "Code (activation) created, mail sent to ca•••••n@ex•••••e.org on 25/11/2026 at 09:55",
			"failed":    "Code (activation) created, mail to ca•••••n@ex•••••e.org not delivered after 1 attempt: 550 user unknown",
			"cancelled": "Code (activation) created, mail to ca•••••n@ex•••••e.org cancelled before it left",
			"none":      "Code (activation) created, mail withdrawn",
		},
	}
	for lang, texts := range want {
		h := wordsHelpdesk(t, lang)
		for state, m := range hdMailStates(now) {
			ci := &data.CodeInfo{Purpose: data.PurposeActivation, Target: "ca•••••n@ex•••••e.org", CreatedAt: now,
				State: data.CodeLive, Mail: m}
			got := strings.ReplaceAll(h.timelineText(card, data.TimelineEvent{At: now, What: data.TimelineCodeCreated,
				Code: ci}), "\u00a0", " ")
			if got != texts[state] {
				t.Errorf("%s, mail %s:\n got %q\nwant %q", lang, state, got, texts[state])
			}
		}
		ci := &data.CodeInfo{Purpose: data.PurposeReset, State: data.CodeSuperseded}
		replaced := h.timelineText(card, data.TimelineEvent{What: data.TimelineCodeReplaced, Code: ci})
		if want := map[Lang]string{French: "Code de réinitialisation remplacé par un nouveau code",
			English: "Code (reset) replaced by a newer one"}[lang]; replaced != want {
			t.Errorf("%s replaced: %q", lang, replaced)
		}
	}
}

// Every fact a walk-through can state has its words, and every next
// action; no placeholder is left in them.
func TestHelpdeskWalkWordsForEveryFact(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, data.ParisLocation())
	checks := []data.Check{{Step: "code", Fact: "none", Purpose: data.PurposeReset}, {Step: "code", Fact: "none"}}
	for _, f := range []string{"live", "used", "expired", "superseded", "revoked", "revoked_failures", "revoked_recovery"} {
		checks = append(checks, data.Check{Step: "code", Fact: f, Purpose: data.PurposeActivation, At: now})
	}
	for _, f := range []string{"unknown", "sent", "failed", "cancelled", "due", "queued", "retrying"} {
		checks = append(checks, data.Check{Step: "mail", Fact: f, Purpose: data.PurposeReset, At: now, Count: 2,
			Target: "hu•••••e@ex•••••e.org", Text: "421 busy"})
	}
	nexts := []data.Walkthrough{{Next: data.NextCorrectRecovery}, {Next: data.NextCorrectRecovery, NextText: "550 no"}}
	for _, n := range []data.NextAction{data.NextResendActivation, data.NextSendReset, data.NextUnlock, data.NextWait,
		data.NextCheckMail, data.NextMailQueued, data.NextScolarite, data.NextRightsEnded, data.NextCaseNeverActivated,
		data.NextCaseForgot, data.NextCheckTyping} {
		nexts = append(nexts, data.Walkthrough{Next: n, NextAt: now})
	}
	for _, lang := range []Lang{French, English} {
		h := wordsHelpdesk(t, lang)
		for _, ch := range checks {
			k := "helpdesk.walk." + ch.Step + "." + ch.Fact
			if !h.c.hasText(k) && !h.c.hasText(k+".one") {
				t.Errorf("%s: no text for %s", lang, k)
			}
			if got := h.checkText(ch); strings.ContainsAny(got, "{}") || strings.Contains(got, "helpdesk.") {
				t.Errorf("%s %s: %q", lang, k, got)
			}
		}
		for _, wt := range nexts {
			if got := h.nextText(wt); strings.ContainsAny(got, "{}") || strings.Contains(got, "helpdesk.") {
				t.Errorf("%s next %s: %q", lang, wt.Next, got)
			}
		}
	}
}

// What the walk-through says of a code's mail, and the action that
// follows, agree with where the mail is: not left, nobody looks for it.
func TestHelpdeskWalkFollowsTheMailInWords(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, data.ParisLocation())
	at := now.Add(-5 * time.Minute)
	mail := func(fact string, n int, text string) data.Check {
		return data.Check{Step: "mail", Fact: fact, At: at, Count: n, Text: text, Purpose: data.PurposeActivation,
			Target: "le•••••s@ex•••••e.org"}
	}
	for _, tc := range []struct {
		lang       Lang
		check      data.Check
		next       data.Walkthrough
		says, then string
	}{
		{French, mail("queued", 0, ""), data.Walkthrough{Next: data.NextMailQueued, NextAt: at},
			"pas encore parti : en file d'envoi vers le•••••s@ex•••••e.org depuis le 25/11/2026 à 09:55",
			"À faire : le mail n'est pas encore parti : la personne ne peut pas l'avoir reçu"},
		{French, mail("sent", 0, ""), data.Walkthrough{Next: data.NextCheckMail, NextAt: at},
			"parti vers le•••••s@ex•••••e.org le 25/11/2026 à 09:55",
			"À faire : le mail est parti le 25/11/2026 à 09:55. La personne cherche le mail le plus récent (indésirables"},
		{French, mail("failed", 3, "550 user unknown"), data.Walkthrough{Next: data.NextCorrectRecovery, NextText: "550 user unknown"},
			"non remis à le•••••s@ex•••••e.org après 3 essais : 550 user unknown",
			"À faire : le mail n'a pas été remis (550 user unknown) : l'adresse est sans doute fausse. La vérifier avec la " +
				"personne, corriger le mail de secours"},
		{French, mail("cancelled", 0, ""), data.Walkthrough{Next: data.NextResendActivation},
			"annulé avant de partir vers le•••••s@ex•••••e.org", "À faire : renvoyer le code d'activation."},
		{English, mail("queued", 0, ""), data.Walkthrough{Next: data.NextMailQueued, NextAt: at},
			"not sent yet: queued for le•••••s@ex•••••e.org since 25/11/2026 at 09:55",
			"To do: the mail has not left yet: the person cannot have received it"},
		{English, mail("sent", 0, ""), data.Walkthrough{Next: data.NextCheckMail, NextAt: at},
			"left for le•••••s@ex•••••e.org on 25/11/2026 at 09:55", "To do: the mail left on 25/11/2026 at 09:55."},
		{English, mail("failed", 1, "550 user unknown"), data.Walkthrough{Next: data.NextCorrectRecovery, NextText: "550 user unknown"},
			"not delivered to le•••••s@ex•••••e.org after 1 attempt: 550 user unknown",
			"To do: the mail was not delivered (550 user unknown): the address is probably wrong."},
	} {
		h := wordsHelpdesk(t, tc.lang)
		plain := func(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }
		if got := plain(h.checkText(tc.check)); got != tc.says {
			t.Errorf("%s mail %s:\n got %q\nwant %q", tc.lang, tc.check.Fact, got, tc.says)
		}
		if got := plain(h.nextText(tc.next)); !strings.HasPrefix(got, tc.then) {
			t.Errorf("%s next %s:\n got %q\nwant %q…", tc.lang, tc.next.Next, got, tc.then)
		}
		if tc.check.Fact != "sent" {
			for _, sent := range []string{"envoyé", "est parti", "le code est parti", "was sent", "went out", "left on", "left for"} {
				if strings.Contains(h.checkText(tc.check)+h.nextText(tc.next), sent) {
					t.Errorf("%s, mail %s, says %q", tc.lang, tc.check.Fact, sent)
				}
			}
		}
	}
	// The code itself says what became of it, and when.
	h := wordsHelpdesk(t, French)
	used := data.Check{Step: "code", Fact: "used", Purpose: data.PurposeActivation, At: at}
	if got := strings.ReplaceAll(h.checkText(used), "\u00a0", " "); got != "code d'activation utilisé le 25/11/2026 à 09:55" {
		t.Errorf("used: %q", got)
	}
	if got := h.checkText(data.Check{Step: "code", Fact: "none", Purpose: data.PurposeReset}); got != "aucun code de réinitialisation à ce jour" {
		t.Errorf("none: %q", got)
	}
}

// A code the limits let go only later is said with the limit's own words
// and its time, and Enter does not offer it until then.
func TestHelpdeskWalkSaysWhenACodeMayGo(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, data.ParisLocation())
	for _, tc := range []struct {
		lang Lang
		next data.Walkthrough
		then string
	}{
		{French, data.Walkthrough{Next: data.NextResendActivation, NextFrom: now.Add(20 * time.Minute)},
			"À faire : renvoyer le code d'activation, mais pas encore : 3 codes par heure au plus : prochain envoi " +
				"possible à 10:20. Rien n'est possible avant, pour l'assistance non plus"},
		{French, data.Walkthrough{Next: data.NextSendReset, NextFrom: now.Add(40 * time.Second)},
			"À faire : envoyer un code de réinitialisation, mais pas encore : Un code vient d'être envoyé. Nouvel " +
				"envoi possible à 10:01."},
		{English, data.Walkthrough{Next: data.NextResendActivation, NextFrom: now.Add(20 * time.Minute)},
			"To do: resend the activation code, but not yet: 3 codes an hour at most: next one possible at 10:20."},
		{French, data.Walkthrough{Next: data.NextResendActivation, NextFrom: now}, // the time has come
			"À faire : renvoyer le code d'activation. Un nouveau code est créé"},
	} {
		h := wordsHelpdesk(t, tc.lang)
		got := strings.ReplaceAll(h.nextText(tc.next), "\u00a0", " ")
		if !strings.HasPrefix(got, tc.then) {
			t.Errorf("%s %s from %v:\n got %q\nwant %q…", tc.lang, tc.next.Next, tc.next.NextFrom, got, tc.then)
		}
		if held := h.heldBack(tc.next); held != tc.next.NextFrom.After(now) {
			t.Errorf("%s from %v: held back %v", tc.next.Next, tc.next.NextFrom, held)
		}
	}
}
