package screens

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"entkiosk/data/institution"
)

// servicesView lists the services, one line each: name, what it is, address.
// The services are the institution file's ([[services]]). The list is the
// same for every session with the same styles, language and width, and
// drawing it was a third of the dashboard's first frame: on the first
// morning hundreds of sessions draw that frame together, so it is kept in
// the shared styles (for widths up to keptServicesWidth: widths are free).
func (c *Common) servicesView(width int) string {
	kept := c.Styles.rendered
	if kept == nil || width > keptServicesWidth {
		return c.drawServices(width)
	}
	k := servicesLines{in: c.institution(), lang: c.Lang, width: width}
	if l, ok := kept.Load(k); ok {
		return l.(string)
	}
	l := c.drawServices(width)
	kept.Store(k, l)
	return l
}

// keptServicesWidth bounds the widths whose list is kept.
const keptServicesWidth = 400

// servicesLines is what the services' lines depend on, besides the styles.
type servicesLines struct {
	in    *institution.Institution
	lang  Lang
	width int
}

func (c *Common) drawServices(width int) string {
	st := c.Styles
	services := c.institution().Services
	lang := string(c.Lang)
	nameWidth, whatWidth, addrWidth := 0, 0, 0
	for _, s := range services {
		nameWidth = max(nameWidth, lipgloss.Width(Clean(s.Name.In(lang))))
		whatWidth = max(whatWidth, lipgloss.Width(Clean(s.What.In(lang))))
		addrWidth = max(addrWidth, lipgloss.Width(Clean(s.Address)))
	}
	// What it is gives way first when the terminal is narrow.
	whatWidth = max(min(whatWidth, width-2-nameWidth-2-addrWidth-2), 0)
	var lines []string
	for _, s := range services {
		name := st.Strong.Width(nameWidth + 2).Render(Clean(s.Name.In(lang)))
		what := ""
		if whatWidth > 0 {
			what = st.Muted.Width(whatWidth + 2).Render(ansi.Truncate(Clean(s.What.In(lang)), whatWidth, "…"))
		}
		lines = append(lines, ansi.Truncate("  "+name+what+st.Link.Render(Clean(s.Address)), width, "…"))
	}
	return strings.Join(lines, "\n")
}
