package webserver

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/log"
	"github.com/coder/websocket"
	"github.com/muesli/termenv"

	"entkiosk/data/text"
	"entkiosk/tui"
	"entkiosk/tui/termwriter"
)

// The terminal's size as the page says it is bounded here (the session
// bounds it again for its frames).
const maxCols, maxRows = 1000, 1000

// closeEnded is the close code of a session that ended (the reason says
// why: idle, max_time, shutdown, error, quit); the page offers a new one.
// Any other close is a lost connection, and the page offers to reconnect.
const closeEnded websocket.StatusCode = 4000

// hello is the page's first message.
type hello struct {
	Type  string `json:"type"`
	Cols  int    `json:"cols"`
	Rows  int    `json:"rows"`
	Lang  string `json:"lang"`
	Token string `json:"token"`
}

// control is a later text message: a resize.
type control struct {
	Type string `json:"type"`
	Cols int    `json:"cols"`
	Rows int    `json:"rows"`
}

// webSession is one browser's session.
type webSession struct {
	srv     *Server
	conn    *websocket.Conn
	client  netip.Addr
	shared  bool   // client is in the shared networks
	id      string // in the logs, to follow one session
	log     *log.Logger
	screen  *termwriter.Writer
	program *tui.Program
	window  *windowBox

	lastInput atomic.Int64       // unix nano of the last key: the idle timer
	cancel    context.CancelFunc // ends the session's pending timers

	mu       sync.Mutex
	reason   tui.EndReason
	finished bool
	idle     *time.Timer
	maxTime  *time.Timer
	watchdog *time.Timer
}

// sameOrigin says whether the page that opens the socket is this server's
// own: its Origin's host is the one the request was sent to. (The proxy
// passes the Host it was asked for; see the README.)
func sameOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return false // every browser sends it; without it, this is no page of ours
	}
	u, err := url.Parse(origin)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	return strings.EqualFold(u.Host, r.Host)
}

func (s *Server) serveSocket(w http.ResponseWriter, r *http.Request) {
	client := clientAddr(r, s.o.TrustedProxies)
	if !sameOrigin(r) {
		s.log.Warn("socket refused: foreign origin", "addr", client.String(), "origin", cleanForLog(r.Header.Get("Origin")))
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	if !s.limiter.take(client) {
		w.Header().Set("Retry-After", "30")
		http.Error(w, "too many sessions from this address", http.StatusTooManyRequests)
		return
	}
	defer s.limiter.release(client)
	// The Origin was checked above against the same host; the library
	// checks it again the same way.
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		s.log.Debug("upgrade failed", "addr", client.String(), "err", err)
		return
	}
	conn.SetReadLimit(maxMessage)
	id := newNonce()[:8]
	ws := &webSession{srv: s, conn: conn, client: client, shared: s.o.SharedNetworks.Contains(client), id: id, log: s.log.With("addr", client.String(), "session", id)}
	ws.run(r.Context())
}

// run reads the page's hello, starts the session and carries the bytes
// until either side ends.
func (ws *webSession) run(ctx context.Context) {
	ctx, cancelConn := context.WithCancel(ctx)
	defer cancelConn()
	h, err := ws.readHello(ctx)
	if err != nil {
		ws.log.Debug("no hello", "err", err)
		ws.conn.Close(websocket.StatusPolicyViolation, "hello expected")
		return
	}
	keys, keysW := io.Pipe()
	ws.newProgram(ctx, h, keys)
	kind := "personal"
	if h.Token != "" {
		kind = "token" // the token itself is never logged
	}
	started := time.Now()
	ws.log.Info("session start", "kind", kind, "width", h.Cols, "height", h.Rows, "lang", h.Lang)
	if !ws.srv.register(ws) {
		go ws.program.Closing()
	}
	defer ws.srv.unregister(ws)
	ws.screen.Start()
	ws.armTimers()
	go func() {
		err := ws.pump(ctx, keysW)
		keysW.CloseWithError(io.EOF)
		// The page is gone (or broke the rules): nothing can happen any
		// more in this session.
		ws.end(tui.EndDisconnect)
		if websocket.CloseStatus(err) == websocket.StatusMessageTooBig {
			ws.log.Warn("socket closed: message too large")
		}
	}()
	if _, err := ws.program.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		ws.log.Debug("program", "err", err)
	}
	reason := ws.finish(ctx)
	ws.log.Info("session end", "duration", time.Since(started).Round(time.Millisecond), "reason", reason)
}

