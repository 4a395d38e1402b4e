package en

// web: the web page around the terminal.
var web = map[string]string{
	// web page (tui/webserver): the page around the terminal
	"web.title":          "ENT — IT account",
	"web.heading":        "ENT, IT account",
	"web.terminal":       "ENT terminal: use the keyboard, Tab moves from one field to the next",
	"web.noscript":       "This page needs JavaScript to show the interface.",
	"web.lost":           "Connection lost.",
	"web.reconnect":      "Reconnect",
	"web.failed":         "Cannot connect: the service may be busy or restarting.",
	"web.ended":          "Session ended.",
	"web.ended.idle":     "Session closed after a period of inactivity.",
	"web.ended.max_time": "Session closed: maximum duration reached.",
	"web.ended.shutdown": "The service is restarting: session closed. Reconnect in a moment.",
	"web.ended.error":    "An internal error closed the session. If it happens again, contact the helpdesk.",
	"web.newsession":     "New session",
	"web.help.remote":    "From home, on a computer or a phone, the same service opens in a browser at:\n  %s",
	"web.keys":           "Keys missing from the phone's keyboard",
	"web.small":          "Window too small: the interface needs at least %d × %d characters (here %d × %d). Turn the phone sideways or enlarge the window.",
}
