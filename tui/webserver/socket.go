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
	"time"

	"github.com/charmbracelet/log"
	"github.com/coder/websocket"

	"entkiosk/screens"
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
	srv    *Server
	conn   *websocket.Conn
	client netip.Addr
	log    *log.Logger

	mu      sync.Mutex
	session Session
	stop    bool // the server stops: end the session as soon as it exists
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
	ws := &webSession{srv: s, client: client, log: s.log.With("addr", client.String())}
	if !s.register(ws) {
		http.Error(w, "the service is restarting", http.StatusServiceUnavailable)
		return
	}
	defer s.unregister(ws)
	// The Origin was checked above against the same host; the library
	// checks it again the same way.
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		ws.log.Debug("upgrade failed", "err", err)
		return
	}
	conn.SetReadLimit(maxMessage)
	ws.conn = conn
	ws.run(r.Context())
}

// run reads the page's hello, starts the session and carries the bytes
// until either side ends.
func (ws *webSession) run(ctx context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	h, err := ws.readHello(ctx)
	if err != nil {
		ws.log.Debug("no hello", "err", err)
		ws.conn.Close(websocket.StatusPolicyViolation, "hello expected")
		return
	}
	in, inW := io.Pipe()
	t := Terminal{In: in, Out: &socketWriter{conn: ws.conn, ctx: ctx}, Width: h.Cols, Height: h.Rows,
		Lang: screens.ParseLang(h.Lang), Client: "web:" + ws.client.String(), Token: h.Token}
	kind := "personal"
	if h.Token != "" {
		kind = "token" // the token itself is never logged
	}
	started := time.Now()
	ws.log.Info("session start", "kind", kind, "width", h.Cols, "height", h.Rows, "lang", t.Lang)
	sess, err := ws.srv.o.Sessions.Start(ctx, t)
	if err != nil {
		ws.log.Error("session not started", "err", err)
		ws.conn.Close(websocket.StatusInternalError, "")
		return
	}
	ws.mu.Lock()
	ws.session = sess
	stop := ws.stop
	ws.mu.Unlock()
	if stop {
		sess.End(EndShutdown)
	}

	go func() {
		err := ws.pump(ctx, inW, sess)
		inW.CloseWithError(io.EOF) // the session sees its input end: the person left
		if err != nil && !errors.Is(err, context.Canceled) && websocket.CloseStatus(err) == -1 {
			ws.log.Debug("socket read", "err", err)
		}
		if websocket.CloseStatus(err) == websocket.StatusMessageTooBig {
			ws.log.Warn("socket closed: message too large")
		}
	}()
	reason := sess.Wait()
	ws.log.Info("session end", "duration", time.Since(started).Round(time.Millisecond), "reason", reason)
	if reason == EndDisconnect {
		ws.conn.CloseNow()
		return
	}
	ws.conn.Close(closeEnded, string(reason))
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
	return h, nil
}

// pump carries the page's keys to the session and its resizes, until the
// socket ends.
func (ws *webSession) pump(ctx context.Context, keys io.Writer, sess Session) error {
	for {
		typ, b, err := ws.conn.Read(ctx)
		if err != nil {
			return err
		}
		if typ == websocket.MessageBinary {
			if _, err := keys.Write(b); err != nil {
				return err
			}
			continue
		}
		var c control
		if json.Unmarshal(b, &c) != nil || c.Type != "resize" {
			continue // unknown messages are ignored
		}
		sess.Resize(bound(c.Cols, maxCols), bound(c.Rows, maxRows))
	}
}

// shutdown ends the session (the server stops).
func (ws *webSession) shutdown() {
	ws.mu.Lock()
	sess := ws.session
	ws.stop = true
	ws.mu.Unlock()
	if sess != nil {
		sess.End(EndShutdown)
	}
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
