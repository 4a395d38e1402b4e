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
		"le fichier d'établissement : init en écrit un, commenté, avec toutes les clés (et les chartes à côté) ; "+
			"check le vérifie et dit où chaque valeur apparaît")
	var out string
	f.str(&out, "out", "FICHIER", "institution.toml", "init : le fichier à écrire (jamais par-dessus un fichier existant)")
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
		fmt.Fprintf(stdout, "écrits : %s\nÀ compléter, puis : entkiosk institution check %s\n", strings.Join(written, ", "), out)
		return nil
	case len(pos) >= 1 && len(pos) <= 2 && pos[0] == "check":
		if len(pos) == 2 {
			f.institutionPath = pos[1]
		}
		if f.institutionPath == "" {
			return usageError{"institution check : quel fichier ? entkiosk institution check FICHIER (ou --institution, ENTKIOSK_INSTITUTION)"}
		}
		in, err := f.institution()
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s : correct.\n", in.Path)
		for _, u := range in.Uses() {
			fmt.Fprintf(stdout, "\n%s : %s\n    → %s\n", u.Key, u.Value, u.Where)
		}
		return nil
	}
	return usageError{"institution : init [--out FICHIER] ou check FICHIER (entkiosk help institution)"}
}
