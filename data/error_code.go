package data

import "errors"

// Code names an error meant for people (the wtf / upspin style): screens
// turn each code into words with one table (screens/errors.go), and
// anything without a code is an internal error, logged and shown as "try
// again later". The sentinels below are *Error values, so errors.Is
// against them works as before; the typed errors carrying more (a time, a
// count, a reason) give their code through an ErrorCode method.
type Code string

const (
	CodeInternal             Code = "internal"
	CodeCredentials          Code = "credentials"
	CodeLoginClosed          Code = "login_closed"
	CodeBusy                 Code = "busy"
	CodeNoMatch              Code = "no_match"
	CodeAlreadyActive        Code = "already_active"
	CodeCodeWrong            Code = "code_wrong" // CodeWrongError
	CodeCodeExpired          Code = "code_expired"
	CodeCodeUsed             Code = "code_used"
	CodeCodeReplaced         Code = "code_replaced"
	CodeCodeEarlier          Code = "code_earlier" // EarlierCodeError
	CodeBadToken             Code = "bad_token"
	CodeWrongPassword        Code = "wrong_password"
	CodeSamePassword         Code = "same_password"
	CodeNotHelpdesk          Code = "not_helpdesk"
	CodeUnknownIdentifiant   Code = "unknown_identifiant"
	CodeCharterNotAccepted   Code = "charter_not_accepted"
	CodeSameAddress          Code = "same_address"
	CodeOwnAddress           Code = "own_address"
	CodeRecoveryUniversity   Code = "recovery_university"
	CodeRedirectUniversity   Code = "redirect_university"
	CodeDirectoryUnavailable Code = "directory_unavailable"
	CodeNotInDirectory       Code = "not_in_directory"
	CodeDirectoryPolicy      Code = "directory_policy" // DirectoryPolicyError
	CodeTooEarly             Code = "too_early"        // TooEarlyError
	CodeRightsEnded          Code = "rights_ended"     // RightsEndedError
	CodeRateLimit            Code = "rate_limit"       // RateLimitError
	CodePolicy               Code = "policy"           // PolicyError
	CodeInvalidEmail         Code = "invalid_email"    // InvalidEmailError
)

// Codes the helpdesk console says to its agents (screens/helpdesk_format.go);
// elsewhere they are internal errors.
const (
	CodeNotActive          Code = "not_active"
	CodeIdentityNotChecked Code = "identity_not_checked"
	CodeNotFound           Code = "not_found"
)

// HelpdeskCodes lists the console's codes, for its test.
var HelpdeskCodes = []Code{CodeNotActive, CodeIdentityNotChecked, CodeNotFound}

// Codes lists every code meant for people, for the test that each has
// words in both languages.
var Codes = []Code{CodeCredentials, CodeLoginClosed, CodeBusy, CodeNoMatch, CodeAlreadyActive, CodeCodeWrong,
	CodeCodeExpired, CodeCodeUsed, CodeCodeReplaced, CodeCodeEarlier, CodeBadToken, CodeWrongPassword,
	CodeSamePassword, CodeNotHelpdesk, CodeUnknownIdentifiant, CodeCharterNotAccepted, CodeSameAddress,
	CodeOwnAddress, CodeRecoveryUniversity, CodeRedirectUniversity, CodeDirectoryUnavailable, CodeNotInDirectory,
	CodeDirectoryPolicy, CodeTooEarly, CodeRightsEnded, CodeRateLimit, CodePolicy, CodeInvalidEmail}

// Error is an error meant for people: Code says which; Op, when set, is
// the operation that gave it; Msg the English for logs; Err the cause
// (errors.Is and errors.As see through it).
type Error struct {
	Code Code
	Op   string
	Msg  string
	Err  error
}

func (e *Error) Error() string {
	s := e.Msg
	if s == "" && e.Err != nil {
		s = e.Err.Error()
	}
	if e.Op != "" {
		s = e.Op + ": " + s
	}
	return s
}

func (e *Error) Unwrap() error            { return e.Err }
func (e *Error) ErrorCode() Code          { return e.Code }
func codedError(c Code, msg string) error { return &Error{Code: c, Msg: msg} }

// ErrorCode is the code of err: that of the first error in its chain that
// has one, CodeInternal when none has (nil too: no error is no word).
func ErrorCode(err error) Code {
	var coded interface{ ErrorCode() Code }
	if errors.As(err, &coded) {
		return coded.ErrorCode()
	}
	return CodeInternal
}

func (e *TooEarlyError) ErrorCode() Code        { return CodeTooEarly }
func (e *RightsEndedError) ErrorCode() Code     { return CodeRightsEnded }
func (e *CodeWrongError) ErrorCode() Code       { return CodeCodeWrong }
func (e *RateLimitError) ErrorCode() Code       { return CodeRateLimit }
func (e *PolicyError) ErrorCode() Code          { return CodePolicy }
func (e *InvalidEmailError) ErrorCode() Code    { return CodeInvalidEmail }
func (e *EarlierCodeError) ErrorCode() Code     { return CodeCodeEarlier }
func (e *DirectoryPolicyError) ErrorCode() Code { return CodeDirectoryPolicy }
