package fr

// helpdesk_walk: helpdesk: the walk-through of a case (steps, next steps).
var helpdeskWalk = map[string]string{
	"helpdesk.step.ia":                         "Inscription (IA)",
	"helpdesk.step.identifiant":                "Identifiant",
	"helpdesk.step.rights":                     "Droits",
	"helpdesk.step.status":                     "Compte",
	"helpdesk.step.window":                     "Délai d'activation",
	"helpdesk.step.recovery":                   "Mail de secours",
	"helpdesk.step.code":                       "Dernier code",
	"helpdesk.step.mail":                       "Mail du code",
	"helpdesk.step.login_lock":                 "Verrouillage",
	"helpdesk.step.last_login":                 "Dernière connexion",
	"helpdesk.step.last_error":                 "Dernier échec",
	"helpdesk.step.lookup_lock":                "Consultation IA",
	"helpdesk.step.password":                   "Mot de passe",
	"helpdesk.walk.ia.cancelled":               "inscription {text} annulée : pas de compte",
	"helpdesk.walk.ia.none":                    "aucune inscription validée : le compte n'existe pas encore",
	"helpdesk.walk.ia.staff":                   "personnel, compte créé le {date}",
	"helpdesk.walk.ia.valid":                   "validée le {datetime} ({text})",
	"helpdesk.walk.ia.previous":                "pas d'inscription cette année ; compte créé le {date}",
	"helpdesk.walk.identifiant.is":             "{text}, tapé tel quel",
	"helpdesk.walk.rights.ended":               "terminés le {date} : la connexion est refusée",
	"helpdesk.walk.rights.until":               "ouverts jusqu'au {date}",
	"helpdesk.walk.status.active":              "activé le {date}",
	"helpdesk.walk.status.pending":             "jamais activé",
	"helpdesk.walk.window.early":               "ouvert à partir du {datetime} (IA validée il y a moins de 15 min)",
	"helpdesk.walk.window.open":                "ouvert depuis le {datetime}",
	"helpdesk.walk.recovery.address":           "{text} : est-ce la sienne, y a-t-elle accès ?",
	"helpdesk.walk.code.none":                  "aucun code {purpose} à ce jour",
	"helpdesk.walk.code.none.any":              "aucun code d'activation ni de réinitialisation à ce jour",
	"helpdesk.walk.code.live":                  "code {purpose}, valable jusqu'au {datetime} ({n}/5 erreurs de saisie)",
	"helpdesk.walk.code.revoked":               "code {purpose} annulé le {datetime}",
	"helpdesk.walk.code.revoked_failures":      "code {purpose} annulé le {datetime} après 5 erreurs de saisie",
	"helpdesk.walk.code.revoked_recovery":      "code {purpose} annulé le {datetime} : mail de secours corrigé",
	"helpdesk.walk.code.expired":               "code {purpose} expiré le {datetime} sans avoir servi",
	"helpdesk.walk.code.used":                  "code {purpose} utilisé le {datetime}",
	"helpdesk.walk.code.superseded":            "code {purpose} remplacé par un autre le {datetime}",
	"helpdesk.walk.mail.unknown":               "aucun mail pour ce code (retiré) : il n'arrivera pas",
	"helpdesk.walk.mail.sent":                  "parti vers {to} le {datetime}",
	"helpdesk.walk.mail.failed.one":            "non remis à {to} après %d essai : {text}",
	"helpdesk.walk.mail.failed.other":          "non remis à {to} après %d essais : {text}",
	"helpdesk.walk.mail.cancelled":             "annulé avant de partir vers {to}",
	"helpdesk.walk.mail.due":                   "partira vers {to} le {datetime}",
	"helpdesk.walk.mail.queued":                "pas encore parti : en file d'envoi vers {to} depuis le {datetime}",
	"helpdesk.walk.mail.retrying.one":          "pas encore parti vers {to} : %d essai sans succès ({text}), il sera réessayé",
	"helpdesk.walk.mail.retrying.other":        "pas encore parti vers {to} : %d essais sans succès ({text}), il sera réessayé",
	"helpdesk.walk.login_lock.disabled":        "identifiant bloqué jusqu'au déblocage par l'assistance",
	"helpdesk.walk.login_lock.locked":          "verrouillé jusqu'à {time} (verrouillage n° {n})",
	"helpdesk.walk.login_lock.failures.one":    "%d échec en 15 min (verrouillage à 5)",
	"helpdesk.walk.login_lock.failures.other":  "%d échecs en 15 min (verrouillage à 5)",
	"helpdesk.walk.login_lock.free":            "pas de verrouillage",
	"helpdesk.walk.last_login.never":           "jamais",
	"helpdesk.walk.last_login.at":              "le {datetime}",
	"helpdesk.walk.last_error.none":            "aucun",
	"helpdesk.walk.last_error.at":              "le {datetime} : {text}",
	"helpdesk.walk.lookup_lock.disabled.one":   "bloquée après %d échec d'affilée : à débloquer",
	"helpdesk.walk.lookup_lock.disabled.other": "bloquée après %d échecs d'affilée : à débloquer",
	"helpdesk.walk.lookup_lock.locked.one":     "bloquée jusqu'au {datetime} (%d échec en 24 h)",
	"helpdesk.walk.lookup_lock.locked.other":   "bloquée jusqu'au {datetime} (%d échecs en 24 h)",
	"helpdesk.walk.lookup_lock.free":           "libre",
	"helpdesk.walk.password.changed":           "choisi le {date}",
	"helpdesk.next.resend_activation": "À faire : renvoyer le code d'activation. Un nouveau code est créé et son mail " +
		"mis en file d'envoi vers le mail de secours ; l'ancien code ne fonctionne plus : la personne utilise le " +
		"mail le plus récent.",
	"helpdesk.next.send_reset": "À faire : envoyer un code de réinitialisation. La personne choisit elle-même son " +
		"nouveau mot de passe avec ce code.",
	"helpdesk.next.unlock": "À faire : déverrouiller, puis laisser la personne se connecter. Mot de passe oublié : " +
		"envoyer ensuite un code de réinitialisation.",
	"helpdesk.next.correct_recovery": "À faire : le mail n'a pas été remis ({text}) : l'adresse est sans doute fausse. " +
		"La vérifier avec la personne, corriger le mail de secours (après vérification de l'identité), puis renvoyer " +
		"un code.",
	"helpdesk.next.correct_recovery.noreason": "À faire : le mail n'a pas été remis : l'adresse est sans doute fausse. " +
		"La vérifier avec la personne, corriger le mail de secours (après vérification de l'identité), puis renvoyer " +
		"un code.",
	"helpdesk.next.wait": "À faire : attendre le {datetime}. Rien n'est possible avant ; le mail du code est prévu " +
		"pour cette heure-là.",
	"helpdesk.next.check_mail": "À faire : le mail est parti le {datetime}. La personne cherche le mail le plus récent " +
		"(indésirables compris) et n'utilise que ce code. Rien reçu : vérifier avec elle l'adresse du mail de " +
		"secours, la corriger si besoin, puis renvoyer un code.",
	"helpdesk.next.mail_queued": "À faire : le mail n'est pas encore parti : la personne ne peut pas l'avoir reçu, et " +
		"renvoyer un code n'irait pas plus vite. Toujours en file d'envoi dans quelques minutes : prévenir l'équipe " +
		"technique.",
	"helpdesk.next.scolarite": "À faire : pas d'inscription validée, donc pas de compte. Orienter la personne vers le " +
		"service de scolarité de sa composante{office}.",
	"helpdesk.next.rights_ended": "À faire : rien ici. Les droits sont terminés ; une nouvelle inscription (IA) " +
		"rouvre l'accès.",
	"helpdesk.next.case_never_activated": "Le compte n'a jamais été activé : passer au cas « Jamais activé » (Entrée).",
	"helpdesk.next.case_forgot":          "Le compte est déjà activé : passer au cas « Mot de passe oublié » (Entrée).",
	"helpdesk.next.check_typing": "À faire : rien n'est bloqué. Vérifier l'identifiant tapé (le chiffre des " +
		"homonymes), le clavier (AZERTY ou QWERTY) et la touche Verr. Maj. Mot de passe oublié : envoyer un code de " +
		"réinitialisation.",
	"helpdesk.next.enter":                     "Entrée : %s",
	"helpdesk.walk.login_lock.locked.nocount": "verrouillé jusqu'à {time}",
	"helpdesk.step.ia.staff":                  "Compte (personnel)",
}
