package data

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"Camille Martin", "Camille Martin"},
		{"Léa Dubois — Faculté", "Léa Dubois — Faculté"},
		{"👍🏽 famille 👨‍👩‍👧", "👍🏽 famille 👨‍👩‍👧"}, // ZWJ sequences survive
		// OSC 52 (clipboard write), BEL- and ST-terminated, and unterminated
		{"Eve\x1b]52;c;cm0gLXJmIH4=\x07Martin", "EveMartin"},
		{"Eve\x1b]52;c;cm0gLXJmIH4=\x1b\\Martin", "EveMartin"},
		{"Eve\x1b]52;c;cm0gLXJmIH4=", "Eve"},
		{"Eve\x1b]8;;http://evil\x07lien\x1b]8;;\x07", "Evelien"}, // OSC 8 hyperlink
		{"\x1b[31mrouge\x1b[0m", "rouge"},
		{"\x1b[2J\x1b[H\x1b[?1049h", ""},
		{"a\x1bPdcs\x1b\\b", "ab"},        // DCS
		{"a\x1b_apc\x07b", "ab"},          // APC
		{"a\x1bcb", "ab"},                 // RIS
		{"a\x1b(Bb", "ab"},                // charset
		{"a\u009b31mb", "ab"},             // C1 CSI
		{"a\u009d52;c;eA==\u009cb", "ab"}, // C1 OSC ended by C1 ST
		{"a\u0085b", "a b"},               // NEL
		{"a\x00b\x07c\x08d\x7fe", "abcde"},
		{"a\tb\nc\rd\ve\ff", "a b c d e f"},
		{"a\u2028b\u2029c", "a b c"},
		{"\u202eevil\u202c", "evil"}, // RLO
		{"\u2066x\u2069\u200e\u200f\u061c", "x"},
		{"\ufeffBOM", "BOM"},
		{"a\u206ab\ufff9c", "abc"},
		{"bad\xffutf8", "bad\ufffdutf8"},
		{"\x1b", ""},
		{"\x1b[", ""},
		{"x\x1b", "x"},
	} {
		got := Clean(c.in)
		if got != c.want {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
		}
		checkClean(t, c.in, got)
	}
}

// checkClean is the cleaner's contract, shared with the fuzzer.
func checkClean(t *testing.T, in, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("Clean(%q) = %q: invalid UTF-8", in, out)
	}
	for _, r := range out {
		if IsControl(r) || r == 0x1b {
			t.Fatalf("Clean(%q) = %q: keeps %U", in, out, r)
		}
	}
	if again := Clean(out); again != out {
		t.Fatalf("Clean not idempotent on %q: %q then %q", in, out, again)
	}
	if len(out) > len(in)+2*strings.Count(in, "\ufffd")+3*len(in) {
		t.Fatalf("Clean(%q) grew to %d bytes", in, len(out))
	}
}

func BenchmarkClean1MB(b *testing.B) {
	s := strings.Repeat("Nom\x1b[31m Prénom\u202e ", 1<<16)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Clean(s)
	}
}
