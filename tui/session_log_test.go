package tui

import (
	"bytes"
	"testing"

	"github.com/charmbracelet/log"
)

// A session's logger writes the lines base.With would, field for field.
func TestSessionLoggerWritesWhatWithWrites(t *testing.T) {
	t.Parallel()
	var with, own bytes.Buffer
	for _, c := range []struct {
		buf *bytes.Buffer
		l   interface {
			Debug(any, ...any)
			Info(any, ...any)
			Warn(any, ...any)
			Error(any, ...any)
		}
	}{
		{&with, newTestBase(&with).With("session", "ab12cd34")},
		{&own, SessionLogger(newTestBase(&own), "session", "ab12cd34")},
	} {
		c.l.Debug("hidden below the level", "k", 1)
		c.l.Info("link opened", "purpose", "activation")
		c.l.Warn("odd", "lone key")
		c.l.Error("link: store error", "err", "disk full", "n", 3)
	}
	if with.String() != own.String() || own.Len() == 0 {
		t.Fatalf("lines differ:\nWith:\n%s\nSessionLogger:\n%s", with.String(), own.String())
	}
}

func newTestBase(w *bytes.Buffer) *log.Logger {
	l := log.NewWithOptions(w, log.Options{Level: log.InfoLevel, Prefix: "tui"})
	return l
}
