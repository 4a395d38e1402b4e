package tui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"entkiosk/screens"
)

// Activation: long identifiants wrap (never cut), the mask counts characters as the checklist does, a
// paste that does not fit is said, and what stays on screen follows F2.

const (
	jeanLucID   = "jean-luc.dalembert@etu.umontpellier.fr"
	jeanLucMail = "jl.dalembert@example.org"
)

func pasteMsg(s string) tea.KeyMsg {
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true}
}

// requireLine fails unless one line of the frame holds want whole.
func (tm *testModel) requireLine(want string) {
	tm.t.Helper()
	for _, line := range strings.Split(tm.screen(), "\n") {
		if strings.Contains(line, want) {
			return
		}
	}
	tm.t.Fatalf("no line holds %q whole:\n%s", want, tm.screen())
}

// jeanLucToPassword brings Jean-Luc D'Alembert (the longest demo
// identifiant) to the password step, checking each step at 80×24 in both
// languages: nothing wider than the terminal, his identifiant whole.
func (tm *testModel) jeanLucToPassword() {
	tm.t.Helper()
	check := func(step string, ident bool) {
		tm.t.Helper()
		for range 2 {
			tm.requireWidth(80)
			if ident {
				tm.requireLine(jeanLucID)
			}
			tm.press("f2")
		}
		tm.requireScreen(step)
	}
	tm.openActivation()
	tm.identify("jean-luc.dalembert")
	check("étape 2 sur 5", false)
	tm.typeText(mailedCode(tm.t, tm.store, jeanLucMail))
	tm.press("enter")
	check("étape 3 sur 5", false)
	tm.press("space", "tab", "enter")
	check("étape 4 sur 5", true)
	tm.press("tab", "enter") // a copy kept in the university mailbox
	check("étape 5 sur 5", false)
}

func TestActivationLongIdentifiantWrapsWhole(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.jeanLucToPassword()
	tm.choosePassword(newPassword)
	tm.requireTextNB("Votre compte est activé.")
	for range 2 {
		tm.requireWidth(80)
		tm.requireLine(jeanLucID)
		tm.press("f2")
	}
	tm.press("esc") // home, then his dashboard
	tm.pagesLogin("jean-luc.dalembert", newPassword)
	tm.requireTextNB("Mon compte", "Jean-Luc D'Alembert")
	for range 2 {
		tm.requireWidth(80)
		tm.requireLine(jeanLucID)
		tm.press("f2")
	}
}

// The step 4 line that was cut at ".umontpellier." (the frame cuts what is
// wider than the terminal) now breaks before the address.
func TestActivationRedirectLineGolden(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.openActivation()
	tm.identify("jean-luc.dalembert")
	tm.typeText(mailedCode(t, tm.store, jeanLucMail))
	tm.press("enter", "space", "tab", "enter")
	tm.requireScreen("étape 4 sur 5")
	tm.requireWidth(80)
	tm.requireGolden()
}

// "Bateau👍🏽vert9é" is 13 characters for the checklist: 13 bullets, with
// é typed as one character or as e and its accent, wherever the cursor is.
func TestPasswordBulletsCountCharacters(t *testing.T) {
	t.Parallel()
	for _, pw := range []string{"Bateau👍🏽vert9é", "Bateau👍🏽vert9e\u0301"} {
		tm := newTestModel(t)
		tm.camilleAtCharter()
		tm.acceptCharter()
		tm.press("enter")
		tm.requireScreen("étape 5 sur 5")
		tm.typeText(pw)
		tm.requireScreen("(13 saisis)")
		if n := tm.bullets("Nouveau mot de passe"); n != 13 {
			t.Fatalf("%q: %d bullets for 13 characters:\n%s", pw, n, tm.screen())
		}
		tm.press("left", "left", "left", "left", "left", "left", "left", "left", "left")
		if n := tm.bullets("Nouveau mot de passe"); n != 13 {
			t.Fatalf("%q, cursor moved: %d bullets for 13 characters:\n%s", pw, n, tm.screen())
		}
		tm.requireNoSecret(pw, "Bateau", "vert9")
	}
}

// A paste longer than the field is cut and said, in the language shown;
// the next key clears it. A key into a full field says so too.
func TestPasteTooLongIsSaid(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.camilleAtCharter()
	tm.acceptCharter()
	tm.press("enter")
	tm.send(pasteMsg(strings.Repeat("Ab3-", 50))) // 200 characters
	tm.requireTextNB("(128 saisis)", "! Le texte collé dépasse 128 caractères : il a été coupé.")
	if n := tm.bullets("Nouveau mot de passe"); n != 40 {
		t.Fatalf("%d bullets shown (the field shows 40 at most):\n%s", n, tm.screen())
	}
	tm.requireWidth(80)
	tm.press("f2")
	tm.requireTextNB("(128 typed)", "! Pasted text is longer than 128 characters: it was cut.")
	tm.typeText("x")
	tm.requireTextNB("! 128 characters at most: this field is full.")
	tm.press("f2")
	tm.requireTextNB("! 128 caractères au plus : ce champ est plein.")
	tm.press("backspace")
	tm.requireTextNB("(127 saisis)")
	if strings.Contains(tm.screen(), "! ") {
		t.Fatalf("the note stays after an edit:\n%s", tm.screen())
	}

	// 5000 characters into the identifiant: cut at the longest identifiant, said.
	tm = newTestModel(t)
	tm.openActivation()
	tm.send(pasteMsg(strings.Repeat("x", 5000)))
	tm.requireTextNB("! Le texte collé dépasse 84 caractères : il a été coupé.")
	tm.requireWidth(80)
	tm.requireGolden()
	tm.press("enter")
	tm.requireScreen("étape 2 sur 5") // the same answer as for any identifiant
}

// Refusals under a field are said in the language shown, after F2 too.
func TestActivationFieldErrorsFollowLanguage(t *testing.T) {
	t.Parallel()
	tm := newTestModel(t)
	tm.openActivation()
	tm.press("enter")
	tm.requireTextNB("✗ Saisissez votre identifiant.")
	tm.press("f2")
	tm.requireTextNB("✗ Type your identifiant.")

	tm = newTestModel(t)
	tm.camilleAtCharter()
	tm.acceptCharter()
	tm.press("enter")
	tm.typeText(newPassword)
	tm.press("enter")
	tm.typeText(newPassword + "x") // the confirmation differs
	tm.press("enter")
	tm.requireTextNB("✗ Les deux saisies sont différentes.")
	tm.press("f2")
	tm.requireTextNB("✗ The two entries differ.")
}

// Every key given to SayKey exists in both catalogues (the catalogue test
// checks T and Tf; a Say is rendered later, with the same keys).
func TestSayKeysExist(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("../screens/*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	seen := 0
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "SayKey" {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok {
				return true
			}
			k, _ := strconv.Unquote(lit.Value)
			seen++
			for _, lang := range []screens.Lang{screens.French, screens.English} {
				c := &screens.Common{Lang: lang}
				if s := c.T(k); strings.HasPrefix(s, "⟦") {
					t.Errorf("%s: SayKey(%q) is not in the %s catalogue", fset.Position(lit.Pos()), k, lang)
				}
			}
			return true
		})
	}
	if seen < 10 {
		t.Fatalf("only %d SayKey calls found", seen)
	}
}
