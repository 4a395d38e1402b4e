package tui

// Temporary: the SSH server is being written (this file goes away with it).

import (
	"context"
	"errors"
	"time"

	"github.com/charmbracelet/log"

	"entkiosk/data"
)

type ServeOptions struct {
	Store                              *data.Store
	Listen, HostKeyPath                string
	Demo                               bool
	MaxSessions, MaxSessionsPerAddress int
	IdleTimeout, MaxSessionTime        time.Duration
	Logger                             *log.Logger
}

func Serve(ctx context.Context, o ServeOptions) error { return errors.New("not written yet") }
