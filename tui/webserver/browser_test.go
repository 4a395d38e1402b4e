package webserver

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// needBrowser skips a test, with one line saying how to run it, when
// xterm.js is not built in or chromium is missing; CI (.ci/run sets
// ENTKIOSK_NEED_BROWSER) installs both and fails instead.
func needBrowser(t testing.TB) string {
	t.Helper()
	if !AssetsPresent() {
		skipOrFail(t, "xterm.js is not built in: go generate ./tui/webserver (npm ci), then test again")
	}
	path, err := exec.LookPath("chromium")
	if err != nil {
		skipOrFail(t, "no chromium for the web page's tests: apt-get install chromium")
	}
	return path
}

func skipOrFail(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("ENTKIOSK_NEED_BROWSER") != "" {
		t.Fatal(why)
	}
	t.Skip(why)
}

// browser is one headless chromium with one tab, closed with the test.
type browser struct {
	t   testing.TB
	ctx context.Context
}

func newBrowser(t testing.TB, width, height int) *browser {
	t.Helper()
	path := needBrowser(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.WindowSize(width, height), chromedp.UserDataDir(t.TempDir()))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("chromium: %v", err)
	}
	return &browser{t: t, ctx: ctx}
}

// do runs actions in the tab; the test fails on an error.
func (b *browser) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatal(err)
	}
}

// eval is the value of a JavaScript expression in the page.
func eval[T any](b *browser, expr string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// screen is what the terminal shows, line by line, as drawn in the page.
func (b *browser) screen() string {
	b.t.Helper()
	s := eval[string](b, `(() => { const r = document.querySelector('.xterm-rows');
		return r ? Array.from(r.children, (d) => d.textContent.replace(/\s+$/, '')).join('\n') : ''; })()`)
	return strings.ReplaceAll(s, "\u00a0", " ")
}

// waitScreen waits until the terminal shows want; the test fails with the
// screen otherwise.
func (b *browser) waitScreen(want string) string {
	b.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := b.screen()
		if strings.Contains(s, want) {
			return s
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("the page never showed %q; it shows:\n%s", want, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// open loads the page at path (after the server's URL) and waits for its
// terminal.
func (b *browser) open(wt *webTest, path string) {
	b.t.Helper()
	b.do(chromedp.Navigate(wt.url+path), chromedp.WaitVisible(".xterm-helper-textarea"))
}

// keys types s as a person does (key down, the character, key up; \r is
// Enter, \t Tab; kb's constants for the others). chromedp's keyDown plus
// char would give xterm.js each character twice: a real keyboard's
// character comes from the raw key down.
func (b *browser) keys(s string) {
	b.t.Helper()
	b.do(chromedp.Focus(".xterm-helper-textarea"))
	b.press(s)
}

// press types s wherever the focus is.
func (b *browser) press(s string) {
	b.t.Helper()
	b.do(chromedp.KeyEvent(s, func(p *input.DispatchKeyEventParams) {
		if p.Type == input.DispatchKeyEventTypeKeyDown {
			p.Type = input.DispatchKeyEventTypeRawKeyDown
		}
	}))
}

// paste pastes text as the browser does (a paste event with the
// clipboard's text): xterm.js sends it as a bracketed paste.
func (b *browser) paste(text string) {
	b.t.Helper()
	js, _ := json.Marshal(text)
	eval[bool](b, `(() => { const dt = new DataTransfer(); dt.setData('text/plain', `+string(js)+`);
		document.querySelector('.xterm-helper-textarea').dispatchEvent(new ClipboardEvent('paste',
			{clipboardData: dt, bubbles: true, cancelable: true})); return true; })()`)
}

// requireHidden fails if a secret is on the page's screen now.
func (b *browser) requireHidden(secrets ...string) {
	b.t.Helper()
	s := b.screen()
	for _, secret := range secrets {
		if strings.Contains(s, secret) {
			b.t.Fatalf("secret %q on the page:\n%s", secret, s)
		}
	}
}

// noViolations fails if the page's Content-Security-Policy blocked anything.
func (b *browser) noViolations() {
	b.t.Helper()
	if v := eval[[]string](b, `window.entkiosk.violations`); len(v) > 0 {
		b.t.Fatalf("the page's CSP blocked: %v", v)
	}
}

// waitNotice waits until the page's notice (over the terminal) says want.
func (b *browser) waitNotice(want string) {
	b.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		got := eval[string](b, `(() => { const n = document.getElementById('notice');
			return n.hidden ? '' : n.textContent; })()`)
		if strings.Contains(got, want) {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("the page never said %q; its notice: %q; its screen:\n%s", want, got, b.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// size is the terminal's size in the page.
func (b *browser) size() (cols, rows int) {
	d := eval[[]int](b, `[entkiosk.term.cols, entkiosk.term.rows]`)
	return d[0], d[1]
}

// resize gives the page a window of w × h CSS pixels and waits until the
// terminal has been fitted to it.
func (b *browser) resize(w, h int64) {
	b.t.Helper()
	before := eval[int](b, `entkiosk.fits()`)
	b.do(chromedp.EmulateViewport(w, h))
	deadline := time.Now().Add(10 * time.Second)
	for eval[int](b, `entkiosk.fits()`) == before {
		if time.Now().After(deadline) {
			b.t.Fatalf("the page did not fit its terminal to %d × %d", w, h)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
