package fr

// errors: errors from the store and the flows, by code (error.<code>).
var errors = map[string]string{
	// errors from the store
	"error.credentials":               "Identifiant ou mot de passe incorrect.",
	"error.rights.ended":              "Vos droits d'accès aux ressources numériques ont pris fin le %s.",
	"error.rights.none":               "Aucune inscription valide : l'accès aux ressources numériques n'est pas ouvert.",
	"error.busy":                      "Le service est très sollicité : réessayez dans quelques secondes.",
	"error.limit.disabled":            "Trop d'essais : cette vérification est bloquée. Contactez l'assistance.",
	"error.limit.mail":                "Un code vient d'être envoyé. Nouvel envoi possible à %s.",
	"error.limit.lookup":              "Trop d'essais pour ce numéro étudiant. Réessayez le %s.",
	"error.limit.client":              "Trop de tentatives depuis ce poste. Réessayez à %s.",
	"error.nomatch":                   "Aucune inscription ne correspond à ce numéro étudiant et à cette date de naissance.",
	"error.code.wrong.one":            "Code incorrect. Il vous reste %d essai.",
	"error.code.wrong.other":          "Code incorrect. Il vous reste %d essais.",
	"error.code.revoked":              "Code incorrect. Ce code n'est plus valable : demandez-en un nouveau.",
	"error.code.expired":              "Ce code a expiré (24 h). Demandez-en un nouveau.",
	"error.code.replaced":             "Ce code a été remplacé par un plus récent : saisissez le code du dernier mail reçu.",
	"error.code.used":                 "Ce code n'est plus valable (déjà utilisé ou remplacé par un plus récent). Demandez-en un nouveau.",
	"error.token":                     "Ce lien n'est pas valable. Utilisez le code reçu par mail, ou demandez-en un nouveau.",
	"error.active":                    "Ce compte est déjà activé.",
	"error.email":                     "Cette adresse mail n'est pas valide.",
	"error.email.same":                "C'est déjà l'adresse enregistrée.",
	"error.email.own":                 "Impossible de rediriger votre messagerie vers elle-même.",
	"error.email.recovery.university": "Le mail de secours doit être une adresse personnelle, pas une adresse de l'université.",
	"error.email.redirect.university": "Impossible de rediriger vers une autre messagerie de l'université : indiquez une adresse extérieure.",
	"error.password.same":             "Le nouveau mot de passe doit être différent de l'actuel.",
	"error.password.current":          "Mot de passe actuel incorrect.",
	"error.charter":                   "Vous devez accepter la charte pour activer votre compte.",
	"error.nothelpdesk":               "Cette fonction n'est pas disponible.",
	"error.internal":                  "Une erreur est survenue. Réessayez ; si elle persiste, contactez l'assistance.",
	// errors of the flows (activation, codes)
	"error.identifiant.unknown":       "Aucun compte à activer avec cet identifiant.",
	"error.limit.mail.hourly.one":     "%d code par heure au plus : prochain envoi possible à %s.",
	"error.limit.mail.hourly.other":   "%d codes par heure au plus : prochain envoi possible à %s.",
	"error.code.earlier.expired":      "Ce code vient d'un mail précédent, qui a expiré (il était valable jusqu'au %s). Un nouveau mail est parti à %s vers %s : saisissez le code qu'il contient.",
	"error.code.earlier.expired.none": "Ce code vient d'un mail précédent, qui a expiré (il était valable jusqu'au %s). Demandez un nouveau code.",
	"error.code.earlier.replaced":     "Ce code vient d'un mail précédent, remplacé par celui parti à %s vers %s : saisissez le code du dernier mail.",
	"error.code.earlier.used":         "Ce code a déjà servi (le %s) : il ne fonctionne plus.",
	"error.code.earlier.revoked":      "Ce code vient d'un mail précédent et n'est plus valable : saisissez le code du dernier mail reçu.",
	"error.login.closed":              "Trop d'échecs : connexion fermée. Passez par « Problème de connexion ».",
	"error.email.char":                "Le caractère « %c » n'est pas accepté dans une adresse mail : lettres sans accent, chiffres et . _ - + avant le @ ; lettres sans accent, chiffres, . et - après.",

	// directory (LDAP): what the campus directory refused, in the person's words
	"error.directory.unavailable":    "L'annuaire de l'université ne répond pas : rien n'a été changé, réessayez dans quelques minutes.",
	"error.directory.missing":        "Votre compte n'est pas encore dans l'annuaire : réessayez demain ou contactez l'assistance.",
	"error.directory.policy.short":   "L'annuaire de l'université refuse ce mot de passe : il est trop court. Choisissez-en un plus long.",
	"error.directory.policy.history": "Vous avez déjà utilisé ce mot de passe : choisissez-en un que vous n'avez jamais utilisé.",
	"error.directory.policy.young":   "Votre mot de passe vient d'être changé : l'annuaire n'en accepte pas un autre si tôt, réessayez plus tard.",
	"error.directory.policy.other":   "L'annuaire de l'université refuse ce mot de passe : choisissez-en un autre, plus long et plus varié.",

	// fixes (tester's round): a login refused because the directory is down
	"error.directory.unavailable.login": "L'annuaire de l'université ne répond pas : la connexion est impossible pour l'instant, réessayez dans quelques minutes.",
	"error.directory.policy.short.min":  "L'annuaire de l'université refuse ce mot de passe : il est trop court (%d caractères au moins). Choisissez-en un plus long.",
}
