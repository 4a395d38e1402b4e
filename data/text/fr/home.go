package fr

// home: home (login).
var home = map[string]string{
	// home (login)
	"home.title":             "Connexion à votre compte ENT",
	"home.identifiant":       "Identifiant",
	"home.identifiant.hint":  "prenom.nom (personnels : prenom.nom@umontpellier.fr)",
	"home.password":          "Mot de passe",
	"home.login":             "Se connecter",
	"home.checking":          "Vérification…",
	"home.nopassword":        "Vous n'avez pas encore de mot de passe ?",
	"home.first":             "1ère connexion",
	"home.first.desc":        "activer mon compte",
	"home.other":             "Un problème, une question ?",
	"home.problem":           "Problème de connexion",
	"home.problem.desc":      "mot de passe oublié, compte bloqué",
	"home.lookup":            "Consulter mon inscription (IA)",
	"home.lookup.desc":       "retrouver mon identifiant",
	"home.help":              "Aide",
	"home.required":          "Saisissez votre identifiant et votre mot de passe.",
	"home.required.password": "Saisissez votre mot de passe.",
	"identifiant.personal":   "C'est une adresse personnelle : saisissez votre identifiant universitaire, prenom.nom (il figure dans le mail d'activation).",
	"identifiant.spaced":     "Un identifiant n'a pas d'espace : prenom.nom, par exemple camille.martin (un nom composé prend un tiret : anne.le-guen).",
	"home.refused.hint":      "Compte jamais activé ? « 1ère connexion ». Après %d erreurs, la connexion est suspendue quelques minutes : patientez, ou « Problème de connexion » pour un nouveau mot de passe.",
	"home.key.first":         "1ère connexion",
	"home.key.problem":       "problème de connexion",
	"home.key.lookup":        "consulter mon inscription",
	"home.key.help":          "ouvrir l'aide",
}
