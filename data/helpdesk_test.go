package data

import (
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

// helpdeskFixture is a store with the demo people, the agent (Inès Moreau)
// and a student (Hugo Lefèvre) logged in.
type helpdeskFixture struct {
	s       *Store
	clock   *ManualClock
	agent   *Account
	student *Account
	o       Origin
}

func newHelpdeskFixture(t *testing.T) *helpdeskFixture {
	t.Helper()
	s, clock := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	f := &helpdeskFixture{s: s, clock: clock, o: Origin{Client: "ssh:192.0.2.10", Lang: "fr"}}
	var err error
	if f.agent, err = s.Login(ctx, "ines.moreau", "Helpdesk-Demo-2026", f.o); err != nil {
		t.Fatal(err)
	}
	if f.student, err = s.Login(ctx, "hugo.lefevre", "Kiosque-Demo-2026", testOrigin); err != nil {
		t.Fatal(err)
	}
	return f
}

// person finds a demo person's id by identifiant.
func (f *helpdeskFixture) person(t *testing.T, ident string) int64 {
	t.Helper()
	a, _, err := f.s.accountByLogin(ctx, f.s.db, ident)
	if err != nil {
		t.Fatalf("%s: %v", ident, err)
	}
	return a.Person.ID
}

func (f *helpdeskFixture) search(t *testing.T, q string) *SearchResult {
	t.Helper()
	res, err := f.s.HelpdeskSearch(ctx, f.agent, q)
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return res
}

func (f *helpdeskFixture) card(t *testing.T, personID int64) *PersonCard {
	t.Helper()
	c, err := f.s.HelpdeskCard(ctx, f.agent, personID, f.o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// lastAudit is the newest audit line of an event.
func (f *helpdeskFixture) lastAudit(t *testing.T, e Event) AuditEntry {
	t.Helper()
	entries, err := f.s.AuditLog(ctx, AuditFilter{Events: []Event{e}, Limit: 1})
	if err != nil || len(entries) == 0 {
		t.Fatalf("no %s in the audit log (%v)", e, err)
	}
	return entries[0]
}

func identifiants(res *SearchResult) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, strings.TrimSuffix(strings.TrimSuffix(h.Identifiant, "@etu.umontpellier.fr"), "@umontpellier.fr"))
	}
	return out
}

func TestHelpdeskSearch(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	for _, tc := range []struct {
		query string
		want  string
	}{
		{"lefevre", "hugo.lefevre"},
		{"LEFÈVRE", "hugo.lefevre"},
		{"  Lefèv ", "hugo.lefevre"},
		{"hugo lef", "hugo.lefevre"},
		{"21805555", "hugo.lefevre"},
		{"2180", "hugo.lefevre"},
		{"hugo.lefevre", "hugo.lefevre"},
		{"Hugo.Lefevre@etu.umontpellier.fr", "hugo.lefevre"},
		{"ines.moreau@umontpellier.fr", "ines.moreau"},
		{"hugo.lefevre@gmail.com", ""},   // a personal address: not the account hugo.lefevre
		{"hugo.lefevre@example.org", ""}, // even Hugo's own: addresses are not searched
		{"dalembert", "jean-luc.dalembert"},
		{"d'alembert", "jean-luc.dalembert"},
		{"D’Alembert jean luc", "jean-luc.dalembert"},
		{"jean-luc", "jean-luc.dalembert"},
		{"marie.petit2", "marie.petit2"},
		{"ines", "ines.moreau"},
		{"petit", "marie.petit marie.petit2"},
		{"zzz", ""},
		{"", ""},
		{"%", ""},
	} {
		res := f.search(t, tc.query)
		if got := strings.Join(identifiants(res), " "); got != tc.want {
			t.Errorf("search %q = %q, want %q", tc.query, got, tc.want)
		}
		if res.Total != len(res.Hits) {
			t.Errorf("search %q: total %d for %d hits", tc.query, res.Total, len(res.Hits))
		}
	}
	hugo := f.search(t, "lefevre").Hits[0]
	if hugo.Nom != "Lefèvre" || hugo.StudentNumber != "21805555" || hugo.Status != StatusActive || hugo.Category != Student {
		t.Fatalf("hit: %+v", hugo)
	}
}

func TestHelpdeskSearchCountsBeyondTheFirst50(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	var csv strings.Builder
	csv.WriteString("numero_etudiant;nom;prenom;date_naissance;email_personnel;categorie;annee;code_etape;" +
		"statut_inscription;statut_paiement;date_validation\n")
	for i := range 73 {
		fmt.Fprintf(&csv, "3%07d;Garnier;Élève%02d;01/01/2005;eleve%d@example.org;etudiant;2026;SLINF1;valide;paye;"+
			"2026-09-02T10:00:00+02:00\n", i, i, i)
	}
	if rep, err := f.s.Import(ctx, strings.NewReader(csv.String()), testOrigin); err != nil || rep.Refused > 0 {
		t.Fatal(err, rep)
	}
	res := f.search(t, "garnier eleve")
	if res.Total != 73 || len(res.Hits) != SearchLimit {
		t.Fatalf("total %d, hits %d", res.Total, len(res.Hits))
	}
	if res.Hits[0].Prenom != "Élève00" || res.Hits[49].Prenom != "Élève49" {
		t.Fatalf("order: %s … %s", res.Hits[0].Prenom, res.Hits[49].Prenom)
	}
}

