package fr

// codeentry: the code entry (CodeEntry, shared by every flow that mails a code) and the flows' shared words.
var codeentry = map[string]string{
	// code entry (CodeEntry, shared by every flow that mails a code)
	"code.sent":                   "Un code a été envoyé à %s.",
	"code.expires":                "Le code est valable jusqu'au %s.",
	"code.demo":                   "Démo : le mail est dans la boîte de démonstration (F4).",
	"code.label":                  "Code reçu par mail (8 chiffres)",
	"code.hint":                   "Seuls les chiffres comptent : les espaces sont ignorés.",
	"code.submit":                 "Valider le code",
	"code.resend":                 "Renvoyer le code",
	"code.resend.at":              "Renvoyer le code : possible à %s",
	"code.resend.at.hourly.one":   "Renvoyer le code : possible à %[2]s (%[1]d code par heure au plus)",
	"code.resend.at.hourly.other": "Renvoyer le code : possible à %[2]s (%[1]d codes par heure au plus)",
	"code.new":                    "Recevoir un nouveau code",
	"code.new.at":                 "Recevoir un nouveau code : possible à %s",
	"code.new.at.hourly.one":      "Recevoir un nouveau code : possible à %[2]s (%[1]d code par heure au plus)",
	"code.new.at.hourly.other":    "Recevoir un nouveau code : possible à %[2]s (%[1]d codes par heure au plus)",
	"code.resent":                 "Un nouveau code a été envoyé ; le précédent ne fonctionne plus.",
	"code.short.one":              "Le code comporte %[2]d chiffres (%[1]d saisi).",
	"code.short.other":            "Le code comporte %[2]d chiffres (%[1]d saisis).",

	// flows (shared by activation, lost password and the code entry)
	"flow.account": "Compte : %s",
	"flow.notyet":  "Pas encore : possible à partir de %s (dans %d min).",
}
