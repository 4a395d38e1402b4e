package data

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Reading the registration export (DESIGN §5): the header, the separator,
// and each line checked on its own, every problem said in the operator's
// words (French, like the rest of the import's report).

// importColumns are the columns of the registration export; required ones
// must be in the header or the file is refused.
var importColumns = []struct {
	name     string
	required bool
}{
	{"numero_etudiant", true}, {"nom", true}, {"prenom", true}, {"date_naissance", true},
	{"email_personnel", true}, {"categorie", true}, {"annee", true}, {"code_etape", true},
	{"libelle_etape", false}, {"diplome", false}, {"composante", false}, {"regime", false},
	{"statut_inscription", true}, {"statut_paiement", true}, {"date_validation", true}, {"date_fin", false},
}

// MaxNameLength bounds names from the export.
const MaxNameLength = 100

// maxRegistrationText bounds the registration's texts (étape, diplôme, ...).
const maxRegistrationText = 200

// LineError is a refused line and why, in words for the operator.
type LineError struct {
	Line   int
	Reason string
}

func (e LineError) Error() string { return fmt.Sprintf("ligne %d : %s", e.Line, e.Reason) }

// FileError refuses a whole file before anything is written. Kind names
// the refusals a caller may say in its own words (the command line's
// languages); Reason says every refusal in French.
type FileError struct {
	Kind    FileErrorKind
	Reason  string
	Columns []string // FileColumns: the required columns the header lacks
}

// FileErrorKind is what is wrong with a whole file; empty: its header.
type FileErrorKind string

const (
	FileUTF16    FileErrorKind = "utf16"    // UTF-16, not UTF-8
	FileEmpty    FileErrorKind = "empty"    // nothing in it, not even the header
	FileNotUTF8  FileErrorKind = "encoding" // not UTF-8 (Latin-1, Windows-1252...)
	FileNoHeader FileErrorKind = "header"   // the first line is not the column names
	FileColumns  FileErrorKind = "columns"  // required columns missing from the header
)

func (e *FileError) Error() string { return "fichier refusé : " + e.Reason }

// importLine is one valid line of the export.
type importLine struct {
	number        int
	studentNumber string
	nom, prenom   string
	birth         time.Time
	email         string
	category      Category
	reg           Registration
	staffEnd      time.Time
}

// exportFile is an export whose header has been read.
type exportFile struct {
	lines      []string // every line, without line ends
	first      int      // index of the first line after the header
	sep        rune
	names      []string
	index      map[string]int
	ignored    []string
	loc        *time.Location
	now        time.Time
	fieldCount int
}

// readExport checks the encoding and the header; it refuses the file
// before anything is written.
func readExport(content []byte, loc *time.Location, now time.Time) (*exportFile, error) {
	if bytes.HasPrefix(content, []byte("\xff\xfe")) || bytes.HasPrefix(content, []byte("\xfe\xff")) {
		return nil, &FileError{Kind: FileUTF16, Reason: "fichier en UTF-16 : enregistrez-le en UTF-8"}
	}
	content = bytes.TrimPrefix(content, []byte("\xef\xbb\xbf"))
	f := &exportFile{lines: splitLines(content), loc: loc, now: now}
	header := ""
	for i, l := range f.lines {
		if strings.TrimSpace(l) != "" {
			header, f.first = l, i+1
			break
		}
	}
	if header == "" {
		return nil, &FileError{Kind: FileEmpty, Reason: "fichier vide, la ligne d'en-tête manque"}
	}
	if !utf8.ValidString(header) {
		return nil, &FileError{Kind: FileNotUTF8, Reason: "ligne d'en-tête illisible (le fichier doit être en UTF-8)"}
	}
	// A spreadsheet's plain « CSV » is Windows-1252: bytes that are not
	// UTF-8 and not one letter that is. Line by line, its names without an
	// accent would go in and the others not: refused whole. A UTF-8 file
	// with a damaged line still has its refusal for that line alone.
	if !utf8.Valid(content) && !hasMultibyteUTF8(content) {
		return nil, &FileError{Kind: FileNotUTF8, Reason: "fichier qui n'est pas en UTF-8 (Latin-1, Windows-1252 ?) : enregistrez-le en UTF-8"}
	}
	f.sep = ';'
	if strings.Count(header, ",") > strings.Count(header, ";") {
		f.sep = ','
	}
	names, err := splitFields(header, f.sep)
	if err != nil {
		return nil, &FileError{Reason: "ligne d'en-tête illisible : " + err.Error()}
	}
	f.names, f.fieldCount = names, len(names)
	if err := f.columns(); err != nil {
		return nil, err
	}
	return f, nil
}

