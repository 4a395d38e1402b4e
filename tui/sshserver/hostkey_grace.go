package sshserver

import (
	"bytes"
	"encoding/binary"
	"time"
)

// A person connecting for the first time is asked by their client whether
// to trust the server's key (OpenSSH: « Are you sure you want to continue
// connecting (yes/no/[fingerprint])? »), in the middle of the handshake:
// after the server sent its key and its NEWKEYS, before the client sends
// its own. Reading that question takes longer than handshakeTimeout, which
// is sized for machines; a student at home typed « yes » after 9 s and got
// « Broken pipe ». So once the server has sent its NEWKEYS, the connection
// gets hostKeyGrace from its accept instead (OpenSSH's LoginGraceTime).
// A connection that got that far has done a whole key exchange: silent
// sockets still go after handshakeTimeout, and under a flood the waiting
// pool still gives a newcomer the place of the oldest waiting connection.
const hostKeyGrace = 2 * time.Minute

// msgNewKeys is SSH_MSG_NEWKEYS (RFC 4253 §7.3).
const msgNewKeys = 21

// kexWatch reads what the server writes, in clear until its NEWKEYS: the
// version line, then binary packets (uint32 length, a padding length
// byte, the message number, the rest), to see its NEWKEYS go out. It is
// fed by Write, which the SSH transport calls one packet at a time under
// its own lock, so it needs none.
type kexWatch struct {
	versionSent bool
	head        [6]byte // the current packet's length, padding length and message number
	got         int     // bytes of head seen
	skip        int     // bytes of the current packet still to pass
	done        bool    // NEWKEYS seen, or a stream not understood: nothing more to read
}

// newKeys reads p, the next bytes written, and says whether they hold the
// server's NEWKEYS.
func (w *kexWatch) newKeys(p []byte) bool {
	for len(p) > 0 && !w.done {
		switch {
		case !w.versionSent:
			i := bytes.IndexByte(p, '\n')
			if i < 0 {
				return false
			}
			w.versionSent, p = true, p[i+1:]
		case w.skip > 0:
			n := min(w.skip, len(p))
			w.skip, p = w.skip-n, p[n:]
		default:
			n := copy(w.head[w.got:], p)
			w.got, p = w.got+n, p[n:]
			if w.got < len(w.head) {
				return false
			}
			w.got = 0
			length := binary.BigEndian.Uint32(w.head[:4])
			if length < 2 || length > 1<<18 {
				w.done = true // not the packets expected: leave the deadline as it is
				return false
			}
			if w.head[5] == msgNewKeys {
				w.done = true
				return true
			}
			w.skip = int(length) - 2 // the padding length and message number are read
		}
	}
	return false
}

// Write passes p on; when it holds the server's NEWKEYS, the connection
// gets the host key's grace.
func (c *limitedConn) Write(p []byte) (int, error) {
	if !c.watch.done && c.watch.newKeys(p) {
		c.limiter.keyShown(c)
	}
	return c.Conn.Write(p)
}

// keyShown moves c's deadline to hostKeyGrace after its accept, if it is
// still waiting. The session cannot start before the client answers this
// NEWKEYS, so established() never stops the timer meanwhile.
func (l *connLimiter) keyShown(c *limitedConn) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if c.elem == nil || l.keyGrace <= l.handshake {
		return // dropped or closed; or a test's grace no longer than the deadline
	}
	if c.deadline.Stop() {
		c.deadline.Reset(l.keyGrace - time.Since(c.opened))
	}
}
