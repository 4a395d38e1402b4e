package tui

import (
	"context"
	"errors"
	"io"
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/muesli/cancelreader"

	"entkiosk/data"
	"entkiosk/screens"
	"entkiosk/tui/accessible"
)

// ClearTerminal erases the screen and the scrollback: what a kiosk does
// when it wipes, so the next person cannot scroll back to the previous one.
const ClearTerminal = "\x1b[H\x1b[2J\x1b[3J"

// accessibleOptions are the accessible session of these options on in/out.
func accessibleOptions(o Options, in io.Reader, out io.Writer, terminal bool) accessible.Options {
	ao := accessible.Options{Store: o.Store, Lang: o.Lang, Kiosk: o.Kiosk, Demo: o.Demo, AllowQuit: o.AllowQuit,
		Client: o.Client, SharedClient: o.SharedClient, IdleTimeout: o.IdleTimeout, In: in, Out: out, Terminal: terminal, Start: o.Start,
		Logger: o.Logger}
	if terminal {
		ao.Clear = func() { io.WriteString(out, ClearTerminal) }
	}
	return ao
}

// runAccessibleKiosk runs the accessible mode on this process's terminal
// (or on a pipe: lines written to its standard input). From the screens
// (F3), it takes over whoever is logged in, in the language shown, and
// says true when the screens come back: a kiosk's session was wiped (the
// next person), or the person asked for them, with the language they
// were in (left; empty after a wipe).
func runAccessibleKiosk(ctx context.Context, o Options, acct *data.Account, lang screens.Lang) (back bool, left screens.Lang, err error) {
	fd := os.Stdin.Fd()
	terminal := term.IsTerminal(fd)
	if terminal {
		// The line reader is the line editor: it echoes, and never a password.
		if state, err := term.MakeRaw(fd); err == nil {
			defer term.Restore(fd, state)
		}
	}
	ao := accessibleOptions(o, os.Stdin, os.Stdout, terminal)
	fromScreens := acct != nil || lang != ""
	if fromScreens {
		ao.Account, ao.Lang, ao.FromScreens = acct, lang, true
		ao.Left = func(l screens.Lang) { left = l }
	}
	in, err := cancelreader.NewReader(os.Stdin)
	if err != nil {
		return false, "", err
	}
	defer in.Close()
	defer in.Cancel() // the screens read the terminal again: this reader must stop first
	ao.In = in
	err = accessible.Run(ctx, ao)
	if errors.Is(err, accessible.ErrLeft) {
		return true, left, nil
	}
	return false, "", err
}

// OpenLink turns a link's token into the step it opens, or home with a
// sentence saying why not (the accessible mode over SSH: TOKEN+acces).
func OpenLink(ctx context.Context, store *data.Store, token string, l screens.Logger) screens.NavigateMsg {
	return openToken(ctx, store, token, l)
}

// TakeAccessible says F3 asked for the accessible mode; it hands over who
// is logged in (the program no longer logs them out: the accessible mode
// will) and the language shown.
func (p *Program) TakeAccessible() (*data.Account, screens.Lang, bool) {
	m := p.model.m
	if !m.ToAccessible() {
		return nil, "", false
	}
	acct := m.c.Account
	m.c.Account = nil
	return acct, m.c.Lang, true
}
