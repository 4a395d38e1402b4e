package tui

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"entkiosk/data"
	"entkiosk/data/institution"
	"entkiosk/screens"
)

// The helpdesk console, driven as an agent would (Inès Moreau, demo data).
// Helpers are prefixed hd: other areas' tests share this package.

// hdLogin logs in from the home screen.
func (tm *testModel) hdLogin(identifiant, password string) {
	tm.t.Helper()
	tm.typeText(identifiant)
	tm.press("enter")
	tm.typeText(password)
	tm.press("enter")
	if tm.Common().Account == nil {
		tm.t.Fatalf("%s not logged in:\n%s", identifiant, tm.screen())
	}
}

// hdConsole is a kiosk session where the agent logged in and chose
// "Console assistance" on the dashboard.
func hdConsole(t *testing.T) *testModel {
	t.Helper()
	tm := newTestModel(t)
	tm.hdLogin("ines.moreau", "Helpdesk-Demo-2026")
	tm.dashAction("Console assistance")
	tm.requireScreen("Console assistance", "Rechercher une personne")
	return tm
}

// hdOpen searches and opens the first person found.
func (tm *testModel) hdOpen(query string) {
	tm.t.Helper()
	tm.typeText(query)
	tm.press("enter", "enter")
	tm.requireScreen("1 Fiche", "2 Historique")
}

// hdGolden compares the frame with the golden file of the (sub)test t.
func hdGolden(t *testing.T, tm *testModel) {
	t.Helper()
	golden.RequireEqual(t, []byte(tm.screen()))
}

func hdAudit(t *testing.T, s *data.Store, e data.Event) data.AuditEntry {
	t.Helper()
	entries, err := s.AuditLog(context.Background(), data.AuditFilter{Events: []data.Event{e}, Limit: 1})
	if err != nil || len(entries) == 0 {
		t.Fatalf("no %s audited (%v)", e, err)
	}
	return entries[0]
}

func TestHelpdeskConsoleScreens(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	// Hugo mistyped his password once.
	tm.clock.Advance(time.Minute)
	tm.store.Login(context.Background(), "hugo.lefevre", "Wrong-Password-7", data.Origin{Client: "ssh:203.0.113.9"})

	t.Run("search", func(t *testing.T) {
		tm.typeText("petit")
		tm.press("enter")
		tm.requireScreen("2 personnes", "Petit Marie", "marie.petit2", "22200002")
		hdGolden(t, tm)
	})
	t.Run("card", func(t *testing.T) {
		for range len("petit") {
			tm.press("backspace")
		}
		tm.hdOpen("Lefèvre")
		tm.requireScreen("Hugo Lefèvre · hugo.lefevre@etu.umontpellier.fr", "n° 21805555", "hu•••••e@ex•••••e.org",
			"1 échec récent", "Envoyer un code de réinitialisation", "Déverrouiller")
		if strings.Contains(tm.screen(), "hugo.lefevre@example.org") {
			t.Fatal("full address shown")
		}
		hdGolden(t, tm)
	})
	t.Run("history", func(t *testing.T) {
		tm.press("right")
		tm.requireScreen("Échec de connexion : mot de passe incorrect", "ssh:203.0.113.9", "IA validée")
		hdGolden(t, tm)
	})
	t.Run("walk", func(t *testing.T) {
		tm.press("right")
		tm.requireScreen("◉ Problème de connexion", "1 échec en 15 min",
			"le 25/11/2026 à 10:01 : mot de passe incorrect", "À faire : envoyer un code")
		hdGolden(t, tm)
	})
	t.Run("journal", func(t *testing.T) {
		tm.press("right")
		tm.requireScreen("Échec de connexion", "mot de passe incorrect", "Compte créé", "en attente d'activation")
		for _, raw := range []string{"LOGIN_ERROR", "ACCOUNT_CREATED", "wrong", "pending"} {
			if strings.Contains(tm.screen(), raw) {
				t.Fatalf("the journal shows %q:\n%s", raw, tm.screen())
			}
		}
		hdGolden(t, tm)
	})
	t.Run("confirm", func(t *testing.T) {
		tm.press("1", "enter")
		tm.requireScreen("Envoyer un code de réinitialisation", "hu•••••e@ex•••••e.org", "[ Confirmer ]", "[ Annuler ]")
		hdGolden(t, tm)
	})
	t.Run("sent", func(t *testing.T) {
		tm.press("enter")
		tm.requireSaid("✓ Code de réinitialisation créé, mail en file d'envoi vers hu•••••e@ex•••••e.org ; " +
			"nouvel envoi possible à 10:02.")
		hdGolden(t, tm)
	})
	t.Run("correct", func(t *testing.T) {
		tm.press("down", "down", "enter")
		tm.requireScreen("Corriger le mail de secours", "21805555", "21/11/2002", "Nouveau mail de secours",
			"[ ] L'identité est vérifiée")
		hdGolden(t, tm)
	})
	t.Run("card_en", func(t *testing.T) {
		tm.press("esc", "f2")
		defer tm.press("f2")
		tm.requireScreen("1 Card", "Send a reset code", "Recovery address", "1 recent failure")
		hdGolden(t, tm)
	})
	t.Run("audit", func(t *testing.T) {
		tm.press("esc", "tab", "enter")
		tm.requireScreen("Journal d'audit", "Fiche consultée", "hugo.lefevre", "Assistance · par ines.moreau")
		hdGolden(t, tm)
	})
}

