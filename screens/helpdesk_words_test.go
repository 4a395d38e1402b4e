package screens

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"entkiosk/data"
	"entkiosk/data/institution"
)

// The console reads the audit log in the session's language: every event
// has a name, every outcome and every shape of detail the store writes
// (grep the audit calls in data/) is said in words; the rest as written.

func wordsHelpdesk(t *testing.T, lang Lang) *Helpdesk {
	t.Helper()
	clock := data.NewManualClock(time.Date(2026, 11, 25, 10, 0, 0, 0, data.ParisLocation()))
	s, err := data.Open(filepath.Join(t.TempDir(), "words.db"), data.Config{Clock: clock, Institution: institution.Demo()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	c := testCommon()
	c.Store, c.Lang = s, lang
	return &Helpdesk{auditWords: auditWords{c}, c: c}
}

func TestHelpdeskEveryEventNamed(t *testing.T) {
	t.Parallel()
	for _, e := range data.AuditEvents {
		for lang, cat := range catalogues {
			if strings.TrimSpace(cat["helpdesk.event."+string(e)]) == "" {
				t.Errorf("%s: no name for %s", lang, e)
			}
		}
	}
}

func TestHelpdeskOutcomesInWords(t *testing.T) {
	t.Parallel()
	fr, en := wordsHelpdesk(t, French), wordsHelpdesk(t, English)
	for _, tc := range []struct {
		event      data.Event
		outcome    string
		want, also string // French, English
	}{
		{data.EventLogout, "logout", "par la personne", "by the person"},
		{data.EventLogout, "idle", "inactivité", "inactivity"},
		{data.EventLogout, "home key", "touche accueil", "home key"},
		{data.EventLogout, "stopped", "borne arrêtée", "kiosk stopped"},
		{data.EventLogout, "panic", "erreur interne", "internal error"},
		{data.EventLogout, "quit", "session quittée", "session quit"},
		{data.EventLogout, "max_time", "durée maximale atteinte", "maximum time reached"},
		{data.EventLogout, "shutdown", "arrêt du serveur", "server shutdown"},
		{data.EventLogout, "error", "erreur", "error"},
		{data.EventLogout, "disconnect", "connexion SSH coupée", "SSH connection closed"},
		{data.EventCodeError, "wrong", "code erroné", "wrong code"},
		{data.EventCodeError, "replaced", "code d'un mail précédent", "code from an earlier mail"},
		{data.EventCodeError, "unknown", "identifiant inconnu", "unknown identifiant"},
		{data.EventLoginError, "wrong", "mot de passe incorrect", "wrong password"},
		{data.EventLoginError, "not activated", "compte non activé", "account not activated"},
		{data.EventLoginError, "rights ended", "droits terminés", "rights ended"},
		{data.EventUpdatePassword, "wrong current password", "mot de passe actuel incorrect", "wrong current password"},
		{data.EventUnlock, "cleared", "levé", "lifted"},
		{data.EventSendCode, "import", "import", "import"},
		{data.EventLock, "client blocked", "poste bloqué", "client blocked"},
		{data.EventLock, "login closed", "connexion fermée", "login closed"},
		{data.EventLoginError, "closed", "connexion fermée (trop d'échecs)", "login closed (too many failures)"},
		{data.EventHelpdeskAction, "refused: not helpdesk", "refusé (pas le rôle assistance)",
			"refused (not a helpdesk agent)"},
		{data.EventHelpdeskAction, "refused: mail limit", "refusé (limite d'envoi de mails)", "refused (mail limit)"},
		{data.EventHelpdeskAction, "refused: resend cooldown", "refusé (délai entre deux codes)", "refused (wait between two codes)"},
		{data.EventIALookupError, "no match", "pas de correspondance", "no match"},
		{data.EventAccountCreated, "pending", "en attente d'activation", "waiting for activation"},
		{data.EventRoleChange, "granted", "accordé", "granted"},
		{data.EventActivate, "directory unavailable", "l'annuaire ne répondait pas", "the directory did not answer"},
		{data.EventActivate, "not in directory", "absent de l'annuaire", "not in the directory"},
		{data.EventResetPassword, "refused: directory policy too short", "refusé (annuaire : mot de passe trop court)",
			"refused (directory: password too short)"},
		{data.EventUpdatePassword, "refused: directory policy in history", "refusé (annuaire : mot de passe déjà utilisé)",
			"refused (directory: password used before)"},
		{data.EventLogin, "something new", "something new", "something new"}, // unknown: as written
	} {
		if got := asRead(fr.outcome(tc.event, tc.outcome)); got != tc.want {
			t.Errorf("fr %s %q: %q, want %q", tc.event, tc.outcome, got, tc.want)
		}
		if got := en.outcome(tc.event, tc.outcome); got != tc.also {
			t.Errorf("en %s %q: %q, want %q", tc.event, tc.outcome, got, tc.also)
		}
	}
	// What the event's name says already is not said again; the table says it.
	view := data.AuditEntry{Event: data.EventHelpdeskView, Outcome: "viewed"}
	if got := fr.auditText(view); got != "Fiche consultée" {
		t.Errorf("view: %q", got)
	}
	if got := fr.outcomeCell(view); got != "consultée" {
		t.Errorf("view cell: %q", got)
	}
	if got := en.outcomeCell(data.AuditEntry{Event: data.EventLogin, Outcome: "ok"}); got != "ok" {
		t.Errorf("ok cell: %q", got)
	}
}

// englishWords are the store's words that must not show in French.
var englishWords = []string{" to ", "sent", "unlock", "login", "lookup", "copy", "kept", "removed", "validated",
	"due", "number", "failures", "automation", "client", "disabled", "helpdesk", "corrected", "checked", "nothing",
	"error", "activation code", "reset", "registration", "rights ended", "lifted", "password"}

func TestHelpdeskDetailsInWords(t *testing.T) {
	t.Parallel()
	fr, en := wordsHelpdesk(t, French), wordsHelpdesk(t, English)
	const (
		to  = "ca•••••n@ex•••••e.org"
		old = "ca•••••n@ex•••••e.org → ca•••••m@ex•••••e.net"
	)
	for _, tc := range []struct {
		event              data.Event
		detail, want, also string // the store's, French, English
	}{
		{data.EventSendCode, "activation to " + to, "code d'activation, mail vers " + to, "activation code, mail to " + to},
		{data.EventSendCode, "recovery_mail to " + to, "code de confirmation du mail de secours, mail vers " + to,
			"recovery address confirmation code, mail to " + to},
		{data.EventSendCode, "reset", "code de réinitialisation", "reset code"},
		{data.EventSendCode, "new registration 2026/2027 SLINF3, activation mail to " + to + " due 25/11/2026 10:15",
			"nouvelle inscription 2026/2027 SLINF3, mail d'activation à " + to + " prévu le 25/11/2026 à 10:15",
			"new registration 2026/2027 SLINF3, activation mail to " + to + " due on 25/11/2026 at 10:15"},
		{data.EventCodeError, "activation, 1/5", "code d'activation, erreur 1 sur 5", "activation code, error 1 of 5"},
		{data.EventCodeError, "redirection", "code de confirmation de redirection", "redirection confirmation code"},
		{data.EventActivate, "no redirection", "sans redirection", "no redirection"},
		{data.EventActivate, "redirection to " + to, "redirection vers " + to, "redirection to " + to},
		{data.EventUpdateRedirection, "removed", "redirection supprimée", "redirection removed"},
		{data.EventUpdateRedirection, "to " + to, "vers " + to, "to " + to},
		{data.EventUpdateRedirection, "to " + to + ", copy kept", "vers " + to + ", copie gardée",
			"to " + to + ", copy kept"},
		{data.EventUpdateRecoveryMail, old, old, old},
		{data.EventHelpdeskAction, "activation code sent to " + to, "nouveau code d'activation, mail vers " + to,
			"new activation code, mail to " + to},
		{data.EventHelpdeskAction, "reset code sent to " + to, "nouveau code de réinitialisation, mail vers " + to,
			"new reset code, mail to " + to},
		{data.EventHelpdeskAction, "unlock login and IA lookup", "déverrouillé : connexion et consultation IA",
			"unlocked: login and IA lookup"},
		{data.EventHelpdeskAction, "unlock login", "déverrouillé : connexion", "unlocked: login"},
		{data.EventHelpdeskAction, "unlock IA lookup", "déverrouillé : consultation IA", "unlocked: IA lookup"},
		{data.EventHelpdeskAction, "unlock: nothing was locked", "rien n'était verrouillé", "nothing was locked"},
		{data.EventHelpdeskAction, "recovery mail corrected (student number and birth date checked): " + old,
			"mail de secours corrigé, n° étudiant et date de naissance vérifiés : " + old,
			"recovery address corrected, student number and birth date checked: " + old},
		{data.EventHelpdeskAction, "recovery mail corrected (birth date checked): " + old,
			"mail de secours corrigé, date de naissance vérifiée : " + old,
			"recovery address corrected, birth date checked: " + old},
		{data.EventHelpdeskAction, "open console", "ouverture de la console", "opening the console"},
		{data.EventHelpdeskAction, "view card", "consultation de la fiche", "viewing the card"},
		{data.EventHelpdeskAction, "send activation code", "renvoi du code d'activation", "resending the activation code"},
		{data.EventHelpdeskAction, "send reset code", "envoi d'un code de réinitialisation", "sending a reset code"},
		{data.EventHelpdeskAction, "unlock", "déverrouillage", "unlocking"},
		{data.EventHelpdeskAction, "correct recovery mail", "correction du mail de secours",
			"correcting the recovery address"},
		{data.EventUnlock, "login", "connexion", "login"},
		{data.EventUnlock, "login and IA lookup", "connexion et consultation IA", "login and IA lookup"},
		{data.EventUnlock, "login lock lifted by a new password", "verrouillage levé par un nouveau mot de passe",
			"lock lifted by a new password"},
		{data.EventRoleChange, "helpdesk", "rôle assistance", "helpdesk role"},
		{data.EventAccountCreated, "IA validated 23/11/2026 10:00, activation mail to " + to + " due 23/11/2026 10:15",
			"IA validée le 23/11/2026 à 10:00, mail d'activation à " + to + " prévu le 23/11/2026 à 10:15",
			"IA validated on 23/11/2026 at 10:00, activation mail to " + to + " due on 23/11/2026 at 10:15"},
		{data.EventAccountCreated, "IA validated 01/09/2025 10:00, no activation mail: rights ended 31/12/2025",
			"IA validée le 01/09/2025 à 10:00, pas de mail d'activation : droits terminés le 31/12/2025",
			"IA validated on 01/09/2025 at 10:00, no activation mail: rights ended on 31/12/2025"},
		{data.EventIALookup, "number 21901234", "n° 21901234", "no. 21901234"},
		{data.EventIALookupError, "number 21901234", "n° 21901234", "no. 21901234"},
		{data.EventLock, "login 60s, failures", "connexion bloquée pendant 1 min : échecs répétés",
			"login blocked for 1 min: repeated failures"},
		{data.EventLock, "login 90s, automation", "connexion bloquée pendant 90 s : essais trop rapprochés",
			"login blocked for 90 s: attempts too close together"},
		{data.EventLock, "login 7200s, failures", "connexion bloquée pendant 2 h : échecs répétés",
			"login blocked for 2 h: repeated failures"},
		{data.EventLock, "client 300s", "poste bloqué pendant 5 min", "client blocked for 5 min"},
		{data.EventLock, "password login closed after 100 failures in a row, until a reset by code or the helpdesk",
			"connexion par mot de passe fermée après 100 échecs de suite, jusqu'à une réinitialisation par code ou un déblocage par l'assistance",
			"password login closed after 100 failures in a row, until a reset by code or an unlock by the helpdesk"},
		{data.EventLock, "lookup client 600s", "poste bloqué pendant 10 min pour la consultation IA",
			"client blocked from IA lookup for 10 min"},
		{data.EventLock, "lookup 21901234 disabled until the helpdesk unlocks it",
			"consultation IA du n° 21901234 bloquée jusqu'au déblocage par l'assistance",
			"IA lookup of no. 21901234 blocked until the helpdesk unlocks it"},
		{data.EventLock, "lookup 21901234 until 2026-11-25T23:00:00.000000000Z",
			"consultation IA du n° 21901234 bloquée jusqu'au 26/11/2026 à 00:00",
			"IA lookup of no. 21901234 blocked until 26/11/2026 at 00:00"},
		// Said in words since the details are typed (before: as written, in English).
		{data.EventLock, "lookup 21901234 from this client until 2026-11-25T23:00:00.000000000Z",
			"consultation IA du n° 21901234 bloquée depuis ce poste jusqu'au 26/11/2026 à 00:00",
			"IA lookup of no. 21901234 blocked from this client until 26/11/2026 at 00:00"},
		{data.EventUnlock, "password login reopened by a new password",
			"connexion par mot de passe rouverte par un nouveau mot de passe", "password login reopened by a new password"},
		// Anything else: cleaned, as written.
		{data.EventLock, "something\x1b[31m new", "something new", "something new"},
	} {
		// As the store reads a line written before 0013 (sentence only).
		e := data.AuditEntry{Event: tc.event, Detail: tc.detail,
			Info: data.OldAuditDetail(tc.event, tc.detail, data.ParisLocation())}
		// Dates stay on one line in the console: compare with plain spaces.
		plain := func(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }
		if got := plain(fr.detail(e)); got != tc.want {
			t.Errorf("fr %s %q:\n got %q\nwant %q", tc.event, tc.detail, got, tc.want)
		} else if tc.want != tc.detail && !strings.HasPrefix(tc.detail, "something") {
			for _, w := range englishWords {
				if strings.Contains(got, w) {
					t.Errorf("fr %s %q: English %q left in %q", tc.event, tc.detail, w, got)
				}
			}
		}
		if got := plain(en.detail(e)); got != tc.also {
			t.Errorf("en %s %q:\n got %q\nwant %q", tc.event, tc.detail, got, tc.also)
		}
	}
}

// Counted texts: one and more, in both languages.
func TestHelpdeskCounts(t *testing.T) {
	t.Parallel()
	fr, en := wordsHelpdesk(t, French), wordsHelpdesk(t, English)
	at := time.Date(2026, 11, 25, 10, 0, 0, 0, data.ParisLocation())
	for _, tc := range []struct {
		h    *Helpdesk
		k    string
		n    int
		want string
	}{
		{fr, "helpdesk.lock.login.failures", 1, "connexion libre, 1 échec récent"},
		{fr, "helpdesk.lock.login.failures", 3, "connexion libre, 3 échecs récents"},
		{en, "helpdesk.lock.login.failures", 1, "login open, 1 recent failure"},
		{en, "helpdesk.lock.login.failures", 2, "login open, 2 recent failures"},
		{fr, "helpdesk.walk.login_lock.failures", 4, "4 échecs en 15\u00a0min (verrouillage à 5)"},
		{en, "helpdesk.walk.mail.failed", 1, "not delivered to ca@gmail.com after 1 attempt: x"},
		{fr, "helpdesk.walk.mail.retrying", 2, "pas encore parti vers ca@gmail.com\u00a0: 2 essais sans succès (x), il sera réessayé"},
	} {
		if got := tc.h.fill(tc.k, at, tc.n, "x", "activation", "ca@gmail.com"); got != tc.want {
			t.Errorf("%s %d: %q, want %q", tc.k, tc.n, got, tc.want)
		}
	}
	if got := fr.c.Nf("helpdesk.search.count", 1); got != "1 personne" {
		t.Error(got)
	}
	if got := en.c.Nf("helpdesk.search.count", 2); got != "2 people" {
		t.Error(got)
	}
}

// A time to come is said as the student's screens say it: the next whole
// minute (Léa's activation opens at 10:15:07: both say 10:16); a time gone
// is said as it was.
func TestHelpdeskWhenAgreesWithTheStudent(t *testing.T) {
	t.Parallel()
	h := wordsHelpdesk(t, French)
	paris := data.ParisLocation()
	opens := time.Date(2026, 11, 25, 10, 15, 7, 0, paris)
	if got, want := h.when(opens), "25/11/2026\u00a0à\u00a010:16"; got != want || !strings.HasSuffix(h.c.FormatFromDateTime(opens), "10:16") {
		t.Errorf("future: %q (student: %q), want %q", got, h.c.FormatFromDateTime(opens), want)
	}
	if got, want := h.when(time.Date(2026, 11, 25, 9, 59, 7, 0, paris)), "25/11/2026\u00a0à\u00a009:59"; got != want {
		t.Errorf("past: %q, want %q", got, want)
	}
}

// Issue 12.8: a code asked for and not sent, in the agent's words.
func TestHelpdeskNoCodeInWords(t *testing.T) {
	t.Parallel()
	fr, en := wordsHelpdesk(t, French), wordsHelpdesk(t, English)
	paris := data.ParisLocation()
	old := func(e data.AuditEntry) data.AuditEntry {
		e.Info = data.OldAuditDetail(e.Event, e.Detail, paris)
		return e
	}
	// A line written before 0013 (its sentence) and one written since
	// (its kind and arguments) say the same.
	for _, ended := range []data.AuditEntry{
		old(data.AuditEntry{Event: data.EventSendCode, Outcome: "rights ended", Detail: "reset, no code: rights ended 2025-12-31"}),
		{Event: data.EventSendCode, Outcome: "rights ended",
			Info: data.NoCodeDetail(data.PurposeReset, time.Date(2025, 12, 31, 0, 0, 0, 0, paris), "")},
	} {
		if got := asRead(fr.auditText(ended)); got != "Code demandé (mot de passe oublié : droits terminés le 31/12/2025 : aucun code envoyé)" {
			t.Errorf("fr: %q", got)
		}
		if got := en.auditText(ended); got != "Code asked for (forgotten password: rights ended on 31/12/2025: no code sent)" {
			t.Errorf("en: %q", got)
		}
	}
	active := old(data.AuditEntry{Event: data.EventSendCode, Outcome: "already active",
		Detail: "activation, no code: account active, notice to hu•••••e@ex•••••e.org"})
	if got := asRead(fr.auditText(active)); got != "Code demandé (1ère connexion : compte déjà actif : aucun code envoyé ; "+
		"mail d'information à hu•••••e@ex•••••e.org)" {
		t.Errorf("fr: %q", got)
	}
}
