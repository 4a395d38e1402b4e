package data

import (
	"strings"
	"testing"
)

// With --link-url the code mails carry the web page's https link (the
// person may have no terminal), not the ssh:// one, and the outbox keeps
// it without its token once sent.
func TestMailTextWebLink(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	s.cfg.LinkURL = "https://ent.umontpellier.fr/compte"
	for _, lang := range []string{"fr", "en"} {
		_, body := s.composeMail(goldenContent(s, MailActivation, lang))
		want := "  https://ent.umontpellier.fr/compte/?t=" + goldenToken + "\n"
		if !strings.Contains(body, want) {
			t.Errorf("%s: no %q in\n%s", lang, want, body)
		}
		if strings.Contains(body, "ssh") {
			t.Errorf("%s: an ssh link besides the web one:\n%s", lang, body)
		}
		red := redactSecrets(body)
		if strings.Contains(red, goldenToken) || !strings.Contains(red, "/compte/?t=••••••••\n") {
			t.Errorf("%s: web link not redacted:\n%s", lang, red)
		}
	}
}

func TestWebLink(t *testing.T) {
	t.Parallel()
	for prefix, want := range map[string]string{
		"https://ent.example.org":         "https://ent.example.org/?t=tok",
		"https://ent.example.org/":        "https://ent.example.org/?t=tok",
		"https://ent.example.org/compte/": "https://ent.example.org/compte/?t=tok",
		"https://ent.example.org/compte":  "https://ent.example.org/compte/?t=tok",
	} {
		if got := WebLink(prefix, "tok"); got != want {
			t.Errorf("WebLink(%q) = %q, want %q", prefix, got, want)
		}
	}
}