// newProgram builds the interface for the session, as an SSH session's:
// its own renderer, with the colours of an xterm-256color over SSH and the
// page's dark background. (xterm.js draws true colour with inline style
// attributes, which the page's CSP refuses; the 256 colours are classes.)
func (ws *webSession) newProgram(ctx context.Context, h hello, keys io.Reader) {
	s := ws.srv
	width, height := tui.ClampWindow(h.Cols, h.Rows)
	ws.screen = termwriter.New(&socketWriter{conn: ws.conn, ctx: ctx}, width, height)
	renderer := lipgloss.NewRenderer(io.Discard)
	renderer.SetColorProfile(termenv.ANSI256)
	renderer.SetHasDarkBackground(true)
	lang := s.o.Lang
	if l := text.ParseLang(h.Lang); h.Lang != "" {
		lang = l
	}
	var done context.Context
	done, ws.cancel = context.WithCancel(context.Background())
	ws.lastInput.Store(time.Now().UnixNano())
	o := tui.Session{Store: s.o.Store, Renderer: renderer, Width: width, Height: height, Lang: lang,
		Demo: s.o.Demo, Client: "web:" + ws.client.String(),
		SharedClient: ws.shared, Token: h.Token, IdleTimeout: s.o.IdleTimeout, HelpdeskIdleTimeout: s.o.HelpdeskIdleTimeout,
		Logger: tui.SessionLogger(s.tuiLog, "session", ws.id), DrawLines: ws.screen.DrawLines, Resize: ws.screen.Resize,
		Repaint: ws.screen.Repaint, Ending: ws.setReason, Tick: tui.SessionTick(done), Hook: s.o.hook}
	// The guard keeps a paste within bounds and a flood of keys from
	// filling the session's queue.
	ws.program = tui.NewProgram(ctx, o, tea.WithInput(tui.GuardInput(keys)))
	ws.window = newWindowBox(width, height, func(w, h int) {
		ws.program.Send(tea.WindowSizeMsg{Width: w, Height: h})
	})
}

func (ws *webSession) readHello(ctx context.Context) (hello, error) {
	ctx, cancel := context.WithTimeout(ctx, helloWait)
	defer cancel()
	var h hello
	typ, b, err := ws.conn.Read(ctx)
	if err != nil {
		return h, err
	}
	if typ != websocket.MessageText {
		return h, errors.New("hello: not text")
	}
	if err := json.Unmarshal(b, &h); err != nil || h.Type != "hello" {
		return h, errors.New("hello: not a hello")
	}
	h.Cols, h.Rows = bound(h.Cols, maxCols), bound(h.Rows, maxRows)
	if len(h.Token) > 64 {
		h.Token = "" // no token is that long: not worth a look-up
	}
	if h.Lang != "fr" && h.Lang != "en" {
		h.Lang = ""
	}
	return h, nil
}

// pump carries the page's keys to the session and its resizes, until the
// socket ends.
func (ws *webSession) pump(ctx context.Context, keys io.Writer) error {
	for {
		typ, b, err := ws.conn.Read(ctx)
		if err != nil {
			return err
		}
		if typ == websocket.MessageBinary {
			ws.lastInput.Store(time.Now().UnixNano())
			if _, err := keys.Write(b); err != nil {
				return err
			}
			continue
		}
		var c control
		if json.Unmarshal(b, &c) != nil || c.Type != "resize" {
			continue // unknown messages are ignored
		}
		ws.window.set(tui.ClampWindow(bound(c.Cols, maxCols), bound(c.Rows, maxRows)))
	}
}

