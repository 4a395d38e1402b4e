package data

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseEmail(t *testing.T) {
	ok := map[string]string{
		"camille@example.org":        "camille@example.org",
		"  Camille.M@Example.ORG\t":  "Camille.M@example.org",
		"jl.dalembert+ent@gmail.com": "jl.dalembert+ent@gmail.com",
		strings.Repeat("a", 64) + "@" + strings.Repeat("b", 62) + "." + strings.Repeat("b", 61) + "." + strings.Repeat("b", 61) + ".fr": "", // 254
		"o_neil-ent+2026@sub.my-domain.example.co.uk": "",
		"a@b.xn--p1ai": "",
	}
	for in, want := range ok {
		if want == "" {
			want = in
		}
		got, err := ParseEmail(in)
		if err != nil || got != want {
			t.Errorf("ParseEmail(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{
		"", " ", "camille", "@example.org", "camille@", "camille@localhost", "camille@.org", "camille@example.",
		"camille@exa..mple.org", "camille@[127.0.0.1]", "Camille <camille@example.org>", "camille@example.org (moi)",
		"ca mille@example.org", "camille@example.org\r\nBcc: x@example.org", "camille@example.org\n",
		"camille@example.org\r", "\ncamille@example.org", "cam\x00ille@example.org", "cam\x1bille@example.org",
		"cam\u202eille@example.org", "camille@exam\u200fple.org", "cam\u00a0ille@example.org", "cam\u0085ille@example.org",
		"cam\xffille@example.org", "camille@example.org\u2028",
		strings.Repeat("a", 64) + "@" + strings.Repeat("b", 63) + "." + strings.Repeat("b", 61) + "." + strings.Repeat("b", 61) + ".fr", // 255
		strings.Repeat("a", 65) + "@example.org", // local part over 64
		"a@" + strings.Repeat("b", 64) + ".org",  // label over 63
		// What the Postfix map, SMTP or an LDAP filter would read otherwise.
		"x#y|z@example.org", "a,b@example.org", `"a b"@example.org`, "a*b@example.org", "a(b)@example.org",
		`a\b@example.org`, "|cmd@example.org", "a;b@example.org", "a:b@example.org", "a%b@example.org",
		"a!b@example.org", "a=b@example.org", "a'b@example.org", "a`b@example.org", "a/b@example.org",
		"a{b}@example.org", "a&b@example.org", "a$b@example.org", "a?b@example.org", "a^b@example.org", "a~b@example.org",
		"a@b@example.org", "élodie@laposte.net", "a@café.fr", "a@ex_ample.org", "a@-example.org", "a@example-.org",
		".a@example.org", "a.@example.org", "a..b@example.org", "a@b.c0de", "a@example.o", "a@exa#mple.org",
		strings.Repeat("a", 1<<20) + "@example.org",
	} {
		if got, err := ParseEmail(in); err == nil {
			t.Errorf("ParseEmail(%.60q) = %q, want refused", in, got)
		}
	}
}

// The refusal names the first character that cannot go everywhere an
// address goes, so that the person is told what to change.
func TestParseEmailNamesTheCharacter(t *testing.T) {
	for in, want := range map[string]rune{"x#y|z@example.org": '#', "élodie@laposte.net": 'é', "a@café.fr": 'é',
		"a,b@example.org": ',', "a@ex_ample.org": '_'} {
		_, err := ParseEmail(in)
		var ie *InvalidEmailError
		if !errors.As(err, &ie) || ie.Reason != "character" || ie.Char != want {
			t.Errorf("ParseEmail(%q) = %v, want the character %q named", in, err, want)
		}
	}
}

func TestMaskEmail(t *testing.T) {
	for in, want := range map[string]string{
		"camille.martin@example.org":    "c•••••@e•••••.org",
		"c@e.org":                       "c•••••@e•••••.org",
		"Jean@Wanadoo.FR":               "J•••••@W•••••.fr",
		"élodie@laposte.net":            "é•••••@l•••••.net",
		"x@sub.domain.example.co.uk":    "x•••••@s•••••.uk",
		"a@localhost":                   "a•••••@l•••••",
		"a@b.c0de":                      "a•••••@b•••••", // not a TLD: not shown
		"a@b.xn--p1ai":                  "a•••••@b•••••.xn--p1ai",
		"a@b.thisisnotatldbutasentence": "a•••••@b•••••",
		"\x1b[31mx@evil.org":            "x•••••@e•••••.org",
		"\u202ex@y.org":                 "x•••••@y•••••.org",
		"":                              "•••••",
		"nobody":                        "•••••",
		"@x.org":                        "•••••",
		"x@":                            "•••••",
	} {
		if got := MaskEmail(in); got != want {
			t.Errorf("MaskEmail(%q) = %q, want %q", in, got, want)
		}
	}
}

// checkMask is the masker's contract, shared with the fuzzer: at most one
// character of the local part, one of the domain, and the top-level domain.
func checkMask(t *testing.T, addr, mask string) {
	t.Helper()
	if Clean(mask) != mask || !utf8.ValidString(mask) {
		t.Fatalf("MaskEmail(%q) = %q: not clean", addr, mask)
	}
	if mask == maskBullets {
		return
	}
	// Shape: [one character] ••••• @ [one character] ••••• [.tld]
	// (The one character may itself be a bullet: try without, then with.)
	firstRune := func(s string) string { _, n := utf8.DecodeRuneInString(s); return s[:n] }
	l, rest := "", mask
	if !strings.HasPrefix(rest, maskBullets+"@") {
		l = firstRune(rest)
		rest = rest[len(l):]
	}
	rest, okL := strings.CutPrefix(rest, maskBullets+"@")
	d := ""
	tld, okD := strings.CutPrefix(rest, maskBullets)
	if !okD || strings.Contains(tld, "•") {
		d = firstRune(rest)
		tld, okD = strings.CutPrefix(rest[len(d):], maskBullets)
	}
	if !okL || !okD || strings.Contains(tld, "•") || strings.Contains(tld, "@") {
		t.Fatalf("MaskEmail(%q) = %q: not the shape x•••••@y•••••.tld", addr, mask)
	}
	if (l != "" && !strings.Contains(addr, l)) || (d != "" && !strings.Contains(addr, d)) {
		t.Fatalf("MaskEmail(%q) = %q: shows characters that are not the address's", addr, mask)
	}
	if tld != "" && (!strings.HasPrefix(tld, ".") || !strings.HasSuffix(strings.ToLower(addr), tld) || !isTLD(tld[1:])) {
		t.Fatalf("MaskEmail(%q) = %q: %q is not the address's top-level domain", addr, mask, tld)
	}
	if at := strings.LastIndexByte(addr, '@'); at > 0 && len(addr)-at > 8 && strings.Contains(mask, addr[at:]) {
		t.Fatalf("MaskEmail(%q) = %q: shows the domain", addr, mask)
	}
}

func TestMaskEmailContract(t *testing.T) {
	for _, a := range []string{"camille.martin@example.org", "a@b.fr", "x@y", "\x1b@\x1b.fr", "ab@cd.ef.gh"} {
		checkMask(t, a, MaskEmail(a))
	}
}
