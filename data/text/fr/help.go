package fr

// help: help (Aide).
var help = map[string]string{
	// The topics' texts (help.<topic>.text) take the rules' figures by
	// number (Common.helpText): %[1]d the password's least length, %[2]d its
	// recommended length, %[3]d its greatest, %[4]d the minutes between the
	// registration and the activation, %[5]d a code's hours of life, %[6]d
	// the wrong codes allowed, %[7]d the seconds before a code is sent
	// again, %[8]d the code mails an hour, %[9]d a code's digits, %[10]d
	// the idle seconds, %[11]d the countdown's seconds, %[12]s the
	// students' mail domain, %[13]s the staff's, %[14]s the helpdesk's
	// contact, %[15]s how to connect from home.
	// help (Aide)
	"help.title":       "Aide",
	"help.more":        "↓ suite (PgDn ou Espace)",
	"help.end":         "— fin —",
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
Il a la forme prenom.nom@%[12]s (personnels : prenom.nom@%[13]s), en minuscules, sans accents ni apostrophes ; espaces et autres séparateurs deviennent « - ».
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
	"help.activation.text": `Votre compte est créé quand votre inscription administrative (IA) est validée. Vous pouvez l'activer %[4]d minutes après la validation ; avant, l'écran indique à partir de quelle heure.

1. Sur l'accueil, choisissez « 1ère connexion ».
2. Saisissez votre identifiant. Vous ne le connaissez pas ? Donnez votre numéro étudiant (8 chiffres) et votre date de naissance (jjmmaaaa).
3. Un code de %[9]d chiffres part vers votre adresse mail personnelle (celle donnée à l'inscription), affichée masquée : ca•••••n@gmail.com. Il est valable %[5]d h.
4. Saisissez le code. Rien reçu ? Regardez dans les indésirables, puis « Renvoyer le code » (possible après %[7]d s) : l'ancien code ne marche plus.
5. Lisez la charte informatique et acceptez-la.
6. Choisissez si votre messagerie universitaire est redirigée vers une autre adresse (facultatif, modifiable ensuite).
7. Choisissez votre mot de passe (voir « Règles du mot de passe ») et confirmez-le.

C'est fait : l'écran rappelle votre identifiant. Connectez-vous avec lui et votre nouveau mot de passe, sur une borne ou depuis chez vous (voir « Se connecter de chez soi », le sujet suivant).

Un compte déjà activé ne se réactive pas : si vous avez oublié le mot de passe, passez par « Problème de connexion ».`,
	"help.recovery.text": `« Problème de connexion » propose trois parcours.

## J'ai oublié mon mot de passe
1. Saisissez votre identifiant.
2. Un code de %[9]d chiffres part vers votre mail de secours, affiché masqué. Il est valable %[5]d h, pour une seule utilisation.
3. Saisissez le code, puis choisissez un nouveau mot de passe.
Par sécurité, la réponse est la même que l'identifiant existe ou non : si aucun mail n'arrive, vérifiez l'identifiant avec « Consulter mon inscription (IA) ».

## Je n'ai jamais activé mon compte
Suivez « 1ère connexion » : le code part vers votre adresse personnelle.

## Je rencontre des problèmes de connexion
- vérifiez l'identifiant (prenom.nom, sans accents) et la touche Verr. Maj ;
- après plusieurs mots de passe erronés, la connexion est bloquée un moment : attendez, ou réinitialisez votre mot de passe ;
- vos droits ont peut-être pris fin : voir « Fin des droits ».

## Les codes
Après %[6]d codes erronés, le code n'est plus valable : demandez-en un nouveau. Chaque nouveau code remplace le précédent. Au plus %[8]d mails de code par heure.`,
	"help.password.text": `Les règles de l'université, appliquées à chaque nouveau mot de passe :
- au moins %[1]d caractères (%[2]d recommandés), au plus %[3]d ;
- au moins un chiffre et au moins une lettre ;
- aucun des caractères < > " ' $ (l'écran nomme le caractère et sa position) ;
- pas un mot du dictionnaire (français ou anglais) ni un mot de passe courant, même avec des chiffres ou signes à la fin ou des substitutions (0 pour o, 3 pour e, @ pour a…) ;
- pas construit sur vos nom, prénom, identifiant, numéro étudiant ou date de naissance.

Chaque règle se coche pendant la saisie ; la jauge de robustesse conseille %[2]d caractères. Une suite de plusieurs mots sans rapport, avec un chiffre, est facile à retenir et difficile à deviner.

Un mot de passe refusé garde vos saisies : corrigez-le. Après chaque changement, un avis est envoyé à votre mail de secours.

Ne communiquez jamais votre mot de passe : l'assistance ne le demande jamais.`,
	"help.mail.text": `Le mail de secours est votre adresse personnelle : il reçoit les codes quand vous oubliez votre mot de passe, et les avis de modification de votre compte. Au départ, c'est l'adresse donnée à l'inscription. Ce ne peut pas être une adresse de l'université : privé de mot de passe, vous ne pourriez pas la lire.

## Le changer
1. Mon compte → « Mail de secours ».
2. Saisissez la nouvelle adresse et votre mot de passe actuel : un code de %[9]d chiffres est envoyé à la nouvelle adresse.
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
- après %[10]d s sans toucher le clavier, tout ce qui a été saisi ou affiché est effacé et l'accueil revient ; un compte à rebours s'affiche les %[11]d dernières secondes (une touche suffit pour rester, et elle compte) ;
- choisissez « Déconnexion » avant de partir ;
- Ctrl+C ramène à l'accueil en effaçant tout ; Échap revient à l'écran précédent (sur « Mon compte », il déconnecte) ;
- les mots de passe et les codes ne s'affichent jamais en clair.

F1 ouvre cette aide depuis n'importe quel écran, F2 passe en anglais.

## Borne de démonstration
Sur une borne de démonstration (badge DÉMO), F4 ouvre la boîte mail de démonstration : les mails envoyés par le service, avec leurs codes, pour essayer sans seconde adresse.`,
	"help.contact.text": `Assistance ENT : %[14]s.

Préparez votre identifiant ou votre numéro étudiant. Après avoir vérifié votre identité, l'assistance peut renvoyer le code d'activation, envoyer un code de réinitialisation, débloquer une connexion ou corriger votre mail de secours.

L'assistance ne vous demandera jamais votre mot de passe ni un code reçu par mail.`,
	"help.remote.command": "Depuis chez vous, le même service s'ouvre dans un terminal (voir plus bas), avec la commande :\n  ssh -p %d %s",
	"help.remote.nohost":  "Depuis chez vous, le même service s'ouvre dans un terminal (voir plus bas), avec la commande ssh. L'adresse du serveur n'est pas indiquée ici : demandez-la à l'assistance%s.",
	"help.remote.text": `%[15]s

ssh ne demande aucun mot de passe : c'est l'écran de connexion habituel qui s'affiche. À la toute première connexion, ssh montre l'empreinte de la clé du serveur (SHA256:…) et demande s'il faut continuer : comparez-la avec celle publiée sur la page d'aide de l'ENT, et répondez yes seulement si elles sont identiques.

## Un terminal ?
- Windows : PowerShell ou Terminal (menu Démarrer) ; ssh y est déjà installé.
- macOS : Terminal (Applications › Utilitaires).
- Linux : le terminal de votre bureau (souvent Ctrl+Alt+T).

## Les liens des mails
Les mails d'activation et de réinitialisation contiennent un lien ssh://… et la commande qui va avec : ouvrez l'un, ou copiez l'autre dans un terminal, et l'étape s'ouvre directement (la charte, ou le nouveau mot de passe), sans ressaisir le code.

## Quitter
Ctrl+C sur l'accueil ferme la session (ou q, quand le curseur n'est pas dans un champ). Elle se ferme aussi d'elle-même après un moment sans toucher le clavier ; un compte à rebours prévient.`,
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
- Renvoyer le code d'activation : compte jamais activé, droits ouverts, à partir de %[4]d min après la validation de l'IA. Un nouveau code part vers le mail de secours ; le précédent ne fonctionne plus.
- Envoyer un code de réinitialisation : compte activé, droits ouverts. Avec ce code, la personne choisit elle-même son nouveau mot de passe.
- Déverrouiller : connexion verrouillée, échecs récents comptés ou consultation IA bloquée. Le verrouillage est levé et les échecs récents oubliés.
- Corriger le mail de secours : droits ouverts, et seulement après avoir vérifié l'identité de la personne.
Un code est valable %[5]d h et s'annule après %[6]d erreurs de saisie. Un nouvel envoi est possible après %[7]d s, et %[8]d mails par heure au plus.

## Avant de corriger le mail de secours
Demandez le n° étudiant et la date de naissance sans les dire, puis comparez-les à ceux qu'affiche la page (personnels : la date de naissance seule). Ne cochez « L'identité est vérifiée » que s'ils correspondent. Les codes envoyés à l'ancienne adresse cessent de fonctionner, et l'ancienne adresse est prévenue du changement.

## Le journal d'audit
Depuis la recherche (Tab, puis Entrée) : tout le journal, le plus récent d'abord. Filtrez par identifiant ou numéro d'étudiant (Entrée) et par type d'événement (Tab, puis ←/→).`,
	"help.contact.none": "coordonnées non communiquées ici : demandez-les à l'accueil de votre établissement",
}
