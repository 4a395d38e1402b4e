package data

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// mailContent is what a mail says; composeMail writes it in one language.
type mailContent struct {
	Kind        MailKind
	Lang        string
	Name        string
	Identifiant string // the account concerned (left out of confirmations: their address is not proven yet)
	Code        string
	Token       string
	Expires     time.Time
	Address     string    // notices: the new address, masked; a removed redirection: empty or the identifiant
	When        time.Time // notices: when the change was made (zero: now)
	RightsEnd   time.Time // MailRightsEnded: the last day of the rights
	// PreviousExpired: the code this one replaces had expired unused (the
	// first mail, read too late): the mail says so.
	PreviousExpired bool
}

// mailWidth is where paragraphs wrap: plain text read in any mail client.
const mailWidth = 72

// kindText is what one kind of mail says in one language. {when} is the
// date and time of a change, {address} the new address (masked).
type kindText struct {
	subject string
	intro   string
	removed string // redirection notices when the redirection was removed
	action  string // code mails: the sentence just before the code
	notYou  string // what to do if one did not ask for it
	next    string // notices without a code: what to do now ({end}: the end of the rights)
	ident   bool   // show the identifiant
}

type langText struct {
	kinds                                                             map[MailKind]kindText
	hello, helloNoName, identifiant, code, expires, secret            string
	previousExpired                                                   string
	linkIntro, linkTerminal, contact, parisTime, at, when, firstOfMon string
	signature                                                         []string
	days                                                              [7]string
	months                                                            [12]string
}

