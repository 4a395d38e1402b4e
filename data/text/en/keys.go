package en

// keys: key names and the key bar.
var keys = map[string]string{
	// keys
	"keyname.esc":   "Esc",
	"keyname.enter": "Enter",
	"key.help":      "help",
	"key.lang":      "Français",
	"key.mailbox":   "mailbox",
	"key.back":      "back",
	"key.home":      "home",
	"key.quit":      "quit",
	"key.next":      "next",
	"key.scroll":    "scroll",
	"key.submit":    "submit",
	"key.choose":    "choose",
	"key.login":     "log in",
	"key.open":      "open",
	"key.toggle":    "tick",
	"key.resend":    "send the code again",
	"key.newcode":   "new code",

	// activation (1ère connexion)
	"keyname.space": "Space",
	"key.activate":  "activate",
	"key.untoggle":  "untick",
	"key.topic":     "topic",

	// lookup (Consulter mon inscription)
	"key.lookup":  "look up",
	"key.mail":    "mail",
	"key.refresh": "refresh",

	// accessible mode (tui/accessible): sentences for a screen reader, one question at a time
	"key.accessible": "accessible",
}
