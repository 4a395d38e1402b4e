package tui

import (
	"sync"

	"entkiosk/screens"
)

// The help line depends only on the keys offered (their names, words and
// whether they are on), the width and the styles, and fitting it to the
// width draws it again and again (a key dropped at each try). Each session
// kept its own, but on the first morning every session draws the same
// few lines for the first time together: 500 answered logins spent a
// third of their frames' CPU on them. Sessions now share them.

// sharedHelpKey is what a help line was drawn for: the styles, and the
// session's cache key (the width and the keys on offer) with the F3 key's
// words, which come first on every line.
type sharedHelpKey struct {
	styles *screens.Styles
	key    string
}

// sharedHelpMax bounds the lines kept: widths are free, so the keys are
// not a closed set. Past it the cache starts again empty.
const sharedHelpMax = 2048

var sharedHelp struct {
	mu    sync.Mutex
	lines map[sharedHelpKey]string
}

// sharedHelpLine is the help line for k, drawn by draw the first time.
func sharedHelpLine(k sharedHelpKey, draw func() string) string {
	sharedHelp.mu.Lock()
	line, ok := sharedHelp.lines[k]
	sharedHelp.mu.Unlock()
	if ok {
		return line
	}
	line = draw() // outside the lock: sessions draw their own lines meanwhile
	sharedHelp.mu.Lock()
	defer sharedHelp.mu.Unlock()
	if sharedHelp.lines == nil || len(sharedHelp.lines) >= sharedHelpMax {
		sharedHelp.lines = make(map[sharedHelpKey]string)
	}
	sharedHelp.lines[k] = line
	return line
}
