package fr

// web: the web page around the terminal.
var web = map[string]string{
	// web page (tui/webserver): the page around the terminal
	"web.title":          "ENT — compte informatique",
	"web.heading":        "ENT, compte informatique",
	"web.terminal":       "Terminal de l'ENT : le clavier le pilote, Tab passe d'un champ à l'autre",
	"web.noscript":       "Cette page a besoin de JavaScript pour afficher l'interface.",
	"web.lost":           "Connexion perdue.",
	"web.reconnect":      "Reconnecter",
	"web.failed":         "Connexion impossible : le service est peut-être saturé ou en redémarrage.",
	"web.ended":          "Session terminée.",
	"web.ended.idle":     "Session fermée après une période d'inactivité.",
	"web.ended.max_time": "Session fermée : durée maximale atteinte.",
	"web.ended.shutdown": "Le service redémarre : session fermée. Reconnectez-vous dans un instant.",
	"web.ended.error":    "Une erreur interne a fermé la session. Si cela se reproduit, contactez l'assistance.",
	"web.newsession":     "Nouvelle session",
	"web.help.remote":    "Depuis chez vous, sur un ordinateur ou un téléphone, le même service s'ouvre dans un navigateur, à l'adresse :\n  %s",
	"web.keys":           "Touches absentes du clavier du téléphone",
	"web.small":          "Fenêtre trop petite : l'interface demande au moins %d × %d caractères (ici %d × %d). Tournez le téléphone à l'horizontale ou agrandissez la fenêtre.",
}
