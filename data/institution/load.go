package institution

import (
	"bytes"
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
)

// FileError is a mistake in an institution file: which key, on which line,
// and why, in French like the rest of the command line.
type FileError struct {
	Path   string
	Line   int    // 0 when the mistake is no line's (a missing key)
	Key    string // "helpdesk.mail"; "" for a syntax error
	Reason string
}

func (e *FileError) Error() string {
	where := "fichier d'établissement " + e.Path
	if e.Line > 0 {
		where += fmt.Sprintf(", ligne %d", e.Line)
	}
	if e.Key != "" {
		where += ", clé " + e.Key
	}
	return where + " : " + e.Reason
}

// document is the file as TOML lays it out; Load checks it and turns it
// into an Institution.
type document struct {
	Institution struct {
		Name          Text   `toml:"name"`
		ShortName     string `toml:"short_name"`
		StudentDomain string `toml:"student_domain"`
		StaffDomain   string `toml:"staff_domain"`
		Demo          bool   `toml:"demo"`
	} `toml:"institution"`
	Helpdesk           Contact `toml:"helpdesk"`
	RegistrationOffice Contact `toml:"registration_office"`
	Mail               struct {
		From string `toml:"from"`
	} `toml:"mail"`
	Links struct {
		URL     string `toml:"url"`
		SSHHost string `toml:"ssh_host"`
		SSHPort int    `toml:"ssh_port"`
	} `toml:"links"`
	Charter struct {
		Version string `toml:"version"`
		FR      string `toml:"fr"`
		EN      string `toml:"en"`
	} `toml:"charter"`
	Calendar struct {
		AcademicYearStarts string `toml:"academic_year_starts"`
	} `toml:"calendar"`
	Services []Service `toml:"services"`
}

// Load reads and checks an institution file. Charter files are read
// relative to the institution file's folder.
func Load(path string) (*Institution, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, &FileError{Path: path, Reason: readReason(err)}
	}
	dir := filepath.Dir(path)
	return parse(path, b, func(name string) ([]byte, error) {
		if !filepath.IsAbs(name) {
			name = filepath.Join(dir, name)
		}
		return os.ReadFile(name)
	})
}

// reader reads a file the institution file names (its charters).
type reader func(name string) ([]byte, error)

