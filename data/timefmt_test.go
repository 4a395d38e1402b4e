package data

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestFormatStoredIsFormat: the stored form is exactly what time's Format
// wrote for timeLayout, in every zone, at the edges of the years it writes
// itself and beyond them.
func TestFormatStoredIsFormat(t *testing.T) {
	paris := ParisLocation()
	times := []time.Time{
		{},
		time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 6, 15, 12, 0, 0, 0, time.UTC),
		time.Date(2026, 10, 25, 2, 30, 0, 1, paris),
		time.Date(2026, 3, 29, 3, 0, 0, 0, paris),
		time.Date(2026, 12, 31, 23, 59, 59, 0, time.FixedZone("x", -13*3600)),
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		times = append(times, time.Unix(r.Int64N(1<<37)-(1<<36), r.Int64N(1e9)).In(paris))
	}
	for _, tm := range times {
		if got, want := formatStored(tm), tm.UTC().Format(timeLayout); got != want {
			t.Fatalf("%v: %q, Format gives %q", tm, got, want)
		}
	}
}

func BenchmarkFormatStored(b *testing.B) {
	tm := time.Date(2026, 9, 1, 8, 15, 0, 123456789, ParisLocation())
	for b.Loop() {
		formatStored(tm)
	}
}

func BenchmarkFormatLayout(b *testing.B) {
	tm := time.Date(2026, 9, 1, 8, 15, 0, 123456789, ParisLocation())
	for b.Loop() {
		_ = tm.UTC().Format(timeLayout)
	}
}