// A student who reaches the console gets "not available" and nothing else;
// the store refuses whatever the screen does.
// A personal address typed in the search is said to be one: by its local
// part it found the account of that name (hugo.lefevre@gmail.com, anyone's
// address, listed Hugo Lefèvre), or « Personne ne correspond ».
func TestHelpdeskSearchByPersonalAddress(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	tm.typeText("lefevre")
	tm.press("enter")
	tm.requireScreen("1 personne", "Lefèvre Hugo")
	for range len("lefevre") {
		tm.press("backspace")
	}
	tm.typeText("hugo.lefevre@gmail.com")
	tm.press("enter")
	tm.requireScreen("C'est une adresse personnelle : la recherche ne se fait pas par elle.")
	if strings.Contains(tm.screen(), "Lefèvre Hugo") {
		t.Fatalf("a personal address listed someone:\n%s", tm.screen())
	}
}

func TestHelpdeskRefusedToStudent(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.hdLogin("hugo.lefevre", "Kiosque-Demo-2026")
	tm.send(screens.NavigateMsg{Page: screens.PageHelpdesk})
	tm.requireScreen("Cette fonction n'est pas disponible.")
	tm.typeText("martin")
	tm.press("enter", "tab", "enter", "right")
	for _, no := range []string{"Rechercher", "Martin", "Journal", "Fiche"} {
		if strings.Contains(tm.screen(), no) {
			t.Fatalf("a student sees %q:\n%s", no, tm.screen())
		}
	}
	tm.requireGolden()
	if e := hdAudit(t, tm.store, data.EventHelpdeskAction); e.Outcome != "refused: not helpdesk" ||
		e.Actor != "hugo.lefevre@etu.umontpellier.fr" {
		t.Fatalf("refusal not audited: %+v", e)
	}
	tm.press("esc")
	if _, still := tm.Screen().(interface{ IsHelpdesk() }); still {
		t.Fatal("esc did not leave")
	}
}

// The role is read in the store at every request: revoked while the
// console is open, the next search is refused.
func TestHelpdeskRoleRevokedDuringSession(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	if _, err := tm.store.SetHelpdesk(context.Background(), "ines.moreau", false, data.Origin{Client: "cli:root"}); err != nil {
		t.Fatal(err)
	}
	tm.typeText("martin")
	tm.press("enter")
	tm.requireScreen("Cette fonction n'est pas disponible.")
	if strings.Contains(tm.screen(), "Camille") {
		t.Fatalf("results after revocation:\n%s", tm.screen())
	}
}

// Hugo is locked out: the walk-through says so and leads to the unlock.
func TestHelpdeskUnlockThroughWalkthrough(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	ctx := context.Background()
	for range data.LoginFailuresBeforeLock {
		tm.clock.Advance(2 * time.Second)
		tm.store.Login(ctx, "hugo.lefevre", "Wrong-Password-7", data.Origin{Client: "kiosk:bu-sciences/tty2"})
	}
	tm.hdOpen("21805555")
	tm.requireScreen("connexion verrouillée jusqu'à 10:01")
	tm.press("3")
	tm.requireScreen("◉ Problème de connexion", "verrouillé jusqu'à 10:01 (verrouillage n° 1)", "À faire : déverrouiller",
		"Entrée : Déverrouiller")
	tm.press("enter")
	tm.requireScreen("Déverrouiller", "[ Confirmer ]")
	tm.press("enter")
	tm.requireScreen("✓ Connexion déverrouillée.", "pas de verrouillage", "À faire : envoyer un code de réinitialisation")
	if _, err := tm.store.Login(ctx, "hugo.lefevre", "Kiosque-Demo-2026", data.Origin{Client: "kiosk:x"}); err != nil {
		t.Fatalf("still locked: %v", err)
	}
	e := hdAudit(t, tm.store, data.EventHelpdeskAction)
	if e.Detail != "unlock login" || e.Actor != "ines.moreau@umontpellier.fr" || e.Identifiant != "hugo.lefevre@etu.umontpellier.fr" {
		t.Fatalf("audit: %+v", e)
	}
}

