package screens

import (
	"errors"

	"entkiosk/data"
	"entkiosk/data/directory"
)

// ErrorText says an error from the store in the session's language. Errors
// that are not meant for people become "try again", and are logged by the
// caller. Every "possible à / réessayez à" time is rounded up to the minute
// (FormatFromTime): never a time at which it is still refused.
func (c *Common) ErrorText(err error) string {
	var (
		tooEarly *data.TooEarlyError
		ended    *data.RightsEndedError
		wrong    *data.CodeWrongError
		limit    *data.RateLimitError
		policy   *data.PolicyError
		email    *data.InvalidEmailError
		// the campus directory's password policy
		dirPolicy *data.DirectoryPolicyError
		earlier   *data.EarlierCodeError
	)
	switch {
	case err == nil:
		return ""
	case errors.Is(err, data.ErrInvalidCredentials):
		return c.T("error.credentials")
	case errors.Is(err, data.ErrPasswordLoginClosed):
		return c.T("error.login.closed")
	case errors.As(err, &ended):
		if ended.End.IsZero() {
			return c.T("error.rights.none")
		}
		return c.Tf("error.rights.ended", c.FormatDate(ended.End))
	case errors.Is(err, data.ErrBusy):
		return c.T("error.busy")
	case errors.As(err, &limit):
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
		default:
			return c.Tf("error.limit.client", c.FormatFromTime(limit.Until))
		}
	case errors.Is(err, data.ErrNoMatch):
		return c.T("error.nomatch")
	case errors.Is(err, data.ErrUnknownIdentifiant):
		return c.T("error.identifiant.unknown")
	case errors.As(err, &wrong):
		if wrong.Remaining <= 0 {
			return c.T("error.code.revoked")
		}
		return c.Nf("error.code.wrong", wrong.Remaining)
	case errors.As(err, &earlier):
		return c.earlierCodeText(earlier)
	case errors.Is(err, data.ErrCodeExpired):
		return c.T("error.code.expired")
	case errors.Is(err, data.ErrCodeReplaced):
		return c.T("error.code.replaced")
	case errors.Is(err, data.ErrCodeUsed):
		return c.T("error.code.used")
	case errors.Is(err, data.ErrBadToken):
		return c.T("error.token")
	case errors.As(err, &tooEarly):
		return c.Tf("activation.tooearly", c.FormatFromTime(tooEarly.AllowedFrom), c.MinutesUntilFrom(tooEarly.AllowedFrom))
	case errors.Is(err, data.ErrAlreadyActive):
		return c.T("error.active")
	case errors.As(err, &email) && email.Reason == "character":
		return c.Tf("error.email.char", email.Char)
	case errors.As(err, &email):
		return c.T("error.email")
	case errors.Is(err, data.ErrSameAddress):
		return c.T("error.email.same")
	case errors.Is(err, data.ErrOwnAddress):
		return c.T("error.email.own")
	case errors.Is(err, data.ErrRecoveryUniversity):
		return c.T("error.email.recovery.university")
	case errors.Is(err, data.ErrRedirectUniversity):
		return c.T("error.email.redirect.university")
	case errors.Is(err, data.ErrWrongPassword):
		return c.T("error.password.current")
	case errors.Is(err, data.ErrSamePassword): // before the policy: it comes with one
		return c.T("error.password.same")
	case errors.As(err, &dirPolicy): // before the policy: it unwraps to one
		return c.T(directoryPolicyKey(dirPolicy.Reason))
	case errors.Is(err, data.ErrDirectoryUnavailable):
		return c.T("error.directory.unavailable")
	case errors.Is(err, data.ErrNotInDirectory):
		return c.T("error.directory.missing")
	case errors.As(err, &policy):
		return c.T("password.refused")
	case errors.Is(err, data.ErrCharterNotAccepted):
		return c.T("error.charter")
	case errors.Is(err, data.ErrNotHelpdesk):
		return c.T("error.nothelpdesk")
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
// "try again" and should be logged).
func Internal(err error) bool {
	if err == nil {
		return false
	}
	for _, known := range []error{data.ErrInvalidCredentials, data.ErrPasswordLoginClosed, data.ErrBusy, data.ErrNoMatch, data.ErrCodeWrong,
		data.ErrCodeExpired, data.ErrCodeUsed, data.ErrBadToken, data.ErrAlreadyActive, data.ErrUnknownIdentifiant,
		data.ErrSameAddress, data.ErrOwnAddress, data.ErrRecoveryUniversity, data.ErrRedirectUniversity,
		data.ErrWrongPassword, data.ErrSamePassword, data.ErrCharterNotAccepted, data.ErrNotHelpdesk,
		data.ErrDirectoryUnavailable, data.ErrNotInDirectory} {
		if errors.Is(err, known) {
			return false
		}
	}
	var (
		tooEarly *data.TooEarlyError
		ended    *data.RightsEndedError
		limit    *data.RateLimitError
		policy   *data.PolicyError
		email    *data.InvalidEmailError
	)
	return !errors.As(err, &tooEarly) && !errors.As(err, &ended) && !errors.As(err, &limit) &&
		!errors.As(err, &policy) && !errors.As(err, &email)
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
