package data

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// An audit line's detail is a kind and its arguments, stored in the
// columns kind and args (JSON) since migration 0013: the console and the
// command line say it from them, never by reading a sentence back. Lines
// written before keep their English sentence in detail; legacyDetail reads
// those once, here, into the same kind and arguments. Text gives the
// English sentence of either (what `entkiosk audit --json` calls detail).

// DetailKind names the shape of an audit line's detail.
type DetailKind string

const (
	DetailPurpose             DetailKind = "purpose"               // Purpose
	DetailCodeSent            DetailKind = "code_sent"             // Purpose, To
	DetailCodeErrors          DetailKind = "code_errors"           // Purpose, Failures of Max
	DetailNoCode              DetailKind = "no_code"               // Purpose, RightsEnd (zero: account active), Notice
	DetailNewRegistration     DetailKind = "new_registration"      // Registration, ImportMail
	DetailAccountCreated      DetailKind = "account_created"       // Validated, ImportMail
	DetailCharter             DetailKind = "charter"               // Version
	DetailActivation          DetailKind = "activation"            // To: the redirection ("" none)
	DetailRedirection         DetailKind = "redirection"           // To, KeepCopy
	DetailRedirectionRemoved  DetailKind = "redirection_removed"   //
	DetailRecoveryChange      DetailKind = "recovery_change"       // From, To
	DetailHelpdeskTry         DetailKind = "helpdesk_try"          // Action (refused)
	DetailHelpdeskUnlock      DetailKind = "helpdesk_unlock"       // Login, Lookup
	DetailNothingLocked       DetailKind = "nothing_locked"        //
	DetailHelpdeskCodeSent    DetailKind = "helpdesk_code_sent"    // Purpose, To
	DetailRecoveryCorrected   DetailKind = "recovery_corrected"    // NumberChecked, From, To
	DetailUnlocked            DetailKind = "unlocked"              // Login, Lookup
	DetailLoginLockLifted     DetailKind = "login_lock_lifted"     // by a new password
	DetailLoginReopened       DetailKind = "login_reopened"        // by a new password
	DetailRole                DetailKind = "role"                  // Role
	DetailNumber              DetailKind = "number"                // Number
	DetailLoginLock           DetailKind = "login_lock"            // Seconds, Why
	DetailLoginClosed         DetailKind = "login_closed"          // Failures
	DetailClientBlocked       DetailKind = "client_blocked"        // Seconds
	DetailLookupClientBlocked DetailKind = "lookup_client_blocked" // Seconds
	DetailLookupOff           DetailKind = "lookup_off"            // Number
	DetailLookupLocked        DetailKind = "lookup_locked"         // Number, Until
	DetailLookupPairLocked    DetailKind = "lookup_pair_locked"    // Number, Until (from one client)
)

// DetailKinds lists every kind, for the tests.
var DetailKinds = []DetailKind{DetailPurpose, DetailCodeSent, DetailCodeErrors, DetailNoCode, DetailNewRegistration,
	DetailAccountCreated, DetailCharter, DetailActivation, DetailRedirection, DetailRedirectionRemoved,
	DetailRecoveryChange, DetailHelpdeskTry, DetailHelpdeskUnlock, DetailNothingLocked, DetailHelpdeskCodeSent,
	DetailRecoveryCorrected, DetailUnlocked, DetailLoginLockLifted, DetailLoginReopened, DetailRole, DetailNumber,
	DetailLoginLock, DetailLoginClosed, DetailClientBlocked, DetailLookupClientBlocked, DetailLookupOff,
	DetailLookupLocked, DetailLookupPairLocked}

