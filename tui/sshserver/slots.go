package sshserver

import (
	"container/list"
	"log/slog"
	"net"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/ssh"

	"entkiosk/tui/netlist"
)

// Connection slots. A connection is "waiting" from accept until its
// session runs (SSH handshake, session channel, pty, shell), then
// "established". Waiting connections have a small pool of their own and a
// short deadline: silent sockets from a hundred addresses can no longer
// take every slot (issue 13.7). When the pool is full a newcomer takes the
// place of the oldest waiting connection, never of an established session
// — if its source has nothing waiting already and had nothing dropped
// within a deadline's length. Otherwise each dropped socket, reopened at
// once, would drop the next, and a newcomer would be pushed out before it
// finished its handshake: this way a source drops at most one connection
// per deadline, and a normal client (nothing waiting: its last connection
// reached its session) always gets in.

// handshakeTimeout is how long a connection may wait, from accept, to
// reach a running session.
const handshakeTimeout = 5 * time.Second

// DefaultMaxWaiting is the size of the waiting pool; one source may have
// maxWaitingPerSource connections in it (a person opens one at a time),
// a newer one replacing its oldest: a hundred sources of silent sockets
// take 200 places and leave room.
//
// A source in a shared network (--shared-networks: hundreds of students
// behind one campus address) may have maxWaitingPerSharedSource: a
// handshake takes well under a second, so twenty under way let twenty or
// more students a second in from one address — a lecture hall arriving
// at once — while one such source still holds less than a tenth of the
// pool, and a dozen of them leave room for everyone else.
const (
	DefaultMaxWaiting         = 256
	maxWaitingPerSource       = 2
	maxWaitingPerSharedSource = 20
	minReplaceAge             = 100 * time.Millisecond
)

var connKey = &ctxKey{"entkiosk-conn"}

// connLimiter caps established sessions in total, waiting connections in
// their pool, and connections per source (an IPv4 address, an IPv6 /64).
// It refuses before reading a byte of SSH, so that a flood costs a closed
// socket and no handshake.
type connLimiter struct {
	max, perAddr, maxWaiting int
	handshake                time.Duration
	keyGrace                 time.Duration // from accept, once the host key is out (hostkey_grace.go)
	log                      *slog.Logger
	// shared networks: perShared connections per source in them, and
	// maxWaitingPerSharedSource waiting
	shared    netlist.List
	perShared int

	mu          sync.Mutex
	established int
	waiting     *list.List                 // *limitedConn, oldest first
	bySource    map[netip.Prefix]int       // connections, waiting or established
	waitingFrom map[netip.Prefix]int       // waiting connections
	dropped     map[netip.Prefix]time.Time // sources whose waiting connection was dropped, when
	tally       map[string]int             // refusals by limit, and "dropped" (tests, logs)

	opened      atomic.Int64 // sessions established since the start
	refused     atomic.Int64 // since the last log line
	lastRefusal atomic.Int64 // unix nano of that line
}

func newConnLimiter(max, perAddr, maxWaiting int, handshake time.Duration, logger *slog.Logger) *connLimiter {
	return &connLimiter{max: max, perAddr: perAddr, maxWaiting: maxWaiting, handshake: handshake, keyGrace: hostKeyGrace, log: logger,
		waiting: list.New(), bySource: map[netip.Prefix]int{}, waitingFrom: map[netip.Prefix]int{},
		dropped: map[netip.Prefix]time.Time{}, tally: map[string]int{}}
}

// remoteIP is the source address of a connection, without its port.
func remoteIP(a net.Addr) netip.Addr {
	if ap, err := netip.ParseAddrPort(a.String()); err == nil {
		return ap.Addr().Unmap()
	}
	return netip.Addr{}
}

// source is what the per-address limit counts: an IPv4 address, or the
// /64 of an IPv6 one (one subscriber's network: its addresses are free).
func source(ip netip.Addr) netip.Prefix {
	bits := 32
	if ip.Is6() {
		bits = 64
	}
	p, _ := ip.Prefix(bits)
	return p
}

// accept is the server's ConnCallback: nil refuses the connection.
func (l *connLimiter) accept(ctx ssh.Context, c net.Conn) net.Conn {
	lc := l.admit(c)
	if lc == nil {
		return nil
	}
	ctx.SetValue(connKey, lc)
	return lc
}

