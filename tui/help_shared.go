package tui

import (
	"sync"

	"entkiosk/data/institution"
	"entkiosk/screens"
)

// The help line depends only on the keys offered (their names, words and
// whether they are on), the width and the styles, and fitting it to the
// width draws it again and again (a key dropped at each try). Each session
// kept its own, but on the first morning every session draws the same
// few lines for the first time together: 500 answered logins spent a
// third of their frames' CPU on them. Sessions now share them, and the
// banner with its rule (the same for every session of a width, language
// and institution: a seventh of a session's first dashboard frame).

// sharedHelpKey is what a help line was drawn for: the styles, and the
// session's cache key (the width and the keys on offer) with the F3 key's
// words, which come first on every line.
type sharedHelpKey struct {
	styles *screens.Styles
	key    string
}

// sharedTopKey is what the banner and its rule were drawn for: the
// session's key, and the institution whose name the banner shows.
type sharedTopKey struct {
	topKey
	in *institution.Institution
}

// sharedMax bounds the lines kept: widths are free, so the keys are not a
// closed set. Past it the cache starts again empty.
const sharedMax = 2048

var shared struct {
	mu    sync.Mutex
	lines map[any]string
}

// sharedLine is the line kept for k (a comparable key of one of the types
// above), drawn by draw the first time.
func sharedLine(k any, draw func() string) string {
	shared.mu.Lock()
	line, ok := shared.lines[k]
	shared.mu.Unlock()
	if ok {
		return line
	}
	line = draw() // outside the lock: sessions draw their own lines meanwhile
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.lines == nil || len(shared.lines) >= sharedMax {
		shared.lines = make(map[any]string)
	}
	shared.lines[k] = line
	return line
}
