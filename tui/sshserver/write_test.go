package sshserver

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// pieces records each write it gets.
type pieces struct {
	got  [][]byte
	fail int // the write that fails (1-based; 0: none)
}

func (p *pieces) Write(b []byte) (int, error) {
	if len(p.got)+1 == p.fail {
		return 0, errors.New("closed")
	}
	p.got = append(p.got, append([]byte(nil), b...))
	return len(b), nil
}

// A frame goes to the channel whole, in writes of at most maxWrite bytes.
func TestPieceWriterBoundsEachWrite(t *testing.T) {
	t.Parallel()
	frame := []byte(strings.Repeat("é\x1b[1;31mligne\x1b[0m\n", 300)) // 6,300 bytes
	var p pieces
	n, err := pieceWriter{&p}.Write(frame)
	if err != nil || n != len(frame) {
		t.Fatalf("wrote %d of %d bytes: %v", n, len(frame), err)
	}
	for i, w := range p.got {
		if len(w) > maxWrite || len(w) == 0 {
			t.Fatalf("write %d is %d bytes", i, len(w))
		}
	}
	if joined := bytes.Join(p.got, nil); !bytes.Equal(joined, frame) {
		t.Fatal("the pieces are not the frame")
	}
	short := pieces{}
	if n, _ := (pieceWriter{&short}).Write([]byte("a")); n != 1 || len(short.got) != 1 {
		t.Fatalf("a key's echo: %d writes", len(short.got))
	}
	failing := pieces{fail: 2}
	if n, err := (pieceWriter{&failing}).Write(frame); err == nil || n != maxWrite {
		t.Fatalf("a failed write: %d bytes written, %v", n, err)
	}
}
