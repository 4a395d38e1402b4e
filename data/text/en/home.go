package en

// home: home (login).
var home = map[string]string{
	// home (login)
	"home.title":             "Log in to your ENT account",
	"home.identifiant":       "Identifiant",
	"home.identifiant.hint":  "firstname.lastname (staff: firstname.lastname@umontpellier.fr)",
	"home.password":          "Password",
	"home.login":             "Log in",
	"home.checking":          "Checking…",
	"home.nopassword":        "No password yet?",
	"home.first":             "First login",
	"home.first.desc":        "activate my account",
	"home.other":             "A problem, a question?",
	"home.problem":           "Login problem",
	"home.problem.desc":      "forgotten password, locked account",
	"home.lookup":            "Look up my registration (IA)",
	"home.lookup.desc":       "find my identifiant",
	"home.help":              "Help",
	"home.required":          "Type your identifiant and your password.",
	"home.required.password": "Type your password.",
	"identifiant.personal":   "This is a personal address: type your university identifiant, firstname.lastname (it is in the activation mail).",
	"identifiant.spaced":     "An identifiant has no spaces: firstname.lastname, for example camille.martin (a name in several words takes a hyphen: anne.le-guen).",
	"home.refused.hint":      "Never activated your account? \"First login\". After %d errors, logging in is suspended for a few minutes: wait, or \"Login problem\" for a new password.",
	"home.key.first":         "first login",
	"home.key.problem":       "login problem",
	"home.key.lookup":        "look up my registration",
	"home.key.help":          "open the help",
}
