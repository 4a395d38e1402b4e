package screens

import (
	"io"
	"strconv"
	"sync"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// paletteKey is what resolving the palette depends on.
type paletteKey struct {
	profile termenv.Profile
	dark    bool
}

var sharedStyles sync.Map // paletteKey → *Styles

// StylesFor is the styles of a session whose renderer is r: resolved once
// per colour profile and background, and shared by every session with the
// same. Each colour is converted once to the profile (for 256 colours, the
// nearest by HSLuv distance, which lipgloss would otherwise compute at
// every render of every session); what is rendered is byte for byte the
// same. Ask again when r's background changes.
func StylesFor(r *lipgloss.Renderer) *Styles {
	key := paletteKey{r.ColorProfile(), r.HasDarkBackground()}
	if st, ok := sharedStyles.Load(key); ok {
		return st.(*Styles)
	}
	own := lipgloss.NewRenderer(io.Discard, termenv.WithProfile(key.profile))
	own.SetColorProfile(key.profile)
	own.SetHasDarkBackground(key.dark)
	built := buildStyles(own, func(c lipgloss.AdaptiveColor) lipgloss.TerminalColor {
		return resolveColor(c, key)
	})
	built.rendered = new(sync.Map)
	st, _ := sharedStyles.LoadOrStore(key, built)
	return st.(*Styles)
}

// resolveColor is c on the background of key, converted to its profile.
func resolveColor(c lipgloss.AdaptiveColor, key paletteKey) lipgloss.TerminalColor {
	hex := c.Light
	if key.dark {
		hex = c.Dark
	}
	switch v := key.profile.Color(hex).(type) {
	case termenv.ANSI256Color:
		return lipgloss.Color(strconv.Itoa(int(v)))
	case termenv.ANSIColor:
		return lipgloss.Color(strconv.Itoa(int(v)))
	case termenv.RGBColor:
		return lipgloss.Color(string(v))
	}
	return lipgloss.NoColor{}
}