// Only an active helpdesk account reaches anything, checked in the store at
// every call (not from the Account the session holds).
func TestHelpdeskRoleEnforced(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	camille := f.person(t, "camille.martin")
	calls := map[string]func(a *Account) error{
		"agent": func(a *Account) error { return f.s.HelpdeskAgent(ctx, a, f.o) },
		"search": func(a *Account) error {
			_, err := f.s.HelpdeskSearch(ctx, a, "martin")
			return err
		},
		"card": func(a *Account) error {
			_, err := f.s.HelpdeskCard(ctx, a, camille, f.o)
			return err
		},
		"audit": func(a *Account) error {
			_, err := f.s.HelpdeskAudit(ctx, a, AuditFilter{})
			return err
		},
		"resend": func(a *Account) error {
			_, err := f.s.HelpdeskResendActivation(ctx, a, camille, f.o)
			return err
		},
		"reset": func(a *Account) error {
			_, err := f.s.HelpdeskSendReset(ctx, a, f.student.Person.ID, f.o)
			return err
		},
		"unlock": func(a *Account) error {
			_, err := f.s.HelpdeskUnlock(ctx, a, camille, f.o)
			return err
		},
		"correct": func(a *Account) error {
			_, err := f.s.HelpdeskCorrectRecovery(ctx, a, camille, "camille.m@example.net", true, f.o)
			return err
		},
	}
	forged := *f.student
	forged.Helpdesk = true // what a session holds does not count
	for name, call := range calls {
		for who, a := range map[string]*Account{"student": f.student, "forged": &forged, "nobody": nil} {
			if err := call(a); !errors.Is(err, ErrNotHelpdesk) {
				t.Errorf("%s as %s: %v, want ErrNotHelpdesk", name, who, err)
			}
		}
	}
	refused := f.lastAudit(t, EventHelpdeskAction)
	if !strings.HasPrefix(refused.Outcome, "refused") {
		t.Fatalf("refusal not audited: %+v", refused)
	}
	if err := calls["agent"](f.agent); err != nil {
		t.Fatal(err)
	}
	// Revoked while the agent's session is open: the next call is refused.
	if _, err := f.s.SetHelpdesk(ctx, "ines.moreau", false, Origin{Client: "cli:root"}); err != nil {
		t.Fatal(err)
	}
	if !f.agent.Helpdesk {
		t.Fatal("the session's copy changed")
	}
	if err := calls["search"](f.agent); !errors.Is(err, ErrNotHelpdesk) {
		t.Fatalf("revoked agent: %v", err)
	}
}

func TestHelpdeskCardAndTimeline(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	camille := f.card(t, f.person(t, "camille.martin"))
	if camille.Identifiant != "camille.martin@etu.umontpellier.fr" || camille.Status != StatusPending ||
		camille.Person.StudentNumber != "21901234" || camille.Person.PersonalEmail != "" {
		t.Fatalf("card: %+v", camille)
	}
	if camille.Recovery != "ca•••••n@ex•••••e.org" || camille.Redirect != "" {
		t.Fatalf("addresses not masked: %q %q", camille.Recovery, camille.Redirect)
	}
	if len(camille.Current()) != 1 || !camille.RightsActive() || camille.RightsEnd.Year() != 2027 {
		t.Fatalf("registrations: %+v, rights %v", camille.Current(), camille.RightsEnd)
	}
	code := camille.LatestCode(PurposeActivation)
	if code == nil || code.State != CodeLive || !code.Mail.Exists || code.Mail.Status != "pending" ||
		code.Target != "ca•••••n@ex•••••e.org" {
		t.Fatalf("activation code: %+v", code)
	}
	requireTimeline(t, camille, TimelineIAValidated, TimelineCodeCreated, string(EventAccountCreated))
	if !camille.CanResendActivation() || camille.CanSendReset() || camille.CanUnlock() {
		t.Fatal("actions offered for a pending account")
	}

	// Hugo: a failed login, a lock, a success; a mail that failed.
	hugoID := f.student.Person.ID
	for range LoginFailuresBeforeLock {
		f.clock.Advance(2 * time.Second)
		f.s.Login(ctx, "hugo.lefevre", "wrong-Password-1", testOrigin)
	}
	if _, err := f.s.StartReset(ctx, "hugo.lefevre", testOrigin); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.db.Exec(`UPDATE outbox SET status = 'failed', attempts = 5,
		last_error = '550 5.1.1 <hugo.lefevre@example.org>: user unknown' WHERE kind = 'reset'`); err != nil {
		t.Fatal(err)
	}
	hugo := f.card(t, hugoID)
	if !hugo.LoginLock.Locked(hugo.Now) || hugo.LoginLock.Level != 1 || !hugo.CanUnlock() {
		t.Fatalf("lock: %+v", hugo.LoginLock)
	}
	reset := hugo.LatestCode(PurposeReset)
	if reset == nil || reset.Mail.Status != "failed" || strings.Contains(reset.Mail.LastError, "hugo.lefevre@") ||
		!strings.Contains(reset.Mail.LastError, "hu•••••e@ex•••••e.org") {
		t.Fatalf("reset code: %+v", reset)
	}
	requireTimeline(t, hugo, string(EventLogin), string(EventLoginError), string(EventLock), TimelineCodeCreated)
	for _, e := range hugo.Timeline {
		if (e.What == string(EventLock) || e.What == TimelineCodeCreated && e.Code.Purpose == PurposeReset) && !e.Problem {
			t.Fatalf("not marked as a problem: %+v", e)
		}
	}
	for i := 1; i < len(hugo.Timeline); i++ {
		if hugo.Timeline[i].At.After(hugo.Timeline[i-1].At) {
			t.Fatal("timeline not newest first")
		}
	}
	// No secret anywhere in the card.
	requireNoSecret(t, fmt.Sprintf("%+v", hugo))
}

func requireTimeline(t *testing.T, c *PersonCard, whats ...string) {
	t.Helper()
	seen := map[string]bool{}
	for _, e := range c.Timeline {
		seen[e.What] = true
	}
	for _, w := range whats {
		if !seen[w] {
			t.Fatalf("timeline lacks %s: %+v", w, c.Timeline)
		}
	}
}

var eightDigits = regexp.MustCompile(`\b\d{8}\b`)

// requireNoSecret: no code (8 digits other than a student number), no full
// demo address, no password hash.
func requireNoSecret(t *testing.T, s string) {
	t.Helper()
	for _, m := range eightDigits.FindAllString(s, -1) {
		known := false
		for _, p := range DemoPeople {
			known = known || p.StudentNumber == m
		}
		if !known {
			t.Fatalf("8 digits %s (a code?) in %s", m, s)
		}
	}
	if strings.Contains(s, "@example.org") || strings.Contains(s, "$argon2") {
		t.Fatalf("an address or a hash in %s", s)
	}
}

