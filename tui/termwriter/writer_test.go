package termwriter

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
)

func TestScreenWriterRewritesOnlyChangedLines(t *testing.T) {
	var out bytes.Buffer
	w := New(&out, 10, 4)
	w.Start()
	w.Draw("line one\nline two\n0123456789")
	em := vt.NewEmulator(10, 4)
	em.Write(out.Bytes())
	if got := strings.TrimSpace(em.String()); got != "line one\nline two\n0123456789" {
		t.Fatalf("screen:\n%q", got)
	}
	out.Reset()
	w.last = w.last.Add(-minInterval) // no coalescing in this test
	w.Draw("line one\nline 2\n0123456789")
	written := out.String()
	if strings.Contains(written, "line one") || strings.Contains(written, "0123456789") || !strings.Contains(written, "line 2") {
		t.Fatalf("wrote %q: only the changed line expected", written)
	}
	em.Write(out.Bytes())
	if got := strings.TrimSpace(em.String()); got != "line one\nline 2\n0123456789" {
		t.Fatalf("screen:\n%q", got)
	}
	// Unchanged frame: nothing written. Too wide: cut at the width.
	out.Reset()
	w.Draw("line one\nline 2\n0123456789")
	if out.Len() != 0 {
		t.Fatalf("wrote %q for an unchanged frame", out.String())
	}
	w.last = w.last.Add(-minInterval)
	w.Draw("a much longer line\nb")
	em.Write(out.Bytes())
	if got := strings.TrimSpace(em.String()); got != "a much lon\nb" {
		t.Fatalf("screen:\n%q", got)
	}
	w.Stop()
	if !strings.HasSuffix(out.String(), ansi.ResetModeAltScreenSaveCursor) {
		t.Fatal("alternate screen not left")
	}
	out.Reset()
	w.Draw("after stop")
	if out.Len() != 0 {
		t.Fatal("drawn after stop")
	}
}

// Whatever the frames and their order (longer, shorter, blank lines at the
// end, more lines than the terminal, wider lines), the terminal shows the
// last frame, cut to its size.
func TestScreenWriterShowsEveryFrame(t *testing.T) {
	const width, height = 12, 5
	words := []string{"", "a", "ligne", "\x1b[1mgras\x1b[0m", "é à ç", "a much longer line than 12", "┃ x", "ligne"}
	rnd := uint32(7)
	next := func(n int) int { rnd = rnd*1664525 + 1013904223; return int(rnd>>8) % n }
	var out bytes.Buffer
	w := New(&out, width, height)
	w.Start()
	em := vt.NewEmulator(width, height)
	for range 400 {
		lines := make([]string, next(height+3))
		for i := range lines {
			lines[i] = words[next(len(words))]
		}
		frame := strings.Join(lines, "\n")
		if next(4) == 0 {
			frame += "\n"
		}
		out.Reset()
		w.last = w.last.Add(-minInterval)
		w.Draw(frame)
		em.Write(out.Bytes())
		want := strings.Split(frame, "\n")
		if len(want) > height {
			want = want[:height]
		}
		for i := range want {
			want[i] = ansi.Truncate(ansi.Strip(want[i]), width, "")
		}
		got := strings.Split(em.String(), "\n")
		for i := range height {
			g, wl := strings.TrimRight(got[i], " "), ""
			if i < len(want) {
				wl = strings.TrimRight(want[i], " ")
			}
			if g != wl {
				t.Fatalf("frame %q: line %d shows %q, want %q", frame, i, g, wl)
			}
		}
	}
}
