package main

// The command line end to end: testdata/script/*.txtar run the real
// entkiosk (this test binary, re-entered through testscript.Main) with
// arguments, files and a clean environment, and check what it prints and
// its exit status, one script per command. What a script cannot say (a
// store in a state only the store's Go API reaches, an exit status) is a
// custom command below.

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"entkiosk/data"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"entkiosk": main})
}

func TestScripts(t *testing.T) {
	t.Parallel()
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		Setup:               scriptSetup,
		Cmds:                scriptCmds,
		Condition:           scriptCondition,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
	})
}

// scriptSetup gives the scripts the dates an export file carries, as
// offsets from now (the store's clock is the real one), and the operator's
// system user name the audit log records.
func scriptSetup(env *testscript.Env) error {
	now := time.Now()
	for name, at := range map[string]time.Time{
		"NOW_5M": now.Add(-5 * time.Minute), "NOW_1H": now.Add(-time.Hour), "NOW_2H": now.Add(-2 * time.Hour),
	} {
		at = at.Truncate(time.Second)
		env.Setenv("VALIDATED_"+strings.TrimPrefix(name, "NOW_"), at.Format(time.RFC3339))
		env.Setenv("YEAR_"+strings.TrimPrefix(name, "NOW_"), strconv.Itoa(academicYear(at)))
	}
	env.Setenv("END_1Y", now.AddDate(1, 0, 0).Format("02/01/2006"))
	// The mail of an account validated five minutes ago may leave at
	// validation + 15 min: the first minute, in Paris time, as the screens say it.
	due := data.FromMinute(now.Add(-5 * time.Minute).Truncate(time.Second).Add(15 * time.Minute))
	env.Setenv("DUE_5M", due.In(data.ParisLocation()).Format("02/01/2006 15:04"))
	env.Setenv("DEMO_PEOPLE", strconv.Itoa(len(data.DemoPeople)))
	env.Setenv("DEMO_PEOPLE_AND_ONE", strconv.Itoa(len(data.DemoPeople)+1))
	u, err := user.Current()
	if err != nil {
		return err
	}
	env.Setenv("OPERATOR", u.Username)
	return nil
}

func academicYear(t time.Time) int {
	if t.Month() >= time.September {
		return t.Year()
	}
	return t.Year() - 1
}

// [root]: root reads a file of mode 0, so the refusal cannot be shown.
func scriptCondition(cond string) (bool, error) {
	if cond == "root" {
		return os.Geteuid() == 0, nil
	}
	return false, fmt.Errorf("unknown condition %q", cond)
}

