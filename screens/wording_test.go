package screens

import (
	"regexp"
	"strings"
	"testing"

	"entkiosk/data"
)

// Wording a careful reader trips on (issue 12, item 15).
func TestWordingNewUsersTripOn(t *testing.T) {
	t.Parallel()
	inclusive := regexp.MustCompile(`\w\(e\)`)
	for k, v := range textFR {
		if inclusive.MatchString(v) {
			t.Errorf("%s: %q (say « Statut : étudiant », « Date de naissance »)", k, v)
		}
		if strings.HasPrefix(v, "Déverrouillé") {
			t.Errorf("%s: %q", k, v)
		}
	}
	if got := textEN["lookup.col.regime"]; got != "Study mode" {
		t.Errorf("English régime: %q", got)
	}
	// No brackets inside the brackets of a history line.
	c := testCommon()
	h := &Helpdesk{auditWords: auditWords{c}, c: c}
	for _, lang := range []Lang{French, English} {
		c.Lang = lang
		for _, d := range []string{"recovery mail corrected (student number and birth date checked): a → b",
			"recovery mail corrected (birth date checked): a → b"} {
			got := h.auditText(data.AuditEntry{Event: data.EventHelpdeskAction, Detail: d,
				Info: data.OldAuditDetail(data.EventHelpdeskAction, d, data.ParisLocation())})
			if regexp.MustCompile(`\([^)]*\(`).MatchString(got) {
				t.Errorf("%s: nested brackets: %q", lang, got)
			}
		}
	}
}
