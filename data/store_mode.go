package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// The store holds live codes' HMACs, the server secret and personal data:
// only its owner (and, when the operator shares it, its group) may read it.
const (
	storeMode       os.FileMode = 0o600
	storeSharedMode os.FileMode = 0o660
)

// storeFiles are the store and the two files SQLite keeps beside it in WAL
// mode; each holds the store's content.
func storeFiles(path string) []string {
	return []string{path, path + "-wal", path + "-shm"}
}

// newStoreMode is the mode of a store created in dir: 0600, or 0660 when
// dir has the setgid bit. A setgid folder is how an operator shares the
// store with a group (a kiosk user and the server's user): its files take
// the folder's group, and the group must be able to write them.
func newStoreMode(dir string) os.FileMode {
	if st, err := os.Stat(dir); err == nil && st.Mode()&os.ModeSetgid != 0 {
		return storeSharedMode
	}
	return storeMode
}

// createStoreFile creates the store's file, empty, with newStoreMode whatever
// the umask, before SQLite creates it with 0644 & ~umask. SQLite gives the
// -wal and -shm files it creates the mode of the database file, so they
// follow. A file that already exists (another process was first) is left
// alone: checkStoreMode judges it.
func createStoreFile(path string) error {
	mode := newStoreMode(filepath.Dir(path))
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, mode)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("base %s : création impossible : %w", path, err)
	}
	defer f.Close()
	// The umask took bits away at creation; Chmod sets exactly these.
	if err := f.Chmod(mode); err != nil {
		os.Remove(path)
		return fmt.Errorf("base %s : création impossible : %w", path, err)
	}
	return nil
}

// WorldReadableError: a file of the store can be read (or written) by every
// user of the machine. Open refuses it: anyone could read live codes.
type WorldReadableError struct {
	Path string      // the store
	File string      // the file at fault: the store, its -wal or its -shm
	Mode os.FileMode // its permission bits
}

func (e *WorldReadableError) Error() string {
	return fmt.Sprintf("base %s : le fichier %s (mode %04o) est lisible par tous les utilisateurs de la machine, "+
		"alors qu'il contient les codes en cours et le secret du serveur ; entkiosk refuse de démarrer : "+
		"« chmod o-rwx %s* » (mode 0600, ou 0660 pour le partager avec un groupe), puis relancez",
		e.Path, e.File, e.Mode.Perm(), e.Path)
}

// checkStoreMode refuses a store whose file, -wal or -shm every local user
// may read or write.
func checkStoreMode(path string) error {
	for _, name := range storeFiles(path) {
		st, err := os.Stat(name)
		if err != nil {
			continue // no such file yet: SQLite makes it with the store's mode
		}
		if st.Mode().Perm()&0o006 != 0 {
			return &WorldReadableError{Path: path, File: name, Mode: st.Mode().Perm()}
		}
	}
	return nil
}
