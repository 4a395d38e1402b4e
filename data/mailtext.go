package data

import (
	"entkiosk/data/text"
	"entkiosk/data/wrap"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"
)

// mailContent is what a mail says; composeMail writes it in one language.
type mailContent struct {
	Kind        MailKind
	Lang        string
	Name        string
	Staff       bool   // a member of staff: no IA in the words
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
	// ByHelpdesk: an agent asked for the code; the intro says so where the
	// kind has one (.helpdesk) rather than naming the person's screen.
	ByHelpdesk bool
	link       *mailLink // where the link points (nil: the store's --link-host and --link-port)
}

// mailWidth is where paragraphs wrap: plain text read in any mail client.
const mailWidth = 72

// The mails' words are in the catalogue (data/text, the mail area):
// mail.<kind>.subject, .intro, .staff (the intro for a member of staff: no
// registration, no IA), .removed (redirection notices when the
// redirection was removed), .action (code mails: the sentence just before
// the code), .next (notices without a code: what to do now), .notyou
// (what to do if one did not ask for it), and the lines every mail shares.

// mailTexts are the languages a mail is written in ("fr", "en").
var mailTexts = map[string]text.Lang{"fr": text.French, "en": text.English}

// showsIdentifiant are the kinds of mail that name the account (not the
// confirmations: their address is not proven yet).
var showsIdentifiant = map[MailKind]bool{
	MailActivation: true, MailReset: true, MailPasswordChanged: true, MailRecoveryChanged: true,
	MailRedirectionChanged: true, MailAlreadyActive: true, MailRightsEnded: true,
}

// typeset is s with the language's typography (see wrap.French): French
// takes no-break spaces before « : ; ? ! » and inside « », so that neither
// a mail client nor the mailbox breaks a line there. The catalogue's texts
// have them already; the arguments filled in get them here.
func typeset(lang text.Lang, s string) string {
	if lang == text.French {
		return wrap.French(s)
	}
	return s
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
	t := text.ParseLang(c.Lang)
	subject, body = s.composeText(t, c)
	lang := string(t)
	signature := text.T(t, "mail.signature") + s.nameTail(lang, ", ") + "\n" + text.T(t, "mail.signature.automatic")
	return subject + s.nameTail(lang, " — "), body + "-- \n" + signature + "\n"
}

// composeBoth is the bilingual mail: one subject naming both (which tells
// an English reader that English is there), the French text, a rule, then
// the English one (each with its own code line), and one signature. The
// French text starts at once, as in a French mail: its code line stays in
// the first screen of the demo mailbox.
func (s *Store) composeBoth(c mailContent) (subject, body string) {
	frSubject, frText := s.composeText(text.French, c)
	enSubject, enText := s.composeText(text.English, c)
	subject = frSubject + " / " + enSubject + s.nameTail("en", " — ")
	var b strings.Builder
	b.WriteString(frText)
	b.WriteString(strings.Repeat("-", mailWidth) + "\n\n")
	b.WriteString(enText)
	b.WriteString("-- \n")
	b.WriteString(text.T(text.French, "mail.signature.both") + s.nameTail("fr", ", ") + "\n")
	b.WriteString(text.T(text.French, "mail.signature.automatic") + "\n")
	b.WriteString(text.T(text.English, "mail.signature.automatic") + "\n")
	return subject, b.String()
}