var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	// status N PROGRAM ARGS... runs the program (as exec does) and wants
	// exit status N: 1 an error, 2 a mistake on the command line.
	"status": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) < 2 {
			ts.Fatalf("usage: status N program [args...]")
		}
		want, err := strconv.Atoi(args[0])
		ts.Check(err)
		err = ts.Exec(args[1], args[2:]...)
		got := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			got = exit.ExitCode()
		} else {
			ts.Check(err)
		}
		if got != want {
			ts.Fatalf("exit status %d, want %d", got, want)
		}
	},
	// envsubst FILE... replaces ${VAR} in files with the script's variables
	// (an export file's dates, relative to now).
	"envsubst": func(ts *testscript.TestScript, neg bool, args []string) {
		for _, name := range args {
			b := ts.ReadFile(name)
			ts.Check(os.WriteFile(ts.MkAbs(name), []byte(os.Expand(b, ts.Getenv)), 0o600))
		}
	},
	// demo-store DB writes a store with the demo people, closed again, and
	// something to audit: a failed login of Hugo's from ssh:203.0.113.5.
	"demo-store": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 1 {
			ts.Fatalf("usage: demo-store DB")
		}
		s, err := data.Open(ts.MkAbs(args[0]), data.Config{})
		ts.Check(err)
		defer s.Close()
		_, err = s.LoadDemo(context.Background())
		ts.Check(err)
		s.Login(context.Background(), "hugo.lefevre", "Wrong-Password-1", data.Origin{Client: "ssh:203.0.113.5"})
	},
	// sql DB STATEMENT... runs statements on the store's file behind the
	// store's back (a store written by an older version, a tampered log).
	"sql": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) < 2 {
			ts.Fatalf("usage: sql DB STATEMENT...")
		}
		raw, err := sql.Open("sqlite3", "file:"+ts.MkAbs(args[0]))
		ts.Check(err)
		defer raw.Close()
		for _, q := range args[1:] {
			if _, err := raw.Exec(q); err != nil {
				ts.Fatalf("%s: %v", q, err)
			}
		}
	},
	// lost-password DB IDENTIFIANT LATER asks a reset at now+LATER (the
	// store's clock), in English, as the kiosk's "Lost password" would;
	// LATER_DAY is then that day in Paris (dd/mm/yyyy).
	"lost-password": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 3 {
			ts.Fatalf("usage: lost-password DB IDENTIFIANT LATER")
		}
		d, err := time.ParseDuration(args[2])
		ts.Check(err)
		later := time.Now().Add(d)
		s, err := data.Open(ts.MkAbs(args[0]), data.Config{Clock: data.NewManualClock(later)})
		ts.Check(err)
		defer s.Close()
		_, err = s.StartReset(context.Background(), args[1], data.Origin{Client: "test", Lang: "en"})
		ts.Check(err)
		ts.Setenv("LATER_DAY", later.In(data.ParisLocation()).Format("02/01/2006"))
	},
	// helpdesk-tries DB: Inès (helpdesk) resends Camille's activation code
	// at once (refused: the import's mail just went), and a kiosk looks up
	// a registration with a birth date that does not match.
	"helpdesk-tries": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 1 {
			ts.Fatalf("usage: helpdesk-tries DB")
		}
		s, err := data.Open(ts.MkAbs(args[0]), data.Config{})
		ts.Check(err)
		defer s.Close()
		ctx := context.Background()
		o := data.Origin{Client: "ssh:192.0.2.1"}
		agent, err := s.Login(ctx, "ines.moreau", "Helpdesk-Demo-2026", o)
		ts.Check(err)
		r, err := s.HelpdeskSearch(ctx, agent, "camille.martin")
		ts.Check(err)
		if len(r.Hits) != 1 {
			ts.Fatalf("search camille.martin: %d hits", len(r.Hits))
		}
		if _, err := s.HelpdeskResendActivation(ctx, agent, r.Hits[0].PersonID, o); err == nil {
			ts.Fatalf("resend at once accepted")
		}
		s.LookupRegistrations(ctx, "21901234", time.Date(2001, 1, 1, 0, 0, 0, 0, data.ParisLocation()), o)
	},
	// listen VAR takes a loopback port until the script ends; VAR is its address.
	"listen": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 1 {
			ts.Fatalf("usage: listen VAR")
		}
		l, err := net.Listen("tcp", "127.0.0.1:0")
		ts.Check(err)
		ts.Defer(func() { l.Close() })
		ts.Setenv(args[0], l.Addr().String())
	},
	// perm FILE MODE: the file's permission bits are MODE (octal); with !,
	// the file, if it exists, is not readable by others.
	"perm": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) < 1 {
			ts.Fatalf("usage: perm FILE [MODE]")
		}
		st, err := os.Stat(ts.MkAbs(args[0]))
		if neg {
			if err == nil && st.Mode().Perm()&0o004 != 0 {
				ts.Fatalf("%s: mode %04o, readable by others", args[0], st.Mode().Perm())
			}
			return
		}
		ts.Check(err)
		want, err := strconv.ParseUint(args[1], 8, 32)
		ts.Check(err)
		if st.Mode().Perm() != os.FileMode(want) {
			ts.Fatalf("%s: mode %04o, want %04o", args[0], st.Mode().Perm(), want)
		}
	},
	// size FILE N: the file has N bytes. truncate FILE cuts it in half (a
	// damaged store).
	"size": func(ts *testscript.TestScript, neg bool, args []string) {
		st, err := os.Stat(ts.MkAbs(args[0]))
		ts.Check(err)
		if strconv.FormatInt(st.Size(), 10) != args[1] {
			ts.Fatalf("%s: %d bytes, want %s", args[0], st.Size(), args[1])
		}
	},
	"truncate": func(ts *testscript.TestScript, neg bool, args []string) {
		b, err := os.ReadFile(ts.MkAbs(args[0]))
		ts.Check(err)
		ts.Check(os.WriteFile(ts.MkAbs(args[0]), b[:len(b)/2], 0o600))
	},
	// same A B: two files have the same bytes (cmp is for text).
	"same": func(ts *testscript.TestScript, neg bool, args []string) {
		a, err := os.ReadFile(ts.MkAbs(args[0]))
		ts.Check(err)
		b, err := os.ReadFile(ts.MkAbs(args[1]))
		ts.Check(err)
		if bytes.Equal(a, b) == neg {
			ts.Fatalf("%s and %s: same bytes %v", args[0], args[1], !neg)
		}
	},
	// write FILE TEXT writes TEXT, read as the inside of a Go string
	// ("\xff\xfe", "\n"): bytes a text archive cannot hold.
	"write": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 2 {
			ts.Fatalf("usage: write FILE TEXT")
		}
		text, err := strconv.Unquote(`"` + args[1] + `"`)
		ts.Check(err)
		ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(text), 0o600))
	},
	// groups-agree REGEXP: the last stdout matches REGEXP and its groups
	// all say the same (a count and a last id).
	"groups-agree": func(ts *testscript.TestScript, neg bool, args []string) {
		m := regexp.MustCompile(`(?m)` + args[0]).FindStringSubmatch(ts.ReadFile("stdout"))
		if m == nil || len(m) < 3 {
			ts.Fatalf("stdout does not match %s", args[0])
		}
		for _, g := range m[2:] {
			if g != m[1] {
				ts.Fatalf("%q and %q differ", m[1], g)
			}
		}
	},
	// empty DIR: nothing was written in DIR.
	"empty": func(ts *testscript.TestScript, neg bool, args []string) {
		entries, err := os.ReadDir(ts.MkAbs(args[0]))
		ts.Check(err)
		if len(entries) != 0 {
			ts.Fatalf("%s: %v", args[0], entries)
		}
	},
	// replace FILE OLD NEW edits a file once; lineof VAR FILE LINE sets
	// VAR to the number of the line that is LINE.
	"replace": func(ts *testscript.TestScript, neg bool, args []string) {
		b := ts.ReadFile(args[0])
		if !strings.Contains(b, args[1]) {
			ts.Fatalf("%s has no %q", args[0], args[1])
		}
		ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(strings.Replace(b, args[1], args[2], 1)), 0o644))
	},
	"lineof": func(ts *testscript.TestScript, neg bool, args []string) {
		for i, l := range strings.Split(ts.ReadFile(args[1]), "\n") {
			if l == args[2] {
				ts.Setenv(args[0], strconv.Itoa(i+1))
				return
			}
		}
		ts.Fatalf("%s has no line %q", args[1], args[2])
	},
}

