package data

// Fuzz targets for everything that reads hostile input. Their seed corpora
// (testdata/fuzz/<Name>/ and the f.Add calls) run in plain `go test`; to
// fuzz, one target at a time:
//
//	go test ./data -run '^$' -fuzz '^FuzzClean$' -fuzztime 60s
//	go test ./data -run '^$' -fuzz '^FuzzParseEmail$' -fuzztime 60s
//	go test ./data -run '^$' -fuzz '^FuzzMaskEmail$' -fuzztime 60s
//	go test ./data -run '^$' -fuzz '^FuzzNormalizeLogin$' -fuzztime 60s
//	go test ./data -run '^$' -fuzz '^FuzzLocalPart$' -fuzztime 60s
//	go test ./data -run '^$' -fuzz '^FuzzCheckPassword$' -fuzztime 60s
//	go test ./data -run '^$' -fuzz '^FuzzImport$' -fuzztime 60s

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// The cleaner is idempotent and leaves no control character, no ESC, no
// bidirectional override, and valid UTF-8.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "Camille", "\x1b]52;c;aGk=\x07", "\u202eabc", "a\u009b1mb", "\xff\xfe", "\x1b[", "é\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkClean(t, s, Clean(s))
	})
}

// The address parser refuses line breaks, NUL and controls, bounds the
// length, is idempotent, and what it accepts masks to the masked shape.
func FuzzParseEmail(f *testing.F) {
	for _, s := range []string{"camille@example.org", " A@B.FR ", "a@b.fr\r\nBcc: c@d.fr", "\"a b\"@c.fr", "a@[1.2.3.4]", "a@b@c.fr"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		addr, err := ParseEmail(s)
		if err != nil {
			var ie *InvalidEmailError
			if !errors.As(err, &ie) {
				t.Fatalf("ParseEmail(%q): %T %v", s, err, err)
			}
			return
		}
		if strings.ContainsAny(s, "\r\n\x00") {
			t.Fatalf("ParseEmail(%q) accepted a line break or NUL", s)
		}
		if len(addr) > MaxEmailLength || !utf8.ValidString(addr) || Clean(addr) != addr {
			t.Fatalf("ParseEmail(%q) = %q", s, addr)
		}
		for _, r := range addr {
			if unicode.IsSpace(r) || IsControl(r) {
				t.Fatalf("ParseEmail(%q) = %q keeps %U", s, addr, r)
			}
		}
		if again, err := ParseEmail(addr); err != nil || again != addr {
			t.Fatalf("ParseEmail not idempotent: %q → %q → %q, %v", s, addr, again, err)
		}
		mask := MaskEmail(addr)
		checkMask(t, addr, mask)
		if mask == maskBullets {
			t.Fatalf("a valid address %q masks to bullets only", addr)
		}
	})
}

func FuzzMaskEmail(f *testing.F) {
	for _, s := range []string{"camille@example.org", "x@y", "@", "a@b.c", "\x1b]52;c;x\x07@evil.fr", "a@b.xn--p1ai"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkMask(t, s, MaskEmail(s))
	})
}

// The identifiant normaliser: every spelling of one identifiant (case,
// surrounding spaces, with or without a domain) is one throttling key.
func FuzzNormalizeLogin(f *testing.F) {
	for _, s := range []string{"camille.martin", " Camille.Martin@ETU.umontpellier.fr ", "a@b@c", "\u212aelvin.x", "ß.x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		local, domain := NormalizeLogin(s)
		if strings.ContainsRune(domain, '@') {
			t.Fatalf("NormalizeLogin(%q): domain %q holds '@'", s, domain)
		}
		key := loginKey(s)
		if len(key) > MaxEmailLength || (key != local && key != "") {
			t.Fatalf("loginKey(%q) = %q (local %q)", s, key, local)
		}
		for _, v := range []string{"  " + s + "\t", "\n" + s + " "} {
			if k := loginKey(v); k != key {
				t.Fatalf("loginKey(%q) = %q but loginKey(%q) = %q", s, key, v, k)
			}
		}
		if isASCII(s) {
			if k := loginKey(strings.ToUpper(s)); k != key {
				t.Fatalf("case: loginKey(%q) = %q, upper gives %q", s, key, k)
			}
		}
		if l2, d2 := NormalizeLogin(local + "@" + domain); domain != "" && (l2 != local || d2 != domain) {
			t.Fatalf("NormalizeLogin(%q) = %q, %q; again gives %q, %q", s, local, domain, l2, d2)
		}
	})
}