func TestHelpdeskCorrectRecoveryNeedsIdentityCheck(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	// Her three code mails of the hour went to the wrong address.
	agent, err := tm.store.Login(context.Background(), "ines.moreau", "Helpdesk-Demo-2026", data.Origin{Client: "test"})
	if err != nil {
		t.Fatal(err)
	}
	camille := hdPersonID(t, tm.store, "camille.martin")
	for range 2 {
		tm.clock.Advance(data.ResendCooldown)
		if _, err := tm.store.HelpdeskResendActivation(context.Background(), agent, camille, data.Origin{Client: "test"}); err != nil {
			t.Fatal(err)
		}
	}
	tm.hdOpen("camille martin")
	tm.press("down", "enter") // the second action: correct the mail de secours
	tm.requireScreen("Corriger le mail de secours", "21901234", "14/07/2004")
	tm.typeText("camille.m@example.net")
	tm.press("enter", "tab", "enter") // not ticked
	tm.requireScreen("Vérifiez d'abord l'identité de la personne, puis cochez la case.")
	tm.requireScreen("cocher")
	tm.press("space")                   // the refusal put the focus on the box
	tm.requireScreen("Espace décocher") // the help line says what Space does now
	tm.press("tab", "enter")
	// Issue 12.3: the address whole, to be read back before it is saved.
	tm.requireScreen("Nouveau mail de secours, en entier", "camille.m@example.net", "› [ Enregistrer ]", "Modifier")
	tm.requireGolden()
	tm.press("enter")
	// Issue 12.9: saved, masked from now on, and a new code offered at once
	// (the hour's three mails to the wrong address no longer count).
	tm.requireSaid("✓ Mail de secours corrigé : ca•••••m@ex•••••e.net.")
	tm.requireScreen("› [ Envoyer un nouveau code ]", "Retour à la fiche")
	if strings.Contains(tm.screen(), "camille.m@example.net") {
		t.Fatalf("the saved address shows whole:\n%s", tm.screen())
	}
	tm.press("enter")
	tm.requireScreen("Renvoyer le code d'activation", "ca•••••m@ex•••••e.net")
	tm.press("enter")
	tm.requireSaid("✓ Code d'activation créé, mail en file d'envoi vers ca•••••m@ex•••••e.net")
	tm.requireScreen("Mail de secours ca•••••m@ex•••••e.net")
	acct, _ := tm.store.Account(context.Background(), hdPersonID(t, tm.store, "camille.martin"))
	if acct.RecoveryEmail != "camille.m@example.net" {
		t.Fatalf("recovery: %q", acct.RecoveryEmail)
	}
	if e := hdAudit(t, tm.store, data.EventHelpdeskAction); e.Detail != "activation code sent to ca•••••m@ex•••••e.net" {
		t.Fatalf("audit: %+v", e)
	}
	// The history says it, in French.
	tm.press("2")
	tm.requireScreen("Assistance · par ines.moreau (mail de secours corrigé", "Code d'activation annulé (mail de secours corrigé)")
}

