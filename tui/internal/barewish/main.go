// Command barewish is the reference the SSH load program measures entkiosk
// against: a wish server of the same versions as entkiosk's (wish v1.4.7,
// bubbletea v1.3.10) serving a trivial Bubble Tea model, with nothing of
// entkiosk in it. What entkiosk costs beyond it is entkiosk's own.
//
//	go run ./tui/internal/barewish -listen 127.0.0.1:2223 -host-key /tmp/barewish_ed25519
//
// Like entkiosk it asks for no SSH authentication and serves one shell with
// a pty; it stops on SIGTERM or SIGINT.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"
)

// Ready is printed on standard output once the server listens.
const Ready = "barewish: listening"

// HomeText is on the first frame of every session.
const HomeText = "bare wish"

func main() {
	listen := flag.String("listen", "127.0.0.1:2223", "address to listen on")
	hostKey := flag.String("host-key", "barewish_ed25519", "host key (created when missing)")
	fps := flag.Int("fps", 60, "frames a second of Bubble Tea's renderer (its default, 60: a ticker per session wakes that often even when idle)")
	flag.Parse()

	srv, err := wish.NewServer(
		wish.WithAddress(*listen),
		wish.WithHostKeyPath(*hostKey),
		wish.WithMiddleware(bm.Middleware(func(ssh.Session) (tea.Model, []tea.ProgramOption) {
			return model{}, []tea.ProgramOption{tea.WithAltScreen(), tea.WithFPS(*fps)}
		})),
	)
	if err == nil {
		// A connection that fails before its session (a handshake cut short)
		// is closed without a word to the client, which reads EOF: say why.
		srv.ConnectionFailedCallback = func(c net.Conn, err error) {
			fmt.Fprintf(os.Stderr, "barewish: connection from %s failed: %v\n", c.RemoteAddr(), err)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "barewish:", err)
		os.Exit(1)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- srv.ListenAndServe() }()
	fmt.Println(Ready, *listen)
	select {
	case err := <-served:
		if err != nil && !errors.Is(err, ssh.ErrServerClosed) {
			fmt.Fprintln(os.Stderr, "barewish:", err)
			os.Exit(1)
		}
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}
}

// model shows a line and what was typed on it (bounded, like a field).
type model struct{ typed []rune }

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	switch k.Type {
	case tea.KeyCtrlC:
		return m, tea.Quit
	case tea.KeyBackspace:
		if len(m.typed) > 0 {
			m.typed = m.typed[:len(m.typed)-1]
		}
	case tea.KeyRunes:
		if len(m.typed) < 64 {
			m.typed = append(m.typed, k.Runes...)
		}
	}
	return m, nil
}

func (m model) View() string {
	return HomeText + "\n\n> " + string(m.typed) + "\n"
}