// DetailArgs are a detail's arguments; each kind sets the fields named
// beside it above, through its constructor (so that no caller spells a
// key). Addresses are masked; no secret is ever one of them.
type DetailArgs struct {
	Purpose       Purpose     `json:"purpose,omitempty"`
	To            string      `json:"to,omitempty"`
	From          string      `json:"from,omitempty"`
	Notice        string      `json:"notice,omitempty"` // where a notice went instead of a code
	Failures      int         `json:"failures,omitempty"`
	Max           int         `json:"max,omitempty"`
	Seconds       int         `json:"seconds,omitempty"`
	Why           string      `json:"why,omitempty"` // a login lock's cause: "failures", "automation"
	Number        string      `json:"number,omitempty"`
	Until         time.Time   `json:"until,omitzero"`
	RightsEnd     time.Time   `json:"rights_end,omitzero"` // a local date
	Version       string      `json:"version,omitempty"`
	KeepCopy      bool        `json:"keep_copy,omitempty"`
	Login         bool        `json:"login,omitempty"`
	Lookup        bool        `json:"lookup,omitempty"`
	Action        string      `json:"action,omitempty"` // HelpdeskTry*
	NumberChecked bool        `json:"number_checked,omitempty"`
	Role          string      `json:"role,omitempty"`
	Registration  string      `json:"registration,omitempty"` // "2025-2026 ABC123"
	Validated     time.Time   `json:"validated,omitzero"`
	Mail          *ImportMail `json:"mail,omitempty"`
}

// ImportMail is what an import did about the activation mail: queued to
// To, due from Due (an instant); or none, the rights having ended on
// RightsEnd (a local date).
type ImportMail struct {
	To        string    `json:"to,omitempty"`
	Due       time.Time `json:"due,omitzero"`
	RightsEnd time.Time `json:"rights_end,omitzero"`
}

// AuditDetail is an audit line's detail: its kind and arguments. The zero
// value is no detail (or, read from an old line, one of no known shape:
// AuditEntry.Detail then holds it as written).
type AuditDetail struct {
	Kind DetailKind `json:"kind"`
	Args DetailArgs `json:"args"`
}

// What an agent tried, in a refused HELPDESK_ACTION (DetailHelpdeskTry).
const (
	HelpdeskTryConsole    = "open console"
	HelpdeskTryView       = "view card"
	HelpdeskTryActivation = "send activation code"
	HelpdeskTryReset      = "send reset code"
	HelpdeskTryUnlock     = "unlock"
	HelpdeskTryRecovery   = "correct recovery mail"
)

// Why a login was locked (DetailLoginLock).
const (
	LockWhyFailures   = "failures"
	LockWhyAutomation = "automation"
)

func detailOf(k DetailKind, a DetailArgs) AuditDetail { return AuditDetail{Kind: k, Args: a} }

// The constructors, one per kind.

func PurposeDetail(p Purpose) AuditDetail { return detailOf(DetailPurpose, DetailArgs{Purpose: p}) }
func CodeSentDetail(p Purpose, to string) AuditDetail {
	return detailOf(DetailCodeSent, DetailArgs{Purpose: p, To: to})
}
func CodeErrorsDetail(p Purpose, failures, max int) AuditDetail {
	return detailOf(DetailCodeErrors, DetailArgs{Purpose: p, Failures: failures, Max: max})
}

// NoCodeDetail: a code asked for and not sent, the rights having ended on
// rightsEnd (zero: the account is active), a notice sent instead to notice
// ("" none).
func NoCodeDetail(p Purpose, rightsEnd time.Time, notice string) AuditDetail {
	return detailOf(DetailNoCode, DetailArgs{Purpose: p, RightsEnd: rightsEnd, Notice: notice})
}
func NewRegistrationDetail(registration string, mail ImportMail) AuditDetail {
	return detailOf(DetailNewRegistration, DetailArgs{Registration: registration, Mail: mail.utc()})
}
func AccountCreatedDetail(validated time.Time, mail ImportMail) AuditDetail {
	return detailOf(DetailAccountCreated, DetailArgs{Validated: validated.UTC(), Mail: mail.utc()})
}

// utc: instants are kept in UTC (the end of rights is a local date).
func (m ImportMail) utc() *ImportMail {
	if !m.Due.IsZero() {
		m.Due = m.Due.UTC()
	}
	return &m
}
func CharterDetail(version string) AuditDetail {
	return detailOf(DetailCharter, DetailArgs{Version: version})
}

