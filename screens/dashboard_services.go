package screens

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// servicesView lists the services, one line each: name, what it is, address.
// The services are the institution file's ([[services]]).
func (c *Common) servicesView(width int) string {
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
