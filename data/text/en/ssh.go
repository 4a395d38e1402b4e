package en

// ssh: the SSH server's words.
var ssh = map[string]string{
	// ssh
	"ssh.nopty":                    "An interactive terminal is required: connect with \"ssh -t\", without a command.",
	"ssh.exec":                     "This service runs no command: connect without one.",
	"ssh.subsystem":                "This service offers neither sftp nor scp.",
	"ssh.token.bad":                "This link is not valid: type the code from the mail.",
	"ssh.token.expired":            "This link has expired (24 h): ask for a new code below.",
	"ssh.token.expired.activation": "This link has expired (24 h): for a new code, choose \"First login\" below.",
	"ssh.token.expired.reset":      "This link has expired (24 h): for a new code, choose \"Login problem\" below.",
	"ssh.token.active":             "Your account is already activated: log in with your password.",
	"ssh.token.reset.used":         "This link was already used: log in with the password you chose then.",
	"ssh.token.used":               "This link was already used or replaced: use the latest mail.",
	"ssh.token.error":              "This link could not be opened: try again, or type the code from the mail.",
	"ssh.end.idle":                 "Session closed after a period of inactivity. Connect again to continue.",
	"ssh.end.maxtime":              "Session closed: maximum duration reached. Connect again to continue.",
	"ssh.end.shutdown":             "The service is restarting: session closed. Connect again in a moment.",
	"ssh.end.error":                "An internal error closed the session. Connect again; if it happens again, contact the helpdesk.",
}
