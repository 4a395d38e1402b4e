package institution

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Template is the commented file `entkiosk institution init` writes: every
// key, with what it does and where it shows. Its values describe a
// university that does not exist; `entkiosk institution check` accepts it
// once the charter files it names are beside it (init writes them too).
const Template = `# The institution that runs entkiosk: its name, its contacts, its charter,
# its calendar. Given to every command by --institution FILE (or the variable
# ENTKIOSK_INSTITUTION). A key left empty, or left out, says nothing: entkiosk
# never makes a fact up (no contact line in the mails without [helpdesk]).
# "entkiosk institution check FILE" checks this file and shows where each
# value appears. Texts in two languages: .fr, and .en (French if left out).

[institution]
# The name: in the banner of every screen (in capitals) and in every mail.
name.fr = "Université d'Exemple"
name.en = "University of Exemple"
# A short name (16 characters at most): the banner when the window is narrow.
short_name = "UEX"
# The identifiants' domains (--student-domain and --staff-domain win).
student_domain = "etu.exemple.fr"
staff_domain = "exemple.fr"
# true marks a demonstration institution.
demo = false

[helpdesk]
# The helpdesk: at the end of every mail, in Aide, on the screens that send
# a person to it (rights ended, no access to the mail de secours).
mail = "assistance@exemple.fr"
phone = "01 23 45 67 89"
place.fr = "Bibliothèque universitaire, rez-de-chaussée"
place.en = "University library, ground floor"
hours.fr = "du lundi au vendredi, de 9 h à 17 h"
hours.en = "Monday to Friday, 9:00 to 17:00"

[registration_office]
# Who to see about a registration, as a label (no article): "Pour vous
# réinscrire : service de scolarité de votre composante, scolarite@…".
name.fr = "service de scolarité de votre composante"
name.en = "registration office of your faculty"
mail = "scolarite@exemple.fr"
phone = ""
place.fr = ""
hours.fr = ""

[mail]
# The sender of every mail (entkiosk mail --from and serve --from win).
from = "ENT Université d'Exemple <ne-pas-repondre@exemple.fr>"

[links]
# The links of the code mails: an https:// address of the web page
# (serve --http behind it), and the host and port of the SSH server
# (--link-host and --link-port win).
url = ""
ssh_host = "ent.exemple.fr"
ssh_port = 22

[charter]
# The charter accepted at activation: one text file per language, beside
# this file. The version is recorded with each acceptance; a new version
# asks every account to accept the charter again at its next login.
version = "2026-09"
fr = "charte.fr.txt"
en = "charter.en.txt"

[calendar]
# The day an academic year starts (MM-DD): which registration is "this
# year's", and when rights end.
academic_year_starts = "09-01"

# The ENT's services, listed on the dashboard: one [[services]] each, in
# the order shown (none: the dashboard lists none).
[[services]]
name = { fr = "Messagerie", en = "Mail" }
what = { fr = "votre courrier universitaire", en = "your university mail" }
address = "webmail.exemple.fr"

[[services]]
name = { fr = "Wi-Fi eduroam", en = "eduroam Wi-Fi" }
what = { fr = "réseau sans fil des campus", en = "campus wireless network" }
address = "cat.eduroam.org"
`

// Example is the institution the template describes, read as a file would
// be: the university of `institution init`, for tests and for trying a
// deployment's words without writing anything.
func Example() *Institution {
	charters := TemplateCharters()
	in, err := parse("", []byte(Template), func(name string) ([]byte, error) {
		if text, ok := charters[name]; ok {
			return []byte(text), nil
		}
		return nil, os.ErrNotExist
	})
	if err != nil {
		panic("institution: the template does not load: " + err.Error())
	}
	return in
}

// TemplateCharters are the charter files init writes beside the template:
// the generic charter, to be replaced by the institution's own.
func TemplateCharters() map[string]string {
	c := genericCharter()
	return map[string]string{"charte.fr.txt": c.Text.FR + "\n", "charter.en.txt": c.Text.EN + "\n"}
}

// Use is one value of the file and where it appears.
type Use struct {
	Key, Value, Where string
}

// Uses lists the values this institution gives and where each appears, for
// `entkiosk institution check`; a value not given says "(rien)".
func (i *Institution) Uses() []Use {
	none := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return "(rien : non affiché)"
		}
		return s
	}
	two := func(t Text) string {
		if t.FR == "" {
			return none("")
		}
		if t.EN == "" || t.EN == t.FR {
			return t.FR
		}
		return t.FR + " / " + t.EN
	}
	charter := "texte générique d'entkiosk"
	if i.Charter.Version != GenericCharterVersion {
		charter = "version " + i.Charter.Version
	}
	return []Use{
		{"institution.name", two(i.Name), "bandeau de chaque écran, objet et signature des mails, Aide"},
		{"institution.short_name", none(i.ShortName), "bandeau quand la fenêtre est étroite"},
		{"institution.student_domain", none(i.StudentDomain), "identifiants étudiants, exemples des formulaires"},
		{"institution.staff_domain", none(i.StaffDomain), "identifiants du personnel"},
		{"helpdesk", none(i.Helpdesk.Full("fr")), "fin de chaque mail, Aide (Contacter l'assistance), droits terminés, mail de secours perdu"},
		{"registration_office", none(two(i.Registration.Name) + contactTail(i.Registration)), "droits terminés (1ère connexion), console assistance (pas d'inscription validée)"},
		{"mail.from", none(i.MailFrom), "expéditeur des mails (entkiosk mail, serve)"},
		{"links.url", none(i.LinkURL), "lien https:// des mails de code (page web de serve --http)"},
		{"links.ssh_host", none(i.SSHHost), "lien ssh:// des mails de code, Aide (depuis chez vous)"},
		{"charter", charter, "étape « charte » de l'activation ; nouvelle acceptation à la connexion quand la version change"},
		{"calendar.academic_year_starts", i.YearStart.String(), "année universitaire en cours, fin des droits"},
		{"services", none(serviceNames(i.Services)), "tableau de bord (Services de l'ENT)"},
	}
}

func serviceNames(s []Service) string {
	var names []string
	for _, sv := range s {
		names = append(names, sv.Name.FR+" ("+sv.Address+")")
	}
	return strings.Join(names, ", ")
}

func contactTail(c Contact) string {
	if r := c.Reach(); r != "" {
		return " — " + r
	}
	return ""
}

// String is "01/09" (day/month, as the screens write dates).
func (d MonthDay) String() string { return fmt.Sprintf("%02d/%02d", d.Day, int(d.Month)) }

// WriteTemplate writes the template to path and the charter files it names
// beside it, for `entkiosk institution init`. It overwrites nothing: a file
// already there is an error naming it, and nothing is written. It returns
// the files written.
func WriteTemplate(path string) ([]string, error) {
	files := map[string]string{path: Template}
	for name, text := range TemplateCharters() {
		files[filepath.Join(filepath.Dir(path), name)] = text
	}
	for f := range files {
		if _, err := os.Lstat(f); err == nil {
			return nil, fmt.Errorf("%s existe déjà : rien n'a été écrit (choisissez un autre --out, ou déplacez ce fichier)", f)
		}
	}
	var written []string
	for _, f := range slices.Sorted(maps.Keys(files)) {
		if err := os.WriteFile(f, []byte(files[f]), 0o644); err != nil {
			for _, w := range written {
				os.Remove(w)
			}
			return nil, fmt.Errorf("%s : %s", f, readReason(err))
		}
		written = append(written, f)
	}
	return written, nil
}
