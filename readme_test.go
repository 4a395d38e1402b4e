package main

import (
	"bytes"
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
)

// The README says the command line as it is: every option of every
// command in the configuration table, the commands as the usage gives them.

// allCommands are the commands whose -h the table follows.
var allCommands = [][]string{{"kiosk"}, {"serve"}, {"import"}, {"outbox"}, {"mail"}, {"export", "aliases"},
	{"grant"}, {"revoke"}, {"backup"}, {"audit"}, {"directory"}, {"institution"}}

// The README's configuration table lists every option of every command,
// with its variable and the commands that take it, and nothing else.
func TestREADMEConfigurationTable(t *testing.T) {
	cleanEnv(t)
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	start := strings.Index(section, "\n## Configuration\n")
	if start < 0 {
		t.Fatal("no Configuration section")
	}
	section = section[start+1:]
	section = section[:strings.Index(section, "\n## ")+1]
	rows := map[string][]string{} // --name → cells
	rowRe := regexp.MustCompile("(?m)^\\| `--([a-z-]+)` \\|(.*)$")
	for _, m := range rowRe.FindAllStringSubmatch(section, -1) {
		rows[m[1]] = strings.Split(m[2], "|")
	}
	optRe := regexp.MustCompile(`(?m)^  --([a-z-]+)`)
	used := map[string]bool{}
	for _, c := range allCommands {
		name := strings.Join(c, " ")
		help := runCmd(t, append(c, "-h")...).out
		for _, m := range optRe.FindAllStringSubmatch(help, -1) {
			opt := m[1]
			used[opt] = true
			cells, ok := rows[opt]
			if !ok {
				t.Errorf("README: no row for --%s (%s)", opt, name)
				continue
			}
			if len(cells) < 4 || strings.TrimSpace(cells[0]) != "`"+envName(opt)+"`" {
				t.Errorf("README: the row of --%s does not give %s: %q", opt, envName(opt), cells)
				continue
			}
			if cmds := cells[2]; !strings.Contains(cmds, "`"+name+"`") && !strings.Contains(cmds, "every command") {
				t.Errorf("README: the row of --%s does not list %s: %q", opt, name, cmds)
			}
		}
	}
	for opt := range rows {
		if !used[opt] {
			t.Errorf("README: --%s is no command's option", opt)
		}
	}
}

// The README's command list is the usage's.
func TestREADMECommands(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"[--event E]", "date_fin", "exit status"} {
		if !bytes.Contains(readme, []byte(want)) {
			t.Errorf("README lacks %q", want)
		}
	}
	if errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
}

// ---- the import's file errors, dates that do not exist, the audit in words

// ---- institution
