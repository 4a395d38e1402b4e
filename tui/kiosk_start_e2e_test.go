package tui

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// On its terminal the kiosk draws home before SQLite opens the store (the
// store's checks are start-up work): a file that is not a store still
// stops the kiosk with the same message, once home has been shown, and
// nothing is written to it.
func TestE2EDamagedStoreStopsTheKioskAfterHome(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "entkiosk.db")
	junk := bytes.Repeat([]byte("pas une base SQLite "), 400)
	if err := os.WriteFile(db, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	k := startKioskDB(t, db, nil)
	err := k.waitExit()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("exit %v, want status 1; the screen is:\n%s", err, k.screen())
	}
	out := ansi.Strip(k.output())
	home, said := strings.Index(out, "Se connecter"), strings.Index(out, "pas une base SQLite (ou son début est endommagé)")
	if home < 0 || said < home {
		t.Fatalf("home at %d, the store's message at %d; the program wrote:\n%q", home, said, out)
	}
	// The message stays on the terminal once the kiosk has left it.
	if !strings.Contains(k.screen(), "entkiosk : base ") {
		t.Fatalf("the screen after the kiosk:\n%s", k.screen())
	}
	if b, err := os.ReadFile(db); err != nil || !bytes.Equal(b, junk) {
		t.Fatalf("the file was changed (%v)", err)
	}
	if _, err := os.Stat(db + "-wal"); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a -wal file beside it: %v", err)
	}
}

// The kiosk's first frame is home at the terminal's size (here 100 × 30),
// not home at 80 × 24 redrawn once Bubble Tea has told the size.
func TestE2EFirstFrameAtTheTerminalsSize(t *testing.T) {
	t.Parallel()
	k := launchSized(t, filepath.Join(t.TempDir(), "entkiosk.db"), 100, 30, nil, nil)
	k.waitFor("Se connecter")
	out := k.output()
	first := out[:strings.Index(out, "Se connecter")]
	header := ""
	for _, line := range strings.Split(first, "\n") {
		if strings.Contains(line, "UNIVERSIT") {
			header = strings.Trim(ansi.Strip(line), "\r")
			break
		}
	}
	if w := ansi.StringWidth(header); w != 100 || !strings.HasSuffix(strings.TrimRight(header, " "), "FR") {
		t.Fatalf("the first frame's header is %d cells wide, want 100 ending with the language: %q", w, header)
	}
}
