package data

import (
	"crypto/hmac"
	"crypto/sha256"
	"net/mail"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxEmailLength is the longest address accepted (RFC 5321 path limit).
const MaxEmailLength = 254

// ParseEmail checks an address that a person typed or an export carried and
// returns it trimmed and with a lower-case domain. Display names, comments,
// control characters and anything but a bare addr-spec are refused.
func ParseEmail(s string) (string, error) {
	if strings.ContainsAny(s, "\r\n\x00") {
		// Before any trimming: a header injection is refused, not repaired.
		return "", &InvalidEmailError{"contains a line break or NUL"}
	}
	s = strings.Trim(s, " \t")
	switch {
	case s == "":
		return "", &InvalidEmailError{"empty"}
	case len(s) > MaxEmailLength:
		return "", &InvalidEmailError{"too long"}
	}
	if !utf8.ValidString(s) {
		return "", &InvalidEmailError{"not UTF-8"}
	}
	for _, r := range s {
		if IsControl(r) || unicode.IsSpace(r) || r == utf8.RuneError {
			return "", &InvalidEmailError{"contains a space or control character"}
		}
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Name != "" || addr.Address != s {
		return "", &InvalidEmailError{"not an address"}
	}
	at := strings.LastIndexByte(s, '@')
	local, domain := s[:at], strings.ToLower(s[at+1:])
	if local == "" || !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") ||
		strings.HasSuffix(domain, ".") || strings.Contains(domain, "..") || strings.HasPrefix(domain, "[") {
		return "", &InvalidEmailError{"not an address"}
	}
	return local + "@" + domain, nil
}

// maskBullets is fixed so that the mask says nothing of the address length.
const maskBullets = "•••••"

// MaskEmail shows at most the first character of the local part and of the
// domain, and the top-level domain: camille@example.org → c•••••@e•••••.org.
// The bullets are always five, whatever the lengths. A "top-level domain"
// that is not one (not letters, or too long to be one) is not shown.
func MaskEmail(addr string) string {
	at := strings.LastIndexByte(addr, '@')
	if at <= 0 || at == len(addr)-1 {
		return maskBullets
	}
	local, domain := addr[:at], addr[at+1:]
	tld := ""
	if dot := strings.LastIndexByte(domain, '.'); dot > 0 && dot < len(domain)-1 {
		if label := domain[dot+1:]; isTLD(label) {
			tld = "." + strings.ToLower(label)
		}
		domain = domain[:dot]
	}
	return firstChar(local) + maskBullets + "@" + firstChar(domain) + maskBullets + tld
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

// firstChar is the first visible character of s (controls, sequences and
// spaces skipped), or nothing.
func firstChar(s string) string {
	for _, r := range Clean(s) {
		if unicode.IsGraphic(r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Mn, r) && r != utf8.RuneError {
			return string(r)
		}
	}
	return ""
}

// decoyProviders are common personal mail providers; a decoy mask looks like
// one of them, so that an unknown identifiant cannot be told from a real one.
var decoyProviders = []string{
	"gmail.com", "hotmail.fr", "hotmail.com", "yahoo.fr", "outlook.fr", "outlook.com",
	"orange.fr", "free.fr", "laposte.net", "sfr.fr", "icloud.com", "live.fr", "wanadoo.fr",
}

// decoyMask is the mask shown for an identifiant that has no account: derived
// from the server secret, so it is the same from one try to the next and
// between processes, and unknowable without the secret.
func (s *Store) decoyMask(identifiant string) string {
	mac := hmac.New(sha256.New, s.secret)
	mac.Write([]byte("decoy-mask\x00" + identifiant))
	sum := mac.Sum(nil)
	letters := "abcdefghijklmnopqrstuvwxyz"
	// Initials of real addresses follow names; the local part uses the
	// identifiant's own initial often enough to be plausible.
	first := string(letters[int(sum[0])%26])
	if identifiant != "" && sum[1]%2 == 0 && identifiant[0] >= 'a' && identifiant[0] <= 'z' {
		first = identifiant[:1]
	}
	provider := decoyProviders[int(sum[2])%len(decoyProviders)]
	return MaskEmail(first + "x@" + provider)
}
