package institution

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeInstitution writes the template (with its charters) into a folder,
// edited by the replacements, and returns the file's path.
func writeInstitution(t *testing.T, replace ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "institution.toml")
	if _, err := WriteTemplate(path); err != nil {
		t.Fatal(err)
	}
	body := strings.NewReplacer(replace...).Replace(Template)
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// init overwrites nothing.
func TestWriteTemplateOverwritesNothing(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "charte.fr.txt"), []byte("notre charte"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := WriteTemplate(filepath.Join(dir, "institution.toml"))
	if err == nil || !strings.Contains(err.Error(), "charte.fr.txt existe déjà") {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "institution.toml")); !os.IsNotExist(err) {
		t.Fatal("the template was written next to a refused charter")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "charte.fr.txt")); string(b) != "notre charte" {
		t.Fatal("the existing charter was changed")
	}
}

func TestTemplateLoads(t *testing.T) {
	in, err := Load(writeInstitution(t))
	if err != nil {
		t.Fatal(err)
	}
	if in.Name.In("fr") != "Université d'Exemple" || in.Name.In("en") != "University of Exemple" ||
		in.Helpdesk.Reach() != "assistance@exemple.fr, 01 23 45 67 89" || in.Charter.Version != "2026-09" ||
		!strings.HasPrefix(in.Charter.Text.FR, "CHARTE D'USAGE") || in.StudentDomain != "etu.exemple.fr" ||
		in.YearStart != (MonthDay{time.September, 1}) || in.Demo {
		t.Fatalf("template read as %+v", in)
	}
	if got := in.Registration.Name.In("en"); got != "registration office of your faculty" {
		t.Errorf("registration office in English: %q", got)
	}
	if got := in.Helpdesk.Full("en"); got != "assistance@exemple.fr, 01 23 45 67 89 — University library, ground floor — Monday to Friday, 9:00 to 17:00" {
		t.Errorf("helpdesk in full: %q", got)
	}
}

// Every mistake names its key and its line, in French.
func TestMistakesNameKeyAndLine(t *testing.T) {
	line := func(key string) int {
		for n, l := range strings.Split(Template, "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), key+" =") {
				return n + 1
			}
		}
		return -1
	}
	for _, c := range []struct {
		name, old, new, key string
		line                int
		reason              string
	}{
		{"bad mail", `mail = "assistance@exemple.fr"`, `mail = "assistance exemple.fr"`, "helpdesk.mail", line(`mail`), "n'est pas une adresse mail"},
		{"bad phone", `phone = "01 23 45 67 89"`, `phone = "appelez-nous"`, "helpdesk.phone", line(`phone`), "n'est pas un numéro"},
		{"unknown key", `demo = false`, "demo = false\ncolour = \"bleu\"", "institution.colour", line(`demo`) + 1, "clé inconnue"},
		{"wrong type", `ssh_port = 22`, `ssh_port = "vingt-deux"`, "links.ssh_port", line(`ssh_port`), "mauvais type"},
		{"bad port", `ssh_port = 22`, `ssh_port = 70000`, "links.ssh_port", line(`ssh_port`), "n'est pas un port"},
		{"no name", `name.fr = "Université d'Exemple"`, `name.fr = ""`, "institution.name.fr", line(`name.fr`), "obligatoire"},
		{"bad day", `academic_year_starts = "09-01"`, `academic_year_starts = "31-09"`, "calendar.academic_year_starts", line(`academic_year_starts`), "MM-JJ"},
		{"missing charter", `fr = "charte.fr.txt"`, `fr = "absente.txt"`, "charter.fr", line(`fr`), "introuvable"},
		{"no version", `version = "2026-09"`, `version = ""`, "charter.version", line(`version`), "obligatoire"},
		{"http link", `url = ""`, `url = "http://ent.exemple.fr/"`, "links.url", line(`url`), "https://"},
		{"bad sender", `from = "ENT Université d'Exemple <ne-pas-repondre@exemple.fr>"`, `from = "personne"`, "mail.from", line(`from`), "expéditeur"},
		{"escape in a name", `short_name = "UEX"`, `short_name = "U\u001b[2JX"`, "institution.short_name", line(`short_name`), "contrôle"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := writeInstitution(t, c.old, c.new)
			_, err := Load(path)
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v, want a FileError", err)
			}
			if fe.Key != c.key || fe.Line != c.line || !strings.Contains(fe.Reason, c.reason) {
				t.Fatalf("got key %q line %d reason %q (%v), want key %q line %d with %q", fe.Key, fe.Line, fe.Reason, err, c.key, c.line, c.reason)
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "ligne") {
				t.Fatalf("message without the path or the line: %v", err)
			}
		})
	}
}

