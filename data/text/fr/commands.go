package fr

// commands: the operator commands (entkiosk backup, directory, serve, ...):
// their usage, options and lines, said in French (say, in package main).
var commands = map[string]string{
	"cli.audit.about":                   "affiche le journal d'audit, les événements les plus récents d'abord (heures UTC)",
	"cli.audit.flag.identifiant":        "seulement les événements de cet identifiant (complet, ou sa partie avant @) ou de ce numéro d'étudiant",
	"cli.audit.flag.since":              "seulement les événements depuis cette date (jj/mm/aaaa ou aaaa-mm-jj, heure de Paris)",
	"cli.audit.flag.event":              "seulement ces événements, séparés par des virgules (LOGIN_ERROR,LOCK,…)",
	"cli.audit.flag.json":               "un objet JSON par ligne (les mots du journal, tels qu'écrits)",
	"cli.audit.flag.limit":              "au plus ce nombre d'événements, les plus récents",
	"cli.audit.limit.bad":               "audit : --limit %d : au moins 1",
	"cli.audit.event.unknown":           "audit : --event %q : événement inconnu (%s)",
	"cli.audit.read":                    "audit : lecture de la base : %w",
	"cli.backup.about":                  "copie la base à chaud (les bornes et le serveur continuent), vérifiée, mode 0600 ; n'écrase jamais un fichier",
	"cli.backup.destination":            "backup : un fichier de destination attendu (entkiosk backup DESTINATION)",
	"cli.backup.failed":                 "sauvegarde impossible, aucune copie écrite : %v",
	"cli.backup.written":                "sauvegarde écrite : %s (%s Mo en %s, integrity_check ok, mode 0600)\n",
	"cli.backup.nofolder":               "sauvegarde : le dossier %s n'existe pas",
	"cli.backup.exists":                 "sauvegarde : %s existe déjà et n'est pas écrasé (donnez un autre nom, ou supprimez-le d'abord)",
	"cli.directory.status.failed":       "en échec",
	"cli.directory.status.superseded":   "remplacé par un plus récent",
	"cli.directory.usage":               "[--status ÉTAT] | check [options]",
	"cli.directory.about":               "les changements en attente pour l'annuaire LDAP (mail de secours, redirection, fin des droits), les plus récents d'abord ; « entkiosk directory check » vérifie les réglages de l'annuaire",
	"cli.directory.flag.status":         "seulement les changements dans cet état : pending (en attente), applying (en cours), done (appliqué), failed (en échec) ou superseded (remplacé)",
	"cli.directory.status.bad":          "directory : --status %q : pending, applying, done, failed ou superseded",
	"cli.directory.read":                "directory : lecture de la base : %w",
	"cli.directory.done":                " le %s (%s)",
	"cli.layout.datetime":               "02/01/2006 à 15:04:05",
	"cli.directory.retry":               " (%s, prochain le %s)",
	"cli.directory.change.recovery":     "mail de secours → ",
	"cli.directory.change.unredirected": "redirection supprimée",
	"cli.directory.change.nocopy":       "sans copie",
	"cli.directory.change.copy":         "copie gardée",
	"cli.directory.change.until":        "compte actif jusqu'au ",
	"cli.directory.check.usage":         "--ldap URL --ldap-bind-dn DN --ldap-password-file FICHIER --ldap-base DN --sample IDENTIFIANT",
	"cli.directory.check.about":         "vérifie, pour qui met en place l'annuaire : la connexion, TLS, le compte de service, une personne trouvée et les droits d'écriture sur les attributs qu'entkiosk écrit (sans changer leurs valeurs)",
	"cli.directory.check.flag.sample":   "une personne de l'annuaire (sa partie locale), pour essayer la recherche et les droits",
	"cli.directory.check.noldap":        "directory check : --ldap URL attendu (ou ENTKIOSK_LDAP)",
	"cli.directory.check.nosample":      "directory check : --sample IDENTIFIANT attendu (une personne de l'annuaire)",
	"cli.directory.check.bound":         "connecté : oui\nTLS : %s\nlié en tant que : %s\n",
	"cli.directory.check.person":        "personne « %s » : %s\n",
	"cli.directory.check.refused":       "attribut %s : écriture refusée (%s)\n",
	"cli.directory.check.allowed":       "attribut %s : écriture permise\n",
	"cli.directory.check.password":      "mot de passe : non essayé (l'opération Password Modify le changerait)",
	"cli.directory.missing":             "absent de l'annuaire : %s\n",
	"cli.directory.checked":             "annuaire : %s vérifiés, %s\n",
	"cli.directory.trouble.unreachable": "l'annuaire ne répond pas",
	"cli.directory.trouble.refused":     "l'annuaire refuse entkiosk (compte de service, StartTLS ou certificat, branche des personnes)",
	"cli.directory.trouble.notfound":    "personne introuvable dans la branche --ldap-base",
	"cli.directory.trouble.write":       "refusé par l'annuaire",
	"cli.directory.trouble.certificate": "le certificat de l'annuaire n'est pas reconnu : donnez le certificat (PEM) de l'autorité qui l'a signé avec --ldap-ca-file (ou ENTKIOSK_LDAP_CA_FILE) ; cause technique : ",
	"cli.export.about":                  "écrit la table d'alias virtuels de Postfix : les redirections choisies par les titulaires",
	"cli.export.flag.out":               "écrit la table dans ce fichier, de façon atomique (défaut : la sortie standard)",
	"cli.export.ignored":                "ignorée : %s (adresse impropre à la table Postfix)\n",
	"cli.export.stdout":                 "la sortie standard",
	"cli.export.write":                  "export aliases : écriture de %s impossible : %s",
	"cli.export.unchanged":              "%s inchangé (%s)\n",
	"cli.export.written":                "%s %s dans %s\n",
	"cli.export.left":                   "export aliases : %s hors de la table (adresse qu'elle ne peut pas porter) : leur courrier n'est pas redirigé ; faites choisir une autre adresse à leur titulaire",
	"cli.import.about":                  "importe l'export des inscriptions : crée les comptes et leurs mails d'activation, met à jour les personnes et les inscriptions. Le bilan compte les lignes (créée : une personne ou une inscription nouvelle ; mise à jour ; inchangée ; refusée, avec son numéro et la raison) puis les comptes créés. Code de sortie 1 si une ligne est refusée (les autres sont enregistrées).",
	"cli.import.flag.checkdirectory":    "après l'import, liste les comptes que l'annuaire (--ldap) ne connaît pas encore",
	"cli.import.checkdirectory.noldap":  "import : --check-directory demande --ldap URL (ou ENTKIOSK_LDAP)",
	"cli.import.nofile":                 "import : un fichier attendu (entkiosk import FICHIER.csv)",
	"cli.institution.about":             "le fichier d'établissement : init en écrit un, commenté, avec toutes les clés (et les chartes à côté) ; check le vérifie et dit où chaque valeur apparaît",
	"cli.institution.flag.out":          "init : le fichier à écrire (jamais par-dessus un fichier existant)",
	"cli.institution.written":           "écrits : %s\nÀ compléter, puis : entkiosk institution check %s\n",
	"cli.institution.check.nofile":      "institution check : quel fichier ? entkiosk institution check FICHIER (ou --institution, ENTKIOSK_INSTITUTION)",
	"cli.institution.usage":             "institution : init [--out FICHIER] ou check FICHIER (entkiosk help institution)",
	"cli.kiosk.about":                   "la borne, sur ce terminal",
	"cli.kiosk.flag.lang":               "langue de l'interface : fr ou en",
	"cli.kiosk.flag.idle":               "inactivité après laquelle la borne efface tout et revient à l'accueil",
	"cli.kiosk.flag.helpdeskidle":       "inactivité après laquelle la borne efface tout quand l'assistance y est connectée",
	"cli.kiosk.flag.allowquit":          "laisse q / ctrl+c à l'accueil quitter la borne",
	"cli.kiosk.flag.accessible":         "mode accessible (lecteur d'écran, plage braille) : une question à la fois, réponses lues ligne à ligne, aussi sur un tube",
	"cli.kiosk.flag.terminal":           "nom de ce terminal, pour les limites d'essais et l'audit (défaut : hôte/tty)",
	"cli.kiosk.log":                     "entkiosk.log à côté de la base",
	"cli.mail.about":                    "envoie les mails en attente par un relais SMTP (un passage ; code de sortie 1 si le relais est inutilisable)",
	"cli.mail.flag.smtp":                "le relais SMTP (smtp://utilisateur:motdepasse@hôte:587, smtps://hôte:465, ?starttls=required|off) ; obligatoire",
	"cli.mail.flag.from":                "expéditeur des mails (défaut : celui du fichier d'établissement)",
	"cli.mail.flag.watch":               "continue d'envoyer les nouveaux mails, jusqu'à l'arrêt",
	"cli.mail.log":                      "la sortie d'erreur",
	"cli.mail.nosmtp":                   "mail : --smtp URL est obligatoire (ou ENTKIOSK_SMTP)",
	"cli.mail.summary":                  "mails : %s, %d à réessayer, %d en échec définitif\n",
	"cli.mail.relay.unusable":           "mail : relais %s inutilisable, les mails restent en attente : %v",
	"cli.outbox.status.failed":          "en échec",
	"cli.outbox.cancel.used":            "code déjà utilisé",
	"cli.outbox.cancel.superseded":      "code remplacé par un plus récent",
	"cli.outbox.cancel.failures":        "code annulé après 5 erreurs",
	"cli.outbox.cancel.recovery":        "le mail de secours a changé",
	"cli.outbox.about":                  "affiche les mails de la boîte d'envoi, les plus récents d'abord",
	"cli.outbox.flag.to":                "seulement les mails à cette adresse",
	"cli.outbox.flag.status":            "seulement les mails dans cet état : pending (en attente), sending (en cours d'envoi), sent (envoyé), failed (en échec) ou cancelled (annulé : son code ne sert plus)",
	"cli.outbox.status.bad":             "outbox : --status %q : pending, sending, sent, failed ou cancelled",
	"cli.outbox.read":                   "outbox : lecture de la base : %w",
	"cli.outbox.header":                 "À : %s\nObjet : %s\nDate : %s\nÉtat : %s",
	"cli.outbox.done":                   " le %s (%s)",
	"cli.outbox.retry":                  " (%s, prochaine le %s)",
	"cli.layout.datetime.minute":        "02/01/2006 à 15:04",
	"cli.outbox.cancelled":              " le %s, jamais envoyé (%s)",
	"cli.role.grant.about":              "donne le rôle helpdesk (la console d'assistance) à un compte du personnel",
	"cli.role.revoke.about":             "retire le rôle helpdesk à un compte",
	"cli.role.had":                      "%s avait déjà le rôle helpdesk : rien n'a changé\n",
	"cli.role.hadnot":                   "%s n'avait pas le rôle helpdesk : rien n'a changé\n",
	"cli.role.granted":                  "%s a maintenant le rôle helpdesk\n",
	"cli.role.revoked":                  "%s n'a plus le rôle helpdesk\n",
	"cli.role.student":                  "%s : %s est un compte étudiant ; le rôle helpdesk est réservé aux comptes du personnel",
	"cli.role.failed":                   "%s : rôle non modifié : %w",
	"cli.serve.about":                   "l'interface par SSH (et, avec --http, sur une page web), pour les étudiants chez eux, l'assistance et les bornes légères. Les mails de code portent un lien ssh://…@HÔTE:PORT vers ce serveur quand --link-host donne son nom public (et --link-port son port, s'il n'est pas 2222)",
	"cli.serve.flag.listen":             "adresse d'écoute",
	"cli.serve.flag.hostkey":            "clé d'hôte SSH, créée au premier démarrage (défaut : entkiosk_host_ed25519 à côté de la base)",
	"cli.serve.flag.lang":               "langue de départ de chaque session : fr ou en",
	"cli.serve.flag.maxsessions":        "connexions au total (les suivantes refusées avant la négociation SSH)",
	"cli.serve.flag.peraddress":         "connexions par adresse source",
	"cli.serve.flag.idle":               "inactivité après laquelle une session personnelle est fermée (utilisateur kiosk : effacée)",
	"cli.serve.flag.helpdeskidle":       "inactivité après laquelle une session où l'assistance est connectée est fermée (utilisateur kiosk : effacée)",
	"cli.serve.flag.maxtime":            "durée maximale d'une session (utilisateur kiosk : à son retour à l'accueil)",
	"cli.serve.flag.memory":             "limite de mémoire souple : au-delà, le ramasse-miettes travaille davantage (auto : suit --max-sessions ; 0 : aucune ; GOMEMLIMIT l'emporte)",
	"cli.serve.flag.smtp":               "envoie les mails par ce relais (smtp://utilisateur:motdepasse@hôte:587, smtps://…) ; sans lui ils restent dans la boîte d'envoi",
	"cli.serve.flag.from":               "expéditeur des mails (défaut : celui du fichier d'établissement)",
	"cli.serve.log":                     "la sortie d'erreur",
	"cli.serve.memory.bad":              "serve : --memory-limit %q : une taille comme 256MiB ou 1GiB",
	"cli.serve.listen.bad":              "serve : --listen %q : une adresse HÔTE:PORT attendue, comme 0.0.0.0:2222",
	"cli.serve.ssh":                     "le serveur SSH",
	"cli.serve.port.default":            "2222 par défaut",
	"cli.listen.inuse":                  "ce port est déjà pris par un autre programme (un autre entkiosk serve ?) ; choisissez-en un autre avec ",
	"cli.listen.privileged":             "les ports inférieurs à 1024 demandent les droits d'administrateur ; prenez un port à partir de 1024 avec ",
	"cli.listen.notlocal":               "cette adresse n'est pas celle de cette machine ; donnez avec ",
	"cli.listen.notlocal.end":           " l'adresse d'une de ses interfaces, ou 0.0.0.0 pour toutes",
	"cli.listen.unknownhost":            "cet hôte est inconnu ; donnez avec ",
	"cli.listen.unknownhost.end":        " une adresse IP, ou 0.0.0.0 pour toutes les interfaces",
	"cli.listen.failed":                 "%s ne peut pas écouter sur %s : %s",
	"cli.size.bad":                      "une taille comme 256MiB ou 1GiB",
	"cli.web.flag.http":                 "sert aussi l'interface sur une page web (WebSocket) à cette adresse ; vide : pas de page web",
	"cli.web.flag.trustedproxy":         "proxys inverses (adresses ou réseaux, séparés par des virgules) dont l'en-tête X-Forwarded-For donne l'adresse du client ; ailleurs il est ignoré",
	"cli.web.flag.tlscert":              "certificat TLS : la page web est servie en HTTPS (sans lui, le TLS est l'affaire du proxy)",
	"cli.web.flag.tlskey":               "clé privée du certificat --tls-cert",
	"cli.web.needshttp":                 " : --tls-cert, --tls-key et --trusted-proxy vont avec --http",
	"cli.web.http.bad":                  "%s : --http %q : une adresse HÔTE:PORT attendue, comme 127.0.0.1:8080",
	"cli.web.tls.pair":                  " : --tls-cert et --tls-key vont ensemble",
	"cli.web.proxy.bad":                 "%s : --trusted-proxy %q : des adresses IP ou des réseaux (127.0.0.1, 10.0.0.0/8), séparés par des virgules",
	"cli.web.noassets":                  " : --http : la page web n'est pas dans ce binaire (xterm.js manque) : ",
	"cli.web.generate":                  "lancez « go generate ./tui/webserver » (npm ci), puis recompilez",
	"cli.web.page":                      "la page web",
	"cli.usage": `entkiosk — ENT compte informatique, Université de Montpellier

Usage :
  entkiosk kiosk  [--db CHEMIN] [--demo] [--lang fr|en]
  entkiosk serve  [--db CHEMIN] [--demo] [--listen HÔTE:PORT] [--host-key CLÉ]
                  [--link-host HÔTE] [--link-port N] [--smtp URL] [--ldap URL …]
  entkiosk import [--db CHEMIN] [--lang fr|en] FICHIER.csv
  entkiosk outbox [--db CHEMIN] [--to ADRESSE] [--status failed]
  entkiosk mail   [--db CHEMIN] --smtp URL [--from ADRESSE] [--watch]
  entkiosk export aliases [--db CHEMIN] [--out FICHIER]
  entkiosk grant|revoke [--db CHEMIN] helpdesk IDENTIFIANT
  entkiosk backup [--db CHEMIN] DESTINATION
  entkiosk audit  [--db CHEMIN] [--identifiant X] [--since DATE] [--event E]
                  [--json] [--limit N] [--lang fr|en]
  entkiosk audit  [--db CHEMIN] --verify [--lang fr|en]
  entkiosk directory [--db CHEMIN] [--status pending|failed]
  entkiosk directory check --ldap URL … --sample IDENTIFIANT
  entkiosk institution init [--out FICHIER] | check FICHIER
  entkiosk migrate-store --from CHEMIN --to URL

Commandes :
  kiosk    la borne, sur ce terminal
  serve    la même interface par SSH (et l'envoi des mails avec --smtp)
  import   importe l'export des inscriptions (comptes et mails d'activation)
  outbox   affiche les mails de la boîte d'envoi
  mail     envoie les mails en attente par un relais SMTP
  export   écrit la table Postfix des redirections (export aliases)
  grant    donne le rôle helpdesk à un compte du personnel ; revoke le retire
  backup   copie la base à chaud, vérifiée, sans jamais écraser un fichier
  audit    affiche le journal d'audit
  directory les changements en attente pour l'annuaire LDAP ; check : ses réglages
  institution  écrit (init) ou vérifie (check) le fichier d'établissement
  migrate-store  copie une base SQLite vers une base PostgreSQL vide

kiosk, serve, import et mail lisent le fichier d'établissement (--institution,
ou ENTKIOSK_INSTITUTION) : nom, contacts, expéditeur, charte, calendrier.

Seuls kiosk, serve et import créent la base si elle n'existe pas ; les autres
commandes refusent un chemin où il n'y a pas de base.

« entkiosk COMMANDE -h » ou « entkiosk help COMMANDE » : les options d'une
commande. Chaque option lit aussi sa variable ENTKIOSK_<OPTION> (ENTKIOSK_DB,
ENTKIOSK_LISTEN…) ; l'option donnée sur la ligne de commande l'emporte.

Code de sortie : 0 tout s'est bien passé ; 1 une erreur, ou pour import au
moins une ligne refusée ; 2 une mauvaise utilisation (commande ou option
inconnue, valeur invalide).
`,
	"cli.help.unknown":             "help : commande inconnue « %s » (entkiosk help donne la liste)",
	"cli.command.unknown":          "commande inconnue « %s » (entkiosk help donne la liste)",
	"cli.value.int":                "un nombre entier attendu",
	"cli.value.duration":           "une durée attendue (90s, 2m, 1h30m)",
	"cli.value.bool":               "true ou false attendu",
	"cli.value.lang":               "fr ou en",
	"cli.option.unknown":           "%s : option inconnue --%s (entkiosk %s -h donne les options)",
	"cli.option.novalue":           "%s : --%s demande une valeur (%s)",
	"cli.argument.unexpected":      "%s : argument inattendu %q (entkiosk %s -h donne les options)",
	"cli.option.default":           "        défaut : ",
	"cli.flag.db":                  "la base SQLite, partagée par toutes les instances",
	"cli.flag.db.created":          " (créée si elle n'existe pas)",
	"cli.flag.studentdomain":       "domaine des identifiants étudiants (défaut : celui du fichier d'établissement, sinon etu.umontpellier.fr)",
	"cli.flag.staffdomain":         "domaine des identifiants du personnel (défaut : celui du fichier d'établissement, sinon umontpellier.fr)",
	"cli.flag.institution":         "fichier d'établissement (TOML : nom, contacts, charte ; entkiosk institution init en écrit un) ; sans lui, rien n'est inventé",
	"cli.from.unknown":             " : expéditeur des mails inconnu : donnez --from \"Nom <adresse@domaine>\" ",
	"cli.from.unknown.end":         "(ou [mail] from dans le fichier d'établissement, --institution)",
	"cli.flag.linkhost":            "hôte des liens ssh:// des mails (défaut : celui du fichier d'établissement ; vide : pas de ligne de lien)",
	"cli.flag.linkport":            "port des liens ssh:// des mails (défaut : celui du fichier d'établissement, sinon 2222)",
	"cli.linkurl.bad":              "une adresse https://hôte/chemin/ attendue (celle de la page web)",
	"cli.flag.linkurl":             "adresse de la page web (serve --http, derrière son proxy) : les mails portent alors un lien https://…/?t=… au lieu du lien ssh://",
	"cli.flag.demo":                "charge les personnes de démonstration (sans doublon), affiche le badge DÉMO et la touche de la boîte mail",
	"cli.flag.log":                 "fichier de journal, complété (défaut : ",
	"cli.log.failed":               "fichier de journal %s : %s",
	"cli.db.notcreated":            "%s ; seuls entkiosk import, kiosk et serve créent une base",
	"cli.demo.failed":              "données de démonstration : %w",
	"cli.os.notexist":              "fichier ou dossier introuvable",
	"cli.os.permission":            "accès refusé",
	"cli.os.readonly":              "système de fichiers en lecture seule",
	"cli.os.isdir":                 "c'est un dossier",
	"cli.flag.ldap":                "annuaire LDAP de l'université (ldaps://hôte, ou ldap://hôte avec StartTLS obligatoire ; ?starttls=off seulement sur 127.0.0.1) : les mots de passe y sont vérifiés et écrits, les réglages y sont recopiés ; sans lui, la base seule",
	"cli.flag.ldapbinddn":          "compte de service d'entkiosk dans l'annuaire (cn=entkiosk,ou=services,dc=…)",
	"cli.flag.ldappasswordfile":    "fichier du mot de passe du compte de service, une ligne, lisible par son seul propriétaire (chmod 600) ; jamais le mot de passe sur la ligne de commande",
	"cli.flag.ldapbase":            "branche où chercher les personnes (ou=people,dc=…)",
	"cli.flag.ldapcafile":          "certificats (PEM) des autorités qui signent celui de l'annuaire (défaut : celles du système)",
	"cli.flag.ldappersonclass":     "classe d'objet de toute personne cherchée",
	"cli.flag.ldapattridentifiant": "attributs où trouver l'identifiant (sa partie locale), séparés par des virgules",
	"cli.flag.ldapattrmailperso":   "attribut du mail de secours",
	"cli.flag.ldapattrredirection": "attribut de la redirection",
	"cli.flag.ldapattrmail":        "attribut de l'adresse universitaire (gardée en copie d'une redirection)",
	"cli.flag.ldapattrlifecycle":   "attribut du cycle de vie du compte ({COMPTE}A:SupannActif::AAAAMMJJ)",
	"cli.flag.ldapattrshadow":      "attribut du jour du dernier changement de mot de passe",
	"cli.backup.error":             "sauvegarde : %s : %s",
	"cli.directory.lasterror":      "    erreur : %s\n",
	"cli.directory.check.url":      "annuaire : %s\n",
	"cli.export.what":              "export : quoi exporter ? entkiosk export aliases [--out FICHIER]",
	"cli.institution.correct":      "%s : correct.\n",
	"cli.mail.interrupted":         "mail : envoi interrompu : %w",
	"cli.outbox.lasterror":         "Erreur : %s\n",
	"cli.role.unknown":             "%s : aucun compte n'a l'identifiant %q",
	"cli.serve.failed":             "serveur SSH : %w",
	"cli.web.failed":               "page web : %w",
	"cli.command.usage":            "%s\n\nUsage : entkiosk %s %s\n",
	"cli.command.options":          "\nOptions (chacune lit aussi sa variable d'environnement ; l'option l'emporte) :\n",
	"cli.directory.failed":         "annuaire : %w",
	// contracts (issue 11.2): data.ParseSMTP's refusals, said from their type (cmd_mail.go)
	"cli.smtp.noturl":         "--smtp : ce n'est pas une URL (smtp://utilisateur:motdepasse@hôte:587 ou smtps://hôte:465 ; caractères spéciaux encodés en %XX)",
	"cli.smtp.scheme":         "--smtp : schéma %s : smtp:// ou smtps://",
	"cli.smtp.nohost":         "--smtp : aucun hôte (smtp://hôte:587)",
	"cli.smtp.nouser":         "--smtp : un mot de passe sans nom d'utilisateur",
	"cli.smtp.port":           "--smtp : port %s invalide",
	"cli.smtp.trailing":       "--smtp : rien ne peut suivre l'hôte et le port, sauf ?starttls=",
	"cli.smtp.option":         "--smtp : option %s inconnue (seulement starttls=opportunistic|required|off)",
	"cli.smtp.starttls.smtps": "--smtp : starttls= ne s'applique pas à smtps:// (TLS dès le début)",
	"cli.smtp.starttls.value": "--smtp : starttls=%s : opportunistic, required ou off",
	"cli.smtp.from":           "--from %s : ce n'est pas une adresse (Nom <adresse@domaine>)",
	"cli.smtp.other":          "--smtp : adresse du relais refusée (%v)",

	// pgcore: the PostgreSQL store's options
	"cli.flag.db.postgres":        ", ou une base PostgreSQL partagée par plusieurs serveurs : postgres://utilisateur@hôte:port/base?sslmode=verify-full",
	"cli.flag.db-password-file":   "fichier du mot de passe de la base PostgreSQL, une ligne, lisible par son seul propriétaire (chmod 600) ; sinon PGPASSWORD ou ~/.pgpass, jamais dans l'adresse",
	"cli.db-password-file.sqlite": "%s : --db-password-file ne sert qu'avec une base PostgreSQL (--db postgres://…)",
}
