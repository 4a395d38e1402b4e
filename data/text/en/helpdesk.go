package en

// helpdesk: helpdesk (console assistance): search, tabs, keys, actions, confirmations.
var helpdesk = map[string]string{
	// helpdesk (console assistance). The entries the console fills from a
	// fact (Helpdesk.fill: helpdesk.walk.*, .lock.*, .confirm.*, .next.*)
	// take their arguments by number: %[1]s the date, %[2]s the time,
	// %[3]s the date and time, %[4]d the count, %[5]s the fact's text,
	// %[6]s and %[7]s what the family adds (walk: the code's purpose, the
	// address mailed; next: the registration office).
	"helpdesk.title":              "Helpdesk console",
	"helpdesk.search.label":       "Find a person",
	"helpdesk.search.placeholder": "name, student number or identifiant",
	"helpdesk.search.audit":       "Audit log",
	"helpdesk.search.empty":       "Type a name, a student number or an identifiant.",
	"helpdesk.search.more":        "the first %d of %d: narrow the search",
	"helpdesk.search.count.one":   "%d person",
	"helpdesk.search.count.other": "%d people",
	"helpdesk.search.none":        "Nobody matches \"%s\".",
	"helpdesk.search.personal":    "That is a personal address: people are not searched by it. Ask for the name, the student number or the identifiant.",
	"helpdesk.col.name":           "Name",
	"helpdesk.col.number":         "Student no.",
	"helpdesk.col.identifiant":    "Identifiant",
	"helpdesk.col.account":        "Account",
	"helpdesk.col.when":           "Date",
	"helpdesk.col.event":          "Event",
	"helpdesk.col.client":         "Client",
	"helpdesk.col.outcome":        "Outcome",
	"helpdesk.key.search":         "search / open",
	"helpdesk.key.gocase":         "change case",
	"helpdesk.key.audit":          "audit log",
	"helpdesk.key.tabs":           "tabs",
	"helpdesk.key.act":            "act",
	"helpdesk.key.case":           "next case",
	"helpdesk.key.event":          "event type",
	"helpdesk.key.filter":         "filter",
	"helpdesk.key.identifiant":    "identifiant",
	"helpdesk.key.pages":          "pages",
	"helpdesk.key.more":           "rest of the card",
	"helpdesk.keyname.space":      "Space",
	"helpdesk.error.notactive":    "This account is not activated yet: resend the activation code instead.",
	"helpdesk.error.identity":     "Check the person's identity first, then tick the box.",
	"helpdesk.error.notfound":     "This person has no account.",
	"helpdesk.tab.format":         "%d %s",
	"helpdesk.tab.card":           "Card",
	"helpdesk.tab.history":        "History",
	"helpdesk.tab.walk":           "Walk-through",
	"helpdesk.tab.journal":        "Log",
	"helpdesk.action.resend":      "Resend the activation code",
	"helpdesk.action.reset":       "Send a reset code",
	"helpdesk.action.unlock":      "Unlock",
	"helpdesk.action.recovery":    "Correct the recovery address",
	"helpdesk.confirm.for":        "%s · %s",
	"helpdesk.confirm.resend": "A new activation code will go to the recovery address %[5]s. The previous code will " +
		"stop working. You will never see the code: the person will read it in their mailbox.",
	"helpdesk.confirm.reset": "A reset code will go to the recovery address %[5]s. With it, the person will choose " +
		"their new password themselves. You will see neither the code nor the password.",
	"helpdesk.confirm.unlock": "This person's login lock and IA lookup limit will be lifted, and their recent " +
		"failures forgotten.",
	"helpdesk.confirm.yes":          "Confirm",
	"helpdesk.confirm.no":           "Cancel",
	"helpdesk.done.sent.activation": "Activation code created, mail queued for %s; another one possible at %s.",
	"helpdesk.done.sent.reset":      "Reset code created, mail queued for %s; another one possible at %s.",
	"helpdesk.done.unlock.both":     "Login and IA lookup unlocked.",
	"helpdesk.done.unlock.login":    "Login unlocked.",
	"helpdesk.done.unlock.lookup":   "IA lookup unlocked.",
	"helpdesk.done.unlock.none":     "Nothing was locked; recent failures are forgotten.",
	"helpdesk.done.recovery":        "Recovery address corrected: %s. The old address is notified.",
	"helpdesk.case.never_activated": "Never activated",
	"helpdesk.case.forgot_password": "Forgot password",
	"helpdesk.case.connection":      "Login problem",

	// the dashboard reads the account again; the audit tables
	"helpdesk.col.identifiant.short": "Account",

	// helpdesk: the list of the cases (huh)
	"helpdesk.choice.title":          "What is the person's problem?",
	"helpdesk.key.choosecase":        "choose the case",
	"helpdesk.request.activation":    "first login",
	"helpdesk.request.reset":         "forgotten password",
	"helpdesk.request.recovery_mail": "recovery address confirmation",
	"helpdesk.request.redirection":   "redirection confirmation",
}
