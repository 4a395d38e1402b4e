package data

import (
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// The card's history and the audit log list the events of one
// instant (or one second) in the order they happened.

// timelineWhats is the card's history, newest first, one word an event:
// "CODE_ERROR 4/5", "CODE_REVOKED reset"...
func timelineWhats(c *PersonCard, keep func(TimelineEvent) bool) []string {
	var out []string
	for _, e := range c.Timeline {
		if !keep(e) {
			continue
		}
		w := e.What
		switch {
		case e.Code != nil:
			w += " " + string(e.Code.Purpose)
		case e.What == string(EventCodeError):
			w += " " + e.Detail[strings.LastIndex(e.Detail, " ")+1:]
		}
		out = append(out, w)
	}
	return out
}

// fiveWrongCodes sends Hugo a reset code and types five wrong ones.
func fiveWrongCodes(t *testing.T, f *helpdeskFixture) {
	t.Helper()
	ch, err := f.s.StartReset(ctx, "hugo.lefevre", testOrigin)
	if err != nil {
		t.Fatal(err)
	}
	for range CodeMaxFailures {
		if _, err := f.s.VerifyCode(ctx, ch, "00000000", testOrigin); err == nil {
			t.Fatal("a wrong code was taken")
		}
	}
}

var codeEvents = func(e TimelineEvent) bool {
	return e.Code != nil && e.Code.Purpose == PurposeReset || e.What == string(EventCodeError)
}

var revokedAfterFive = []string{"CODE_REVOKED reset", "CODE_ERROR 5/5", "CODE_ERROR 4/5", "CODE_ERROR 3/5",
	"CODE_ERROR 2/5", "CODE_ERROR 1/5", "CODE_CREATED reset"}

// The clock stands still (one instant for everything): the code is
// created first, then the five errors, then it is revoked.
func TestTimelineSameInstantInOrder(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	fiveWrongCodes(t, f)
	got := timelineWhats(f.card(t, f.student.Person.ID), codeEvents)
	if strings.Join(got, "\n") != strings.Join(revokedAfterFive, "\n") {
		t.Fatalf("history of one instant:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(revokedAfterFive, "\n"))
	}
}

// tickingClock moves a microsecond at every reading, like the real one
// within a second.
type tickingClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *tickingClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Microsecond)
	return c.t
}

// The clock moves within the second: the fifth error is written at the
// instant the code is revoked, not after it.
func TestTimelineSameSecondInOrder(t *testing.T) {
	t.Parallel()
	f := newHelpdeskFixture(t)
	f.s.cfg.Clock = &tickingClock{t: f.clock.Now()}
	fiveWrongCodes(t, f)
	got := timelineWhats(f.card(t, f.student.Person.ID), codeEvents)
	if strings.Join(got, "\n") != strings.Join(revokedAfterFive, "\n") {
		t.Fatalf("history of one second:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(revokedAfterFive, "\n"))
	}
}

// The audit log is newest first by time, then by the order written, even
// when lines are not written in the order of their time (the demo writes
// past lines); its pages follow that order.
func TestAuditLogByTimeThenID(t *testing.T) {
	t.Parallel()
	s, clock := openTest(t)
	at := clock.Now()
	// written in this order, at these seconds: ids 1..5
	seconds := []int{0, 30, 0, 10, 30}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for i, sec := range seconds {
			if err := s.audit(ctx, tx, AuditEntry{At: at.Add(time.Duration(sec) * time.Second), Event: EventLogin,
				Identifiant: "hugo.lefevre@etu.umontpellier.fr", Detail: fmt.Sprint("line ", i+1)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "line 5, line 2, line 4, line 3, line 1"
	list := func(f AuditFilter) string {
		t.Helper()
		var out []string
		for {
			entries, err := s.AuditLog(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) == 0 {
				return strings.Join(out, ", ")
			}
			for _, e := range entries {
				out = append(out, e.Detail)
			}
			f.BeforeID = entries[len(entries)-1].ID
		}
	}
	for _, f := range []AuditFilter{{Limit: 100}, {Limit: 2}, {Identifiant: "hugo.lefevre", Limit: 2},
		{Events: []Event{EventLogin}, Limit: 1}} {
		if got := list(f); got != want {
			t.Fatalf("%+v: %s, want %s", f, got, want)
		}
	}
}
