package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"os/user"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"entkiosk/data"
	"entkiosk/screens"
)

// The command line, run as an operator runs it: run() with arguments, the
// output captured, and exitCode for the status and the line on stderr.

// ---- usage, help, unknown commands and options

var allCommands = [][]string{{"kiosk"}, {"serve"}, {"import"}, {"outbox"}, {"mail"}, {"export", "aliases"},
	{"grant"}, {"revoke"}, {"backup"}, {"audit"}, {"directory"}, {"institution"}}

// ---- import

func TestImportSummaryPlurals(t *testing.T) {
	got := importSummary(screens.French, &data.ImportReport{Created: 4, Updated: 1, Unchanged: 4, Refused: 7, Accounts: []string{"a", "b", "c"}})
	if want := "lignes : 4 créées, 1 mise à jour, 4 inchangées, 7 refusées ; comptes créés : 3"; got != want {
		t.Fatalf("%q, want %q", got, want)
	}
	got = importSummary(screens.French, &data.ImportReport{Created: 1, Updated: 2, Unchanged: 1, Refused: 1})
	if want := "lignes : 1 créée, 2 mises à jour, 1 inchangée, 1 refusée ; comptes créés : 0"; got != want {
		t.Fatalf("%q, want %q", got, want)
	}
}

// ---- commands that only read: the store must exist

