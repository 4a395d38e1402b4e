package data

import (
	"fmt"
	"strings"
	"time"
)

// mailContent is what a mail says; composeMail writes it in one language.
type mailContent struct {
	Kind    MailKind
	Lang    string
	Name    string
	Code    string
	Token   string
	Expires time.Time
	Address string // the new address, masked, for notices
}

type mailTexts struct {
	subject                                                         map[MailKind]string
	intro                                                           map[MailKind]string
	hello, code, expires, link, notYou, notYouNotice, contact, sign string
}

var mailLang = map[string]mailTexts{
	"fr": {
		subject: map[MailKind]string{
			MailActivation:         "Activation de votre compte informatique — Université de Montpellier",
			MailReset:              "Réinitialisation de votre mot de passe — Université de Montpellier",
			MailConfirmRecovery:    "Confirmation de votre mail de secours — Université de Montpellier",
			MailConfirmRedirection: "Confirmation de la redirection de votre messagerie — Université de Montpellier",
			MailPasswordChanged:    "Votre mot de passe a été modifié — Université de Montpellier",
			MailRecoveryChanged:    "Votre mail de secours a été modifié — Université de Montpellier",
			MailRedirectionChanged: "La redirection de votre messagerie a été modifiée — Université de Montpellier",
		},
		intro: map[MailKind]string{
			MailActivation: "À la suite de votre inscription administrative, votre compte informatique de\n" +
				"l'Université de Montpellier est prêt à être activé. Pour l'activer, choisissez\n" +
				"« 1ère connexion » sur une borne ENT ou par SSH, et saisissez ce code :",
			MailReset: "Une réinitialisation du mot de passe de votre compte informatique a été\n" +
				"demandée (« Problème de connexion »). Pour choisir un nouveau mot de passe,\n" +
				"saisissez ce code :",
			MailConfirmRecovery: "Cette adresse a été indiquée comme nouveau mail de secours de votre compte\n" +
				"informatique. Pour le confirmer, saisissez ce code :",
			MailConfirmRedirection: "Cette adresse a été indiquée pour recevoir les messages de votre messagerie\n" +
				"universitaire. Pour confirmer la redirection, saisissez ce code :",
			MailPasswordChanged: "Le mot de passe de votre compte informatique vient d'être modifié.",
			MailRecoveryChanged: "Le mail de secours de votre compte informatique vient d'être remplacé par\n" +
				"%s.",
			MailRedirectionChanged: "La redirection de votre messagerie universitaire vient d'être modifiée\n" +
				"(nouvelle destination : %s).",
		},
		hello:        "Bonjour %s,",
		code:         "Code : %s",
		expires:      "Ce code est valable jusqu'au %s à %s (heure de Paris), pour une seule utilisation.",
		link:         "Vous pouvez aussi ouvrir directement cette étape par SSH :",
		notYou:       "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne\nsera modifié sans ce code.",
		notYouNotice: "Si vous n'êtes pas à l'origine de cette modification, contactez l'assistance\nau plus vite.",
		contact:      "Assistance ENT : %s",
		sign:         "Direction du Numérique — Université de Montpellier",
	},
	"en": {
		subject: map[MailKind]string{
			MailActivation:         "Activate your computer account — Université de Montpellier",
			MailReset:              "Reset your password — Université de Montpellier",
			MailConfirmRecovery:    "Confirm your recovery address — Université de Montpellier",
			MailConfirmRedirection: "Confirm your mail redirection — Université de Montpellier",
			MailPasswordChanged:    "Your password was changed — Université de Montpellier",
			MailRecoveryChanged:    "Your recovery address was changed — Université de Montpellier",
			MailRedirectionChanged: "Your mail redirection was changed — Université de Montpellier",
		},
		intro: map[MailKind]string{
			MailActivation: "Following your administrative registration, your Université de Montpellier\n" +
				"computer account is ready to be activated. To activate it, choose \"First\n" +
				"login\" on an ENT kiosk or over SSH, and enter this code:",
			MailReset: "A password reset was requested for your computer account (\"Login\n" +
				"problem\"). To choose a new password, enter this code:",
			MailConfirmRecovery: "This address was given as the new recovery address of your computer\n" +
				"account. To confirm it, enter this code:",
			MailConfirmRedirection: "This address was given to receive the messages of your university\n" +
				"mailbox. To confirm the redirection, enter this code:",
			MailPasswordChanged: "The password of your computer account was just changed.",
			MailRecoveryChanged: "The recovery address of your computer account was just replaced by\n%s.",
			MailRedirectionChanged: "The redirection of your university mailbox was just changed\n" +
				"(new destination: %s).",
		},
		hello:        "Hello %s,",
		code:         "Code: %s",
		expires:      "This code is valid until %s at %s (Paris time), for one use only.",
		link:         "You can also open this step directly over SSH:",
		notYou:       "If you did not ask for this, ignore this message: nothing changes without\nthis code.",
		notYouNotice: "If you did not make this change, contact the helpdesk at once.",
		contact:      "ENT helpdesk: %s",
		sign:         "Direction du Numérique — Université de Montpellier",
	},
}

// composeMail writes the subject and plain-text body of a mail.
func (s *Store) composeMail(c mailContent) (subject, body string) {
	t, ok := mailLang[c.Lang]
	if !ok {
		t = mailLang["fr"]
	}
	var b strings.Builder
	fmt.Fprintf(&b, t.hello+"\n\n", c.Name)
	intro := t.intro[c.Kind]
	if strings.Contains(intro, "%s") {
		intro = fmt.Sprintf(intro, c.Address)
	}
	b.WriteString(intro + "\n\n")
	if c.Code != "" {
		fmt.Fprintf(&b, t.code+"\n\n", c.Code)
		local := c.Expires.In(s.cfg.Location)
		fmt.Fprintf(&b, t.expires+"\n\n", local.Format("02/01/2006"), local.Format("15:04"))
		if c.Token != "" && s.cfg.LinkHost != "" {
			port := s.cfg.LinkPort
			if port == 0 {
				port = 22
			}
			fmt.Fprintf(&b, "%s\n  ssh://%s@%s:%d\n\n", t.link, c.Token, s.cfg.LinkHost, port)
		}
		b.WriteString(t.notYou + "\n\n")
	} else {
		b.WriteString(t.notYouNotice + "\n\n")
	}
	fmt.Fprintf(&b, t.contact+"\n", s.cfg.HelpdeskContact)
	b.WriteString("-- \n" + t.sign + "\n")
	return t.subject[c.Kind], b.String()
}
