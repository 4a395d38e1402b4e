package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"entkiosk/data"
	"entkiosk/data/text"
)

// backupPostgres is backup on PostgreSQL: pg_dump's custom format (-Fc,
// what pg_restore reads), written beside dest under a temporary name,
// listed back by pg_restore --list as the check, then given its name, mode
// 0600, never over a file. Without pg_dump, it says what to run instead.
// The password reaches pg_dump as it reaches entkiosk: PGPASSWORD,
// ~/.pgpass (never on its command line).
func backupPostgres(ctx context.Context, db, dest string, env []string, stdout io.Writer) error {
	shown := db
	if u, err := url.Parse(db); err == nil {
		shown = u.Redacted()
	}
	dump, err := exec.LookPath("pg_dump")
	if err != nil {
		return fmt.Errorf(say("cli.backup.pg.nodump"), dest, shown, dest)
	}
	dir := filepath.Dir(dest)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".partial-*")
	if err != nil {
		return fmt.Errorf(say("cli.backup.error"), dir, osReason(err))
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpName)
	start := time.Now()
	var errOut bytes.Buffer
	cmd := exec.CommandContext(ctx, dump, "--format=custom", "--no-password", "--file", tmpName, "--dbname", db)
	cmd.Env, cmd.Stderr = env, &errOut
	if err := cmd.Run(); err != nil {
		return fmt.Errorf(say("cli.backup.pg.failed"), err, strings.TrimSpace(errOut.String()))
	}
	if err := data.SyncFile(tmpName); err != nil {
		return fmt.Errorf(say("cli.backup.pg.os"), osReason(err))
	}
	// pg_restore reads the whole table of contents: a truncated dump fails here.
	tables, listed := 0, false
	if restore, err := exec.LookPath("pg_restore"); err == nil {
		var list bytes.Buffer
		errOut.Reset()
		check := exec.CommandContext(ctx, restore, "--list", tmpName)
		check.Stdout, check.Stderr = &list, &errOut
		if err := check.Run(); err != nil {
			return fmt.Errorf(say("cli.backup.pg.unreadable"), err, strings.TrimSpace(errOut.String()))
		}
		tables, listed = strings.Count(list.String(), " TABLE DATA "), true
	}
	if err := os.Chmod(tmpName, 0o600); err != nil {
		return fmt.Errorf(say("cli.backup.pg.os"), osReason(err))
	}
	if err := os.Link(tmpName, dest); err != nil {
		if _, statErr := os.Lstat(dest); errors.Is(err, os.ErrExist) || statErr == nil {
			return backupExists(dest) // it appeared meanwhile
		}
		if err := os.Rename(tmpName, dest); err != nil {
			return fmt.Errorf(say("cli.backup.pg.os"), osReason(err))
		}
	}
	if err := data.SyncFile(dir); err != nil {
		return fmt.Errorf(say("cli.backup.pg.os"), osReason(err))
	}
	size := int64(0)
	if st, err := os.Stat(dest); err == nil {
		size = st.Size()
	}
	checked := text.PlainN(text.French, "cli.backup.pg.checked", tables)
	if !listed {
		checked = say("cli.backup.pg.unchecked")
	}
	fmt.Fprintf(stdout, say("cli.backup.pg.written"), dest,
		strings.Replace(strconv.FormatFloat(float64(size)/1e6, 'f', 1, 64), ".", ",", 1),
		strings.Replace(time.Since(start).Round(time.Millisecond).String(), ".", ",", 1), checked)
	return nil
}
