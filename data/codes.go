package data

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Purpose binds a code to what it may do.
type Purpose string

const (
	PurposeActivation   Purpose = "activation"
	PurposeReset        Purpose = "reset"
	PurposeRecoveryMail Purpose = "recovery_mail"
	PurposeRedirection  Purpose = "redirection"
)

const (
	// CodeLifetime of activation and reset codes (and confirmations).
	CodeLifetime = 24 * time.Hour
	// CodeMaxFailures wrong entries revoke a code.
	CodeMaxFailures = 5
	// CodeDigits is the length of a code.
	CodeDigits = 8
	// ResendCooldown is the wait before "Renvoyer le code".
	ResendCooldown = 60 * time.Second
	// MailsPerHour code mails per account at most.
	MailsPerHour = 3
)

var tokenEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// newCode draws an 8-digit code, uniformly, from crypto/rand.
func newCode() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(100_000_000))
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%08d", n.Int64()), nil
}

// newToken draws a link token: 160 bits, lower-case base32, usable as an SSH user name.
func newToken() (string, error) {
	b := make([]byte, 20)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return tokenEncoding.EncodeToString(b), nil
}

// codeHash keys the code with the server secret and binds it to its
// account and purpose; an 8-digit code alone would be cheap to invert.
func (s *Store) codeHash(personID int64, purpose Purpose, code string) string {
	mac := hmac.New(sha256.New, s.secret)
	fmt.Fprintf(mac, "code\x00%d\x00%s\x00%s", personID, purpose, code)
	return hex.EncodeToString(mac.Sum(nil))
}

func tokenHash(token string) string {
	sum := sha256.Sum256([]byte("token\x00" + token))
	return hex.EncodeToString(sum[:])
}

// IsToken says whether s has the shape of a link token (an SSH user name
// that is not a token is not looked up).
func IsToken(s string) bool {
	if len(s) != 32 {
		return false
	}
	_, err := tokenEncoding.DecodeString(s)
	return err == nil
}

// LinkToken is the token a user name carries, give or take what copying a
// link loses or changes on the way: its case is not the token's (a link
// typed from a printout); ok is false for a name that is no token at all.
// A name of a token's length and letters that is not one — a character
// dropped or added — is still told as a link (ErrBadToken when opened):
// no person chooses such a name, and a personal session opened without a
// word left them on home, not knowing the link had failed.
func LinkToken(user string) (token string, ok bool) {
	if IsToken(user) {
		return user, true
	}
	lower := strings.ToLower(user)
	if IsToken(lower) {
		return lower, true
	}
	if len(lower) < 28 || len(lower) > 36 {
		return "", false
	}
	for _, r := range lower {
		if (r < 'a' || r > 'z') && (r < '2' || r > '7') {
			return "", false
		}
	}
	return user, true
}

// issuedCode is a code in clear, only ever between its creation and its mail.
type issuedCode struct {
	id      int64
	code    string
	token   string
	expires time.Time
}

// issueCode revokes the account's live codes of the same purpose and creates
// a new one, valid CodeLifetime from validFrom.
func (s *Store) issueCode(ctx context.Context, tx *sql.Tx, personID int64, purpose Purpose, target string,
	keepCopy bool, validFrom time.Time) (issuedCode, error) {
	now := s.cfg.Clock.Now()
	if _, err := tx.ExecContext(ctx, `UPDATE codes SET revoked_at = ?, revoked_why = 'superseded'
		WHERE person_id = ? AND purpose = ? AND used_at IS NULL AND revoked_at IS NULL`,
		fmtTime(now), personID, string(purpose)); err != nil {
		return issuedCode{}, err
	}
	return s.insertCode(ctx, tx, personID, purpose, target, keepCopy, now, validFrom)
}

// insertCode creates a code without revoking anything: for an account that
// has no live code of this purpose (a new account, at import).
func (s *Store) insertCode(ctx context.Context, tx execer, personID int64, purpose Purpose, target string,
	keepCopy bool, now, validFrom time.Time) (issuedCode, error) {
	return s.insertMailedCode(ctx, tx, personID, purpose, target, keepCopy, now, validFrom, 0)
}

