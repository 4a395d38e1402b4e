package fr

// shell: the shell around every screen: title, idle, busy, sizes, the login queue, the form kit.
var shell = map[string]string{
	// shell
	"app.ent":         "Environnement Numérique de Travail",
	"app.demo":        "DÉMO",
	"app.lang":        "FR",
	"app.idle":        "Inactivité : retour à l'accueil dans %d s (appuyez sur une touche pour rester)",
	"app.idle.close":  "Inactivité : fermeture de la session dans %d s (une touche pour rester)",
	"app.busy":        "Veuillez patienter…",
	"app.loggedas":    "Connecté : %s",
	"app.closing":     "Le service redémarre : votre session va se fermer.",
	"app.toosmall":    "Agrandissez la fenêtre (80 × 24 au moins).",
	"app.size":        "Taille actuelle : %d × %d",
	"common.datetime": "%s à %s",
	"common.yes":      "Oui",
	"common.no":       "Non",

	// fields that cut what does not fit; the console after a revoked role
	"form.cut.paste": "Le texte collé dépasse %d caractères : il a été coupé.",
	"form.cut.key":   "%d caractères au plus : ce champ est plein.",

	// login queue (the hashing queue on a busy morning)
	"queue.next":        "C'est bientôt votre tour, environ %d s…",
	"queue.ahead.one":   "%d personne avant vous, environ %d s…",
	"queue.ahead.other": "%d personnes avant vous, environ %d s…",

	// the institution (its file: --institution) and its charter
	"common.registration.default": "scolarité de votre composante (UFR, faculté, institut ou école)",
}
