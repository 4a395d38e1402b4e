package data

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/trustelem/zxcvbn"
	"github.com/trustelem/zxcvbn/frequency"
	"github.com/trustelem/zxcvbn/scoring"
)

// The meter used github.com/trustelem/zxcvbn; these tests hold our
// estimate to it. The module is imported by tests only: it does not enter
// the binary.

// repoPasswords are the strings the repository's tests type or check: every
// string literal of a test file that could be a password (one line, 1 to
// 24 characters, 3 spaces at most: longer ones are sentences, and zxcvbn
// takes a third of a second on 128 characters), and the fuzz corpus of
// CheckPassword.
func repoPasswords(t testing.TB) []string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if s == "" || seen[s] || !utf8.ValidString(s) || utf8.RuneCountInString(s) > 24 || strings.Count(s, " ") > 3 ||
			strings.ContainsFunc(s, unicode.IsControl) {
			return
		}
		seen[s] = true
		out = append(out, s)
	}
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					add(s)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	seeds, _ := filepath.Glob("testdata/fuzz/FuzzCheckPassword/*")
	for _, name := range seeds {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if rest, ok := strings.CutPrefix(line, "string("); ok {
				if s, err := strconv.Unquote(strings.TrimSuffix(rest, ")")); err == nil {
					add(s)
				}
			}
		}
	}
	return out
}

type corpusEntry struct{ pw, kind string }

