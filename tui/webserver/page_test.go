package webserver

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/log"

	"entkiosk/data"
	"entkiosk/data/institution"
)

// The page and its files: the headers that keep it safe, its language,
// title and labels, nothing from elsewhere.
func TestPageHeadersAndContent(t *testing.T) {
	wt := startWeb(t)
	get := func(path string) (*http.Response, string) {
		t.Helper()
		resp, err := http.Get(wt.url + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	for _, path := range []string{"", "?lang=en", "static/app.js", "static/app.css", "static/vendor/xterm.js",
		"static/vendor/xterm.css", "static/vendor/addon-fit.js", "static/favicon.svg", "favicon.ico"} {
		resp, _ := get(path)
		h := resp.Header
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("/%s: %s", path, resp.Status)
		}
		for k, want := range map[string]string{"X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer",
			"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"} {
			if got := h.Get(k); got != want {
				t.Errorf("/%s: %s %q, want %q", path, k, got, want)
			}
		}
		if csp := h.Get("Content-Security-Policy"); !strings.HasPrefix(csp, "default-src 'self'") ||
			!strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe") {
			t.Errorf("/%s: CSP %q", path, csp)
		}
		if len(h.Values("Set-Cookie")) > 0 {
			t.Errorf("/%s sets a cookie", path)
		}
	}
	_, fr := get("")
	for _, want := range []string{`<html lang="fr">`, `<title>ENT — compte informatique</title>`,
		`aria-label="Terminal de l&#39;ENT`, `rel="icon"`, `hreflang="en"`} {
		if !strings.Contains(fr, want) {
			t.Errorf("the page has no %s:\n%s", want, fr)
		}
	}
	_, en := get("?lang=en")
	if !strings.Contains(en, `<html lang="en">`) || !strings.Contains(en, "<title>ENT — IT account</title>") {
		t.Errorf("the English page:\n%s", en)
	}
	// Nothing from elsewhere: every src and href is the server's own.
	for _, attr := range []string{`src="`, `href="`} {
		for _, part := range strings.Split(fr, attr)[1:] {
			if link := part[:strings.IndexByte(part, '"')]; strings.Contains(link, "//") {
				t.Errorf("the page loads %s from elsewhere", link)
			}
		}
	}
	for _, path := range []string{"static/", "static/vendor/", "static/index.html", "nothing", "ws/../static/app.js/.."} {
		if resp, _ := get(path); resp.StatusCode == http.StatusOK {
			t.Errorf("/%s: %s", path, resp.Status)
		}
	}
	// Each page has its own nonce, in its CSP.
	r1, p1 := get("")
	r2, _ := get("")
	if r1.Header.Get("Content-Security-Policy") == r2.Header.Get("Content-Security-Policy") {
		t.Error("two pages share their nonce")
	}
	nonce := r1.Header.Get("Content-Security-Policy")
	nonce = nonce[strings.Index(nonce, "'nonce-")+7:]
	nonce = nonce[:strings.IndexByte(nonce, '\'')]
	if !strings.Contains(p1, `nonce="`+nonce+`"`) {
		t.Error("the page's script does not carry its CSP's nonce")
	}
}

func TestClientAddr(t *testing.T) {
	trusted, err := ParseTrustedProxies("127.0.0.1, 10.0.0.0/8 ,::1")
	if err != nil || len(trusted) != 3 {
		t.Fatal(trusted, err)
	}
	for _, tc := range []struct {
		peer, xff, want string
		trusted         []netip.Prefix
	}{
		{"203.0.113.7:5000", "", "203.0.113.7", trusted},
		{"203.0.113.7:5000", "198.51.100.1", "203.0.113.7", trusted}, // not a proxy: ignored
		{"127.0.0.1:5000", "198.51.100.1", "198.51.100.1", trusted},
		{"127.0.0.1:5000", "192.0.2.9, 198.51.100.1", "198.51.100.1", trusted}, // the first hop is the client's word
		{"127.0.0.1:5000", "198.51.100.1, 10.1.2.3", "198.51.100.1", trusted},  // through two proxies
		{"127.0.0.1:5000", "junk, 198.51.100.1", "198.51.100.1", trusted},
		{"127.0.0.1:5000", "198.51.100.1, junk", "127.0.0.1", trusted},
		{"127.0.0.1:5000", "10.0.0.1", "127.0.0.1", trusted}, // only proxies: the peer
		{"127.0.0.1:5000", "198.51.100.1", "127.0.0.1", nil},
		{"[::1]:5000", "2001:db8::1", "2001:db8::1", trusted},
		{"[::ffff:127.0.0.1]:5000", "::ffff:198.51.100.1", "198.51.100.1", trusted},
	} {
		r := httptest.NewRequest("GET", "/ws", nil)
		r.RemoteAddr = tc.peer
		if tc.xff != "" {
			r.Header.Set("X-Forwarded-For", tc.xff)
		}
		if got := clientAddr(r, tc.trusted).String(); got != tc.want {
			t.Errorf("peer %s, X-Forwarded-For %q: %s, want %s", tc.peer, tc.xff, got, tc.want)
		}
	}
	for _, bad := range []string{"localhost", "10.0.0.0/33", "1.2.3"} {
		if _, err := ParseTrustedProxies(bad); err == nil {
			t.Errorf("--trusted-proxy %q accepted", bad)
		}
	}
}

// The per-address limit counts an IPv6 /64 as one source, an IPv4 address
// alone.
func TestLimiterCountsAnIPv6SlashSixtyFour(t *testing.T) {
	l := newLimiter(100, 2, log.New(io.Discard))
	a, b, c := netip.MustParseAddr("2001:db8:1:2::a"), netip.MustParseAddr("2001:db8:1:2:ffff::b"), netip.MustParseAddr("2001:db8:1:3::a")
	if !l.take(a) || !l.take(b) || l.take(netip.MustParseAddr("2001:db8:1:2::c")) {
		t.Fatal("a third session from one /64 was let in")
	}
	if !l.take(c) {
		t.Fatal("another /64 was refused")
	}
	l.release(a)
	if !l.take(b) || l.count(a) != 2 {
		t.Fatal("a released slot of the /64 was not given back")
	}
	v4a, v4b := netip.MustParseAddr("203.0.113.1"), netip.MustParseAddr("203.0.113.2")
	if !l.take(v4a) || !l.take(v4a) || l.take(v4a) || !l.take(v4b) {
		t.Fatal("IPv4 addresses are not counted one by one")
	}
}

// The page names the institution its file names, and only then.
func TestPageNamesTheInstitution(t *testing.T) {
	store, err := data.Open(filepath.Join(t.TempDir(), "entkiosk.db"), data.Config{Hasher: testHasher,
		Institution: institution.Demo()})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if !AssetsPresent() {
		skipOrFail(t, "xterm.js is not built in: go generate ./tui/webserver (npm ci), then test again")
	}
	s, err := New(Options{Store: store})
	if err != nil {
		t.Fatal(err)
	}
	name := institution.Demo().DisplayName("fr")
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if body := rec.Body.String(); name == "" || !strings.Contains(body, "<title>ENT — compte informatique · "+name+"</title>") {
		t.Fatalf("the page does not name %q:\n%s", name, body)
	}
}
