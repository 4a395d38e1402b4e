package directory

import (
	"errors"
	"fmt"
	"net"

	"github.com/go-ldap/ldap/v3"
)

// Kind is what went wrong, in terms a screen can say to a person.
type Kind uint8

const (
	// Unreachable: the directory did not answer (refused, timed out, went
	// away, busy). Nothing was changed; trying again later may work.
	Unreachable Kind = iota + 1
	// Misconfigured: the directory answered but refused entkiosk itself
	// (service account refused, StartTLS or the certificate refused). An
	// operator must act; for a person it is like Unreachable.
	Misconfigured
	// NotInDirectory: no entry for this identifiant under the base DN.
	NotInDirectory
	// InvalidCredentials: the person's password is wrong.
	InvalidCredentials
	// AccountLocked: the directory's password policy locked the account.
	AccountLocked
	// PolicyRefused: the directory's password policy refused the new
	// password; Error.Policy says why.
	PolicyRefused
	// Refused: the directory refused the operation for another reason
	// (access rights, schema, several entries for one identifiant);
	// Error.Code is the LDAP result code.
	Refused
)

var kindNames = map[Kind]string{
	Unreachable: "unreachable", Misconfigured: "misconfigured", NotInDirectory: "not in directory",
	InvalidCredentials: "invalid credentials", AccountLocked: "account locked",
	PolicyRefused: "refused by the password policy", Refused: "refused",
}

func (k Kind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// PolicyReason is the error of the password policy response control
// (draft-behera-ldap-password-policy, as OpenLDAP's ppolicy sends it).
type PolicyReason int8

const (
	PolicyPasswordExpired       PolicyReason = 0
	PolicyAccountLocked         PolicyReason = 1
	PolicyChangeAfterReset      PolicyReason = 2
	PolicyModNotAllowed         PolicyReason = 3
	PolicyMustSupplyOldPassword PolicyReason = 4
	PolicyInsufficientQuality   PolicyReason = 5
	PolicyTooShort              PolicyReason = 6
	PolicyTooYoung              PolicyReason = 7
	PolicyInHistory             PolicyReason = 8
	// PolicyUnknown: the directory refused the password (constraint
	// violation) without saying which rule.
	PolicyUnknown PolicyReason = -1
)

var policyNames = map[PolicyReason]string{
	PolicyPasswordExpired: "password expired", PolicyAccountLocked: "account locked",
	PolicyChangeAfterReset: "change after reset", PolicyModNotAllowed: "change not allowed",
	PolicyMustSupplyOldPassword: "old password required", PolicyInsufficientQuality: "insufficient quality",
	PolicyTooShort: "too short", PolicyTooYoung: "changed too recently", PolicyInHistory: "in history",
	PolicyUnknown: "unknown rule",
}

func (r PolicyReason) String() string {
	if s, ok := policyNames[r]; ok {
		return s
	}
	return fmt.Sprintf("PolicyReason(%d)", r)
}

// Error is every error this package returns about the directory. Its
// message is for logs and operators; screens use Kind and Policy.
type Error struct {
	Kind   Kind
	Op     string       // what was being done: "login", "set password", "find", ...
	Policy PolicyReason // when Kind is PolicyRefused
	Code   uint16       // the LDAP result code when the directory answered, else 0
	Err    error        // the cause, for logs
}

func (e *Error) Error() string {
	s := "directory " + e.Op + ": " + e.Kind.String()
	if e.Kind == PolicyRefused {
		s += " (" + e.Policy.String() + ")"
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Is lets errors.Is(err, directory.ErrUnreachable) and the like match on
// the kind alone.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Op == "" && t.Err == nil && t.Kind == e.Kind
}

// Targets for errors.Is.
var (
	ErrUnreachable        = &Error{Kind: Unreachable}
	ErrMisconfigured      = &Error{Kind: Misconfigured}
	ErrNotInDirectory     = &Error{Kind: NotInDirectory}
	ErrInvalidCredentials = &Error{Kind: InvalidCredentials}
	ErrAccountLocked      = &Error{Kind: AccountLocked}
	ErrPolicyRefused      = &Error{Kind: PolicyRefused}
	ErrRefused            = &Error{Kind: Refused}
)

// KindOf is the Kind of a directory error, 0 for nil or another error.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return 0
}

// PolicyOf is the password policy's reason of a PolicyRefused error.
func PolicyOf(err error) (PolicyReason, bool) {
	var e *Error
	if errors.As(err, &e) && e.Kind == PolicyRefused {
		return e.Policy, true
	}
	return 0, false
}

// classify turns what go-ldap returned into an *Error.
func classify(op string, err error) *Error {
	if err == nil {
		return nil
	}
	var de *Error
	if errors.As(err, &de) {
		return de
	}
	var le *ldap.Error
	if errors.As(err, &le) {
		e := &Error{Op: op, Code: le.ResultCode, Err: err}
		switch le.ResultCode {
		case ldap.ErrorNetwork, ldap.LDAPResultBusy, ldap.LDAPResultUnavailable, ldap.LDAPResultServerDown,
			ldap.LDAPResultTimeout, ldap.LDAPResultTimeLimitExceeded, ldap.LDAPResultConnectError, ldap.LDAPResultUnwillingToPerform:
			e.Kind = Unreachable
		case ldap.LDAPResultNoSuchObject:
			e.Kind = NotInDirectory
		case ldap.LDAPResultInvalidCredentials:
			e.Kind = InvalidCredentials
		default:
			e.Kind = Refused
		}
		if le.ResultCode >= ldap.ErrorNetwork {
			e.Code = 0 // a client-side code, not the directory's answer
		}
		return e
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return &Error{Kind: Unreachable, Op: op, Err: err}
	}
	return &Error{Kind: Unreachable, Op: op, Err: err}
}

// policyControl finds the password policy response control in what the
// directory answered, on success (a bind's result) or failure (an error's
// packet).
func policyControl(controls []ldap.Control, err error) *ldap.ControlBeheraPasswordPolicy {
	if c, ok := ldap.FindControl(controls, ldap.ControlTypeBeheraPasswordPolicy).(*ldap.ControlBeheraPasswordPolicy); ok {
		return c
	}
	var le *ldap.Error
	if !errors.As(err, &le) || le.Packet == nil || len(le.Packet.Children) < 3 {
		return nil
	}
	// LDAPMessage ::= SEQUENCE { messageID, protocolOp, controls [0] OPTIONAL }
	for _, child := range le.Packet.Children[2].Children {
		if c, derr := ldap.DecodeControl(child); derr == nil {
			if pp, ok := c.(*ldap.ControlBeheraPasswordPolicy); ok {
				return pp
			}
		}
	}
	return nil
}

// policyError is a typed refusal when the policy control carries an error.
func policyError(op string, pp *ldap.ControlBeheraPasswordPolicy, cause error) *Error {
	if pp == nil || pp.Error < 0 {
		return nil
	}
	code := uint16(0)
	var le *ldap.Error
	if errors.As(cause, &le) {
		code = le.ResultCode
	}
	if PolicyReason(pp.Error) == PolicyAccountLocked {
		return &Error{Kind: AccountLocked, Op: op, Policy: PolicyAccountLocked, Code: code, Err: cause}
	}
	return &Error{Kind: PolicyRefused, Op: op, Policy: PolicyReason(pp.Error), Code: code, Err: cause}
}
