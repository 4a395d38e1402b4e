package fr

// password: the password picker.
var password = map[string]string{
	// password picker
	"password.new":                  "Nouveau mot de passe",
	"password.confirm":              "Confirmation du mot de passe",
	"password.refused":              "Ce mot de passe ne respecte pas les règles ci-dessous.",
	"password.mismatch":             "Les deux saisies sont différentes.",
	"password.rule.length":          "%d caractères au moins (%s)",
	"password.typed.one":            "%d saisi",
	"password.typed.other":          "%d saisis",
	"password.rule.max":             "%d caractères au plus",
	"password.rule.digit":           "au moins un chiffre",
	"password.rule.letter":          "au moins une lettre",
	"password.rule.forbidden":       "aucun des caractères < > \" ' $",
	"password.rule.forbidden.found": "caractère « %s » interdit (position %d)",
	"password.rule.dictionary":      "pas un mot du dictionnaire ni un mot de passe courant",
	"password.rule.personal":        "sans vos nom, prénom, identifiant, n° étudiant ni date de naissance",
	"password.rule.match":           "les deux saisies sont identiques",
	"password.strength":             "Robustesse",
	"password.strength.0":           "très faible",
	"password.strength.1":           "faible",
	"password.strength.2":           "moyenne",
	"password.strength.3":           "bonne",
	"password.strength.4":           "excellente",
	"password.recommended":          "(%d caractères recommandés)",

	// screens (issue 12): the password checklist, staff, help lines, helpdesk card
	"password.rule.forbidden.item":    "« %s » (position %d)",
	"password.rule.forbidden.several": "caractères interdits : %s",
}
