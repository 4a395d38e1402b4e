package tui

import (
	"testing"

	"entkiosk/screens"
)

// Sessions share help lines and banners, and each still gets the line drawn for its
// own language, width and keys.
func TestHelpLineSharedBySessions(t *testing.T) {
	t.Parallel()
	fr1, fr2 := newTestModel(t), newTestModel(t)
	en := newTestModel(t, func(o *Options) { o.Lang = screens.English })
	for _, w := range []int{80, 60, 44} {
		for name, tm := range map[string]*testModel{"fr1": fr1, "fr2": fr2, "en": en} {
			tm.cache = frameCache{} // each asks as a session drawing its first frame
			if got, want := tm.cachedHelpLine(w), tm.paddedHelpLine(w); got != want {
				t.Errorf("%s at %d: shared line %q, drawn %q", name, w, got, want)
			}
			was := tm.c.Width
			tm.c.Width = w
			if got, want := tm.cachedTop(), tm.drawTop(); got != want {
				t.Errorf("%s at %d: shared banner %q, drawn %q", name, w, got, want)
			}
			tm.c.Width = was
		}
		if fr1.cachedHelpLine(w) == en.cachedHelpLine(w) || fr1.cachedTop() == en.cachedTop() {
			t.Errorf("at %d: French and English share %q or %q", w, en.cachedHelpLine(w), en.cachedTop())
		}
	}
	// The same keys on another screen: home's line is not the dashboard's.
	fr2.login()
	fr2.cache = frameCache{}
	if got, want := fr2.cachedHelpLine(80), fr2.paddedHelpLine(80); got != want || got == fr1.cachedHelpLine(80) {
		t.Errorf("dashboard: shared line %q, drawn %q, home's %q", got, want, fr1.cachedHelpLine(80))
	}
}

// A line is drawn once for all the sessions that ask for it.
func TestSharedHelpLineDrawnOnce(t *testing.T) {
	t.Parallel()
	k := sharedHelpKey{key: "TestSharedHelpLineDrawnOnce"}
	draws := 0
	for range 3 {
		if got := sharedLine(k, func() string { draws++; return "line" }); got != "line" {
			t.Fatalf("got %q", got)
		}
	}
	if draws != 1 {
		t.Fatalf("drawn %d times, want 1", draws)
	}
}