// ---- the command line run in the test's own process, for the Go tests
// that look at a command beside its code (the README's tables, LDAP).

// cmdResult is what a command printed, and its exit status.
type cmdResult struct {
	out, errOut string // stdout; stderr, with the error line main prints
	err         error
	status      int
}

func runCmd(t *testing.T, args ...string) cmdResult {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(args, &stdout, &stderr)
	status := exitCode(err, &stderr)
	return cmdResult{out: stdout.String(), errOut: stderr.String(), err: err, status: status}
}

// cleanEnv unsets the ENTKIOSK_ variables the tests' commands read.
func cleanEnv(t *testing.T) {
	t.Helper()
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "ENTKIOSK_") {
			t.Setenv(name, "") // restored after the test
			os.Unsetenv(name)
		}
	}
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// An export file's header and lines, for the Go tests that write one.
const exportHeader = "numero_etudiant;nom;prenom;date_naissance;email_personnel;categorie;annee;code_etape;" +
	"libelle_etape;diplome;composante;regime;statut_inscription;statut_paiement;date_validation;date_fin\n"

func exportLine(number, nom, prenom, email string, validated time.Time) string {
	return fmt.Sprintf("%s;%s;%s;14/07/2004;%s;etudiant;%d;SLINF1;Étape SLINF1;Diplôme;"+
		"Faculté des Sciences;Formation initiale;valide;paye;%s;\n", number, nom, prenom, email,
		academicYear(validated), validated.Format(time.RFC3339))
}

// demoStore is a store file with the demo people, closed again (the
// script's demo-store, for the Go tests): the commands open it themselves,
// like an operator's shell would.
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