func readReason(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "fichier introuvable"
	case errors.Is(err, os.ErrPermission):
		return "lecture refusée (droits du fichier)"
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func parse(path string, b []byte, read reader) (*Institution, error) {
	if !utf8.Valid(b) {
		return nil, &FileError{Path: path, Reason: "le fichier n'est pas en UTF-8"}
	}
	// The lines of the keys name a mistake: read only when there is one
	// (every kiosk start parses its institution file before its first frame).
	lines := sync.OnceValue(func() lineIndex { return keyLines(b) })
	fail := func(key, reason string) error {
		return &FileError{Path: path, Line: lines().of(key), Key: key, Reason: reason}
	}
	var doc document
	dec := toml.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return nil, decodeError(path, err)
	}

	in := &Institution{Path: path, Demo: doc.Institution.Demo}
	i := doc.Institution
	if strings.TrimSpace(i.Name.FR) == "" {
		return nil, fail("institution.name.fr", "le nom de l'établissement est obligatoire")
	}
	in.Name = i.Name
	in.ShortName = i.ShortName
	if n := utf8.RuneCountInString(i.ShortName); n > 16 {
		return nil, fail("institution.short_name", fmt.Sprintf("%d caractères : 16 au plus", n))
	}
	for _, d := range []struct {
		key string
		v   string
		to  *string
	}{{"institution.student_domain", i.StudentDomain, &in.StudentDomain}, {"institution.staff_domain", i.StaffDomain, &in.StaffDomain}} {
		if d.v != "" && !domainPattern.MatchString(d.v) {
			return nil, fail(d.key, fmt.Sprintf("%q n'est pas un nom de domaine (exemple : etu.univ.fr)", d.v))
		}
		*d.to = strings.ToLower(d.v)
	}
	for _, c := range []struct {
		key string
		v   Contact
		to  *Contact
	}{{"helpdesk", doc.Helpdesk, &in.Helpdesk}, {"registration_office", doc.RegistrationOffice, &in.Registration}} {
		if c.v.Mail != "" && !plainAddress(c.v.Mail) {
			return nil, fail(c.key+".mail", fmt.Sprintf("%q n'est pas une adresse mail (exemple : assistance@univ.fr)", c.v.Mail))
		}
		if c.v.Phone != "" && !phonePattern.MatchString(c.v.Phone) {
			return nil, fail(c.key+".phone", fmt.Sprintf("%q n'est pas un numéro de téléphone (chiffres, espaces, + . - et parenthèses)", c.v.Phone))
		}
		*c.to = c.v
	}
	if f := doc.Mail.From; f != "" {
		a, err := mail.ParseAddress(f)
		if err != nil || !plainAddress(a.Address) {
			return nil, fail("mail.from", fmt.Sprintf("%q n'est pas un expéditeur (Nom <adresse@domaine>)", f))
		}
		in.MailFrom = f
	}
	if u := doc.Links.URL; u != "" {
		p, err := url.Parse(u)
		if err != nil || p.Scheme != "https" || p.Host == "" || p.RawQuery != "" || p.Fragment != "" {
			return nil, fail("links.url", fmt.Sprintf("%q n'est pas une adresse https:// sans ? ni # (exemple : https://ent.univ.fr/compte/)", u))
		}
		in.LinkURL = u
	}
	if h := doc.Links.SSHHost; h != "" && !domainPattern.MatchString(h) {
		return nil, fail("links.ssh_host", fmt.Sprintf("%q n'est pas un nom d'hôte", h))
	}
	in.SSHHost = doc.Links.SSHHost
	if p := doc.Links.SSHPort; p < 0 || p > 65535 {
		return nil, fail("links.ssh_port", fmt.Sprintf("%d n'est pas un port (1 à 65535)", p))
	}
	in.SSHPort = doc.Links.SSHPort

	ch := doc.Charter
	switch {
	case ch.FR == "" && ch.EN == "" && ch.Version == "":
		in.Charter = genericCharter()
	case ch.FR == "":
		return nil, fail("charter.fr", "le fichier de la charte en français est obligatoire quand [charter] est là")
	case strings.TrimSpace(ch.Version) == "":
		return nil, fail("charter.version", "la version de la charte est obligatoire (exemple : \"2026-09\") : "+
			"elle est enregistrée à chaque acceptation")
	case utf8.RuneCountInString(ch.Version) > 32:
		return nil, fail("charter.version", "32 caractères au plus")
	default:
		in.Charter.Version = ch.Version
		for _, f := range []struct {
			key, name string
			to        *string
		}{{"charter.fr", ch.FR, &in.Charter.Text.FR}, {"charter.en", ch.EN, &in.Charter.Text.EN}} {
			if f.name == "" {
				continue
			}
			text, err := readCharter(read, f.name)
			if err != nil {
				return nil, fail(f.key, err.Error())
			}
			*f.to = text
		}
	}

	in.YearStart = DefaultYearStart
	if s := doc.Calendar.AcademicYearStarts; s != "" {
		d, err := time.Parse("01-02", s)
		if err != nil {
			return nil, fail("calendar.academic_year_starts", fmt.Sprintf("%q n'est pas un jour MM-JJ (exemple : \"09-01\")", s))
		}
		in.YearStart = MonthDay{d.Month(), d.Day()}
	}
	for n, sv := range doc.Services {
		key := fmt.Sprintf("services[%d]", n+1)
		if strings.TrimSpace(sv.Name.FR) == "" {
			return nil, &FileError{Path: path, Line: lines().nth("services", n), Key: key + ".name.fr", Reason: "le nom du service est obligatoire"}
		}
		if sv.Address == "" || strings.Contains(sv.Address, "://") || !addressPattern.MatchString(sv.Address) {
			return nil, &FileError{Path: path, Line: lines().nth("services", n), Key: key + ".address",
				Reason: fmt.Sprintf("%q n'est pas une adresse de service (exemple : webmail.univ.fr, sans https://)", sv.Address)}
		}
		for _, t := range []string{sv.Name.FR, sv.Name.EN, sv.What.FR, sv.What.EN} {
			if strings.IndexFunc(t, unicode.IsControl) >= 0 {
				return nil, &FileError{Path: path, Line: lines().nth("services", n), Key: key, Reason: "caractère de contrôle interdit"}
			}
		}
	}
	in.Services = doc.Services
	if key, ok := controlIn(doc); !ok {
		return nil, fail(key, "caractère de contrôle interdit")
	}
	return in, nil
}

// readCharter reads a charter file (relative to the institution file): UTF-8
// text without control characters other than line breaks and tabs.
func readCharter(read reader, name string) (string, error) {
	b, err := read(name)
	return checkCharter(name, b, err)
}

func checkCharter(name string, b []byte, err error) (string, error) {
	if err != nil {
		return "", fmt.Errorf("charte %s : %s", name, readReason(err))
	}
	if !utf8.Valid(b) {
		return "", fmt.Errorf("charte %s : le fichier n'est pas en UTF-8", name)
	}
	text := strings.TrimSpace(strings.ReplaceAll(string(b), "\r\n", "\n"))
	if text == "" {
		return "", fmt.Errorf("charte %s : le fichier est vide", name)
	}
	for _, r := range text {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return "", fmt.Errorf("charte %s : caractère de contrôle interdit (U+%04X)", name, r)
		}
	}
	return text, nil
}

var (
	domainPattern = regexp.MustCompile(`^(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$`)
	phonePattern  = regexp.MustCompile(`^\+?[0-9][0-9 .()\-]{3,24}$`)
	// a service's address: a host name, then a path of plain characters
	addressPattern = regexp.MustCompile(`^(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(/[a-z0-9._~/-]*)?$`)
)

