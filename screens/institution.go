package screens

import (
	"strings"

	"entkiosk/data/institution"
)

// The institution's facts as the screens say them. A fact its file does not
// give is left out of the sentence, never made up.

func (c *Common) institution() *institution.Institution { return c.Store.Config().Institution }

// University is the institution's name for the banner, in capitals: the
// short name when the full one does not fit in width; "" without a name.
func (c *Common) University(width int) string {
	in := c.institution()
	name := strings.ToUpper(Clean(in.Name.In(string(c.Lang))))
	if len([]rune(name)) > width && in.ShortName != "" {
		return strings.ToUpper(Clean(in.ShortName))
	}
	return name
}

// helpdeskAside is " (mail, phone)" to put after « l'assistance », or "".
func (c *Common) helpdeskAside() string {
	if r := c.institution().Helpdesk.Reach(); r != "" {
		return " (" + Clean(r) + ")"
	}
	return ""
}

// unbroken keeps a phone number on one line (no-break spaces).
func unbroken(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }

// helpdeskContact is every way to reach the helpdesk the file gives
// (mail, phone, place, hours), or the sentence that says none is set.
func (c *Common) helpdeskContact() string {
	h := c.institution().Helpdesk
	h.Phone = unbroken(h.Phone)
	if full := h.Full(string(c.Lang)); full != "" {
		return Clean(full)
	}
	return c.T("help.contact.none")
}

// registrationAside is " (mail, phone)" of the registration office, or "".
func (c *Common) registrationAside() string {
	if r := c.institution().Registration.Reach(); r != "" {
		return " (" + Clean(r) + ")"
	}
	return ""
}

// registrationOffice is who to see about a registration: the office the
// file names (with its contact), or the words every French university uses.
func (c *Common) registrationOffice() string {
	reg := c.institution().Registration
	name := Clean(reg.Name.In(string(c.Lang)))
	if name == "" {
		name = c.T("common.registration.default")
	}
	if r := reg.Reach(); r != "" {
		name += ", " + Clean(r)
	}
	return name
}
