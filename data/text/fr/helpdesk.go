package fr

// helpdesk: helpdesk (console assistance): search, tabs, keys, actions, confirmations.
var helpdesk = map[string]string{
	// helpdesk (console assistance). The entries the console fills from a
	// fact (Helpdesk.fill: helpdesk.walk.*, .lock.*, .confirm.*, .next.*)
	// take their arguments by number: %[1]s the date, %[2]s the time,
	// %[3]s the date and time, %[4]d the count, %[5]s the fact's text,
	// %[6]s and %[7]s what the family adds (walk: the code's purpose, the
	// address mailed; next: the registration office).
	"helpdesk.title":              "Console assistance",
	"helpdesk.search.label":       "Rechercher une personne",
	"helpdesk.search.placeholder": "nom, n° étudiant ou identifiant",
	"helpdesk.search.audit":       "Journal d'audit",
	"helpdesk.search.empty":       "Tapez un nom, un n° étudiant ou un identifiant.",
	"helpdesk.search.more":        "les %d premières sur %d : précisez la recherche",
	"helpdesk.search.count.one":   "%d personne",
	"helpdesk.search.count.other": "%d personnes",
	"helpdesk.search.none":        "Personne ne correspond à « %s ».",
	"helpdesk.search.personal":    "C'est une adresse personnelle : la recherche ne se fait pas par elle. Demandez le nom, le n° étudiant ou l'identifiant.",
	"helpdesk.col.name":           "Nom",
	"helpdesk.col.number":         "N° étudiant",
	"helpdesk.col.identifiant":    "Identifiant",
	"helpdesk.col.account":        "Compte",
	"helpdesk.col.when":           "Date",
	"helpdesk.col.event":          "Événement",
	"helpdesk.col.client":         "Poste",
	"helpdesk.col.outcome":        "Résultat",
	"helpdesk.key.search":         "rechercher / ouvrir",
	"helpdesk.key.gocase":         "changer de cas",
	"helpdesk.key.audit":          "journal d'audit",
	"helpdesk.key.tabs":           "onglets",
	"helpdesk.key.act":            "agir",
	"helpdesk.key.case":           "cas suivant",
	"helpdesk.key.event":          "type d'événement",
	"helpdesk.key.filter":         "filtrer",
	"helpdesk.key.identifiant":    "identifiant",
	"helpdesk.key.pages":          "pages",
	"helpdesk.key.more":           "suite de la fiche",
	"helpdesk.keyname.space":      "Espace",
	"helpdesk.error.notactive":    "Ce compte n'est pas encore activé : renvoyez plutôt le code d'activation.",
	"helpdesk.error.identity":     "Vérifiez d'abord l'identité de la personne, puis cochez la case.",
	"helpdesk.error.notfound":     "Cette personne n'a pas de compte.",
	"helpdesk.tab.format":         "%d %s",
	"helpdesk.tab.card":           "Fiche",
	"helpdesk.tab.history":        "Historique",
	"helpdesk.tab.walk":           "Parcours guidé",
	"helpdesk.tab.journal":        "Journal",
	"helpdesk.action.resend":      "Renvoyer le code d'activation",
	"helpdesk.action.reset":       "Envoyer un code de réinitialisation",
	"helpdesk.action.unlock":      "Déverrouiller",
	"helpdesk.action.recovery":    "Corriger le mail de secours",
	"helpdesk.confirm.for":        "%s · %s",
	"helpdesk.confirm.resend": "Un nouveau code d'activation partira vers le mail de secours %[5]s. Le code " +
		"précédent ne fonctionnera plus. Vous ne verrez jamais le code : la personne le lira dans sa boîte mail.",
	"helpdesk.confirm.reset": "Un code de réinitialisation partira vers le mail de secours %[5]s. Avec ce code, la " +
		"personne choisira elle-même son nouveau mot de passe. Vous ne verrez ni le code ni le mot de passe.",
	"helpdesk.confirm.unlock": "Le verrouillage de la connexion et la limite de la consultation IA de cette personne " +
		"seront levés, et ses échecs récents oubliés.",
	"helpdesk.confirm.yes":          "Confirmer",
	"helpdesk.confirm.no":           "Annuler",
	"helpdesk.done.sent.activation": "Code d'activation créé, mail en file d'envoi vers %s ; nouvel envoi possible à %s.",
	"helpdesk.done.sent.reset": "Code de réinitialisation créé, mail en file d'envoi vers %s ; nouvel envoi possible à " +
		"%s.",
	"helpdesk.done.unlock.both":     "Connexion et consultation IA déverrouillées.",
	"helpdesk.done.unlock.login":    "Connexion déverrouillée.",
	"helpdesk.done.unlock.lookup":   "Consultation IA déverrouillée.",
	"helpdesk.done.unlock.none":     "Rien n'était verrouillé ; les échecs récents sont oubliés.",
	"helpdesk.done.recovery":        "Mail de secours corrigé : %s. L'ancienne adresse est prévenue.",
	"helpdesk.case.never_activated": "Jamais activé",
	"helpdesk.case.forgot_password": "Mot de passe oublié",
	"helpdesk.case.connection":      "Problème de connexion",

	// the dashboard reads the account again; the audit tables
	"helpdesk.col.identifiant.short": "Compte",

	// helpdesk: the list of the cases (huh)
	"helpdesk.choice.title":          "Quel est le problème de la personne ?",
	"helpdesk.key.choosecase":        "choisir le cas",
	"helpdesk.request.activation":    "1ère connexion",
	"helpdesk.request.reset":         "mot de passe oublié",
	"helpdesk.request.recovery_mail": "confirmation du mail de secours",
	"helpdesk.request.redirection":   "confirmation de la redirection",
}