// Only kiosk, serve and import create the store. Any other command given
// a path where no store is refuses it (exit 1), and leaves no file.
func TestReadingCommandsRefuseAMissingStore(t *testing.T) {
	cleanEnv(t)
	dir := t.TempDir()
	missing := filepath.Join(dir, "entkiosk-typo.db")
	dest := filepath.Join(t.TempDir(), "copie.db")
	for _, args := range [][]string{
		{"outbox"}, {"outbox", "--status", "failed"}, {"audit"}, {"audit", "--json"}, {"export", "aliases"},
		{"export", "aliases", "--out", filepath.Join(t.TempDir(), "virtual")}, {"backup", dest},
		{"grant", "helpdesk", "ines.moreau"}, {"revoke", "helpdesk", "ines.moreau"},
		{"mail", "--smtp", "smtp://127.0.0.1:1", "--from", "ENT <ne-pas-repondre@example.org>"},
	} {
		r := runCmd(t, append(args, "--db", missing)...)
		want := "entkiosk : base " + missing + " : ce fichier n'existe pas (vérifiez --db ou ENTKIOSK_DB) ; " +
			"seuls entkiosk import, kiosk et serve créent une base\n"
		if r.status != 1 || r.errOut != want || r.out != "" {
			t.Errorf("%v: status %d, stdout %q, stderr %q", args, r.status, r.out, r.errOut)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("files created: %v", entries)
	}
	if _, err := os.Stat(dest); err == nil {
		t.Fatal("a backup of nothing was written")
	}
	// An empty file (touch entkiosk.db, or a store truncated to nothing) is
	// a damaged store (TestEmptyStoreRefusedByEveryCommand).
	empty := writeFile(t, "entkiosk.db", "")
	if r := runCmd(t, "audit", "--db", empty); r.status != 1 || !strings.Contains(r.errOut, "endommagé") {
		t.Fatalf("an empty file: %d %q %q", r.status, r.out, r.errOut)
	}
}

// ---- outbox

// ---- mail

// ---- grant, revoke, audit, backup

// demoStore is a store file with the demo people, closed again: the
// commands open it themselves, like an operator's shell would.
func demoStore(t *testing.T) string {
	t.Helper()
	cleanEnv(t)
	path := filepath.Join(t.TempDir(), "entkiosk.db")
	s, err := data.Open(path, data.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.LoadDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Something to audit: a failed login of Hugo's.
	s.Login(context.Background(), "hugo.lefevre", "Wrong-Password-1", data.Origin{Client: "ssh:203.0.113.5"})
	return path
}

// The actor is the system user (os/user), even without $USER; behind sudo,
// with who ran sudo.
func TestOperatorName(t *testing.T) {
	u, err := user.Current()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("USER", "")
	t.Setenv("SUDO_USER", "")
	if got := operatorName(); got != u.Username {
		t.Fatalf("without $USER: %q, want %q", got, u.Username)
	}
	t.Setenv("SUDO_USER", "alice")
	if got := operatorName(); got != u.Username+" (sudo alice)" {
		t.Fatalf("under sudo: %q", got)
	}
}

func TestBackupCommand(t *testing.T) {
	db := demoStore(t)
	dest := filepath.Join(t.TempDir(), "entkiosk-2026-11-25.db")
	r := runCmd(t, "backup", "--db", db, dest)
	if r.status != 0 || !strings.Contains(r.out, "sauvegarde écrite : "+dest) || !strings.Contains(r.out, "integrity_check ok") {
		t.Fatalf("backup: %q %q", r.out, r.errOut)
	}
	st, err := os.Stat(dest)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("copy: %v %v", st, err)
	}
	before, _ := os.ReadFile(dest)
	r = runCmd(t, "backup", "--db", db, dest)
	if r.status != 1 || r.errOut != "entkiosk : sauvegarde : "+dest+" existe déjà et n'est pas écrasé "+
		"(donnez un autre nom, ou supprimez-le d'abord)\n" {
		t.Fatalf("second backup to the same file: %d %q", r.status, r.errOut)
	}
	if after, _ := os.ReadFile(dest); !bytes.Equal(before, after) {
		t.Fatal("the existing backup changed")
	}
	nowhere := filepath.Join(t.TempDir(), "nope", "copie.db")
	if r := runCmd(t, "backup", "--db", db, nowhere); r.status != 1 ||
		r.errOut != "entkiosk : sauvegarde : le dossier "+filepath.Dir(nowhere)+" n'existe pas\n" {
		t.Fatalf("a missing folder: %d %q", r.status, r.errOut)
	}
	// The copy is a store: the audit command reads it.
	r = runCmd(t, "audit", "--db", dest, "--identifiant", "hugo.lefevre")
	if r.status != 0 || !strings.Contains(r.out, "LOGIN_ERROR") {
		t.Fatalf("audit of the copy: %q %q", r.out, r.errOut)
	}
	if r := runCmd(t, "backup", "--db", db); r.status != 2 {
		t.Fatalf("no DEST: %d %q", r.status, r.errOut)
	}
}

func TestExportAliasesCommand(t *testing.T) {
	db := demoStore(t)
	out := filepath.Join(t.TempDir(), "virtual")
	r := runCmd(t, "export", "aliases", "--db", db, "--out", out)
	if r.status != 0 || !regexp.MustCompile(`^\d+ redirections? écrites? dans `+regexp.QuoteMeta(out)+"\n$").MatchString(r.out) {
		t.Fatalf("export: %d %q %q", r.status, r.out, r.errOut)
	}
	r = runCmd(t, "export", "aliases", "--db", db, "--out", out)
	if r.status != 0 || !regexp.MustCompile(`^`+regexp.QuoteMeta(out)+` inchangé \(\d+ redirections?\)`+"\n$").MatchString(r.out) {
		t.Fatalf("export again: %d %q %q", r.status, r.out, r.errOut)
	}
	// The file speaks French too: its header says what it is.
	r = runCmd(t, "export", "aliases", "--db", db)
	english := regexp.MustCompile(`\b(the|of|by|written|do not|edit|when|kept|map)\b`)
	if !strings.HasPrefix(r.out, "# Table d'alias virtuels de Postfix écrite par « entkiosk export aliases »") ||
		english.MatchString(r.out) {
		t.Fatalf("the header:\n%s", r.out)
	}
}

// The server says in one French sentence why it cannot listen, with the
// address; a --listen that is no HOST:PORT is refused before anything.
func TestServeListenErrors(t *testing.T) {
	cleanEnv(t)
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	addr := taken.Addr().String()
	dir := t.TempDir()
	r := runCmd(t, "serve", "--db", filepath.Join(dir, "e.db"), "--listen", addr, "--log", filepath.Join(dir, "log"))
	want := "entkiosk : le serveur SSH ne peut pas écouter sur " + addr + " : ce port est déjà pris par un autre " +
		"programme (un autre entkiosk serve ?) ; choisissez-en un autre avec --listen\n"
	if r.status != 1 || r.errOut != want {
		t.Fatalf("port taken: %d\n%s", r.status, r.errOut)
	}
	for _, bad := range []string{"2222", "localhost", "127.0.0.1:99999", "127.0.0.1:ssh2"} {
		r := runCmd(t, "serve", "--db", filepath.Join(dir, "e.db"), "--listen", bad)
		if want := "entkiosk : serve : --listen \"" + bad + "\" : une adresse HÔTE:PORT attendue, comme 0.0.0.0:2222\n"; r.status != 2 || r.errOut != want {
			t.Errorf("--listen %s: %d %q", bad, r.status, r.errOut)
		}
	}
	// The other common causes, as the system reports them.
	listen := func(errno error) error {
		return &net.OpError{Op: "listen", Net: "tcp", Err: os.NewSyscallError("bind", errno)}
	}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{listen(syscall.EACCES), "le serveur SSH ne peut pas écouter sur 0.0.0.0:22 : les ports inférieurs à 1024 " +
			"demandent les droits d'administrateur ; prenez un port à partir de 1024 avec --listen (2222 par défaut)"},
		{listen(syscall.EADDRNOTAVAIL), "le serveur SSH ne peut pas écouter sur 0.0.0.0:22 : cette adresse n'est pas " +
			"celle de cette machine ; donnez avec --listen l'adresse d'une de ses interfaces, ou 0.0.0.0 pour toutes"},
		{&net.OpError{Op: "listen", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "x", IsNotFound: true}},
			"le serveur SSH ne peut pas écouter sur 0.0.0.0:22 : cet hôte est inconnu ; donnez avec --listen une " +
				"adresse IP, ou 0.0.0.0 pour toutes les interfaces"},
	} {
		if got, ok := listenError("0.0.0.0:22", tc.err); !ok || got != tc.want {
			t.Errorf("%v:\n got %q\nwant %q", tc.err, got, tc.want)
		}
	}
	if _, ok := listenError("0.0.0.0:22", errors.New("host key: bad")); ok {
		t.Error("an error that is not the listen's is said as a listen error")
	}
}