// hasMultibyteUTF8: b holds at least one character beyond ASCII correctly
// encoded in UTF-8.
func hasMultibyteUTF8(b []byte) bool {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if size > 1 && r != utf8.RuneError {
			return true
		}
		b = b[size:]
	}
	return false
}

// columns maps the header's names to positions, in any order; an unknown
// column is reported once and ignored.
func (f *exportFile) columns() error {
	known := map[string]bool{}
	for _, c := range importColumns {
		known[c.name] = true
	}
	f.index = map[string]int{}
	seenUnknown := map[string]bool{}
	for i, n := range f.names {
		n = strings.ToLower(strings.TrimSpace(n))
		switch {
		case known[n]:
			if _, dup := f.index[n]; dup {
				return &FileError{Reason: fmt.Sprintf("colonne %q en double", n)}
			}
			f.index[n] = i
		case !seenUnknown[n]:
			seenUnknown[n] = true
			if n == "" {
				f.ignored = append(f.ignored, fmt.Sprintf("(sans nom, colonne %d)", i+1))
			} else {
				f.ignored = append(f.ignored, Clean(n))
			}
		}
	}
	if len(f.index) == 0 {
		return &FileError{Kind: FileNoHeader, Reason: "la ligne d'en-tête manque (première ligne : noms des colonnes, " +
			"numero_etudiant;nom;prenom;...)"}
	}
	var missing []string
	for _, c := range importColumns {
		if _, ok := f.index[c.name]; c.required && !ok {
			missing = append(missing, c.name)
		}
	}
	if len(missing) > 0 {
		return &FileError{Kind: FileColumns, Reason: "colonnes obligatoires absentes : " + strings.Join(missing, ", "), Columns: missing}
	}
	return nil
}

// splitLines splits on \n, dropping a \r before it.
func splitLines(b []byte) []string {
	raw := strings.Split(string(b), "\n")
	for i, l := range raw {
		raw[i] = strings.TrimSuffix(l, "\r")
	}
	return raw
}

// splitFields splits one CSV line: fields may be quoted ("a;b", "say ""hi""").
func splitFields(line string, sep rune) ([]string, error) {
	var fields []string
	var b strings.Builder
	inQuotes, quoted := false, false
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		switch {
		case inQuotes && r == '"':
			if i+1 < len(line) && line[i+1] == '"' {
				b.WriteByte('"')
				i += 2
				continue
			}
			inQuotes = false
		case inQuotes:
			b.WriteString(line[i : i+size])
		case r == '"' && strings.TrimSpace(b.String()) == "" && !quoted:
			b.Reset()
			inQuotes, quoted = true, true
		case r == '"':
			return nil, errors.New("guillemet isolé dans un champ")
		case r == sep:
			fields = append(fields, b.String())
			b.Reset()
			quoted = false
		default:
			if quoted && !isSpace(r) {
				return nil, errors.New("texte après un champ entre guillemets")
			}
			b.WriteString(line[i : i+size])
		}
		i += size
	}
	if inQuotes {
		return nil, errors.New("guillemets non fermés")
	}
	return append(fields, b.String()), nil
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' }

