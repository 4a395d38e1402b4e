package screens

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// service is one of the ENT's services shown on the dashboard: its name and
// what it is come from the catalogue ("service.<id>", "service.<id>.what").
type service struct {
	id      string
	address string
}

// services of the ENT, with the address where each is found.
var services = []service{
	{"mail", "webmail.umontpellier.fr"},
	{"biu", "www.biu-montpellier.fr"},
	{"moodle", "moodle.umontpellier.fr"},
	{"edt", "edt.umontpellier.fr"},
	{"mobile", "ent.umontpellier.fr/mobile"},
	{"wifi", "cat.eduroam.org"},
}

// servicesView lists the services, one line each: name, what it is, address.
func (c *Common) servicesView(width int) string {
	st := c.Styles
	nameWidth, whatWidth := 0, 0
	for _, s := range services {
		nameWidth = max(nameWidth, lipgloss.Width(c.T("service."+s.id)))
		whatWidth = max(whatWidth, lipgloss.Width(c.T("service."+s.id+".what")))
	}
	addrWidth := 0
	for _, s := range services {
		addrWidth = max(addrWidth, len(s.address))
	}
	// What it is gives way first when the terminal is narrow.
	whatWidth = max(min(whatWidth, width-2-nameWidth-2-addrWidth-2), 0)
	var lines []string
	for _, s := range services {
		name := st.Strong.Width(nameWidth + 2).Render(c.T("service." + s.id))
		what := ""
		if whatWidth > 0 {
			what = st.Muted.Width(whatWidth + 2).Render(ansi.Truncate(c.T("service."+s.id+".what"), whatWidth, "…"))
		}
		lines = append(lines, ansi.Truncate("  "+name+what+st.Link.Render(s.address), width, "…"))
	}
	return strings.Join(lines, "\n")
}