func TestHelpdeskResendActivation(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	camille := f.person(t, "camille.martin")
	// The import's mail went a moment ago: the cooldown holds for agents too.
	if _, err := f.s.HelpdeskResendActivation(ctx, f.agent, camille, f.o); !isRateLimit(err) {
		t.Fatalf("within the cooldown: %v", err)
	}
	f.clock.Advance(ResendCooldown)
	sent, err := f.s.HelpdeskResendActivation(ctx, f.agent, camille, f.o)
	if err != nil {
		t.Fatal(err)
	}
	if sent.Purpose != PurposeActivation || sent.MaskedTarget != "ca•••••n@ex•••••e.org" ||
		!sent.ExpiresAt.Equal(f.clock.Now().Add(CodeLifetime)) {
		t.Fatalf("sent: %+v", sent)
	}
	line := f.lastAudit(t, EventHelpdeskAction)
	if line.Actor != "ines.moreau@umontpellier.fr" || line.PersonID != camille || line.Outcome != "ok" ||
		line.Identifiant != "camille.martin@etu.umontpellier.fr" || line.Client != f.o.Client ||
		!strings.Contains(line.Detail, "ca•••••n@ex•••••e.org") {
		t.Fatalf("audit: %+v", line)
	}
	requireNoSecret(t, line.Detail)
	c := f.card(t, camille)
	if len(c.Codes) != 2 || c.Codes[0].State != CodeLive || c.Codes[1].State != CodeSuperseded {
		t.Fatalf("codes: %+v", c.Codes)
	}
	if !c.Codes[0].Mail.Exists || c.Codes[0].Mail.Status != "pending" {
		t.Fatalf("new code's mail: %+v", c.Codes[0].Mail)
	}

	// Refusals: too early (Léa), already active (Hugo), each audited.
	lea := f.person(t, "lea.dubois")
	var early *TooEarlyError
	if _, err := f.s.HelpdeskResendActivation(ctx, f.agent, lea, f.o); !errors.As(err, &early) {
		t.Fatalf("Léa: %v", err)
	}
	if l := f.lastAudit(t, EventHelpdeskAction); l.PersonID != lea || !strings.HasPrefix(l.Outcome, "refused") {
		t.Fatalf("refusal: %+v", l)
	}
	if _, err := f.s.HelpdeskResendActivation(ctx, f.agent, f.student.Person.ID, f.o); !errors.Is(err, ErrAlreadyActive) {
		t.Fatalf("Hugo: %v", err)
	}
	paul := f.person(t, "paul.bernard")
	var ended *RightsEndedError
	if _, err := f.s.HelpdeskSendReset(ctx, f.agent, paul, f.o); !errors.As(err, &ended) {
		t.Fatalf("Paul: %v", err)
	}
}

func isRateLimit(err error) bool {
	var rl *RateLimitError
	return errors.As(err, &rl)
}

func TestHelpdeskSendReset(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	hugo := f.student.Person.ID
	sent, err := f.s.HelpdeskSendReset(ctx, f.agent, hugo, f.o)
	if err != nil {
		t.Fatal(err)
	}
	if sent.Purpose != PurposeReset || sent.MaskedTarget != "hu•••••e@ex•••••e.org" {
		t.Fatalf("sent: %+v", sent)
	}
	mails, _ := f.s.Outbox(ctx, OutboxFilter{PersonID: hugo})
	if len(mails) == 0 || mails[0].Kind != MailReset || mails[0].To != "hugo.lefevre@example.org" {
		t.Fatalf("outbox: %+v", mails)
	}
	if l := f.lastAudit(t, EventHelpdeskAction); l.Actor != f.agent.Identifiant || !strings.Contains(l.Detail, "reset") {
		t.Fatalf("audit: %+v", l)
	}
	if _, err := f.s.HelpdeskSendReset(ctx, f.agent, f.person(t, "camille.martin"), f.o); !errors.Is(err, ErrNotActive) {
		t.Fatalf("pending account: %v", err)
	}
	// Three code mails an hour, agents included.
	for range 2 {
		f.clock.Advance(ResendCooldown)
		if _, err := f.s.HelpdeskSendReset(ctx, f.agent, hugo, f.o); err != nil {
			t.Fatal(err)
		}
	}
	f.clock.Advance(ResendCooldown)
	if _, err := f.s.HelpdeskSendReset(ctx, f.agent, hugo, f.o); !isRateLimit(err) {
		t.Fatalf("fourth in the hour: %v", err)
	}
}

func TestHelpdeskUnlock(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	hugo := f.student.Person.ID
	for range LoginFailuresBeforeLock {
		f.clock.Advance(2 * time.Second)
		f.s.Login(ctx, "hugo.lefevre", "wrong-Password-1", Origin{Client: "ssh:198.51.100.1"})
	}
	birth := time.Date(2002, 11, 22, 0, 0, 0, 0, ParisLocation()) // wrong day
	for range LookupFailuresPerDay {
		f.s.LookupRegistrations(ctx, "21805555", birth, testOrigin)
	}
	right := time.Date(2002, 11, 21, 0, 0, 0, 0, ParisLocation())
	if _, err := f.s.LookupRegistrations(ctx, "21805555", right, testOrigin); !isRateLimit(err) {
		t.Fatalf("lookup should be limited: %v", err)
	}
	if _, err := f.s.Login(ctx, "hugo.lefevre", "Kiosque-Demo-2026", testOrigin); !errors.Is(err, ErrInvalidCredentials) {
		t.Fatalf("login should be locked: %v", err)
	}
	c := f.card(t, hugo)
	if !c.LoginLock.Locked(c.Now) || !c.LookupLock.Locked(c.Now) || !c.CanUnlock() {
		t.Fatalf("locks: %+v %+v", c.LoginLock, c.LookupLock)
	}
	u, err := f.s.HelpdeskUnlock(ctx, f.agent, hugo, f.o)
	if err != nil || !u.Login || !u.Lookup {
		t.Fatalf("unlock: %+v %v", u, err)
	}
	if l := f.lastAudit(t, EventHelpdeskAction); l.Detail != "unlock login and IA lookup" || l.Actor != f.agent.Identifiant {
		t.Fatalf("audit: %+v", l)
	}
	if _, err := f.s.Login(ctx, "hugo.lefevre", "Kiosque-Demo-2026", testOrigin); err != nil {
		t.Fatalf("login after unlock: %v", err)
	}
	if _, err := f.s.LookupRegistrations(ctx, "21805555", right, testOrigin); err != nil {
		t.Fatalf("lookup after unlock: %v", err)
	}
	if c := f.card(t, hugo); c.CanUnlock() {
		t.Fatalf("still locked: %+v %+v", c.LoginLock, c.LookupLock)
	}
	u, err = f.s.HelpdeskUnlock(ctx, f.agent, hugo, f.o)
	if err != nil || u.Login || u.Lookup {
		t.Fatalf("second unlock: %+v %v", u, err)
	}
	if l := f.lastAudit(t, EventHelpdeskAction); l.Detail != "unlock: nothing was locked" {
		t.Fatalf("audit: %+v", l)
	}
}