func TestSyntaxErrorHasItsLine(t *testing.T) {
	path := writeInstitution(t, `short_name = "UEX"`, `short_name = "UEX`)
	_, err := Load(path)
	var fe *FileError
	if !errors.As(err, &fe) || fe.Line == 0 || !strings.Contains(fe.Reason, "syntaxe") {
		t.Fatalf("got %v", err)
	}
}

func TestMissingFileInWords(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nulle-part.toml"))
	if err == nil || !strings.Contains(err.Error(), "fichier introuvable") {
		t.Fatalf("got %v", err)
	}
}

// Without a file, nothing is made up: no name, no contact, no sender; the
// generic charter and the French calendar.
func TestNoneMakesNothingUp(t *testing.T) {
	in := None()
	if in.Name.In("fr") != "" || in.Helpdesk.Reach() != "" || in.Registration.Full("fr") != "" || in.MailFrom != "" {
		t.Fatalf("facts without a file: %+v", in)
	}
	if in.Charter.Version != GenericCharterVersion || strings.Contains(in.Charter.Text.FR, "Montpellier") {
		t.Fatalf("generic charter: %q", in.Charter.Version)
	}
}

func TestDemoIsMarked(t *testing.T) {
	in := Demo()
	if !in.Demo || in.Name.In("en") != "Université de Montpellier" || !strings.Contains(in.Helpdesk.Mail, "example.org") ||
		in.Charter.Version != "2026-demo" || !strings.Contains(in.Charter.Text.EN, "MONTPELLIER") {
		t.Fatalf("demo: %+v", in)
	}
}

// The academic year turns on its start day, at midnight local time.
func TestAcademicYearStart(t *testing.T) {
	paris, _ := time.LoadLocation("Europe/Paris")
	for _, c := range []struct {
		start MonthDay
		at    time.Time
		want  int
	}{
		{DefaultYearStart, time.Date(2026, 8, 31, 23, 59, 59, 0, paris), 2025},
		{DefaultYearStart, time.Date(2026, 9, 1, 0, 0, 0, 0, paris), 2026},
		{MonthDay{time.August, 15}, time.Date(2026, 8, 14, 23, 59, 59, 0, paris), 2025},
		{MonthDay{time.August, 15}, time.Date(2026, 8, 15, 0, 0, 0, 0, paris), 2026},
		{MonthDay{time.August, 15}, time.Date(2027, 1, 10, 12, 0, 0, 0, paris), 2026},
	} {
		in := &Institution{YearStart: c.start}
		if got := in.AcademicYear(c.at); got != c.want {
			t.Errorf("start %v, %v: %d, want %d", c.start, c.at, got, c.want)
		}
	}
}

// The dashboard's services come from [[services]]; a bad one names its
// place in the list and its line.
func TestServices(t *testing.T) {
	in, err := Load(writeInstitution(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Services) != 2 || in.Services[0].Name.In("en") != "Mail" || in.Services[1].Address != "cat.eduroam.org" {
		t.Fatalf("services: %+v", in.Services)
	}
	if len(None().Services) != 0 || len(Demo().Services) != 6 {
		t.Fatal("services of the built-in institutions")
	}
	path := writeInstitution(t, `address = "cat.eduroam.org"`, `address = "https://cat.eduroam.org"`)
	_, err = Load(path)
	var fe *FileError
	want := strings.Count(Template[:strings.LastIndex(Template, "[[services]]")], "\n") + 1
	if !errors.As(err, &fe) || fe.Key != "services[2].address" || fe.Line != want {
		t.Fatalf("got %v (line %d), want services[2].address on line %d", err, fe.Line, want)
	}
}
