package screens

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"entkiosk/data"
)

// Small pieces the console's pages share: table cells, names of states,
// and the catalogue's named placeholders.

// cell fits s in exactly w columns: cut with "…", or padded with spaces.
func cell(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}

// wrap breaks s into lines of at most w columns (layout.go's wrapOne: at
// spaces, never before a French colon), with plain spaces again.
func wrap(s string, w int) string { return strings.ReplaceAll(wrapOne(s, w), "\u00a0", " ") }

// fit cuts a line to w columns.
func fit(s string, w int) string { return ansi.Truncate(s, w, "…") }

// localPart is the identifiant without its domain (columns are narrow; the
// category says which domain).
func localPart(ident string) string {
	if i := strings.LastIndexByte(ident, '@'); i > 0 {
		return ident[:i]
	}
	return ident
}

// accountState names an account's status for the agent.
func (h *Helpdesk) accountState(identifiant, status string) string {
	switch {
	case identifiant == "":
		return h.c.T("helpdesk.state.none")
	case status == data.StatusActive:
		return h.c.T("helpdesk.state.active")
	}
	return h.c.T("helpdesk.state.pending")
}

// fill formats a catalogue entry of the console: {date}, {time},
// {datetime}, {n} and {text} are replaced by the values given (times in
// the university's local time).
func (h *Helpdesk) fill(k string, at time.Time, n int, text string) string {
	c := h.c
	r := strings.NewReplacer("{date}", c.FormatDate(at), "{time}", c.FormatTime(at), "{datetime}", c.FormatDateTime(at),
		"{n}", strconv.Itoa(n), "{text}", text)
	return r.Replace(c.T(k))
}

// shortDateTime is "25/11 10:00" (tables), with the year when it is not
// this year's.
func (h *Helpdesk) shortDateTime(t time.Time) string {
	l := h.c.Local(t)
	if l.Year() != h.c.Local(h.c.Now()).Year() {
		return l.Format("02/01/06 15:04")
	}
	return l.Format("02/01 15:04")
}

// errorText says a store error; the console's own errors first.
func (h *Helpdesk) errorText(err error) string {
	switch {
	case errors.Is(err, data.ErrNotActive):
		return h.c.T("helpdesk.error.notactive")
	case errors.Is(err, data.ErrIdentityNotChecked):
		return h.c.T("helpdesk.error.identity")
	case errors.Is(err, data.ErrNotFound):
		return h.c.T("helpdesk.error.notfound")
	}
	return h.c.ErrorText(err)
}

func isHelpdeskError(err error) bool {
	return errors.Is(err, data.ErrNotActive) || errors.Is(err, data.ErrIdentityNotChecked) ||
		errors.Is(err, data.ErrNotFound)
}