func TestHelpdeskCorrectRecovery(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	camille := f.person(t, "camille.martin")
	var invalid *InvalidEmailError
	for _, tc := range []struct {
		addr    string
		checked bool
		want    func(error) bool
	}{
		{"camille.new@example.net", false, func(err error) bool { return errors.Is(err, ErrIdentityNotChecked) }},
		{"not an address", true, func(err error) bool { return errors.As(err, &invalid) }},
		{"camille.martin@example.org", true, func(err error) bool { return errors.Is(err, ErrSameAddress) }},
		{"camille.martin@etu.umontpellier.fr", true, func(err error) bool { return errors.Is(err, ErrRecoveryUniversity) }},
		{"marie.petit@etu.umontpellier.fr", true, func(err error) bool { return errors.Is(err, ErrRecoveryUniversity) }},
		{"someone@umontpellier.fr", true, func(err error) bool { return errors.Is(err, ErrRecoveryUniversity) }},
	} {
		if _, err := f.s.HelpdeskCorrectRecovery(ctx, f.agent, camille, tc.addr, tc.checked, f.o); !tc.want(err) {
			t.Fatalf("%q: %v", tc.addr, err)
		}
	}
	if _, err := f.s.HelpdeskCorrectRecovery(ctx, f.agent, camille, " Camille.New@Example.NET ", true, f.o); err != nil {
		t.Fatal(err)
	}
	acct, _ := f.s.Account(ctx, camille)
	if acct.RecoveryEmail != "Camille.New@example.net" {
		t.Fatalf("recovery: %q", acct.RecoveryEmail)
	}
	l := f.lastAudit(t, EventHelpdeskAction)
	if l.Detail != "recovery mail corrected (student number and birth date checked): ca•••••n@ex•••••e.org → Ca•••••w@ex•••••e.net" ||
		l.Actor != f.agent.Identifiant {
		t.Fatalf("audit: %+v", l)
	}
	c := f.card(t, camille)
	if c.Recovery != "Ca•••••w@ex•••••e.net" || c.Codes[0].State != CodeRevoked {
		t.Fatalf("card: %q, code %+v", c.Recovery, c.Codes[0])
	}
	notice, _ := f.s.Outbox(ctx, OutboxFilter{To: "camille.martin@example.org", Limit: 1})
	if len(notice) == 0 || notice[0].Kind != MailRecoveryChanged {
		t.Fatalf("old address not told: %+v", notice)
	}
	// The next activation code goes to the corrected address.
	f.clock.Advance(ResendCooldown)
	sent, err := f.s.HelpdeskResendActivation(ctx, f.agent, camille, f.o)
	if err != nil || sent.MaskedTarget != "Ca•••••w@ex•••••e.net" {
		t.Fatalf("resend: %+v %v", sent, err)
	}
}

