package en

// shell: the shell around every screen: title, idle, busy, sizes, the login queue, the form kit.
var shell = map[string]string{
	// shell
	"app.ent":         "Digital Workspace (ENT)",
	"app.demo":        "DEMO",
	"app.lang":        "EN",
	"app.idle":        "Inactive: back to the home screen in %d s (press a key to stay)",
	"app.idle.close":  "Inactive: the session closes in %d s (press a key to stay)",
	"app.busy":        "Please wait…",
	"app.loggedas":    "Logged in: %s",
	"app.closing":     "The service is restarting: your session will close.",
	"app.toosmall":    "Make the window larger (at least 80 × 24).",
	"app.size":        "Current size: %d × %d",
	"common.datetime": "%s at %s",
	"common.yes":      "Yes",
	"common.no":       "No",

	// fields that cut what does not fit; the console after a revoked role
	"form.cut.paste": "Pasted text is longer than %d characters: it was cut.",
	"form.cut.key":   "%d characters at most: this field is full.",

	// login queue (the hashing queue on a busy morning)
	"queue.next":        "Your turn is next, about %d s…",
	"queue.ahead.one":   "%d person ahead of you, about %d s…",
	"queue.ahead.other": "%d people ahead of you, about %d s…",

	// the institution (its file: --institution) and its charter
	"common.registration.default": "registration office (scolarité) of your faculty or institute",
}
