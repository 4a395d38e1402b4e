package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Backup writes a consistent copy of the store to dest while kiosks and the
// server keep writing: VACUUM INTO reads one snapshot (every transaction
// committed before it began, none after) without stopping the writers, as
// WAL lets readers and a writer work together. The copy is written beside
// dest under a temporary name, synced, checked with PRAGMA integrity_check,
// and only then given its name, mode 0600: a dest that exists is never
// overwritten, and a dest that appears is complete.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if s.dialect == dialectPostgres {
		return &PostgresBackupError{URL: s.path}
	}
	if dest == "" {
		return errors.New("backup: no destination file given")
	}
	if _, err := os.Lstat(dest); err == nil {
		return fmt.Errorf("backup: %s already exists: it is not overwritten (give a new name, or remove it first)", dest)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("backup: %w", err)
	}
	dir := filepath.Dir(dest)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("backup: folder %s does not exist", dir)
	}
	// CreateTemp makes the file 0600; VACUUM INTO accepts an empty file.
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".partial-*")
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpName) // after the link, only the temporary name goes
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, tmpName); err != nil {
		return fmt.Errorf("backup: copy: %w", err)
	}
	if err := SyncFile(tmpName); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := CheckBackup(ctx, tmpName); err != nil {
		return err
	}
	if err := os.Chmod(tmpName, 0o600); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := linkNoReplace(tmpName, dest); err != nil {
		return err
	}
	return SyncFile(dir)
}

// linkNoReplace gives the checked copy its name without ever replacing a
// file: a hard link fails if dest exists. A file system without hard links
// (FAT on a USB disk) gets a rename after a last check.
func linkNoReplace(tmpName, dest string) error {
	err := os.Link(tmpName, dest)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("backup: %s appeared meanwhile: it is not overwritten", dest)
	case errors.Is(err, syscall.EPERM), errors.Is(err, syscall.ENOTSUP), errors.Is(err, syscall.EOPNOTSUPP),
		errors.Is(err, syscall.EMLINK):
		if _, statErr := os.Lstat(dest); statErr == nil {
			return fmt.Errorf("backup: %s appeared meanwhile: it is not overwritten", dest)
		}
		if err := os.Rename(tmpName, dest); err != nil {
			return fmt.Errorf("backup: %w", err)
		}
		return nil
	}
	return fmt.Errorf("backup: %w", err)
}

// SyncFile flushes a file (or a folder: the new names in it) to the disk;
// a backup is renamed into place only once it is there.
func SyncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// CheckBackup opens a backup read-only and runs PRAGMA integrity_check on it.
func CheckBackup(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return fmt.Errorf("backup check %s: %w", path, err)
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("backup check %s: %w", path, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("backup check %s: %w", path, err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("backup check %s: %w", path, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("backup check %s: integrity_check failed: %v", path, problems)
	}
	return nil
}
