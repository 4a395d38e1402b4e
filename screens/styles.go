package screens

import (
	"sync"

	"github.com/charmbracelet/lipgloss"
)

// Colours adapt to dark and light terminals. The blue is the university's.
var (
	colorBrand   = lipgloss.AdaptiveColor{Light: "#00539F", Dark: "#5EB1F2"}
	colorAccent  = lipgloss.AdaptiveColor{Light: "#B4410F", Dark: "#F28C5E"}
	colorText    = lipgloss.AdaptiveColor{Light: "#1A1A1A", Dark: "#EDEDED"}
	colorMuted   = lipgloss.AdaptiveColor{Light: "#5F5F5F", Dark: "#9A9A9A"}
	colorSubtle  = lipgloss.AdaptiveColor{Light: "#D0D0D0", Dark: "#3A3A3A"}
	colorOK      = lipgloss.AdaptiveColor{Light: "#1B7F3B", Dark: "#5FD38D"}
	colorError   = lipgloss.AdaptiveColor{Light: "#B3261E", Dark: "#FF7A70"}
	colorWarning = lipgloss.AdaptiveColor{Light: "#8A5A00", Dark: "#F2C94C"}
	colorOnBrand = lipgloss.AdaptiveColor{Light: "#FFFFFF", Dark: "#0B1B2B"}
)

// Styles are every style of the interface, built from one renderer: over
// SSH each session has its own, so colours follow the client's terminal.
type Styles struct {
	Renderer *lipgloss.Renderer
	// rendered keeps lines drawn the same for every session with these
	// styles (StylesFor's only: NewStyles' change with their renderer).
	rendered *sync.Map

	Header    lipgloss.Style // the university banner
	HeaderSub lipgloss.Style
	Badge     lipgloss.Style // DÉMO
	LangTag   lipgloss.Style
	Title     lipgloss.Style // a screen's title
	Text      lipgloss.Style
	Muted     lipgloss.Style
	Strong    lipgloss.Style
	Label     lipgloss.Style
	LabelOn   lipgloss.Style // label of the focused field
	Input     lipgloss.Style // the box around an input
	InputOn   lipgloss.Style
	Error     lipgloss.Style
	Success   lipgloss.Style
	Warning   lipgloss.Style
	Notice    lipgloss.Style // an information box
	Alert     lipgloss.Style // an error box
	Button    lipgloss.Style
	ButtonOn  lipgloss.Style
	Link      lipgloss.Style // a menu entry
	LinkOn    lipgloss.Style
	CheckOK   lipgloss.Style
	CheckNo   lipgloss.Style
	Meter     lipgloss.Style
	MeterOff  lipgloss.Style
	Card      lipgloss.Style // a framed panel
	TableHead lipgloss.Style
	Help      lipgloss.Style
	HelpKey   lipgloss.Style
	HelpDesc  lipgloss.Style
	HelpSep   lipgloss.Style
	Countdown lipgloss.Style
	Code      lipgloss.Style // the code line in the demo mailbox
}

// NewStyles builds the styles from r, resolved at each render (tests that
// change a renderer's profile on the fly). Sessions use StylesFor.
func NewStyles(r *lipgloss.Renderer) *Styles { return buildStyles(r, adaptive) }

// adaptive leaves the palette's colours for the renderer to resolve.
func adaptive(c lipgloss.AdaptiveColor) lipgloss.TerminalColor { return c }

func buildStyles(r *lipgloss.Renderer, pick func(lipgloss.AdaptiveColor) lipgloss.TerminalColor) *Styles {
	s := &Styles{Renderer: r}
	n := r.NewStyle
	var (
		colorBrand, colorAccent, colorText     = pick(colorBrand), pick(colorAccent), pick(colorText)
		colorMuted, colorSubtle, colorOK       = pick(colorMuted), pick(colorSubtle), pick(colorOK)
		colorError, colorWarning, colorOnBrand = pick(colorError), pick(colorWarning), pick(colorOnBrand)
	)
	s.Header = n().Bold(true).Foreground(colorOnBrand).Background(colorBrand).Padding(0, 1)
	s.HeaderSub = n().Foreground(colorBrand)
	s.Badge = n().Bold(true).Foreground(colorOnBrand).Background(colorAccent).Padding(0, 1)
	s.LangTag = n().Foreground(colorMuted)
	s.Title = n().Bold(true).Foreground(colorBrand).MarginBottom(1)
	s.Text = n().Foreground(colorText)
	s.Muted = n().Foreground(colorMuted)
	s.Strong = n().Bold(true).Foreground(colorText)
	s.Label = n().Foreground(colorMuted)
	s.LabelOn = n().Bold(true).Foreground(colorBrand)
	// Inputs are one line with a bar on the left: two lines a field keeps
	// the busiest screens within 80×24.
	s.Input = n().Border(lipgloss.ThickBorder(), false, false, false, true).BorderForeground(colorSubtle).PaddingLeft(1)
	s.InputOn = s.Input.BorderForeground(colorBrand)
	s.Error = n().Foreground(colorError)
	s.Success = n().Foreground(colorOK)
	s.Warning = n().Foreground(colorWarning)
	s.Notice = n().Border(lipgloss.RoundedBorder()).BorderForeground(colorBrand).Padding(0, 1)
	s.Alert = n().Border(lipgloss.RoundedBorder()).BorderForeground(colorError).Foreground(colorError).Padding(0, 1)
	s.Button = n().Foreground(colorText)
	s.ButtonOn = n().Bold(true).Foreground(colorOnBrand).Background(colorBrand)
	s.Link = n().Foreground(colorText)
	s.LinkOn = n().Bold(true).Foreground(colorBrand)
	s.CheckOK = n().Foreground(colorOK)
	s.CheckNo = n().Foreground(colorError)
	s.Meter = n().Foreground(colorOK)
	s.MeterOff = n().Foreground(colorSubtle)
	s.Card = n().Border(lipgloss.RoundedBorder()).BorderForeground(colorSubtle).Padding(0, 1)
	s.TableHead = n().Bold(true).Foreground(colorBrand)
	s.Help = n().Foreground(colorMuted)
	s.HelpKey = n().Bold(true).Foreground(colorText)
	s.HelpDesc = n().Foreground(colorMuted)
	s.HelpSep = n().Foreground(colorSubtle)
	s.Countdown = n().Bold(true).Foreground(colorWarning)
	s.Code = n().Bold(true).Foreground(colorAccent)
	return s
}
