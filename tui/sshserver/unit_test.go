package sshserver

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// chunks is a reader that returns one chunk a Read, as the network does.
type chunks struct{ parts []string }

func (c *chunks) Read(p []byte) (int, error) {
	if len(c.parts) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.parts[0])
	c.parts[0] = c.parts[0][n:]
	if c.parts[0] == "" {
		c.parts = c.parts[1:]
	}
	return n, nil
}

func TestSessionInputTakesOutTheBackgroundAnswer(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		parts []string
		want  string
		dark  []bool
	}{
		{"alone, BEL", []string{"\x1b]11;rgb:ffff/ffff/ffff\x07"}, "", []bool{false}},
		{"with keys, ST", []string{"ab\x1b]11;rgb:0000/0000/0000\x1b\\cd"}, "abcd", []bool{true}},
		{"cut in two", []string{"a\x1b]11;rgb:ff", "ff/ffff/ffff\x07b"}, "ab", []bool{false}},
		{"cut after ESC ] 1", []string{"a\x1b]1", "1;rgb:1a1a/1a1a/1a1a\x07"}, "a", []bool{true}},
		{"short components", []string{"\x1b]11;rgb:f/f/f\x07"}, "", []bool{false}},
		{"keys untouched", []string{"\x1b[A\x1b", "x\x1b]"}, "\x1b[A\x1bx\x1b]", nil},
		{"other OSC passes", []string{"\x1b]10;rgb:0/0/0\x07"}, "\x1b]10;rgb:0/0/0\x07", nil},
		{"garbage answer dropped, no colour", []string{"\x1b]11;nonsense\x07z"}, "z", nil},
		{"paste", []string{"\x1b[200~hello\x1b[201~"}, "\x1b[200~hello\x1b[201~", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []bool
			in := newSessionInput(&chunks{parts: append([]string(nil), c.parts...)}, func(dark bool) { got = append(got, dark) })
			out, err := io.ReadAll(in)
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != c.want {
				t.Fatalf("read %q, want %q", out, c.want)
			}
			if len(got) != len(c.dark) || (len(got) > 0 && got[0] != c.dark[0]) {
				t.Fatalf("background %v, want %v", got, c.dark)
			}
		})
	}
	// Cut anywhere but right after its ESC, the answer is still taken out.
	const stream = "hé\x1b]11;rgb:0/0/0\x07llo"
	esc := strings.IndexByte(stream, 0x1b)
	for k := 1; k < len(stream); k++ {
		if k == esc+1 {
			continue
		}
		in := newSessionInput(&chunks{parts: []string{stream[:k], stream[k:]}}, nil)
		if out, _ := io.ReadAll(in); string(out) != "héllo" {
			t.Fatalf("cut at %d: %q", k, out)
		}
	}
	// Keys one byte at a time go through untouched.
	in := newSessionInput(iotest.OneByteReader(strings.NewReader("a\x1b[Bé\x1b")), nil)
	if out, _ := io.ReadAll(in); string(out) != "a\x1b[Bé\x1b" {
		t.Fatalf("one byte at a time: %q", out)
	}
}
