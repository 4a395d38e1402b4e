package en

// password: the password picker.
var password = map[string]string{
	// password picker
	"password.new":                  "New password",
	"password.confirm":              "Confirm the password",
	"password.refused":              "This password does not follow the rules below.",
	"password.mismatch":             "The two entries differ.",
	"password.rule.length":          "at least %d characters (%s)",
	"password.typed.one":            "%d typed",
	"password.typed.other":          "%d typed",
	"password.rule.max":             "at most %d characters",
	"password.rule.digit":           "at least one digit",
	"password.rule.letter":          "at least one letter",
	"password.rule.forbidden":       "none of the characters < > \" ' $",
	"password.rule.forbidden.found": "character \"%s\" not allowed (position %d)",
	"password.rule.dictionary":      "not a dictionary word nor a common password",
	"password.rule.personal":        "not built on your names, identifiant, student number or birth date",
	"password.rule.match":           "both entries are the same",
	"password.strength":             "Strength",
	"password.strength.0":           "very weak",
	"password.strength.1":           "weak",
	"password.strength.2":           "fair",
	"password.strength.3":           "good",
	"password.strength.4":           "excellent",
	"password.recommended":          "(%d characters recommended)",

	// screens (issue 12): the password checklist, staff, help lines, helpdesk card
	"password.rule.forbidden.item":    "\"%s\" (position %d)",
	"password.rule.forbidden.several": "characters not allowed: %s",
}