// walkFacts writes a walk-through as step=fact pairs (a problem marked ✗,
// a code's purpose in brackets), then the next action.
func walkFacts(w Walkthrough) string {
	var parts []string
	for _, c := range w.Checks {
		p := c.Step + "=" + c.Fact
		if c.Step == "code" && c.Purpose != "" {
			p += "[" + string(c.Purpose) + "]"
		}
		if c.Status == CheckProblem {
			p += "✗"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " ") + " → " + string(w.Next)
}

func TestHelpdeskWalkthrough(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	walk := func(ident string, k HelpCase) Walkthrough {
		return f.card(t, f.person(t, ident)).Walkthrough(k)
	}
	facts := func(w Walkthrough) string { return walkFacts(w) }
	for _, tc := range []struct {
		ident string
		k     HelpCase
		want  string
	}{
		{"camille.martin", CaseNeverActivated, "ia=valid rights=until status=pending✗ window=open recovery=address " +
			"code=live[activation] mail=queued → mail_queued"},
		{"lea.dubois", CaseNeverActivated, "ia=valid rights=until status=pending✗ window=early✗ → wait"},
		{"hugo.lefevre", CaseNeverActivated, "ia=valid rights=until status=active → case_forgot"},
		{"paul.bernard", CaseForgotPassword, "ia=previous rights=ended✗ → rights_ended"},
		{"camille.martin", CaseForgotPassword, "ia=valid rights=until status=pending✗ → case_never_activated"},
		{"hugo.lefevre", CaseForgotPassword,
			"ia=valid rights=until status=active login_lock=free recovery=address code=none[reset] → send_reset"},
		{"hugo.lefevre", CaseConnection, "ia=valid identifiant=is rights=until status=active login_lock=free " +
			"last_login=at last_error=none lookup_lock=free password=changed code=used[activation] → check_typing"},
		{"ines.moreau", CaseConnection, "ia=staff identifiant=is rights=until status=active login_lock=free " +
			"last_login=at last_error=none password=changed code=used[activation] → check_typing"},
	} {
		if got := facts(walk(tc.ident, tc.k)); got != tc.want {
			t.Errorf("%s, %s:\n got %s\nwant %s", tc.ident, tc.k, got, tc.want)
		}
	}
	// Léa's window opens; her mail is due then, and waits in the outbox.
	f.clock.Advance(10 * time.Minute)
	if got := facts(walk("lea.dubois", CaseNeverActivated)); !strings.HasSuffix(got, "code=live[activation] mail=queued → mail_queued") {
		t.Errorf("Léa at the window: %s", got)
	}
	// Hugo: a wrong password, then locked.
	f.clock.Advance(time.Minute)
	f.s.Login(ctx, "hugo.lefevre", "wrong-Password-1", testOrigin)
	if got := facts(walk("hugo.lefevre", CaseConnection)); !strings.Contains(got, "login_lock=failures") ||
		!strings.Contains(got, "last_error=at") || !strings.HasSuffix(got, "→ send_reset") {
		t.Errorf("after a failure: %s", got)
	}
	for range LoginFailuresBeforeLock {
		f.clock.Advance(2 * time.Second)
		f.s.Login(ctx, "hugo.lefevre", "wrong-Password-1", testOrigin)
	}
	w := walk("hugo.lefevre", CaseConnection)
	if got := facts(w); !strings.Contains(got, "login_lock=locked✗") || !strings.HasSuffix(got, "→ unlock") {
		t.Errorf("locked: %s", got)
	}
	// Forgot password while locked: the lock is a fact, the reset goes on.
	if got := facts(walk("hugo.lefevre", CaseForgotPassword)); !strings.Contains(got, "login_lock=locked ") ||
		!strings.HasSuffix(got, "→ send_reset") {
		t.Errorf("forgot while locked: %s", got)
	}
	if _, err := f.s.HelpdeskSendReset(ctx, f.agent, f.student.Person.ID, f.o); err != nil {
		t.Fatal(err)
	}
	if got := facts(walk("hugo.lefevre", CaseForgotPassword)); !strings.HasSuffix(got, "code=live[reset] mail=queued → mail_queued") {
		t.Errorf("reset queued: %s", got)
	}
	f.s.db.Exec(`UPDATE outbox SET status = 'failed', attempts = 1, last_error = '550 unknown user' WHERE kind = 'reset'`)
	w = walk("hugo.lefevre", CaseForgotPassword)
	if got := facts(w); !strings.HasSuffix(got, "mail=failed✗ → correct_recovery") || w.NextText != "550 unknown user" {
		t.Errorf("reset mail failed: %s (%q)", got, w.NextText)
	}
	// Camille's code expires.
	f.clock.Advance(CodeLifetime)
	if got := facts(walk("camille.martin", CaseNeverActivated)); !strings.HasSuffix(got, "code=expired[activation]✗ → resend_activation") {
		t.Errorf("expired: %s", got)
	}
}

// The next action follows the mail of the code, not the code: queued, it
// has not left; retried, it has not left either; sent, the person looks
// for it; failed, the address is corrected; cancelled, a new code.
func TestHelpdeskWalkthroughFollowsTheMail(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	due := f.clock.Now().Add(10 * time.Minute) // Léa's IA was validated 5 min ago
	f.clock.Advance(15 * time.Minute)
	lea := f.person(t, "lea.dubois")
	walk := func() Walkthrough { return f.card(t, lea).Walkthrough(CaseNeverActivated) }
	setMail := func(set string, args ...any) {
		t.Helper()
		if _, err := f.s.db.Exec(`UPDATE outbox SET `+set+` WHERE person_id = ? AND kind = 'activation'`,
			append(args, lea)...); err != nil {
			t.Fatal(err)
		}
	}
	w := walk()
	mail := w.Checks[len(w.Checks)-1]
	if w.Next != NextMailQueued || mail.Fact != "queued" || mail.Target != "le•••••s@ex•••••e.org" ||
		mail.Purpose != PurposeActivation || !w.NextAt.Equal(due) {
		t.Fatalf("queued: %s at %v, %+v", walkFacts(w), w.NextAt, mail)
	}
	setMail(`attempts = 2, last_error = '421 try later'`)
	if w := walk(); !strings.HasSuffix(walkFacts(w), "mail=retrying✗ → mail_queued") || w.Checks[len(w.Checks)-1].Text != "421 try later" {
		t.Errorf("retrying: %s", walkFacts(w))
	}
	sent := f.clock.Now().Add(-time.Minute)
	setMail(`status = 'sent', sent_at = ?`, fmtTime(sent))
	if w := walk(); !strings.HasSuffix(walkFacts(w), "mail=sent → check_mail") || !w.NextAt.Equal(sent) {
		t.Errorf("sent: %s at %v", walkFacts(w), w.NextAt)
	}
	setMail(`status = 'failed', last_error = '550 5.1.1 user unknown'`)
	if w := walk(); !strings.HasSuffix(walkFacts(w), "mail=failed✗ → correct_recovery") || w.NextText != "550 5.1.1 user unknown" {
		t.Errorf("failed: %s %q", walkFacts(w), w.NextText)
	}
	// A mail cancelled before it left (a state the schema may not have yet).
	if _, err := f.s.db.Exec(`UPDATE outbox SET status = 'cancelled' WHERE person_id = ? AND kind = 'activation'`, lea); err != nil {
		t.Logf("no cancelled mails in this schema: %v", err)
	} else if w := walk(); !strings.HasSuffix(walkFacts(w), "mail=cancelled✗ → resend_activation") {
		t.Errorf("cancelled: %s", walkFacts(w))
	}
	if _, err := f.s.db.Exec(`UPDATE codes SET mail_id = NULL WHERE person_id = ?`, lea); err != nil {
		t.Fatal(err)
	}
	if w := walk(); !strings.HasSuffix(walkFacts(w), "mail=unknown✗ → resend_activation") {
		t.Errorf("no mail: %s", walkFacts(w))
	}
}

// The walk-through's next action sends a code only as soon as the limits
// on code mails let it: the card says from when (the same rule the action
// meets), and nothing while they let it at once.
func TestHelpdeskWalkthroughSaysWhenACodeMayGo(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	f.clock.Advance(15 * time.Minute) // Léa's activation opens
	lea := f.person(t, "lea.dubois")
	walk := func() Walkthrough { return f.card(t, lea).Walkthrough(CaseNeverActivated) }
	send := func() {
		t.Helper()
		if _, err := f.s.HelpdeskResendActivation(ctx, f.agent, lea, f.o); err != nil {
			t.Fatal(err)
		}
	}
	// Two more codes sent by the helpdesk, then the last one revoked: the
	// case calls for a new code, the fourth code mail within the hour.
	send()
	f.clock.Advance(ResendCooldown)
	send()
	if _, err := f.s.db.Exec(`UPDATE codes SET revoked_at = ? WHERE person_id = ?`, fmtTime(f.clock.Now()), lea); err != nil {
		t.Fatal(err)
	}
	var first string
	if err := f.s.db.QueryRow(`SELECT MIN(created_at) FROM outbox WHERE person_id = ? AND kind = 'activation'`,
		lea).Scan(&first); err != nil {
		t.Fatal(err)
	}
	w := walk()
	if want := parseTime(first).Add(time.Hour); w.Next != NextResendActivation || !w.NextFrom.Equal(want) {
		t.Fatalf("three code mails this hour: next %s from %v, want resend_activation from %v", w.Next, w.NextFrom, want)
	}
	_, err := f.s.HelpdeskResendActivation(ctx, f.agent, lea, f.o)
	wantLimit(t, err, "mail", w.NextFrom) // the action before then: refused until the same time
	f.clock.Set(w.NextFrom)
	if w := walk(); w.Next != NextResendActivation || !w.NextFrom.IsZero() {
		t.Fatalf("at the time said: next %s from %v, want resend_activation at once", w.Next, w.NextFrom)
	}
	send()
}

// Camille activated her account with her activation code: the cases say
// which codes they look at, and when the last one was used.
func TestHelpdeskWalkthroughCodesOfTheCase(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	activate(t, f.s, "camille.martin", "camille.martin@example.org", "Tramway-Ocre-Lune-42")
	camille := f.person(t, "camille.martin")
	walk := func(k HelpCase) Walkthrough { return f.card(t, camille).Walkthrough(k) }
	if got := walkFacts(walk(CaseForgotPassword)); !strings.HasSuffix(got, "code=none[reset] → send_reset") {
		t.Errorf("forgot, no reset code yet: %s", got)
	}
	w := walk(CaseConnection)
	code := w.Checks[len(w.Checks)-1]
	if code.Step != "code" || code.Fact != "used" || code.Purpose != PurposeActivation || code.Status != CheckInfo ||
		!code.At.Equal(f.clock.Now()) {
		t.Errorf("connection: %s, %+v", walkFacts(w), code)
	}
	// A reset asked for: the connection case follows its mail.
	f.clock.Advance(time.Minute)
	if _, err := f.s.StartReset(ctx, "camille.martin", testOrigin); err != nil {
		t.Fatal(err)
	}
	if got := walkFacts(walk(CaseConnection)); !strings.HasSuffix(got, "code=live[reset] mail=queued → mail_queued") {
		t.Errorf("connection, reset queued: %s", got)
	}
	if got := walkFacts(walk(CaseForgotPassword)); !strings.HasSuffix(got, "code=live[reset] mail=queued → mail_queued") {
		t.Errorf("forgot, reset queued: %s", got)
	}
	if got := walkFacts(walk(CaseNeverActivated)); !strings.HasSuffix(got, "status=active → case_forgot") {
		t.Errorf("never activated: %s", got)
	}
}

// The history keeps a code apart from its mail: created (with where its
// mail is), then used or replaced.
func TestHelpdeskTimelineCodeAndMail(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	id := f.person(t, "camille.martin")
	created := f.card(t, id).LatestCode(PurposeActivation).CreatedAt
	f.clock.Advance(ResendCooldown)
	if _, err := f.s.HelpdeskResendActivation(ctx, f.agent, id, f.o); err != nil {
		t.Fatal(err)
	}
	c := f.card(t, id)
	var got []string
	for _, e := range c.Timeline {
		if e.Code != nil {
			got = append(got, e.What+" "+string(e.Code.State)+" "+e.At.Sub(created).String())
		}
	}
	want := "CODE_CREATED live " + ResendCooldown.String() + ", CODE_REPLACED superseded " + ResendCooldown.String() +
		", CODE_CREATED superseded 0s"
	if strings.Join(got, ", ") != want {
		t.Fatalf("code lines:\n got %s\nwant %s", strings.Join(got, ", "), want)
	}
}

func TestHelpdeskWalkthroughNoAccount(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	csv := "numero_etudiant;nom;prenom;date_naissance;email_personnel;categorie;annee;code_etape;" +
		"statut_inscription;statut_paiement;date_validation\n" +
		"23000001;Roux;Zoé;02/02/2006;zoe.roux@example.org;etudiant;2026;SLINF1;annulee;en_attente;\n"
	if rep, err := f.s.Import(ctx, strings.NewReader(csv), testOrigin); err != nil || rep.Refused > 0 {
		t.Fatal(err, rep)
	}
	res := f.search(t, "zoe roux")
	if len(res.Hits) != 1 || res.Hits[0].Identifiant != "" {
		t.Fatalf("search: %+v", res)
	}
	c := f.card(t, res.Hits[0].PersonID)
	if c.HasAccount() || c.CanCorrectRecovery() || c.CanUnlock() || c.CanResendActivation() {
		t.Fatalf("card without account: %+v", c)
	}
	for _, k := range HelpCases {
		w := c.Walkthrough(k)
		if w.Next != NextScolarite || len(w.Checks) != 1 || w.Checks[0].Fact != "cancelled" {
			t.Fatalf("%s: %+v", k, w)
		}
	}
	if _, err := f.s.HelpdeskUnlock(ctx, f.agent, c.Person.ID, f.o); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unlock without account: %v", err)
	}
}

