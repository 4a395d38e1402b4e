package data

import (
	"testing"
	"time"
)

// Every demo person's dates tell one story, in order: IA validated, the
// activation mail due, the code used and the account activated (password
// and charter then), the last login, now; and nothing in their history is
// dated before their validation or after now. The try-out found Hugo
// "activé le 25/09/2026" with his IA "validée le 26/09/2026".
func TestDemoDatesInOrder(t *testing.T) {
	t.Parallel()
	for _, at := range []time.Time{
		time.Date(2026, 11, 25, 10, 0, 0, 0, ParisLocation()),
		time.Date(2026, 11, 25, 22, 35, 0, 0, ParisLocation()), // the try-out's evening
		time.Date(2027, 3, 31, 1, 30, 0, 0, ParisLocation()),   // just after a DST change, month end
	} {
		t.Run(at.Format("2006-01-02T15:04"), func(t *testing.T) {
			s, clock := openTest(t)
			clock.Set(at)
			if _, err := s.LoadDemo(ctx); err != nil {
				t.Fatal(err)
			}
			now := clock.Now()
			var ids []int64
			rows, err := s.db.QueryContext(ctx, `SELECT person_id FROM accounts ORDER BY person_id`)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var id int64
				rows.Scan(&id)
				ids = append(ids, id)
			}
			rows.Close()
			if len(ids) != len(DemoPeople) {
				t.Fatalf("%d accounts for %d demo people", len(ids), len(DemoPeople))
			}
			// The log, newest first in its order of writing, is in time order.
			log, err := s.AuditLog(ctx, AuditFilter{Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			for i := 1; i < len(log); i++ {
				if log[i].At.After(log[i-1].At) {
					t.Errorf("audit %s %s at %v written after %s %s at %v", log[i].Event, log[i].Identifiant, log[i].At,
						log[i-1].Event, log[i-1].Identifiant, log[i-1].At)
				}
			}
			for _, id := range ids {
				c, err := s.readCard(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				checkDemoDates(t, c, now)
			}
		})
	}
}

func checkDemoDates(t *testing.T, c *PersonCard, now time.Time) {
	t.Helper()
	who := c.Identifiant
	loc := ParisLocation()
	before := func(what1 string, t1 time.Time, what2 string, t2 time.Time) {
		t.Helper()
		if !t1.Before(t2) {
			t.Errorf("%s: %s %s is not before %s %s", who, what1, t1.In(loc).Format("02/01/2006 15:04"),
				what2, t2.In(loc).Format("02/01/2006 15:04"))
		}
	}
	notAfter := func(what1 string, t1 time.Time, what2 string, t2 time.Time) {
		t.Helper()
		if t1.After(t2) {
			t.Errorf("%s: %s %s is after %s %s", who, what1, t1.In(loc).Format("02/01/2006 15:04:05"),
				what2, t2.In(loc).Format("02/01/2006 15:04:05"))
		}
	}
	v := c.ValidatedAt
	before("validated", v, "now", now)
	for _, r := range c.Registrations {
		if !r.ValidatedAt.IsZero() {
			notAfter("account validated", v, "IA "+r.CodeEtape+" validated", r.ValidatedAt)
			notAfter("IA "+r.CodeEtape+" validated", r.ValidatedAt, "now", now)
		}
	}
	due := v.Add(ActivationDelay)
	for _, code := range c.Codes {
		notAfter("validated", v, "code created", code.CreatedAt)
		notAfter("code created", code.CreatedAt, "now", now)
		if code.Mail.Exists {
			before("validated", v, "mail due", code.Mail.NotBefore)
		}
		if code.State == CodeUsed {
			notAfter("code created", code.CreatedAt, "code used", code.EndedAt)
			before("mail due", due, "code used", code.EndedAt)
			before("code used", code.EndedAt, "code expiry", code.ExpiresAt)
			if !code.EndedAt.Equal(c.ActivatedAt) {
				t.Errorf("%s: code used %v, activated %v", who, code.EndedAt, c.ActivatedAt)
			}
		}
	}
	for _, e := range c.Timeline {
		notAfter("validated", v, "history "+e.What, e.At)
		notAfter("history "+e.What, e.At, "now", now)
	}
	if c.Status != StatusActive {
		if !c.ActivatedAt.IsZero() || !c.LastLoginAt.IsZero() || !c.PasswordAt.IsZero() {
			t.Errorf("%s pending, activated %v, password %v, last login %v", who, c.ActivatedAt, c.PasswordAt, c.LastLoginAt)
		}
		return
	}
	before("mail due", due, "activated", c.ActivatedAt)
	if !c.PasswordAt.Equal(c.ActivatedAt) {
		t.Errorf("%s: password chosen %v, activated %v", who, c.PasswordAt, c.ActivatedAt)
	}
	before("activated", c.ActivatedAt, "last login", c.LastLoginAt)
	before("last login", c.LastLoginAt, "now", now)
	before("last login", c.LastLoginAt, "rights end", c.RightsEnd.AddDate(0, 0, 1))
	// The history says it, in the same order.
	var activated, login bool
	for _, e := range c.Timeline {
		switch Event(e.What) {
		case EventActivate:
			activated = e.At.Equal(c.ActivatedAt)
		case EventLogin:
			login = e.At.Equal(c.LastLoginAt)
		}
	}
	if !activated || !login {
		t.Errorf("%s: history without the activation (%v) or the last login (%v)", who, activated, login)
	}
}