// The usage and the serve help name the options of the mails' links.
func TestServeUsageNamesTheLinkOptions(t *testing.T) {
	cleanEnv(t)
	if r := runCmd(t, "help"); !strings.Contains(r.out, "[--link-host HÔTE] [--link-port N]") {
		t.Fatalf("usage:\n%s", r.out)
	}
	r := runCmd(t, "help", "serve")
	if !strings.Contains(r.out, "Usage : entkiosk serve [--link-host HÔTE] [--link-port N] [options]\n") ||
		!strings.Contains(r.out, "  --link-host HÔTE\n") || !strings.Contains(r.out, "  --link-port N\n") {
		t.Fatalf("help serve:\n%s", r.out)
	}
	for _, line := range strings.Split(r.out, "\n") {
		if utf8.RuneCountInString(line) > 80 {
			t.Errorf("help serve: a line over 80 columns: %q", line)
		}
	}
}

// ---- the README

// The README's configuration table lists every option of every command,
// with its variable and the commands that take it, and nothing else.
func TestREADMEConfigurationTable(t *testing.T) {
	cleanEnv(t)
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	start := strings.Index(section, "\n## Configuration\n")
	if start < 0 {
		t.Fatal("no Configuration section")
	}
	section = section[start+1:]
	section = section[:strings.Index(section, "\n## ")+1]
	rows := map[string][]string{} // --name → cells
	rowRe := regexp.MustCompile("(?m)^\\| `--([a-z-]+)` \\|(.*)$")
	for _, m := range rowRe.FindAllStringSubmatch(section, -1) {
		rows[m[1]] = strings.Split(m[2], "|")
	}
	optRe := regexp.MustCompile(`(?m)^  --([a-z-]+)`)
	used := map[string]bool{}
	for _, c := range allCommands {
		name := strings.Join(c, " ")
		help := runCmd(t, append(c, "-h")...).out
		for _, m := range optRe.FindAllStringSubmatch(help, -1) {
			opt := m[1]
			used[opt] = true
			cells, ok := rows[opt]
			if !ok {
				t.Errorf("README: no row for --%s (%s)", opt, name)
				continue
			}
			if len(cells) < 4 || strings.TrimSpace(cells[0]) != "`"+envName(opt)+"`" {
				t.Errorf("README: the row of --%s does not give %s: %q", opt, envName(opt), cells)
				continue
			}
			if cmds := cells[2]; !strings.Contains(cmds, "`"+name+"`") && !strings.Contains(cmds, "every command") {
				t.Errorf("README: the row of --%s does not list %s: %q", opt, name, cmds)
			}
		}
	}
	for opt := range rows {
		if !used[opt] {
			t.Errorf("README: --%s is no command's option", opt)
		}
	}
}

