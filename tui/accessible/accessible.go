// Package accessible is entkiosk's accessible mode, for people who use a
// screen reader or a braille display: the same flows and the same rules as
// the screens, in linear form. Each step prints plain sentences, asks one
// question at a time and reads the answer on its own line; results start
// with « Erreur : » or « Réussi : »; choices are numbered. Nothing is
// redrawn: no alternate screen, no box, no spinner, no colour, so the
// scrollback keeps everything said. A password is never echoed.
//
// The rules are the data package's and the screens' own (screens/linear.go
// exports the decisions the screens make): this package only asks and says.
package accessible

import (
	"context"
	"errors"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/log"
	"github.com/muesli/termenv"

	"entkiosk/data"
	datawrap "entkiosk/data/wrap"
	"entkiosk/screens"
)

// Options configure one accessible session.
type Options struct {
	Store *data.Store
	Lang  screens.Lang
	Kiosk bool // a campus kiosk: never ends on keys, wipes when idle
	Demo  bool
	// AllowQuit lets a kiosk be left (an operator's flag).
	AllowQuit bool
	Client    string // "ssh:203.0.113.7" or "kiosk:host/tty1": throttling and audit
	// SharedClient: Client is in a shared network (serve --shared-networks).
	SharedClient bool
	// IdleTimeout before the wipe (kiosk) or the end of the session; 0: 120 s.
	IdleTimeout time.Duration
	In          io.Reader
	Out         io.Writer
	// Terminal: In and Out are a terminal this program owns (a raw local
	// terminal, an SSH session's pty): the line reader echoes, lines end
	// with CRLF. False on a pipe.
	Terminal bool
	// Clear erases the terminal and its scrollback when a kiosk is wiped
	// (the next person must not read the previous one's); nil: nothing.
	Clear func()
	// Start is the first page (an ssh:// link opens its step); zero is home.
	Start screens.NavigateMsg
	// FromScreens: the person came from the screens with F3. Home offers
	// the way back to them, and a kiosk goes back to them when wiped (the
	// next person); Run then returns ErrLeft.
	FromScreens bool
	// Account is who was logged in on the screens (F3): the session goes
	// on from the dashboard.
	Account *data.Account
	// Left, when set, is told the language when the person goes back to
	// the screens (« Revenir à l'affichage habituel »): the same person
	// goes on there, in it. A kiosk's wipe does not call it (the next
	// person gets the kiosk's language).
	Left   func(screens.Lang)
	Logger screens.Logger
}

// ErrLeft is Run's answer when the person went back to the screens (or a
// kiosk that came from them was wiped): the runner starts them again.
var ErrLeft = errors.New("accessible: back to the screens")

// width is the widest line written: every line stays under 80 columns.
const width = 78

// errQuit ends the session at the person's request.
var errQuit = errors.New("accessible: quit")

type session struct {
	ctx   context.Context
	o     Options
	c     *screens.Common
	lines *lineReader
	log   screens.Logger
}

// Run runs one accessible session until it ends: the person leaves (or
// the input ends), a personal session is idle, or ctx is done. Whoever is
// logged in is logged out.
func Run(ctx context.Context, o Options) error {
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = 120 * time.Second
	}
	if o.Lang == "" {
		o.Lang = screens.French
	}
	if o.Logger == nil {
		o.Logger = log.New(io.Discard)
	}
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii) // the styles the screens' helpers use render as plain text
	r.SetHasDarkBackground(true)
	c := &screens.Common{Store: o.Store, Styles: screens.NewStyles(r), Lang: o.Lang, Client: o.Client,
		SharedClient: o.SharedClient, Demo: o.Demo,
		Kiosk: o.Kiosk, IdleTimeout: o.IdleTimeout, Width: width + 2, Height: 24, Log: o.Logger}
	s := &session{ctx: ctx, o: o, c: c, log: o.Logger}
	s.lines = newLineReader(o.In, o.Out, o.Terminal)
	s.lines.idle = o.IdleTimeout
	s.lines.warn = screens.IdleWarning(o.IdleTimeout)
	s.lines.idleAlways = !o.Kiosk
	s.lines.warning = func() string {
		key := "a11y.idle.close"
		if o.Kiosk {
			key = "a11y.idle.wipe"
		}
		secs := int((s.lines.warn + time.Second - 1) / time.Second)
		return strings.Join(wrap(s.plain(s.c.Tf(key, secs)), width), s.lines.newline())
	}
	start := o.Start
	if o.Account != nil {
		c.Account = o.Account
		start = screens.NavigateMsg{Page: screens.PageDashboard}
	}
	err := s.loop(start)
	if !errors.Is(err, ErrLeft) {
		s.logout("end") // back to the screens, the person stays logged in
	}
	return err
}

