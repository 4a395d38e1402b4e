package screens

import (
	"path/filepath"
	"strings"
	"testing"

	"entkiosk/data"
)

// With a web page (--link-url), "Se connecter de chez soi" gives its
// address first, then the ssh command; without one, the ssh command only.
func TestHelpRemoteGivesTheWebPage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		cfg       data.Config
		want, not []string
	}{
		{data.Config{LinkURL: "https://ent.umontpellier.fr/compte/", LinkHost: "ent.umontpellier.fr", LinkPort: 2222},
			[]string{"dans un navigateur", "https://ent.umontpellier.fr/compte/", "ssh -p 2222 ent.umontpellier.fr"}, nil},
		{data.Config{LinkURL: "https://ent.umontpellier.fr/compte/"},
			[]string{"https://ent.umontpellier.fr/compte/"}, []string{"ssh -p", "demandez-la"}},
		{data.Config{LinkHost: "ent.umontpellier.fr", LinkPort: 2222},
			[]string{"ssh -p 2222 ent.umontpellier.fr"}, []string{"navigateur"}},
	} {
		s, err := data.Open(filepath.Join(t.TempDir(), "help.db"), tc.cfg)
		if err != nil {
			t.Fatal(err)
		}
		c := testCommon()
		c.Store = s
		text := c.helpText("remote", 200)
		s.Close()
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%+v: no %q in\n%s", tc.cfg, w, text)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(text, w) {
				t.Errorf("%+v: %q in\n%s", tc.cfg, w, text)
			}
		}
	}
}
