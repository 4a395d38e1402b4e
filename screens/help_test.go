package screens

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"entkiosk/data"
	"entkiosk/data/institution"
	"entkiosk/data/wrap"
)

// helpCommon is testCommon with a store, for the figures of the help texts.
func helpCommon(t *testing.T) *Common {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "help.db"), data.Config{Institution: institution.Demo()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	c := testCommon()
	c.Store = s
	return c
}

// brokenUnit: a line that ends with a figure whose unit starts the next one.
var brokenUnit = regexp.MustCompile(`[0-9]\n\s*(h|min|s|ms)\b`)

// No help text, in either language, at any width, breaks "24 h" or "120 s"
// across two lines.
func TestHelpKeepsFiguresWithTheirUnits(t *testing.T) {
	t.Parallel()
	c := helpCommon(t)
	for _, lang := range []Lang{French, English} {
		c.Lang = lang
		for _, topic := range helpTopics {
			for width := 20; width <= helpTextMaxWidth; width++ {
				text := c.helpText(topic, width)
				if m := brokenUnit.FindStringIndex(text); m != nil {
					t.Fatalf("%s %s at %d: a figure and its unit split: %q", lang, topic, width,
						text[max(0, m[0]-30):m[1]])
				}
			}
		}
	}
	if got := wrap.Text("Ce code a expiré (24 h). Demandez-en un nouveau.", 23); strings.Contains(got, "24\nh") {
		t.Fatalf("wrap.Text: %q", got)
	}
}

// The English help reads as English: "An 8-digit code", no space before a
// colon or other punctuation (French typography is for French).
func TestHelpEnglishWording(t *testing.T) {
	t.Parallel()
	c := helpCommon(t)
	c.Lang = English
	all := ""
	for _, topic := range helpTopics {
		all += c.helpText(topic, 200) + "\n"
	}
	if !strings.Contains(all, "An 8-digit code") || strings.Contains(all, "A 8-digit") {
		t.Fatalf("article before 8-digit:\n%s", all)
	}
	for _, k := range []string{"home.", "help.", "lookup.", "mailbox.", "dash.", "service.", "rights."} {
		for key, text := range textEN {
			if !strings.HasPrefix(key, k) {
				continue
			}
			for _, p := range []string{" :", " ;", " ?", " !", "«", "»", "\u00a0"} {
				if strings.Contains(text, p) {
					t.Errorf("%s has French punctuation %q: %q", key, p, text)
				}
			}
			if strings.Contains(text, "(s)") || strings.Contains(text, "(ies)") {
				t.Errorf("%s counts with a bracket: use Nf", key)
			}
		}
	}
}
