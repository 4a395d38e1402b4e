package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// withUmask runs the test under umask 022 (the usual one, which let SQLite
// create the store 0644), restoring the process's umask after.
func withUmask(t *testing.T, mask int) {
	old := syscall.Umask(mask)
	t.Cleanup(func() { syscall.Umask(old) })
}

// openAndWrite opens a store at path and writes to it, so that the -wal
// and -shm files exist.
func openAndWrite(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path, Config{Hasher: testHasher})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO settings(name, value) VALUES ('probe', 'x')`); err != nil {
		t.Fatal(err)
	}
	return s
}

func modes(t *testing.T, path string) map[string]os.FileMode {
	t.Helper()
	got := map[string]os.FileMode{}
	for _, name := range storeFiles(path) {
		st, err := os.Stat(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got[filepath.Base(name)] = st.Mode().Perm()
	}
	return got
}

func TestStoreFilesAreOwnerOnlyWhateverTheUmask(t *testing.T) {
	t.Parallel()
	withUmask(t, 0o022)
	path := filepath.Join(t.TempDir(), "entkiosk.db")
	s := openAndWrite(t, path)
	defer s.Close()
	for name, mode := range modes(t, path) {
		if mode != 0o600 {
			t.Errorf("%s: mode %04o, want 0600", name, mode)
		}
	}
}

func TestStoreInASetgidFolderIsSharedWithItsGroup(t *testing.T) {
	t.Parallel()
	withUmask(t, 0o022)
	dir := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(dir, 0o770); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o770|os.ModeSetgid); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(dir); st.Mode()&os.ModeSetgid == 0 {
		t.Skip("this file system does not keep the setgid bit of a folder")
	}
	path := filepath.Join(dir, "entkiosk.db")
	s := openAndWrite(t, path)
	defer s.Close()
	for name, mode := range modes(t, path) {
		if mode != 0o660 {
			t.Errorf("%s: mode %04o, want 0660 in a setgid folder", name, mode)
		}
	}
}

func TestStoreReadableByEveryoneIsRefused(t *testing.T) {
	for _, file := range []string{"", "-wal", "-shm"} {
		path := filepath.Join(t.TempDir(), "entkiosk.db")
		s := openAndWrite(t, path)
		// Keep the WAL files: a second connection holds them open while
		// the first closes (the last one to close deletes them).
		keep, err := Open(path, Config{Hasher: testHasher})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		if err := os.Chmod(path+file, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err = Open(path, Config{Hasher: testHasher})
		var wr *WorldReadableError
		if !errors.As(err, &wr) || wr.File != path+file {
			t.Fatalf("%s 0644: Open = %v, want a WorldReadableError naming it", file, err)
		}
		for _, want := range []string{path + file, "0644", "lisible par tous", "chmod"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%q does not say %q", err, want)
			}
		}
		keep.Close()
	}
}
