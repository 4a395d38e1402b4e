package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"entkiosk/data"
)

// The operator's commands around the helpdesk: grant, revoke, audit, backup.

// hdStore is a store file with the demo people, closed again: the commands
// open it themselves, like an operator's shell would.
func hdStore(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"ENTKIOSK_DB", "ENTKIOSK_LIMIT", "ENTKIOSK_JSON", "ENTKIOSK_EVENT"} {
		t.Setenv(name, "")
		os.Unsetenv(name)
	}
	path := filepath.Join(t.TempDir(), "entkiosk.db")
	s, err := data.Open(path, data.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.LoadDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Something to audit: two failed logins of Hugo's.
	s.Login(context.Background(), "hugo.lefevre", "Wrong-Password-1", data.Origin{Client: "ssh:203.0.113.5"})
	return path
}

func hdRun(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestGrantRevokeHelpdesk(t *testing.T) {
	db := hdStore(t)
	out, _, err := hdRun(t, "revoke", "--db", db, "helpdesk", "ines.moreau")
	if err != nil || out != "ines.moreau n'a plus le rôle helpdesk\n" {
		t.Fatalf("revoke: %q %v", out, err)
	}
	out, _, err = hdRun(t, "grant", "helpdesk", "Ines.Moreau@umontpellier.fr", "--db", db)
	if err != nil || !strings.Contains(out, "a maintenant le rôle helpdesk") {
		t.Fatalf("grant: %q %v", out, err)
	}
	_, _, err = hdRun(t, "grant", "--db", db, "helpdesk", "nobody.here")
	if !errors.Is(err, data.ErrNotFound) || err.Error() != `no account has the identifiant "nobody.here"` {
		t.Fatalf("unknown: %v", err)
	}
	if _, _, err = hdRun(t, "grant", "--db", db, "helpdesk", "hugo.lefevre"); err == nil ||
		!strings.Contains(err.Error(), "student account") {
		t.Fatalf("student: %v", err)
	}
	var ue usageError
	for _, args := range [][]string{{"grant", "--db", db, "admin", "ines.moreau"}, {"revoke", "--db", db, "helpdesk"}} {
		if _, _, err := hdRun(t, args...); !errors.As(err, &ue) {
			t.Fatalf("%v: %v, want a usage error", args, err)
		}
	}
	// Each change is in the audit log, with the operator.
	out, _, err = hdRun(t, "audit", "--db", db, "--event", "role_change", "--json")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("role changes: %q", out)
	}
	var newest map[string]any
	json.Unmarshal([]byte(lines[0]), &newest)
	if newest["outcome"] != "granted" || newest["identifiant"] != "ines.moreau@umontpellier.fr" ||
		!strings.HasPrefix(newest["actor"].(string), "cli:") {
		t.Fatalf("audit line: %v", newest)
	}
}

func TestAuditCommand(t *testing.T) {
	db := hdStore(t)
	out, _, err := hdRun(t, "audit", "--db", db, "--identifiant", "hugo.lefevre")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "LOGIN_ERROR") || !strings.Contains(out, "ssh:203.0.113.5") ||
		strings.Contains(out, "camille") {
		t.Fatalf("text:\n%s", out)
	}
	out, _, err = hdRun(t, "audit", "--db", db, "--json", "--since", "2000-01-01", "--event", "LOGIN_ERROR,ACCOUNT_CREATED")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var e struct {
			Event, At, Identifiant, Outcome string
			PersonID                        int64 `json:"person_id"`
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("not JSON: %q", line)
		}
		seen[e.Event]++
		if e.At == "" || e.PersonID == 0 {
			t.Fatalf("line: %q", line)
		}
	}
	if seen["LOGIN_ERROR"] != 1 || seen["ACCOUNT_CREATED"] != len(data.DemoPeople) || len(seen) != 2 {
		t.Fatalf("events: %v", seen)
	}
	out, _, _ = hdRun(t, "audit", "--db", db, "--since", "01/01/2999")
	if out != "(aucun événement)\n" {
		t.Fatalf("nothing since: %q", out)
	}
	_, errOut, _ := hdRun(t, "audit", "--db", db, "--limit", "3")
	if !strings.Contains(errOut, "--limit") {
		t.Fatalf("the limit not said: %q", errOut)
	}
	var ue usageError
	for _, args := range [][]string{{"--since", "yesterday"}, {"--event", "NOPE"}} {
		if _, _, err := hdRun(t, append([]string{"audit", "--db", db}, args...)...); !errors.As(err, &ue) {
			t.Fatalf("%v: %v, want a usage error", args, err)
		}
	}
}

func TestBackupCommand(t *testing.T) {
	db := hdStore(t)
	dest := filepath.Join(t.TempDir(), "entkiosk-2026-11-25.db")
	out, _, err := hdRun(t, "backup", "--db", db, dest)
	if err != nil || !strings.Contains(out, "sauvegarde écrite : "+dest) || !strings.Contains(out, "integrity_check ok") {
		t.Fatalf("backup: %q %v", out, err)
	}
	st, err := os.Stat(dest)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("copy: %v %v", st, err)
	}
	before, _ := os.ReadFile(dest)
	if _, _, err := hdRun(t, "backup", "--db", db, dest); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("second backup to the same file: %v", err)
	}
	if after, _ := os.ReadFile(dest); !bytes.Equal(before, after) {
		t.Fatal("the existing backup changed")
	}
	// The copy is a store: the audit command reads it.
	out, _, err = hdRun(t, "audit", "--db", dest, "--identifiant", "hugo.lefevre")
	if err != nil || !strings.Contains(out, "LOGIN_ERROR") {
		t.Fatalf("audit of the copy: %q %v", out, err)
	}
	var ue usageError
	if _, _, err := hdRun(t, "backup", "--db", db); !errors.As(err, &ue) {
		t.Fatalf("no DEST: %v", err)
	}
}
