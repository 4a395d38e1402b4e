package main

import (
	"context"
	"fmt"
	"io"

	"entkiosk/data"
	"entkiosk/data/text"
)

func cmdExport(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name+" aliases", "[options]", "écrit la table d'alias virtuels de Postfix : les redirections choisies par les titulaires")
	f.storeOptions(false)
	var out string
	f.str(&out, "out", "FICHIER", "", "écrit la table dans ce fichier, de façon atomique (défaut : la sortie standard)")
	pos, err := f.parse(args, stdout)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) != 1 || pos[0] != "aliases" {
		return usageError{"export : quoi exporter ? entkiosk export aliases [--out FICHIER]"}
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
		fmt.Fprintf(stderr, "ignorée : %s (adresse impropre à la table Postfix)\n", ident)
	}
	if err != nil {
		where := "la sortie standard"
		if out != "" {
			where = out
		}
		return fmt.Errorf("export aliases : écriture de %s impossible : %s", where, osReason(err))
	}
	if out == "" {
		return skippedError(report)
	}
	// The summary on stdout, problems on stderr: a cron job keeps only the latter.
	redirections := text.PlainN(text.French, "cli.count.redirection", report.Redirections)
	if report.Unchanged {
		fmt.Fprintf(stdout, "%s inchangé (%s)\n", out, redirections)
	} else {
		fmt.Fprintf(stdout, "%s %s dans %s\n", redirections, map[bool]string{true: "écrite", false: "écrites"}[report.Redirections < 2], out)
	}
	return skippedError(report)
}

// skippedError: a redirection left out of the map is mail never forwarded,
// so the export fails (exit status 1, for cron and systemd) after writing
// the others, each left out named on stderr above.
func skippedError(report data.AliasReport) error {
	if n := len(report.Skipped); n > 0 {
		return fmt.Errorf("export aliases : %s hors de la table (adresse qu'elle ne peut pas porter) : "+
			"leur courrier n'est pas redirigé ; faites choisir une autre adresse à leur titulaire",
			text.PlainN(text.French, "cli.count.redirection.left", n))
	}
	return nil
}