func hdPersonID(t *testing.T, s *data.Store, query string) int64 {
	t.Helper()
	agent, err := s.Login(context.Background(), "ines.moreau", "Helpdesk-Demo-2026", data.Origin{Client: "test"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.HelpdeskSearch(context.Background(), agent, query)
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("search %q: %v %+v", query, err, res)
	}
	return res.Hits[0].PersonID
}

func TestHelpdeskAuditLogPagingAndFilters(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	ctx := context.Background()
	for i := range 30 {
		tm.clock.Advance(2 * time.Second)
		tm.store.Login(ctx, "paul.bernard", fmt.Sprintf("Wrong-%02d", i), data.Origin{Client: "ssh:198.51.100.4"})
	}
	tm.press("tab", "enter")
	tm.requireScreen("Journal d'audit", "page 1")
	first := tm.screen()
	tm.press("pgdown")
	tm.requireScreen("page 2")
	if tm.screen() == first {
		t.Fatal("page 2 is page 1")
	}
	tm.press("pgup")
	tm.requireScreen("page 1")
	// Only Marie Petit (the first, not marie.petit2).
	tm.typeText("marie.petit")
	tm.press("enter")
	tm.requireScreen("Compte créé", "marie.petit ")
	if strings.Contains(tm.screen(), "marie.petit2") || strings.Contains(tm.screen(), "paul.bernard") {
		t.Fatalf("filter by identifiant:\n%s", tm.screen())
	}
	// Only the locks, everybody.
	for range len("marie.petit") {
		tm.press("backspace")
	}
	tm.press("enter", "tab")
	for tm.screen() != "" && !strings.Contains(tm.screen(), "‹ Verrouillage ›") {
		tm.press("right")
	}
	for _, line := range strings.Split(tm.screen(), "\n") {
		if strings.Contains(line, "Échec de connexion") {
			t.Fatalf("event filter:\n%s", tm.screen())
		}
	}
	tm.requireScreen("Verrouillage", "paul.bernard", "verrouillé")
	tm.press("down")
	tm.requireScreen("Verrouillage : verrouillé (connexion bloquée pendant ")
}

// The end-to-end case of the issue: an agent resends an activation code
// from the console while the student activates at a kiosk that is another
// process on the same store file. The student's first code stops working;
// the newest one activates the account.
func TestHelpdeskResendWhileStudentActivates(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	student := hdStartStudent(t, tm.store.Path())
	student.ask("clock " + tm.clock.Now().Format(time.RFC3339Nano))
	if got := student.ask("open camille.martin"); got != "ok étape 2 sur 5 : code d'activation" {
		t.Fatalf("student start: %s", got)
	}
	oldCode := hdNewestCode(t, tm.store, "camille.martin@example.org")

	tm.clock.Advance(data.ResendCooldown)
	student.ask("clock " + tm.clock.Now().Format(time.RFC3339Nano))
	tm.hdOpen("camille")
	tm.press("enter") // Renvoyer le code d'activation
	tm.requireScreen("Renvoyer le code d'activation", "ca•••••n@ex•••••e.org")
	tm.press("enter") // Confirmer
	tm.requireScreen("✓ Code d'activation créé, mail en file d'envoi vers ca•••••n@ex•••••e.org")
	newCode := hdNewestCode(t, tm.store, "camille.martin@example.org")
	if newCode == oldCode {
		t.Fatal("no new code")
	}
	if strings.Contains(tm.screen(), newCode) {
		t.Fatal("the agent sees the code")
	}

	// The student's screen was opened before the resend: the old code is
	// refused there (it says it was replaced), the new one goes on.
	if got := strings.ReplaceAll(student.ask("code "+oldCode), "\u00a0", " "); got != "refused ✗ Ce code vient d'un mail "+
		"précédent, remplacé par celui parti à 10:01 vers ca•••••n@ex•••••e.org : saisissez le code du dernier mail." {
		t.Fatalf("old code: %s", got)
	}
	if got := student.ask("code " + newCode); got != "ok étape 3 sur 5 : charte" {
		t.Fatalf("new code: %s", got)
	}
	if got := student.ask("finish Tramway-Ocre-Lune-42"); got != "ok compte activé" {
		t.Fatalf("finish: %s", got)
	}
	student.close()

	tm.press("esc", "enter") // the card again, read anew
	tm.requireScreen("actif, activé le 25/11/2026")
	tm.press("2")
	tm.requireScreen("Compte activé", "Code d'activation utilisé", "Code d'activation remplacé par un nouveau code",
		// No relay here: activating cancelled the mails still waiting (their
		// codes no longer work), and the history says so.
		"Code d'activation créé (mail vers ca•••••n@ex•••••e.org annulé",
		"Code refusé : code d'un mail précédent (code d'activation)")
	if strings.Contains(tm.screen(), "envoyé") {
		t.Fatalf("the history says a queued mail was sent:\n%s", tm.screen())
	}
	e := hdAudit(t, tm.store, data.EventActivate)
	if e.Client != "kiosk:student-process" {
		t.Fatalf("activation not by the other process: %+v", e)
	}
	if _, err := tm.store.Login(context.Background(), "camille.martin", "Tramway-Ocre-Lune-42", data.Origin{}); err != nil {
		t.Fatalf("login with the new password: %v", err)
	}
}

var hdCodeLine = regexp.MustCompile(`(?m)^Code ?: (\d{8})$`)

// hdNewestCode reads the newest code mailed to an address (the demo mailbox).
func hdNewestCode(t *testing.T, s *data.Store, to string) string {
	t.Helper()
	mails, err := s.Outbox(context.Background(), data.OutboxFilter{To: to})
	if err != nil {
		t.Fatal(err)
	}
	newest := data.Mail{}
	for _, m := range mails {
		if hdCodeLine.MatchString(m.Body) && m.ID > newest.ID {
			newest = m
		}
	}
	if newest.ID == 0 {
		t.Fatalf("no code mailed to %s", to)
	}
	return hdCodeLine.FindStringSubmatch(newest.Body)[1]
}

// hdStudent is the other process: this test binary, run as
// TestHelpdeskStudentProcess, answering one line per command.
type hdStudent struct {
	t     *testing.T
	cmd   *exec.Cmd
	in    io.WriteCloser
	lines *bufio.Scanner
}

func hdStartStudent(t *testing.T, storePath string) *hdStudent {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelpdeskStudentProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), "ENTKIOSK_TEST_STUDENT_STORE="+storePath)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &hdStudent{t: t, cmd: cmd, in: in, lines: bufio.NewScanner(out)}
	t.Cleanup(func() { s.in.Close(); s.cmd.Wait() })
	return s
}

func (s *hdStudent) ask(command string) string {
	s.t.Helper()
	fmt.Fprintln(s.in, command)
	for s.lines.Scan() {
		if answer, ok := strings.CutPrefix(s.lines.Text(), "ANSWER "); ok {
			return answer
		}
	}
	s.t.Fatalf("student process ended before answering %q", command)
	return ""
}

