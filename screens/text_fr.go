package screens

// textFR is the French catalogue, the interface's default language. Keys
// are grouped by screen; text_en.go has the same keys.
var textFR = map[string]string{
	// --- shell
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

	// --- keys
	"keyname.esc":   "Échap",
	"keyname.enter": "Entrée",
	"key.help":      "aide",
	"key.lang":      "English",
	"key.mailbox":   "mails",
	"key.back":      "retour",
	"key.home":      "accueil",
	"key.quit":      "quitter",
	"key.next":      "suivant",
	"key.scroll":    "faire défiler",
	"key.submit":    "valider",
	"key.choose":    "choisir",
	"key.login":     "se connecter",
	"key.open":      "ouvrir",
	"key.toggle":    "cocher",

	// --- errors from the store
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
	"error.identifiant.unknown":     "Aucun compte à activer avec cet identifiant.",
	"error.limit.mail.hourly.one":   "%d code par heure au plus : prochain envoi possible à %s.",
	"error.limit.mail.hourly.other": "%d codes par heure au plus : prochain envoi possible à %s.",

	// --- password picker
	"password.new":                  "Nouveau mot de passe",
	"password.confirm":              "Confirmation du mot de passe",
	"password.refused":              "Ce mot de passe ne respecte pas les règles ci-dessous.",
	"password.mismatch":             "Les deux saisies sont différentes.",
	"password.rule.length":          "%d caractères au moins (%s)",
	"password.typed.one":            "%d saisi",
	"password.typed.other":          "%d saisis",
	"password.rule.max":             "%d caractères au plus",
	"password.rule.digit":           "au moins un chiffre",
	"password.rule.letter":          "au moins une lettre",
	"password.rule.forbidden":       "aucun des caractères < > \" ' $",
	"password.rule.forbidden.found": "caractère « %s » interdit (position %d)",
	"password.rule.dictionary":      "pas un mot du dictionnaire ni un mot de passe courant",
	"password.rule.personal":        "sans vos nom, prénom, identifiant, n° étudiant ni date de naissance",
	"password.rule.match":           "les deux saisies sont identiques",
	"password.strength":             "Robustesse",
	"password.strength.0":           "très faible",
	"password.strength.1":           "faible",
	"password.strength.2":           "moyenne",
	"password.strength.3":           "bonne",
	"password.strength.4":           "excellente",
	"password.recommended":          "(%d caractères recommandés)",

	// --- fields that cut what does not fit; the console after a revoked role
	"form.cut.paste":        "Le texte collé dépasse %d caractères : il a été coupé.",
	"form.cut.key":          "%d caractères au plus : ce champ est plein.",
	"dash.helpdesk.revoked": "Vous n'avez plus le rôle assistance : la console n'est plus accessible.",

	// --- home (login)
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
	"home.refused.hint":      "Compte jamais activé ? « 1ère connexion ». Après %d erreurs, la connexion est suspendue quelques minutes : patientez, ou « Problème de connexion » pour un nouveau mot de passe.",
	"home.key.first":         "1ère connexion",
	"home.key.problem":       "problème de connexion",
	"home.key.lookup":        "consulter mon inscription",
	"home.key.help":          "ouvrir l'aide",

	// --- code entry (CodeEntry, shared by every flow that mails a code)
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
	"key.resend":                  "renvoyer le code",
	"key.newcode":                 "nouveau code",

	// --- flows (shared by activation, lost password and the code entry)
	"flow.account": "Compte : %s",
	"flow.notyet":  "Pas encore : possible à partir de %s (dans %d min).",

	// --- activation (1ère connexion)
	"keyname.space":                   "Espace",
	"key.activate":                    "activer",
	"activation.title":                "1ère connexion",
	"activation.steptitle":            "%s — étape %d sur %d : %s",
	"activation.step.identify":        "identification",
	"activation.step.code":            "code d'activation",
	"activation.step.charter":         "charte",
	"activation.step.redirect":        "messagerie",
	"activation.step.password":        "mot de passe",
	"activation.intro":                "Activez votre compte informatique (messagerie, ENT, Moodle, Wi-Fi…). Saisissez votre identifiant : il figure dans le mail d'activation envoyé à votre adresse personnelle.",
	"activation.identifiant":          "Identifiant",
	"activation.identifiant.hint":     "prenom.nom (personnels : prenom.nom@umontpellier.fr)",
	"activation.identifiant.required": "Saisissez votre identifiant.",
	"activation.continue":             "Continuer",
	"activation.bynumber":             "Je ne connais pas mon identifiant (n° étudiant et date de naissance)",
	"activation.byident":              "Je connais mon identifiant",
	"activation.bynumber.intro":       "Identifiez-vous avec votre numéro étudiant (sur votre carte ou votre certificat de scolarité) et votre date de naissance.",
	"activation.number":               "Numéro étudiant",
	"activation.number.hint":          "8 chiffres",
	"activation.number.invalid":       "Le numéro étudiant comporte exactement 8 chiffres.",
	"activation.birth":                "Date de naissance",
	"activation.birth.hint":           "jjmmaaaa, par exemple 14072004",
	"activation.birth.invalid":        "Date invalide : jour, mois, année (jjmmaaaa), par exemple 14072004.",
	"activation.tooearly":             "Activation possible à partir de %s (dans %d min)",
	"activation.early.now":            "Votre compte peut maintenant être activé.",
	"activation.early.why":            "Votre inscription administrative vient d'être validée. Votre compte pourra être activé %d minutes après cette validation ; le code d'activation sera alors envoyé à votre adresse mail personnelle.",
	"activation.early.retry":          "Réessayer",
	"activation.early.home":           "Retour à l'accueil",
	"activation.active.notice":        "Ce compte est déjà activé : il ne peut pas l'être une seconde fois. Mot de passe oublié ? Demandez-en un nouveau ci-dessous.",
	"activation.code.intro":           "Saisissez le code d'activation reçu par mail.",
	"activation.charter.intro":        "Lisez la charte d'usage des ressources numériques et acceptez-la.",
	"activation.charter.read":         "(lu à %d\u00a0%%)",
	"activation.charter.accept":       "J'ai lu la charte et je l'accepte",
	"activation.redirect.ready":       "Votre messagerie universitaire est prête : %s",
	"activation.redirect.question":    "Voulez-vous que ses messages soient aussi envoyés sur votre mail de secours %s ?",
	"activation.redirect.why":         "L'université vous écrit à l'adresse universitaire : lisez-la, ou faites-la suivre. Ce choix se modifie à tout moment depuis votre tableau de bord.",
	"activation.redirect.none":        "Non : je lis mes messages dans la messagerie universitaire",
	"activation.redirect.copy":        "Oui, en gardant une copie dans la messagerie universitaire",
	"activation.redirect.nocopy":      "Oui, sans garder de copie",
	"activation.password.submit":      "Activer mon compte",
	"activation.done.title":           "compte activé",
	"activation.done.ok":              "Votre compte est activé.",
	"activation.done.identifiant":     "Identifiant",
	"activation.done.redirection":     "Redirection",
	"activation.done.noredirect":      "aucune : vos messages restent dans votre messagerie universitaire",
	"activation.done.redirect.copy":   "vers %s, copie conservée dans la messagerie universitaire",
	"activation.done.redirect.nocopy": "vers %s, sans copie",
	"activation.done.how":             "Pour vous connecter, saisissez votre identifiant (%s suffit) et le mot de passe que vous venez de choisir : sur une borne ENT du campus, ou depuis chez vous (voir l'aide, F1).",
	"activation.done.login":           "Se connecter",
	"activation.unknown.next":         "Vérifiez-le : prenom.nom, accents et apostrophes retirés (Hélène D'Arc → helene.darc), les homonymes numérotés (marie.petit2). Ou identifiez-vous avec votre numéro étudiant et votre date de naissance : lien « Je ne connais pas mon identifiant » ci-dessus.",
	"activation.rights.ended":         "Les droits d'accès aux ressources numériques de ce compte ont pris fin.",
	"activation.rights.next":          "Pour vous réinscrire : %s. L'accès revient avec le même identifiant. Une question ? Contactez l'assistance%s.",
	"key.untoggle":                    "décocher",

	// --- recovery (Problème de connexion)
	"recovery.menu.title":           "Problème de connexion — Gestion de comptes informatiques",
	"recovery.menu.intro":           "Problème de connexion : choisissez votre cas.",
	"recovery.title":                "Problème de connexion",
	"recovery.case.activation":      "Je n'ai jamais activé mon compte",
	"recovery.case.forgot":          "J'ai oublié mon mot de passe",
	"recovery.case.trouble":         "Je rencontre des problèmes de connexion",
	"recovery.forgot.title":         "mot de passe oublié",
	"recovery.forgot.intro":         "Saisissez votre identifiant. Un code sera envoyé sur l'adresse mail de secours du compte (l'adresse personnelle donnée à l'inscription, ou celle que vous avez choisie depuis).",
	"recovery.identifiant":          "Identifiant",
	"recovery.identifiant.hint":     "prenom.nom (personnels : prenom.nom@umontpellier.fr)",
	"recovery.identifiant.required": "Saisissez votre identifiant.",
	"recovery.send":                 "Recevoir un code",
	"recovery.sent":                 "Un mail a été envoyé sur votre adresse mail de secours : %s.",
	"recovery.code.nothing":         "Rien reçu après quelques minutes ? Vérifiez l'identifiant saisi et vos courriers indésirables.",
	"recovery.pending.notice":       "Votre compte n'a jamais été activé : terminez son activation ; vous choisirez votre mot de passe à la fin.",
	"recovery.password.title":       "nouveau mot de passe",
	"recovery.password.submit":      "Enregistrer le mot de passe",
	"recovery.done.title":           "mot de passe modifié",
	"recovery.done.ok":              "Votre mot de passe a été modifié.",
	"recovery.done.notice":          "Un mail vous le confirme sur votre adresse mail de secours. Si votre compte était bloqué après des erreurs, il est débloqué.",
	"recovery.done.how":             "Connectez-vous avec votre identifiant %s (%s suffit) et ce nouveau mot de passe.",
	"recovery.done.login":           "Se connecter",
	"recovery.trouble.title":        "vérifications",
	"recovery.trouble.intro":        "Vérifiez ces points un par un ; chacun dit quoi faire.",
	"recovery.check.of":             "point %d sur %d",
	"recovery.action.home":          "Revenir à la connexion",
	"recovery.action.lookup":        "Consulter mon inscription (IA)",
	"recovery.action.activate":      "Activer mon compte (1ère connexion)",
	"recovery.action.forgot":        "Réinitialiser mon mot de passe",
	"recovery.action.help":          "Aide",
	"recovery.action.next":          "Point suivant",
	"recovery.action.list":          "Revenir à la liste",
	"recovery.check.caps.title":     "Majuscules, clavier, pavé numérique",
	"recovery.check.caps.text":      "Le mot de passe distingue majuscules et minuscules : vérifiez que le verrouillage des majuscules (Verr. Maj, ⇪) est désactivé. Sur un clavier d'une autre disposition (QWERTY), certaines touches changent de place (A/Q, Z/W, M, chiffres). Pour taper des chiffres au pavé numérique, activez Verr. Num. L'identifiant, lui, ne tient pas compte des majuscules.",
	"recovery.check.ident.title":    "Forme de l'identifiant",
	"recovery.check.ident.text":     "Votre identifiant est prenom.nom, ou l'adresse complète prenom.nom@%s (personnels : @%s). Accents et apostrophes sont retirés, espaces et autres séparateurs deviennent « - » : Jean-Luc D'Alembert → jean-luc.dalembert, Anne Le Guen → anne.le-guen. Deux personnes de même nom : la seconde reçoit un numéro (marie.petit2). Ce n'est ni votre numéro étudiant, ni votre adresse personnelle.",
	"recovery.check.pending.title":  "Compte jamais activé",
	"recovery.check.pending.text":   "Un compte doit être activé (« 1ère connexion ») avant de servir : jusque-là, toute connexion est refusée avec le message « Identifiant ou mot de passe incorrect ». L'activation est possible %d minutes après la validation de votre inscription administrative.",
	"recovery.check.rights.title":   "Fin des droits d'accès",
	"recovery.check.rights.text":    "Vos ressources restent accessibles jusqu'au 31 décembre de l'année civile où se termine votre dernière année universitaire d'inscription valide (dernière inscription 2025/2026 : accès jusqu'au 31/12/2026). Ensuite, la connexion est refusée avec un message qui donne cette date. Vérifiez que votre inscription de cette année est validée ; sinon, adressez-vous à votre scolarité.",
	"recovery.check.locked.title":   "Blocage après plusieurs erreurs",
	"recovery.check.locked.text":    "Après %d mots de passe erronés en %d minutes, les connexions à ce compte sont suspendues un moment (%d s la première fois, puis de plus en plus longtemps, jusqu'à %d min). Pendant ce temps, même le bon mot de passe est refusé, avec le même message. Attendez, ou réinitialisez votre mot de passe : la réinitialisation lève le blocage.",
	"recovery.check.client.title":   "Trop de tentatives depuis ce poste",
	"recovery.check.client.text":    "Un poste (une borne, ou une adresse de connexion à distance) qui accumule les erreurs (%d en %d minutes, tous comptes confondus) est suspendu %d minutes ; le message donne l'heure de reprise. Attendez, ou utilisez un autre poste.",
	"recovery.check.code.title":     "Le code n'arrive pas",
	"recovery.check.code.text":      "Le code part sur l'adresse mail de secours en quelques minutes : regardez aussi dans les courriers indésirables. Un nouvel envoi est possible %d s après le précédent, %d fois par heure au plus. Seul le dernier code reçu fonctionne, pendant %d h ; %d erreurs le rendent inutilisable.",
	"recovery.check.secours.title":  "Plus d'accès au mail de secours",
	"recovery.check.secours.text":   "Sans accès à votre mail de secours, le code ne peut pas vous parvenir. Contactez l'assistance%s, ou présentez-vous avec votre carte étudiante ou une pièce d'identité : elle pourra corriger l'adresse. Après la connexion, vous pouvez aussi la changer vous-même depuis votre tableau de bord.",
	// --- help (Aide)
	"help.title":       "Aide",
	"help.more":        "↓ suite (PgDn ou Espace)",
	"help.end":         "— fin —",
	"key.topic":        "sujet",
	"help.home":        "Le compte informatique",
	"help.activation":  "1ère connexion",
	"help.recovery":    "Problème de connexion",
	"help.password":    "Règles du mot de passe",
	"help.mail":        "Mail de secours",
	"help.redirection": "Redirection des mails",
	"help.dashboard":   "Mon compte",
	"help.rights":      "Fin des droits",
	"help.lookup":      "Consultation IA",
	"help.kiosk":       "Borne et confidentialité",
	"help.contact":     "Assistance",
	"help.remote":      "Se connecter de chez soi",
	"help.home.text": `Votre compte informatique (compte ENT) vous ouvre les services numériques de l'Université de Montpellier : messagerie, Moodle, emploi du temps, bibliothèques (BIU), Wi-Fi eduroam, application ENT mobile.

## Votre identifiant
Il a la forme prenom.nom@{studentdomain} (personnels : prenom.nom@{staffdomain}), en minuscules, sans accents ni apostrophes ; espaces et autres séparateurs deviennent « - ».
- Jean-Luc D'Alembert → jean-luc.dalembert
- Anne Le Guen → anne.le-guen
- un homonyme reçoit un chiffre : marie.petit2
Un identifiant ne change jamais et n'est jamais réattribué.

## Se connecter
Saisissez votre identifiant complet, ou seulement prenom.nom, puis votre mot de passe, et validez avec Entrée.

## Vous débutez ?
- compte jamais activé : « 1ère connexion » ;
- identifiant inconnu : « Consulter mon inscription (IA) » l'affiche avec votre numéro étudiant et votre date de naissance ;
- mot de passe oublié : « Problème de connexion ».`,
	"help.activation.text": `Votre compte est créé quand votre inscription administrative (IA) est validée. Vous pouvez l'activer {delay} minutes après la validation ; avant, l'écran indique à partir de quelle heure.

1. Sur l'accueil, choisissez « 1ère connexion ».
2. Saisissez votre identifiant. Vous ne le connaissez pas ? Donnez votre numéro étudiant (8 chiffres) et votre date de naissance (jjmmaaaa).
3. Un code de {digits} chiffres part vers votre adresse mail personnelle (celle donnée à l'inscription), affichée masquée : ca•••••n@gmail.com. Il est valable {lifetime} h.
4. Saisissez le code. Rien reçu ? Regardez dans les indésirables, puis « Renvoyer le code » (possible après {resend} s) : l'ancien code ne marche plus.
5. Lisez la charte informatique et acceptez-la.
6. Choisissez si votre messagerie universitaire est redirigée vers une autre adresse (facultatif, modifiable ensuite).
7. Choisissez votre mot de passe (voir « Règles du mot de passe ») et confirmez-le.

C'est fait : l'écran rappelle votre identifiant. Connectez-vous avec lui et votre nouveau mot de passe, sur une borne ou depuis chez vous (voir « Se connecter de chez soi », le sujet suivant).

Un compte déjà activé ne se réactive pas : si vous avez oublié le mot de passe, passez par « Problème de connexion ».`,
	"help.recovery.text": `« Problème de connexion » propose trois parcours.

## J'ai oublié mon mot de passe
1. Saisissez votre identifiant.
2. Un code de {digits} chiffres part vers votre mail de secours, affiché masqué. Il est valable {lifetime} h, pour une seule utilisation.
3. Saisissez le code, puis choisissez un nouveau mot de passe.
Par sécurité, la réponse est la même que l'identifiant existe ou non : si aucun mail n'arrive, vérifiez l'identifiant avec « Consulter mon inscription (IA) ».

## Je n'ai jamais activé mon compte
Suivez « 1ère connexion » : le code part vers votre adresse personnelle.

## Je rencontre des problèmes de connexion
- vérifiez l'identifiant (prenom.nom, sans accents) et la touche Verr. Maj ;
- après plusieurs mots de passe erronés, la connexion est bloquée un moment : attendez, ou réinitialisez votre mot de passe ;
- vos droits ont peut-être pris fin : voir « Fin des droits ».

## Les codes
Après {tries} codes erronés, le code n'est plus valable : demandez-en un nouveau. Chaque nouveau code remplace le précédent. Au plus {mails} mails de code par heure.`,
	"help.password.text": `Les règles de l'université, appliquées à chaque nouveau mot de passe :
- au moins {min} caractères ({rec} recommandés), au plus {max} ;
- au moins un chiffre et au moins une lettre ;
- aucun des caractères < > " ' $ (l'écran nomme le caractère et sa position) ;
- pas un mot du dictionnaire (français ou anglais) ni un mot de passe courant, même avec des chiffres ou signes à la fin ou des substitutions (0 pour o, 3 pour e, @ pour a…) ;
- pas construit sur vos nom, prénom, identifiant, numéro étudiant ou date de naissance.

Chaque règle se coche pendant la saisie ; la jauge de robustesse conseille {rec} caractères. Une suite de plusieurs mots sans rapport, avec un chiffre, est facile à retenir et difficile à deviner.

Un mot de passe refusé garde vos saisies : corrigez-le. Après chaque changement, un avis est envoyé à votre mail de secours.

Ne communiquez jamais votre mot de passe : l'assistance ne le demande jamais.`,
	"help.mail.text": `Le mail de secours est votre adresse personnelle : il reçoit les codes quand vous oubliez votre mot de passe, et les avis de modification de votre compte. Au départ, c'est l'adresse donnée à l'inscription. Ce ne peut pas être une adresse de l'université : privé de mot de passe, vous ne pourriez pas la lire.

## Le changer
1. Mon compte → « Mail de secours ».
2. Saisissez la nouvelle adresse et votre mot de passe actuel : un code de {digits} chiffres est envoyé à la nouvelle adresse.
3. Saisissez ce code : la nouvelle adresse remplace l'ancienne, qui est prévenue.
Rien ne change tant que le code n'a pas été saisi : une faute de frappe dans l'adresse ne vous fait pas perdre votre mail de secours.

Les adresses sont toujours affichées masquées : ca•••••n@gmail.com.`,
	"help.redirection.text": `Les messages reçus sur votre adresse universitaire peuvent être transférés vers une autre adresse, en gardant une copie dans la messagerie universitaire ou non.

## Mettre en place ou changer
Mon compte → « Redirection » :
- vers votre mail de secours : appliquée tout de suite ;
- vers une autre adresse : un code y est envoyé ; la redirection s'applique quand vous l'avez saisi.
Cochez « conserver une copie » pour garder aussi les messages dans la messagerie universitaire. Chaque changement demande votre mot de passe actuel. Une autre messagerie de l'université ne peut pas recevoir la redirection.

## Arrêter
« Supprimer la redirection » : les messages restent alors dans la messagerie universitaire.

À chaque changement, un avis part vers l'ancienne destination (ou votre mail de secours).`,
	"help.dashboard.text": `Après la connexion, « Mon compte » montre votre identifiant, votre nom, votre statut et la date jusqu'à laquelle vos ressources restent accessibles, puis les services de l'ENT avec leur adresse.

## Ce que vous pouvez faire
- Mot de passe : saisissez l'actuel, puis le nouveau et sa confirmation ;
- Mail de secours : l'adresse qui reçoit vos codes ;
- Redirection : transférer vos messages universitaires, ou arrêter ;
- Déconnexion : à faire avant de quitter une borne.
Chaque changement demande votre mot de passe actuel : une session laissée ouverte ne suffit pas à prendre votre compte.

Déplacez-vous avec Tab ou ←/→ et validez avec Entrée. La touche R relit votre compte : un changement fait ailleurs (par exemple le rôle assistance accordé ou retiré) s'affiche alors.`,
	"help.rights.text": `Vos ressources numériques (messagerie, Moodle, Wi-Fi…) restent accessibles jusqu'au 31 décembre de l'année civile où se termine votre dernière année universitaire avec une inscription valide.
- dernière inscription en 2025/2026 → accès jusqu'au 31/12/2026 ;
- personnels : la date de fin indiquée par votre service.

La date est affichée sur « Mon compte » et dans « Consulter mon inscription (IA) ». Passée cette date, la connexion est refusée avec un message qui la rappelle.

Quand vous vous réinscrivez, l'accès revient avec le même identifiant.`,
	"help.lookup.text": `« Consulter mon inscription (IA) » affiche, sans mot de passe :
- vos inscriptions de l'année universitaire en cours : année, étape, diplôme, composante, régime, statut de l'inscription, statut du paiement, date de validation ;
- votre identifiant (ou « compte pas encore créé ») ;
- la date jusqu'à laquelle vos ressources restent accessibles.

Il faut :
1. votre numéro étudiant : exactement 8 chiffres (carte étudiante, certificat de scolarité) ;
2. votre date de naissance au format jjmmaaaa, par exemple 14072004 pour le 14 juillet 2004.

Si rien ne correspond, l'écran le dit sans préciser lequel des deux est faux. Le nombre d'essais est limité.`,
	"help.kiosk.text": `Sur une borne du campus :
- après {idle} s sans toucher le clavier, tout ce qui a été saisi ou affiché est effacé et l'accueil revient ; un compte à rebours s'affiche les {warn} dernières secondes (une touche suffit pour rester, et elle compte) ;
- choisissez « Déconnexion » avant de partir ;
- Ctrl+C ramène à l'accueil en effaçant tout ; Échap revient à l'écran précédent (sur « Mon compte », il déconnecte) ;
- les mots de passe et les codes ne s'affichent jamais en clair.

F1 ouvre cette aide depuis n'importe quel écran, F2 passe en anglais.

## Borne de démonstration
Sur une borne de démonstration (badge DÉMO), F4 ouvre la boîte mail de démonstration : les mails envoyés par le service, avec leurs codes, pour essayer sans seconde adresse.`,
	"help.contact.text": `Assistance ENT : {contact}.

Préparez votre identifiant ou votre numéro étudiant. Après avoir vérifié votre identité, l'assistance peut renvoyer le code d'activation, envoyer un code de réinitialisation, débloquer une connexion ou corriger votre mail de secours.

L'assistance ne vous demandera jamais votre mot de passe ni un code reçu par mail.`,
	"help.remote.command": "Depuis chez vous, le même service s'ouvre dans un terminal (voir plus bas), avec la commande :\n  ssh -p %d %s",
	"help.remote.nohost":  "Depuis chez vous, le même service s'ouvre dans un terminal (voir plus bas), avec la commande ssh. L'adresse du serveur n'est pas indiquée ici : demandez-la à l'assistance%s.",
	"help.remote.text": `{connect}

ssh ne demande aucun mot de passe : c'est l'écran de connexion habituel qui s'affiche. À la toute première connexion, ssh montre l'empreinte de la clé du serveur (SHA256:…) et demande s'il faut continuer : comparez-la avec celle publiée sur la page d'aide de l'ENT, et répondez yes seulement si elles sont identiques.

## Un terminal ?
- Windows : PowerShell ou Terminal (menu Démarrer) ; ssh y est déjà installé.
- macOS : Terminal (Applications › Utilitaires).
- Linux : le terminal de votre bureau (souvent Ctrl+Alt+T).

## Les liens des mails
Les mails d'activation et de réinitialisation contiennent un lien ssh://… et la commande qui va avec : ouvrez l'un, ou copiez l'autre dans un terminal, et l'étape s'ouvre directement (la charte, ou le nouveau mot de passe), sans ressaisir le code.

## Quitter
Ctrl+C sur l'accueil ferme la session (ou q, quand le curseur n'est pas dans un champ). Elle se ferme aussi d'elle-même après un moment sans toucher le clavier ; un compte à rebours prévient.`,

	// --- lookup (Consulter mon inscription)
	"key.lookup":                 "consulter",
	"lookup.title":               "Consulter mon inscription (IA)",
	"lookup.intro":               "Le numéro étudiant et la date de naissance suffisent : aucun mot de passe.",
	"lookup.number":              "Numéro étudiant",
	"lookup.number.hint":         "8 chiffres (carte étudiante, certificat de scolarité)",
	"lookup.birth":               "Date de naissance",
	"lookup.birth.hint":          "jjmmaaaa, par exemple 14072004",
	"lookup.submit":              "Consulter",
	"lookup.number.required":     "Saisissez votre numéro étudiant.",
	"lookup.number.digits":       "Le numéro étudiant ne contient que des chiffres (8 exactement).",
	"lookup.number.length.one":   "Le numéro étudiant compte exactement 8 chiffres (%d saisi).",
	"lookup.number.length.other": "Le numéro étudiant compte exactement 8 chiffres (%d saisis).",
	"lookup.birth.required":      "Saisissez votre date de naissance.",
	"lookup.birth.format":        "Date attendue au format jjmmaaaa, par exemple 14072004.",
	"lookup.birth.invalid":       "Le %s n'existe pas : vérifiez la date de naissance.",
	"lookup.birth.year":          "Cette date de naissance n'est pas plausible : vérifiez l'année.",
	"lookup.numberis":            "n° étudiant %s",
	"lookup.identifiant":         "Identifiant :",
	"lookup.noaccount":           "compte pas encore créé",
	"lookup.pending":             "(compte à activer)",
	"lookup.current.one":         "Inscription de l'année universitaire en cours (%d) :",
	"lookup.current.other":       "Inscriptions de l'année universitaire en cours (%d) :",
	"lookup.none":                "Aucune inscription pour l'année universitaire %s.",
	"lookup.latest":              "Dernière année d'inscription : %s",
	"lookup.col.year":            "Année",
	"lookup.col.etape":           "Étape",
	"lookup.col.diplome":         "Diplôme",
	"lookup.col.composante":      "Composante",
	"lookup.col.regime":          "Régime",
	"lookup.col.statut":          "Inscription",
	"lookup.col.paiement":        "Paiement",
	"lookup.col.date":            "Validée le",
	"lookup.statut.valide":       "validée",
	"lookup.statut.annulee":      "annulée",
	"lookup.paiement.paye":       "payé",
	"lookup.paiement.en_attente": "en attente",
	"lookup.again":               "Nouvelle consultation",
	"lookup.first":               "Activer mon compte (1ère connexion)",
	"rights.until":               "Ressources accessibles jusqu'au %s",
	"rights.ended":               "Accès aux ressources terminé le %s",
	"rights.none":                "Aucune inscription valide : pas d'accès aux ressources numériques",

	// --- mailbox (boîte mail de démonstration)
	"mailbox.title": "Boîte mail de démonstration",
	"mailbox.empty": "Aucun mail pour l'instant. Les codes envoyés par le service arrivent ici (un code d'activation, 15 minutes après la validation de l'inscription). Appuyez sur r pour actualiser.",
	"key.mail":      "mail",
	"key.refresh":   "actualiser",
	"mailbox.more":  "↓ suite du mail (PgDn)",
	"mailbox.end":   "— fin du mail —",

	// --- dashboard (Mon compte)
	"dash.title":                     "Mon compte",
	"dash.identifiant":               "Identifiant",
	"dash.recovery":                  "Mail de secours",
	"dash.redirection":               "Redirection",
	"dash.recovery.is":               "Mail de secours :",
	"dash.current":                   "Actuellement :",
	"dash.status.student":            "Statut : étudiant",
	"dash.status.staff":              "Statut : personnel",
	"dash.status.helpdesk":           "assistance",
	"dash.status.active":             "compte actif",
	"dash.redirection.none":          "aucune (vos mails restent dans la messagerie universitaire)",
	"dash.redirection.to":            "vers %s, %s",
	"dash.copy.kept":                 "copie conservée",
	"dash.copy.none":                 "sans copie",
	"dash.services":                  "Services de l'ENT",
	"dash.action.password":           "Mot de passe",
	"dash.action.recovery":           "Mail de secours",
	"dash.action.redirection":        "Redirection",
	"dash.action.helpdesk":           "Console assistance",
	"dash.action.logout":             "Déconnexion",
	"dash.address.required":          "Saisissez une adresse mail.",
	"dash.password.title":            "Changer mon mot de passe",
	"dash.password.current":          "Mot de passe actuel",
	"dash.password.current.required": "Saisissez votre mot de passe actuel.",
	"dash.password.same":             "Le nouveau mot de passe doit être différent de l'actuel.",
	"dash.password.submit":           "Changer le mot de passe",
	"dash.password.done":             "Mot de passe modifié. Un avis a été envoyé à votre mail de secours.",
	"dash.recovery.title":            "Changer mon mail de secours",
	"dash.recovery.intro":            "Un code sera envoyé à la nouvelle adresse : elle ne remplace l'actuelle qu'une fois ce code saisi.",
	"dash.recovery.new":              "Nouveau mail de secours",
	"dash.recovery.new.hint":         "une adresse personnelle, par exemple prenom.nom@example.org",
	"dash.recovery.submit":           "Envoyer le code",
	"dash.recovery.code":             "Un code a été envoyé à la nouvelle adresse %s",
	"dash.recovery.done":             "Mail de secours remplacé par %s ; l'ancien est prévenu.",
	"dash.redirection.title":         "Rediriger ma messagerie",
	"dash.redirection.address":       "Adresse de redirection",
	"dash.redirection.address.hint":  "Toute adresse autre que votre mail de secours reçoit d'abord un code.",
	"dash.redirection.keep":          "Conserver une copie dans la messagerie universitaire",
	"dash.redirection.submit":        "Rediriger vers cette adresse",
	"dash.redirection.self":          "Rediriger vers mon mail de secours",
	"dash.redirection.remove":        "Supprimer la redirection",
	"dash.redirection.code":          "Un code a été envoyé à %s pour confirmer la redirection.",
	"dash.redirection.done":          "Redirection en place : vers %s, %s.",
	"dash.redirection.removed":       "Redirection supprimée : vos mails restent dans la messagerie universitaire.",
	"dash.key.logout":                "déconnexion",
	"dash.confirm.password":          "Mot de passe actuel",
	"dash.confirm.password.hint":     "pour confirmer que c'est bien vous",
	// --- a redirection to the mail de secours follows it when it changes
	"dash.recovery.done.followed":    "Mail de secours remplacé par %s ; l'ancien est prévenu. Votre redirection suit : vos mails y vont désormais, %s.",
	"helpdesk.correct.follow":        "Les mails universitaires sont redirigés vers ce mail de secours (%s) : la redirection suivra, vers la nouvelle adresse.",
	"helpdesk.correct.done.followed": "Mail de secours corrigé : %s. L'ancienne adresse est prévenue. La redirection a suivi : les mails universitaires vont désormais à %s, %s.",
	// --- helpdesk (console assistance). Entries with {date}, {time},
	// {datetime}, {n} or {text} are filled by name; the others by %s / %d.
	"helpdesk.title":              "Console assistance",
	"helpdesk.search.label":       "Rechercher une personne",
	"helpdesk.search.placeholder": "nom, n° étudiant ou identifiant",
	"helpdesk.search.audit":       "Journal d'audit",
	"helpdesk.search.empty":       "Tapez un nom, un n° étudiant ou un identifiant.",
	"helpdesk.search.more":        "les %d premières sur %d : précisez la recherche",
	"helpdesk.search.count.one":   "%d personne",
	"helpdesk.search.count.other": "%d personnes",
	"helpdesk.search.none":        "Personne ne correspond à « %s ».",
	"helpdesk.staff":              "personnel",
	"helpdesk.state.active":       "actif",
	"helpdesk.state.pending":      "non activé",
	"helpdesk.state.none":         "sans compte",
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

	"helpdesk.tab.format":  "%d %s",
	"helpdesk.tab.card":    "Fiche",
	"helpdesk.tab.history": "Historique",
	"helpdesk.tab.walk":    "Parcours guidé",
	"helpdesk.tab.journal": "Journal",

	"helpdesk.card.category":             "Personne",
	"helpdesk.card.student":              "étudiant",
	"helpdesk.card.staff":                "personnel",
	"helpdesk.card.number":               "n° %s",
	"helpdesk.card.born":                 "date de naissance %s",
	"helpdesk.card.account":              "Compte",
	"helpdesk.card.account.none":         "aucun : pas d'inscription validée",
	"helpdesk.card.account.active":       "actif, activé le %s",
	"helpdesk.card.account.early":        "non activé · activation possible à partir du %s",
	"helpdesk.card.account.pending":      "non activé · activation possible depuis le %s",
	"helpdesk.card.lastlogin":            "dernière connexion le %s",
	"helpdesk.card.rights":               "Droits",
	"helpdesk.card.rights.until":         "jusqu'au %s",
	"helpdesk.card.rights.ended":         "terminés le %s",
	"helpdesk.card.rights.none":          "aucun droit ouvert",
	"helpdesk.card.registrations":        "Inscription",
	"helpdesk.card.noregistration":       "aucune inscription en %d/%d",
	"helpdesk.card.recovery":             "Mail de secours",
	"helpdesk.card.redirect":             "Redirection",
	"helpdesk.card.redirect.none":        "aucune",
	"helpdesk.card.redirect.copy":        "(copie gardée)",
	"helpdesk.card.locks":                "Verrouillage",
	"helpdesk.card.actions":              "Actions",
	"helpdesk.card.noaction":             "Aucune action possible pour ce compte.",
	"helpdesk.card.more.down":            "↓ suite de la fiche : PgDn",
	"helpdesk.card.more.up":              "↑ début de la fiche : PgUp",
	"helpdesk.reg.valide":                "valide",
	"helpdesk.reg.annulee":               "annulée",
	"helpdesk.pay.paye":                  "payée",
	"helpdesk.pay.en_attente":            "paiement en attente",
	"helpdesk.lock.login.free":           "connexion libre",
	"helpdesk.lock.login.failures.one":   "connexion libre, %d échec récent",
	"helpdesk.lock.login.failures.other": "connexion libre, %d échecs récents",
	"helpdesk.lock.login.locked":         "connexion verrouillée jusqu'à {time} (verrouillage n° {n})",
	"helpdesk.lock.lookup.free":          "consultation IA libre",
	"helpdesk.lock.lookup.locked":        "consultation IA bloquée jusqu'au {datetime}",
	"helpdesk.lock.lookup.disabled":      "consultation IA bloquée (à débloquer)",

	"helpdesk.action.resend":   "Renvoyer le code d'activation",
	"helpdesk.action.reset":    "Envoyer un code de réinitialisation",
	"helpdesk.action.unlock":   "Déverrouiller",
	"helpdesk.action.recovery": "Corriger le mail de secours",
	"helpdesk.confirm.for":     "%s · %s",
	"helpdesk.confirm.resend": "Un nouveau code d'activation partira vers le mail de secours {text}. Le code " +
		"précédent ne fonctionnera plus. Vous ne verrez jamais le code : la personne le lira dans sa boîte mail.",
	"helpdesk.confirm.reset": "Un code de réinitialisation partira vers le mail de secours {text}. Avec ce code, la " +
		"personne choisira elle-même son nouveau mot de passe. Vous ne verrez ni le code ni le mot de passe.",
	"helpdesk.confirm.unlock": "Le verrouillage de la connexion et la limite de la consultation IA de cette personne " +
		"seront levés, et ses échecs récents oubliés.",
	"helpdesk.confirm.yes":           "Confirmer",
	"helpdesk.confirm.no":            "Annuler",
	"helpdesk.correct.ask":           "Demandez le n° étudiant et la date de naissance (sans les dire) et comparez :",
	"helpdesk.correct.ask.staff":     "Demandez la date de naissance (sans la dire) et comparez :",
	"helpdesk.correct.number":        "N° étudiant",
	"helpdesk.correct.birth":         "Date de naissance",
	"helpdesk.correct.current":       "Mail de secours actuel",
	"helpdesk.correct.address":       "Nouveau mail de secours",
	"helpdesk.correct.checked":       "L'identité est vérifiée (n° étudiant et date de naissance)",
	"helpdesk.correct.checked.staff": "L'identité est vérifiée (date de naissance)",
	"helpdesk.correct.yes":           "Corriger",
	"helpdesk.done.sent.activation":  "Code d'activation créé, mail en file d'envoi vers %s ; nouvel envoi possible à %s.",
	"helpdesk.done.sent.reset": "Code de réinitialisation créé, mail en file d'envoi vers %s ; nouvel envoi possible à " +
		"%s.",
	"helpdesk.done.unlock.both":   "Connexion et consultation IA déverrouillées.",
	"helpdesk.done.unlock.login":  "Connexion déverrouillée.",
	"helpdesk.done.unlock.lookup": "Consultation IA déverrouillée.",
	"helpdesk.done.unlock.none":   "Rien n'était verrouillé ; les échecs récents sont oubliés.",
	"helpdesk.done.recovery":      "Mail de secours corrigé : %s. L'ancienne adresse est prévenue.",

	"helpdesk.tl.empty":                 "Aucun événement enregistré.",
	"helpdesk.tl.ia":                    "IA validée : %s",
	"helpdesk.tl.code.created":          "Code %s créé (%s)",
	"helpdesk.tl.code.used":             "Code %s utilisé",
	"helpdesk.tl.code.replaced":         "Code %s remplacé par un nouveau code",
	"helpdesk.tl.code.expired":          "Code %s expiré",
	"helpdesk.tl.code.revoked":          "Code %s annulé",
	"helpdesk.tl.code.revoked.failures": "Code %s annulé après %d erreurs",
	"helpdesk.tl.code.revoked.recovery": "Code %s annulé (mail de secours corrigé)",
	"helpdesk.tl.by":                    "par %s",
	"helpdesk.tl.outcome":               "%s : %s",
	"helpdesk.purpose.activation":       "d'activation",
	"helpdesk.purpose.reset":            "de réinitialisation",
	"helpdesk.purpose.recovery_mail":    "de confirmation du mail de secours",
	"helpdesk.purpose.redirection":      "de confirmation de redirection",
	"helpdesk.tl.mail.none":             "mail retiré",
	"helpdesk.tl.mail.queued":           "mail en file d'envoi vers %s",
	"helpdesk.tl.mail.due":              "mail vers %s prévu le %s",
	"helpdesk.tl.mail.sent":             "mail envoyé à %s le %s",
	"helpdesk.tl.mail.failed.one":       "mail vers %[2]s non remis après %[1]d essai : %[3]s",
	"helpdesk.tl.mail.failed.other":     "mail vers %[2]s non remis après %[1]d essais : %[3]s",
	"helpdesk.tl.mail.retrying.one":     "mail vers %[2]s pas encore parti, %[1]d essai sans succès : %[3]s",
	"helpdesk.tl.mail.retrying.other":   "mail vers %[2]s pas encore parti, %[1]d essais sans succès : %[3]s",
	"helpdesk.tl.mail.cancelled":        "mail vers %s annulé avant de partir",
	"helpdesk.tl.mail.used":             "mail vers %s : code lu dans la boîte d'envoi et utilisé, mail retenu",

	"helpdesk.event.LOGIN":                "Connexion",
	"helpdesk.event.LOGIN_ERROR":          "Échec de connexion",
	"helpdesk.event.LOGOUT":               "Déconnexion",
	"helpdesk.event.LOCK":                 "Verrouillage",
	"helpdesk.event.UNLOCK":               "Déverrouillage",
	"helpdesk.event.SEND_CODE":            "Code créé",
	"helpdesk.event.CODE_ERROR":           "Code refusé",
	"helpdesk.event.ACTIVATE":             "Compte activé",
	"helpdesk.event.RESET_PASSWORD":       "Mot de passe réinitialisé",
	"helpdesk.event.UPDATE_PASSWORD":      "Changement de mot de passe",
	"helpdesk.event.UPDATE_RECOVERY_MAIL": "Changement du mail de secours",
	"helpdesk.event.UPDATE_REDIRECTION":   "Changement de redirection",
	"helpdesk.event.IA_LOOKUP":            "Consultation IA",
	"helpdesk.event.IA_LOOKUP_ERROR":      "Consultation IA échouée",
	"helpdesk.event.HELPDESK_ACTION":      "Assistance",
	"helpdesk.event.ROLE_CHANGE":          "Rôle changé",
	"helpdesk.event.IMPORT":               "Import",
	"helpdesk.event.ACCOUNT_CREATED":      "Compte créé",
	"helpdesk.event.HELPDESK_VIEW":        "Fiche consultée",

	"helpdesk.outcome.replaced":               "code d'un mail précédent",
	"helpdesk.outcome.refused":                "refusé",
	"helpdesk.outcome.wrong":                  "erroné",
	"helpdesk.outcome.LOGIN_ERROR.wrong":      "mot de passe incorrect",
	"helpdesk.outcome.not_activated":          "compte non activé",
	"helpdesk.outcome.locked":                 "verrouillé",
	"helpdesk.outcome.rights_ended":           "droits terminés",
	"helpdesk.outcome.granted":                "accordé",
	"helpdesk.outcome.revoked":                "retiré",
	"helpdesk.outcome.unchanged":              "inchangé",
	"helpdesk.outcome.sent":                   "mail mis en file d'envoi",
	"helpdesk.outcome.no_match":               "pas de correspondance",
	"helpdesk.outcome.pending":                "en attente d'activation",
	"helpdesk.outcome.client_blocked":         "poste bloqué",
	"helpdesk.outcome.lookup_locked":          "consultation bloquée",
	"helpdesk.outcome.wrong_current_password": "mot de passe actuel incorrect",
	"helpdesk.outcome.unknown":                "identifiant inconnu",
	"helpdesk.outcome.unknown_identifiant":    "identifiant inconnu",
	"helpdesk.outcome.ok":                     "ok",
	"helpdesk.outcome.CODE_ERROR.wrong":       "code erroné",
	"helpdesk.outcome.cleared":                "levé",
	"helpdesk.outcome.import":                 "import",
	"helpdesk.outcome.viewed":                 "consultée",
	"helpdesk.outcome.LOGOUT.logout":          "par la personne",
	"helpdesk.outcome.LOGOUT.idle":            "inactivité",
	"helpdesk.outcome.LOGOUT.home_key":        "touche accueil",
	"helpdesk.outcome.LOGOUT.panic":           "erreur interne",
	"helpdesk.outcome.LOGOUT.stopped":         "borne arrêtée",
	"helpdesk.outcome.LOGOUT.quit":            "session quittée",
	"helpdesk.outcome.LOGOUT.max_time":        "durée maximale atteinte",
	"helpdesk.outcome.LOGOUT.shutdown":        "arrêt du serveur",
	"helpdesk.outcome.LOGOUT.error":           "erreur",
	"helpdesk.outcome.LOGOUT.disconnect":      "connexion SSH coupée",

	"helpdesk.detail.try.activation":      "renvoi du code d'activation",
	"helpdesk.detail.try.reset":           "envoi d'un code de réinitialisation",
	"helpdesk.detail.try.unlock":          "déverrouillage",
	"helpdesk.detail.try.recovery":        "correction du mail de secours",
	"helpdesk.detail.try.console":         "ouverture de la console",
	"helpdesk.detail.try.view":            "consultation de la fiche",
	"helpdesk.detail.code":                "code %s",
	"helpdesk.detail.code.to":             "code %s, mail vers %s",
	"helpdesk.detail.code.errors":         "code %s, erreur %d sur %d",
	"helpdesk.detail.newreg":              "nouvelle inscription %s, %s",
	"helpdesk.detail.created":             "IA validée le %s, %s",
	"helpdesk.detail.mail.due":            "mail d'activation à %s prévu le %s",
	"helpdesk.detail.mail.none":           "pas de mail d'activation : droits terminés le %s",
	"helpdesk.detail.noredirection":       "sans redirection",
	"helpdesk.detail.redirection":         "redirection vers %s",
	"helpdesk.detail.redirect.removed":    "redirection supprimée",
	"helpdesk.detail.redirect.to":         "vers %s",
	"helpdesk.detail.redirect.copy":       "vers %s, copie gardée",
	"helpdesk.detail.what.login":          "connexion",
	"helpdesk.detail.what.lookup":         "consultation IA",
	"helpdesk.detail.what.both":           "connexion et consultation IA",
	"helpdesk.detail.unlocked":            "déverrouillé : %s",
	"helpdesk.detail.unlock.none":         "rien n'était verrouillé",
	"helpdesk.detail.unlock.password":     "verrouillage levé par un nouveau mot de passe",
	"helpdesk.detail.sent":                "nouveau code %s, mail vers %s",
	"helpdesk.detail.corrected.number":    "mail de secours corrigé, n° étudiant et date de naissance vérifiés : %s",
	"helpdesk.detail.corrected.birth":     "mail de secours corrigé, date de naissance vérifiée : %s",
	"helpdesk.detail.role.helpdesk":       "rôle assistance",
	"helpdesk.detail.number":              "n° %s",
	"helpdesk.detail.lock.login":          "connexion bloquée pendant %s : %s",
	"helpdesk.detail.lock.why.failures":   "échecs répétés",
	"helpdesk.detail.lock.why.automation": "essais trop rapprochés",
	"helpdesk.detail.lock.client":         "poste bloqué pendant %s",
	"helpdesk.detail.lock.lookupclient":   "poste bloqué pendant %s pour la consultation IA",
	"helpdesk.detail.lock.lookupoff":      "consultation IA du n° %s bloquée jusqu'au déblocage par l'assistance",
	"helpdesk.detail.lock.lookup":         "consultation IA du n° %s bloquée jusqu'au %s",
	"helpdesk.unit.seconds":               "%d\u00a0s",
	"helpdesk.unit.minutes":               "%d\u00a0min",
	"helpdesk.unit.hours":                 "%d\u00a0h",

	"helpdesk.reason.not_helpdesk":                             "pas le rôle assistance",
	"helpdesk.reason.mail_limit":                               "limite d'envoi de mails",
	"helpdesk.reason.too_early":                                "trop tôt",
	"helpdesk.reason.rights_ended":                             "droits terminés",
	"helpdesk.reason.invalid_address":                          "adresse non valide",
	"helpdesk.reason.account_already_active":                   "compte déjà activé",
	"helpdesk.reason.account_not_activated":                    "compte non activé",
	"helpdesk.reason.same_address":                             "même adresse",
	"helpdesk.reason.redirection_to_the_account's_own_address": "adresse du compte lui-même",
	"helpdesk.reason.identity_not_checked":                     "identité non vérifiée",

	"helpdesk.audit.title":       "Journal d'audit",
	"helpdesk.audit.identifiant": "Identifiant",
	"helpdesk.audit.all":         "vide : toutes les personnes",
	"helpdesk.audit.event":       "Événement",
	"helpdesk.audit.every":       "tous",
	"helpdesk.audit.page":        "page %d, les plus récents d'abord",
	"helpdesk.audit.none":        "Aucun événement pour ce filtre.",

	"helpdesk.case.never_activated":            "Jamais activé",
	"helpdesk.case.forgot_password":            "Mot de passe oublié",
	"helpdesk.case.connection":                 "Problème de connexion",
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
	"helpdesk.next.enter": "Entrée : %s",

	// The console's page of Aide (screens/help.go: agents only).
	"help.console": "Console assistance",
	"help.console.text": `La console sert à aider une personne au téléphone ou au guichet : la retrouver, voir ce qui bloque, agir. Vous ne voyez jamais un mot de passe ni un code. Chaque fiche ouverte et chaque action sont écrites au journal d'audit, à votre nom.

## Rechercher
Tapez un nom, un n° étudiant ou un identifiant, puis Entrée. ↑/↓ choisit une personne, Entrée ouvre sa fiche. Tab mène au journal d'audit ; Échap revient au tableau de bord.

## La fiche d'une personne
←/→ (ou 1 à 4) change d'onglet ; Échap revient à la recherche.
1. Fiche : la personne, le compte, les droits, les inscriptions de l'année, le mail de secours (masqué), les verrouillages. ↑/↓ choisit une action, Entrée l'ouvre ; PgDn/PgUp montre la suite de la fiche quand elle ne tient pas à l'écran.
2. Historique : ce qui est arrivé au compte, du plus récent au plus ancien ; ✗ marque un problème. ↑/↓ et PgUp/PgDn font défiler.
3. Parcours guidé : les vérifications dans l'ordre pour le cas de la personne (Tab change de cas), puis ce qu'il faut faire ; Entrée ouvre l'action proposée.
4. Journal : les lignes d'audit de la personne. Tab choisit le type d'événement, ↑/↓ une ligne (en entier en bas de l'écran), PgDn/PgUp change de page.

## Les actions
La fiche ne propose que les actions possibles pour ce compte maintenant. Chacune se confirme sur une page à part, puis s'écrit au journal d'audit.
- Renvoyer le code d'activation : compte jamais activé, droits ouverts, à partir de {delay} min après la validation de l'IA. Un nouveau code part vers le mail de secours ; le précédent ne fonctionne plus.
- Envoyer un code de réinitialisation : compte activé, droits ouverts. Avec ce code, la personne choisit elle-même son nouveau mot de passe.
- Déverrouiller : connexion verrouillée, échecs récents comptés ou consultation IA bloquée. Le verrouillage est levé et les échecs récents oubliés.
- Corriger le mail de secours : droits ouverts, et seulement après avoir vérifié l'identité de la personne.
Un code est valable {lifetime} h et s'annule après {tries} erreurs de saisie. Un nouvel envoi est possible après {resend} s, et {mails} mails par heure au plus.

## Avant de corriger le mail de secours
Demandez le n° étudiant et la date de naissance sans les dire, puis comparez-les à ceux qu'affiche la page (personnels : la date de naissance seule). Ne cochez « L'identité est vérifiée » que s'ils correspondent. Les codes envoyés à l'ancienne adresse cessent de fonctionner, et l'ancienne adresse est prévenue du changement.

## Le journal d'audit
Depuis la recherche (Tab, puis Entrée) : tout le journal, le plus récent d'abord. Filtrez par identifiant ou numéro d'étudiant (Entrée) et par type d'événement (Tab, puis ←/→).`,

	// --- the dashboard reads the account again; the audit tables
	"helpdesk.col.identifiant.short": "Compte",
	"dash.key.refresh":               "actualiser",
	"dash.refreshed":                 "Compte relu : les informations affichées sont à jour.",
	"dash.role.granted":              "Rôle assistance accordé : la console est dans le menu.",
	"dash.role.revoked":              "Rôle assistance retiré : la console n'est plus dans le menu.",

	// --- the command line, the demo, the console's audit
	"helpdesk.reason.resend_cooldown": "délai entre deux codes",
	"cli.lang.help":                   "langue des messages et des libellés : fr ou en",
	"cli.import.dir":                  "import : « %s » est un dossier, pas un fichier CSV.",
	"cli.import.missing":              "import : %s : fichier ou dossier introuvable",
	"cli.import.denied":               "import : « %s » : lecture refusée par les droits du fichier ; lancez l'import avec un utilisateur qui peut le lire.",
	"cli.import.unreadable":           "import : « %s » : lecture impossible (%s).",
	"cli.import.empty":                "import : « %s » est vide : il faut au moins la ligne d'en-tête (les noms des colonnes).",
	"cli.import.utf16":                "import : « %s » est en UTF-16 : enregistrez-le en UTF-8 (dans un tableur : « CSV UTF-8 »).",
	"cli.import.notutf8":              "import : « %s » n'est pas en UTF-8 : enregistrez-le en UTF-8 (dans un tableur : « CSV UTF-8 »).",
	"cli.import.noheader":             "import : « %s » n'a pas de ligne d'en-tête : la première ligne donne les noms des colonnes (numero_etudiant;nom;prenom;…).",
	"cli.import.ignored":              "colonne ignorée : %s",
	"cli.import.account":              "compte créé : %s",
	"cli.import.refusal":              "refusée : %s",
	"cli.import.summary":              "lignes : %s, %s, %s, %s ; comptes créés : %d",
	"cli.import.created.one":          "%d créée",
	"cli.import.created.other":        "%d créées",
	"cli.import.updated.one":          "%d mise à jour",
	"cli.import.updated.other":        "%d mises à jour",
	"cli.import.unchanged.one":        "%d inchangée",
	"cli.import.unchanged.other":      "%d inchangées",
	"cli.import.refused.one":          "%d refusée",
	"cli.import.refused.other":        "%d refusées",
	"cli.import.failed.one":           "import : %d ligne refusée, les autres lignes sont enregistrées",
	"cli.import.failed.other":         "import : %d lignes refusées, les autres lignes sont enregistrées",
	"cli.date.none":                   "%s : --%s : la date %s n'existe pas.",
	"cli.audit.none":                  "(aucun événement)",
	"cli.audit.limit.one":             "l'événement le plus récent seulement (--limit pour en voir plus)",
	"cli.audit.limit.other":           "les %d événements les plus récents seulement (--limit pour en voir plus)",
	"cli.date.bad":                    "%s : --%s %q : une date jj/mm/aaaa ou aaaa-mm-jj",
	"helpdesk.audit.none.unknown":     "Aucun événement pour « %s » : ce n'est ni un identifiant ni un numéro d'étudiant connu. Saisissez un identifiant complet (prenom.nom) ou un numéro d'étudiant (8 chiffres).",
	"helpdesk.audit.none.person":      "Aucun événement pour « %s ».",
	"helpdesk.audit.none.event":       "Aucun événement « %s » pour « %s » : choisissez « %s » dans Événement pour voir tout son journal.",

	// --- ssh
	"ssh.nopty":         "Un terminal interactif est nécessaire : connectez-vous avec « ssh -t », sans commande.",
	"ssh.exec":          "Ce service n'exécute aucune commande : connectez-vous sans commande.",
	"ssh.subsystem":     "Ce service ne propose ni sftp ni scp.",
	"ssh.token.bad":     "Ce lien n'est pas valable : saisissez le code reçu par mail.",
	"ssh.token.expired": "Ce lien a expiré (24 h) : demandez un nouveau code ci-dessous.",
	"ssh.token.active":  "Votre compte est déjà activé : connectez-vous avec votre mot de passe.",
	"ssh.token.used":    "Ce lien a déjà servi ou a été remplacé : utilisez le dernier mail reçu.",
	"ssh.token.error":   "Ce lien n'a pas pu être ouvert : réessayez, ou saisissez le code reçu.",
	"ssh.end.idle":      "Session fermée après une période d'inactivité. Reconnectez-vous pour continuer.",
	"ssh.end.maxtime":   "Session fermée : durée maximale atteinte. Reconnectez-vous pour continuer.",
	"ssh.end.shutdown":  "Le service redémarre : session fermée. Reconnectez-vous dans un instant.",
	"ssh.end.error":     "Une erreur interne a fermé la session. Reconnectez-vous ; si cela se reproduit, contactez l'assistance.",

	// --- helpdesk: the list of the cases (huh)
	"helpdesk.choice.title":   "Quel est le problème de la personne ?",
	"helpdesk.key.choosecase": "choisir le cas",

	// --- mailbox: a mail cancelled before it went (its code no longer works)
	"mailbox.cancelled.tag": "(annulé) ",
	"mailbox.used.tag":      "(code utilisé) ",
	"mailbox.used":          "Le code de ce mail a déjà servi : le mail n'a plus besoin de partir.",
	"mailbox.cancelled":     "Mail annulé avant son envoi : son code ne fonctionne plus (un code plus récent a été envoyé, ou celui-ci a déjà servi ou a été révoqué).",

	// --- web page (tui/webserver): the page around the terminal
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

	// --- login queue (the hashing queue on a busy morning)
	"queue.next":        "C'est bientôt votre tour, environ %d s…",
	"queue.ahead.one":   "%d personne avant vous, environ %d s…",
	"queue.ahead.other": "%d personnes avant vous, environ %d s…",
	// --- accessible mode (tui/accessible): sentences for a screen reader, one question at a time
	"key.accessible":               "accessible",
	"a11y.leave":                   "Revenir à l'affichage habituel (écran complet)",
	"a11y.ask":                     "%s, %s :",
	"a11y.ask.plain":               "%s :",
	"a11y.check":                   "Point %d sur %d : %s.",
	"a11y.pair":                    "%s : %s",
	"a11y.console.title":           "Console assistance. Cherchez une personne : nom, numéro étudiant ou identifiant.",
	"a11y.console.search":          "Recherche (Entrée sans rien taper : retour à mon compte) :",
	"a11y.console.hit":             "%s, %s, %s, compte %s",
	"a11y.console.open":            "Quelle fiche ouvrir ?",
	"a11y.console.again":           "Nouvelle recherche",
	"a11y.console.card":            "Fiche de %s.",
	"a11y.console.history":         "Historique",
	"a11y.console.walk":            "Parcours guidé",
	"a11y.console.walk.title":      "Parcours guidé : %s.",
	"a11y.console.problem":         "problème : %s",
	"a11y.console.check.ok":        "%s : correct. %s",
	"a11y.console.check.problem":   "%s : problème. %s",
	"a11y.console.check.info":      "%s : %s",
	"a11y.console.run":             "%s maintenant ?",
	"a11y.console.confirm":         "Confirmez-vous ?",
	"a11y.console.identity":        "L'identité est-elle vérifiée (numéro et date de naissance donnés par la personne, identiques) ?",
	"a11y.login.password":          "Retaper le mot de passe",
	"a11y.login.other":             "Changer d'identifiant",
	"a11y.console.journal":         "Journal (les %d derniers événements)",
	"a11y.activation.done.how":     "Pour vous connecter, donnez votre identifiant (%s suffit) et le mot de passe que vous venez de choisir : sur une borne ENT du campus (touche F3 pour ce mode), ou depuis chez vous avec ssh, utilisateur acces (voir l'aide).",
	"a11y.charter.refuse":          "Sans votre accord, vous ne pouvez pas utiliser votre compte : répondre Non vous déconnecte.",
	"a11y.charter.refused":         "sans accord sur la charte, le compte ne peut pas être utilisé : vous êtes déconnecté.",
	"a11y.activation.code.nothing": "Rien reçu ? Vérifiez l'identifiant saisi et vos courriers indésirables ; ou, par Entrée sans rien taper, revenez à l'accueil pour vous identifier avec votre numéro étudiant.",
	"a11y.welcome":                 "Université de Montpellier, Environnement Numérique de Travail, compte informatique. Mode accessible : chaque question attend une réponse sur une ligne, validée par Entrée. Les choix sont numérotés : tapez le numéro. Ctrl+C revient à l'accueil.",
	"a11y.demo":                    "Démonstration : les mails envoyés se lisent dans « Mails de démonstration ».",
	"a11y.home.title":              "Accueil.",
	"a11y.home.question":           "Que voulez-vous faire ? Tapez le numéro de votre choix.",
	"a11y.next.question":           "Que voulez-vous faire ?",
	"a11y.help.question":           "Aide : quel sujet voulez-vous lire ?",
	"a11y.choice.invalid":          "tapez un numéro de 1 à %d, puis Entrée.",
	"a11y.error":                   "Erreur : %s",
	"a11y.success":                 "Réussi : %s",
	"a11y.field":                   "%s : %s.",
	"a11y.yes":                     "Oui",
	"a11y.no":                      "Non",
	"a11y.home":                    "Retour à l'accueil",
	"a11y.back":                    "Retour",
	"a11y.lang":                    "English: use the service in English",
	"a11y.quit":                    "Quitter",
	"a11y.bye":                     "Au revoir.",
	"a11y.secret":                  "(la saisie ne s'affiche pas)",
	"a11y.login.for":               "Identifiant : %s.",
	"a11y.login.again":             "Réessayer",
	"a11y.loggedout":               "vous êtes déconnecté.",
	"a11y.activation.for":          "Identifiant : %s.",
	"a11y.activation.empty":        "Vous ne le connaissez pas ? Appuyez sur Entrée sans rien taper.",
	"a11y.activation.retype":       "Retaper l'identifiant",
	"a11y.charter.question":        "Avez-vous lu la charte, et l'acceptez-vous ?",
	"a11y.code.menu":               "Appuyez sur Entrée sans rien taper pour recevoir un nouveau code ou revenir à l'accueil.",
	"a11y.code.ok":                 "code accepté.",
	"a11y.code.type":               "Taper le code",
	"a11y.code.demo":               "Démonstration : le mail se lit dans « Mails de démonstration », à l'accueil (ou avec la commande entkiosk outbox).",
	"a11y.password.rules":          "Choisissez votre mot de passe. Il est demandé deux fois. Les règles :",
	"a11y.rule.todo":               "%s.",
	"a11y.rule.ok":                 "respecté : %s.",
	"a11y.rule.no":                 "non respecté : %s.",
	"a11y.strength":                "robustesse : %s. %s",
	"a11y.registration":            "Inscription %d sur %d :",
	"a11y.service":                 "%s, %s : %s.",
	"a11y.mailbox":                 "Mails de démonstration",
	"a11y.mailbox.empty":           "Aucun mail pour le moment.",
	"a11y.mailbox.count.one":       "%d mail, le plus récent en premier. Lequel lire ?",
	"a11y.mailbox.count.other":     "%d mails, le plus récent en premier. Lequel lire ?",
	"a11y.mail.label":              "à %s : %s",
	"a11y.mail.to":                 "Destinataire",
	"a11y.mail.subject":            "Objet",
	"a11y.mail.date":               "Date",
	"a11y.idle.wipe":               "Sans réponse, tout sera effacé et l'accueil reviendra dans %d secondes. Tapez votre réponse pour rester.",
	"a11y.idle.close":              "Sans réponse, la session se fermera dans %d secondes. Tapez votre réponse pour rester.",
	"a11y.idle.wiped":              "Session effacée après une période d'inactivité.",
	"a11y.idle.closed":             "Session fermée après une période d'inactivité. Reconnectez-vous pour continuer.",

	// --- the institution (its file: --institution) and its charter
	"common.registration.default":   "scolarité de votre composante (UFR, faculté, institut ou école)",
	"help.contact.none":             "coordonnées non communiquées ici : demandez-les à l'accueil de votre établissement",
	"charter.required":              "Cochez la case pour accepter la charte et continuer.",
	"charter.title":                 "Nouvelle charte d'usage",
	"charter.intro":                 "La charte d'usage des ressources numériques a changé (version %s). Lisez-la et acceptez-la pour continuer.",
	"charter.refuse":                "Sans votre accord, vous ne pouvez pas utiliser votre compte : Échap vous déconnecte.",
	"helpdesk.event.ACCEPT_CHARTER": "Charte acceptée",
	"helpdesk.detail.charter":       "version %s",
	// --- enumeration and codes (issues 12, 13): « 1ère connexion » answers every identifiant alike
	"activation.code.sent":             "Un mail a été envoyé à l'adresse personnelle de ce compte : %s. Il contient votre code d'activation, ou vous dit ce qui s'applique à ce compte.",
	"activation.code.nothing":          "Rien reçu ? Vérifiez l'identifiant saisi et vos courriers indésirables, ou identifiez-vous avec votre numéro étudiant (Échap).",
	"activation.answer.active":         "Votre compte est déjà activé : ce code a servi à l'activer.",
	"activation.answer.active.next":    "Connectez-vous avec votre identifiant et votre mot de passe. Mot de passe oublié ? Choisissez « Mot de passe oublié ».",
	"activation.answer.login":          "Se connecter",
	"activation.answer.forgot":         "Mot de passe oublié",
	"error.code.earlier.expired":       "Ce code vient d'un mail précédent, qui a expiré (il était valable jusqu'au %s). Un nouveau mail est parti à %s vers %s : saisissez le code qu'il contient.",
	"error.code.earlier.expired.none":  "Ce code vient d'un mail précédent, qui a expiré (il était valable jusqu'au %s). Demandez un nouveau code.",
	"error.code.earlier.replaced":      "Ce code vient d'un mail précédent, remplacé par celui parti à %s vers %s : saisissez le code du dernier mail.",
	"error.code.earlier.used":          "Ce code a déjà servi (le %s) : il ne fonctionne plus.",
	"error.code.earlier.revoked":       "Ce code vient d'un mail précédent et n'est plus valable : saisissez le code du dernier mail reçu.",
	"helpdesk.state.ended":             "droits terminés",
	"helpdesk.event.nocode":            "Code demandé",
	"helpdesk.request.activation":      "1ère connexion",
	"helpdesk.request.reset":           "mot de passe oublié",
	"helpdesk.request.recovery_mail":   "confirmation du mail de secours",
	"helpdesk.request.redirection":     "confirmation de la redirection",
	"helpdesk.detail.nocode.ended":     "%s : droits terminés le %s : aucun code envoyé",
	"helpdesk.detail.nocode.active":    "%s : compte déjà actif : aucun code envoyé",
	"helpdesk.detail.nocode.notice":    "%s ; mail d'information à %s",
	"helpdesk.outcome.already_active":  "compte déjà actif",
	"helpdesk.outcome.earlier_expired": "code d'un mail précédent, expiré",
	"helpdesk.outcome.earlier_used":    "code déjà utilisé",
	"helpdesk.outcome.earlier_revoked": "code d'un mail précédent, révoqué",
	"helpdesk.correct.review":          "Nouveau mail de secours, en entier : relisez-le à la personne, caractère par caractère, avant de l'enregistrer.",
	"helpdesk.correct.review.why":      "Une fois enregistré, il ne sera plus affiché que masqué.",
	"helpdesk.correct.save":            "Enregistrer",
	"helpdesk.correct.edit":            "Modifier",
	"helpdesk.correct.send":            "Envoyer un nouveau code",
	"helpdesk.correct.send.why":        "Les codes envoyés à l'ancienne adresse ne fonctionnent plus et ne comptent plus dans la limite de 3 par heure : un nouveau code peut partir tout de suite.",
	"helpdesk.correct.tocard":          "Retour à la fiche",

	// --- store hardening (issue 13): addresses, login ceiling, audit chain
	"cli.audit.verify.help":         "vérifie la chaîne d'empreintes du journal : dit où elle est rompue (une entrée modifiée, supprimée ou insérée)",
	"cli.audit.verify.ok.one":       "chaîne intacte : %d entrée",
	"cli.audit.verify.ok.other":     "chaîne intacte : %d entrées",
	"cli.audit.verify.unchained":    "dont %d écrites avant la chaîne (version antérieure d'entkiosk), non vérifiables",
	"cli.audit.verify.head":         "dernière entrée : id %d, empreinte %s (notez-la ailleurs : une chaîne réécrite en entier ne s'y retrouvera pas)",
	"cli.audit.verify.edited":       "rupture à l'entrée id %d (%s) : entrée modifiée, ou insérée",
	"cli.audit.verify.missing":      "rupture à l'entrée id %d (%s) : entrées id %d à %d absentes (supprimées)",
	"cli.audit.verify.broken.one":   "audit --verify : chaîne rompue en %d endroit (voir ci-dessus)",
	"cli.audit.verify.broken.other": "audit --verify : chaîne rompue en %d endroits (voir ci-dessus)",
	"helpdesk.lock.login.closed":    "connexion par mot de passe fermée après 100 échecs de suite (à débloquer, ou code de réinitialisation)",
	"error.login.closed":            "Trop d'échecs : connexion fermée. Passez par « Problème de connexion ».",
	"error.email.char":              "Le caractère « %c » n'est pas accepté dans une adresse mail : lettres sans accent, chiffres et . _ - + avant le @ ; lettres sans accent, chiffres, . et - après.",
	// --- directory (LDAP): what the campus directory refused, in the person's words
	"error.directory.unavailable":                           "L'annuaire de l'université ne répond pas : rien n'a été changé, réessayez dans quelques minutes.",
	"error.directory.missing":                               "Votre compte n'est pas encore dans l'annuaire : réessayez demain ou contactez l'assistance.",
	"error.directory.policy.short":                          "L'annuaire de l'université refuse ce mot de passe : il est trop court. Choisissez-en un plus long.",
	"error.directory.policy.history":                        "Vous avez déjà utilisé ce mot de passe : choisissez-en un que vous n'avez jamais utilisé.",
	"error.directory.policy.young":                          "Votre mot de passe vient d'être changé : l'annuaire n'en accepte pas un autre si tôt, réessayez plus tard.",
	"error.directory.policy.other":                          "L'annuaire de l'université refuse ce mot de passe : choisissez-en un autre, plus long et plus varié.",
	"helpdesk.card.directory":                               "Annuaire",
	"helpdesk.card.directory.known":                         "présent",
	"helpdesk.card.directory.missing":                       "absent de l'annuaire : l'activation attend que l'annuaire l'ait reçu (en général le lendemain)",
	"helpdesk.card.directory.down":                          "l'annuaire ne répond pas",
	"helpdesk.card.directory.pending.one":                   "%d changement en attente",
	"helpdesk.card.directory.pending.other":                 "%d changements en attente",
	"helpdesk.card.directory.failed.one":                    "%d changement en échec (entkiosk directory --status failed)",
	"helpdesk.card.directory.failed.other":                  "%d changements en échec (entkiosk directory --status failed)",
	"helpdesk.outcome.directory_unavailable":                "l'annuaire ne répondait pas",
	"helpdesk.outcome.not_in_directory":                     "absent de l'annuaire",
	"helpdesk.reason.directory":                             "par l'annuaire",
	"helpdesk.reason.directory_policy_too_short":            "annuaire : mot de passe trop court",
	"helpdesk.reason.directory_policy_in_history":           "annuaire : mot de passe déjà utilisé",
	"helpdesk.reason.directory_policy_changed_too_recently": "annuaire : changé trop récemment",
	"helpdesk.reason.directory_policy_insufficient_quality": "annuaire : mot de passe trop faible",
	"helpdesk.reason.directory_policy_unknown_rule":         "annuaire : règle des mots de passe",
	// --- screens (issue 12): the password checklist, staff, help lines, helpdesk card
	"password.rule.forbidden.item":            "« %s » (position %d)",
	"password.rule.forbidden.several":         "caractères interdits : %s",
	"lookup.wrong":                            "Une information manque ou est erronée ? Contactez votre service de scolarité.",
	"helpdesk.lock.login.locked.nocount":      "connexion verrouillée jusqu'à {time}",
	"helpdesk.walk.login_lock.locked.nocount": "verrouillé jusqu'à {time}",
	"helpdesk.audit.number":                   "n° %s",
	"helpdesk.step.ia.staff":                  "Compte (personnel)",
	// --- fixes (tester's round): a login refused because the directory is down
	"error.directory.unavailable.login":   "L'annuaire de l'université ne répond pas : la connexion est impossible pour l'instant, réessayez dans quelques minutes.",
	"helpdesk.detail.lock.closed":         "connexion par mot de passe fermée après %s échecs de suite, jusqu'à une réinitialisation par code ou un déblocage par l'assistance",
	"helpdesk.outcome.login_closed":       "connexion fermée",
	"helpdesk.outcome.LOGIN_ERROR.closed": "connexion fermée (trop d'échecs)",
	"cli.audit.verify.missing.one":        "rupture à l'entrée id %d (%s) : entrée id %d absente (supprimée)",
	"error.directory.policy.short.min":    "L'annuaire de l'université refuse ce mot de passe : il est trop court (%d caractères au moins). Choisissez-en un plus long.",
	// contracts (issue 11.2): audit details said from their kind
	"helpdesk.detail.lock.lookuppair": "consultation IA du n° %s bloquée depuis ce poste jusqu'au %s",
	"helpdesk.detail.unlock.reopened": "connexion par mot de passe rouverte par un nouveau mot de passe",
}
