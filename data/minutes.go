package data

import "time"

// Every time shown to someone — on a screen, in a mail, on the console,
// by the command line — is a minute (HH:MM), and one rule says which:
//
//   - a deadline (a code valid until, a lock until) shows the last minute
//     it still holds: valid until 06:42:30 or until 06:43:00 is "06:42";
//   - a "possible from" (resend, retry, activation) shows the first minute
//     at which it is possible: possible from 06:37:14 is "06:38", from
//     06:38:00 is "06:38".
//
// So a time shown never promises a minute in which the answer is still no,
// and the same instant is said the same way everywhere.

// DeadlineMinute is the start of the last minute in which something that
// ends at t still holds.
func DeadlineMinute(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.Add(-time.Nanosecond).Truncate(time.Minute)
}

// FromMinute is the first whole minute at or after t.
func FromMinute(t time.Time) time.Time {
	if r := t.Truncate(time.Minute); !r.Equal(t) {
		return r.Add(time.Minute)
	}
	return t
}
