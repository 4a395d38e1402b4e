package data

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"entkiosk/data/directory"
	"entkiosk/data/directory/slapdtest"

	"github.com/go-ldap/ldap/v3"
)

// dirStore is the demo store of openTest's clock with the real slapd of
// slapdtest as its directory.
func dirStore(t testing.TB) (*Store, *ManualClock, *slapdtest.Server, *directory.Directory) {
	t.Helper()
	srv := slapdtest.Start(t)
	d, err := directory.Open(directory.Config{URL: srv.URL(), BindDN: slapdtest.ServiceDN,
		PasswordFile: srv.ServicePasswordFile(), BaseDN: slapdtest.PeopleBase, CAFile: srv.CAFile,
		DialTimeout: time.Second, Timeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	clock := NewManualClock(clockStart)
	s, err := Open(filepath.Join(t.TempDir(), "entkiosk.db"), Config{Clock: clock, Hasher: testHasher, Directory: d,
		LinkHost: "ent.umontpellier.fr", LinkPort: 2222})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	return s, clock, srv, d
}

// activationTicket takes ident through "1ère connexion" up to the code.
func activationTicket(t testing.TB, s *Store, ident, email string) *Ticket {
	t.Helper()
	c, err := s.StartActivation(ctx, ActivationIdentity{Identifiant: ident}, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := s.ActivationChallenge(ctx, c, false, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	code, _ := codeOf(t, lastMail(t, s, email))
	ticket, err := s.VerifyCode(ctx, ch, code, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	return ticket
}

func TestDirectoryActivationWritesThePasswordThere(t *testing.T) {
	t.Parallel()
	s, _, srv, _ := dirStore(t)
	dn := slapdtest.DN("cmartin")
	ticket := activationTicket(t, s, "camille.martin", "camille.martin@example.org")

	// slapd down: a sentence, nothing changed, the code still good.
	srv.Stop()
	choice := ActivationChoice{CharterAccepted: true, Redirect: true, KeepCopy: true, Password: "Tournesol-Vert-42"}
	_, err := s.CompleteActivation(ctx, ticket, choice, testOrigin)
	if !errors.Is(err, ErrDirectoryUnavailable) {
		t.Fatalf("slapd stopped: %v", err)
	}
	if a := account(t, s, "camille.martin"); a.Status != StatusPending {
		t.Fatalf("activated while the directory was down: %s", a.Status)
	}
	if got := auditOutcomes(t, s, EventActivate); !slices.Contains(got, "directory unavailable") {
		t.Fatalf("the audit does not say why: %v", got)
	}

	// slapd back: the same code works, and the directory has the password.
	srv.Restart()
	if _, err := s.CompleteActivation(ctx, ticket, choice, testOrigin); err != nil {
		t.Fatal(err)
	}
	if !srv.CanBind(dn, "Tournesol-Vert-42") {
		t.Fatal("the new password does not bind in the directory")
	}
	if a := account(t, s, "camille.martin"); a.Status != StatusActive || a.passwordHash != "" {
		t.Fatalf("status %s, local hash %q: the directory holds the password, not the store", a.Status, a.passwordHash)
	}
	if _, err := s.Login(ctx, "camille.martin", "Tournesol-Vert-42", testOrigin); err != nil {
		t.Fatalf("login by bind: %v", err)
	}
	// The settings follow through the queue.
	if rep, err := s.ApplyDirectoryQueue(ctx, nil); err != nil || rep.Done != 3 {
		t.Fatalf("queue: %+v %v", rep, err)
	}
	if got := srv.Attr(dn, "mailForwardingAddress"); !slices.Equal(got, []string{"camille.martin@example.org", "camille.martin@etu.umontpellier.fr"}) {
		t.Fatalf("mailForwardingAddress = %v", got)
	}
	if got := srv.Attr(dn, "supannRessourceEtatDate"); !slices.Equal(got, []string{"{COMPTE}A:SupannActif::20271231"}) {
		t.Fatalf("supannRessourceEtatDate = %v", got)
	}
}

func TestDirectoryResetAndLogin(t *testing.T) {
	t.Parallel()
	s, _, srv, _ := dirStore(t)
	dn := slapdtest.DN("hlefevre")
	if _, err := s.Login(ctx, "hugo.lefevre", "Kiosque-Demo-2026", testOrigin); err != nil {
		t.Fatalf("the directory's password: %v", err)
	}
	if _, err := s.Login(ctx, "hugo.lefevre", "Kiosque-Demo-2027", testOrigin); !errors.Is(err, ErrInvalidCredentials) {
		t.Fatalf("wrong password: %v", err)
	}
	if _, err := s.Login(ctx, "personne.inconnue", "Kiosque-Demo-2026", testOrigin); !errors.Is(err, ErrInvalidCredentials) {
		t.Fatalf("unknown: %v", err)
	}
	// A password changed elsewhere (the directory is the truth) works at once.
	c := srv.Admin()
	if err := c.Modify(replace(dn, "userPassword", "Changed-Elsewhere-77")); err != nil {
		t.Fatal(err)
	}
	c.Close()
	if _, err := s.Login(ctx, "hugo.lefevre", "Changed-Elsewhere-77", testOrigin); err != nil {
		t.Fatalf("a password changed in the directory: %v", err)
	}

	ch, err := s.StartReset(ctx, "hugo.lefevre", testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	code, _ := codeOf(t, lastMail(t, s, "hugo.lefevre@example.org"))
	ticket, err := s.VerifyCode(ctx, ch, code, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	// The directory's policy refuses what entkiosk's accepts: said, code kept.
	_, err = s.CompleteReset(ctx, ticket, "Ruisseau-7b", testOrigin)
	var pe *DirectoryPolicyError
	if !errors.As(err, &pe) || pe.Reason != directory.PolicyTooShort || pe.MinLength != slapdtest.MinLength {
		t.Fatalf("under pwdMinLength: %v (minimum %d)", err, pe.MinLength)
	}
	var local *PolicyError
	if !errors.As(err, &local) {
		t.Fatal("a directory policy refusal must read as a PolicyError (the screens keep the fields)")
	}
	if _, err := s.CompleteReset(ctx, ticket, "Nouveau-Depart-2027", testOrigin); err != nil {
		t.Fatal(err)
	}
	if !srv.CanBind(dn, "Nouveau-Depart-2027") || srv.CanBind(dn, "Changed-Elsewhere-77") {
		t.Fatal("after the reset, the new password must bind and the old one not")
	}
	if _, err := s.Login(ctx, "hugo.lefevre", "Changed-Elsewhere-77", testOrigin); !errors.Is(err, ErrInvalidCredentials) {
		t.Fatalf("the old password still logs in: %v", err)
	}
}

func TestDirectoryNotYetFed(t *testing.T) {
	t.Parallel()
	s, _, srv, _ := dirStore(t)
	ticket := activationTicket(t, s, "jean-luc.dalembert", "jl.dalembert@example.org")
	choice := ActivationChoice{CharterAccepted: true, Password: "Tournesol-Vert-42"}
	if _, err := s.CompleteActivation(ctx, ticket, choice, testOrigin); !errors.Is(err, ErrNotInDirectory) {
		t.Fatalf("not in the directory: %v", err)
	}
	jl := account(t, s, "jean-luc.dalembert")
	if card, err := s.readCard(ctx, jl.Person.ID); err != nil || card.Directory == nil || !card.Directory.Answered || card.Directory.Known {
		t.Fatalf("the helpdesk card must say he is not in the directory: %+v %v", card.Directory, err)
	}
	rep, err := s.CheckDirectory(ctx)
	if err != nil || !slices.Equal(rep.Missing, []string{"jean-luc.dalembert@etu.umontpellier.fr"}) {
		t.Fatalf("check: %+v %v", rep, err)
	}
	// The provisioning feeds it: the same code works.
	srv.Add(slapdtest.Person{UID: "jldalembert", Alias: "jean-luc.dalembert", Given: "Jean-Luc", SN: "D'Alembert",
		Mail: "jean-luc.dalembert@etu.umontpellier.fr", Perso: "jean-luc.dalembert@example.org"})
	if _, err := s.CompleteActivation(ctx, ticket, choice, testOrigin); err != nil {
		t.Fatal(err)
	}
	card, err := s.readCard(ctx, jl.Person.ID)
	if err != nil || !card.Directory.Known || card.Directory.Pending != 3 {
		t.Fatalf("card after activation: %+v %v", card.Directory, err)
	}
}

func TestDirectoryQueueSurvivesADirectoryDown(t *testing.T) {
	s, clock, srv, _ := dirStore(t)
	hugo := account(t, s, "hugo.lefevre")
	srv.Stop()
	// Hugo forwards to his mail de secours (applies at once, no code).
	if _, err := s.SetRedirection(ctx, hugo, "Kiosque-Demo-2026", "hugo.lefevre@example.org", false, testOrigin); !errors.Is(err, ErrDirectoryUnavailable) {
		t.Fatalf("the current password is checked by a bind: with slapd down, %v", err)
	}
	srv.Restart()
	if _, err := s.SetRedirection(ctx, hugo, "Kiosque-Demo-2026", "hugo.lefevre@example.org", false, testOrigin); err != nil {
		t.Fatal(err)
	}
	srv.Stop()
	rep, err := s.ApplyDirectoryQueue(ctx, nil)
	if err != nil || rep.Retry != 1 || rep.Done != 0 {
		t.Fatalf("slapd down: %+v %v", rep, err)
	}
	pending, _ := s.DirectoryQueue(ctx, DirectoryFilter{Status: DirPending})
	if len(pending) != 1 || pending[0].Attempts != 1 || !pending[0].NextTryAt.Equal(clock.Now().Add(10*time.Second)) {
		t.Fatalf("pending: %+v", pending)
	}
	// A restart of entkiosk: the queue is in the store.
	s.Close()
	s2, err := Open(s.Path(), Config{Clock: clock, Hasher: testHasher, Directory: s.cfg.Directory, LinkHost: "ent.umontpellier.fr", LinkPort: 2222})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	srv.Restart()
	if rep, _ := s2.ApplyDirectoryQueue(ctx, nil); rep.Done != 0 {
		t.Fatal("applied before its retry time")
	}
	clock.Advance(10 * time.Second)
	if rep, err := s2.ApplyDirectoryQueue(ctx, nil); err != nil || rep.Done != 1 {
		t.Fatalf("back: %+v %v", rep, err)
	}
	if rep, _ := s2.ApplyDirectoryQueue(ctx, nil); rep.Done+rep.Retry+rep.Failed != 0 {
		t.Fatalf("applied twice: %+v", rep)
	}
	if got := srv.Attr(slapdtest.DN("hlefevre"), "mailForwardingAddress"); !slices.Equal(got, []string{"hugo.lefevre@example.org"}) {
		t.Fatalf("mailForwardingAddress = %v", got)
	}
}

func TestNoDirectoryQueuesNothing(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	hugo := account(t, s, "hugo.lefevre")
	if _, err := s.SetRedirection(ctx, hugo, "Kiosque-Demo-2026", "hugo.lefevre@example.org", true, testOrigin); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "directory_queue"); n != 0 {
		t.Fatalf("without a directory, %d rows queued", n)
	}
}

func account(t testing.TB, s *Store, local string) *Account {
	t.Helper()
	a, _, err := s.accountByLogin(ctx, s.db, local)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func auditOutcomes(t testing.TB, s *Store, e Event) []string {
	t.Helper()
	rows, err := s.db.Query(`SELECT outcome FROM audit WHERE event = ? ORDER BY id`, string(e))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var o string
		rows.Scan(&o)
		out = append(out, o)
	}
	return out
}

func replace(dn, attr string, values ...string) *ldap.ModifyRequest {
	m := ldap.NewModifyRequest(dn, nil)
	m.Replace(attr, values)
	return m
}

func TestDirectoryPasswordChangeAndOutage(t *testing.T) {
	t.Parallel()
	s, _, srv, _ := dirStore(t)
	dn := slapdtest.DN("hlefevre")
	hugo := account(t, s, "hugo.lefevre")
	if err := s.ChangePassword(ctx, hugo, "Kiosque-Demo-2025", "Riviere-Calme-2027", testOrigin); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("a wrong current password: %v", err)
	}
	if err := s.ChangePassword(ctx, hugo, "Kiosque-Demo-2026", "Riviere-Calme-2027", testOrigin); err != nil {
		t.Fatal(err)
	}
	if !srv.CanBind(dn, "Riviere-Calme-2027") || srv.CanBind(dn, "Kiosque-Demo-2026") {
		t.Fatal("the change did not reach the directory")
	}
	// Back to a password of the directory's history: refused there, said.
	err := s.ChangePassword(ctx, hugo, "Riviere-Calme-2027", "Kiosque-Demo-2026", testOrigin)
	var pe *DirectoryPolicyError
	if !errors.As(err, &pe) || pe.Reason != directory.PolicyInHistory {
		t.Fatalf("a password of the history: %v", err)
	}
	// Directory down: the same answer for a known and an unknown
	// identifiant, and nothing counted against either.
	before := countRows(t, s, "throttle_failures")
	srv.Stop()
	for _, ident := range []string{"hugo.lefevre", "personne.inconnue"} {
		if _, err := s.Login(ctx, ident, "Riviere-Calme-2027", testOrigin); !errors.Is(err, ErrDirectoryUnavailable) {
			t.Fatalf("%s with slapd down: %v", ident, err)
		}
	}
	if n := countRows(t, s, "throttle_failures"); n != before {
		t.Fatalf("%d failures counted while the directory was down", n-before)
	}
}

// A réinscription imported for an active account moves the directory's
// account state to the new end of rights.
func TestDirectoryFollowsAReinscription(t *testing.T) {
	t.Parallel()
	s, _, srv, _ := dirStore(t)
	importLines(t, s, student("21500042", "Bernard", "Paul", "05/05/1999", "paul.bernard@example.org", "2026-11-20T09:00:00+01:00"))
	if rep, err := s.ApplyDirectoryQueue(ctx, nil); err != nil || rep.Done != 1 {
		t.Fatalf("queue: %+v %v", rep, err)
	}
	if got := srv.Attr(slapdtest.DN("pbernard"), "supannRessourceEtatDate"); !slices.Equal(got, []string{"{COMPTE}A:SupannActif::20271231"}) {
		t.Fatalf("supannRessourceEtatDate = %v", got)
	}
}

// A new mail de secours, confirmed by its code, reaches supannMailPerso.
func TestDirectoryFollowsTheMailDeSecours(t *testing.T) {
	t.Parallel()
	s, _, srv, _ := dirStore(t)
	hugo := account(t, s, "hugo.lefevre")
	ch, err := s.RequestRecoveryChange(ctx, hugo, "Kiosque-Demo-2026", "hugo.nouveau@example.net", testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	code, _ := codeOf(t, lastMail(t, s, "hugo.nouveau@example.net"))
	ticket, err := s.VerifyCode(ctx, ch, code, testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ConfirmRecoveryChange(ctx, ticket, testOrigin); err != nil {
		t.Fatal(err)
	}
	if rep, err := s.ApplyDirectoryQueue(ctx, nil); err != nil || rep.Done != 1 {
		t.Fatalf("queue: %+v %v", rep, err)
	}
	if got := srv.Attr(slapdtest.DN("hlefevre"), "supannMailPerso"); !slices.Equal(got, []string{"hugo.nouveau@example.net"}) {
		t.Fatalf("supannMailPerso = %v", got)
	}
}

// entkiosk's lock stays in front of the directory: while an identifiant is
// locked here, guesses never reach the directory, whose own lockout would
// shut the person out of every campus service.
func TestDirectoryNotAskedWhileLocked(t *testing.T) {
	t.Parallel()
	s, clock, srv, _ := dirStore(t)
	dn := slapdtest.DN("hlefevre")
	for i := range 6 {
		if _, err := s.Login(ctx, "hugo.lefevre", "Mauvais-Essai-1", Origin{Client: fmt.Sprintf("c%d", i)}); !errors.Is(err, ErrInvalidCredentials) {
			t.Fatal(err)
		}
	}
	asked := len(srv.Attr(dn, "pwdFailureTime"))
	if asked == 0 || asked > 2 {
		t.Fatalf("the directory counted %d failures: two tries less than a second apart lock here at once", asked)
	}
	if _, err := s.Login(ctx, "hugo.lefevre", "Kiosque-Demo-2026", testOrigin); !errors.Is(err, ErrInvalidCredentials) {
		t.Fatalf("the right password during the lock: %v", err)
	}
	if n := len(srv.Attr(dn, "pwdFailureTime")); n != asked {
		t.Fatalf("the directory was asked during the lock: %d failures, %d before", n, asked)
	}
	clock.Advance(15 * time.Minute)
	if _, err := s.Login(ctx, "hugo.lefevre", "Kiosque-Demo-2026", testOrigin); err != nil {
		t.Fatalf("after the lock: %v", err)
	}
}