func TestSetHelpdesk(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	op := Origin{Client: "cli:root"}
	_, err := f.s.SetHelpdesk(ctx, "nobody.here", true, op)
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), `"nobody.here"`) {
		t.Fatalf("unknown: %v", err)
	}
	var notStaff *NotStaffError
	if _, err := f.s.SetHelpdesk(ctx, "hugo.lefevre", true, op); !errors.As(err, &notStaff) ||
		notStaff.Identifiant != "hugo.lefevre@etu.umontpellier.fr" {
		t.Fatalf("student: %v", err)
	}
	rc, err := f.s.SetHelpdesk(ctx, " Ines.Moreau@umontpellier.fr ", false, op)
	if err != nil || rc != (RoleChange{Identifiant: "ines.moreau@umontpellier.fr", Changed: true}) {
		t.Fatalf("revoke: %+v, %v", rc, err)
	}
	l := f.lastAudit(t, EventRoleChange)
	if l.Outcome != "revoked" || l.Identifiant != "ines.moreau@umontpellier.fr" || l.Actor != "cli:root" {
		t.Fatalf("audit: %+v", l)
	}
	if a, _ := f.s.Account(ctx, f.agent.Person.ID); a.Helpdesk {
		t.Fatal("still helpdesk")
	}
	if rc, err := f.s.SetHelpdesk(ctx, "ines.moreau", true, op); err != nil || !rc.Changed {
		t.Fatalf("grant: %+v, %v", rc, err)
	}
	if rc, err := f.s.SetHelpdesk(ctx, "ines.moreau", true, op); err != nil || rc.Changed {
		t.Fatalf("grant again: %+v, %v", rc, err)
	}
	if l := f.lastAudit(t, EventRoleChange); l.Outcome != "unchanged" {
		t.Fatalf("audit: %+v", l)
	}
	if err := f.s.HelpdeskAgent(ctx, f.agent, f.o); err != nil {
		t.Fatal(err)
	}
}