func (s *hdStudent) close() {
	s.in.Close()
	if err := s.cmd.Wait(); err != nil {
		s.t.Fatalf("student process: %v", err)
	}
}

// TestHelpdeskStudentProcess is the kiosk of
// TestHelpdeskResendWhileStudentActivates: its own process, its own store
// handle and clock, the real "1ère connexion" screens. It does nothing when
// run on its own.
func TestHelpdeskStudentProcess(t *testing.T) {
	t.Parallel()
	path := os.Getenv("ENTKIOSK_TEST_STUDENT_STORE")
	if path == "" {
		t.Skip("the other process of TestHelpdeskResendWhileStudentActivates")
	}
	clock := data.NewManualClock(testNow)
	store, err := data.Open(path, data.Config{Clock: clock, Hasher: testHasher, LinkHost: "ent.umontpellier.fr", Institution: institution.Demo(),
		LinkPort: 2222})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	wall := data.NewManualClock(testNow)
	tm := &testModel{t: t, store: store, clock: clock, wall: wall, Model: New(Options{Store: store,
		Renderer: asciiRenderer(), Lang: screens.French, Kiosk: true, Demo: true, Client: "kiosk:student-process",
		Now: wall.Now, Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }})}
	tm.settle(tm.Init())
	tm.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	// What the screen says: its step title, or its error line.
	says := func(want string) string {
		screen := tm.screen()
		if strings.Contains(screen, want) {
			return "ok " + want
		}
		lines := strings.Split(screen, "\n")
		for i, line := range lines {
			if l := strings.TrimSpace(line); strings.HasPrefix(l, "✗") {
				// A long refusal wraps: its next lines, up to a blank one.
				for _, next := range lines[i+1:] {
					if strings.TrimSpace(next) == "" {
						break
					}
					l += " " + strings.TrimSpace(next)
				}
				return "refused " + l
			}
		}
		return "unexpected screen:\n" + screen
	}
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		verb, arg, _ := strings.Cut(in.Text(), " ")
		answer := "ok"
		switch verb {
		case "clock":
			now, err := time.Parse(time.RFC3339Nano, arg)
			if err != nil {
				t.Fatal(err)
			}
			clock.Set(now)
			wall.Set(now)
		case "open":
			tm.openActivation()
			tm.identify(arg)
			answer = says("étape 2 sur 5 : code d'activation")
		case "code":
			tm.typeText(arg)
			tm.press("enter")
			answer = says("étape 3 sur 5 : charte")
		case "finish":
			tm.acceptCharter()
			tm.press("enter") // no redirection
			tm.choosePassword(arg)
			answer = says("compte activé")
		}
		fmt.Println("ANSWER " + strings.ReplaceAll(answer, "\n", " ⏎ "))
	}
}

// hdBusyHugo gives Hugo a long card: a login from a kiosk, a redirection
// with a copy kept, a session ended with the home key, then five wrong
// passwords that lock his login.
func hdBusyHugo(t *testing.T, tm *testModel) {
	t.Helper()
	ctx := context.Background()
	kiosk := data.Origin{Client: "kiosk:vm/pts/3", Lang: "fr"}
	acct, err := tm.store.Login(ctx, "hugo.lefevre", "Kiosque-Demo-2026", kiosk)
	if err != nil {
		t.Fatal(err)
	}
	const perso = "hugo.lefevre.perso@provider.example"
	ch, err := tm.store.SetRedirection(ctx, acct, "Kiosque-Demo-2026", perso, true, kiosk)
	if err != nil {
		t.Fatal(err)
	}
	tk, err := tm.store.VerifyCode(ctx, ch, hdNewestCode(t, tm.store, perso), kiosk)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tm.store.ConfirmRedirection(ctx, tk, kiosk); err != nil {
		t.Fatal(err)
	}
	if err := tm.store.Logout(ctx, acct, kiosk, "home key"); err != nil {
		t.Fatal(err)
	}
	for range data.LoginFailuresBeforeLock {
		tm.clock.Advance(2 * time.Second)
		tm.store.Login(ctx, "hugo.lefevre", "Wrong-Password-7", kiosk)
	}
}

// hdVisit opens every page of the console on Hugo's card and calls check
// on each, with its name.
func hdVisit(t *testing.T, tm *testModel, check func(page string)) {
	t.Helper()
	tm.typeText("lefèvre")
	tm.press("enter")
	check("search")
	tm.press("enter")
	tm.requireScreen("Hugo Lefèvre")
	for i, tab := range []string{"card", "history", "walk", "journal"} {
		tm.press(string(rune('1' + i)))
		check(tab)
		if tab == "journal" {
			for range 12 { // every line of the page, each in full at the bottom
				tm.press("down")
				check("journal line")
			}
		}
	}
	tm.press("1", "down", "enter") // Déverrouiller
	check("confirm unlock")
	tm.press("esc", "down", "enter") // Corriger le mail de secours
	check("correct")
	tm.press("esc", "esc") // the search
	for range len("lefèvre") {
		tm.press("backspace")
	}
	tm.press("tab", "enter")
	check("audit log")
	for range 6 {
		tm.press("down")
		check("audit log line")
	}
	tm.press("esc")
}

