package webserver

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"entkiosk/data"
)

// Whole flows in a real browser (headless chromium), through the page,
// the WebSocket and the real screens.

// A first-day student activates the account from the web page: the code
// from the mail, the charter, the redirection, the password; then logs in.
func TestPageCamilleActivates(t *testing.T) {
	wt := startWeb(t)
	b := newBrowser(t, 1024, 768)
	b.open(wt, "")
	b.waitScreen("Se connecter")
	b.noViolations()
	b.keys("\t\t\t\r") // "1ère connexion"
	b.waitScreen("1ère connexion — étape 1 sur 5 : identification")
	b.keys("Camille.Martin\r")
	b.waitScreen("étape 2 sur 5 : code d'activation")
	code := wt.mailedCode(camilleMail)
	b.keys(code + "\r")
	b.waitScreen("[ ] J'ai lu la charte et je l'accepte")
	b.requireHidden(code)
	b.keys(" ")
	b.waitScreen("[x] J'ai lu la charte et je l'accepte")
	b.keys("\t\r")
	b.waitScreen("Votre messagerie universitaire est prête : " + camilleID)
	b.keys(kb.ArrowDown + "\r")
	b.waitScreen("étape 5 sur 5 : mot de passe")
	b.keys(newPassword + "\r")
	b.keys(newPassword)
	b.waitScreen("✓ les deux saisies sont identiques")
	b.requireHidden(newPassword)
	b.keys("\r")
	b.waitScreen("✓ Votre compte est activé.")
	b.keys("\r") // home, identifiant prefilled
	b.waitScreen(camilleID)
	b.keys(newPassword + "\r")
	b.waitScreen("Connecté : " + camilleID)
	b.requireHidden(newPassword, code)
	b.noViolations()

	acct, err := wt.store.Login(context.Background(), "camille.martin", newPassword, data.Origin{Client: "other"})
	if err != nil || acct.Status != data.StatusActive || acct.RedirectEmail != camilleMail || !acct.KeepCopy {
		t.Fatalf("account after activation on the web page: %+v, %v", acct, err)
	}
	for _, secret := range []string{code, newPassword} {
		if strings.Contains(wt.logs.String(), secret) {
			t.Fatalf("secret %q in the logs", secret)
		}
	}
}

// Hugo logs in from the page; the password never shows, not even in the
// page's title or its address.
func TestPageHugoLogsIn(t *testing.T) {
	wt := startWeb(t)
	b := newBrowser(t, 1024, 768)
	b.open(wt, "")
	b.waitScreen("Se connecter")
	b.keys("hugo.lefevre\r")
	b.keys(hugoPassword)
	b.requireHidden(hugoPassword)
	b.keys("\r")
	b.waitScreen("Connecté : " + hugoFull)
	b.requireHidden(hugoPassword)
	if page := eval[string](b, `document.documentElement.outerHTML + location.href + document.title`); strings.Contains(page, hugoPassword) {
		t.Fatal("the password is in the page")
	}
	if strings.Contains(wt.logs.String(), hugoPassword) {
		t.Fatal("the password is in the logs")
	}
}

// The mail's https link (?t=TOKEN) opens the activation at the charter,
// as ssh://TOKEN@host does; the token leaves the address bar at once and
// never reaches the logs.
func TestPageTokenLink(t *testing.T) {
	wt := startWeb(t)
	token := wt.mailedLink(camilleMail)
	b := newBrowser(t, 1024, 768)
	b.open(wt, "?t="+token)
	b.waitScreen("1ère connexion — étape 3 sur 5 : charte")
	if href := eval[string](b, `location.href`); strings.Contains(href, token) {
		t.Fatalf("the token stays in the address bar: %s", href)
	}
	b.keys(" ")
	b.waitScreen("[x] J'ai lu la charte et je l'accepte")
	b.keys("\t\r")
	b.waitScreen("Votre messagerie universitaire est prête")
	b.keys(kb.ArrowDown + kb.ArrowDown + "\r") // redirect without a copy
	b.waitScreen("étape 5 sur 5 : mot de passe")
	b.keys(newPassword + "\r")
	b.keys(newPassword + "\r")
	b.waitScreen("✓ Votre compte est activé.")
	b.requireHidden(token, newPassword)
	if strings.Contains(wt.logs.String(), token) {
		t.Fatal("the token is in the logs")
	}
	if !strings.Contains(wt.logs.String(), "kind=token") {
		t.Fatalf("the session's start does not say it came by a link:\n%s", wt.logs.String())
	}
	// A link in English keeps its token through the language switch.
	b.open(wt, "?lang=en&t="+token)
	b.waitScreen("Your account is already activated")
	b.do(chromedp.Click("#lang"))
	b.waitScreen("Votre compte est déjà activé")
	if lang := eval[string](b, `document.documentElement.lang`); lang != "fr" {
		t.Fatalf("page language %q after the switch", lang)
	}
}