// The audit filter by identifiant finds the lines that carry only the local
// part (locks) and those that carry only the person (IA lookups).
func TestHelpdeskAuditByIdentifiant(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	for range 2 {
		f.clock.Advance(500 * time.Millisecond) // automation: locked at once
		f.s.Login(ctx, "HUGO.lefevre", "wrong-Password-1", testOrigin)
	}
	f.s.LookupRegistrations(ctx, "21805555", time.Date(2002, 11, 21, 0, 0, 0, 0, ParisLocation()), testOrigin)
	entries, err := f.s.HelpdeskAudit(ctx, f.agent, AuditFilter{Identifiant: "hugo.lefevre@etu.umontpellier.fr"})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[Event]int{}
	for _, e := range entries {
		seen[e.Event]++
		if e.Identifiant != "" && e.Identifiant != "hugo.lefevre" && e.Identifiant != "hugo.lefevre@etu.umontpellier.fr" {
			t.Fatalf("another person's line: %+v", e)
		}
	}
	// Two logins: the demo's last login (the demo writes Hugo's story), the fixture's.
	if seen[EventLock] != 1 || seen[EventLoginError] != 2 || seen[EventIALookup] != 1 || seen[EventLogin] != 2 {
		t.Fatalf("lines: %v", seen)
	}
	page, _ := f.s.HelpdeskAudit(ctx, f.agent, AuditFilter{Identifiant: "hugo.lefevre", Limit: 2})
	next, _ := f.s.HelpdeskAudit(ctx, f.agent, AuditFilter{Identifiant: "hugo.lefevre", Limit: 2, BeforeID: page[1].ID})
	if len(page) != 2 || len(next) != 2 || next[0].ID >= page[1].ID {
		t.Fatalf("paging: %+v then %+v", page, next)
	}
}

