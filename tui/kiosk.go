package tui

import (
	"context"
	"errors"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"

	"entkiosk/screens"
)

// RunKiosk runs the interface on this process's terminal until an operator
// stops it (a signal, or q / ctrl+c at home when quitting is allowed). F3
// switches to the accessible mode; a kiosk comes back to the screens when
// that session is wiped (the next person).
func RunKiosk(ctx context.Context, o Options) error {
	if o.Accessible {
		if o.Prepare != nil {
			if err := o.Prepare(ctx); err != nil && ctx.Err() == nil {
				return err
			}
		}
		_, _, err := runAccessibleKiosk(ctx, o, nil, "")
		return err
	}
	var lang screens.Lang // the language the person came back in ("": the kiosk's)
	for {
		m, err := runScreens(ctx, o, lang)
		o.Prepare = nil // done by the first run
		if err != nil || !m.ToAccessible() {
			return err
		}
		back, left, err := runAccessibleKiosk(ctx, o, m.Account(), m.Lang())
		if err != nil || !back {
			return err
		}
		lang = left
	}
}

// runScreens is one run of the screens (Bubble Tea) on this terminal, in
// lang (empty: the kiosk's; a wipe goes back to the kiosk's anyway).
func runScreens(ctx context.Context, o Options, lang screens.Lang) (*Model, error) {
	// Bubble Tea's package init has already asked this terminal its
	// background, for lipgloss's default renderer (on os.Stdout, the
	// kiosk's terminal): that answer serves, rather than a second round
	// trip to the terminal before the first frame.
	o.Renderer = PrepareRenderer(lipgloss.DefaultRenderer())
	o.ClearScrollback = func() { os.Stdout.WriteString("\x1b[3J") }
	o.ClearScrollback() // nothing of what ran before on this terminal stays reachable
	m := New(o)
	if lang != "" {
		m.c.Lang = lang
	}
	// Signals are main's (its context): with Bubble Tea's own handler too,
	// a SIGTERM could leave that handler blocked on a channel nobody reads
	// any more, and the program would never end.
	opts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithContext(ctx), tea.WithoutSignalHandler(), tea.WithFPS(kioskFPS)}
	if term.IsTerminal(os.Stdin.Fd()) {
		opts = append(opts, tea.WithInput(guardTerminal(os.Stdin)))
	}
	screen := newFirstFrame(os.Stdout)
	start := newKioskStart(ctx, m, o.Prepare, screen)
	// The terminal's size is known now: the first frame is drawn at it,
	// not at 80 × 24 and again at the size Bubble Tea tells a moment later.
	if w, h, err := term.GetSize(os.Stdout.Fd()); err == nil && w > 0 && h > 0 {
		_, start.sized = m.Update(tea.WindowSizeMsg{Width: w, Height: h})
		screen.width, screen.height = w, h
	}
	opts = append(opts, tea.WithOutput(screen))
	p := tea.NewProgram(start, opts...)
	stopWatch := watchResize(p, os.Stdout)
	_, err := p.Run()
	stopWatch()
	start.wait()
	if start.err != nil {
		return m, start.err // the start-up work failed: the kiosk does not run
	}
	if m.ToAccessible() && err == nil {
		return m, nil // the session goes on in the accessible mode, logged in or not
	}
	// Stopped with someone logged in: their session ends too.
	if acct := m.Account(); acct != nil && o.Store != nil {
		if lerr := o.Store.Logout(context.Background(), acct, m.c.Origin(), "stopped"); lerr != nil {
			m.opts.Logger.Error("logout", "err", lerr)
		}
	}
	if errors.Is(err, tea.ErrProgramKilled) || errors.Is(err, tea.ErrInterrupted) {
		return m, nil // the operator stopped it
	}
	return m, err
}

// PrepareRenderer settles, before the program reads its input, what the
// renderer would otherwise ask the terminal in the middle of the first
// frame: the background colour (adaptive colours) is queried now, so that
// the terminal's answer is never read as keys. Without colours (NO_COLOR,
// a dumb terminal) there is nothing to ask.
func PrepareRenderer(r *lipgloss.Renderer) *lipgloss.Renderer {
	if r.ColorProfile() == termenv.Ascii {
		r.SetHasDarkBackground(true)
		return r
	}
	r.HasDarkBackground()
	return r
}
