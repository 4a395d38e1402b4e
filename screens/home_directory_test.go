package screens

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"entkiosk/data"
	"entkiosk/data/directory"
)

// A login while the directory does not answer is refused in a sentence of
// its own (nothing was being changed), shown whole at 80×24: wrapped,
// never cut, in French and in English.
func TestHomeDirectoryDownSaysSoWhole(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang Lang
		want string
	}{
		{French, "L'annuaire de l'université ne répond pas : la connexion est impossible pour l'instant, réessayez dans quelques minutes."},
		{English, "The university directory is not answering: you cannot log in for now. Please try again in a few minutes."},
	} {
		tm := newFlow(t, PageHome, func(c *Common) {
			c.Lang = tc.lang
			c.Store = storeWithDirectoryDown(t, c.Store.Path())
		})
		tm.store = tm.c.Store
		tm.typeText("hugo.lefevre")
		tm.press("enter")
		tm.typeText("Kiosque-Demo-2026")
		tm.press("enter")
		s := tm.text()
		tm.requireWidth(80)
		if _, in := tm.lastAsked().(LoginMsg); in {
			t.Fatalf("logged in while the directory is down:\n%s", s)
		}
		// The sentence, its lines joined: every word of it is on screen.
		var said []string
		for _, l := range strings.Split(s, "\n") {
			l = strings.TrimSpace(l)
			if i := strings.Index(l, "✗ "); i >= 0 && len(said) == 0 {
				said = append(said, l[i+len("✗ "):])
			} else if len(said) > 0 && l != "" {
				said = append(said, l)
			} else if len(said) > 0 {
				break
			}
		}
		got := strings.ReplaceAll(strings.Join(said, " "), "\u00a0", " ")
		if got != tc.want {
			t.Errorf("%v: refusal %q, want %q whole:\n%s", tc.lang, got, tc.want, s)
		}
		if strings.Contains(s, "rien n'a été changé") || strings.Contains(s, "nothing was changed") {
			t.Errorf("a login changes nothing: not said so:\n%s", s)
		}
	}
}

// storeWithDirectoryDown reopens the demo store at path with a directory
// on a loopback port nobody listens on: a real dial, refused.
func storeWithDirectoryDown(t *testing.T, path string) *data.Store {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	pwFile := filepath.Join(t.TempDir(), "ldap.pw")
	if err := os.WriteFile(pwFile, []byte("service\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	d, err := directory.Open(directory.Config{URL: "ldap://" + addr + "?starttls=off", BindDN: "cn=entkiosk,dc=umontpellier,dc=fr",
		PasswordFile: pwFile, BaseDN: "ou=people,dc=umontpellier,dc=fr"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	s, err := data.Open(path, data.Config{Clock: data.NewManualClock(flowNow), Hasher: flowHasher,
		LinkHost: "ent.umontpellier.fr", LinkPort: 2222, Directory: d})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
