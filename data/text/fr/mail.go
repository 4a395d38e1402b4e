package fr

// mail: the mails, by kind (mail.<kind>.subject, .intro, .action, .notyou,
// ...) and the lines every mail shares. An intro or a next step takes %[1]s
// the date and time of the change ("le jeudi ..."), %[2]s the new address
// (masked), %[3]s the end of the rights.
var mail = map[string]string{
	"mail.activation.subject": "Activation de votre compte informatique",
	"mail.activation.staff":   "Votre compte informatique de personnel est créé : il est prêt à être activé.",
	"mail.activation.intro": "Votre inscription administrative est validée : " +
		"votre compte informatique est prêt à être activé.",
	"mail.activation.action": "Pour l'activer, choisissez « 1ère connexion » sur une borne ENT, indiquez votre " +
		"identifiant, puis saisissez ce code :",
	"mail.activation.notyou": "Si ce message ne vous est pas destiné, supprimez-le et, si vous le pouvez, " +
		"prévenez l'assistance : l'adresse donnée lors de l'inscription est sans doute erronée.",

	"mail.reset.subject": "Réinitialisation de votre mot de passe",
	"mail.reset.intro": "Une réinitialisation du mot de passe de votre compte informatique a été demandée " +
		"(« Problème de connexion »).",
	"mail.reset.helpdesk": "L'assistance a demandé pour vous la réinitialisation du mot de passe de votre " +
		"compte informatique.",
	"mail.reset.action": "Pour choisir un nouveau mot de passe, saisissez ce code :",
	"mail.reset.notyou": "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de " +
		"passe actuel reste valable et rien ne change sans ce code.",

	"mail.confirm_recovery.subject": "Confirmation de votre mail de secours",
	"mail.confirm_recovery.intro": "Cette adresse a été indiquée comme nouveau mail de secours de votre compte " +
		"informatique.",
	"mail.confirm_recovery.action": "Pour la confirmer, saisissez ce code :",
	"mail.confirm_recovery.notyou": "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : cette adresse " +
		"ne sera pas enregistrée sans ce code.",

	"mail.confirm_redirection.subject": "Confirmation de la redirection de votre messagerie",
	"mail.confirm_redirection.intro": "Cette adresse a été indiquée pour recevoir les messages de votre messagerie " +
		"universitaire.",
	"mail.confirm_redirection.action": "Pour confirmer la redirection, saisissez ce code :",
	"mail.confirm_redirection.notyou": "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : aucun message " +
		"ne sera redirigé vers cette adresse sans ce code.",

	"mail.password_changed.subject": "Votre mot de passe a été modifié",
	"mail.password_changed.intro":   "Le mot de passe de votre compte informatique a été modifié %[1]s.",
	"mail.password_changed.notyou": "Si c'est vous, vous n'avez rien à faire. Sinon, quelqu'un connaît peut-être votre " +
		"mot de passe : choisissez-en un nouveau tout de suite avec « Problème de connexion » " +
		"sur une borne ENT, puis prévenez l'assistance.",

	"mail.recovery_changed.subject": "Votre mail de secours a été modifié",
	"mail.recovery_changed.intro": "Le mail de secours de votre compte informatique a été remplacé %[1]s par %[2]s. " +
		"Cette adresse-ci ne recevra plus les codes de réinitialisation.",
	"mail.recovery_changed.notyou": "Si vous n'êtes pas à l'origine de ce changement, contactez l'assistance au plus " +
		"vite : quelqu'un connaît sans doute votre mot de passe.",

	"mail.redirection_changed.subject": "La redirection de votre messagerie a été modifiée",
	"mail.redirection_changed.intro": "La redirection de votre messagerie universitaire a été modifiée %[1]s : les messages " +
		"sont désormais redirigés vers %[2]s.",
	"mail.redirection_changed.removed": "La redirection de votre messagerie universitaire a été supprimée %[1]s : les " +
		"messages restent désormais dans votre messagerie universitaire.",
	"mail.redirection_changed.notyou": "Si vous n'êtes pas à l'origine de ce changement, choisissez tout de suite un nouveau " +
		"mot de passe avec « Problème de connexion » sur une borne ENT, puis prévenez l'assistance.",

	"mail.already_active.subject": "Votre compte informatique est déjà activé",
	"mail.already_active.intro": "L'activation de votre compte informatique a été demandée (« 1ère connexion ») : " +
		"votre compte est déjà actif, il n'y a rien à activer.",
	"mail.already_active.next": "Connectez-vous avec votre identifiant et votre mot de passe. Mot de passe oublié ? " +
		"Choisissez « Problème de connexion » sur une borne ENT : un code vous sera envoyé ici.",
	"mail.already_active.notyou": "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien n'a changé " +
		"sur votre compte.",

	"mail.rights_ended.subject": "Votre compte informatique n'est plus ouvert",
	"mail.rights_ended.intro": "L'activation de votre compte informatique a été demandée (« 1ère connexion ») : " +
		"vos droits d'accès ont pris fin le %[3]s, le compte ne peut plus être activé ni utilisé.",
	"mail.rights_ended.next": "Il sera rouvert si vous vous réinscrivez, dès la validation de votre inscription " +
		"administrative. Pour toute question, contactez l'assistance.",
	"mail.rights_ended.notyou": "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien n'a changé " +
		"sur votre compte.",

	"mail.hello":        "Bonjour %s,",
	"mail.hello.noname": "Bonjour,",
	"mail.identifiant":  "Identifiant : %s",
	"mail.code":         "Code : %s",
	"mail.expires": "Ce code est valable jusqu'au %s, pour une seule utilisation. Passé ce " +
		"délai, demandez-en un nouveau depuis le même écran.",
	"mail.secret": "Ne communiquez ce code à personne : l'assistance ne vous le demandera jamais.",
	"mail.previous_expired": "Le code de votre mail précédent avait expiré sans avoir servi : seul le code " +
		"ci-dessous fonctionne.",
	"mail.link.ssh":            "Depuis un ordinateur, vous pouvez aussi ouvrir directement cette étape :",
	"mail.link.terminal":       "ou, dans un terminal :",
	"mail.link.browser":        "Vous pouvez aussi ouvrir directement cette étape dans un navigateur, depuis un ordinateur ou un téléphone :",
	"mail.contact":             "Assistance ENT : %s",
	"mail.date.paris":          "heure de Paris",
	"mail.date.at":             "à",
	"mail.date.on":             "le %s",
	"mail.date.first":          "1er",
	"mail.signature":           "ENT — compte informatique",
	"mail.signature.automatic": "Message automatique : merci de ne pas y répondre.",
	"mail.day.0":               "dimanche",
	"mail.day.1":               "lundi",
	"mail.day.2":               "mardi",
	"mail.day.3":               "mercredi",
	"mail.day.4":               "jeudi",
	"mail.day.5":               "vendredi",
	"mail.day.6":               "samedi",
	"mail.month.1":             "janvier",
	"mail.month.2":             "février",
	"mail.month.3":             "mars",
	"mail.month.4":             "avril",
	"mail.month.5":             "mai",
	"mail.month.6":             "juin",
	"mail.month.7":             "juillet",
	"mail.month.8":             "août",
	"mail.month.9":             "septembre",
	"mail.month.10":            "octobre",
	"mail.month.11":            "novembre",
	"mail.month.12":            "décembre",
	"mail.signature.both":      "ENT — compte informatique / computer account",
}
