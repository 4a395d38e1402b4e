package screens

import (
	"testing"
	"time"
)

// A place in the login queue, said as a person reads it: how many before,
// about how long (whole seconds, never 0), in the session's language.
func TestQueueText(t *testing.T) {
	t.Parallel()
	c := testCommon()
	for _, tc := range []struct {
		lang  Lang
		ahead int
		wait  time.Duration
		want  string
	}{
		{French, 37, 19200 * time.Millisecond, "37 personnes avant vous, environ 20 s…"},
		{French, 1, 400 * time.Millisecond, "1 personne avant vous, environ 1 s…"},
		{French, 0, 0, "C'est bientôt votre tour, environ 1 s…"},
		{English, 37, 20 * time.Second, "37 people ahead of you, about 20 s…"},
		{English, 1, 2 * time.Second, "1 person ahead of you, about 2 s…"},
		{English, 0, 300 * time.Millisecond, "Your turn is next, about 1 s…"},
	} {
		c.Lang = tc.lang
		if got := c.QueueText(tc.ahead, tc.wait); got != tc.want {
			t.Errorf("%s, %d ahead, %v: %q, want %q", tc.lang, tc.ahead, tc.wait, got, tc.want)
		}
	}
}
