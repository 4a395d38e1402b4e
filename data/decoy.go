package data

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"strings"
	"unicode"
)

// A decoy mask answers for an identifiant without an account (and for one
// whose answer must not differ from that: rights ended, too early) as
// a real account's mask would. An attacker compares it with the real
// masks they see, so it is drawn from them: a template account chosen by
// an HMAC of the identifiant (with the store's secret) lends the shape of
// its address and its domain, and where the template's address follows
// its owner's name (ma… for marie.petit), the decoy follows the
// identifiant asked for the same way. The result is kept (decoy_masks), so
// that an identifiant's decoy never changes, as a real person's mask does
// not, whatever is imported later or however masks are drawn.

// decoyMaskTx is the decoy mask of key (decoyKey), drawn and kept on first use.
func (s *Store) decoyMaskTx(ctx context.Context, tx *sql.Tx, key string) (string, error) {
	id := s.decoyID(key)
	var mask string
	err := tx.QueryRowContext(ctx, `SELECT mask FROM decoy_masks WHERE key = ?`, id).Scan(&mask)
	if err == nil {
		return mask, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	if mask, err = s.drawDecoyMask(ctx, tx, key); err != nil {
		return "", err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO decoy_masks(key, mask, created_at) VALUES (?, ?, ?)
		ON CONFLICT(key) DO NOTHING`, id, mask, fmtTime(s.cfg.Clock.Now())); err != nil {
		return "", err
	}
	return mask, tx.QueryRowContext(ctx, `SELECT mask FROM decoy_masks WHERE key = ?`, id).Scan(&mask)
}

// decoyMask is decoyMaskTx in a transaction of its own.
func (s *Store) decoyMask(key string) string {
	var mask string
	err := s.tx(context.Background(), func(tx *sql.Tx) error {
		var err error
		mask, err = s.decoyMaskTx(context.Background(), tx, key)
		return err
	})
	if err != nil {
		return maskBullets
	}
	return mask
}

// decoyID is the decoy's key in the store: the identifiant is not kept.
func (s *Store) decoyID(key string) string {
	return hex.EncodeToString(s.decoyHMAC("decoy-id", key))
}

func (s *Store) decoyHMAC(what, key string) []byte {
	mac := hmac.New(sha256.New, s.secret)
	mac.Write([]byte(what + "\x00" + key))
	return mac.Sum(nil)
}

// drawDecoyMask picks the template account and builds the decoy from it.
// A store without accounts (a new one) draws from common providers.
func (s *Store) drawDecoyMask(ctx context.Context, tx *sql.Tx, key string) (string, error) {
	sum := s.decoyHMAC("decoy-mask", key)
	var n int64
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM accounts`).Scan(&n); err != nil {
		return "", err
	}
	local, _ := NormalizeLogin(key)
	if n == 0 {
		return MaskEmail(decoyAddress(local, "camille.martin", "camille.martin@"+
			fallbackProviders[int(sum[2])%len(fallbackProviders)])), nil
	}
	pick := int64(binary.BigEndian.Uint64(sum[:8]) % uint64(n))
	var ident, addr string
	if err := tx.QueryRowContext(ctx, `SELECT local_part, recovery_email FROM accounts ORDER BY person_id
		LIMIT 1 OFFSET ?`, pick).Scan(&ident, &addr); err != nil {
		return "", err
	}
	return MaskEmail(decoyAddress(local, ident, addr)), nil
}

// fallbackProviders serve a store with no account to draw from.
var fallbackProviders = []string{"gmail.com", "hotmail.fr", "yahoo.fr", "outlook.fr", "orange.fr", "free.fr",
	"laposte.net", "icloud.com", "sfr.fr", "wanadoo.fr"}

// decoyAddress rewrites the template address (of the account whose local
// part is ident) for the identifiant local: each character a mask shows
// (the first two and the last of the local part) that the template took
// from its owner's identifiant is taken from local at the same place; the
// others (digits, nicknames) and the domain stay the template's. Only the
// characters the mask shows and the length class matter: the middle is
// filler.
func decoyAddress(local, ident, addr string) string {
	at := strings.LastIndexByte(addr, '@')
	if at <= 0 {
		return addr
	}
	tl, domain := visibleRunes(addr[:at]), addr[at:]
	id, want := nameRunes(ident), nameRunes(local)
	if len(want) == 0 {
		return addr
	}
	from := func(c rune, pick func([]rune) (rune, bool)) rune {
		if t, ok := pick(id); ok && unicode.ToLower(c) == t {
			if w, ok := pick(want); ok {
				return w
			}
		}
		return c
	}
	at0 := func(i int) func([]rune) (rune, bool) {
		return func(r []rune) (rune, bool) {
			if i < len(r) {
				return r[i], true
			}
			return 0, false
		}
	}
	last := func(r []rune) (rune, bool) {
		if len(r) > 0 {
			return r[len(r)-1], true
		}
		return 0, false
	}
	// The other common habit: initial of the first name, then the family name (mpetit).
	family := func(r []rune) (rune, bool) {
		for i, c := range r {
			if c == '.' && i+1 < len(r) {
				return r[i+1], true
			}
		}
		return 0, false
	}
	out := make([]rune, len(tl))
	copy(out, tl)
	switch {
	case len(tl) >= 4:
		out[0] = from(tl[0], at0(0))
		if f, ok := family(id); ok && unicode.ToLower(tl[1]) == f && unicode.ToLower(tl[0]) == id[0] {
			out[1] = from(tl[1], family)
		} else {
			out[1] = from(tl[1], at0(1))
		}
		out[len(tl)-1] = from(tl[len(tl)-1], last)
	case len(tl) > 0:
		out[0] = from(tl[0], at0(0))
		out[len(tl)-1] = from(tl[len(tl)-1], last)
	}
	return string(out) + domain
}

// nameRunes is an identifiant's local part without its homonym number, as
// names are written in addresses (marie.petit2 → marie.petit).
func nameRunes(local string) []rune {
	return []rune(strings.TrimRightFunc(local, unicode.IsDigit))
}
