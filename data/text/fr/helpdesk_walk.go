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
	"helpdesk.walk.ia.cancelled":               "inscription %[5]s annulée : pas de compte",
	"helpdesk.walk.ia.none":                    "aucune inscription validée : le compte n'existe pas encore",
	"helpdesk.walk.ia.staff":                   "personnel, compte créé le %[1]s",
	"helpdesk.walk.ia.valid":                   "validée le %[3]s (%[5]s)",
	"helpdesk.walk.ia.previous":                "pas d'inscription cette année ; compte créé le %[1]s",
	"helpdesk.walk.identifiant.is":             "%[5]s, tapé tel quel",
	"helpdesk.walk.rights.ended":               "terminés le %[1]s : la connexion est refusée",
	"helpdesk.walk.rights.until":               "ouverts jusqu'au %[1]s",
	"helpdesk.walk.status.active":              "activé le %[1]s",
	"helpdesk.walk.status.pending":             "jamais activé",
	"helpdesk.walk.window.early":               "ouvert à partir du %[3]s (IA validée il y a moins de 15 min)",
	"helpdesk.walk.window.open":                "ouvert depuis le %[3]s",
	"helpdesk.walk.recovery.address":           "%[5]s : est-ce la sienne, y a-t-elle accès ?",
	"helpdesk.walk.code.none":                  "aucun code %[6]s à ce jour",
	"helpdesk.walk.code.none.any":              "aucun code d'activation ni de réinitialisation à ce jour",
	"helpdesk.walk.code.live":                  "code %[6]s, valable jusqu'au %[3]s (%[4]d/5 erreurs de saisie)",
	"helpdesk.walk.code.revoked":               "code %[6]s annulé le %[3]s",
	"helpdesk.walk.code.revoked_failures":      "code %[6]s annulé le %[3]s après 5 erreurs de saisie",
	"helpdesk.walk.code.revoked_recovery":      "code %[6]s annulé le %[3]s : mail de secours corrigé",
	"helpdesk.walk.code.expired":               "code %[6]s expiré le %[3]s sans avoir servi",
	"helpdesk.walk.code.used":                  "code %[6]s utilisé le %[3]s",
	"helpdesk.walk.code.superseded":            "code %[6]s remplacé par un autre le %[3]s",
	"helpdesk.walk.mail.unknown":               "aucun mail pour ce code (retiré) : il n'arrivera pas",
	"helpdesk.walk.mail.sent":                  "parti vers %[7]s le %[3]s",
	"helpdesk.walk.mail.failed.one":            "non remis à %[7]s après %[4]d essai : %[5]s",
	"helpdesk.walk.mail.failed.other":          "non remis à %[7]s après %[4]d essais : %[5]s",
	"helpdesk.walk.mail.cancelled":             "annulé avant de partir vers %[7]s",
	"helpdesk.walk.mail.due":                   "partira vers %[7]s le %[3]s",
	"helpdesk.walk.mail.queued":                "pas encore parti : en file d'envoi vers %[7]s depuis le %[3]s",
	"helpdesk.walk.mail.retrying.one":          "pas encore parti vers %[7]s : %[4]d essai sans succès (%[5]s), il sera réessayé",
	"helpdesk.walk.mail.retrying.other":        "pas encore parti vers %[7]s : %[4]d essais sans succès (%[5]s), il sera réessayé",
	"helpdesk.walk.login_lock.disabled":        "identifiant bloqué jusqu'au déblocage par l'assistance",
	"helpdesk.walk.login_lock.locked":          "verrouillé jusqu'à %[2]s (verrouillage n° %[4]d)",
	"helpdesk.walk.login_lock.failures.one":    "%[4]d échec en 15 min (verrouillage à 5)",
	"helpdesk.walk.login_lock.failures.other":  "%[4]d échecs en 15 min (verrouillage à 5)",
	"helpdesk.walk.login_lock.free":            "pas de verrouillage",
	"helpdesk.walk.last_login.never":           "jamais",
	"helpdesk.walk.last_login.at":              "le %[3]s",
	"helpdesk.walk.last_error.none":            "aucun",
	"helpdesk.walk.last_error.at":              "le %[3]s : %[5]s",
	"helpdesk.walk.lookup_lock.disabled.one":   "bloquée après %[4]d échec d'affilée : à débloquer",
	"helpdesk.walk.lookup_lock.disabled.other": "bloquée après %[4]d échecs d'affilée : à débloquer",
	"helpdesk.walk.lookup_lock.locked.one":     "bloquée jusqu'au %[3]s (%[4]d échec en 24 h)",
	"helpdesk.walk.lookup_lock.locked.other":   "bloquée jusqu'au %[3]s (%[4]d échecs en 24 h)",
	"helpdesk.walk.lookup_lock.free":           "libre",
	"helpdesk.walk.password.changed":           "choisi le %[1]s",
	"helpdesk.next.resend_activation": "À faire : renvoyer le code d'activation. Un nouveau code est créé et son mail " +
		"mis en file d'envoi vers le mail de secours ; l'ancien code ne fonctionne plus : la personne utilise le " +
		"mail le plus récent.",
	"helpdesk.next.resend_activation.later": "À faire : renvoyer le code d'activation, mais pas encore : %s Rien " +
		"n'est possible avant, pour l'assistance non plus : proposer à la personne de rappeler à cette heure-là, ou " +
		"de demander le code elle-même (« 1ère connexion »).",
	"helpdesk.next.send_reset.later": "À faire : envoyer un code de réinitialisation, mais pas encore : %s Rien " +
		"n'est possible avant, pour l'assistance non plus : proposer à la personne de rappeler à cette heure-là, ou " +
		"de demander le code elle-même (« Problème de connexion »).",
	"helpdesk.next.send_reset": "À faire : envoyer un code de réinitialisation. La personne choisit elle-même son " +
		"nouveau mot de passe avec ce code.",
	"helpdesk.next.unlock": "À faire : déverrouiller, puis laisser la personne se connecter. Mot de passe oublié : " +
		"envoyer ensuite un code de réinitialisation.",
	"helpdesk.next.correct_recovery": "À faire : le mail n'a pas été remis (%[5]s) : l'adresse est sans doute fausse. " +
		"La vérifier avec la personne, corriger le mail de secours (après vérification de l'identité), puis renvoyer " +
		"un code.",
	"helpdesk.next.correct_recovery.noreason": "À faire : le mail n'a pas été remis : l'adresse est sans doute fausse. " +
		"La vérifier avec la personne, corriger le mail de secours (après vérification de l'identité), puis renvoyer " +
		"un code.",
	"helpdesk.next.wait": "À faire : attendre le %[3]s. Rien n'est possible avant ; le mail du code est prévu " +
		"pour cette heure-là.",
	"helpdesk.next.check_mail": "À faire : le mail est parti le %[3]s. La personne cherche le mail le plus récent " +
		"(indésirables compris) et n'utilise que ce code. Rien reçu : vérifier avec elle l'adresse du mail de " +
		"secours, la corriger si besoin, puis renvoyer un code.",
	"helpdesk.next.mail_queued": "À faire : le mail n'est pas encore parti : la personne ne peut pas l'avoir reçu, et " +
		"renvoyer un code n'irait pas plus vite. Toujours en file d'envoi dans quelques minutes : prévenir l'équipe " +
		"technique.",
	"helpdesk.next.scolarite": "À faire : pas d'inscription validée, donc pas de compte. Orienter la personne vers le " +
		"service de scolarité de sa composante%[6]s.",
	"helpdesk.next.rights_ended": "À faire : rien ici. Les droits sont terminés ; une nouvelle inscription (IA) " +
		"rouvre l'accès.",
	"helpdesk.next.case_never_activated": "Le compte n'a jamais été activé : passer au cas « Jamais activé » (Entrée).",
	"helpdesk.next.case_forgot":          "Le compte est déjà activé : passer au cas « Mot de passe oublié » (Entrée).",
	"helpdesk.next.check_typing": "À faire : rien n'est bloqué. Vérifier l'identifiant tapé (le chiffre des " +
		"homonymes), le clavier (AZERTY ou QWERTY) et la touche Verr. Maj. Mot de passe oublié : envoyer un code de " +
		"réinitialisation.",
	"helpdesk.next.enter":                     "Entrée : %s",
	"helpdesk.walk.login_lock.locked.nocount": "verrouillé jusqu'à %[2]s",
	"helpdesk.step.ia.staff":                  "Compte (personnel)",
}