// hdTableRow is a row of an audit table (the whole log, a card's journal):
// one line, its cells cut ("…") to their column, the chosen row in full
// below the table.
var hdTableRow = regexp.MustCompile(`^ [› ] \d\d/\d\d \d\d:\d\d `)

// Nothing the agent reads is cut: long values wrap under their column, at
// 80×24 and 120×40, in French and in English; and French shows no English
// word of the store. The audit tables alone cut their cells, one line a
// row: the chosen row is said in full under them (visited row by row).
func TestHelpdeskNothingCut(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, lang := range []string{"fr", "en"} {
			t.Run(fmt.Sprintf("%dx%d_%s", size[0], size[1], lang), func(t *testing.T) {
				tm := hdConsole(t)
				hdBusyHugo(t, tm)
				tm.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				if lang == "en" {
					tm.press("f2")
				}
				seen := ""
				hdVisit(t, tm, func(page string) {
					t.Helper()
					s := tm.screen()
					tm.requireWidth(size[0])
					table := strings.HasPrefix(page, "journal") || strings.HasPrefix(page, "audit log")
					for _, line := range strings.Split(s, "\n") {
						if strings.Contains(line, "…") && !(table && hdTableRow.MatchString(line)) {
							t.Fatalf("%s: a line is cut:\n%s", page, s)
						}
					}
					if lang == "fr" {
						for _, en := range []string{"LOGIN", "LOGOUT", "LOCK", "CODE_ERROR", "HELPDESK", "wrong",
							"copy kept", "home key", "logout", "redirection to", " to h", "failures", "viewed", "sent"} {
							if strings.Contains(s, en) {
								t.Fatalf("%s: English %q in French:\n%s", page, en, s)
							}
						}
					}
					seen += s
				})
				// Unwrapped, the long values are there in full.
				flat := strings.Join(strings.Fields(seen), " ")
				want := map[string][]string{
					"fr": {"dernière connexion le 25/11/2026 à 10:00", "connexion verrouillée jusqu'à 10:01 " +
						"(verrouillage n° 1) · consultation IA libre", "hu•••••o@pr•••••r.example (copie gardée)",
						"Changement de redirection (vers hu•••••o@pr•••••r.example, copie gardée) · kiosk:vm/pts/3",
						"Déconnexion : touche accueil", "seront levés"},
					"en": {"last login 25/11/2026 at 10:00", "login locked until 10:01 (lock no. 1) · IA lookup open",
						"hu•••••o@pr•••••r.example (copy kept)", "Recovery address",
						"Redirection change (to hu•••••o@pr•••••r.example, copy kept) · kiosk:vm/pts/3",
						"Logout: home key", "will be lifted"},
				}[lang]
				for _, w := range want {
					if !strings.Contains(flat, w) {
						t.Errorf("%q never shown whole", w)
					}
				}
			})
		}
	}
}

// At 60 columns, the smallest a screen is drawn in, the console lays out
// in the 58 the frame leaves it: it laid out in 60, and the frame cut the
// last two columns of every long line (« prévu l », « la boît »).
func TestHelpdeskAt60Columns(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	tm.send(tea.WindowSizeMsg{Width: 60, Height: 40})
	tm.hdOpen("lefèvre")
	tm.press("2")
	tm.requireScreen("IA validée")
	flat := strings.Join(strings.Fields(tm.screen()), " ")
	if want := "mail d'activation à hu•••••e@ex•••••e.org prévu le"; !strings.Contains(flat, want) {
		t.Errorf("%q not shown whole:\n%s", want, tm.screen())
	}
	for _, line := range strings.Split(tm.screen(), "\n")[2:] { // under the banner and its rule
		if l := strings.TrimRight(line, " "); utf8.RuneCountInString(l) > 59 {
			t.Errorf("a line reaches the last column (cut): %q", l)
		}
	}
}

// At 60 × 16 the walk-through keeps its next action in view, whole: the
// checks took at least three lines and the card cut what followed, so
// « À faire » was gone or cut in the middle of its sentence.
func TestHelpdeskWalkNextActionAt60x16(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	tm.send(tea.WindowSizeMsg{Width: 60, Height: 16})
	tm.hdOpen("dalembert")
	tm.press("3")
	s := tm.screen()
	flat := strings.Join(strings.Fields(s), " ")
	if !strings.Contains(flat, "→ À faire : le mail n'est pas encore parti") || !strings.Contains(flat, "prévenir l'équipe technique.") {
		t.Fatalf("the next action is not whole at 60×16:\n%s", s)
	}
}

