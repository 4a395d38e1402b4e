package data

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseEmail(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
	for in, want := range map[string]string{
		"camille.martin@example.org":    "ca•••••n@ex•••••e.org",
		"c@e.org":                       "c•••••@e•••••.org",
		"Jean@Wanadoo.FR":               "Je•••••n@wanadoo.fr",
		"élodie@laposte.net":            "él•••••e@laposte.net",
		"bob@gmail.com":                 "b•••••b@gmail.com",
		"x@sub.domain.example.co.uk":    "x•••••@su•••••o.uk",
		"a@localhost":                   "a•••••@lo•••••t",
		"a@b.c0de":                      "a•••••@b•••••", // not a TLD: not shown
		"a@b.xn--p1ai":                  "a•••••@b•••••.xn--p1ai",
		"a@b.thisisnotatldbutasentence": "a•••••@b•••••",
		"\x1b[31mx@evil.org":            "x•••••@ev•••••l.org",
		"\u202ex@y.org":                 "x•••••@y•••••.org",
		"ab••cd@y.org":                  "ab•••••d@y•••••.org",
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

// The two demo Marie Petit must be told apart by their masks: a homonym
// whose code went to the other one's address has to be able to notice.
func TestMaskEmailTellsHomonymsApart(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	if _, err := s.LoadDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	var masks []string
	for _, ident := range []string{"marie.petit", "marie.petit2"} {
		a, _, err := s.accountByLogin(context.Background(), s.db, ident)
		if err != nil {
			t.Fatal(err)
		}
		masks = append(masks, MaskEmail(a.RecoveryEmail))
	}
	if masks[0] == masks[1] {
		t.Fatalf("both Marie Petit see %q", masks[0])
	}
	// And over many addresses of one shape, masks differ in practice.
	seen := map[string]bool{}
	for _, a := range []string{"marie.petit@gmail.com", "marie.pons@gmail.com", "mpetit@gmail.com",
		"marie.petit2003@gmail.com", "marie.petit@hotmail.fr", "marie-petit@free.fr", "marie.petit@example.org",
		"marie.petit@exemple.fr"} {
		m := MaskEmail(a)
		if seen[m] {
			t.Errorf("%s masks to %q, like another address of the list", a, m)
		}
		seen[m] = true
	}
}

// checkMask is the masker's contract, shared with the fuzzer: at most three
// characters of the local part (the first two and the last); the domain
// whole only for a public provider, otherwise at most three of its
// characters and the top-level domain.
func checkMask(t *testing.T, addr, mask string) {
	t.Helper()
	if Clean(mask) != mask || !utf8.ValidString(mask) {
		t.Fatalf("MaskEmail(%q) = %q: not clean", addr, mask)
	}
	if mask == maskBullets {
		return
	}
	cut := strings.LastIndexByte(mask, '@')
	l, d, ok := mask[:max(cut, 0)], mask[cut+1:], cut >= 0
	if !ok {
		t.Fatalf("MaskEmail(%q) = %q: no @", addr, mask)
	}
	shown := func(part string) (head, tail string, ok bool) {
		head, tail, ok = strings.Cut(part, maskBullets)
		return head, tail, ok && !strings.Contains(head+tail, "•") && utf8.RuneCountInString(head) <= 2
	}
	at := strings.LastIndexByte(addr, '@')
	local := addr[:max(at, 0)]
	head, tail, ok := shown(l)
	if !ok || utf8.RuneCountInString(tail) > 1 || (head != "" && !strings.Contains(local, head)) ||
		(tail != "" && !strings.Contains(local, tail)) {
		t.Fatalf("MaskEmail(%q) = %q: the local part is not shown as xy•••••z", addr, mask)
	}
	if publicProviders[d] {
		if !strings.HasSuffix(strings.ToLower(addr), "@"+d) {
			t.Fatalf("MaskEmail(%q) = %q: shows a provider that is not the address's", addr, mask)
		}
		return
	}
	head, rest, ok := shown(d)
	tail, tld := rest, ""
	if dot := strings.LastIndexByte(rest, '.'); dot >= 0 && isTLD(rest[dot+1:]) {
		tail, tld = rest[:dot], rest[dot:]
	}
	domain := strings.ToLower(addr[at+1:])
	if !ok || utf8.RuneCountInString(tail) > 1 || (head != "" && !strings.Contains(addr[at+1:], head)) ||
		(tail != "" && !strings.Contains(addr[at+1:], tail)) {
		t.Fatalf("MaskEmail(%q) = %q: the domain is not shown as xy•••••z.tld", addr, mask)
	}
	if tld != "" && (!strings.HasSuffix(domain, tld) || !isTLD(tld[1:])) {
		t.Fatalf("MaskEmail(%q) = %q: %q is not the address's top-level domain", addr, mask, tld)
	}
}

func TestMaskEmailContract(t *testing.T) {
	t.Parallel()
	for _, a := range []string{"camille.martin@example.org", "a@b.fr", "x@y", "\x1b@\x1b.fr", "ab@cd.ef.gh"} {
		checkMask(t, a, MaskEmail(a))
	}
}
