package data

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// aliasStore is the demo store with redirections: Hugo (active) through the
// rules, keeping a copy; Inès (staff) without a copy; Paul (rights ended)
// and Camille (never activated) who must not appear.
func aliasStore(t *testing.T) (*Store, map[string]string) {
	t.Helper()
	s, _ := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	ident := map[string]string{}
	for _, local := range []string{"hugo.lefevre", "ines.moreau", "paul.bernard", "camille.martin", "marie.petit"} {
		a, _, err := s.accountByLogin(ctx, s.db, local)
		if err != nil {
			t.Fatalf("%s: %v", local, err)
		}
		ident[local] = a.Identifiant
		if local == "hugo.lefevre" {
			if _, err := s.SetRedirection(ctx, a, hugoPassword, a.RecoveryEmail, true, testOrigin); err != nil {
				t.Fatal(err)
			}
		}
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := s.db.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	exec(`UPDATE accounts SET redirect_email = 'ines@example.net', redirect_keep_copy = 0 WHERE identifiant = ?`, ident["ines.moreau"])
	exec(`UPDATE accounts SET redirect_email = 'paul@example.net' WHERE identifiant = ?`, ident["paul.bernard"])
	exec(`UPDATE accounts SET redirect_email = 'camille@example.net' WHERE identifiant = ?`, ident["camille.martin"])
	return s, ident
}

func TestWriteAliases(t *testing.T) {
	t.Parallel()
	s, ident := aliasStore(t)
	var b bytes.Buffer
	rep, err := s.WriteAliases(ctx, &b)
	if err != nil {
		t.Fatal(err)
	}
	want := aliasHeader +
		ident["hugo.lefevre"] + " hugo.lefevre@example.org, " + ident["hugo.lefevre"] + "\n" +
		ident["ines.moreau"] + " ines@example.net\n"
	if b.String() != want {
		t.Errorf("map:\n%s\nwant:\n%s", b.String(), want)
	}
	if rep.Redirections != 2 || len(rep.Skipped) != 0 {
		t.Errorf("report %+v", rep)
	}
}

func TestWriteAliasesRefusesWhatWouldBreakTheMap(t *testing.T) {
	t.Parallel()
	s, ident := aliasStore(t)
	// Only a damaged store could hold these: every address went through ParseEmail.
	for _, bad := range []string{"evil@example.org\nroot@example.org", "a b@example.org",
		"x@example.org, root@example.org", "#x@example.org", "not-an-address"} {
		if _, err := s.db.Exec(`UPDATE accounts SET status = 'active', redirect_email = ? WHERE identifiant = ?`,
			bad, ident["marie.petit"]); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		rep, err := s.WriteAliases(ctx, &b)
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Skipped) != 1 || rep.Skipped[0] != ident["marie.petit"] || rep.Redirections != 2 {
			t.Errorf("%q: report %+v", bad, rep)
		}
		if strings.Contains(b.String(), "marie.petit") || strings.Contains(b.String(), "root@") {
			t.Errorf("%q reached the map:\n%s", bad, b.String())
		}
		for i, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
			if !strings.HasPrefix(line, "#") && len(strings.Fields(strings.ReplaceAll(line, ", ", ","))) != 2 {
				t.Errorf("%q: line %d is not KEY VALUE: %q", bad, i+1, line)
			}
		}
	}
}

func TestExportAliasesAtomically(t *testing.T) {
	t.Parallel()
	s, ident := aliasStore(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "entkiosk_virtual")
	if err := os.WriteFile(path, []byte("old content\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(path)

	rep, err := s.ExportAliases(ctx, path)
	if err != nil || rep.Redirections != 2 || rep.Unchanged {
		t.Fatalf("%+v %v", rep, err)
	}
	var want bytes.Buffer
	s.WriteAliases(ctx, &want)
	got, _ := os.ReadFile(path)
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("file:\n%s\nwant:\n%s", got, want.String())
	}
	after, _ := os.Stat(path)
	if after.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", after.Mode().Perm())
	}
	if os.SameFile(before, after) {
		t.Error("the old file was written in place, not replaced by a rename")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left in the folder: %v", entries)
	}

	// Nothing changed: the file is left alone (postmap need not run).
	rep, err = s.ExportAliases(ctx, path)
	if err != nil || !rep.Unchanged {
		t.Fatalf("second export: %+v %v", rep, err)
	}
	if again, _ := os.Stat(path); !os.SameFile(after, again) || !again.ModTime().Equal(after.ModTime()) {
		t.Error("an unchanged map was rewritten")
	}

	// A redirection removed through the rules disappears from the next map.
	a, _, _ := s.accountByLogin(ctx, s.db, "hugo.lefevre")
	s.cfg.Clock.(*ManualClock).Advance(time.Minute)
	if err := s.RemoveRedirection(ctx, a, hugoPassword, testOrigin); err != nil {
		t.Fatal(err)
	}
	rep, err = s.ExportAliases(ctx, path)
	if err != nil || rep.Unchanged || rep.Redirections != 1 {
		t.Fatalf("after a removal: %+v %v", rep, err)
	}
	if got, _ := os.ReadFile(path); strings.Contains(string(got), ident["hugo.lefevre"]) {
		t.Errorf("removed redirection still exported:\n%s", got)
	}

	if _, err := s.ExportAliases(ctx, filepath.Join(dir, "missing", "virtual")); err == nil ||
		!strings.Contains(err.Error(), "missing") {
		t.Errorf("into a missing folder: %v", err)
	}
}