// plainAddress is local@domain with nothing a mail header, a Postfix map or
// a terminal could take for something else.
func plainAddress(a string) bool {
	local, domain, ok := strings.Cut(a, "@")
	if !ok || local == "" || len(a) > 254 || !domainPattern.MatchString(domain) {
		return false
	}
	for _, r := range local {
		if !(r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(".-_+", r))) {
			return false
		}
	}
	return true
}

// controlIn finds a string value with a control character (a terminal
// escape in a banner or a mail header): the key of the first one.
func controlIn(d document) (string, bool) {
	check := []struct {
		key string
		v   string
	}{
		{"institution.name.fr", d.Institution.Name.FR}, {"institution.name.en", d.Institution.Name.EN},
		{"institution.short_name", d.Institution.ShortName},
	}
	for _, c := range []struct {
		key string
		v   Contact
	}{{"helpdesk", d.Helpdesk}, {"registration_office", d.RegistrationOffice}} {
		check = append(check, []struct {
			key string
			v   string
		}{
			{c.key + ".name.fr", c.v.Name.FR}, {c.key + ".name.en", c.v.Name.EN},
			{c.key + ".place.fr", c.v.Place.FR}, {c.key + ".place.en", c.v.Place.EN},
			{c.key + ".hours.fr", c.v.Hours.FR}, {c.key + ".hours.en", c.v.Hours.EN},
		}...)
	}
	check = append(check, struct {
		key string
		v   string
	}{"charter.version", d.Charter.Version})
	for _, c := range check {
		for _, r := range c.v {
			if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
				return c.key, false
			}
		}
	}
	return "", true
}

// decodeError turns go-toml's error into a FileError with its line.
func decodeError(path string, err error) error {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) && len(strict.Errors) > 0 {
		e := strict.Errors[0]
		row, _ := e.Position()
		return &FileError{Path: path, Line: row, Key: strings.Join(e.Key(), "."),
			Reason: "clé inconnue (entkiosk institution init écrit un fichier avec toutes les clés)"}
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, _ := de.Position()
		key := strings.Join(de.Key(), ".")
		reason := "syntaxe TOML invalide (" + de.Error() + ")"
		if strings.Contains(de.Error(), "cannot decode") || strings.Contains(de.Error(), "cannot store") {
			reason = "valeur du mauvais type (" + de.Error() + ")"
		}
		return &FileError{Path: path, Line: row, Key: key, Reason: reason}
	}
	return &FileError{Path: path, Reason: err.Error()}
}

// lineIndex is the line of each key of the file, to name it in an error.
type lineIndex map[string]int

// nth is the line of the n-th (from 0) [[name]] table.
func (idx lineIndex) nth(name string, n int) int { return idx[fmt.Sprintf("[[%s]]#%d", name, n)] }

// The lines keyLines looks for, compiled on the first mistake only.
var fileLines = sync.OnceValue(func() (r struct{ table, array, key *regexp.Regexp }) {
	r.table = regexp.MustCompile(`^\s*\[\s*([A-Za-z0-9_.\- ]+?)\s*\]`)
	r.array = regexp.MustCompile(`^\s*\[\[\s*([A-Za-z0-9_.\- ]+?)\s*\]\]`)
	r.key = regexp.MustCompile(`^\s*([A-Za-z0-9_.\-" ]+?)\s*=`)
	return r
})

func keyLines(b []byte) lineIndex {
	re := fileLines()
	tableLine, arrayLine, keyLine := re.table, re.array, re.key
	idx := lineIndex{}
	table := ""
	arrays := map[string]int{}
	for n, l := range strings.Split(string(b), "\n") {
		if m := arrayLine.FindStringSubmatch(l); m != nil {
			table = strings.ReplaceAll(m[1], " ", "")
			idx[fmt.Sprintf("[[%s]]#%d", table, arrays[table])] = n + 1
			arrays[table]++
			continue
		}
		if m := tableLine.FindStringSubmatch(l); m != nil {
			table = strings.ReplaceAll(m[1], " ", "")
			idx[table] = n + 1
			continue
		}
		if m := keyLine.FindStringSubmatch(l); m != nil {
			k := strings.NewReplacer(" ", "", `"`, "").Replace(m[1])
			if table != "" {
				k = table + "." + k
			}
			if _, ok := idx[k]; !ok {
				idx[k] = n + 1
			}
		}
	}
	return idx
}

// of is the line of key, or of the closest enclosing key or table
// ("helpdesk.name.fr" written as an inline table on "name"'s line).
func (idx lineIndex) of(key string) int {
	for k := key; k != ""; {
		if n, ok := idx[k]; ok {
			return n
		}
		i := strings.LastIndex(k, ".")
		if i < 0 {
			break
		}
		k = k[:i]
	}
	return 0
}
