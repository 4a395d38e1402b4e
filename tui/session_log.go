package tui

import (
	"github.com/charmbracelet/log"

	"entkiosk/screens"
)

// SessionLogger is base with fields (key, value, ...) on every line: the
// same lines as base.With(fields...), without its copy of the logger.
// charmbracelet/log's With copies the logger and its styles, 5 KiB for
// each of thousands of sessions that mostly never write a line.
func SessionLogger(base *log.Logger, fields ...any) screens.Logger {
	return sessionLog{base: base, fields: fields[:len(fields):len(fields)]}
}

type sessionLog struct {
	base   *log.Logger
	fields []any // full: append copies
}

func (l sessionLog) Debug(msg any, kv ...any) {
	l.base.Log(log.DebugLevel, msg, append(l.fields, kv...)...)
}
func (l sessionLog) Info(msg any, kv ...any) {
	l.base.Log(log.InfoLevel, msg, append(l.fields, kv...)...)
}
func (l sessionLog) Warn(msg any, kv ...any) {
	l.base.Log(log.WarnLevel, msg, append(l.fields, kv...)...)
}
func (l sessionLog) Error(msg any, kv ...any) {
	l.base.Log(log.ErrorLevel, msg, append(l.fields, kv...)...)
}
