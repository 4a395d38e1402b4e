package en

// codeentry: the code entry (CodeEntry, shared by every flow that mails a code) and the flows' shared words.
var codeentry = map[string]string{
	// code entry (CodeEntry, shared by every flow that mails a code)
	"code.sent":                   "A code was sent to %s.",
	"code.expires":                "The code is valid until %s.",
	"code.demo":                   "Demo: the mail is in the demo mailbox (F4).",
	"code.label":                  "Code from the mail (8 digits)",
	"code.hint":                   "Only digits count: spaces are ignored.",
	"code.submit":                 "Check the code",
	"code.resend":                 "Send the code again",
	"code.resend.at":              "Send the code again: possible at %s",
	"code.resend.at.hourly.one":   "Send the code again: possible at %[2]s (%[1]d code an hour at most)",
	"code.resend.at.hourly.other": "Send the code again: possible at %[2]s (%[1]d codes an hour at most)",
	"code.new":                    "Get a new code",
	"code.new.at":                 "Get a new code: possible at %s",
	"code.new.at.hourly.one":      "Get a new code: possible at %[2]s (%[1]d code an hour at most)",
	"code.new.at.hourly.other":    "Get a new code: possible at %[2]s (%[1]d codes an hour at most)",
	"code.resent":                 "A new code was sent; the previous one no longer works.",
	"code.short.one":              "The code has %[2]d digits (%[1]d typed).",
	"code.short.other":            "The code has %[2]d digits (%[1]d typed).",

	// flows (shared by activation, lost password and the code entry)
	"flow.account": "Account: %s",
	"flow.notyet":  "Not yet: possible from %s (in %d min).",
}
