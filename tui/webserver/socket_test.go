package webserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/coder/websocket"

	"entkiosk/data"
	"entkiosk/tui/netlist"
)

// The WebSocket as a hostile or careless client uses it: a Go client
// speaking the page's protocol, no browser.

// dial opens a socket with the page's own Origin (or origin, if given)
// and headers.
func (wt *webTest) dial(ctx context.Context, origin string, header http.Header) (*websocket.Conn, *http.Response, error) {
	if origin == "" {
		origin = "http://" + wt.host
	}
	h := http.Header{"Origin": {origin}}
	for k, v := range header {
		h[k] = v
	}
	return websocket.Dial(ctx, "ws://"+wt.host+"/ws", &websocket.DialOptions{HTTPHeader: h})
}

// client is a page without a browser: it sends the hello and keys, and
// keeps what the server draws in a terminal emulator.
type client struct {
	t    testing.TB
	conn *websocket.Conn
	mu   sync.Mutex
	term *vt.Emulator
	raw  atomic.Int64 // bytes received
	done chan error   // the read loop's end
}

func (wt *webTest) open(cols, rows int, extra map[string]any) *client {
	wt.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, _, err := wt.dial(ctx, "", nil)
	if err != nil {
		wt.t.Fatal(err)
	}
	conn.SetReadLimit(16 << 20)
	hello := map[string]any{"type": "hello", "cols": cols, "rows": rows, "lang": "fr"}
	for k, v := range extra {
		hello[k] = v
	}
	b, _ := json.Marshal(hello)
	if err := conn.Write(ctx, websocket.MessageText, b); err != nil {
		wt.t.Fatal(err)
	}
	// The emulator is the size the server draws at (a 10000 × 10000 hello
	// gets 400 × 200 frames).
	c := &client{t: wt.t, conn: conn, term: vt.NewEmulator(min(cols, 400), min(rows, 200)), done: make(chan error, 1)}
	go c.read()
	wt.t.Cleanup(func() { conn.CloseNow() })
	return c
}

func (c *client) read() {
	for {
		_, b, err := c.conn.Read(context.Background())
		if err != nil {
			c.done <- err
			return
		}
		c.raw.Add(int64(len(b)))
		c.mu.Lock()
		_, _ = c.term.Write(b)
		c.mu.Unlock()
	}
}

// screen is the terminal's text as read: no-break spaces (before « : »,
// inside « ») as plain ones.
func (c *client) screen() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return strings.ReplaceAll(c.term.String(), "\u00a0", " ")
}

func (c *client) waitFor(want string) {
	c.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(c.screen(), want) {
		if time.Now().After(deadline) {
			c.t.Fatalf("never showed %q:\n%s", want, c.screen())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (c *client) send(typ websocket.MessageType, b []byte) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return c.conn.Write(ctx, typ, b)
}

func (c *client) keys(s string) {
	c.t.Helper()
	if err := c.send(websocket.MessageBinary, []byte(s)); err != nil {
		c.t.Fatal(err)
	}
}

// A page of another site cannot open a session (it would act with the
// visitor's address, and read what the interface shows); neither can a
// request without an Origin. The page's own origin can.
func TestSocketRefusesAForeignOrigin(t *testing.T) {
	wt := startWeb(t)
	ctx := context.Background()
	for _, origin := range []string{"https://evil.example", "http://127.0.0.1.evil.example", "null", "http://" + wt.host + ".evil.example"} {
		conn, resp, err := wt.dial(ctx, origin, nil)
		if err == nil {
			conn.CloseNow()
			t.Fatalf("origin %q: the socket opened", origin)
		}
		if resp == nil || resp.StatusCode != http.StatusForbidden {
			t.Fatalf("origin %q: %v, %v", origin, resp, err)
		}
	}
	req, _ := http.NewRequest("GET", "http://"+wt.host+"/ws", nil)
	req.Header.Set("Connection", "Upgrade")
	req.Header.Set("Upgrade", "websocket")
	req.Header.Set("Sec-WebSocket-Version", "13")
	req.Header.Set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusForbidden {
		t.Fatalf("no Origin: %v, %v", resp, err)
	}
	resp.Body.Close()
	if !strings.Contains(wt.logs.String(), "foreign origin") {
		t.Fatalf("the refusal is not logged:\n%s", wt.logs.String())
	}
	wt.open(80, 24, nil).waitFor("Se connecter")
}

// 2,000 sockets from one address: only the per-address limit gets a
// session, the others a 429 before any WebSocket; the server serves on.
func TestSocketFloodFromOneAddressHeldToTheLimit(t *testing.T) {
	wt := startWeb(t)
	const attempts, workers = 2000, 50
	var opened, refused, other atomic.Int64
	var mu sync.Mutex
	var held []*websocket.Conn
	jobs := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range jobs {
				ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
				conn, resp, err := wt.dial(ctx, "", nil)
				cancel()
				switch {
				case err == nil:
					opened.Add(1)
					mu.Lock()
					held = append(held, conn)
					mu.Unlock()
				case resp != nil && resp.StatusCode == http.StatusTooManyRequests:
					refused.Add(1)
				default:
					other.Add(1)
				}
			}
		}()
	}
	started := time.Now()
	for range attempts {
		jobs <- struct{}{}
	}
	close(jobs)
	wg.Wait()
	took := time.Since(started)
	if opened.Load() != DefaultMaxSessionsPerAddress || refused.Load() != attempts-DefaultMaxSessionsPerAddress {
		t.Fatalf("%d opened, %d refused, %d failed otherwise; want %d opened", opened.Load(), refused.Load(), other.Load(),
			DefaultMaxSessionsPerAddress)
	}
	// At most a line a second, however many were refused.
	if n := strings.Count(wt.logs.String(), "session refused: limit reached"); n > int(took/time.Second)+1 {
		t.Fatalf("%d refusal lines in the logs in %v: a flood must not fill them", n, took)
	}
	for _, c := range held {
		c.CloseNow()
	}
	// The slots come back: a new session opens.
	deadline := time.Now().Add(10 * time.Second)
	for wt.srv.limiter.count(netip.MustParseAddr("127.0.0.1")) > 0 {
		if time.Now().After(deadline) {
			t.Fatal("the slots of closed sockets are not given back")
		}
		time.Sleep(20 * time.Millisecond)
	}
	wt.open(80, 24, nil).waitFor("Se connecter")
}