// admit counts a new connection, dropping the oldest waiting one if need
// be; nil refuses it.
func (l *connLimiter) admit(c net.Conn) *limitedConn {
	ip := remoteIP(c.RemoteAddr())
	src := source(ip)
	perAddr, waitingPerSource := l.perAddr, maxWaitingPerSource
	if l.shared.Contains(ip) {
		perAddr, waitingPerSource = l.perShared, maxWaitingPerSharedSource
	}
	now := time.Now()
	l.mu.Lock()
	var victim *limitedConn
	refusal := ""
	switch {
	case l.established >= l.max:
		refusal = "sessions"
	case l.bySource[src] >= perAddr:
		refusal = "address"
	case l.waitingFrom[src] >= waitingPerSource:
		// Its own oldest goes: a client that retries is not locked out
		// by its previous attempts, and a source never holds more. Not one
		// just opened: a source reopening what it loses would make the
		// server start handshakes as fast as it can send SYNs.
		oldest := l.oldestFrom(src)
		if now.Sub(oldest.opened) < minReplaceAge {
			refusal = "waiting_from_source"
			break
		}
		victim = oldest
		l.leaveWaiting(victim)
		l.tally["replaced"]++
	case l.waiting.Len() >= l.maxWaiting:
		if at, ok := l.dropped[src]; l.waitingFrom[src] > 0 || ok && now.Sub(at) < l.handshake {
			refusal = "waiting"
			break
		}
		victim = l.waiting.Front().Value.(*limitedConn)
		l.leaveWaiting(victim)
		l.markDropped(victim.src, now)
		l.tally["dropped"]++
	}
	if refusal != "" {
		l.tally[refusal]++
		open, here := l.established+l.waiting.Len(), l.bySource[src]
		l.mu.Unlock()
		l.logRefusal(src, refusal, open, here, perAddr)
		return nil
	}
	lc := &limitedConn{Conn: c, src: src, limiter: l, opened: now}
	// Set before anyone can see it (a newcomer may drop it at once).
	lc.deadline = time.AfterFunc(l.handshake, lc.expire)
	lc.elem = l.waiting.PushBack(lc)
	l.waitingFrom[src]++
	l.bySource[src]++
	l.mu.Unlock()

	if victim != nil {
		victim.expire()
	}
	return lc
}

// oldestFrom is the oldest waiting connection from src (there is one).
func (l *connLimiter) oldestFrom(src netip.Prefix) *limitedConn {
	for e := l.waiting.Front(); e != nil; e = e.Next() {
		if c := e.Value.(*limitedConn); c.src == src {
			return c
		}
	}
	panic("sshserver: no waiting connection from " + src.String())
}

// leaveWaiting takes c out of the waiting pool.
func (l *connLimiter) leaveWaiting(c *limitedConn) {
	l.waiting.Remove(c.elem)
	c.elem = nil
	if l.waitingFrom[c.src]--; l.waitingFrom[c.src] <= 0 {
		delete(l.waitingFrom, c.src)
	}
}

// markDropped remembers a source whose waiting connection was dropped;
// the map is pruned as it grows.
func (l *connLimiter) markDropped(src netip.Prefix, now time.Time) {
	if len(l.dropped) >= 4096 {
		for s, at := range l.dropped {
			if now.Sub(at) >= l.handshake {
				delete(l.dropped, s)
			}
		}
	}
	l.dropped[src] = now
}

// establish moves a waiting connection to the established sessions; false
// if it was dropped or expired meanwhile, or if no session slot is left
// (it is closed then).
func (l *connLimiter) establish(c *limitedConn) bool {
	l.mu.Lock()
	if c.elem == nil {
		l.mu.Unlock()
		return false // dropped for a newcomer, or closed
	}
	if l.established >= l.max {
		l.mu.Unlock()
		c.Close()
		return false
	}
	l.leaveWaiting(c)
	c.isEstablished = true
	l.established++
	l.mu.Unlock()
	l.opened.Add(1)
	return true
}

func (l *connLimiter) release(c *limitedConn) {
	l.mu.Lock()
	defer l.mu.Unlock()
	c.deadline.Stop() // under mu: admit sets it under mu, and its timer may fire at once
	switch {
	case c.elem != nil:
		l.leaveWaiting(c)
	case c.isEstablished:
		l.established--
	}
	if l.bySource[c.src]--; l.bySource[c.src] <= 0 {
		delete(l.bySource, c.src)
	}
}

// count is the number of open connections, waiting or established (tests
// and logs).
func (l *connLimiter) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.established + l.waiting.Len()
}

// logRefusal logs at most one line a second, so that a flood cannot fill
// the disk; the line says how many were refused meanwhile.
func (l *connLimiter) logRefusal(src netip.Prefix, why string, open, here, perAddr int) {
	n := l.refused.Add(1)
	now := time.Now().UnixNano()
	last := l.lastRefusal.Load()
	if now-last < int64(time.Second) || !l.lastRefusal.CompareAndSwap(last, now) {
		return
	}
	l.refused.Add(-n)
	l.log.Warn("connection refused: limit reached", "source", src.String(), "limit", why, "open", open,
		"open_from_source", here, "refused", n, "max", l.max, "max_per_addr", perAddr, "max_waiting", l.maxWaiting)
}

// limitedConn is a counted connection. Until its session runs, its
// deadline closes it.
type limitedConn struct {
	net.Conn
	src      netip.Prefix
	limiter  *connLimiter
	deadline *time.Timer
	expired  atomic.Bool
	sessions atomic.Int32 // session channels opened (one allowed)
	once     sync.Once
	watch    kexWatch // the server's writes until its NEWKEYS (hostkey_grace.go)

	// under limiter.mu
	opened        time.Time
	elem          *list.Element // in the waiting list; nil once out of it
	isEstablished bool
}

// expire closes a connection that did not reach its session in time, or
// was dropped for a newcomer.
func (c *limitedConn) expire() {
	c.expired.Store(true)
	c.Close()
}

// established stops the deadline and takes a session slot; false if the
// connection is going (deadline passed, dropped, or no slot left).
func (c *limitedConn) established() bool {
	if !c.deadline.Stop() || c.expired.Load() {
		return false
	}
	return c.limiter.establish(c)
}

func (c *limitedConn) Close() error {
	c.once.Do(func() { c.limiter.release(c) })
	return c.Conn.Close()
}

func connOf(ctx ssh.Context) *limitedConn {
	c, _ := ctx.Value(connKey).(*limitedConn)
	return c
}