// The README's command list is the usage's.
func TestREADMECommands(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"[--event E]", "date_fin", "exit status"} {
		if !bytes.Contains(readme, []byte(want)) {
			t.Errorf("README lacks %q", want)
		}
	}
	if errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
}

// ---- the import's file errors, dates that do not exist, the audit in words

// A redirection the map cannot carry (a store written before addresses were
// checked this strictly) is named on stderr and fails the export, after the
// others are written: its mail would silently never be forwarded.
func TestExportAliasesFailsWhenItLeavesARedirectionOut(t *testing.T) {
	db := demoStore(t)
	raw, err := sql.Open("sqlite3", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE accounts SET redirect_email = 'x#y|z@example.org' WHERE local_part = 'hugo.lefevre'`); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE accounts SET redirect_email = 'ines@example.net' WHERE local_part = 'ines.moreau'`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	out := filepath.Join(t.TempDir(), "virtual")
	for _, args := range [][]string{{"export", "aliases", "--db", db}, {"export", "aliases", "--db", db, "--out", out}} {
		r := runCmd(t, args...)
		if r.status != 1 || !strings.Contains(r.errOut, "ignorée : hugo.lefevre@etu.umontpellier.fr") ||
			!strings.Contains(r.errOut, "1 redirection laissée hors de la table") {
			t.Fatalf("%v: status %d, stderr %q", args, r.status, r.errOut)
		}
		if strings.Contains(r.out+r.errOut, "x#y") {
			t.Errorf("%v: the bad address reached the output", args)
		}
	}
	// The others are written all the same.
	if b, err := os.ReadFile(out); err != nil || !strings.Contains(string(b), "ines.moreau@umontpellier.fr ines@example.net") {
		t.Fatalf("map: %q %v", b, err)
	}
}

// audit and outbox read a store they cannot write (a backup of mode 0444):
// they open it read-only, and say that every local user can read it.
func TestAuditAndOutboxReadAReadOnlyStore(t *testing.T) {
	db := demoStore(t)
	if err := os.Chmod(db, 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(db)
	for _, cmd := range []string{"audit", "outbox"} {
		r := runCmd(t, cmd, "--db", db)
		if r.status != 0 || r.out == "" || !strings.Contains(r.errOut, "lisible par tous") {
			t.Errorf("%s: status %d, stdout %d bytes, stderr %q", cmd, r.status, len(r.out), r.errOut)
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("a reading command wrote the store")
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if st, err := os.Stat(db + suffix); err == nil && st.Mode().Perm()&0o004 != 0 {
			t.Errorf("%s: mode %04o", suffix, st.Mode().Perm())
		}
	}
	// A command that writes refuses it.
	if r := runCmd(t, "export", "aliases", "--db", db); r.status != 1 || !strings.Contains(r.errOut, "lisible par tous") {
		t.Errorf("export: status %d, stderr %q", r.status, r.errOut)
	}
}

// A damaged store is said in French with its path, exit status 1 (the
// README's contract for an error), by the commands that read and those
// that write.
func TestDamagedStoreCommandsSaySoInFrench(t *testing.T) {
	db := demoStore(t)
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, b[:len(b)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	csv := writeFile(t, "ia.csv", "numero_etudiant;nom;prenom;date_naissance;email_personnel;categorie;annee;code_etape;"+
		"libelle_etape;diplome;composante;regime;statut_inscription;statut_paiement;date_validation;date_fin\n")
	for _, args := range [][]string{{"audit"}, {"outbox"}, {"export", "aliases"}, {"import", csv}} {
		r := runCmd(t, append(args, "--db", db)...)
		if r.status != 1 || !strings.Contains(r.errOut, db) || !strings.Contains(r.errOut, "endommagé") ||
			strings.Contains(r.errOut, "malformed") {
			t.Errorf("%v: status %d, stderr %q", args, r.status, r.errOut)
		}
	}
}

// ---- institution

// init writes a file that check accepts; check names the places each value
// shows; a mistake names its key and line, exit status 2; every command
// that reads the file refuses it the same way.
func TestInstitutionCommand(t *testing.T) {
	cleanEnv(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "institution.toml")
	r := runCmd(t, "institution", "init", "--out", path)
	if r.status != 0 || !strings.Contains(r.out, "institution.toml") || !strings.Contains(r.out, "charte.fr.txt") {
		t.Fatalf("init: %d %q %q", r.status, r.out, r.errOut)
	}
	if r := runCmd(t, "institution", "init", "--out", path); r.status != 1 || !strings.Contains(r.errOut, "existe déjà : rien n'a été écrit") {
		t.Fatalf("init again: %d %q", r.status, r.errOut)
	}
	r = runCmd(t, "institution", "check", path)
	for _, want := range []string{"correct.", "institution.name : Université d'Exemple / University of Exemple",
		"→ bandeau de chaque écran", "helpdesk : assistance@exemple.fr, 01 23 45 67 89", "charter : version 2026-09"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("check lacks %q:\n%s", want, r.out)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(b), `mail = "assistance@exemple.fr"`, `mail = "assistance"`, 1)
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	line := 0
	for i, l := range strings.Split(bad, "\n") {
		if l == `mail = "assistance"` {
			line = i + 1
		}
	}
	want := fmt.Sprintf("fichier d'établissement %s, ligne %d, clé helpdesk.mail : \"assistance\" n'est pas une adresse mail", path, line)
	for _, args := range [][]string{{"institution", "check", path}, {"import", "--db", filepath.Join(dir, "x.db"), "--institution", path, "x.csv"},
		{"kiosk", "--db", filepath.Join(dir, "x.db"), "--institution", path}} {
		r := runCmd(t, args...)
		if r.status != 2 || !strings.Contains(r.errOut, want) {
			t.Errorf("%v: %d %q, want %q", args, r.status, r.errOut, want)
		}
	}
}

// A store truncated to nothing (`: > entkiosk.db`) is damaged, not a new
// store: every command says so, exit 1, and leaves the file as it is (a
// new store there would lose every account and the server secret).
func TestEmptyStoreRefusedByEveryCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "z.db")
	if err := os.WriteFile(db, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	csv := writeFile(t, "ia.csv", "numero_etudiant;nom;prenom;date_naissance;email_personnel;categorie;annee;code_etape;"+
		"libelle_etape;diplome;composante;regime;statut_inscription;statut_paiement;date_validation;date_fin\n")
	for _, args := range [][]string{{"audit"}, {"audit", "--verify"}, {"outbox"}, {"export", "aliases"}, {"import", csv},
		{"kiosk"}, {"serve", "--listen", "127.0.0.1:0"}, {"grant", "helpdesk", "x@umontpellier.fr"},
		{"backup", filepath.Join(dir, "copy.db")}, {"directory"}} {
		r := runCmd(t, append(args, "--db", db)...)
		if r.status != 1 || !strings.Contains(r.errOut, db) || !strings.Contains(r.errOut, "endommagé") {
			t.Errorf("%v: status %d, stderr %q", args, r.status, r.errOut)
		}
		if st, err := os.Stat(db); err != nil || st.Size() != 0 {
			t.Fatalf("%v: the empty store was written: %v %v", args, st, err)
		}
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(db + suffix); err == nil {
			t.Errorf("%s left beside the empty store", suffix)
		}
	}
}