// insertMailedCode is insertCode for a code whose mail's id is known
// already (mailID; 0: not known, the outbox's trigger links the mail when
// it is written).
func (s *Store) insertMailedCode(ctx context.Context, tx execer, personID int64, purpose Purpose, target string,
	keepCopy bool, now, validFrom time.Time, mailID int64) (issuedCode, error) {
	code, err := newCode()
	if err != nil {
		return issuedCode{}, err
	}
	token, err := newToken()
	if err != nil {
		return issuedCode{}, err
	}
	expires := validFrom.Add(CodeLifetime)
	var id int64
	if mailID != 0 {
		id, err = insertID(ctx, tx, `INSERT INTO codes(person_id, purpose, code_hash, token_hash, target, keep_copy,
			created_at, expires_at, mail_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, personID, string(purpose),
			s.codeHash(personID, purpose, code), tokenHash(token), target, keepCopy, fmtTime(now), fmtTime(expires), mailID)
	} else {
		id, err = insertID(ctx, tx, `INSERT INTO codes(person_id, purpose, code_hash, token_hash, target, keep_copy,
			created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, personID, string(purpose),
			s.codeHash(personID, purpose, code), tokenHash(token), target, keepCopy, fmtTime(now), fmtTime(expires))
	}
	if err != nil {
		return issuedCode{}, err
	}
	return issuedCode{id: id, code: code, token: token, expires: expires}, nil
}

// Challenge is a code on its way to someone: what the code-entry screen
// needs. A decoy challenge (unknown identifiant) looks and behaves the same,
// but no code can ever match it.
type Challenge struct {
	Purpose      Purpose
	MaskedTarget string    // where the code went, masked
	ExpiresAt    time.Time // when the code stops working
	ResendAt     time.Time // when "Renvoyer le code" becomes possible
	personID     int64
	identifiant  string
	decoy        *decoyState
	decoyKey     string   // a notice answered with a decoy's waits (rights ended): the decoy's key
	ended        *Account // a decoy for an account whose rights ended: the helpdesk sees why no code went
}

type decoyState struct {
	mu       sync.Mutex
	failures int
}

// Ticket proves that a code (or its link) was presented. Nothing is
// consumed until the step it opens is completed.
type Ticket struct {
	Purpose     Purpose
	PersonID    int64
	Identifiant string
	Target      string // the address the code was sent to
	KeepCopy    bool
	ExpiresAt   time.Time
	codeID      int64
}

type codeRow struct {
	id        int64
	personID  int64
	purpose   Purpose
	codeHash  string
	target    string
	keepCopy  bool
	expires   time.Time
	failures  int
	used      bool
	revoked   bool
	revokeWhy string
}

const codeColumns = `id, person_id, purpose, code_hash, target, keep_copy, expires_at, failures,
	used_at IS NOT NULL, revoked_at IS NOT NULL, COALESCE(revoked_why, '')`

func scanCode(row rowScanner) (codeRow, error) {
	var c codeRow
	var expires string
	err := row.Scan(&c.id, &c.personID, &c.purpose, &c.codeHash, &c.target, &c.keepCopy, &expires, &c.failures,
		&c.used, &c.revoked, &c.revokeWhy)
	c.expires = parseTime(expires)
	return c, err
}

// NormalizeCode keeps the digits of what was typed ("1234 5678" → "12345678").
func NormalizeCode(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// VerifyCode checks a typed code against the challenge's latest code. A
// wrong code counts; the fifth revokes it. The code is not consumed.
func (s *Store) VerifyCode(ctx context.Context, ch *Challenge, typed string, o Origin) (*Ticket, error) {
	typed = NormalizeCode(typed)
	if ch.decoy != nil {
		if ch.personID != 0 {
			// An account that cannot be activated (active, rights ended):
			// its owner's code, from an earlier mail, is told what applies.
			if verdict, err := s.noticeVerify(ctx, ch, typed, o); verdict != nil || err != nil {
				return nil, errors.Join(verdict, err)
			}
		}
		return nil, s.decoyVerify(ctx, ch, o)
	}
	var ticket *Ticket
	var verdict error
	err := s.tx(ctx, func(tx *sql.Tx) error {
		c, err := scanCode(tx.QueryRowContext(ctx, `SELECT `+codeColumns+` FROM codes
			WHERE person_id = ? AND purpose = ? ORDER BY id DESC LIMIT 1`, ch.personID, string(ch.Purpose)))
		if errors.Is(err, sql.ErrNoRows) {
			verdict = ErrCodeUsed
			return nil
		}
		if err != nil {
			return err
		}
		now := s.cfg.Clock.Now()
		typedHash := s.codeHash(c.personID, c.purpose, typed)
		matches := len(typed) == CodeDigits && hmac.Equal([]byte(typedHash), []byte(c.codeHash))
		if !matches && len(typed) == CodeDigits {
			// A code from an earlier mail (expired, replaced, used): say
			// what it is rather than "wrong", and do not count it.
			if verdict, err = s.earlierCode(ctx, tx, c, typedHash, ch.identifiant, o); err != nil || verdict != nil {
				return err
			}
		}
		switch {
		case c.used && matches:
			verdict, err = s.usedCodeVerdict(ctx, tx, c)
			return err
		case c.used || c.revoked:
			verdict = ErrCodeUsed
			return nil
		case !now.Before(c.expires):
			verdict = ErrCodeExpired
			return nil
		}
		if !matches {
			c.failures++
			if c.failures >= CodeMaxFailures {
				_, err = tx.ExecContext(ctx, `UPDATE codes SET failures = ?, revoked_at = ?, revoked_why = 'failures' WHERE id = ?`,
					c.failures, fmtTime(now), c.id)
			} else {
				_, err = tx.ExecContext(ctx, `UPDATE codes SET failures = ? WHERE id = ?`, c.failures, c.id)
			}
			if err != nil {
				return err
			}
			verdict = &CodeWrongError{Remaining: CodeMaxFailures - c.failures}
			// At the instant of the revocation: the card lists the fifth
			// error under the code it revoked, not after it.
			return s.audit(ctx, tx, AuditEntry{At: now, Event: EventCodeError, PersonID: c.personID, Identifiant: ch.identifiant,
				Client: o.Client, Outcome: "wrong", Info: CodeErrorsDetail(c.purpose, c.failures, CodeMaxFailures)})
		}
		if c.purpose == PurposeActivation {
			// Their code, typed before the activation opens (the mail of a
			// request made too early leaves when it opens; a link read
			// from the outbox): now it can be said from when.
			if verdict, err = s.activationNotYet(ctx, tx, c.personID); err != nil || verdict != nil {
				return err
			}
		}
		ticket = &Ticket{Purpose: c.purpose, PersonID: c.personID, Identifiant: ch.identifiant, Target: c.target,
			KeepCopy: c.keepCopy, ExpiresAt: c.expires, codeID: c.id}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ticket, verdict
}

// decoyVerify answers like a real code that never matches, counting the
// failures the same way.
func (s *Store) decoyVerify(ctx context.Context, ch *Challenge, o Origin) error {
	ch.decoy.mu.Lock()
	defer ch.decoy.mu.Unlock()
	if ch.decoy.failures >= CodeMaxFailures {
		return ErrCodeUsed
	}
	if !s.cfg.Clock.Now().Before(ch.ExpiresAt) {
		return ErrCodeExpired
	}
	ch.decoy.failures++
	// Same store work as a real wrong code.
	err := s.tx(ctx, func(tx *sql.Tx) error {
		return s.audit(ctx, tx, AuditEntry{Event: EventCodeError, Identifiant: ch.identifiant, Client: o.Client,
			Outcome: "unknown", Info: CodeErrorsDetail(ch.Purpose, ch.decoy.failures, CodeMaxFailures)})
	})
	if err != nil {
		return err
	}
	return &CodeWrongError{Remaining: CodeMaxFailures - ch.decoy.failures}
}

// OpenToken turns a link token (the user name of ssh://TOKEN@host) into a
// ticket, without consuming it.
func (s *Store) OpenToken(ctx context.Context, token string) (*Ticket, error) {
	if !IsToken(token) {
		return nil, ErrBadToken
	}
	c, err := scanCode(s.db.QueryRowContext(ctx, `SELECT `+codeColumns+` FROM codes WHERE token_hash = ?`, tokenHash(token)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrBadToken
	}
	if err != nil {
		return nil, err
	}
	switch {
	case c.used || c.revoked:
		return nil, ErrCodeUsed
	case !s.cfg.Clock.Now().Before(c.expires):
		return nil, ErrCodeExpired
	}
	var ident string
	if err := s.db.QueryRowContext(ctx, `SELECT identifiant FROM accounts WHERE person_id = ?`, c.personID).Scan(&ident); err != nil {
		return nil, err
	}
	return &Ticket{Purpose: c.purpose, PersonID: c.personID, Identifiant: ident, Target: c.target, KeepCopy: c.keepCopy,
		ExpiresAt: c.expires, codeID: c.id}, nil
}

// consumeCode marks the ticket's code used, in the transaction that does
// what it allowed. It fails if the code was used, replaced or expired since.
func (s *Store) consumeCode(ctx context.Context, tx *sql.Tx, t *Ticket) error {
	if t == nil || t.codeID == 0 {
		return ErrCodeUsed
	}
	now := s.cfg.Clock.Now()
	c, err := scanCode(tx.QueryRowContext(ctx, `SELECT `+codeColumns+` FROM codes WHERE id = ?`, t.codeID))
	if err != nil {
		return err
	}
	switch {
	case c.used || c.revoked || c.purpose != t.Purpose || c.personID != t.PersonID:
		return ErrCodeUsed
	case !now.Before(c.expires):
		return ErrCodeExpired
	}
	_, err = tx.ExecContext(ctx, `UPDATE codes SET used_at = ? WHERE id = ?`, fmtTime(now), t.codeID)
	return err
}

// mailAllowance says when the next code mail for purpose may go to this
// account. Two rules, both over the account's code mails:
//   - the cooldown (ResendCooldown) is about resending the same code: it
//     follows the last mail of the same purpose, and only while that mail's
//     code is unused. A reset code, then a confirmation of a new mail de
//     secours, then one of a redirection go one after the other.
//   - at most MailsPerHour code mails in any hour, not counting a mail whose
//     code was then used: a used code proves its owner got the mail, and the
//     limit is there to protect the mailbox from strangers.
//
// A cancelled mail still counts (unless its code was used): it was asked for.
func (s *Store) mailAllowance(ctx context.Context, q queryer, personID int64, purpose Purpose) (time.Time, error) {
	next, _, err := s.mailRule(ctx, q, personID, purpose)
	return next, err
}

// mailRule is mailAllowance, and whether the hourly limit is what sets it
// (false: the cooldown after the last mail of the purpose, or nothing).
func (s *Store) mailRule(ctx context.Context, q queryer, personID int64, purpose Purpose) (time.Time, bool, error) {
	now := s.cfg.Clock.Now()
	counted := append(CodeMailKinds[:len(CodeMailKinds):len(CodeMailKinds)], MailAlreadyActive, MailRightsEnded)
	args := make([]any, 0, len(counted)+3)
	args = append(args, personID, fmtTime(now.Add(-time.Hour)), personID)
	for _, k := range counted {
		args = append(args, string(k))
	}
	rows, err := q.QueryContext(ctx, `SELECT o.created_at, o.kind,
		EXISTS (SELECT 1 FROM codes c WHERE c.mail_id = o.id AND c.used_at IS NOT NULL)
		FROM outbox o WHERE o.person_id = ? AND o.created_at > ?
		AND o.created_at > COALESCE((SELECT recovery_corrected_at FROM accounts WHERE person_id = ?), '')
		AND o.kind IN (?`+strings.Repeat(", ?", len(counted)-1)+`)
		ORDER BY o.created_at DESC, o.id DESC`, args...)
	if err != nil {
		return time.Time{}, false, err
	}
	defer rows.Close()
	var lastSame time.Time
	var times []time.Time
	for rows.Next() {
		var at string
		var kind MailKind
		var used bool
		if err := rows.Scan(&at, &kind, &used); err != nil {
			return time.Time{}, false, err
		}
		if used {
			continue
		}
		t := parseTime(at)
		if lastSame.IsZero() && sameWait(kind, purpose) {
			lastSame = t
		}
		times = append(times, t)
	}
	next, hourly := allowance(lastSame, times)
	return next, hourly, rows.Err()
}

// sameWait says whether a mail of kind holds the wait before another mail
// for purpose: its own kind, and for the requests anyone may make by
// typing an identifiant, any of them (requestMailKinds).
func sameWait(kind MailKind, purpose Purpose) bool {
	if kind == purposeMail[purpose] {
		return true
	}
	if purpose != PurposeActivation && purpose != PurposeReset {
		return false
	}
	for _, k := range requestMailKinds {
		if k == kind {
			return true
		}
	}
	return false
}

// allowanceAt: lastSame is the last unused code mail of the purpose asked
// for (zero: none in the hour), counted the code mails of the last hour
// that count for the hourly limit, newest first.
func allowanceAt(lastSame time.Time, counted []time.Time) time.Time {
	next, _ := allowance(lastSame, counted)
	return next
}

// allowance is allowanceAt, and whether the hourly limit sets it.
func allowance(lastSame time.Time, counted []time.Time) (next time.Time, hourly bool) {
	if !lastSame.IsZero() {
		next = lastSame.Add(ResendCooldown)
	}
	if len(counted) >= MailsPerHour {
		if t := counted[MailsPerHour-1].Add(time.Hour); t.After(next) {
			next, hourly = t, true
		}
	}
	return next, hourly
}

// nextMailAt is allowanceAt for mails of one purpose whose codes are never
// used: a decoy's (recent newest first), as a stranger's requests are for a
// real account.
func nextMailAt(recent []time.Time) time.Time {
	next, _ := nextMailRule(recent)
	return next
}

// nextMailRule is nextMailAt, and whether the hourly limit sets it.
func nextMailRule(recent []time.Time) (time.Time, bool) {
	var last time.Time
	if len(recent) > 0 {
		last = recent[0]
	}
	return allowance(last, recent)
}

// liveCode is the account's usable code of a purpose, if any.
func (s *Store) liveCode(ctx context.Context, q queryer, personID int64, purpose Purpose) (codeRow, bool, error) {
	c, err := scanCode(q.QueryRowContext(ctx, `SELECT `+codeColumns+` FROM codes WHERE person_id = ? AND purpose = ?
		AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ? ORDER BY id DESC LIMIT 1`,
		personID, string(purpose), fmtTime(s.cfg.Clock.Now())))
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	return c, err == nil, err
}

// Origin is where a request comes from: the client (SSH source address, or
// kiosk terminal) for throttling and audit, and the language for mails.
type Origin struct {
	Client string
	Lang   string
	// Shared: Client is an address that many people share (a campus NAT,
	// a library proxy: serve --shared-networks); the per-client limits
	// are SharedClientFactor times higher. Kiosk terminals never set it.
	Shared bool
	// Helpdesk: an agent asked for the code (the console), not the person
	// on a screen: its mail says so.
	Helpdesk bool
}

// lang is the language of the mails o writes: "en", LangBoth (given by
// WithLang(Account.MailLang())), or French.
func (o Origin) lang() string {
	if o.Lang == "en" || o.Lang == LangBoth {
		return o.Lang
	}
	return "fr"
}

// formatDuration is used in audit details.
func formatDuration(d time.Duration) string { return strconv.Itoa(int(d.Seconds())) + "s" }
