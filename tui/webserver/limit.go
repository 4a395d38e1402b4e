package webserver

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/log"

	"entkiosk/tui/netlist"
)

// limiter caps web sessions in total and per client address (perShared
// for an address in the shared networks). A refused upgrade costs one
// HTTP answer: no WebSocket, no session.
type limiter struct {
	max, perAddr int
	shared       netlist.List
	perShared    int
	log          *log.Logger

	mu     sync.Mutex
	total  int
	byAddr map[netip.Addr]int

	refused     atomic.Int64 // since the last log line
	lastRefusal atomic.Int64 // unix nano of that line
}

func newLimiter(max, perAddr int, l *log.Logger) *limiter {
	return &limiter{max: max, perAddr: perAddr, log: l, byAddr: map[netip.Addr]int{}}
}

// source is what the per-address limit counts: an address, or an IPv6
// /64 (one subscriber's network, as the SSH server counts it).
func source(ip netip.Addr) netip.Addr {
	if ip.Is6() && !ip.Is4In6() {
		p, _ := ip.Prefix(64)
		return p.Addr()
	}
	return ip
}

// take counts one session from ip; false when a limit is reached.
func (l *limiter) take(ip netip.Addr) bool {
	perAddr := l.perAddr
	if l.shared.Contains(ip) {
		perAddr = l.perShared
	}
	ip = source(ip)
	l.mu.Lock()
	if l.total >= l.max || l.byAddr[ip] >= perAddr {
		total, here := l.total, l.byAddr[ip]
		l.mu.Unlock()
		l.logRefusal(ip, total, here, perAddr)
		return false
	}
	l.total++
	l.byAddr[ip]++
	l.mu.Unlock()
	return true
}

func (l *limiter) release(ip netip.Addr) {
	ip = source(ip)
	l.mu.Lock()
	defer l.mu.Unlock()
	l.total--
	if l.byAddr[ip]--; l.byAddr[ip] <= 0 {
		delete(l.byAddr, ip)
	}
}

func (l *limiter) count(ip netip.Addr) int {
	ip = source(ip)
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.byAddr[ip]
}

// logRefusal logs at most one line a second, so that a flood cannot fill
// the disk; the line says how many were refused meanwhile.
func (l *limiter) logRefusal(ip netip.Addr, total, here, perAddr int) {
	n := l.refused.Add(1)
	now := time.Now().UnixNano()
	last := l.lastRefusal.Load()
	if now-last < int64(time.Second) || !l.lastRefusal.CompareAndSwap(last, now) {
		return
	}
	l.refused.Add(-n)
	l.log.Warn("session refused: limit reached", "addr", ip.String(), "open", total, "open_from_addr", here,
		"refused", n, "max", l.max, "max_per_addr", perAddr)
}

// clientAddr is the address of the person behind a request: the peer, or,
// when the peer is a trusted reverse proxy, the last address in
// X-Forwarded-For that is not one of the trusted proxies (the addresses
// before it are whatever the client chose to write).
func clientAddr(r *http.Request, trusted []netip.Prefix) netip.Addr {
	peer := addrOf(r.RemoteAddr)
	if !isTrusted(peer, trusted) {
		return peer
	}
	hops := forwardedFor(r.Header.Values("X-Forwarded-For"))
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(hops[i])
		if err != nil {
			return peer // a malformed hop: nothing before it can be believed
		}
		a = a.Unmap()
		if !isTrusted(a, trusted) {
			return a
		}
	}
	return peer
}

func forwardedFor(values []string) []string {
	var hops []string
	for _, v := range values {
		for _, h := range strings.Split(v, ",") {
			if h = strings.TrimSpace(h); h != "" {
				hops = append(hops, h)
			}
		}
	}
	return hops
}

func isTrusted(a netip.Addr, trusted []netip.Prefix) bool {
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

func addrOf(hostport string) netip.Addr {
	if ap, err := netip.ParseAddrPort(hostport); err == nil {
		return ap.Addr().Unmap()
	}
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	a, _ := netip.ParseAddr(host)
	return a.Unmap()
}

// ParseTrustedProxies reads --trusted-proxy: addresses or prefixes,
// comma-separated (127.0.0.1, 10.0.0.0/8, ::1).
func ParseTrustedProxies(s string) ([]netip.Prefix, error) {
	l, err := netlist.Parse(s)
	return l, err
}
