package data

import (
	"path/filepath"
	"strings"
	"testing"

	"entkiosk/data/institution"
)

// Every mail says the institution's name and contact from its file, and
// without a file says neither (nothing made up).
func TestMailsFollowTheInstitution(t *testing.T) {
	for _, c := range []struct {
		name       string
		inst       *institution.Institution
		want, not  []string
		link       string
		signatures string
	}{
		{"none", institution.None(), nil,
			[]string{"Montpellier", "Assistance ENT", "ENT helpdesk", "04 67", "assistance-ent"}, "", "ENT — compte informatique / computer account\n"},
		{"exemple", institution.Example(),
			[]string{"Université d'Exemple", "Assistance ENT : assistance@exemple.fr, 01 23 45 67 89",
				"ENT helpdesk: assistance@exemple.fr, 01 23 45 67 89"},
			[]string{"Montpellier", "umontpellier"}, "ssh -p 22 " + goldenToken + "@ent.exemple.fr",
			"ENT — compte informatique / computer account, Université d'Exemple\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := Open(filepath.Join(t.TempDir(), "entkiosk.db"), Config{Clock: testConfig().Clock, Hasher: testHasher,
				Institution: c.inst, StudentDomain: "etu.exemple.fr"})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for _, kind := range MailKinds {
				content := goldenContent(s, kind, LangBoth)
				content.Identifiant = "camille.martin@etu.exemple.fr"
				subject, body := s.composeMail(content)
				requireGoldenFile(t, filepath.Join("testdata", "mail", "institution", c.name, string(kind)+".golden"),
					"Subject: "+subject+"\n\n"+body)
				all := strings.ReplaceAll(subject+"\n"+body, "\u00a0", " ")
				for _, w := range c.want {
					if !strings.Contains(all, w) {
						t.Errorf("%s: %q missing", kind, w)
					}
				}
				for _, n := range c.not {
					if strings.Contains(all, n) {
						t.Errorf("%s: %q said", kind, n)
					}
				}
				if !strings.Contains(body, c.signatures) {
					t.Errorf("%s: signature is not %q", kind, c.signatures)
				}
				isCode := content.Code != ""
				if c.link != "" && isCode && !strings.Contains(body, c.link) {
					t.Errorf("%s: no link %q", kind, c.link)
				}
				if c.link == "" && strings.Contains(body, "ssh") {
					t.Errorf("%s: a link without a host", kind)
				}
			}
		})
	}
}
