package data

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// readOnlyCase is a store left read-only the way a backup on read-only
// media or a file of mode 0444 is; wantErr is what Open must say when the
// store cannot be read as it is.
type readOnlyCase struct {
	name      string
	file, dir os.FileMode
	wal       bool   // a -wal with transactions not yet in the file lies beside it
	wantErr   string // "": readable
}

var readOnlyCases = []readOnlyCase{
	{name: "file0444", file: 0o444, dir: 0o755},
	{name: "file0400-dir0555", file: 0o400, dir: 0o555},
	{name: "file0444-dir0555", file: 0o444, dir: 0o555},
	{name: "wal-dir0555", file: 0o400, dir: 0o555, wal: true, wantErr: "-wal qui contient des transactions"},
}

// prepareReadOnly makes the case's store: the demo people, a failed login
// in the audit log, mails in the outbox; then the modes. Under root, the
// files go to nobody, who will read them.
func prepareReadOnly(t *testing.T, c readOnlyCase) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "entkiosk-ro-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755); os.RemoveAll(dir) })
	path := filepath.Join(dir, "entkiosk.db")
	src := path
	if c.wal {
		src = filepath.Join(t.TempDir(), "live.db")
	}
	s, err := Open(src, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	s.Login(ctx, "hugo.lefevre", "Wrong-Password-1", testOrigin)
	if c.wal {
		// A copy taken while the server ran: the file and a -wal holding
		// the last transactions.
		if _, err := s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
			t.Fatal(err)
		}
		s.Login(ctx, "hugo.lefevre", "Wrong-Password-2", testOrigin)
		copyFile(t, src, path)
		copyFile(t, src+"-wal", path+"-wal")
		os.Chmod(path+"-wal", 0o600)
	}
	s.Close()
	if os.Geteuid() == 0 {
		for _, name := range []string{dir, path, path + "-wal"} {
			os.Chown(name, 65534, 65534)
		}
	}
	if err := os.Chmod(path, c.file); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, c.dir); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadOnlyStoreCanBeRead(t *testing.T) {
	t.Parallel()
	var paths []string
	for _, c := range readOnlyCases {
		paths = append(paths, prepareReadOnly(t, c))
	}
	if os.Geteuid() != 0 {
		checkReadOnlyCases(t, paths)
		return
	}
	// Copy the test binary where nobody can run it, and read as nobody.
	bin := filepath.Join(t.TempDir(), "data.test")
	copyFile(t, os.Args[0], bin)
	os.Chmod(filepath.Dir(bin), 0o755)
	os.Chmod(filepath.Dir(filepath.Dir(bin)), 0o755)
	os.Chmod(bin, 0o755)
	cmd := exec.Command(bin, "-test.run=^TestHelperReadOnlyStore$", "-test.v")
	cmd.Env = append(os.Environ(), "ENTKIOSK_TEST_READONLY_STORES="+strings.Join(paths, string(os.PathListSeparator)))
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	t.Logf("as nobody:\n%s", out)
	if err != nil || !strings.Contains(string(out), "--- PASS: TestHelperReadOnlyStore") {
		t.Fatalf("reading as nobody failed: %v", err)
	}
}

func TestHelperReadOnlyStore(t *testing.T) {
	t.Parallel()
	paths := os.Getenv("ENTKIOSK_TEST_READONLY_STORES")
	if paths == "" {
		t.Skip("helper of TestReadOnlyStoreCanBeRead")
	}
	checkReadOnlyCases(t, filepath.SplitList(paths))
}

func checkReadOnlyCases(t *testing.T, paths []string) {
	for i, path := range paths {
		c := readOnlyCases[i]
		before, _ := os.ReadFile(path)
		s, err := Open(path, Config{Clock: testConfig().Clock, Hasher: testHasher, ReadOnly: true})
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) || !strings.Contains(err.Error(), path) {
				t.Errorf("%s: Open = %v, want it to say %q with the path", c.name, err, c.wantErr)
			}
			if err == nil {
				s.Close()
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		entries, err := s.AuditLog(ctx, AuditFilter{Limit: 100})
		if err != nil || len(entries) == 0 {
			t.Errorf("%s: audit: %d entries, %v", c.name, len(entries), err)
		}
		mails, err := s.Outbox(ctx, OutboxFilter{})
		if err != nil || len(mails) == 0 {
			t.Errorf("%s: outbox: %d mails, %v", c.name, len(mails), err)
		}
		if (c.file&0o004 != 0) != (s.Warning() != nil) {
			t.Errorf("%s: warning %v for mode %04o", c.name, s.Warning(), c.file)
		}
		s.Close()
		if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
			t.Errorf("%s: the store was written", c.name)
		}
	}
}