// ActivationDetail: an activation, with its redirection to redirect ("" none).
func ActivationDetail(redirect string) AuditDetail {
	return detailOf(DetailActivation, DetailArgs{To: redirect})
}
func RedirectionDetail(to string, keepCopy bool) AuditDetail {
	return detailOf(DetailRedirection, DetailArgs{To: to, KeepCopy: keepCopy})
}
func RedirectionRemovedDetail() AuditDetail { return detailOf(DetailRedirectionRemoved, DetailArgs{}) }
func RecoveryChangeDetail(from, to string) AuditDetail {
	return detailOf(DetailRecoveryChange, DetailArgs{From: from, To: to})
}
func HelpdeskTryDetail(action string) AuditDetail {
	return detailOf(DetailHelpdeskTry, DetailArgs{Action: action})
}
func HelpdeskUnlockDetail(login, lookup bool) AuditDetail {
	return detailOf(DetailHelpdeskUnlock, DetailArgs{Login: login, Lookup: lookup})
}
func NothingLockedDetail() AuditDetail { return detailOf(DetailNothingLocked, DetailArgs{}) }
func HelpdeskCodeSentDetail(p Purpose, to string) AuditDetail {
	return detailOf(DetailHelpdeskCodeSent, DetailArgs{Purpose: p, To: to})
}
func RecoveryCorrectedDetail(numberChecked bool, from, to string) AuditDetail {
	return detailOf(DetailRecoveryCorrected, DetailArgs{NumberChecked: numberChecked, From: from, To: to})
}
func UnlockedDetail(login, lookup bool) AuditDetail {
	return detailOf(DetailUnlocked, DetailArgs{Login: login, Lookup: lookup})
}
func LoginLockLiftedDetail() AuditDetail { return detailOf(DetailLoginLockLifted, DetailArgs{}) }
func LoginReopenedDetail() AuditDetail   { return detailOf(DetailLoginReopened, DetailArgs{}) }
func RoleDetail(role string) AuditDetail { return detailOf(DetailRole, DetailArgs{Role: role}) }
func NumberDetail(number string) AuditDetail {
	return detailOf(DetailNumber, DetailArgs{Number: number})
}
func LoginLockDetail(d time.Duration, why string) AuditDetail {
	return detailOf(DetailLoginLock, DetailArgs{Seconds: int(d.Seconds()), Why: why})
}
func LoginClosedDetail(failures int) AuditDetail {
	return detailOf(DetailLoginClosed, DetailArgs{Failures: failures})
}
func ClientBlockedDetail(d time.Duration) AuditDetail {
	return detailOf(DetailClientBlocked, DetailArgs{Seconds: int(d.Seconds())})
}
func LookupClientBlockedDetail(d time.Duration) AuditDetail {
	return detailOf(DetailLookupClientBlocked, DetailArgs{Seconds: int(d.Seconds())})
}
func LookupOffDetail(number string) AuditDetail {
	return detailOf(DetailLookupOff, DetailArgs{Number: number})
}
func LookupLockedDetail(number string, until time.Time) AuditDetail {
	return detailOf(DetailLookupLocked, DetailArgs{Number: number, Until: until.UTC()})
}
func LookupPairLockedDetail(number string, until time.Time) AuditDetail {
	return detailOf(DetailLookupPairLocked, DetailArgs{Number: number, Until: until.UTC()})
}

// localMinute is how the import writes a local date and time.
const localMinute = "02/01/2006 15:04"

