package text_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"entkiosk/data"
	"entkiosk/data/text"
)

// Every key the project names exists in both languages: the keys written
// as literals (c.T("..."), text.F(lang, "..."), the form kit's labels) and
// the keys built at run time ("helpdesk.walk."+step+"."+fact,
// "mail."+kind+".subject", key+".one"/".other").

// methodKeyArgs are the catalogue keys among a method's or function's
// arguments (0-based) when it is called on a value (c.T, f.AddAction).
var methodKeyArgs = map[string][]int{
	"T": {0}, "Tf": {0},
	"AddAction": {1}, "AddLink": {1, 2}, "AddToggle": {1}, "AddChoice": {1, 2, 3, 4, 5, 6, 7, 8},
	"SubmitKey": {0}, "bind": {2}, "SayKey": {0}, "Bilingual": {0}, "say": {0},
}

// packageKeyArgs are the same for data/text's functions and tui.Text,
// which take the language first.
var packageKeyArgs = map[string][]int{"T": {1}, "F": {1}, "Plain": {1}, "Text": {1}, "Has": {}}

// counted take key.one and key.other.
var counted = map[string]int{"Nf": 0, "SayN": 0}
var countedPackage = map[string]int{"N": 1, "PlainN": 1}

// keyFields are the fields of the kit's structs that hold catalogue keys.
var keyFields = map[string]bool{"Label": true, "Hint": true, "Placeholder": true, "Desc": true, "Notice": true}

var keyLike = regexp.MustCompile(`^[a-z0-9_]+(\.[a-z0-9_]+)*\.$`)

func TestEveryKeyUsedExists(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	areas := map[string]bool{} // first segments of the catalogue's keys
	for k := range text.Catalogue(text.French) {
		areas[strings.SplitN(k, ".", 2)[0]] = true
	}
	literals, prefixes := 0, 0
	check := func(pos token.Pos, k string) {
		for _, lang := range []text.Lang{text.French, text.English} {
			if !text.Has(lang, k) {
				t.Errorf("%s: key %q is not in the %s catalogue", fset.Position(pos), k, lang)
			}
		}
	}
	// checkArg checks a key argument written as a literal (a key built at
	// run time is checked by its prefix, below).
	checkArg := func(e ast.Expr, suffixes ...string) {
		if e, ok := e.(*ast.BasicLit); ok {
			if e.Kind != token.STRING {
				return
			}
			k, err := strconv.Unquote(e.Value)
			if err != nil || k == "" {
				return
			}
			literals++
			if len(suffixes) == 0 {
				check(e.Pos(), k)
			}
			for _, sfx := range suffixes {
				check(e.Pos(), k+sfx)
			}
		}
	}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") ||
			strings.Contains(filepath.ToSlash(path), "data/text/") {
			return nil
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				var fn string
				pkgCall := false
				switch f := n.Fun.(type) {
				case *ast.SelectorExpr:
					fn = f.Sel.Name
					if id, ok := f.X.(*ast.Ident); ok && (id.Name == "text" || id.Name == "tui") {
						pkgCall = true
					}
				case *ast.Ident:
					fn = f.Name
				}
				args, count := methodKeyArgs[fn], -1
				if i, ok := counted[fn]; ok {
					count = i
				}
				if pkgCall {
					args, count = packageKeyArgs[fn], -1
					if i, ok := countedPackage[fn]; ok {
						count = i
					}
				}
				for _, i := range args {
					if i < len(n.Args) {
						checkArg(n.Args[i])
					}
				}
				if count >= 0 && count < len(n.Args) {
					checkArg(n.Args[count], ".one", ".other")
				}
				// The console's facts (Helpdesk.fill): counted or not.
				if lit, ok := firstLiteral(n); fn == "fill" && ok {
					k, _ := strconv.Unquote(lit.Value)
					if text.Has(text.French, k) {
						checkArg(lit)
					} else {
						checkArg(lit, ".one", ".other")
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && keyFields[id.Name] {
					checkArg(n.Value)
				}
			case *ast.BinaryExpr:
				// A key built at run time: "helpdesk.walk." + step...
				lit, ok := n.X.(*ast.BasicLit)
				if n.Op != token.ADD || !ok || lit.Kind != token.STRING {
					return true
				}
				p, _ := strconv.Unquote(lit.Value)
				if !keyLike.MatchString(p) || !areas[strings.SplitN(p, ".", 2)[0]] {
					return true
				}
				prefixes++
				for _, lang := range []text.Lang{text.French, text.English} {
					if !hasPrefix(lang, p) {
						t.Errorf("%s: keys are built from %q, and the %s catalogue has none", fset.Position(lit.Pos()), p, lang)
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d keys written as literals, %d prefixes of keys built at run time", literals, prefixes)
	if literals < 500 || prefixes < 20 {
		t.Fatalf("only %d keys and %d prefixes found: the parser missed them", literals, prefixes)
	}
}

func hasPrefix(lang text.Lang, p string) bool {
	for k := range text.Catalogue(lang) {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// The keys built from the store's lists: every kind of mail, every event
// of the audit log, every case of the helpdesk has its words.
func TestKeysBuiltFromTheStoresLists(t *testing.T) {
	var keys []string
	for _, k := range data.MailKinds {
		keys = append(keys, "mail."+string(k)+".subject", "mail."+string(k)+".intro", "mail."+string(k)+".notyou")
	}
	for _, k := range data.CodeMailKinds {
		keys = append(keys, "mail."+string(k)+".action")
	}
	for d := 0; d < 7; d++ {
		keys = append(keys, "mail.day."+strconv.Itoa(d))
	}
	for m := 1; m <= 12; m++ {
		keys = append(keys, "mail.month."+strconv.Itoa(m))
	}
	for _, e := range data.AuditEvents {
		keys = append(keys, "helpdesk.event."+string(e))
	}
	for _, c := range data.HelpCases {
		keys = append(keys, "helpdesk.case."+string(c))
	}
	for _, k := range keys {
		for _, lang := range []text.Lang{text.French, text.English} {
			if !text.Has(lang, k) {
				t.Errorf("%s: no %q", lang, k)
			}
		}
	}
}

func firstLiteral(n *ast.CallExpr) (*ast.BasicLit, bool) {
	if len(n.Args) == 0 {
		return nil, false
	}
	lit, ok := n.Args[0].(*ast.BasicLit)
	return lit, ok && lit.Kind == token.STRING
}
