package main

import (
	"context"
	"fmt"
	"io"

	"entkiosk/data"
	"entkiosk/data/text"
)

func cmdExport(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name+" aliases", "[options]", say("cli.export.about"))
	f.storeOptions(false)
	var out string
	f.str(&out, "out", "FICHIER", "", say("cli.export.flag.out"))
	pos, err := f.parse(args, stdout)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) != 1 || pos[0] != "aliases" {
		return usageError{say("cli.export.what")}
	}
	store, err := f.open()
	if err != nil {
		return err
	}
	defer store.Close()
	var report data.AliasReport
	if out == "" {
		report, err = store.WriteAliases(ctx, stdout)
	} else {
		report, err = store.ExportAliases(ctx, out)
	}
	for _, ident := range report.Skipped {
		fmt.Fprintf(stderr, say("cli.export.ignored"), ident)
	}
	if err != nil {
		where := say("cli.export.stdout")
		if out != "" {
			where = out
		}
		return fmt.Errorf(say("cli.export.write"), where, osReason(err))
	}
	if out == "" {
		return skippedError(report)
	}
	// The summary on stdout, problems on stderr: a cron job keeps only the latter.
	redirections := text.PlainN(text.French, "cli.count.redirection", report.Redirections)
	if report.Unchanged {
		fmt.Fprintf(stdout, say("cli.export.unchanged"), out, redirections)
	} else {
		fmt.Fprintf(stdout, say("cli.export.written"), redirections, map[bool]string{true: say("cli.export.written.one"), false: say("cli.export.written.other")}[report.Redirections < 2], out)
	}
	return skippedError(report)
}

// skippedError: a redirection left out of the map is mail never forwarded,
// so the export fails (exit status 1, for cron and systemd) after writing
// the others, each left out named on stderr above.
func skippedError(report data.AliasReport) error {
	if n := len(report.Skipped); n > 0 {
		return fmt.Errorf(say("cli.export.left"),
			text.PlainN(text.French, "cli.count.redirection.left", n))
	}
	return nil
}
