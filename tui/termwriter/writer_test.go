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
