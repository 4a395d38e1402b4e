package data

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The -update flag rewrites golden files; another test file of the package
// may declare it first.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files")
	}
}

func updateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func requireGoldenFile(t *testing.T, path, got string) {
	t.Helper()
	if updateGolden() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs (run with -update to accept):\n--- want\n%s\n--- got\n%s", path, want, got)
	}
}

const (
	goldenCode  = "12345678"
	goldenToken = "abcdefghijklmnopqrstuvwxyz234567"
)

// goldenContent is one mail of each kind for Camille Martin, at the test
// clock (25/11/2026 10:00 Paris), the code valid 24 h.
func goldenContent(s *Store, kind MailKind, lang string) mailContent {
	c := mailContent{Kind: kind, Lang: lang, Name: "Camille Martin",
		Identifiant: "camille.martin@etu.umontpellier.fr"}
	for _, k := range CodeMailKinds {
		if k == kind {
			c.Code, c.Token, c.Expires = goldenCode, goldenToken, s.Now().Add(CodeLifetime)
		}
	}
	switch kind {
	case MailRecoveryChanged:
		c.Address = MaskEmail("nouvelle.adresse@gmail.com")
	case MailRedirectionChanged:
		c.Address = MaskEmail("camille@example.org")
	case MailRightsEnded:
		c.RightsEnd = time.Date(2025, 12, 31, 0, 0, 0, 0, ParisLocation())
	}
	return c
}

func TestMailTextGolden(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	for _, lang := range []string{"fr", "en"} {
		for _, kind := range MailKinds {
			subject, body := s.composeMail(goldenContent(s, kind, lang))
			requireGoldenFile(t, filepath.Join("testdata", "mail", string(kind)+"_"+lang+".golden"),
				"Subject: "+subject+"\n\n"+body)
			checkMailText(t, kind, lang, subject, body)
		}
		c := goldenContent(s, MailRedirectionChanged, lang)
		c.Address = c.Identifiant // what RemoveRedirection passes
		subject, body := s.composeMail(c)
		requireGoldenFile(t, filepath.Join("testdata", "mail", "redirection_removed_"+lang+".golden"),
			"Subject: "+subject+"\n\n"+body)
	}
}

// checkMailText: what every mail must say, whatever the wording.
func checkMailText(t *testing.T, kind MailKind, lang, subject, body string) {
	t.Helper()
	name := string(kind) + "_" + lang
	if !strings.HasSuffix(subject, "— Université de Montpellier") {
		t.Errorf("%s: subject %q", name, subject)
	}
	if !strings.Contains(body, "Camille Martin,") {
		t.Errorf("%s: no name", name)
	}
	if !strings.Contains(body, "assistance-ent@example.org, 04 00 00 00 00") {
		t.Errorf("%s: no helpdesk contact", name)
	}
	for i, line := range strings.Split(body, "\n") {
		if n := utf8.RuneCountInString(line); n > 76 {
			t.Errorf("%s line %d is %d characters long: %q", name, i+1, n, line)
		}
		if strings.HasSuffix(line, " ") && line != "-- " {
			t.Errorf("%s line %d ends with a space: %q", name, i+1, line)
		}
	}
	codeLine := "Code : " + goldenCode
	if lang == "en" {
		codeLine = "Code: " + goldenCode
	}
	hasCode := strings.Contains("\n"+body, "\n"+codeLine+"\n")
	isCodeMail := kind == MailActivation || kind == MailReset || kind == MailConfirmRecovery || kind == MailConfirmRedirection
	if hasCode != isCodeMail {
		t.Errorf("%s: code line on its own %v, want %v", name, hasCode, isCodeMail)
	}
	if isCodeMail {
		// Valid until 10:00:00: its last minute, 09:59 (DeadlineMinute).
		for _, want := range []string{"ssh://" + goldenToken + "@ent.umontpellier.fr:2222", "2026", "09:59"} {
			if !strings.Contains(body, want) {
				t.Errorf("%s: no %q", name, want)
			}
		}
	}
	if strings.Contains(body, "{") || strings.Contains(body, "%!") {
		t.Errorf("%s: a placeholder left in the text", name)
	}
}

func TestMailTextNoLinkWithoutLinkHost(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	s.cfg.LinkHost = ""
	for _, lang := range []string{"fr", "en"} {
		_, body := s.composeMail(goldenContent(s, MailActivation, lang))
		if strings.Contains(body, "ssh") || strings.Contains(body, goldenToken) {
			t.Errorf("%s: a link without --link-host:\n%s", lang, body)
		}
	}
}

func TestMailTextConfirmationsDoNotShowTheIdentifiant(t *testing.T) {
	t.Parallel()
	// The address is not proven yet: whoever typed it may have mistyped it.
	s, _ := openTest(t)
	for _, kind := range []MailKind{MailConfirmRecovery, MailConfirmRedirection} {
		_, body := s.composeMail(goldenContent(s, kind, "fr"))
		if strings.Contains(body, "camille.martin@") {
			t.Errorf("%s shows the identifiant", kind)
		}
	}
}

