package screens

import "entkiosk/data/text"

// Lang is a language of the interface (data/text's).
type Lang = text.Lang

const (
	French  = text.French
	English = text.English
)

// ParseLang reads --lang; anything but "en" is French.
func ParseLang(s string) Lang { return text.ParseLang(s) }

// T is the text for key in the session's language (data/text).
func (c *Common) T(k string) string { return text.T(c.Lang, k) }

// Nf formats a count: key.one or key.other by n, n the first argument
// (text.N holds the plural rule).
func (c *Common) Nf(k string, n int, args ...any) string { return text.N(c.Lang, k, n, args...) }