// sizes records the window sizes the sessions' programs receive.
type sizes struct {
	mu    sync.Mutex
	last  tea.WindowSizeMsg
	count int
}

func (s *sizes) hook(o *Options) {
	o.hook = func(msg tea.Msg) tea.Cmd {
		if m, ok := msg.(tea.WindowSizeMsg); ok {
			s.mu.Lock()
			s.last = m
			s.count++
			s.mu.Unlock()
		}
		return nil
	}
}

// wait waits until the session's size is cols × rows.
func (s *sizes) wait(t *testing.T, cols, rows int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s.mu.Lock()
		last := s.last
		s.mu.Unlock()
		if last.Width == cols && last.Height == rows {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the session is %d × %d, the page %d × %d", last.Width, last.Height, cols, rows)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// The window goes to a phone's size and back: the terminal follows, the
// session gets each size, the interface stays usable (a phone held
// upright still gets the minimum 60 × 16 with a smaller font); below the
// minimum the page says which size is needed.
func TestPageResizesToAPhoneAndBack(t *testing.T) {
	var got sizes
	wt := startWeb(t, got.hook)
	b := newBrowser(t, 1024, 768)
	b.open(wt, "")
	b.waitScreen("Se connecter")
	cols, rows := b.size() // the session starts at this size (the page's hello)
	if cols < 80 || rows < 24 {
		t.Fatalf("a desktop window gives %d × %d", cols, rows)
	}
	for _, phone := range []struct {
		w, h    int64
		comfort bool // 80 × 24 at least: the interface without its "enlarge" hint
	}{{360, 640, false}, {640, 360, true}, {390, 844, false}} {
		b.resize(phone.w, phone.h)
		pc, pr := b.size()
		got.wait(t, pc, pr)
		if pc < 60 || pr < 16 {
			t.Fatalf("a %d × %d phone gives a %d × %d terminal, under the interface's minimum", phone.w, phone.h, pc, pr)
		}
		b.waitScreen("Se connecter")
		if phone.comfort && (pc < 80 || pr < 24) {
			t.Fatalf("a phone held sideways (%d × %d) gives %d × %d, not 80 × 24", phone.w, phone.h, pc, pr)
		}
		if small := eval[bool](b, `document.getElementById('small').hidden`); !small {
			t.Fatalf("%d × %d: the page says the window is too small", phone.w, phone.h)
		}
	}
	// Far too small: the page says the minimum, the interface asks too.
	b.resize(200, 150)
	if eval[bool](b, `document.getElementById('small').hidden`) {
		t.Fatal("a 200 × 150 window: the page does not say the minimum size")
	}
	if say := eval[string](b, `document.getElementById('small').textContent`); !strings.Contains(say, "60 × 16") {
		t.Fatalf("the page says %q", say)
	}
	b.waitScreen("Agrandissez")
	// Back to the desktop: as before.
	b.resize(1024, 768)
	b.waitScreen("Se connecter")
	cols, rows = b.size()
	got.wait(t, cols, rows)
	if cols < 80 || rows < 24 || !eval[bool](b, `document.getElementById('small').hidden`) {
		t.Fatalf("back on a desktop: %d × %d", cols, rows)
	}
	b.noViolations()
}

// The connection drops (the network, a proxy): the page says so and
// offers to reconnect; reconnecting opens a new session.
func TestPageReconnectsAfterACut(t *testing.T) {
	wt := startWeb(t)
	b := newBrowser(t, 1024, 768)
	b.open(wt, "")
	b.waitScreen("Se connecter")
	b.keys("hugo.lefevre\r" + hugoPassword + "\r")
	b.waitScreen("Connecté : " + hugoFull)
	wt.cutSockets()
	b.waitNotice("Connexion perdue.")
	if focus := eval[string](b, `document.activeElement.id`); focus != "notice-button" {
		t.Fatalf("the focus is on %q, not on the button", focus)
	}
	if button := eval[string](b, `document.getElementById('notice-button').textContent`); button != "Reconnecter" {
		t.Fatalf("the button says %q", button)
	}
	// The server saw the person leave: the session ended, the logout is
	// in the audit log.
	deadline := time.Now().Add(10 * time.Second)
	for wt.srv.SessionCount() > 0 {
		if time.Now().After(deadline) {
			t.Fatal("the session outlived its connection")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(wt.logs.String(), "reason=disconnect") {
		t.Fatalf("no disconnect in the logs:\n%s", wt.logs.String())
	}
	b.press("\r") // Enter on the focused button
	b.waitScreen("Se connecter")
	if !eval[bool](b, `document.getElementById('notice').hidden`) {
		t.Fatal("the notice stays after reconnecting")
	}
	b.keys("hugo.lefevre\r" + hugoPassword + "\r")
	b.waitScreen("Connecté : " + hugoFull)
}

// A session left alone ends after the idle timeout: the page says why and
// offers a new session.
func TestPageIdleSessionEnds(t *testing.T) {
	wt := startWeb(t, func(o *Options) { o.IdleTimeout = 2 * time.Second })
	b := newBrowser(t, 1024, 768)
	b.open(wt, "")
	b.waitScreen("Se connecter")
	b.waitNotice("Session fermée après une période d'inactivité.")
	b.waitScreen("Session fermée après une période d'inactivité. Reconnectez-vous pour continuer.")
	if button := eval[string](b, `document.getElementById('notice-button').textContent`); button != "Nouvelle session" {
		t.Fatalf("the button says %q", button)
	}
	b.do(chromedp.Click("#notice-button"))
	b.waitScreen("Se connecter")
}

// A paste of identifiant⏎password⏎ (a password manager, a note) never
// shows the password, in any frame the page draws.
func TestPagePasteBurstHidesThePassword(t *testing.T) {
	wt := startWeb(t)
	b := newBrowser(t, 1024, 768)
	b.open(wt, "")
	b.waitScreen("Se connecter")
	// Every frame xterm.js draws is kept, not only the last one.
	eval[bool](b, `(() => { window.frames_ = []; entkiosk.term.onRender(() => {
		const r = document.querySelector('.xterm-rows');
		window.frames_.push(Array.from(r.children, (d) => d.textContent).join('\n')); }); return true; })()`)
	b.paste("hugo.lefevre\n" + hugoPassword + "\n")
	b.waitScreen("Connecté : " + hugoFull)
	frames := eval[[]string](b, `window.frames_`)
	if len(frames) == 0 {
		t.Fatal("no frame recorded")
	}
	for _, f := range frames {
		if strings.Contains(f, hugoPassword) {
			t.Fatalf("the password shows in a frame:\n%s", f)
		}
	}
	if strings.Contains(wt.logs.String(), hugoPassword) {
		t.Fatal("the password is in the logs")
	}
}

// On a touch screen a bar gives the keys a phone's keyboard lacks (Tab,
// Esc, the arrows, F1, F2): they reach the interface and the terminal
// keeps the focus. A desktop does not show it.
func TestPageKeyBarOnATouchScreen(t *testing.T) {
	wt := startWeb(t)
	b := newBrowser(t, 1024, 768)
	b.open(wt, "")
	b.waitScreen("Se connecter")
	shown := `getComputedStyle(document.getElementById('keys')).display !== 'none'`
	if eval[bool](b, shown) {
		t.Fatal("the key bar shows on a desktop")
	}
	b.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateTouch, chromedp.EmulateMobile))
	b.do(chromedp.Reload(), chromedp.WaitVisible(".xterm-helper-textarea"))
	b.waitScreen("Se connecter")
	if !eval[bool](b, shown) {
		t.Fatal("no key bar on a touch screen")
	}
	b.keys("hugo.lefevre")
	b.do(chromedp.Click(`#keys button[data-key="tab"]`))
	b.waitScreen("› Mot de passe")
	if focus := eval[string](b, `document.activeElement.className`); !strings.Contains(focus, "xterm-helper-textarea") {
		t.Fatalf("the key bar took the focus: %q", focus)
	}
	b.keys(hugoPassword)
	b.do(chromedp.Click(`#keys button[data-key="enter"]`))
	b.waitScreen("Hugo Lefèvre · Statut : étudiant · compte actif")
	b.do(chromedp.Click(`#keys button[data-key="f1"]`))
	b.waitScreen("Se connecter de chez soi") // the help's topics
	b.do(chromedp.Click(`#keys button[data-key="esc"]`))
	b.waitScreen("Hugo Lefèvre · Statut : étudiant · compte actif")
	b.requireHidden(hugoPassword)
	b.noViolations()
}