// The total limit holds too, whatever the addresses.
func TestSocketTotalLimit(t *testing.T) {
	wt := startWeb(t, func(o *Options) {
		o.MaxSessions = 3
		o.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
	})
	ctx := context.Background()
	for i, addr := range []string{"203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"} {
		conn, resp, err := wt.dial(ctx, "", http.Header{"X-Forwarded-For": {addr}})
		if i < 3 && err != nil {
			t.Fatalf("%s: %v", addr, err)
		}
		if i == 3 && (err == nil || resp.StatusCode != http.StatusTooManyRequests) {
			t.Fatalf("a 4th session with --max-sessions 3: %v %v", resp, err)
		}
		if conn != nil {
			defer conn.CloseNow()
		}
	}
}

// Behind a trusted proxy each person counts by their own address (and the
// audit log has it); from anyone else, X-Forwarded-For is ignored.
func TestSocketForwardedForOnlyFromTrustedProxies(t *testing.T) {
	t.Run("trusted", func(t *testing.T) {
		wt := startWeb(t, func(o *Options) {
			o.MaxSessionsPerAddress = 1
			o.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
		})
		ctx := context.Background()
		for _, xff := range []string{"203.0.113.7", "198.51.100.1, 203.0.113.8"} {
			conn, _, err := wt.dial(ctx, "", http.Header{"X-Forwarded-For": {xff}})
			if err != nil {
				t.Fatalf("X-Forwarded-For %q: %v", xff, err)
			}
			defer conn.CloseNow()
		}
		// A client writing another address before its own gains nothing.
		if _, resp, err := wt.dial(ctx, "", http.Header{"X-Forwarded-For": {"192.0.2.99, 203.0.113.7"}}); err == nil ||
			resp.StatusCode != http.StatusTooManyRequests {
			t.Fatal("a forged first hop escaped the per-address limit")
		}
		// The audit log has the person's address.
		c := wt.openFrom("203.0.113.50")
		c.waitFor("Se connecter")
		c.keys("hugo.lefevre\rfaux-mot-de-passe-1\r")
		c.waitFor("Identifiant ou mot de passe incorrect")
		entries, err := wt.store.AuditLog(ctx, data.AuditFilter{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range entries {
			found = found || e.Client == "web:203.0.113.50"
		}
		if !found {
			t.Fatalf("no audit entry from web:203.0.113.50: %+v", entries)
		}
	})
	t.Run("not trusted", func(t *testing.T) {
		wt := startWeb(t, func(o *Options) { o.MaxSessionsPerAddress = 1 })
		ctx := context.Background()
		conn, _, err := wt.dial(ctx, "", http.Header{"X-Forwarded-For": {"203.0.113.7"}})
		if err != nil {
			t.Fatal(err)
		}
		defer conn.CloseNow()
		if _, resp, err := wt.dial(ctx, "", http.Header{"X-Forwarded-For": {"203.0.113.8"}}); err == nil ||
			resp.StatusCode != http.StatusTooManyRequests {
			t.Fatal("X-Forwarded-For believed from a client that is no proxy")
		}
	})
}

// openFrom opens a session through a trusted proxy for addr.
func (wt *webTest) openFrom(addr string) *client {
	wt.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, _, err := wt.dial(ctx, "", http.Header{"X-Forwarded-For": {addr}})
	if err != nil {
		wt.t.Fatal(err)
	}
	b, _ := json.Marshal(map[string]any{"type": "hello", "cols": 100, "rows": 30, "lang": "fr"})
	if err := conn.Write(ctx, websocket.MessageText, b); err != nil {
		wt.t.Fatal(err)
	}
	c := &client{t: wt.t, conn: conn, term: vt.NewEmulator(100, 30), done: make(chan error, 1)}
	go c.read()
	wt.t.Cleanup(func() { conn.CloseNow() })
	return c
}

// A 1 MB message closes that socket (too big), its session ends, and the
// server serves the next one; nothing of it reaches the interface.
func TestSocketOneMegabyteMessage(t *testing.T) {
	wt := startWeb(t)
	for _, typ := range []websocket.MessageType{websocket.MessageBinary, websocket.MessageText} {
		c := wt.open(80, 24, nil)
		c.waitFor("Se connecter")
		_ = c.send(typ, bytes.Repeat([]byte("a"), 1<<20))
		select {
		case err := <-c.done:
			if websocket.CloseStatus(err) != websocket.StatusMessageTooBig {
				t.Fatalf("%v: closed with %v, not as too big", typ, err)
			}
		case <-time.After(15 * time.Second):
			t.Fatalf("%v: a 1 MB message did not close the socket", typ)
		}
		if strings.Contains(c.screen(), "aaaaaaaaaa") {
			t.Fatalf("%v: the message reached the interface", typ)
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for wt.srv.SessionCount() > 0 {
		if time.Now().After(deadline) {
			t.Fatal("a session outlived its oversized message")
		}
		time.Sleep(20 * time.Millisecond)
	}
	wt.open(80, 24, nil).waitFor("Se connecter")
}

// A hello or a resize of 10000 × 10000 gets the interface's largest frame
// (400 × 200), not a 100-million-cell one, and the session goes on.
func TestSocketHugeResize(t *testing.T) {
	var got sizes
	wt := startWeb(t, got.hook)
	c := wt.open(10000, 10000, nil)
	c.waitFor("Se connecter")
	first := c.raw.Load()
	for _, size := range [][2]int{{80, 24}, {10000, 10000}} {
		resize, _ := json.Marshal(map[string]any{"type": "resize", "cols": size[0], "rows": size[1]})
		if err := c.send(websocket.MessageText, resize); err != nil {
			t.Fatal(err)
		}
		got.wait(t, min(size[0], 400), min(size[1], 200))
	}
	c.keys("hugo.lefevre")
	c.waitFor("hugo.lefevre")
	// A frame of 400 × 200 is at most a few hundred kilobytes.
	if n := c.raw.Load(); n > 4<<20 {
		t.Fatalf("%d bytes sent for two frames (%d for the first)", n, first)
	}
	for _, bad := range []string{`{"type":"resize","cols":-5,"rows":1e30}`, `{"type":"resize"}`, `not json`, `{"type":"hello"}`} {
		if err := c.send(websocket.MessageText, []byte(bad)); err != nil {
			t.Fatal(err)
		}
	}
	c.keys("\x7f")
	c.waitFor("hugo.lefevr")
	if strings.Contains(c.screen(), "hugo.lefevre ") {
		t.Fatal("the session stopped reading after odd control messages")
	}
}

// A socket that never says hello is closed after helloWait, without a
// session; one that says something else is closed at once.
func TestSocketWithoutHello(t *testing.T) {
	wt := startWeb(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, _, err := wt.dial(ctx, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	if err := conn.Write(ctx, websocket.MessageBinary, []byte("hugo.lefevre\r")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := conn.Read(ctx); websocket.CloseStatus(err) != websocket.StatusPolicyViolation {
		t.Fatalf("keys before the hello: %v", err)
	}
	if wt.srv.SessionCount() != 0 {
		t.Fatal("a session started without a hello")
	}
}

// The longest session time ends a session even while it is used; the
// page is told why (close 4000, max_time) after the line on the terminal.
func TestSocketMaxSessionTime(t *testing.T) {
	wt := startWeb(t, func(o *Options) { o.MaxSessionTime = time.Second })
	c := wt.open(80, 24, nil)
	c.waitFor("Se connecter")
	c.keys("hugo")
	select {
	case err := <-c.done:
		if websocket.CloseStatus(err) != closeEnded {
			t.Fatalf("closed with %v", err)
		}
		var ce websocket.CloseError
		if !errors.As(err, &ce) || ce.Reason != "max_time" {
			t.Fatalf("close reason %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the session outlived --max-session-time")
	}
	c.waitFor("Session fermée : durée maximale atteinte.")
}

// The server stops: open sessions read that the service restarts, then
// are closed with that reason.
func TestSocketShutdown(t *testing.T) {
	wt := startWeb(t)
	c := wt.open(80, 24, nil)
	c.waitFor("Se connecter")
	go wt.stop()
	c.waitFor("Le service redémarre")
	select {
	case err := <-c.done:
		var ce websocket.CloseError
		if !errors.As(err, &ce) || ce.Code != closeEnded || ce.Reason != "shutdown" {
			t.Fatalf("closed with %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the session outlived the server")
	}
}

// A flood of resizes: the session gets the last size, a few sizes in
// between, not one repaint per message; the keys typed meanwhile arrive.
func TestSocketResizeFlood(t *testing.T) {
	var got sizes
	wt := startWeb(t, got.hook)
	c := wt.open(100, 30, nil)
	c.waitFor("Se connecter")
	const n = 5000
	started := time.Now()
	for i := range n {
		b, _ := json.Marshal(map[string]any{"type": "resize", "cols": 100 + i%2, "rows": 30 + i%2})
		if err := c.send(websocket.MessageText, b); err != nil {
			t.Fatal(err)
		}
	}
	last, _ := json.Marshal(map[string]any{"type": "resize", "cols": 90, "rows": 28})
	if err := c.send(websocket.MessageText, last); err != nil {
		t.Fatal(err)
	}
	took := time.Since(started)
	c.keys("hugo")
	got.wait(t, 90, 28)
	c.waitFor("hugo")
	got.mu.Lock()
	delivered := got.count
	got.mu.Unlock()
	// One every resizeInterval at most, and the last.
	if limit := int(time.Since(started)/resizeInterval) + 2; delivered > limit {
		t.Fatalf("%d resizes sent in %v reached the session %d times (at most %d)", n+1, took, delivered, limit)
	}
	t.Logf("%d resizes sent in %v: the session got %d", n+1, took, delivered)
}

// A campus NAT behind the proxy: eleven people from one address of the
// shared networks all get a session, up to MaxSessionsPerSharedAddress;
// from an address outside them the eleventh gets a 429 as before. The
// sessions from a shared address are shared clients for the store.
func TestSocketSharedNetworkBehindTheProxy(t *testing.T) {
	const people = DefaultMaxSessionsPerAddress + 1
	wt := startWeb(t, func(o *Options) {
		o.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
		o.SharedNetworks = netlist.List{netip.MustParsePrefix("198.51.100.0/24")}
		o.MaxSessionsPerSharedAddress = people
	})
	ctx := context.Background()
	for _, src := range []struct {
		addr string
		max  int
	}{{"198.51.100.7", people}, {"203.0.113.9", DefaultMaxSessionsPerAddress}} {
		for i := range src.max + 1 {
			conn, resp, err := wt.dial(ctx, "", http.Header{"X-Forwarded-For": {src.addr}})
			switch {
			case i < src.max && err != nil:
				t.Fatalf("%s: session %d refused: %v", src.addr, i+1, err)
			case i == src.max && (err == nil || resp.StatusCode != http.StatusTooManyRequests):
				t.Fatalf("%s: session %d beyond the limit %d: %v %v", src.addr, i+1, src.max, resp, err)
			}
			if conn != nil {
				defer conn.CloseNow()
			}
		}
	}
	wt.openFrom("198.51.100.8").waitFor("Se connecter")
	wt.openFrom("203.0.113.10").waitFor("Se connecter")
	wt.srv.mu.Lock()
	n := 0
	for ws := range wt.srv.sessions {
		n++
		if want := strings.HasPrefix(ws.client.String(), "198.51.100."); ws.shared != want {
			t.Errorf("session from %s: shared %v, want %v", ws.client, ws.shared, want)
		}
	}
	wt.srv.mu.Unlock()
	if n != 2 {
		t.Fatalf("%d sessions running, want the 2 that said hello", n)
	}
	if logs := wt.logs.String(); !strings.Contains(logs, "shared_networks=198.51.100.0/24") {
		t.Fatalf("the start line does not say the shared networks:\n%s", logs)
	}
}
