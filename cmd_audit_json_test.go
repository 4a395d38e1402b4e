package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// audit --json gives each line's detail as its kind and arguments (an
// object), beside the English sentence it always gave.
func TestAuditJSONDetailArgs(t *testing.T) {
	db := demoStore(t)
	if r := runCmd(t, "grant", "--db", db, "helpdesk", "ines.moreau"); r.err != nil {
		t.Fatal(r.err)
	}
	r := runCmd(t, "audit", "--db", db, "--json", "--event", "ROLE_CHANGE,IA_LOOKUP,ACTIVATE", "--limit", "1000")
	if r.err != nil {
		t.Fatal(r.err)
	}
	kinds := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(r.out), "\n") {
		var e struct {
			Event  string          `json:"event"`
			Detail string          `json:"detail"`
			Kind   string          `json:"kind"`
			Args   json.RawMessage `json:"args"`
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		kinds[e.Kind] = true
		var args map[string]any
		if err := json.Unmarshal(e.Args, &args); err != nil || args == nil {
			t.Errorf("args not an object: %s", line)
		}
		switch e.Kind {
		case "role":
			if e.Event != "ROLE_CHANGE" || args["role"] != "helpdesk" || e.Detail != "helpdesk" {
				t.Errorf("role change: %s", line)
			}
		case "activation":
			if e.Event != "ACTIVATE" || (e.Detail == "no redirection") != (args["to"] == nil) {
				t.Errorf("activation: %s", line)
			}
		case "number":
			if n, _ := args["number"].(string); e.Event != "IA_LOOKUP" || len(n) != 8 || e.Detail != "number "+n {
				t.Errorf("lookup: %s", line)
			}
		default:
			t.Errorf("kind %q: %s", e.Kind, line)
		}
	}
	if !kinds["role"] || !kinds["activation"] {
		t.Errorf("kinds seen: %v in %s", kinds, r.out)
	}
}