var mailTexts = map[string]langText{
	"fr": {
		kinds: map[MailKind]kindText{
			MailActivation: {
				subject: "Activation de votre compte informatique",
				intro: "Votre inscription administrative est validée : " +
					"votre compte informatique est prêt à être activé.",
				action: "Pour l'activer, choisissez « 1ère connexion » sur une borne ENT, indiquez votre " +
					"identifiant, puis saisissez ce code :",
				notYou: "Si ce message ne vous est pas destiné, supprimez-le et, si vous le pouvez, " +
					"prévenez l'assistance : l'adresse donnée lors de l'inscription est sans doute erronée.",
				ident: true,
			},
			MailReset: {
				subject: "Réinitialisation de votre mot de passe",
				intro: "Une réinitialisation du mot de passe de votre compte informatique a été demandée " +
					"(« Problème de connexion »).",
				action: "Pour choisir un nouveau mot de passe, saisissez ce code :",
				notYou: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de " +
					"passe actuel reste valable et rien ne change sans ce code.",
				ident: true,
			},
			MailConfirmRecovery: {
				subject: "Confirmation de votre mail de secours",
				intro: "Cette adresse a été indiquée comme nouveau mail de secours de votre compte " +
					"informatique.",
				action: "Pour la confirmer, saisissez ce code :",
				notYou: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : cette adresse " +
					"ne sera pas enregistrée sans ce code.",
			},
			MailConfirmRedirection: {
				subject: "Confirmation de la redirection de votre messagerie",
				intro: "Cette adresse a été indiquée pour recevoir les messages de votre messagerie " +
					"universitaire.",
				action: "Pour confirmer la redirection, saisissez ce code :",
				notYou: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : aucun message " +
					"ne sera redirigé vers cette adresse sans ce code.",
			},
			MailPasswordChanged: {
				subject: "Votre mot de passe a été modifié",
				intro:   "Le mot de passe de votre compte informatique a été modifié {when}.",
				notYou: "Si c'est vous, vous n'avez rien à faire. Sinon, quelqu'un connaît peut-être votre " +
					"mot de passe : choisissez-en un nouveau tout de suite avec « Problème de connexion » " +
					"sur une borne ENT, puis prévenez l'assistance.",
				ident: true,
			},
			MailRecoveryChanged: {
				subject: "Votre mail de secours a été modifié",
				intro: "Le mail de secours de votre compte informatique a été remplacé {when} par {address}. " +
					"Cette adresse-ci ne recevra plus les codes de réinitialisation.",
				notYou: "Si vous n'êtes pas à l'origine de ce changement, contactez l'assistance au plus " +
					"vite : quelqu'un connaît sans doute votre mot de passe.",
				ident: true,
			},
			MailRedirectionChanged: {
				subject: "La redirection de votre messagerie a été modifiée",
				intro: "La redirection de votre messagerie universitaire a été modifiée {when} : les messages " +
					"sont désormais redirigés vers {address}.",
				removed: "La redirection de votre messagerie universitaire a été supprimée {when} : les " +
					"messages restent désormais dans votre messagerie universitaire.",
				notYou: "Si vous n'êtes pas à l'origine de ce changement, choisissez tout de suite un nouveau " +
					"mot de passe avec « Problème de connexion » sur une borne ENT, puis prévenez l'assistance.",
				ident: true,
			},
			MailAlreadyActive: {
				subject: "Votre compte informatique est déjà activé",
				intro: "L'activation de votre compte informatique a été demandée (« 1ère connexion ») : " +
					"votre compte est déjà actif, il n'y a rien à activer.",
				next: "Connectez-vous avec votre identifiant et votre mot de passe. Mot de passe oublié ? " +
					"Choisissez « Problème de connexion » sur une borne ENT : un code vous sera envoyé ici.",
				notYou: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien n'a changé " +
					"sur votre compte.",
				ident: true,
			},
			MailRightsEnded: {
				subject: "Votre compte informatique n'est plus ouvert",
				intro: "L'activation de votre compte informatique a été demandée (« 1ère connexion ») : " +
					"vos droits d'accès ont pris fin le {end}, le compte ne peut plus être activé ni utilisé.",
				next: "Il sera rouvert si vous vous réinscrivez, dès la validation de votre inscription " +
					"administrative. Pour toute question, contactez l'assistance.",
				notYou: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien n'a changé " +
					"sur votre compte.",
				ident: true,
			},
		},
		hello:       "Bonjour %s,",
		helloNoName: "Bonjour,",
		identifiant: "Identifiant : %s",
		code:        "Code : %s",
		expires: "Ce code est valable jusqu'au %s, pour une seule utilisation. Passé ce " +
			"délai, demandez-en un nouveau depuis le même écran.",
		secret: "Ne communiquez ce code à personne : l'assistance ne vous le demandera jamais.",
		previousExpired: "Le code de votre mail précédent avait expiré sans avoir servi : seul le code " +
			"ci-dessous fonctionne.",
		linkIntro:    "Depuis un ordinateur, vous pouvez aussi ouvrir directement cette étape :",
		linkTerminal: "ou, dans un terminal :",
		contact:      "Assistance ENT : %s",
		parisTime:    "heure de Paris",
		at:           "à",
		when:         "le %s",
		firstOfMon:   "1er",
		signature: []string{"ENT — compte informatique",
			"Message automatique : merci de ne pas y répondre."},
		days: [7]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
		months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
			"septembre", "octobre", "novembre", "décembre"},
	},
	"en": {
		kinds: map[MailKind]kindText{
			MailActivation: {
				subject: "Activate your computer account",
				intro: "Your administrative registration has been validated: " +
					"your computer account is ready to be activated.",
				action: "To activate it, choose \"First login\" on an ENT kiosk, give your identifiant, " +
					"then enter this code:",
				notYou: "If this message is not meant for you, delete it and, if you can, tell the helpdesk: " +
					"the address given at registration is probably wrong.",
				ident: true,
			},
			MailReset: {
				subject: "Reset your password",
				intro:   "A password reset was requested for your computer account (\"Login problem\").",
				action:  "To choose a new password, enter this code:",
				notYou: "If you did not ask for this, ignore this message: your current password still " +
					"works and nothing changes without this code.",
				ident: true,
			},
			MailConfirmRecovery: {
				subject: "Confirm your recovery address",
				intro: "This address was given as the new recovery address (mail de secours) of your " +
					"computer account.",
				action: "To confirm it, enter this code:",
				notYou: "If you did not ask for this, ignore this message: this address will not be " +
					"recorded without this code.",
			},
			MailConfirmRedirection: {
				subject: "Confirm your mail redirection",
				intro:   "This address was given to receive the messages of your university mailbox.",
				action:  "To confirm the redirection, enter this code:",
				notYou: "If you did not ask for this, ignore this message: no message will be forwarded " +
					"to this address without this code.",
			},
			MailPasswordChanged: {
				subject: "Your password was changed",
				intro:   "The password of your computer account was changed {when}.",
				notYou: "If it was you, there is nothing to do. Otherwise someone may know your password: " +
					"choose a new one at once with \"Login problem\" on an ENT kiosk, then tell the helpdesk.",
				ident: true,
			},
			MailRecoveryChanged: {
				subject: "Your recovery address was changed",
				intro: "The recovery address of your computer account was replaced {when} by {address}. " +
					"This address will no longer receive reset codes.",
				notYou: "If you did not make this change, contact the helpdesk at once: someone probably " +
					"knows your password.",
				ident: true,
			},
			MailRedirectionChanged: {
				subject: "Your mail redirection was changed",
				intro: "The redirection of your university mailbox was changed {when}: messages now go " +
					"to {address}.",
				removed: "The redirection of your university mailbox was removed {when}: messages now stay " +
					"in your university mailbox.",
				notYou: "If you did not make this change, choose a new password at once with \"Login " +
					"problem\" on an ENT kiosk, then tell the helpdesk.",
				ident: true,
			},
			MailAlreadyActive: {
				subject: "Your computer account is already activated",
				intro: "The activation of your computer account was asked for (\"First login\"): your " +
					"account is already active, there is nothing to activate.",
				next: "Log in with your identifiant and your password. Forgot your password? Choose \"Login " +
					"problem\" on an ENT kiosk: a code will be sent to this address.",
				notYou: "If you did not ask for this, ignore this message: nothing changed on your account.",
				ident:  true,
			},
			MailRightsEnded: {
				subject: "Your computer account is closed",
				intro: "The activation of your computer account was asked for (\"First login\"): your " +
					"access rights ended on {end}, the account can no longer be activated or used.",
				next: "It will be opened again if you register again, as soon as your administrative " +
					"registration is validated. For any question, contact the helpdesk.",
				notYou: "If you did not ask for this, ignore this message: nothing changed on your account.",
				ident:  true,
			},
		},
		hello:       "Hello %s,",
		helloNoName: "Hello,",
		identifiant: "Identifiant: %s",
		code:        "Code: %s",
		expires: "This code is valid until %s, for one use only. After that, ask for a " +
			"new one from the same screen.",
		secret:          "Do not give this code to anyone: the helpdesk will never ask you for it.",
		previousExpired: "The code of your previous mail had expired unused: only the code below works.",
		linkIntro:       "From a computer, you can also open this step directly:",
		linkTerminal:    "or, in a terminal:",
		contact:         "ENT helpdesk: %s",
		parisTime:       "Paris time",
		at:              "at",
		when:            "on %s",
		signature: []string{"ENT — computer account",
			"Automatic message: please do not reply."},
		days: [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		months: [12]string{"January", "February", "March", "April", "May", "June", "July", "August",
			"September", "October", "November", "December"},
	},
}

