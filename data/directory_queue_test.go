package data

import (
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"entkiosk/data/directory"
	"entkiosk/data/directory/slapdtest"
)

// queueAll queues a mail de secours and an end of rights for every demo
// account, as changes do.
func queueAll(t testing.TB, s *Store) int {
	t.Helper()
	rows, err := s.db.Query(`SELECT person_id FROM accounts`)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	n := 0
	for _, id := range ids {
		a, err := s.Account(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		err = s.tx(ctx, func(tx *sql.Tx) error {
			if err := s.enqueueDirectory(ctx, tx, a, directory.Change{Kind: directory.ChangeMailPerso, Address: a.RecoveryEmail}); err != nil {
				return err
			}
			return s.enqueueDirectory(ctx, tx, a, directory.Change{Kind: directory.ChangeAccountEnd, End: time.Date(2027, 12, 31, 0, 0, 0, 0, time.UTC)})
		})
		if err != nil {
			t.Fatal(err)
		}
		n += 2
	}
	return n
}

// Two workers (two handles on the store, as two processes) take each
// change once: every change done, each in one attempt.
func TestDirectoryQueueTwoWorkersApplyEachChangeOnce(t *testing.T) {
	s, clock, _, d := dirStore(t)
	n := queueAll(t, s)
	other, err := Open(s.Path(), Config{Clock: clock, Hasher: testHasher, Directory: d})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	var wg sync.WaitGroup
	reports := make([]DirectoryReport, 2)
	for i, w := range []*Store{s, other} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			reports[i], _ = w.ApplyDirectoryQueue(ctx, nil)
		}()
	}
	wg.Wait()
	// Jean-Luc is not in the directory: his two changes wait, the rest is done.
	done, _ := s.DirectoryQueue(ctx, DirectoryFilter{Status: DirDone})
	if got := reports[0].Done + reports[1].Done; got != len(done) || len(done) != n-2 {
		t.Fatalf("%d + %d done, %d rows done of %d", reports[0].Done, reports[1].Done, len(done), n)
	}
	for _, c := range done {
		if c.Attempts != 1 {
			t.Errorf("change %d applied in %d attempts", c.ID, c.Attempts)
		}
	}
	waiting, _ := s.DirectoryQueue(ctx, DirectoryFilter{Status: DirPending})
	for _, c := range waiting {
		if !strings.HasPrefix(c.Identifiant, "jean-luc.dalembert@") || !strings.Contains(c.LastError, "not in directory") {
			t.Errorf("waiting: %+v", c)
		}
	}
}

// A worker that dies with a change in hand leaves it to the next one when
// its lease ends; its late record is refused.
func TestDirectoryQueueLeaseTakenOver(t *testing.T) {
	t.Parallel()
	s, clock, srv, _ := dirStore(t)
	hugo := account(t, s, "hugo.lefevre")
	if _, err := s.SetRedirection(ctx, hugo, "Kiosque-Demo-2026", "hugo.lefevre@example.org", true, testOrigin); err != nil {
		t.Fatal(err)
	}
	c, lease, ok, err := s.claimDirectoryChange(ctx)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if rep, _ := s.ApplyDirectoryQueue(ctx, nil); rep.Done != 0 {
		t.Fatal("a change in another worker's hands was applied")
	}
	clock.Advance(dirLease)
	if rep, err := s.ApplyDirectoryQueue(ctx, nil); err != nil || rep.Done != 1 {
		t.Fatalf("after the lease: %+v %v", rep, err)
	}
	if _, err := s.recordDirectoryChange(ctx, c, lease, nil); err == nil || !strings.Contains(err.Error(), "claim lost") {
		t.Fatalf("the dead worker's late record: %v", err)
	}
	if got := srv.Attr(slapdtest.DN("hlefevre"), "mailForwardingAddress"); !slices.Equal(got, []string{"hugo.lefevre@example.org", "hugo.lefevre@etu.umontpellier.fr"}) {
		t.Fatalf("mailForwardingAddress = %v", got)
	}
}

// A change the directory refuses for good (no right on the attribute)
// fails at once, with the directory's reason; one it never takes fails
// after DirGiveUpAfter.
func TestDirectoryQueueFailures(t *testing.T) {
	srv := slapdtest.Start(t)
	d, err := directory.Open(directory.Config{URL: srv.URL(), BindDN: slapdtest.ServiceDN,
		PasswordFile: srv.ServicePasswordFile(), BaseDN: slapdtest.PeopleBase, CAFile: srv.CAFile,
		Attributes: directory.Attributes{MailPerso: "description"}})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	clock := NewManualClock(clockStart)
	s, err := Open(filepath.Join(t.TempDir(), "entkiosk.db"), Config{Clock: clock, Hasher: testHasher, Directory: d})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	queueAll(t, s)
	rep, err := s.ApplyDirectoryQueue(ctx, nil)
	if err != nil || rep.Failed != 7 || rep.Done != 7 || rep.Retry != 2 {
		t.Fatalf("refused for good: %+v %v", rep, err)
	}
	failed, _ := s.DirectoryQueue(ctx, DirectoryFilter{Status: DirFailed})
	if len(failed) != 7 || failed[0].Change.Kind != directory.ChangeMailPerso || !strings.Contains(failed[0].LastError, "refused") {
		t.Fatalf("failed: %+v", failed)
	}
	// Jean-Luc's changes wait for the provisioning, five days at most.
	for clock.Now().Before(clockStart.Add(DirGiveUpAfter)) {
		clock.Advance(time.Hour)
		if _, err := s.ApplyDirectoryQueue(ctx, nil); err != nil {
			t.Fatal(err)
		}
	}
	if pending, _ := s.DirectoryQueue(ctx, DirectoryFilter{Status: DirPending}); len(pending) != 0 {
		t.Fatalf("still pending after %s: %+v", DirGiveUpAfter, pending)
	}
	if failed, _ := s.DirectoryQueue(ctx, DirectoryFilter{Status: DirFailed}); len(failed) != 9 {
		t.Fatalf("%d failed", len(failed))
	}
}