// armTimers starts the max session time and the idle timer (the interface
// closes an idle session it has seen used; this one also closes a session
// that never received a key).
func (ws *webSession) armTimers() {
	o := ws.srv.o
	ws.mu.Lock()
	defer ws.mu.Unlock()
	ws.maxTime = time.AfterFunc(o.MaxSessionTime, func() { ws.end(tui.EndMaxTime) })
	ws.idle = time.AfterFunc(o.IdleTimeout+time.Second, ws.checkIdle)
}

func (ws *webSession) checkIdle() {
	idle := time.Since(time.Unix(0, ws.lastInput.Load()))
	limit := ws.program.IdleLimit() // the helpdesk's while an agent is logged in
	if idle >= limit {
		ws.end(tui.EndIdle)
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if !ws.finished {
		ws.idle.Reset(limit - idle + time.Second)
	}
}

// setReason records why the session ends; the first reason wins.
func (ws *webSession) setReason(r tui.EndReason) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if ws.reason == "" {
		ws.reason = r
	}
}

// end asks the session to end for r; if it cannot (a page that stopped
// reading blocks the program's writes) the connection is cut after endGrace.
func (ws *webSession) end(r tui.EndReason) {
	ws.mu.Lock()
	if ws.finished {
		ws.mu.Unlock()
		return
	}
	if ws.reason == "" {
		ws.reason = r
	}
	if ws.watchdog == nil {
		ws.watchdog = time.AfterFunc(endGrace, func() {
			ws.log.Warn("session cut: it did not end in time")
			ws.conn.CloseNow()
			ws.program.Kill()
		})
	}
	ws.mu.Unlock()
	go ws.program.End(r)
}

// finish runs when the program has ended: the terminal is given back with a
// line saying why, the logged-in person is logged out in the audit log, and
// the socket is closed with the reason (the page offers a new session).
func (ws *webSession) finish(ctx context.Context) tui.EndReason {
	ws.mu.Lock()
	ws.finished = true
	for _, t := range []*time.Timer{ws.idle, ws.maxTime, ws.watchdog} {
		if t != nil {
			t.Stop()
		}
	}
	if ws.reason == "" {
		// The model did not end it: the page went away, or Bubble Tea
		// stopped the program after a panic in a command.
		ws.reason = tui.EndDisconnect
		if ctx.Err() == nil {
			ws.reason = tui.EndError
			ws.log.Error("session stopped by a panic in a command")
		}
	}
	reason := ws.reason
	ws.mu.Unlock()

	ws.cancel()
	if reason == tui.EndDisconnect {
		ws.conn.CloseNow() // the screen's last writes fail at once
	}
	ws.screen.Stop()
	line, err := ws.program.Finish(context.Background(), reason)
	if err != nil {
		ws.log.Error("logout", "err", err)
	}
	if reason == tui.EndDisconnect {
		return reason
	}
	if line != "" {
		wctx, cancel := context.WithTimeout(ctx, writeTimeout)
		_ = ws.conn.Write(wctx, websocket.MessageBinary, []byte(line+"\r\n"))
		cancel()
	}
	ws.conn.Close(closeEnded, string(reason))
	return reason
}

// bound keeps a size in 1..limit (0 or less: unknown, the session's default).
func bound(n, limit int) int {
	if n <= 0 {
		return 0
	}
	return min(n, limit)
}

// socketWriter is the session's output: one binary message a write. A
// page that stops reading blocks the session at most writeTimeout, then
// the connection is closed.
type socketWriter struct {
	conn *websocket.Conn
	ctx  context.Context
}

func (w *socketWriter) Write(p []byte) (int, error) {
	ctx, cancel := context.WithTimeout(w.ctx, writeTimeout)
	defer cancel()
	if err := w.conn.Write(ctx, websocket.MessageBinary, p); err != nil {
		return 0, err
	}
	return len(p), nil
}

// cleanForLog keeps a header value short and printable in the logs.
func cleanForLog(s string) string {
	if len(s) > 100 {
		s = s[:100]
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return '?'
		}
		return r
	}, s)
}
