// Package institution holds the facts about the university that runs
// entkiosk: its name, its helpdesk and registration office, its mail sender,
// its links, its charter and its calendar. They come from one TOML file
// (--institution), so that another university runs entkiosk without a fork.
// A fact the file does not give is empty, and the words that would need it
// say nothing rather than something made up.
package institution

import (
	"strings"
	"time"
)

// Text is a value in both languages of the interface. A missing English
// value falls back to the French one.
type Text struct {
	FR string `toml:"fr"`
	EN string `toml:"en"`
}

// In is the text in lang ("fr" or "en").
func (t Text) In(lang string) string {
	if lang == "en" && t.EN != "" {
		return t.EN
	}
	return t.FR
}

// Contact is how to reach an office: any part may be empty.
type Contact struct {
	Name  Text   `toml:"name"` // "service de scolarité de votre composante"
	Mail  string `toml:"mail"`
	Phone string `toml:"phone"`
	Place Text   `toml:"place"`
	Hours Text   `toml:"hours"`
}

// Reach is how to reach the office in one line ("mail, phone"), or "" when
// the file gives neither.
func (c Contact) Reach() string {
	var parts []string
	for _, p := range []string{c.Mail, c.Phone} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// Full is every part the file gives, in lang: "mail, phone — place — hours".
func (c Contact) Full(lang string) string {
	var parts []string
	if r := c.Reach(); r != "" {
		parts = append(parts, r)
	}
	for _, p := range []string{c.Place.In(lang), c.Hours.In(lang)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " — ")
}

// Charter is the charter accepted at activation, with its version: a new
// version asks every account to accept it again at its next login.
type Charter struct {
	Version string
	Text    Text // the text itself, read from the files the institution file names
}

// Service is one of the ENT's services the dashboard lists: its name, what
// it is, and where it is found.
type Service struct {
	Name    Text   `toml:"name"`
	What    Text   `toml:"what"`
	Address string `toml:"address"` // "webmail.univ.fr", without a scheme
}

// MonthDay is a day of the year, "09-01".
type MonthDay struct {
	Month time.Month
	Day   int
}

// Institution is what the program knows of the university that runs it.
type Institution struct {
	Name          Text   // "Université de Montpellier"
	ShortName     string // "UM"
	StudentDomain string // identifiants' domains: the command-line options win
	StaffDomain   string
	Helpdesk      Contact
	Registration  Contact // the registration office (« service de scolarité »)
	MailFrom      string  // "ENT Université de Montpellier <ne-pas-repondre@umontpellier.fr>"
	LinkURL       string  // https:// prefix of the mails' links (the web page)
	SSHHost       string  // host of the ssh:// links; the command-line options win
	SSHPort       int
	Charter       Charter
	YearStart     MonthDay  // the day an academic year starts
	Services      []Service // the ENT's services, listed on the dashboard
	Demo          bool      // the demonstration institution: marked as such wherever it shows
	Path          string    // the file it was read from; "" for the built-in ones
}

// DefaultYearStart is 1 September, the French academic year.
var DefaultYearStart = MonthDay{time.September, 1}

// None is what the program knows without an institution file: the generic
// charter and the French calendar, and no name, contact or sender.
func None() *Institution {
	return &Institution{Charter: genericCharter(), YearStart: DefaultYearStart}
}

// AcademicYear is the first calendar year of the academic year that t
// falls in: from the start day of year N to the day before it in N+1.
func (i *Institution) AcademicYear(t time.Time) int {
	start := i.YearStart
	if start.Month == 0 {
		start = DefaultYearStart
	}
	if t.Month() > start.Month || (t.Month() == start.Month && t.Day() >= start.Day) {
		return t.Year()
	}
	return t.Year() - 1
}

// DisplayName is the name in lang, "" when the file gives none.
func (i *Institution) DisplayName(lang string) string { return i.Name.In(lang) }