// composeText writes the subject and the text of a mail in one language,
// up to its signature (left to the caller).
func (s *Store) composeText(t text.Lang, c mailContent) (subject, body string) {
	k := "mail." + string(c.Kind) + "."
	has := func(part string) bool { return text.Has(t, k+part) }
	when := c.When
	if when.IsZero() {
		when = s.cfg.Clock.Now()
	}
	intro := k + "intro"
	if c.Staff && has("staff") {
		intro = k + "staff"
	}
	if c.ByHelpdesk && has("helpdesk") {
		intro = k + "helpdesk"
	}
	if has("removed") && (c.Address == "" || strings.EqualFold(c.Address, c.Identifiant)) {
		intro = k + "removed"
	}
	// An intro or a next step takes the change's date and time, the new
	// address and the end of the rights, by number (%[1]s, %[2]s, %[3]s).
	fill := func(key string) string {
		words := text.T(t, key)
		if !strings.Contains(words, "%") {
			return words
		}
		return fmt.Sprintf(words, text.F(t, "mail.date.on", s.mailDate(t, when)), Clean(c.Address), mailDay(t, c.RightsEnd))
	}

	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	para := func(s string) { line(wrap.String(typeset(t, s), mailWidth)); line("") }
	if name := strings.TrimSpace(Clean(c.Name)); name != "" {
		line(typeset(t, text.F(t, "mail.hello", name)))
	} else {
		line(text.T(t, "mail.hello.noname"))
	}
	line("")
	para(fill(intro))
	if showsIdentifiant[c.Kind] && c.Identifiant != "" {
		para(text.F(t, "mail.identifiant", Clean(c.Identifiant)))
	}
	if has("next") {
		para(fill(k + "next"))
	}
	if c.Code != "" {
		if c.PreviousExpired {
			para(text.T(t, "mail.previous_expired"))
		}
		para(text.T(t, k+"action"))
		// The code line stays as typed: a line of its own never wraps, and
		// the mailbox and the outbox's readers find it by its plain text.
		line(text.F(t, "mail.code", c.Code))
		line("")
		// The last minute the code works (DeadlineMinute), as every screen says it.
		para(text.F(t, "mail.expires", s.mailDate(t, DeadlineMinute(c.Expires))))
		host, port, webURL := s.cfg.LinkHost, s.cfg.LinkPort, s.cfg.LinkURL
		if c.link != nil { // as fixed when the mail was queued
			host, port, webURL = c.link.host, c.link.port, c.link.url
		}
		if c.Token != "" && webURL != "" {
			line(wrap.String(typeset(t, text.T(t, "mail.link.browser")), mailWidth))
			line("  " + WebLink(webURL, c.Token))
			line("")
		} else if c.Token != "" && host != "" {
			if port == 0 {
				port = 22
			}
			line(typeset(t, text.T(t, "mail.link.ssh")))
			line(fmt.Sprintf("  ssh://%s@%s:%d", c.Token, host, port))
			line(typeset(t, text.T(t, "mail.link.terminal")))
			line(fmt.Sprintf("  ssh -p %d %s@%s", port, c.Token, host))
			line("")
		}
		para(text.T(t, "mail.secret"))
	}
	para(text.T(t, k+"notyou"))
	if reach := s.cfg.Institution.Helpdesk.Reach(); reach != "" {
		line(typeset(t, text.F(t, "mail.contact", reach)))
		line("")
	}
	return text.T(t, k+"subject"), b.String()
}

// mailDate is a local date and time in words: "jeudi 26 novembre 2026 à
// 10:15 (heure de Paris)", "Thursday 26 November 2026 at 10:15 (Paris time)".
func (s *Store) mailDate(t text.Lang, at time.Time) string {
	local := at.In(s.cfg.Location)
	zone := text.T(t, "mail.date.paris")
	if s.cfg.Location.String() != "Europe/Paris" {
		zone = local.Format("MST")
	}
	return fmt.Sprintf("%s %s %s %d %s %s (%s)", text.T(t, fmt.Sprintf("mail.day.%d", local.Weekday())), dayOfMonth(t, local),
		text.T(t, fmt.Sprintf("mail.month.%d", local.Month())), local.Year(), text.T(t, "mail.date.at"), local.Format("15:04"), zone)
}

// mailDay is a calendar date in words: "31 décembre 2025", "31 December 2025".
func mailDay(t text.Lang, day time.Time) string {
	if day.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s %s %d", dayOfMonth(t, day), text.T(t, fmt.Sprintf("mail.month.%d", day.Month())), day.Year())
}

// dayOfMonth is the day's number, the first of the month as the language
// writes it ("1er").
func dayOfMonth(t text.Lang, day time.Time) string {
	if day.Day() == 1 {
		return text.T(t, "mail.date.first")
	}
	return fmt.Sprint(day.Day())
}

// The code line and the link token, as composeMail writes them: once a mail
// is delivered by SMTP the outbox keeps it without them.
// They are compiled on first use: not at every start of every command.
var secretLines = sync.OnceValue(func() (r struct{ codeLine, tokenInLink, tokenInURL *regexp.Regexp }) {
	r.codeLine = regexp.MustCompile(`(?m)^(Code ?: )[0-9]{8}$`)
	r.tokenInLink = regexp.MustCompile(`(ssh://|ssh -p [0-9]+ )[a-z2-7]{32}@`)
	r.tokenInURL = regexp.MustCompile(`([?&]t=)[a-z2-7]{32}\b`)
	return r
})

// WebLink is the https link of a token under the web page's address
// (--link-url): the page is served at the prefix's root.
func WebLink(prefix, token string) string {
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	return prefix + "?t=" + token
}

const redactedCode = "••••••••"

// redactSecrets masks the code and the link token of a mail body.
func redactSecrets(body string) string {
	re := secretLines()
	codeLine, tokenInURL, tokenInLink := re.codeLine, re.tokenInURL, re.tokenInLink
	body = codeLine.ReplaceAllString(body, "${1}"+redactedCode)
	body = tokenInURL.ReplaceAllString(body, "${1}"+redactedCode)
	return tokenInLink.ReplaceAllString(body, "${1}"+redactedCode+"@")
}
