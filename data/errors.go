package data

import (
	"errors"
	"fmt"
	"time"
)

// Errors meant for people: screens map each to a sentence in the user's
// language. Anything else is an internal error, shown as "try again later".
var (
	// ErrInvalidCredentials covers unknown identifiant, wrong password,
	// pending account and a locked identifiant alike: no enumeration.
	ErrInvalidCredentials = codedError(CodeCredentials, "identifiant or password incorrect")
	// ErrPasswordLoginClosed: LoginFailuresBeforeClose failures in a row
	// closed password login for this identifiant (known or not, the same)
	// until a reset by code or the helpdesk.
	ErrPasswordLoginClosed = codedError(CodeLoginClosed, "password login closed after too many failures in a row")
	// ErrBusy: too many password hashes already waiting; try again shortly.
	ErrBusy = codedError(CodeBusy, "server busy, try again")
	// ErrNoMatch: the student number and birth date match no registration.
	ErrNoMatch = codedError(CodeNoMatch, "no registration matches")
	// ErrAlreadyActive: activation asked for an active account.
	ErrAlreadyActive = codedError(CodeAlreadyActive, "account already active")
	// ErrCodeWrong: the code does not match. Only ever given inside a
	// CodeWrongError (what is left), which carries the code for people.
	ErrCodeWrong = errors.New("wrong code")
	// ErrCodeExpired: the code's 24 h are over.
	ErrCodeExpired = codedError(CodeCodeExpired, "code expired")
	// ErrCodeUsed: the code was used, replaced by a newer one, or revoked
	// after too many wrong entries.
	ErrCodeUsed = codedError(CodeCodeUsed, "code no longer valid")
	// ErrCodeReplaced: the code typed is from an earlier mail; a newer code
	// was sent since and only that one works.
	ErrCodeReplaced error = &Error{Code: CodeCodeReplaced, Msg: "code no longer valid: replaced by a newer code", Err: ErrCodeUsed}
	// ErrBadToken: a link token that opens nothing.
	ErrBadToken = codedError(CodeBadToken, "link invalid or expired")
	// ErrWrongPassword: the current password given to change it is wrong.
	ErrWrongPassword = codedError(CodeWrongPassword, "current password incorrect")
	// ErrNotHelpdesk: only helpdesk agents may do this.
	ErrNotHelpdesk = codedError(CodeNotHelpdesk, "not available")
	// ErrNotFound: the person or account does not exist.
	ErrNotFound = codedError(CodeNotFound, "not found")
)

// TooEarlyError says from when activation is possible.
type TooEarlyError struct{ AllowedFrom time.Time }

func (e *TooEarlyError) Error() string {
	return fmt.Sprintf("activation possible from %s", e.AllowedFrom.Format(time.RFC3339))
}

// RightsEndedError is given only when the password was right: the account
// existed, and its rights ended on End (a local date).
type RightsEndedError struct{ End time.Time }

func (e *RightsEndedError) Error() string {
	return fmt.Sprintf("rights ended on %s", e.End.Format("02/01/2006"))
}

// CodeWrongError is ErrCodeWrong with the number of tries left.
type CodeWrongError struct{ Remaining int }

func (e *CodeWrongError) Error() string { return fmt.Sprintf("wrong code, %d tries left", e.Remaining) }
func (e *CodeWrongError) Unwrap() error { return ErrCodeWrong }

// RateLimitError: too many tries or mails; Until says when it lifts
// (zero when only the helpdesk can lift it).
type RateLimitError struct {
	What  string // "client", "lookup", "mail"
	Until time.Time
	// Cooldown (What "mail"): the wait is the one after the last code
	// mail of the same purpose (ResendCooldown), not the hourly limit.
	Cooldown bool
}

func (e *RateLimitError) Error() string {
	if e.Until.IsZero() {
		return fmt.Sprintf("%s blocked until the helpdesk unlocks it", e.What)
	}
	return fmt.Sprintf("%s limited until %s", e.What, e.Until.Format(time.RFC3339))
}

// PolicyError: the password breaks the policy; Result says which rules.
type PolicyError struct{ Result PolicyResult }

func (e *PolicyError) Error() string { return "password refused by the policy" }

// InvalidEmailError: an address people typed is not one, or not one that
// can go everywhere addresses go (ParseEmail). Reason "character" names the
// first character refused, in Char.
type InvalidEmailError struct {
	Reason string
	Char   rune
}

func (e *InvalidEmailError) Error() string {
	if e.Reason == "character" {
		return fmt.Sprintf("invalid address: character %q not accepted", e.Char)
	}
	return "invalid address: " + e.Reason
}

// EarlierCodeError: the code typed is one of this person's earlier codes
// for the purpose, not the one in force: said for what it is, never
// counted as a wrong try. Latest is the mail of the code in force (zero
// when none went out).
type EarlierCodeError struct {
	Why          string    // EarlierExpired, EarlierReplaced, EarlierUsed, EarlierRevoked
	Ended        time.Time // when it stopped working
	LatestSentAt time.Time // when the code in force was mailed
	LatestTarget string    // where, masked
}

// Why an earlier code no longer works.
const (
	EarlierExpired  = "expired"  // its 24 h ran out (a newer code was sent since)
	EarlierReplaced = "replaced" // a newer code replaced it while it was still valid
	EarlierUsed     = "used"     // it was used
	EarlierRevoked  = "revoked"  // 5 wrong entries, or its address was corrected
)

func (e *EarlierCodeError) Error() string { return "code from an earlier mail (" + e.Why + ")" }

// Is keeps the older answers true: an earlier code no longer works
// (ErrCodeUsed), and one replaced by a newer mail is ErrCodeReplaced.
func (e *EarlierCodeError) Is(target error) bool {
	return target == ErrCodeUsed || (target == ErrCodeReplaced && e.Why == EarlierReplaced)
}
