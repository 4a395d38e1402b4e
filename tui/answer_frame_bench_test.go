package tui

import (
	"testing"
)

// BenchmarkAnsweredLoginFrame: the first frame a session draws once its
// login is answered (the dashboard, in colours, 80×24), as on the first
// morning: every session draws it once, after the others drew theirs (what
// sessions share is warm, the session's own frame cache is empty).
func BenchmarkAnsweredLoginFrame(b *testing.B) {
	r := colourRenderer()
	tm := newTestModel(b, func(o *Options) { o.Renderer = r })
	tm.login()
	_ = tm.View()
	b.ReportAllocs()
	for b.Loop() {
		tm.cache = frameCache{}
		_ = tm.View()
	}
}
