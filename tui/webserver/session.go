package webserver

import (
	"context"
	"io"

	"entkiosk/screens"
)

// Terminal is what a session of the interface needs from a browser.
type Terminal struct {
	In            io.Reader // the keys; its end is the person leaving
	Out           io.Writer // the screen
	Width, Height int       // 0: unknown
	Lang          screens.Lang
	Client        string // "web:203.0.113.7": throttling and audit
	Token         string // a mail's link (?t=): opens its step
}

// EndReason is why a session ended.
type EndReason string

const (
	EndQuit       EndReason = "quit"
	EndIdle       EndReason = "idle"
	EndMaxTime    EndReason = "max_time"
	EndShutdown   EndReason = "shutdown"
	EndError      EndReason = "error"
	EndDisconnect EndReason = "disconnect"
)

// Session is one running session.
type Session interface {
	Resize(width, height int)
	End(EndReason)   // ask it to end (it says so on the screen)
	Wait() EndReason // until it has ended
}

// Sessions starts sessions of the interface: the shell's side of the web
// server.
type Sessions interface {
	Start(ctx context.Context, t Terminal) (Session, error)
}