// loop opens pages until the session ends. Ctrl+C goes home (wiping a
// kiosk), or ends a personal session at home; idle wipes a kiosk and
// ends a personal session.
func (s *session) loop(nav screens.NavigateMsg) error {
	if nav.Page == screens.PageHome || s.o.FromScreens {
		s.welcome()
	}
	for {
		next, err := s.open(nav)
		switch {
		case err == nil:
			nav = next
			continue
		case errors.Is(err, ErrLeft):
			return err
		case errors.Is(err, errQuit), errors.Is(err, io.EOF), s.ctx.Err() != nil:
			return nil
		case errors.Is(err, errInterrupt):
			if nav.Page == screens.PageHome && s.c.Account == nil && (!s.o.Kiosk || s.o.AllowQuit) {
				s.say(s.c.T("a11y.bye"))
				return nil
			}
			s.wipe("home key")
			if s.o.FromScreens && s.o.Kiosk {
				return ErrLeft
			}
		case errors.Is(err, errIdle):
			if !s.o.Kiosk {
				s.say(s.c.T("a11y.idle.closed"))
				return nil
			}
			s.wipe("idle")
			if s.o.FromScreens {
				return ErrLeft
			}
			s.say(s.c.T("a11y.idle.wiped"))
		default:
			s.log.Error("accessible page", "err", err)
			s.wipe("error")
			s.fail(s.c.T("error.internal"))
		}
		nav = screens.NavigateMsg{}
		s.welcome()
	}
}

// open runs one page and says which comes next.
func (s *session) open(nav screens.NavigateMsg) (screens.NavigateMsg, error) {
	if nav.Page != screens.PageDashboard && nav.Page != screens.PageHelpdesk && nav.Page != screens.PageHelp &&
		nav.Page != screens.PageMailbox && s.c.Account != nil {
		s.logout("logout") // home, and every flow of someone not logged in, ends the session
	}
	switch nav.Page {
	case screens.PageActivation:
		return s.activation(nav)
	case screens.PageRecovery:
		return s.recovery(nav)
	case screens.PageLookup:
		return s.lookup(nav)
	case screens.PageHelp:
		return s.help(nav)
	case screens.PageMailbox:
		return s.mailbox(nav)
	case screens.PageDashboard:
		if s.c.Account == nil {
			return home(), nil
		}
		return s.dashboard(nav)
	case screens.PageHelpdesk:
		if s.c.Account == nil {
			return home(), nil
		}
		return s.console(nav)
	}
	return s.home(nav)
}

func home() screens.NavigateMsg { return screens.NavigateMsg{} }

// wipe forgets the previous person: logged out, and on a kiosk the
// language back to the session's, the terminal and its scrollback erased
// (a personal session's next question is for the same person).
func (s *session) wipe(why string) {
	s.logout(why)
	s.lines.dirty = false
	if !s.o.Kiosk {
		return
	}
	s.c.Lang = s.o.Lang
	if s.o.Clear != nil {
		s.o.Clear()
	}
}

func (s *session) logout(why string) {
	acct := s.c.Account
	if acct == nil {
		return
	}
	s.c.Account = nil
	if err := s.o.Store.Logout(context.Background(), acct, s.c.Origin(), why); err != nil {
		s.log.Error("logout", "err", err)
	}
}

func (s *session) welcome() {
	s.blank()
	s.say(s.c.T("a11y.welcome"))
	if s.o.Demo {
		s.say(s.c.T("a11y.demo"))
	}
}