// LangBoth is a mail written in French then in English, for an account
// whose owner never chose a language (Account.MailLang). It is also the
// mail's Content-Language ("fr, en": RFC 3282 lists languages so).
const LangBoth = "fr, en"

// MailLang is the language of a mail its owner did not cause from a screen
// (the import's activation mail, the helpdesk's resend or notice): the one
// the owner last used (Lang), or, for an account not activated yet, both.
// Before activation nobody chose one: accounts.lang is then only its
// default, and the import does not know the language of its students.
func (a *Account) MailLang() string {
	if a.Status != StatusActive && a.Lang != "en" {
		return LangBoth
	}
	if a.Lang == "en" {
		return "en"
	}
	return "fr"
}

// nameTail is what ends a subject and the signature's first line: the
// institution's name, when its file gives one.
func (s *Store) nameTail(lang, sep string) string {
	if name := s.cfg.Institution.Name.In(lang); name != "" {
		return sep + name
	}
	return ""
}

// composeMail writes the subject and plain-text body of a mail, in c.Lang
// ("fr", "en" or LangBoth; anything else is French).
func (s *Store) composeMail(c mailContent) (subject, body string) {
	if c.Lang == LangBoth {
		return s.composeBoth(c)
	}
	t, ok := mailTexts[c.Lang]
	if !ok {
		t = mailTexts["fr"]
	}
	subject, text := s.composeText(t, c)
	lang := c.Lang
	if _, ok := mailTexts[lang]; !ok {
		lang = "fr"
	}
	signature := append([]string{t.signature[0] + s.nameTail(lang, ", ")}, t.signature[1:]...)
	return subject + s.nameTail(lang, " — "), text + "-- \n" + strings.Join(signature, "\n") + "\n"
}

// composeBoth is the bilingual mail: one subject naming both (which tells
// an English reader that English is there), the French text, a rule, then
// the English one (each with its own code line), and one signature. The
// French text starts at once, as in a French mail: its code line stays in
// the first screen of the demo mailbox.
func (s *Store) composeBoth(c mailContent) (subject, body string) {
	fr, en := mailTexts["fr"], mailTexts["en"]
	frSubject, frText := s.composeText(fr, c)
	enSubject, enText := s.composeText(en, c)
	subject = frSubject + " / " + enSubject + s.nameTail("en", " — ")
	var b strings.Builder
	b.WriteString(frText)
	b.WriteString(strings.Repeat("-", mailWidth) + "\n\n")
	b.WriteString(enText)
	b.WriteString("-- \n")
	b.WriteString("ENT — compte informatique / computer account" + s.nameTail("fr", ", ") + "\n")
	b.WriteString(fr.signature[len(fr.signature)-1] + "\n")
	b.WriteString(en.signature[len(en.signature)-1] + "\n")
	return subject, b.String()
}

