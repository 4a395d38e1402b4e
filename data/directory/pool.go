package directory

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/go-ldap/ldap/v3"
)

// pool keeps a few connections open and reused: a login costs a search and
// a bind, not a TCP and TLS handshake each. At most size connections exist;
// a caller beyond that waits for one (bounded by its context).
type pool struct {
	dial  func(ctx context.Context) (*ldap.Conn, error)
	slots chan struct{}

	mu     sync.Mutex
	idle   []*ldap.Conn
	closed bool
}

func newPool(size int, dial func(ctx context.Context) (*ldap.Conn, error)) *pool {
	return &pool{dial: dial, slots: make(chan struct{}, size)}
}

// get returns an open connection. A connection the directory closed while
// it was idle (a restart) is dropped here, before anything is sent on it.
func (p *pool) get(ctx context.Context) (c *ldap.Conn, fresh bool, err error) {
	select {
	case p.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, false, ctx.Err()
	}
	p.mu.Lock()
	for len(p.idle) > 0 {
		c = p.idle[len(p.idle)-1]
		p.idle = p.idle[:len(p.idle)-1]
		if !c.IsClosing() {
			p.mu.Unlock()
			return c, false, nil
		}
		go c.Close()
	}
	closed := p.closed
	p.mu.Unlock()
	if closed {
		<-p.slots
		return nil, false, errors.New("directory: closed")
	}
	c, err = p.dial(ctx)
	if err != nil {
		<-p.slots
		return nil, false, err
	}
	return c, true, nil
}

// put gives a connection back, or closes it when it is not fit for reuse.
func (p *pool) put(c *ldap.Conn, reuse bool) {
	if reuse && !c.IsClosing() {
		p.mu.Lock()
		if !p.closed {
			p.idle = append(p.idle, c)
			p.mu.Unlock()
			<-p.slots
			return
		}
		p.mu.Unlock()
	}
	<-p.slots
	go c.Close() // Close waits for the reader: never on the caller's time
}

func (p *pool) close() {
	p.mu.Lock()
	p.closed = true
	idle := p.idle
	p.idle = nil
	p.mu.Unlock()
	for _, c := range idle {
		c.Close()
	}
}

// connect opens one connection: TCP, TLS (ldaps or StartTLS), and the
// service bind when asService. The whole set-up is bounded by DialTimeout.
func (d *Directory) connect(ctx context.Context, asService bool) (*ldap.Conn, error) {
	ctx, cancel := context.WithTimeout(ctx, d.cfg.DialTimeout)
	defer cancel()
	nd := &net.Dialer{}
	var raw net.Conn
	var err error
	if d.ep.scheme == "ldaps" {
		raw, err = (&tls.Dialer{NetDialer: nd, Config: d.tls}).DialContext(ctx, "tcp", d.ep.addr)
	} else {
		raw, err = nd.DialContext(ctx, "tcp", d.ep.addr)
	}
	if err != nil {
		var cv *tls.CertificateVerificationError
		if errors.As(err, &cv) {
			return nil, &Error{Kind: Misconfigured, Op: "connect", Err: fmt.Errorf("%s: the directory's certificate is not trusted: %w", d.ep, err)}
		}
		return nil, &Error{Kind: Unreachable, Op: "connect", Err: fmt.Errorf("%s: %w", d.ep, err)}
	}
	// The deadline covers StartTLS's handshake and the bind, which go-ldap
	// would otherwise wait for without end.
	deadline, _ := ctx.Deadline()
	raw.SetDeadline(deadline)
	conn := ldap.NewConn(raw, d.ep.scheme == "ldaps")
	conn.Start()
	conn.SetTimeout(d.cfg.DialTimeout)
	fail := func(kind Kind, format string, err error) (*ldap.Conn, error) {
		conn.Close()
		if ctx.Err() != nil {
			kind = Unreachable
		}
		return nil, &Error{Kind: kind, Op: "connect", Err: fmt.Errorf("%s: "+format+": %w", d.ep, err)}
	}
	if d.ep.startTLS {
		if err := conn.StartTLS(d.tls); err != nil {
			var le *ldap.Error
			if errors.As(err, &le) && le.ResultCode < ldap.ErrorNetwork {
				return fail(Misconfigured, "the directory refused StartTLS (use ldaps://, or ?starttls=off for a directory on this machine)", err)
			}
			if strings.Contains(err.Error(), "TLS handshake failed") {
				return fail(Misconfigured, "TLS with the directory failed (certificate?)", err)
			}
			return fail(Unreachable, "StartTLS", err)
		}
	}
	if asService {
		if err := conn.Bind(d.cfg.BindDN, d.password); err != nil {
			var le *ldap.Error
			if errors.As(err, &le) && le.ResultCode < ldap.ErrorNetwork {
				return fail(Misconfigured, "the directory refused the service account "+d.cfg.BindDN, err)
			}
			return fail(Unreachable, "service bind", err)
		}
	}
	raw.SetDeadline(time.Time{})
	conn.SetTimeout(d.cfg.Timeout)
	return conn, nil
}

// with runs fn on a connection of p, bounded by Timeout and by ctx. A
// connection that failed on the network is not reused. When idempotent, an
// operation that failed on the network on a reused connection is tried
// once more on a fresh one: the directory may have restarted meanwhile.
func (d *Directory) with(ctx context.Context, p *pool, op string, idempotent bool, fn func(c *ldap.Conn) error) error {
	for attempt := 0; ; attempt++ {
		c, fresh, err := p.get(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return &Error{Kind: Unreachable, Op: op, Err: ctx.Err()}
			}
			return classify(op, err)
		}
		timeout := d.cfg.Timeout
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < timeout {
			timeout = time.Until(dl)
		}
		if timeout <= 0 {
			p.put(c, true)
			return &Error{Kind: Unreachable, Op: op, Err: context.DeadlineExceeded}
		}
		c.SetTimeout(timeout)
		stop := context.AfterFunc(ctx, func() { c.Close() })
		err = fn(c)
		notCancelled := stop()
		broken := networkFailure(err)
		p.put(c, notCancelled && !broken)
		if broken && idempotent && !fresh && attempt == 0 && notCancelled && !timedOut(err) {
			d.log.Info("directory connection lost, trying again on a new one", "op", op, "err", err)
			continue
		}
		if err != nil && !notCancelled {
			return &Error{Kind: Unreachable, Op: op, Err: fmt.Errorf("%w (%v)", ctx.Err(), err)}
		}
		return err
	}
}

// networkFailure: the connection itself failed, not the operation.
func networkFailure(err error) bool {
	var le *ldap.Error
	if errors.As(err, &le) {
		return le.ResultCode == ldap.ErrorNetwork
	}
	var de *Error
	if errors.As(err, &de) {
		return de.Kind == Unreachable && de.Code == 0
	}
	return false
}

// timedOut: go-ldap says a request timed out only in its message.
func timedOut(err error) bool {
	return err != nil && strings.Contains(err.Error(), "timed out")
}