// LocalPart makes identifiants of one shape (a-z 0-9 words joined by '-',
// one '.'), stable under its own output and under case and accents; every
// spelling of it logs in under the same key. Fold is idempotent.
func FuzzLocalPart(f *testing.F) {
	for _, s := range [][2]string{{"Jean-Luc", "D'Alembert"}, {"Anne", "Le Guen"}, {"Zoë", "Œuvray"}, {"ẞ", "Straße"},
		{"İlker", "Çelik"}, {"  ", "x"}, {"李", "王"}, {"Ø", "Łukasz"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, prenom, nom string) {
		for _, s := range []string{prenom, nom} {
			if Fold(Fold(s)) != Fold(s) {
				t.Fatalf("Fold not idempotent on %q: %q then %q", s, Fold(s), Fold(Fold(s)))
			}
		}
		l := LocalPart(prenom, nom)
		if l == "" {
			return
		}
		if len(l) > MaxEmailLength-len("@etu.umontpellier.fr") {
			// Names past any real one (100 characters each, spelled out
			// twice as long by œ, æ, ß...) give identifiants too long to
			// log in with: reported to the lead, the import's concern.
			return
		}
		if !(&Store{cfg: Config{StudentDomain: "etu.umontpellier.fr"}}).identifiantShaped(l) {
			t.Fatalf("LocalPart(%q, %q) = %q: not an identifiant's shape", prenom, nom, l)
		}
		p, n, _ := strings.Cut(l, ".")
		if again := LocalPart(p, n); again != l {
			t.Fatalf("LocalPart(%q, %q) = %q, but LocalPart of its parts = %q", prenom, nom, l, again)
		}
		if up := LocalPart(strings.ToUpper(prenom), strings.ToUpper(nom)); isASCII(prenom+nom) && up != l {
			t.Fatalf("LocalPart(%q, %q) = %q, upper case gives %q", prenom, nom, l, up)
		}
		for _, spelling := range []string{l, " " + strings.ToUpper(l) + " ", l + "@etu.umontpellier.fr",
			strings.ToUpper(l) + "@ETU.UMONTPELLIER.FR\t", l + "@gmail.com"} {
			if k := loginKey(spelling); k != l {
				t.Fatalf("loginKey(%q) = %q, want %q", spelling, k, l)
			}
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// The password policy: no panic, deterministic, and OK only when every
// rule truly holds.
func FuzzCheckPassword(f *testing.F) {
	for _, s := range [][3]string{{"Tortue-Velo-Nuage-42", "Camille", "Martin"}, {"camille2004", "Camille", "Martin"},
		{"soleil", "", ""}, {"P@ssw0rd", "", ""}, {"abc<def12", "", ""}, {"<\u0301abcdef1", "", ""}, {"👍🏽👍🏽👍🏽👍🏽a1bcd", "", ""},
		{strings.Repeat("a1", 65), "", ""}, {"", "", ""}} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, pw, prenom, nom string) {
		pd := PersonalData{Prenom: prenom, Nom: nom, Identifiant: LocalPart(prenom, nom), StudentNumber: "21901234",
			BirthDate: time.Date(2004, 7, 14, 0, 0, 0, 0, time.UTC)}
		res := CheckPassword(pw, pd)
		if again := CheckPassword(pw, pd); again.OK() != res.OK() || again.Length != res.Length || again.Strength != res.Strength {
			t.Fatalf("CheckPassword(%q) not deterministic", pw)
		}
		if res.Length != uniseg.GraphemeClusterCount(pw) || res.Strength < 0 || res.Strength > 4 {
			t.Fatalf("CheckPassword(%q): length %d, strength %d", pw, res.Length, res.Strength)
		}
		if len(res.Rules) != len(Rules) {
			t.Fatalf("CheckPassword(%q): %d rules", pw, len(res.Rules))
		}
		hasDigit := strings.IndexFunc(pw, unicode.IsDigit) >= 0
		hasLetter := strings.IndexFunc(pw, unicode.IsLetter) >= 0
		forbidden := strings.ContainsAny(pw, ForbiddenPasswordChars)
		for _, c := range []struct {
			rule Rule
			want bool
		}{
			{RuleMinLength, res.Length >= PasswordMinLength}, {RuleMaxLength, res.Length <= PasswordMaxLength},
			{RuleDigit, hasDigit}, {RuleLetter, hasLetter}, {RuleForbidden, !forbidden},
		} {
			if got := res.Result(c.rule).OK; got != c.want {
				t.Fatalf("CheckPassword(%q): rule %s = %v, want %v", pw, c.rule, got, c.want)
			}
		}
		if r := res.Result(RuleForbidden); !r.OK {
			gr := uniseg.NewGraphemes(pw)
			for i := 1; gr.Next(); i++ {
				if i == r.Position && !strings.ContainsRune(gr.Str(), r.Char) {
					t.Fatalf("CheckPassword(%q): forbidden %q said at %d, which is %q", pw, r.Char, r.Position, gr.Str())
				}
			}
		}
		if res.OK() && pd.Identifiant != "" && strings.Contains(Fold(pw), pd.Identifiant) {
			t.Fatalf("CheckPassword(%q) accepts a password built on the identifiant %q", pw, pd.Identifiant)
		}
	})
}

// The CSV import on a real store: no panic, no internal error, the counts
// add up to the lines, a refused file writes nothing, and every line is
// written whole or not at all.
func FuzzImport(f *testing.F) {
	f.Add([]byte(importHeader +
		"21901234;Martin;Camille;14/07/2004;camille.martin@example.org;etudiant;2026;SLINF3;Licence 3;Licence;Sciences;FI;valide;paye;2026-09-02T10:15:00+02:00;\n" +
		";Moreau;Inès;09/09/1985;ines.moreau@example.org;personnel;;;;;;;;;2018-09-01T08:00:00+02:00;31/08/2029\n"))
	f.Add([]byte("\xef\xbb\xbfnumero_etudiant,nom,prenom,date_naissance,email_personnel,categorie,annee,code_etape,statut_inscription,statut_paiement,date_validation\r\n" +
		"22004567,\"Dubois, dite \"\"Léa\"\"\",Léa,03/02/2005,lea@example.org,etudiant,2026,DLDRO1,valide,en_attente,2026-11-25T09:00:00+01:00\r\n"))
	f.Add([]byte("nom;prenom\nMartin;Camille\n"))
	s, err := Open(filepath.Join(f.TempDir(), "fuzz.db"), Config{Hasher: testHasher,
		Clock: NewManualClock(time.Date(2026, 11, 25, 10, 0, 0, 0, ParisLocation()))})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	tables := []string{"people", "registrations", "accounts", "codes", "outbox", "audit"}
	counts := func(t *testing.T) map[string]int {
		m := map[string]int{}
		for _, tb := range tables {
			m[tb] = countRows(t, s, tb)
		}
		return m
	}
	f.Fuzz(func(t *testing.T, csv []byte) {
		if len(csv) > 1<<16 {
			return
		}
		before := counts(t)
		rep, err := s.Import(ctx, bytes.NewReader(csv), Origin{Client: "fuzz"})
		after := counts(t)
		var fe *FileError
		if errors.As(err, &fe) {
			if fmt := after; fmt["audit"] != before["audit"] || after["people"] != before["people"] ||
				after["registrations"] != before["registrations"] || after["outbox"] != before["outbox"] {
				t.Fatalf("refused file (%v) wrote: %v → %v", err, before, after)
			}
			return
		}
		if err != nil {
			t.Fatalf("internal error on %q: %v", csv, err)
		}
		// Counts add up: every non-blank line after the header is accounted for.
		lines := splitLines(bytes.TrimPrefix(csv, []byte("\xef\xbb\xbf")))
		data, headerSeen := 0, false
		for _, l := range lines {
			if strings.TrimSpace(l) == "" {
				continue
			}
			if !headerSeen {
				headerSeen = true
				continue
			}
			data++
		}
		if got := rep.Created + rep.Updated + rep.Unchanged + rep.Refused; got != data || len(rep.Refusals) != rep.Refused {
			t.Fatalf("%d data lines, report counts %d (%+v)", data, got, rep)
		}
		for _, r := range rep.Refusals {
			if Clean(r.Reason) != r.Reason || r.Line < 2 {
				t.Fatalf("refusal %+v", r)
			}
		}
		// Every line whole or not at all: each new account came with its
		// audit entry and, unless its rights had already ended, its
		// activation code; each code with its mail, in the same step.
		if d := after["accounts"] - before["accounts"]; d != len(rep.Accounts) ||
			after["codes"]-before["codes"] != after["outbox"]-before["outbox"] {
			t.Fatalf("accounts +%d (report %d), codes +%d, mails +%d", d, len(rep.Accounts),
				after["codes"]-before["codes"], after["outbox"]-before["outbox"])
		}
		var orphans int
		if err := s.db.QueryRow(`SELECT (SELECT COUNT(*) FROM people p WHERE p.category = 'etudiant'
				AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = p.id))
			+ (SELECT COUNT(*) FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM audit e WHERE e.person_id = a.person_id
				AND e.event = 'ACCOUNT_CREATED'))
			+ (SELECT COUNT(*) FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM codes c WHERE c.person_id = a.person_id)
				AND NOT EXISTS (SELECT 1 FROM audit e WHERE e.person_id = a.person_id AND e.event = 'ACCOUNT_CREATED'
					AND e.kind = 'account_created' AND e.args LIKE '%"mail":{"rights_end":%'))
			+ (SELECT COUNT(*) FROM codes WHERE mail_id IS NULL)`).Scan(&orphans); err != nil {
			t.Fatal(err)
		}
		if orphans != 0 {
			t.Fatalf("%d half-written people, accounts or codes after %q", orphans, csv)
		}
		var fk int
		if err := s.db.QueryRow(`SELECT COUNT(*) FROM pragma_foreign_key_check`).Scan(&fk); err != nil || fk != 0 {
			t.Fatalf("foreign keys: %d, %v", fk, err)
		}
	})
}
