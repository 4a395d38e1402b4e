package en

// mailbox: the demo mailbox.
var mailbox = map[string]string{
	// mailbox (boîte mail de démonstration)
	"mailbox.title": "Demo mailbox",
	"mailbox.empty": "No mail yet. The codes the service sends arrive here (an activation code, 15 minutes after the registration is validated). Press r to refresh.",
	"mailbox.more":  "↓ more of this mail (PgDn)",
	"mailbox.end":   "— end of the mail —",

	// mailbox: a mail cancelled before it went (its code no longer works)
	"mailbox.cancelled.tag": "(cancelled) ",
	"mailbox.used.tag":      "(code used) ",
	"mailbox.used":          "This mail's code has been used: the mail no longer needs to be sent.",
	"mailbox.cancelled":     "Mail cancelled before it was sent: its code no longer works (a newer code was sent, or this one was already used or revoked).",
}
