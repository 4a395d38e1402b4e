package data

import "fmt"

// SMTPConfigError is a refusal of ParseSMTP: which option (Field), what is
// wrong with it (Problem) and the part of it at fault (Value, never the
// password). The command line says it in French from these fields; Error
// is the English for logs and tests.
type SMTPConfigError struct {
	Field   string // "--smtp" or "--from"
	Problem SMTPProblem
	Value   string // the scheme, port, option, starttls= value or --from given; "" when none applies
}

// SMTPProblem names what is wrong in an --smtp URL or a --from address.
type SMTPProblem string

const (
	SMTPNotURL           SMTPProblem = "not a URL"
	SMTPScheme           SMTPProblem = "scheme"
	SMTPNoHost           SMTPProblem = "no host"
	SMTPPasswordNoUser   SMTPProblem = "password without user"
	SMTPPort             SMTPProblem = "port"
	SMTPTrailing         SMTPProblem = "trailing"
	SMTPUnknownOption    SMTPProblem = "unknown option"
	SMTPStartTLSImplicit SMTPProblem = "starttls with smtps"
	SMTPStartTLSValue    SMTPProblem = "starttls value"
	SMTPFromAddress      SMTPProblem = "from address"
)

// SMTPProblems lists every problem ParseSMTP can give, for the tests that
// check each has its sentence.
var SMTPProblems = []SMTPProblem{SMTPNotURL, SMTPScheme, SMTPNoHost, SMTPPasswordNoUser, SMTPPort, SMTPTrailing,
	SMTPUnknownOption, SMTPStartTLSImplicit, SMTPStartTLSValue, SMTPFromAddress}

// HasValue says whether the problem names a value (Value, even empty).
func (p SMTPProblem) HasValue() bool {
	switch p {
	case SMTPScheme, SMTPPort, SMTPUnknownOption, SMTPStartTLSValue, SMTPFromAddress:
		return true
	}
	return false
}

func (e *SMTPConfigError) Error() string {
	switch e.Problem {
	case SMTPNotURL:
		return "--smtp: not a URL (smtp://user:pass@host:587 or smtps://host:465; %-encode special characters)"
	case SMTPScheme:
		return fmt.Sprintf("--smtp: scheme %q: smtp:// or smtps://", e.Value)
	case SMTPNoHost:
		return "--smtp: no host (smtp://host:587)"
	case SMTPPasswordNoUser:
		return "--smtp: a password without a user name"
	case SMTPPort:
		return fmt.Sprintf("--smtp: port %q", e.Value)
	case SMTPTrailing:
		return "--smtp: nothing may follow the host and port but ?starttls="
	case SMTPUnknownOption:
		return fmt.Sprintf("--smtp: unknown option %q (only starttls=opportunistic|required|off)", e.Value)
	case SMTPStartTLSImplicit:
		return "--smtp: starttls= does not apply to smtps:// (TLS from the start)"
	case SMTPStartTLSValue:
		return fmt.Sprintf("--smtp: starttls=%q: opportunistic, required or off", e.Value)
	case SMTPFromAddress:
		return fmt.Sprintf("--from %q: not an address (Name <address@domain>)", e.Value)
	}
	return fmt.Sprintf("%s: %s %q", e.Field, e.Problem, e.Value)
}

// smtpURLError is a refusal of the --smtp URL.
func smtpURLError(p SMTPProblem, value string) error {
	return &SMTPConfigError{Field: "--smtp", Problem: p, Value: value}
}