// The confirmation of a code sent says where and until when, in full.
func TestHelpdeskSentNoticeWraps(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	tm.clock.Advance(data.ResendCooldown)
	tm.hdOpen("camille")
	tm.press("enter", "enter") // Renvoyer le code d'activation, Confirmer
	tm.requireSaid("✓ Code d'activation créé, mail en file d'envoi vers ca•••••n@ex•••••e.org ; nouvel " +
		"envoi possible à 10:02.")
	tm.requireScreen("Renvoyer le code d'activation")
	if strings.Contains(tm.screen(), "…") {
		t.Fatalf("cut:\n%s", tm.screen())
	}
	tm.requireGolden()
}

// F1 in the console opens its own page of Aide, which agents alone have.
func TestHelpdeskHelpTopic(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	tm.press("f1")
	tm.requireScreen("Aide", "› Console assistance", "La console sert à aider une personne")
	tm.press("end")
	tm.requireScreen("Avant de corriger le mail de secours", "Demandez le n° étudiant et la date de naissance",
		"Ne cochez")
	if strings.Contains(tm.screen(), "…") {
		t.Fatalf("cut:\n%s", tm.screen())
	}
	tm.press("f2")
	tm.requireScreen("› Helpdesk console")
	tm.press("f2", "esc")
	tm.requireScreen("Console assistance", "Rechercher une personne")

	// A student's Aide has no such page.
	student := newTestModel(t)
	student.hdLogin("hugo.lefevre", "Kiosque-Demo-2026")
	student.press("f1")
	student.requireScreen("Aide", "› Mon compte")
	if strings.Contains(student.screen(), "Console assistance") {
		t.Fatalf("a student's help offers the console:\n%s", student.screen())
	}
}

// On a short screen the card's facts scroll (PgDn/PgUp) and its actions
// stay in view; the help line offers the keys.
func TestHelpdeskCardScrollsOnShortScreen(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	hdBusyHugo(t, tm)
	tm.send(tea.WindowSizeMsg{Width: 80, Height: 18})
	tm.hdOpen("lefèvre")
	// The card says PgDn itself; at 80 columns the help line, F3 first,
	// has no room left for it (F3 and the card's own keys are 87 columns).
	tm.requireScreen("↓ suite de la fiche : PgDn", "› Envoyer un code de réinitialisation", "Corriger le mail de secours",
		"F3 accessible · ←/→ onglets")
	if strings.Contains(tm.screen(), "consultation IA libre") {
		t.Fatalf("the screen was expected too short:\n%s", tm.screen())
	}
	tm.press("pgdown", "pgdown")
	tm.requireScreen("consultation IA libre", "↑ début de la fiche : PgUp", "› Envoyer un code de réinitialisation")
	tm.requireGolden()
	tm.press("down", "enter")
	tm.requireScreen("Déverrouiller", "seront levés")
}

// F2 on an open card redraws every tab in the other language.
func TestHelpdeskLanguageSwitchRedraws(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	hdBusyHugo(t, tm)
	tm.hdOpen("lefèvre")
	for _, tab := range []string{"1", "2", "3", "4"} {
		tm.press(tab)
		fr := tm.screen()
		tm.press("f2")
		en := tm.screen()
		tm.press("f2")
		for _, word := range []string{"Échec de connexion", "connexion", "Verrouillage", "verrouillé"} {
			if strings.Contains(fr, word) && strings.Contains(en, word) {
				t.Fatalf("tab %s still says %q in English:\n%s", tab, word, en)
			}
		}
	}
}

// hdActivate takes a demo person through "1ère connexion" in the store, as
// a kiosk would, with the code of the newest mail to their address.
func hdActivate(t *testing.T, s *data.Store, ident, email, password string) {
	t.Helper()
	ctx, o := context.Background(), data.Origin{Client: "kiosk:test"}
	c, err := s.StartActivation(ctx, data.ActivationIdentity{Identifiant: ident}, o)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := s.ActivationChallenge(ctx, c, false, o)
	if err != nil {
		t.Fatal(err)
	}
	tk, err := s.VerifyCode(ctx, ch, hdNewestCode(t, s, email), o)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CompleteActivation(ctx, tk, data.ActivationChoice{CharterAccepted: true, Password: password}, o); err != nil {
		t.Fatal(err)
	}
}

// Camille activated her account with her activation code: each case looks
// at its own codes (reset codes for a forgotten password, both for a login
// problem) and says when the last one was used; the history agrees.
func TestHelpdeskWalkCodesOfTheCase(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	tm.clock.Advance(2 * time.Minute)
	hdActivate(t, tm.store, "camille.martin", "camille.martin@example.org", "Tramway-Ocre-Lune-42")
	tm.hdOpen("camille")
	tm.press("3")
	tm.requireScreen("◉ Mot de passe oublié", "· Dernier code     aucun code de réinitialisation à ce jour",
		"À faire : envoyer un code de réinitialisation")
	tm.press("tab", "end", "enter")
	tm.requireScreen("◉ Problème de connexion", "· Dernier code       code d'activation utilisé le 25/11/2026 à 10:02")
	if strings.Contains(tm.screen(), "aucun code") {
		t.Fatalf("the connection case misses the activation code:\n%s", tm.screen())
	}
	tm.requireGolden()
	tm.press("2")
	tm.requireScreen("Code d'activation utilisé", "Code d'activation créé (mail")
	if strings.Contains(tm.screen(), "envoyé") {
		t.Fatalf("the history says the code was sent:\n%s", tm.screen())
	}
}

