package data

import "time"

// formatStored is t.UTC().Format(timeLayout) written digit by digit: an
// import formats about a dozen times a line (720,000 for 60,000 lines),
// and time's general layout interpreter cost it half a second of CPU.
// Years outside 0-9999 go through Format.
func formatStored(t time.Time) string {
	t = t.UTC()
	year, month, day := t.Date()
	if year < 0 || year > 9999 {
		return t.Format(timeLayout)
	}
	hour, min, sec := t.Clock()
	var b [len(timeLayout)]byte
	put := func(at, width, v int) {
		for i := at + width - 1; i >= at; i-- {
			b[i] = byte('0' + v%10)
			v /= 10
		}
	}
	put(0, 4, year)
	b[4] = '-'
	put(5, 2, int(month))
	b[7] = '-'
	put(8, 2, day)
	b[10] = 'T'
	put(11, 2, hour)
	b[13] = ':'
	put(14, 2, min)
	b[16] = ':'
	put(17, 2, sec)
	b[19] = '.'
	put(20, 9, t.Nanosecond())
	b[29] = 'Z'
	return string(b[:])
}
