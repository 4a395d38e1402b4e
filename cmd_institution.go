package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"entkiosk/data/institution"
)

// cmdInstitution: the institution file, for the IT department setting
// entkiosk up: init writes a commented one, check reads one and says where
// each value appears.
func cmdInstitution(ctx context.Context, name string, args []string, stdout, stderr io.Writer) error {
	f := newFlags(name, "init [--out FICHIER] | check [FICHIER]",
		say("cli.institution.about"))
	var out string
	f.str(&out, "out", "FICHIER", "institution.toml", say("cli.institution.flag.out"))
	f.institutionOption()
	pos, err := f.parse(args, stdout)
	if err != nil {
		return helpOK(err)
	}
	switch {
	case len(pos) == 1 && pos[0] == "init":
		written, err := institution.WriteTemplate(out)
		if err != nil {
			return fmt.Errorf("institution init : %w", err)
		}
		fmt.Fprintf(stdout, say("cli.institution.written"), strings.Join(written, ", "), out)
		return nil
	case len(pos) >= 1 && len(pos) <= 2 && pos[0] == "check":
		if len(pos) == 2 {
			f.institutionPath = pos[1]
		}
		if f.institutionPath == "" {
			return usageError{say("cli.institution.check.nofile")}
		}
		in, err := f.institution()
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, say("cli.institution.correct"), in.Path)
		for _, u := range in.Uses() {
			fmt.Fprintf(stdout, "\n%s : %s\n    → %s\n", u.Key, u.Value, u.Where)
		}
		return nil
	}
	return usageError{say("cli.institution.usage")}
}
