package data

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxEmailLength is the longest address accepted (RFC 5321 path limit).
const MaxEmailLength = 254

// maxLocalLength is RFC 5321's limit on the part before @.
const maxLocalLength = 64

// ParseEmail checks an address that a person typed or an export carried and
// returns it trimmed and with a lower-case domain. It is the one check of
// every address the program stores (mail de secours, redirection, import),
// and what it accepts must be safe everywhere an address goes: a line of
// the Postfix virtual map (where "#", ",", spaces and "|" mean something),
// an SMTP RCPT TO without SMTPUTF8, a directory attribute and an LDAP
// filter ("*", "(", ")", "\"). So the part before @ is ASCII letters,
// digits and . _ - + (no dot first, last or doubled), and the domain is
// ASCII host names (an international domain in its xn-- form). Display
// names, comments, quoted local parts and IP literals are refused too.
func ParseEmail(s string) (string, error) {
	if strings.ContainsAny(s, "\r\n\x00") {
		// Before any trimming: a header injection is refused, not repaired.
		return "", &InvalidEmailError{Reason: "contains a line break or NUL"}
	}
	s = strings.Trim(s, " \t")
	switch {
	case s == "":
		return "", &InvalidEmailError{Reason: "empty"}
	case len(s) > MaxEmailLength:
		return "", &InvalidEmailError{Reason: "too long"}
	}
	if !utf8.ValidString(s) {
		return "", &InvalidEmailError{Reason: "not UTF-8"}
	}
	for _, r := range s {
		if IsControl(r) || unicode.IsSpace(r) || r == utf8.RuneError || !unicode.IsGraphic(r) {
			return "", &InvalidEmailError{Reason: "contains a space or control character"}
		}
	}
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return "", &InvalidEmailError{Reason: "not an address"}
	}
	local, domain := s[:at], strings.ToLower(s[at+1:])
	// The first character that cannot go everywhere is named, so that the
	// person knows what to change.
	for _, r := range local {
		if !localChar(r) {
			return "", &InvalidEmailError{Reason: "character", Char: r}
		}
	}
	for _, r := range domain {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			return "", &InvalidEmailError{Reason: "character", Char: r}
		}
	}
	if local == "" || len(local) > maxLocalLength || local[0] == '.' || local[len(local)-1] == '.' ||
		strings.Contains(local, "..") || !hostName(domain) {
		return "", &InvalidEmailError{Reason: "not an address"}
	}
	return local + "@" + domain, nil
}

// localChar: the characters accepted before @ (see ParseEmail).
func localChar(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
		r == '.' || r == '_' || r == '-' || r == '+'
}

// hostName: a lower-case DNS name of two labels or more, each of letters,
// digits and inner hyphens (1 to 63), ending in a top-level domain.
func hostName(domain string) bool {
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
	}
	return isTLD(labels[len(labels)-1])
}

// maskBullets is fixed so that the mask says nothing of the address length.
const maskBullets = "•••••"

// MaskEmail shows enough of an address for its owner to recognise it and
// for two people's addresses to differ, and never more than three
// characters of the local part: the first two and the last
// (marie.petit@example.org → ma•••••t@ex•••••e.org). The domain of a big
// public provider is shown whole (shared by millions, it tells nothing);
// any other is masked the same way, with its top-level domain. The bullets
// are always five, whatever the lengths. A "top-level domain" that is not
// one (not letters, or too long to be one) is not shown.
func MaskEmail(addr string) string {
	at := strings.LastIndexByte(addr, '@')
	if at <= 0 || at == len(addr)-1 {
		return maskBullets
	}
	local, domain := addr[:at], addr[at+1:]
	if d := strings.ToLower(domain); publicProviders[d] {
		return maskPart(local) + "@" + d
	}
	tld := ""
	if dot := strings.LastIndexByte(domain, '.'); dot > 0 && dot < len(domain)-1 {
		if label := domain[dot+1:]; isTLD(label) {
			tld = "." + strings.ToLower(label)
		}
		domain = domain[:dot]
	}
	return maskPart(local) + "@" + maskPart(domain) + tld
}

// maskPart keeps the first two and the last visible characters of s around
// the bullets, fewer when s is short, so that a mask never shows a part
// whole: 4 characters or more give 2 + 1, three give 1 + 1, two or one give
// the first.
func maskPart(s string) string {
	v := visibleRunes(s)
	switch {
	case len(v) >= 4:
		return string(v[:2]) + maskBullets + string(v[len(v)-1])
	case len(v) == 3:
		return string(v[:1]) + maskBullets + string(v[2])
	case len(v) > 0:
		return string(v[:1]) + maskBullets
	}
	return maskBullets
}

// publicProviders are the big public mail providers of France (and the
// world's biggest): their domain is shown whole in a mask.
var publicProviders = map[string]bool{
	"gmail.com": true, "googlemail.com": true, "outlook.fr": true, "outlook.com": true, "hotmail.fr": true,
	"hotmail.com": true, "live.fr": true, "live.com": true, "msn.com": true, "yahoo.fr": true, "yahoo.com": true,
	"orange.fr": true, "wanadoo.fr": true, "free.fr": true, "laposte.net": true, "icloud.com": true, "me.com": true,
	"sfr.fr": true, "neuf.fr": true, "bbox.fr": true, "aol.com": true, "gmx.fr": true, "gmx.com": true,
	"protonmail.com": true, "proton.me": true,
}

// isTLD: a top-level domain as the root zone has them, ASCII letters
// (2 to 24) or an IDN in its xn-- form.
func isTLD(label string) bool {
	if strings.HasPrefix(strings.ToLower(label), "xn--") && len(label) <= 63 {
		label = label[4:]
		for _, c := range []byte(label) {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
		return label != ""
	}
	if len(label) < 2 || len(label) > 24 {
		return false
	}
	for _, c := range []byte(label) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// visibleRunes are the visible characters of s (controls, sequences,
// spaces and combining marks left out): the only ones a mask may show.
func visibleRunes(s string) []rune {
	var v []rune
	for _, r := range Clean(s) {
		if unicode.IsGraphic(r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Mn, r) && r != utf8.RuneError &&
			r != '•' {
			v = append(v, r)
		}
	}
	return v
}
