package screens

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The catalogues: one per language, the same keys, no empty text, the same
// printf verbs for each key, and every key the screens name exists.

func TestCataloguesHaveTheSameKeys(t *testing.T) {
	t.Parallel()
	for k := range textFR {
		if _, ok := textEN[k]; !ok {
			t.Errorf("%q is in text_fr.go, not in text_en.go", k)
		}
	}
	for k := range textEN {
		if _, ok := textFR[k]; !ok {
			t.Errorf("%q is in text_en.go, not in text_fr.go", k)
		}
	}
}

// emptyOnPurpose are texts left empty by their screen's owner to show
// nothing (helpdesk); reported, not failed, until they are replaced by a
// word or by not looking the key up. Add nothing here.
var emptyOnPurpose = map[string]bool{}

func TestCataloguesHaveNoEmptyText(t *testing.T) {
	t.Parallel()
	for lang, cat := range catalogues {
		for k, v := range cat {
			if strings.TrimSpace(v) != "" {
				continue
			}
			if emptyOnPurpose[k] {
				t.Logf("%s: %q is empty (on purpose, its owner says)", lang, k)
				continue
			}
			t.Errorf("%s: %q is empty", lang, k)
		}
	}
}

// verbRe finds printf verbs: %d, %s, %5.2f, %[2]s, %%.
var verbRe = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*(\*|\d+)?(\.(\*|\d+))?[a-zA-Z%]`)

// verbs lists a text's verbs, each with the argument it takes, in argument
// order (a translation may reorder them with %[n]).
func verbs(s string) []string {
	var out []string
	next := 1
	for _, m := range verbRe.FindAllStringSubmatch(s, -1) {
		v := m[0]
		if v == "%%" {
			continue
		}
		arg := next
		if m[1] != "" {
			arg, _ = strconv.Atoi(strings.Trim(m[1], "[]"))
		}
		next = arg + 1
		out = append(out, strconv.Itoa(arg)+":"+v[len(v)-1:])
	}
	slices.Sort(out)
	return out
}

func TestCataloguesHaveTheSameVerbs(t *testing.T) {
	t.Parallel()
	for k, fr := range textFR {
		en, ok := textEN[k]
		if !ok {
			continue
		}
		if vf, ve := verbs(fr), verbs(en); !slices.Equal(vf, ve) {
			t.Errorf("%q: French has %v, English has %v", k, vf, ve)
		}
	}
}

func TestVerbsParser(t *testing.T) {
	t.Parallel()
	if got := verbs("%d caractères au moins (%d saisis), 100%%"); !slices.Equal(got, []string{"1:d", "2:d"}) {
		t.Fatal(got)
	}
	if got := verbs("%[2]s à %[1]s"); !slices.Equal(got, []string{"1:s", "2:s"}) {
		t.Fatal(got)
	}
}

// keyArgs says which arguments of the kit's functions are catalogue keys
// (0-based), besides T and Tf whose first argument is.
var keyArgs = map[string][]int{
	"T": {0}, "Tf": {0},
	"AddAction": {1}, "AddLink": {1, 2}, "AddToggle": {1}, "AddChoice": {1, 2, 3, 4, 5, 6, 7, 8},
	"SubmitKey": {0}, "bind": {2}, "SayKey": {0},
}

// keyFields are the fields of the kit's structs that hold catalogue keys.
var keyFields = map[string]bool{"Label": true, "Hint": true, "Placeholder": true, "Desc": true, "Notice": true}

// notYetWritten are keys that the kit uses for screens still being written
// (their owners add them): reported, not failed. Empty this once main has
// every screen.
var notYetWritten = map[string]bool{}

// TestEveryKeyUsedExists parses screens/*.go and checks every catalogue key
// written as a literal: c.T("..."), c.Tf("...", ...), and the kit's labels.
func TestEveryKeyUsedExists(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	used := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || strings.HasPrefix(name, "text_") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		check := func(e ast.Expr, suffixes ...string) {
			lit, ok := e.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return
			}
			k, err := strconv.Unquote(lit.Value)
			if err != nil || k == "" {
				return
			}
			if len(suffixes) > 0 {
				// Nf: the singular and the plural are both needed.
				for _, sfx := range suffixes {
					checkKey(t, fset.Position(lit.Pos()).String(), k+sfx)
				}
				used++
				return
			}
			used++
			if notYetWritten[k] && textFR[k] == "" {
				t.Logf("%s: key %q not written yet (its screen's owner adds it)", fset.Position(lit.Pos()), k)
				return
			}
			for lang, cat := range catalogues {
				if _, ok := cat[k]; !ok {
					t.Errorf("%s: key %q is not in the %s catalogue", fset.Position(lit.Pos()), k, lang)
				}
			}
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				var fn string
				switch f := n.Fun.(type) {
				case *ast.SelectorExpr:
					fn = f.Sel.Name
				case *ast.Ident:
					fn = f.Name
				}
				for _, i := range keyArgs[fn] {
					if i < len(n.Args) {
						check(n.Args[i])
					}
				}
				if (fn == "Nf" || fn == "SayN") && len(n.Args) > 0 {
					check(n.Args[0], ".one", ".other")
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && keyFields[id.Name] {
					check(n.Value)
				}
			}
			return true
		})
	}
	if used < 20 {
		t.Fatalf("only %d keys found in screens/*.go: the parser missed them", used)
	}
}

func checkKey(t *testing.T, pos, k string) {
	t.Helper()
	for lang, cat := range catalogues {
		if _, ok := cat[k]; !ok {
			t.Errorf("%s: key %q is not in the %s catalogue", pos, k, lang)
		}
	}
}