// Léa's activation mail waits in the outbox (no relay): the walk-through
// says it has not left, and the next action follows (no "look for the
// mail"); the account never activated is the problem (✗), not a tick. In
// English too.
func TestHelpdeskWalkMailNotLeft(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	tm.clock.Advance(15 * time.Minute) // her window opens, her mail is due
	tm.hdOpen("lea dubois")
	tm.press("3")
	tm.requireScreen("◉ Jamais activé", "✗ Compte             jamais activé",
		"✓ Dernier code       code d'activation, valable jusqu'au 26/11/2026 à 10:09",
		"· Mail du code       pas encore parti : en file d'envoi vers",
		"→ À faire : le mail n'est pas encore parti : la personne ne peut pas l'avoir")
	for _, lie := range []string{"le code est parti", "✓ Compte", "cherche le mail"} {
		if strings.Contains(tm.screen(), lie) {
			t.Fatalf("the walk-through says %q:\n%s", lie, tm.screen())
		}
	}
	tm.requireGolden()
	tm.press("f2")
	defer tm.press("f2")
	tm.requireScreen("✗ Account", "never activated", "not sent yet: queued for le•••••s@ex•••••e.org",
		"→ To do: the mail has not left yet")
	for _, lie := range []string{"went out", "looks for the newest mail"} {
		if strings.Contains(tm.screen(), lie) {
			t.Fatalf("the English walk-through says %q:\n%s", lie, tm.screen())
		}
	}
}

// At 80×24, the list of the cases opened over Léa's walk-through leaves
// the code and its mail in view.
func TestHelpdeskCaseChoiceKeepsTheCodeInView(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	tm.clock.Advance(15 * time.Minute)
	tm.hdOpen("lea dubois")
	tm.press("3", "tab")
	tm.requireScreen(hcTitle, "┃ › Jamais activé", "Dernier code       code d'activation",
		"Mail du code       pas encore parti", "depuis le 25/11/2026 à 10:10")
	tm.requireGolden()
	tm.press("esc")
	tm.requireScreen("◉ Jamais activé", "→ À faire : le mail n'est pas encore parti")
}

// At 80×24 the audit log shows at least ten events, one line each (cells
// cut to their column), and the chosen one in full under them.
func TestHelpdeskAuditLogRowsAt80x24(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	ctx := context.Background()
	for i := range 30 {
		tm.clock.Advance(2 * time.Second)
		tm.store.Login(ctx, "paul.bernard", fmt.Sprintf("Wrong-%02d", i), data.Origin{Client: "kiosk:bu-sciences/tty2"})
	}
	tm.press("tab", "enter")
	tm.requireScreen("Journal d'audit", "› Identifiant", "Événement ‹ tous ›")
	rows := 0
	for _, line := range strings.Split(tm.screen(), "\n") {
		if hdTableRow.MatchString(line) {
			rows++
		}
	}
	if rows < 10 {
		t.Fatalf("%d rows at 80×24:\n%s", rows, tm.screen())
	}
	tm.requireGolden()
	// The row chosen is said in full below: its cut cells too.
	for range 7 {
		tm.press("down")
	}
	// The outcome stays whole (the poste gives way).
	tm.requireScreen("› 25/11 10:00 Échec de connexion paul.bernard kiosk:bu… mot de passe incorrect",
		"25/11/2026 à 10:00 · Échec de connexion : mot de passe incorrect ·",
		"kiosk:bu-sciences/tty2 · paul.bernard@etu.umontpellier.fr")
}

// A university address is refused as a mail de secours before the agent
// reads it back to the person character by character, not after.
func TestHelpdeskCorrectRecoveryRefusesUniversityBeforeReadBack(t *testing.T) {
	t.Parallel()
	tm := hdConsole(t)
	tm.hdOpen("camille martin")
	tm.press("down", "enter") // the second action: correct the mail de secours
	tm.requireScreen("Corriger le mail de secours")
	tm.typeText("camille.martin@etu.umontpellier.fr")
	tm.press("tab", "space", "tab", "enter") // identity ticked, Corriger
	tm.requireScreen("✗ Le mail de secours doit être une adresse personnelle, pas une adresse de")
	if strings.Contains(tm.screen(), "en entier") || strings.Contains(tm.screen(), "Enregistrer") {
		t.Fatalf("the read-back of a refused address:\n%s", tm.screen())
	}
}