// BenchmarkHelpdeskSearch searches among 60,000 people (a university's
// students), by name, number and identifiant.
func BenchmarkHelpdeskSearch(b *testing.B) {
	s, _ := openTest(b)
	if _, err := s.LoadDemo(ctx); err != nil {
		b.Fatal(err)
	}
	noms := []string{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
		"Simon", "Laurent", "Lefèbvre", "Michel", "García", "David", "Bertrand", "Roux", "Vincent", "Fournier"}
	prenoms := []string{"Léa", "Hugo", "Chloé", "Louis", "Emma", "Gabriel", "Inès", "Jules", "Manon", "Raphaël",
		"Zoé", "Arthur", "Jade", "Lucas", "Camille", "Nathan", "Sarah", "Noé", "Lina", "Adam"}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		now := fmtTime(s.cfg.Clock.Now())
		for i := range 60000 {
			nom, prenom := noms[i%len(noms)], prenoms[(i/len(noms))%len(prenoms)]
			// RETURNING, not LastInsertId: PostgreSQL's driver has no last insert id.
			var id int64
			err := tx.QueryRow(`INSERT INTO people(student_number, nom, prenom, search_name, birth_date, category,
				personal_email, created_at, updated_at) VALUES (?, ?, ?, ?, '2004-01-01', 'etudiant', ?, ?, ?) RETURNING id`,
				fmt.Sprintf("4%07d", i), nom, prenom, Fold(prenom+" "+nom), fmt.Sprintf("p%d@example.org", i), now, now).Scan(&id)
			if err != nil {
				return err
			}
			local := fmt.Sprintf("%s%d", LocalPart(prenom, nom), i)
			if _, err := tx.Exec(`INSERT INTO accounts(person_id, local_part, identifiant, status, recovery_email,
				validated_at, created_at) VALUES (?, ?, ?, 'pending', ?, ?, ?)`, id, local, local+"@etu.umontpellier.fr",
				fmt.Sprintf("p%d@example.org", i), now, now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	agent, err := s.Login(ctx, "ines.moreau", "Helpdesk-Demo-2026", testOrigin)
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{"lefevre", "hugo lefèbvre", "4001234", "camille.martin", "hugo.lefevre@etu.umontpellier.fr", "zz"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.HelpdeskSearch(ctx, agent, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Opening a card shows personal data: the log says which agent looked at
// whom, once per look (the card read again just after adds nothing).
func TestHelpdeskCardViewAudited(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	hugo := f.student.Person.ID
	views := func() []AuditEntry {
		t.Helper()
		entries, err := f.s.AuditLog(ctx, AuditFilter{PersonID: hugo, Events: []Event{EventHelpdeskView}})
		if err != nil {
			t.Fatal(err)
		}
		return entries
	}
	f.card(t, hugo)
	v := views()
	if len(v) != 1 {
		t.Fatalf("views after opening: %+v", v)
	}
	if e := v[0]; e.Actor != f.agent.Identifiant || e.Identifiant != f.student.Identifiant || e.Outcome != "viewed" ||
		e.Client != f.o.Client || !e.At.Equal(f.clock.Now()) {
		t.Fatalf("view: %+v", e)
	}
	// Read again at once, or after the agent's own action: no new line.
	f.clock.Advance(10 * time.Second)
	f.card(t, hugo)
	if _, err := f.s.HelpdeskSendReset(ctx, f.agent, hugo, f.o); err != nil {
		t.Fatal(err)
	}
	c := f.card(t, hugo)
	if n := len(views()); n != 1 {
		t.Fatalf("%d views after a re-read and an action", n)
	}
	for _, e := range c.Timeline {
		if e.What == string(EventHelpdeskView) {
			t.Fatal("a view in the person's history")
		}
	}
	// A minute later, or after something else happened to the person: a new look.
	f.clock.Advance(viewAgain)
	f.card(t, hugo)
	f.s.Login(ctx, "hugo.lefevre", "Wrong-Password-1", testOrigin)
	f.card(t, hugo)
	if n := len(views()); n != 3 {
		t.Fatalf("%d views, want 3", n)
	}
	// Refused: nothing read, the attempt audited.
	if _, err := f.s.HelpdeskCard(ctx, f.student, hugo, testOrigin); !errors.Is(err, ErrNotHelpdesk) {
		t.Fatalf("student reads a card: %v", err)
	}
	if e := f.lastAudit(t, EventHelpdeskAction); e.Outcome != "refused: not helpdesk" || e.Detail != "view card" ||
		e.Actor != f.student.Identifiant {
		t.Fatalf("refusal: %+v", e)
	}
	if n := len(views()); n != 3 {
		t.Fatalf("%d views after a refusal", n)
	}
}

// The helpdesk's unlock writes UNLOCK, with the agent.
func TestHelpdeskUnlockWritesUnlock(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < LoginFailuresBeforeLock; i++ {
		s.Login(ctx, "hugo.lefevre", "Wrong-Guess-"+itoa(i), Origin{Client: "c" + itoa(i)})
		s.cfg.Clock.(*ManualClock).Advance(2 * LoginAutomationGap)
	}
	agent, _, err := s.accountByLogin(ctx, s.db, "ines.moreau")
	if err != nil {
		t.Fatal(err)
	}
	hugo, _, err := s.accountByLogin(ctx, s.db, "hugo.lefevre")
	if err != nil {
		t.Fatal(err)
	}
	u, err := s.HelpdeskUnlock(ctx, agent, hugo.Person.ID, Origin{Client: "kiosk:helpdesk"})
	if err != nil || !u.Login {
		t.Fatalf("unlock: %+v, %v", u, err)
	}
	entries, err := s.AuditLog(ctx, AuditFilter{Events: []Event{EventUnlock}})
	if err != nil || len(entries) != 1 || entries[0].Actor != agent.Identifiant || entries[0].PersonID != hugo.Person.ID {
		t.Fatalf("UNLOCK entries: %+v, %v", entries, err)
	}
	if _, err := s.Login(ctx, "hugo.lefevre", "Kiosque-Demo-2026", testOrigin); err != nil {
		t.Fatalf("login after the unlock: %v", err)
	}
}

// A change refused for a wrong current password is trouble on the card, not
// a change: the helpdesk reads the history to see what went wrong.
func TestRefusedChangeIsMarkedOnTheCard(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	if _, err := f.s.RequestRecoveryChange(ctx, f.student, "not-my-password", "hugo.new@example.org", f.o); err == nil {
		t.Fatal("a wrong current password was accepted")
	}
	card := f.card(t, f.student.Person.ID)
	found := false
	for _, e := range card.Timeline {
		if e.What == string(EventUpdateRecoveryMail) {
			found = true
			if !e.Problem || e.Outcome != "wrong current password" {
				t.Fatalf("refused change not marked: %+v", e)
			}
		}
	}
	if !found {
		t.Fatal("the refused change is not in the history")
	}
	for _, e := range []AuditEntry{{Event: EventUpdateRecoveryMail, Outcome: "ok"}, {Event: EventLogin, Outcome: "ok"},
		{Event: EventUpdateRedirection, Outcome: "ok"}} {
		if e.Failed() {
			t.Errorf("%+v marked as failed", e)
		}
	}
	for _, e := range []AuditEntry{{Event: EventUpdatePassword, Outcome: "locked"}, {Event: EventHelpdeskAction,
		Outcome: "refused: resend cooldown"}, {Event: EventLoginError, Outcome: "wrong"}} {
		if !e.Failed() {
			t.Errorf("%+v not marked as failed", e)
		}
	}
}

// A reset code sent from the console says the helpdesk asked for it: the
// person did not go through « Problème de connexion », and a homonym who
// receives it by the agent's mistake must not read that they asked. The
// person's own request keeps its words.
func TestHelpdeskResetMailSaysTheHelpdeskAsked(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	hugo := f.student.Person.ID
	if _, err := f.s.HelpdeskSendReset(ctx, f.agent, hugo, f.o); err != nil {
		t.Fatal(err)
	}
	mails, _ := f.s.Outbox(ctx, OutboxFilter{PersonID: hugo})
	if len(mails) == 0 || mails[0].Kind != MailReset {
		t.Fatalf("outbox: %+v", mails)
	}
	body := mails[0].Body
	if !strings.Contains(body, "L'assistance a demandé pour vous") || strings.Contains(body, "Problème de connexion") {
		t.Fatalf("the helpdesk's reset mail:\n%s", body)
	}

	f.clock.Advance(time.Hour)
	if _, err := f.s.StartReset(ctx, "hugo.lefevre", Origin{Client: "kiosk:test", Lang: "fr"}); err != nil {
		t.Fatal(err)
	}
	mails, _ = f.s.Outbox(ctx, OutboxFilter{PersonID: hugo})
	if body := mails[0].Body; !strings.Contains(body, "Problème de connexion") || strings.Contains(body, "L'assistance") {
		t.Fatalf("the person's own reset mail:\n%s", body)
	}
}