// composeText writes the subject and the text of a mail in one language,
// up to its signature (left to the caller).
func (s *Store) composeText(t langText, c mailContent) (subject, text string) {
	k := t.kinds[c.Kind]
	when := c.When
	if when.IsZero() {
		when = s.cfg.Clock.Now()
	}
	intro := k.intro
	if k.removed != "" && (c.Address == "" || strings.EqualFold(c.Address, c.Identifiant)) {
		intro = k.removed
	}
	fill := strings.NewReplacer("{when}", fmt.Sprintf(t.when, s.mailDate(t, when)),
		"{address}", Clean(c.Address), "{end}", mailDay(t, c.RightsEnd))
	intro = fill.Replace(intro)

	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	para := func(s string) { line(wrapText(s, mailWidth)); line("") }
	if name := strings.TrimSpace(Clean(c.Name)); name != "" {
		line(fmt.Sprintf(t.hello, name))
	} else {
		line(t.helloNoName)
	}
	line("")
	para(intro)
	if k.ident && c.Identifiant != "" {
		para(fmt.Sprintf(t.identifiant, Clean(c.Identifiant)))
	}
	if k.next != "" {
		para(fill.Replace(k.next))
	}
	if c.Code != "" {
		if c.PreviousExpired {
			para(t.previousExpired)
		}
		para(k.action)
		para(fmt.Sprintf(t.code, c.Code))
		// The last minute the code works (DeadlineMinute), as every screen says it.
		para(fmt.Sprintf(t.expires, s.mailDate(t, DeadlineMinute(c.Expires))))
		if c.Token != "" && s.cfg.LinkHost != "" {
			port := s.cfg.LinkPort
			if port == 0 {
				port = 22
			}
			line(t.linkIntro)
			line(fmt.Sprintf("  ssh://%s@%s:%d", c.Token, s.cfg.LinkHost, port))
			line(t.linkTerminal)
			line(fmt.Sprintf("  ssh -p %d %s@%s", port, c.Token, s.cfg.LinkHost))
			line("")
		}
		para(t.secret)
	}
	para(k.notYou)
	if reach := s.cfg.Institution.Helpdesk.Reach(); reach != "" {
		line(fmt.Sprintf(t.contact, reach))
		line("")
	}
	return k.subject, b.String()
}

// mailDate is a local date and time in words: "jeudi 26 novembre 2026 à
// 10:15 (heure de Paris)", "Thursday 26 November 2026 at 10:15 (Paris time)".
func (s *Store) mailDate(t langText, at time.Time) string {
	local := at.In(s.cfg.Location)
	day := fmt.Sprint(local.Day())
	if local.Day() == 1 && t.firstOfMon != "" {
		day = t.firstOfMon
	}
	zone := t.parisTime
	if s.cfg.Location.String() != "Europe/Paris" {
		zone = local.Format("MST")
	}
	return fmt.Sprintf("%s %s %s %d %s %s (%s)", t.days[local.Weekday()], day, t.months[local.Month()-1],
		local.Year(), t.at, local.Format("15:04"), zone)
}

// mailDay is a calendar date in words: "31 décembre 2025", "31 December 2025".
func mailDay(t langText, day time.Time) string {
	if day.IsZero() {
		return ""
	}
	d := fmt.Sprint(day.Day())
	if day.Day() == 1 && t.firstOfMon != "" {
		d = t.firstOfMon
	}
	return fmt.Sprintf("%s %s %d", d, t.months[day.Month()-1], day.Year())
}

// wrapText wraps a paragraph at width characters, never leaving French
// punctuation (« » : ; ! ?) alone at the start or end of a line.
func wrapText(s string, width int) string {
	var words []string
	for _, w := range strings.Fields(s) {
		n := len(words)
		switch {
		case n > 0 && (w == ":" || w == ";" || w == "!" || w == "?" || w == "»"):
			words[n-1] += " " + w
		case n > 0 && words[n-1] == "«":
			words[n-1] += " " + w
		default:
			words = append(words, w)
		}
	}
	var b strings.Builder
	col := 0
	for _, w := range words {
		n := utf8.RuneCountInString(w)
		if col > 0 && col+1+n > width {
			b.WriteByte('\n')
			col = 0
		} else if col > 0 {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += n
	}
	return b.String()
}

// The code line and the link token, as composeMail writes them: once a mail
// is delivered by SMTP the outbox keeps it without them.
var (
	codeLine    = regexp.MustCompile(`(?m)^(Code ?: )[0-9]{8}$`)
	tokenInLink = regexp.MustCompile(`(ssh://|ssh -p [0-9]+ )[a-z2-7]{32}@`)
)

const redactedCode = "••••••••"

// redactSecrets masks the code and the link token of a mail body.
func redactSecrets(body string) string {
	body = codeLine.ReplaceAllString(body, "${1}"+redactedCode)
	return tokenInLink.ReplaceAllString(body, "${1}"+redactedCode+"@")
}