// --- saying

// plain makes a text fit for a screen reader and a braille display: no
// control sequence (data.Clean), masked characters said as one ellipsis
// rather than a row of bullets, and the screens' check marks left out.
func (s *session) plain(text string) string {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		l = data.Clean(l)
		l = collapseMask(l)
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// collapseMask says a run of • as one …: "c…@g….com".
func collapseMask(s string) string {
	if !strings.ContainsRune(s, '•') {
		return s
	}
	var b strings.Builder
	prev := false
	for _, r := range s {
		if r == '•' {
			if !prev {
				b.WriteRune('…')
			}
			prev = true
			continue
		}
		prev = false
		b.WriteRune(r)
	}
	return b.String()
}

// say writes a text as lines of at most width columns, wrapped at spaces.
func (s *session) say(text string) {
	var out strings.Builder
	for _, para := range strings.Split(s.plain(text), "\n") {
		for _, l := range wrap(para, width) {
			out.WriteString(l)
			out.WriteString(s.lines.newline())
		}
	}
	s.lines.write(out.String())
}

func (s *session) sayf(key string, args ...any) { s.say(s.c.Tf(key, args...)) }

func (s *session) blank() { s.lines.write(s.lines.newline()) }

// title starts a step: an empty line, then what the step is.
func (s *session) title(text string) {
	s.blank()
	s.say(text)
}

// fail says a refusal: « Erreur : … ».
func (s *session) fail(text string) { s.say(s.c.Tf("a11y.error", text)) }

// failErr says a store error in the session's language.
func (s *session) failErr(what string, err error) {
	if screens.Internal(err) {
		s.log.Error(what, "err", err)
	}
	s.fail(s.c.ErrorText(err))
}

// done says a result: « Réussi : … ».
func (s *session) done(text string) { s.say(s.c.Tf("a11y.success", text)) }

// field says "label : value." (a label of the screens may end with its colon).
func (s *session) field(labelKey, value string) {
	s.say(s.c.Tf("a11y.field", s.label(labelKey), value))
}

// label is a field's label without its colon, which the sentence gives
// back: the French no-break space before it goes too (it was left, and
// « Actuellement  : » showed two spaces on a braille display).
func (s *session) label(key string) string {
	return strings.TrimRight(s.c.T(key), " :"+datawrap.NBSP)
}

// question is a field's label with its hint, as a question.
func (s *session) question(labelKey, hintKey string) string {
	label := s.label(labelKey)
	if hintKey == "" {
		return s.c.Tf("a11y.ask.plain", label)
	}
	return s.c.Tf("a11y.ask", label, s.c.T(hintKey))
}

// --- asking

// ask says the question, then reads the answer on the next line.
func (s *session) ask(question string) (string, error) {
	s.say(question)
	return s.lines.readLine(s.ctx, false)
}

// askSecret is ask for a password or a code: nothing typed is shown.
func (s *session) askSecret(question string) (string, error) {
	s.say(question + " " + s.c.T("a11y.secret"))
	return s.lines.readLine(s.ctx, true)
}

// choose says the question and the numbered choices, one a line, and
// reads a number until it is one of them. It returns the choice's index.
func (s *session) choose(question string, choices ...string) (int, error) {
	s.say(question)
	for {
		for i, ch := range choices {
			s.say(itoa(i+1) + " " + ch)
		}
		answer, err := s.lines.readLine(s.ctx, false)
		if err != nil {
			return 0, err
		}
		if n, ok := atoi(strings.TrimSpace(answer)); ok && n >= 1 && n <= len(choices) {
			return n - 1, nil
		}
		s.fail(s.c.Tf("a11y.choice.invalid", len(choices)))
	}
}

// yesNo asks a question answered « 1 Oui, 2 Non ».
func (s *session) yesNo(question string) (bool, error) {
	i, err := s.choose(question, s.c.T("a11y.yes"), s.c.T("a11y.no"))
	return i == 0, err
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func atoi(s string) (int, bool) {
	if s == "" || len(s) > 4 {
		return 0, false
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, true
}