// parse checks line i (0-based) of the file.
func (f *exportFile) parse(i int) (importLine, *LineError) {
	number := i + 1
	refuse := func(format string, args ...any) (importLine, *LineError) {
		return importLine{}, &LineError{Line: number, Reason: fmt.Sprintf(format, args...)}
	}
	raw := f.lines[i]
	if !utf8.ValidString(raw) {
		return refuse("texte qui n'est pas en UTF-8 (enregistrez le fichier en UTF-8)")
	}
	// The file's last line without its line end, malformed: a copy cut
	// short (a full disk, a transfer stopped), whose lines after the cut
	// are missing with no other sign of it.
	cut := ""
	if i == len(f.lines)-1 {
		cut = " ; le fichier s'arrête au milieu de cette ligne (fichier tronqué ?)"
	}
	fields, err := splitFields(raw, f.sep)
	if err != nil {
		return refuse("ligne CSV mal formée : %v%s", err, cut)
	}
	if len(fields) != f.fieldCount {
		return refuse("ligne CSV mal formée : %d champs au lieu de %d%s", len(fields), f.fieldCount, cut)
	}
	get := func(col string) string {
		if i, ok := f.index[col]; ok {
			return strings.TrimSpace(fields[i])
		}
		return ""
	}
	l := importLine{number: number}
	switch get("categorie") {
	case "etudiant":
		l.category = Student
	case "personnel":
		l.category = Staff
	case "":
		return refuse("categorie manquante (etudiant ou personnel)")
	default:
		return refuse("categorie %q inconnue (etudiant ou personnel)", Clean(get("categorie")))
	}
	for _, c := range []struct{ col, label string }{{"nom", "nom"}, {"prenom", "prénom"}} {
		v := get(c.col)
		switch {
		case v == "":
			return refuse("%s manquant", c.label)
		case utf8.RuneCountInString(v) > MaxNameLength:
			return refuse("%s trop long (plus de %d caractères)", c.label, MaxNameLength)
		}
		if problem := nameProblem(v); problem != "" {
			return refuse("%s « %s » %s", c.label, withoutInvisible(v), problem)
		}
		if Clean(v) != v {
			return refuse("%s avec des caractères de contrôle", c.label)
		}
	}
	l.nom, l.prenom = get("nom"), get("prenom")
	if LocalPart(l.prenom, l.nom) == "" {
		return refuse("nom ou prénom sans aucune lettre utilisable pour l'identifiant")
	}
	birth, err := parseDMY(get("date_naissance"), f.loc)
	if err != nil {
		return refuse("date_naissance %v", err)
	}
	if birth.Year() < 1900 || birth.After(f.now) {
		return refuse("date_naissance %s invraisemblable", get("date_naissance"))
	}
	l.birth = birth
	if l.email, err = ParseEmail(get("email_personnel")); err != nil {
		return refuse("email_personnel %q n'est pas une adresse (%s)", Clean(get("email_personnel")),
			emailReasonFR(err.(*InvalidEmailError)))
	}
	if v := get("date_validation"); v != "" {
		if l.reg.ValidatedAt, err = time.Parse(time.RFC3339, v); err != nil {
			return refuse("date_validation %q n'est pas une date RFC 3339 (2026-09-02T10:15:00+02:00)", Clean(v))
		}
	}
	if l.category == Staff {
		if get("numero_etudiant") != "" {
			return refuse("numero_etudiant donné pour un personnel")
		}
		if l.staffEnd, err = parseDMY(get("date_fin"), f.loc); err != nil {
			return refuse("date_fin (obligatoire pour un personnel) %v", err)
		}
		return l, nil
	}
	l.studentNumber = get("numero_etudiant")
	if !IsStudentNumber(l.studentNumber) {
		return refuse("numero_etudiant %q : 8 chiffres attendus", Clean(l.studentNumber))
	}
	annee := get("annee")
	year, err := strconv.Atoi(annee)
	if len(annee) != 4 || err != nil || year < 1970 || year > 2200 {
		return refuse("annee %q : 4 chiffres attendus (2026 pour 2026/2027)", Clean(annee))
	}
	validated := l.reg.ValidatedAt
	l.reg = Registration{Annee: year, CodeEtape: get("code_etape"), LibelleEtape: get("libelle_etape"),
		Diplome: get("diplome"), Composante: get("composante"), Regime: get("regime"),
		Statut: get("statut_inscription"), Paiement: get("statut_paiement"), ValidatedAt: validated}
	if l.reg.CodeEtape == "" {
		return refuse("code_etape manquant")
	}
	for _, v := range []string{l.reg.CodeEtape, l.reg.LibelleEtape, l.reg.Diplome, l.reg.Composante, l.reg.Regime} {
		if Clean(v) != v || utf8.RuneCountInString(v) > maxRegistrationText {
			return refuse("texte d'inscription trop long ou avec des caractères de contrôle")
		}
	}
	if l.reg.Statut != "valide" && l.reg.Statut != "annulee" {
		return refuse("statut_inscription %q : valide ou annulee attendu", Clean(l.reg.Statut))
	}
	if l.reg.Paiement != "paye" && l.reg.Paiement != "en_attente" {
		return refuse("statut_paiement %q : paye ou en_attente attendu", Clean(l.reg.Paiement))
	}
	if l.reg.Statut == "valide" && validated.IsZero() {
		return refuse("date_validation manquante pour une inscription valide")
	}
	return l, nil
}

// emailReasonFR says ParseEmail's reasons in the import report's language.
func emailReasonFR(e *InvalidEmailError) string {
	switch reason := e.Reason; reason {
	case "character":
		return fmt.Sprintf("caractère « %c » refusé : lettres sans accent, chiffres, . _ - + avant @, "+
			"lettres sans accent, chiffres, . et - après", e.Char)
	case "empty":
		return "vide"
	case "too long":
		return "trop longue"
	case "contains a line break or NUL", "contains a space or control character":
		return "espace ou caractère de contrôle"
	case "not an address":
		return "forme attendue : nom@domaine.fr"
	}
	return e.Reason
}

// parseDMY reads jj/mm/aaaa, refusing dates that do not exist (31/02).
func parseDMY(s string, loc *time.Location) (time.Time, error) {
	if s == "" {
		return time.Time{}, errors.New("manquante (jj/mm/aaaa)")
	}
	t, err := time.ParseInLocation("02/01/2006", s, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q n'est pas une date réelle au format jj/mm/aaaa", Clean(s))
	}
	return t, nil
}
