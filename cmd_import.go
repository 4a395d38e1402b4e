package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"

	"entkiosk/data"
	"entkiosk/data/text"
)

func cmdImport(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name, "[options] FICHIER.csv", say("cli.import.about"))
	f.storeOptions(true)
	f.domainOptions()
	f.linkOptions()
	f.langOption()
	var checkDirectory bool
	f.bool(&checkDirectory, "check-directory", say("cli.import.flag.checkdirectory"))
	f.directoryOptions()
	pos, err := f.parse(args, stdout)
	if err != nil {
		return helpOK(err)
	}
	if checkDirectory && f.dir.url == "" {
		return usageError{say("cli.import.checkdirectory.noldap")}
	}
	if len(pos) != 1 {
		return usageError{say("cli.import.nofile")}
	}
	if _, err := f.institution(); err != nil { // a mistake on the command line, said before any work
		return err
	}
	lang := f.lang()
	content, err := readExport(pos[0], lang)
	if err != nil {
		return err
	}
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	report, err := store.Import(ctx, bytes.NewReader(content), data.Origin{Client: "import", Lang: "fr"})
	if report != nil {
		for _, col := range report.Ignored {
			fmt.Fprintln(stdout, text.Plain(lang, "cli.import.ignored", col))
		}
		for _, ident := range report.Accounts {
			fmt.Fprintln(stdout, text.Plain(lang, "cli.import.account", ident))
		}
		for _, r := range report.Refusals {
			fmt.Fprintln(stdout, text.Plain(lang, "cli.import.refusal", r.Error()))
		}
	}
	var stopped *data.ImportStopped
	if errors.As(err, &stopped) && errors.Is(err, context.Canceled) {
		// Stopped on purpose (Ctrl+C, SIGTERM): said in the operator's
		// words, not Go's « context canceled ».
		return errors.New(text.Plain(lang, "cli.import.stopped", stopped.Line))
	}
	if err != nil {
		return importFileError(pos[0], lang, err)
	}
	fmt.Fprintln(stdout, importSummary(lang, report))
	if checkDirectory {
		if err := reportDirectory(ctx, store, stdout); err != nil {
			return err
		}
	}
	if report.Refused > 0 {
		// Exit status 1: a nightly job (cron, systemd) must notice.
		key := "cli.import.failed"
		if report.Created+report.Updated+report.Unchanged == 0 {
			key = "cli.import.allrefused" // no "other lines" to speak of
		}
		return errors.New(text.PlainN(lang, key, report.Refused))
	}
	return nil
}

// readExport reads the file to import, or says in lang why it cannot: a
// folder, no such file, no right to read it, empty (Go's own words, "read
// csv: is a directory", never reach the operator).
func readExport(path string, lang text.Lang) ([]byte, error) {
	text := func(key string, args ...any) error {
		return errors.New(text.Plain(lang, key, append([]any{path}, args...)...))
	}
	content, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, text("cli.import.missing")
	case errors.Is(err, fs.ErrPermission):
		return nil, text("cli.import.denied")
	case errors.Is(err, syscall.EISDIR):
		return nil, text("cli.import.dir")
	case err != nil:
		return nil, text("cli.import.unreadable", osReason(err))
	}
	return content, nil
}

// importFileError says in lang why the store refused the whole file, for
// the refusals it names (FileError.Kind); the others as the store says
// them (in French).
func importFileError(path string, lang text.Lang, err error) error {
	var fe *data.FileError
	if errors.As(err, &fe) {
		if key, ok := map[data.FileErrorKind]string{data.FileEmpty: "cli.import.empty", data.FileUTF16: "cli.import.utf16",
			data.FileNotUTF8: "cli.import.notutf8", data.FileNoHeader: "cli.import.noheader"}[fe.Kind]; ok {
			return errors.New(text.Plain(lang, key, path))
		}
		if fe.Kind == data.FileColumns {
			return errors.New(text.Plain(lang, "cli.import.columns", path, strings.Join(fe.Columns, ", ")))
		}
	}
	return err
}

// importSummary says what each count counts: lines of the file by what
// they did (a created line is a new person or registration), then the
// accounts created (a person's first valid registration).
func importSummary(lang text.Lang, r *data.ImportReport) string {
	n := func(key string, n int) string { return text.PlainN(lang, "cli.import."+key, n) }
	return text.Plain(lang, "cli.import.summary", n("created", r.Created), n("updated", r.Updated),
		n("unchanged", r.Unchanged), n("refused", r.Refused), len(r.Accounts))
}
