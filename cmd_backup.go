package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"entkiosk/data"
)

func cmdBackup(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name, "[options] DESTINATION", say("cli.backup.about"))
	f.storeOptions(false)
	pos, err := f.parse(args, stdout)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) != 1 || pos[0] == "" {
		return usageError{say("cli.backup.destination")}
	}
	dest := pos[0]
	if err := backupDest(dest); err != nil {
		return err
	}
	if data.IsPostgresURL(f.db) {
		env := os.Environ()
		if f.dbPasswordFile != "" { // to pg_dump as libpq reads it, never on its command line
			pw, err := data.ReadPasswordFile(f.dbPasswordFile)
			if err != nil {
				return fmt.Errorf(say("cli.backup.pg.password"), err)
			}
			env = append(env, "PGPASSWORD="+pw)
		}
		return backupPostgres(ctx, f.db, dest, env, stdout)
	}
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	if err := store.Backup(ctx, dest); err != nil {
		if _, statErr := os.Lstat(dest); statErr == nil {
			return backupExists(dest) // it appeared meanwhile
		}
		return backupFailed(dest, err)
	}
	size := int64(0)
	if st, err := os.Stat(dest); err == nil {
		size = st.Size()
	}
	fmt.Fprintf(stdout, say("cli.backup.written"), dest,
		strings.Replace(strconv.FormatFloat(float64(size)/1e6, 'f', 1, 64), ".", ",", 1),
		strings.Replace(time.Since(start).Round(time.Millisecond).String(), ".", ",", 1))
	return nil
}

// backupDest refuses, in French, what data.Backup refuses in English: an
// existing file, a missing folder.
func backupDest(dest string) error {
	if st, err := os.Lstat(dest); err == nil && st.IsDir() {
		// As cp would take it: said, with the name to give instead.
		return fmt.Errorf(say("cli.backup.isdir"), dest, filepath.Join(dest, "entkiosk-"+time.Now().Format("2006-01-02")+".db"))
	} else if err == nil {
		return backupExists(dest)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf(say("cli.backup.error"), dest, osReason(err))
	}
	dir := filepath.Dir(dest)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf(say("cli.backup.nofolder"), dir)
	}
	return nil
}

// backupFailed says why no copy was written: what the destination's folder
// refused (its permissions, read-only media, a full disk) in words, with
// the folder; anything else (the copy's check) as the store says it.
func backupFailed(dest string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf(say("cli.backup.folder"), filepath.Dir(dest), osReason(err))
	}
	return fmt.Errorf(say("cli.backup.failed"), err)
}

func backupExists(dest string) error {
	return fmt.Errorf(say("cli.backup.exists"), dest)
}
