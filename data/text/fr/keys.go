package fr

// keys: key names and the key bar.
var keys = map[string]string{
	// keys
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
	"key.resend":    "renvoyer le code",
	"key.newcode":   "nouveau code",

	// activation (1ère connexion)
	"keyname.space": "Espace",
	"key.activate":  "activer",
	"key.untoggle":  "décocher",
	"key.topic":     "sujet",

	// lookup (Consulter mon inscription)
	"key.lookup":  "consulter",
	"key.mail":    "mail",
	"key.refresh": "actualiser",

	// accessible mode (tui/accessible): sentences for a screen reader, one question at a time
	"key.accessible": "accessible",
}