// corpus is the wider comparison: leaked passwords, words with the usual
// suffixes and substitutions, keyboard walks, dates, random strings.
func corpus(every int) (out []corpusEntry) {
	for i, w := range frequency.FrequencyLists["passwords"] {
		if i%every == 0 {
			out = append(out, corpusEntry{w, "leaked"})
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	leet := strings.NewReplacer("a", "@", "e", "3", "i", "1", "o", "0", "s", "5")
	var words []corpusEntry
	for i, w := range frequency.FrequencyLists["english_wikipedia"] {
		if i%(every*3) == 0 {
			words = append(words, corpusEntry{w, "English word"})
		}
	}
	for i, w := range strings.Split(frenchWords, "\n") {
		if w != "" && w[0] != '#' && i%(every*8) == 0 {
			words = append(words, corpusEntry{w, "French word"})
		}
	}
	suffixes := []string{"", "1", "12", "123", "!", "2024", "1987", "!1", "?", "99"}
	for _, e := range words {
		w, s := e.pw, suffixes[r.IntN(len(suffixes))]
		switch r.IntN(4) {
		case 0:
			e.pw = w + s
		case 1:
			e.pw = strings.ToUpper(w[:1]) + w[1:] + s
		case 2:
			e.pw = leet.Replace(w) + s
		case 3:
			e.pw = s + w + w[:min(3, len(w))]
		}
		out = append(out, e)
	}
	for _, pw := range []string{"qwerty", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx", "qazwsxedc", "!QAZ2wsx",
		"azerty", "azertyuiop", "qsdfghjklm", "wxcvbn", "poiuytreza", "147258369", "789456123", "159753",
		"qwer1234", "1q2w3e4r5t", "zaq12wsx", "asdf;lkj", "mnbvcxz", "QWERTY123", "AzErTy", "plokij",
		"14/07/2004", "14072004", "2004-07-14", "1407", "19850312", "12.11.1998", "31121999", "7/4/76",
		"2001", "1999", "20102010", "0612345678", "aaaaaaaa", "abcabcabc", "abababab", "zzzzzz1",
		"abcdefgh", "98765432", "13579", "acegik", "ZYXWV", "passwordpassword", "Tr0ub4dor&3",
		"correcthorsebatterystaple", "correct horse battery staple", "p@ssw0rd", "P4$$w0rd!"} {
		out = append(out, corpusEntry{pw, "walk, date, sequence"})
	}
	for _, n := range []int{4, 6, 8, 10, 12, 16, 20, 32} {
		for _, alpha := range []string{"abcdefghijklmnopqrstuvwxyz", "0123456789",
			"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
			"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#%&()*+,-./:;=?@[]^_{|}~"} {
			for k := 0; k < 40/every+1; k++ {
				b := make([]byte, n)
				for x := range b {
					b[x] = alpha[r.IntN(len(alpha))]
				}
				out = append(out, corpusEntry{string(b), "random"})
			}
		}
	}
	return out
}

// zxcvbnModel is our estimate without what it adds to zxcvbn (French
// words, AZERTY): on ASCII it must give zxcvbn's scores.
var zxcvbnModel = sync.OnceValue(func() *strengthModel { return newStrengthModel(false) })

// zxcvbnScore is the old meter's score, and whether zxcvbn reached it
// through its byte-position slip: on a password with a character of more
// than one byte, its cut can lose a part and its guesses fall to 0
// ("ca•••••n@ex•••••e.org" scored 0).
func zxcvbnScore(pw string, inputs []string) (score int, slip bool) {
	r := zxcvbn.PasswordStrength(pw, inputs)
	return r.Score, r.Guesses == 0 && pw != ""
}

// TestStrengthAgreesWithZxcvbn: on ASCII passwords, our estimate without
// its additions gives zxcvbn's score exactly on the repository's test
// passwords (with and without the person's data) and on nearly all of a
// wider corpus; with its additions it is never less strict than zxcvbn.
func TestStrengthAgreesWithZxcvbn(t *testing.T) {
	year := scoring.ReferenceYear
	zx, full := zxcvbnModel(), strength()
	var nonASCII []string
	ascii := 0
	for _, pw := range repoPasswords(t) {
		if !isASCII(pw) {
			nonASCII = append(nonASCII, pw)
			continue
		}
		ascii++
		for _, in := range [][]string{nil, camille.inputs()} {
			theirs, _ := zxcvbnScore(pw, in)
			if ours := guessesToScore(zx.guesses(pw, in, year)); ours != theirs {
				t.Errorf("%q (person's data %v): ours %d, zxcvbn %d", pw, in != nil, ours, theirs)
			}
			if ours := guessesToScore(full.guesses(pw, in, year)); ours > theirs {
				t.Errorf("%q (person's data %v): ours %d with French and AZERTY, zxcvbn %d", pw, in != nil, ours, theirs)
			}
		}
	}
	t.Logf("%d ASCII test strings of the repository compared, with and without the person's data", ascii)
	// STRENGTH_CORPUS=full compares a fifth of the leaked passwords (6,000)
	// and more words; by default a fiftieth, which -race can afford.
	every := 50
	if os.Getenv("STRENGTH_CORPUS") == "full" {
		every = 5
	}
	total, same, sameFull := 0, 0, 0
	kinds := map[string]int{}
	for _, c := range corpus(every) {
		pw := c.pw
		theirs, _ := zxcvbnScore(pw, camille.inputs())
		ours := guessesToScore(zx.guesses(pw, camille.inputs(), year))
		oursFull := guessesToScore(full.guesses(pw, camille.inputs(), year))
		total++
		if ours == theirs {
			same++
		} else {
			kinds[fmt.Sprintf("zxcvbn's model %+d", ours-theirs)]++
			t.Logf("%q: ours %d, zxcvbn %d", pw, ours, theirs)
		}
		if oursFull == theirs {
			sameFull++
		} else {
			kinds[fmt.Sprintf("with French and AZERTY, %s, %+d", c.kind, oursFull-theirs)]++
		}
		if oursFull > theirs {
			t.Errorf("%q: ours %d with French and AZERTY, zxcvbn %d", pw, oursFull, theirs)
		}
	}
	for kind, n := range kinds {
		t.Logf("%5d %s", n, kind)
	}
	t.Logf("corpus of %d: zxcvbn's model agrees on %d (%.2f %%), with French and AZERTY on %d (%.2f %%)",
		total, same, 100*float64(same)/float64(total), sameFull, 100*float64(sameFull)/float64(total))
	if float64(same) < 0.99*float64(total) {
		t.Errorf("zxcvbn's model agrees on %d of %d", same, total)
	}
	// Beyond ASCII zxcvbn counts bytes: its score is not a reference there.
	slips := 0
	for _, pw := range nonASCII {
		theirs, slip := zxcvbnScore(pw, camille.inputs())
		ours := passwordStrength(pw, camille.inputs(), year)
		if slip {
			slips++
		}
		if testing.Verbose() && ours != theirs {
			t.Logf("non-ASCII %q: ours %d, zxcvbn %d (slip %v)", pw, ours, theirs, slip)
		}
	}
	t.Logf("%d non-ASCII test strings, zxcvbn slipped on %d", len(nonASCII), slips)
}

// TestStrengthKeyboards: the adjacency computed from the QWERTY layout is
// zxcvbn's (94 characters, 4.6 neighbours on average), and AZERTY walks
// are walks.
func TestStrengthKeyboards(t *testing.T) {
	q := buildKeyboard(qwertyLayout)
	if q.keys != 94 || fmt.Sprintf("%.6f", q.degree) != "4.595745" {
		t.Errorf("qwerty: %v keys, degree %v", q.keys, q.degree)
	}
	if got := fmt.Sprint(string(slices.Concat(q.neighbours['g']...))); got != "fFtTyYhHbBvV" {
		t.Errorf("g's neighbours: %q", got)
	}
	k := buildKeyboard(keypadLayout)
	if k.keys != 15 {
		t.Errorf("keypad: %v keys", k.keys)
	}
	for _, walk := range []string{"azertyuiop", "qsdfghjklm", "wxcvbn,;:!", "&é\"'(-è_çà"} {
		if g := strength().guesses(walk, nil, 2026); g > 1e5 {
			t.Errorf("%q: %.3g guesses, a walk on AZERTY", walk, g)
		}
	}
}

// A keystroke in the meter: the whole estimate of the password typed so
// far, ours against zxcvbn's (the person's data given, as CheckPassword
// does).
func BenchmarkStrength(b *testing.B) {
	strength()
	for _, pw := range []string{"Camille2026!", "Grue-Lanterne-Opale-73", "c0rrect h0rse b@ttery st4ple 1987",
		strings.Repeat("Zq7-", 32), strings.Repeat("a1", 64)} {
		name := fmt.Sprintf("len%d", len(pw))
		b.Run("ours/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				passwordStrength(pw, camille.inputs(), 2026)
			}
		})
		b.Run("zxcvbn/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				zxcvbn.PasswordStrength(pw, camille.inputs())
			}
		})
	}
}

// BenchmarkStrengthFirstUse is what the first keystroke pays once: the
// lists sorted and the keyboards built.
func BenchmarkStrengthFirstUse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		newStrengthModel(true)
	}
}