// Text is the detail as an English sentence, exactly as the store wrote
// it into detail before 0013 (loc: the university's time, for the
// import's local times).
func (d AuditDetail) Text(loc *time.Location) string {
	a := d.Args
	seconds := func() string { return strconv.Itoa(a.Seconds) + "s" }
	both := func() string {
		var lifted []string
		if a.Login {
			lifted = append(lifted, "login")
		}
		if a.Lookup {
			lifted = append(lifted, "IA lookup")
		}
		return strings.Join(lifted, " and ")
	}
	switch d.Kind {
	case DetailPurpose:
		return string(a.Purpose)
	case DetailCodeSent:
		return string(a.Purpose) + " to " + a.To
	case DetailCodeErrors:
		return string(a.Purpose) + ", " + strconv.Itoa(a.Failures) + "/" + strconv.Itoa(a.Max)
	case DetailNoCode:
		why := "account active"
		if !a.RightsEnd.IsZero() {
			why = "rights ended " + a.RightsEnd.Format(time.DateOnly)
		}
		s := string(a.Purpose) + ", no code: " + why
		if a.Notice != "" {
			s += ", notice to " + a.Notice
		}
		return s
	case DetailNewRegistration:
		return "new registration " + a.Registration + ", " + a.Mail.text(loc)
	case DetailAccountCreated:
		return "IA validated " + a.Validated.In(loc).Format(localMinute) + ", " + a.Mail.text(loc)
	case DetailCharter:
		return a.Version
	case DetailActivation:
		if a.To == "" {
			return "no redirection"
		}
		return "redirection to " + a.To
	case DetailRedirection:
		if a.KeepCopy {
			return "to " + a.To + ", copy kept"
		}
		return "to " + a.To
	case DetailRedirectionRemoved:
		return "removed"
	case DetailRecoveryChange:
		return a.From + " → " + a.To
	case DetailHelpdeskTry:
		return a.Action
	case DetailHelpdeskUnlock:
		return "unlock " + both()
	case DetailNothingLocked:
		return "unlock: nothing was locked"
	case DetailHelpdeskCodeSent:
		return string(a.Purpose) + " code sent to " + a.To
	case DetailRecoveryCorrected:
		checked := "birth date"
		if a.NumberChecked {
			checked = "student number and birth date"
		}
		return "recovery mail corrected (" + checked + " checked): " + a.From + " → " + a.To
	case DetailUnlocked:
		return both()
	case DetailLoginLockLifted:
		return "login lock lifted by a new password"
	case DetailLoginReopened:
		return "password login reopened by a new password"
	case DetailRole:
		return a.Role
	case DetailNumber:
		return "number " + a.Number
	case DetailLoginLock:
		return "login " + seconds() + ", " + a.Why
	case DetailLoginClosed:
		return "password login closed after " + strconv.Itoa(a.Failures) +
			" failures in a row, until a reset by code or the helpdesk"
	case DetailClientBlocked:
		return "client " + seconds()
	case DetailLookupClientBlocked:
		return "lookup client " + seconds()
	case DetailLookupOff:
		return "lookup " + a.Number + " disabled until the helpdesk unlocks it"
	case DetailLookupLocked:
		return "lookup " + a.Number + " until " + fmtTime(a.Until)
	case DetailLookupPairLocked:
		return "lookup " + a.Number + " from this client until " + fmtTime(a.Until)
	}
	return ""
}

func (m *ImportMail) text(loc *time.Location) string {
	switch {
	case m == nil:
		return ""
	case m.To == "":
		return "no activation mail: rights ended " + m.RightsEnd.Format("02/01/2006")
	}
	return "activation mail to " + m.To + " due " + m.Due.In(loc).Format(localMinute)
}

// argsJSON is the args column of d: "" (NULL) for no detail.
func (d AuditDetail) argsJSON() (string, error) {
	if d.Kind == "" {
		return "", nil
	}
	b, err := json.Marshal(d.Args)
	return string(b), err
}

// readDetail is the detail of a line as stored: its kind and args (lines
// written since 0013), or its sentence read once by legacyDetail.
func readDetail(event Event, kind, args, text string, loc *time.Location) (AuditDetail, string) {
	if kind == "" {
		return legacyDetail(event, text, loc), text
	}
	d := AuditDetail{Kind: DetailKind(kind)}
	if err := json.Unmarshal([]byte(args), &d.Args); err != nil {
		return AuditDetail{}, text // an args column edited by hand: the chain says so
	}
	return d, d.Text(loc)
}
