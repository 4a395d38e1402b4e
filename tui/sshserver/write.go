package sshserver

import "io"

// maxWrite is the most a session writes to its channel at once.
//
// x/crypto's channel keeps a buffer the size of the largest write it has
// sent, and its cipher one more: a first frame written whole (about 4 KB)
// left 7 KiB behind in every idle session. A full frame goes out in a few
// packets instead of one; a key's echo is one.
const maxWrite = 1024

// pieceWriter writes to w in pieces of at most maxWrite bytes.
type pieceWriter struct{ w io.Writer }

func (p pieceWriter) Write(b []byte) (n int, err error) {
	for len(b) > 0 {
		k, err := p.w.Write(b[:min(len(b), maxWrite)])
		n += k
		if err != nil {
			return n, err
		}
		b = b[k:]
	}
	return n, nil
}