func TestMailTextCleansTheName(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	c := goldenContent(s, MailReset, "fr")
	c.Name = "Eve\r\nBcc: x@y.org\x1b[31m"
	_, body := s.composeMail(c)
	if !strings.HasPrefix(body, "Bonjour Eve  Bcc: x@y.org,\n") {
		t.Errorf("name not cleaned: %q", strings.SplitN(body, "\n", 2)[0])
	}
	c.Name = ""
	if _, body := s.composeMail(c); !strings.HasPrefix(body, "Bonjour,\n") {
		t.Errorf("no name: %q", strings.SplitN(body, "\n", 2)[0])
	}
}

func TestMailDateFirstOfMonthAndSummerTime(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	fr, en := mailTexts["fr"], mailTexts["en"]
	d := time.Date(2027, 7, 1, 6, 5, 0, 0, time.UTC) // 08:05 in Paris (summer time)
	if got, want := s.mailDate(fr, d), "jeudi 1er juillet 2027 à 08:05 (heure de Paris)"; got != want {
		t.Errorf("fr: %q, want %q", got, want)
	}
	if got, want := s.mailDate(en, d), "Thursday 1 July 2027 at 08:05 (Paris time)"; got != want {
		t.Errorf("en: %q, want %q", got, want)
	}
}

func TestRedactSecrets(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	for _, lang := range []string{"fr", "en"} {
		_, body := s.composeMail(goldenContent(s, MailActivation, lang))
		red := redactSecrets(body)
		if strings.Contains(red, goldenCode) || strings.Contains(red, goldenToken) {
			t.Errorf("%s: a secret is left:\n%s", lang, red)
		}
		if !strings.Contains(red, "ssh://••••••••@ent.umontpellier.fr:2222") ||
			!strings.Contains(red, "ssh -p 2222 ••••••••@ent.umontpellier.fr") {
			t.Errorf("%s: links not redacted as expected:\n%s", lang, red)
		}
		if strings.Count(red, "\n") != strings.Count(body, "\n") {
			t.Errorf("%s: redaction changed the layout", lang)
		}
	}
	_, notice := s.composeMail(goldenContent(s, MailPasswordChanged, "fr"))
	if redactSecrets(notice) != notice {
		t.Error("a notice was changed by redaction")
	}
}

// A mail for an account whose owner never chose a language (the import's
// activation mail): one subject naming both, the French text then the
// English one, each with its code line, one signature.
func TestMailTextBilingual(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	subject, body := s.composeMail(goldenContent(s, MailActivation, LangBoth))
	requireGoldenFile(t, filepath.Join("testdata", "mail", "activation_fr_en.golden"), "Subject: "+subject+"\n\n"+body)
	if want := "Activation de votre compte informatique / Activate your computer account — Université de Montpellier"; subject != want {
		t.Errorf("subject %q, want %q", subject, want)
	}
	for _, kind := range MailKinds {
		subject, body := s.composeMail(goldenContent(s, kind, LangBoth))
		frSubject, frBody := s.composeMail(goldenContent(s, kind, "fr"))
		enSubject, enBody := s.composeMail(goldenContent(s, kind, "en"))
		if subject != strings.TrimSuffix(frSubject, " — Université de Montpellier")+" / "+enSubject {
			t.Errorf("%s: subject %q", kind, subject)
		}
		// Each language's text, whole, French first.
		frText, _, _ := strings.Cut(frBody, "\n-- \n")
		enText, _, _ := strings.Cut(enBody, "\n-- \n")
		fr, en := strings.Index(body, frText), strings.Index(body, enText)
		if fr < 0 || en < 0 || fr > en {
			t.Errorf("%s: the French text at %d, the English one at %d:\n%s", kind, fr, en, body)
		}
		if strings.Count(body, "\n-- \n") != 1 || strings.Count(body, "Camille Martin,") != 2 {
			t.Errorf("%s: not one signature and two greetings:\n%s", kind, body)
		}
		for _, lang := range []string{"fr", "en"} {
			checkMailText(t, kind, lang, subject, body)
		}
		if red := redactSecrets(body); strings.Contains(red, goldenCode) || strings.Contains(red, goldenToken) {
			t.Errorf("%s: a secret is left after redaction:\n%s", kind, red)
		}
		if m := mailCodeRe.FindAllStringSubmatch(body, -1); (kind == MailActivation) && (len(m) != 2 || m[0][1] != goldenCode) {
			t.Errorf("%s: code lines %v", kind, m)
		}
	}
}

func TestMailLang(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		status, lang, want string
	}{
		{StatusPending, "fr", LangBoth}, // the default: nobody chose
		{StatusPending, "en", "en"},
		{StatusActive, "fr", "fr"},
		{StatusActive, "en", "en"},
		{StatusActive, "", "fr"},
	} {
		a := &Account{Status: c.status, Lang: c.lang}
		if got := a.MailLang(); got != c.want {
			t.Errorf("%s account, lang %q: %q, want %q", c.status, c.lang, got, c.want)
		}
	}
	if got := (Origin{Lang: LangBoth}).lang(); got != LangBoth {
		t.Errorf("Origin.lang() of LangBoth: %q", got)
	}
}
