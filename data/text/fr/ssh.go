package fr

// ssh: the SSH server's words.
var ssh = map[string]string{
	// ssh
	"ssh.nopty":                    "Un terminal interactif est nécessaire : connectez-vous avec « ssh -t », sans commande.",
	"ssh.exec":                     "Ce service n'exécute aucune commande : connectez-vous sans commande.",
	"ssh.subsystem":                "Ce service ne propose ni sftp ni scp.",
	"ssh.token.bad":                "Ce lien n'est pas valable : saisissez le code reçu par mail.",
	"ssh.token.expired":            "Ce lien a expiré (24 h) : demandez un nouveau code ci-dessous.",
	"ssh.token.expired.activation": "Ce lien a expiré (24 h) : demandez un nouveau code par « 1ère connexion ».",
	"ssh.token.expired.reset":      "Lien expiré (24 h) : demandez un nouveau code par « Problème de connexion ».",
	"ssh.token.active":             "Votre compte est déjà activé : connectez-vous avec votre mot de passe.",
	"ssh.token.reset.used":         "Ce lien a déjà servi : connectez-vous avec le mot de passe choisi alors.",
	"ssh.token.used":               "Ce lien a déjà servi ou a été remplacé : utilisez le dernier mail reçu.",
	"ssh.token.error":              "Ce lien n'a pas pu être ouvert : réessayez, ou saisissez le code reçu.",
	"ssh.end.idle":                 "Session fermée après une période d'inactivité. Reconnectez-vous pour continuer.",
	"ssh.end.maxtime":              "Session fermée : durée maximale atteinte. Reconnectez-vous pour continuer.",
	"ssh.end.shutdown":             "Le service redémarre : session fermée. Reconnectez-vous dans un instant.",
	"ssh.end.error":                "Une erreur interne a fermé la session. Reconnectez-vous ; si cela se reproduit, contactez l'assistance.",
}
