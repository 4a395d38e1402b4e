package screens

import (
	"errors"

	"entkiosk/data"
	"entkiosk/data/directory"
)

// ErrorText says an error from the store in the session's language, from
// its code (data.ErrorCode) through errorWords. Errors that are not meant
// for people become "try again", and are logged by the caller. Every
// "possible à / réessayez à" time is rounded up to the minute
// (FormatFromTime): never a time at which it is still refused.
func (c *Common) ErrorText(err error) string {
	if err == nil {
		return ""
	}
	if words := errorWords[data.ErrorCode(err)]; words != nil {
		return words(c, err)
	}
	return c.T("error.internal")
}

// logInternal logs err under what when it is not one meant for people.
func (c *Common) logInternal(what string, err error) {
	if Internal(err) && c.Log != nil {
		c.Log.Error(what, "err", err)
	}
}

// Internal says whether an error is not one meant for people (it shows as
// "try again" and should be logged): it has no words in errorWords.
func Internal(err error) bool {
	return err != nil && errorWords[data.ErrorCode(err)] == nil
}

// sayKey says a code in fixed words.
func sayKey(k string) func(*Common, error) string {
	return func(c *Common, _ error) string { return c.T(k) }
}

// errorAs is the error of type *T in err's chain (its code says there is
// one); a zero one if not, so that a code given without its type says
// its general words rather than panic.
func errorAs[T any, P interface {
	*T
	error
}](err error) P {
	var e P
	if errors.As(err, &e) && e != nil {
		return e
	}
	return new(T)
}

// errorWords is the one table from an error's code to its words: a code
// missing here is an internal error (TestEveryErrorCodeHasWords).
var errorWords = map[data.Code]func(c *Common, err error) string{
	data.CodeCredentials: sayKey("error.credentials"),
	data.CodeLoginClosed: sayKey("error.login.closed"),
	data.CodeRightsEnded: func(c *Common, err error) string {
		if ended := errorAs[data.RightsEndedError](err); !ended.End.IsZero() {
			return c.Tf("error.rights.ended", c.FormatDate(ended.End))
		}
		return c.T("error.rights.none")
	},
	data.CodeBusy:               sayKey("error.busy"),
	data.CodeRateLimit:          (*Common).rateLimitText,
	data.CodeNoMatch:            sayKey("error.nomatch"),
	data.CodeUnknownIdentifiant: sayKey("error.identifiant.unknown"),
	data.CodeCodeWrong: func(c *Common, err error) string {
		if wrong := errorAs[data.CodeWrongError](err); wrong.Remaining > 0 {
			return c.Nf("error.code.wrong", wrong.Remaining)
		}
		return c.T("error.code.revoked")
	},
	data.CodeCodeEarlier: func(c *Common, err error) string {
		return c.earlierCodeText(errorAs[data.EarlierCodeError](err))
	},
	data.CodeCodeExpired:  sayKey("error.code.expired"),
	data.CodeCodeReplaced: sayKey("error.code.replaced"),
	data.CodeCodeUsed:     sayKey("error.code.used"),
	data.CodeBadToken:     sayKey("error.token"),
	data.CodeTooEarly: func(c *Common, err error) string {
		early := errorAs[data.TooEarlyError](err)
		return c.Tf("activation.tooearly", c.FormatFromTime(early.AllowedFrom), c.MinutesUntilFrom(early.AllowedFrom))
	},
	data.CodeAlreadyActive: sayKey("error.active"),
	data.CodeInvalidEmail: func(c *Common, err error) string {
		if email := errorAs[data.InvalidEmailError](err); email.Reason == "character" {
			return c.Tf("error.email.char", email.Char)
		}
		return c.T("error.email")
	},
	data.CodeSameAddress:        sayKey("error.email.same"),
	data.CodeOwnAddress:         sayKey("error.email.own"),
	data.CodeRecoveryUniversity: sayKey("error.email.recovery.university"),
	data.CodeRedirectUniversity: sayKey("error.email.redirect.university"),
	data.CodeWrongPassword:      sayKey("error.password.current"),
	data.CodeSamePassword:       sayKey("error.password.same"), // it comes with a policy error, after it in the chain
	data.CodeDirectoryPolicy: func(c *Common, err error) string {
		p := errorAs[data.DirectoryPolicyError](err)
		if p.Reason == directory.PolicyTooShort && p.MinLength > 0 {
			return c.Tf("error.directory.policy.short.min", p.MinLength)
		}
		return c.T(directoryPolicyKey(p.Reason))
	},
	data.CodeDirectoryUnavailable: sayKey("error.directory.unavailable"),
	data.CodeNotInDirectory:       sayKey("error.directory.missing"),
	data.CodePolicy:               sayKey("password.refused"),
	data.CodeCharterNotAccepted:   sayKey("error.charter"),
	data.CodeNotHelpdesk:          sayKey("error.nothelpdesk"),
}

// rateLimitText says until when too many tries or mails are refused.
func (c *Common) rateLimitText(err error) string {
	limit := errorAs[data.RateLimitError](err)
	switch {
	case limit.Until.IsZero():
		return c.T("error.limit.disabled")
	case limit.What == "mail" && limit.Until.Sub(c.Now()) > data.ResendCooldown:
		// Longer than the wait after a mail: the hourly limit, not a code just sent.
		return c.Nf("error.limit.mail.hourly", data.MailsPerHour, c.FormatFromTime(limit.Until))
	case limit.What == "mail":
		return c.Tf("error.limit.mail", c.FormatFromTime(limit.Until))
	case limit.What == "lookup":
		return c.Tf("error.limit.lookup", c.FormatFromDateTime(limit.Until))
	}
	return c.Tf("error.limit.client", c.FormatFromTime(limit.Until))
}

// directoryPolicyKey says a refusal of the directory's password policy in
// the person's words: the rule, never the LDAP error.
func directoryPolicyKey(r directory.PolicyReason) string {
	switch r {
	case directory.PolicyTooShort:
		return "error.directory.policy.short"
	case directory.PolicyInHistory:
		return "error.directory.policy.history"
	case directory.PolicyTooYoung:
		return "error.directory.policy.young"
	}
	return "error.directory.policy.other"
}

// earlierCodeText says what a code from an earlier mail is, and which mail
// holds the code that works (12.1: the first mail, read too late).
func (c *Common) earlierCodeText(e *data.EarlierCodeError) string {
	switch e.Why {
	case data.EarlierExpired:
		if e.LatestSentAt.IsZero() {
			return c.Tf("error.code.earlier.expired.none", c.FormatDeadline(e.Ended))
		}
		return c.Tf("error.code.earlier.expired", c.FormatDeadline(e.Ended), c.FormatTime(e.LatestSentAt),
			Clean(e.LatestTarget))
	case data.EarlierReplaced:
		return c.Tf("error.code.earlier.replaced", c.FormatTime(e.LatestSentAt), Clean(e.LatestTarget))
	case data.EarlierUsed:
		return c.Tf("error.code.earlier.used", c.FormatDateTime(e.Ended))
	}
	return c.T("error.code.earlier.revoked")
}
