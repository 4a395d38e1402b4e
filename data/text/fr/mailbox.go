package fr

// mailbox: the demo mailbox.
var mailbox = map[string]string{
	// mailbox (boîte mail de démonstration)
	"mailbox.title": "Boîte mail de démonstration",
	"mailbox.empty": "Aucun mail pour l'instant. Les codes envoyés par le service arrivent ici (un code d'activation, 15 minutes après la validation de l'inscription). Appuyez sur r pour actualiser.",
	"mailbox.more":  "↓ suite du mail (PgDn)",
	"mailbox.end":   "— fin du mail —",

	// mailbox: a mail cancelled before it went (its code no longer works)
	"mailbox.cancelled.tag": "(annulé) ",
	"mailbox.used.tag":      "(code utilisé) ",
	"mailbox.used":          "Le code de ce mail a déjà servi : le mail n'a plus besoin de partir.",
	"mailbox.cancelled":     "Mail annulé avant son envoi : son code ne fonctionne plus (un code plus récent a été envoyé, ou celui-ci a déjà servi ou a été révoqué).",
}
