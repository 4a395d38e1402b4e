package institution

import (
	"embed"
	"path"
	"strings"
)

// builtin holds the demonstration institution and the generic charter.
//
//go:embed builtin
var builtin embed.FS

func readBuiltin(name string) ([]byte, error) { return builtin.ReadFile(path.Join("builtin", name)) }

// Demo is the demonstration institution (builtin/demo.toml): what --demo
// shows, marked as a demo wherever it appears.
func Demo() *Institution {
	b, err := readBuiltin("demo.toml")
	if err != nil {
		panic("institution: builtin/demo.toml missing: " + err.Error())
	}
	in, err := parse("", b, readBuiltin)
	if err != nil {
		panic("institution: builtin/demo.toml: " + err.Error())
	}
	return in
}

// genericCharter is the charter without an institution file: the rules of
// use every university asks for, naming none.
func genericCharter() Charter {
	text := func(name string) string {
		b, err := readBuiltin(name)
		if err != nil {
			panic("institution: builtin charter missing: " + err.Error())
		}
		return strings.TrimSpace(string(b))
	}
	return Charter{Version: GenericCharterVersion, Text: Text{FR: text("charte.fr.txt"), EN: text("charter.en.txt")}}
}

// GenericCharterVersion is the version of the built-in charter.
const GenericCharterVersion = "entkiosk-1"
