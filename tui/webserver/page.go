package webserver

import (
	"bytes"
	"crypto/rand"
	"embed"
	"encoding/base64"
	"encoding/json"
	"html/template"
	"io/fs"
	"net/http"
	"time"

	"entkiosk/data"
	"entkiosk/data/text"
)

// static holds the page's own files and, once assets/vendor.sh has run,
// xterm.js in static/vendor. The vendor files are fetched with npm ci from
// the pinned package-lock.json, never committed: a clone without them
// builds, and the web server then refuses to start with ErrNoAssets.
//
//go:generate bash assets/vendor.sh
//go:embed static
var static embed.FS

// vendorFiles are the files of xterm.js the page loads.
var vendorFiles = []string{"static/vendor/xterm.js", "static/vendor/xterm.css", "static/vendor/addon-fit.js"}

// AssetsPresent says whether xterm.js was built into this binary.
func AssetsPresent() bool {
	for _, f := range vendorFiles {
		if _, err := fs.Stat(static, f); err != nil {
			return false
		}
	}
	return true
}

// page is the one HTML page, in each language.
type page struct {
	tmpl *template.Template
}

func newPage() (*page, error) {
	t, err := template.ParseFS(static, "static/index.html")
	if err != nil {
		return nil, err
	}
	return &page{tmpl: t}, nil
}

// pageTexts are the catalogue keys the page shows; app.js gets them as
// JSON (their %d filled in by the page).
var pageTexts = []string{"web.lost", "web.reconnect", "web.failed", "web.ended", "web.ended.idle",
	"web.ended.max_time", "web.ended.shutdown", "web.ended.error", "web.newsession", "web.small"}

// barKey is a button of the key bar (touch screens): the keys a phone's
// keyboard lacks.
type barKey struct{ Key, Label, Name string }

func keyBar(lang text.Lang, demo bool) []barKey {
	t := func(k string) string { return text.Plain(lang, k) }
	keys := []barKey{{"tab", "⇥", "Tab"}, {"backtab", "⇤", "Shift+Tab"}, {"up", "↑", "↑"}, {"down", "↓", "↓"},
		{"left", "←", "←"}, {"right", "→", "→"}, {"esc", t("keyname.esc"), t("keyname.esc")},
		{"enter", t("keyname.enter"), t("keyname.enter")}, {"f1", "F1", "F1 " + t("key.help")},
		{"f2", "F2", "F2 " + t("key.lang")}}
	if demo {
		keys = append(keys, barKey{"f4", "F4", "F4 " + t("key.mailbox")})
	}
	return keys
}

type pageData struct {
	Keys                     []barKey
	KeysLabel                string
	Lang, Other, OtherName   string
	Title, Heading, Terminal string
	NoScript                 string
	Nonce                    string
	Texts                    template.JS
}

// csp is the page's Content-Security-Policy: everything from this server
// only. xterm.js adds <style> elements to the page; app.js gives them the
// response's nonce, the only inline style admitted.
func csp(nonce string) string {
	return "default-src 'self'; style-src 'self' 'nonce-" + nonce + "'; img-src 'self' data:; " +
		"frame-ancestors 'none'; base-uri 'none'; form-action 'none'; object-src 'none'"
}

func (s *Server) servePage(w http.ResponseWriter, r *http.Request) {
	lang := s.o.Lang
	switch r.URL.Query().Get("lang") {
	case "en":
		lang = text.English
	case "fr":
		lang = text.French
	}
	other, otherName := "en", "English"
	if lang == text.English {
		other, otherName = "fr", "Français"
	}
	texts := map[string]string{}
	for _, k := range pageTexts {
		texts[k] = text.Plain(lang, k)
	}
	js, _ := json.Marshal(texts) // html/template escapes it for its <script> element
	nonce := newNonce()
	// The institution's name when its file gives one: nothing is made up.
	title, heading := text.Plain(lang, "web.title"), text.Plain(lang, "web.heading")
	if in := s.o.Store.Config().Institution; in != nil {
		if name := data.Clean(in.DisplayName(string(lang))); name != "" {
			title, heading = title+" · "+name, name+" — "+heading
		}
	}
	d := pageData{Lang: string(lang), Other: other, OtherName: otherName, Title: title,
		Heading: heading, Terminal: text.Plain(lang, "web.terminal"),
		NoScript: text.Plain(lang, "web.noscript"), Nonce: nonce, Texts: template.JS(js),
		Keys: keyBar(lang, s.o.Demo), KeysLabel: text.Plain(lang, "web.keys")}
	var b bytes.Buffer
	if err := s.page.tmpl.Execute(&b, d); err != nil {
		s.log.Error("page", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", csp(nonce))
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Language", string(lang))
	_, _ = w.Write(b.Bytes())
}

func newNonce() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// static serves the page's files. The binary is the version: no-store like
// everything here (a page of a new version never runs an old app.js).
func (s *Server) static() http.Handler {
	files := http.FileServerFS(static)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/static/" || r.URL.Path[len(r.URL.Path)-1] == '/' || r.URL.Path == "/static/index.html" {
			http.NotFound(w, r) // no listing; the page is served at / only
			return
		}
		files.ServeHTTP(w, r)
	})
}

func (s *Server) favicon(w http.ResponseWriter, r *http.Request) {
	b, err := static.ReadFile("static/favicon.svg")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	http.ServeContent(w, r, "favicon.svg", time.Time{}, bytes.NewReader(b))
}

// securityHeaders are on every answer: no framing, no referrer (a token
// link never leaks to another site), nothing cached, nothing sniffed.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
		if r.TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}
