package data

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldLetters spells out the letters that Unicode decomposition leaves whole.
var foldLetters = map[rune]string{
	'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae", 'ß': "ss", 'ø': "o", 'Ø': "o",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th",
	'ı': "i",
}

// isApostrophe covers the apostrophes found in civil-status names.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '`', '´', '‘':
		return true
	}
	return false
}

// Fold lowers s and removes its accents (é→e, ç→c, œ→oe), keeping every
// other character. It is the comparison form for names and searches, and
// it is idempotent: lowering comes first, so that a capital whose small
// letter is spelled out (ẞ → ß → ss) folds the same as the small letter.
func Fold(s string) string {
	if allASCII(s) {
		// Decomposition leaves ASCII as it is, and foldLetters has no
		// ASCII letter: lower case is all there is to do (an import folds
		// three names a line).
		return strings.ToLower(s)
	}
	return foldUnicode(s)
}

func allASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldUnicode is Fold for any text.
func foldUnicode(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if f, ok := foldLetters[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// namePart is one side of an identifiant: folded, apostrophes removed,
// any other separator made a single '-', none at either end.
func namePart(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range Fold(s) {
		switch {
		case isApostrophe(r):
			continue
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}

// LocalPart derives the identifiant's local part from a person's names:
// Jean-Luc D'Alembert → jean-luc.dalembert. It is empty when a name has
// nothing usable in it.
func LocalPart(prenom, nom string) string {
	p, n := namePart(prenom), namePart(nom)
	if p == "" || n == "" {
		return ""
	}
	local := p + "." + n
	if len(local) > MaxLocalPart {
		// Very long civil-status names (œ, ß spell out longer): keep the
		// address within RFC 5321's 64, with room for a homonym number.
		local = strings.TrimRight(local[:MaxLocalPart], "-.")
		if !strings.Contains(local, ".") {
			local = strings.TrimRight(p[:min(len(p), MaxLocalPart/2)], "-") + "." +
				strings.TrimRight(n[:min(len(n), MaxLocalPart/2-1)], "-")
		}
	}
	return local
}

// MaxLocalPart leaves 4 characters of the 64 an address's local part may
// have for a homonym's number (marie.petit2 ... marie.petit9999).
const MaxLocalPart = 60

// homonym is the n-th local part for the same names: marie.petit, marie.petit2, ...
func homonym(base string, n int) string {
	if n <= 1 {
		return base
	}
	return base + itoa(n)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}

// NormalizeLogin turns what someone typed as identifiant into the local part
// and, if given, the domain: case ignored, spaces ignored (an identifiant
// has none, and a kiosk keyboard makes them easy to type by mistake), and
// the local part spelled as the import derived it from the names: accents
// folded and apostrophes dropped (hugo.lefèvre → hugo.lefevre,
// Jean-Luc.D'Alembert → jean-luc.dalembert). It is the one normalisation of
// every place an identifiant is typed (login, « 1ère connexion », lost
// password, the helpdesk, the audit), and the throttling key (loginKey).
func NormalizeLogin(input string) (local, domain string) {
	s := strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, input))
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		return foldLocal(s[:i]), s[i+1:]
	}
	return foldLocal(s), ""
}

// foldLocal folds accents and drops apostrophes, as namePart does; a
// plain ASCII local part without apostrophes is returned as it is.
func foldLocal(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] == '\'' || s[i] == '`' {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return -1
		}
		return r
	}, Fold(s))
}
