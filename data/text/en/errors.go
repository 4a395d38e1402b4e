package en

// errors: errors from the store and the flows, by code (error.<code>).
var errors = map[string]string{
	// errors from the store
	"error.credentials":               "Wrong identifiant or password.",
	"error.rights.ended":              "Your access to the digital resources ended on %s.",
	"error.rights.none":               "No valid registration: access to the digital resources is not open.",
	"error.busy":                      "The service is very busy: try again in a few seconds.",
	"error.limit.disabled":            "Too many tries: this check is blocked. Contact the helpdesk.",
	"error.limit.mail":                "A code was just sent. You can ask for another at %s.",
	"error.limit.lookup":              "Too many tries for this student number. Try again on %s.",
	"error.limit.client":              "Too many attempts from this terminal. Try again at %s.",
	"error.nomatch":                   "No registration matches this student number and birth date.",
	"error.code.wrong.one":            "Wrong code. %d try left.",
	"error.code.wrong.other":          "Wrong code. %d tries left.",
	"error.code.revoked":              "Wrong code. This code no longer works: ask for a new one.",
	"error.code.expired":              "This code has expired (24 h). Ask for a new one.",
	"error.code.replaced":             "This code was replaced by a newer one: type the code from the latest mail.",
	"error.code.used":                 "This code no longer works (already used, or replaced by a newer one). Ask for a new one.",
	"error.token":                     "This link is not valid. Use the code from the mail, or ask for a new one.",
	"error.active":                    "This account is already activated.",
	"error.email":                     "This mail address is not valid.",
	"error.email.same":                "This is already the address on record.",
	"error.email.own":                 "Your mailbox cannot be redirected to itself.",
	"error.email.recovery.university": "The recovery address must be a personal address, not a university one.",
	"error.email.redirect.university": "Mail cannot be redirected to another university mailbox: give an address outside the university.",
	"error.password.same":             "The new password must differ from the current one.",
	"error.password.current":          "Current password incorrect.",
	"error.charter":                   "You must accept the charter to activate your account.",
	"error.nothelpdesk":               "This function is not available.",
	"error.internal":                  "Something went wrong. Try again; if it persists, contact the helpdesk.",
	// errors of the flows (activation, codes)
	"error.identifiant.unknown":       "No account to activate with this identifiant.",
	"error.limit.mail.hourly.one":     "%d code an hour at most: next one possible at %s.",
	"error.limit.mail.hourly.other":   "%d codes an hour at most: next one possible at %s.",
	"error.code.earlier.expired":      "This code is from an earlier mail, which expired (it was valid until %s). A new mail left at %s for %s: type the code it holds.",
	"error.code.earlier.expired.none": "This code is from an earlier mail, which expired (it was valid until %s). Ask for a new code.",
	"error.code.earlier.replaced":     "This code is from an earlier mail, replaced by the one that left at %s for %s: type the code of the latest mail.",
	"error.code.earlier.used":         "This code was already used (%s): it no longer works.",
	"error.code.earlier.revoked":      "This code is from an earlier mail and no longer works: type the code of the latest mail.",
	"error.login.closed":              "Too many failures: login closed. Use “Login problem”.",
	"error.email.char":                "The character “%c” is not accepted in a mail address: letters without accents, digits and . _ - + before the @; letters without accents, digits, . and - after it.",

	// directory (LDAP): what the campus directory refused, in the person's words
	"error.directory.unavailable":    "The university directory is not answering: nothing was changed. Please try again in a few minutes.",
	"error.directory.missing":        "Your account is not in the university directory yet: try again tomorrow or contact the helpdesk.",
	"error.directory.policy.short":   "The university directory refuses this password: it is too short. Choose a longer one.",
	"error.directory.policy.history": "You have already used this password: choose one you have never used.",
	"error.directory.policy.young":   "Your password was just changed: the directory does not accept another one so soon. Please try again later.",
	"error.directory.policy.other":   "The university directory refuses this password: choose another one, longer and more varied.",

	// fixes (tester's round): a login refused because the directory is down
	"error.directory.unavailable.login": "The university directory is not answering: you cannot log in for now. Please try again in a few minutes.",
	"error.directory.policy.short.min":  "The university directory refuses this password: it is too short (at least %d characters). Choose a longer one.",
}
