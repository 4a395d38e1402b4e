package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"entkiosk/data"
)

func cmdMigrateStore(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name, say("cli.migrate.usage"), say("cli.migrate.about"))
	var from, to, passwordFile string
	// --from and --to have no ENTKIOSK_ variable: ENTKIOSK_FROM is the mails' sender.
	f.cmdLineStr(&from, "from", "CHEMIN", say("cli.migrate.flag.from"))
	f.cmdLineStr(&to, "to", "URL", say("cli.migrate.flag.to"))
	f.str(&passwordFile, "db-password-file", "FICHIER", "", say("cli.migrate.flag.password"))
	if err := f.parseNoArgs(args, stdout); err != nil {
		return helpOK(err)
	}
	if from == "" || to == "" {
		return usageError{say("cli.migrate.required")}
	}
	if u, err := url.Parse(to); err == nil && u.User != nil {
		if _, has := u.User.Password(); has {
			return usageError{say("cli.migrate.to.password")}
		}
	}
	var err error
	if sameFile(from, to) {
		return usageError{say("cli.migrate.same")}
	}
	var target data.Config
	if passwordFile != "" {
		if !data.IsPostgresURL(to) {
			return usageError{say("cli.migrate.password.sqlite")}
		}
		if target.DBPassword, err = data.ReadPasswordFile(passwordFile); err != nil {
			return fmt.Errorf(say("cli.migrate.failed"), err)
		}
	}
	src, err := data.Open(from, data.Config{MustExist: true})
	if err != nil {
		return fmt.Errorf(say("cli.migrate.source"), err)
	}
	defer src.Close()
	dst, err := data.Open(to, target)
	if err != nil {
		return fmt.Errorf(say("cli.migrate.target"), err)
	}
	defer dst.Close()
	fmt.Fprintf(stdout, say("cli.migrate.copying"), from, showTarget(to))
	counts, err := src.CopyTo(ctx, dst)
	if err != nil {
		var ne *data.NotEmptyError
		if errors.As(err, &ne) {
			return fmt.Errorf(say("cli.migrate.notempty"), showTarget(to), err)
		}
		return fmt.Errorf(say("cli.migrate.cancelled"), err)
	}
	var total int64
	for _, c := range counts {
		fmt.Fprintf(stdout, "  %-18s %9d\n", c.Table, c.Rows)
		total += c.Rows
	}
	fmt.Fprintf(stdout, say("cli.migrate.copied"), len(counts), total)
	// The copy's audit log must verify as the source's did: same rows, same hashes.
	dst.Close()
	target.MustExist = true
	dst, err = data.Open(to, target)
	if err != nil {
		return fmt.Errorf(say("cli.migrate.reopen"), err)
	}
	chain, err := dst.VerifyAuditChain(ctx)
	if err != nil {
		return fmt.Errorf(say("cli.migrate.verify"), err)
	}
	if len(chain.Breaks) > 0 {
		return fmt.Errorf(say("cli.migrate.broken"), len(chain.Breaks), showTarget(to), from)
	}
	fmt.Fprintf(stdout, say("cli.migrate.chain"), chain.Entries, chain.Head)
	return nil
}

// showTarget is the target without any password (there should be none).
func showTarget(to string) string {
	if u, err := url.Parse(to); err == nil && u.Scheme != "" {
		return u.Redacted()
	}
	return to
}

// sameFile: two SQLite paths to one file.
func sameFile(a, b string) bool {
	if strings.Contains(b, "://") {
		return false
	}
	ra, errA := filepath.EvalSymlinks(a)
	rb, errB := filepath.EvalSymlinks(b)
	if errA != nil || errB != nil {
		ra, rb = filepath.Clean(a), filepath.Clean(b)
	}
	aa, _ := filepath.Abs(ra)
	ab, _ := filepath.Abs(rb)
	return aa == ab
}
