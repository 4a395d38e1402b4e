package data

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"entkiosk/data/directory"
	"entkiosk/data/directory/slapdtest"
)

// BenchmarkDirectoryLogin compares, in the same run, 200 logins checked by
// a bind as the person against 200 checked against the local argon2id hash
// (the production cost, DefaultHasher), both through Store.Login; then 200
// wrong passwords of a known person and 200 unknown identifiants with the
// directory (which must cost the same); then the directory queue's delay, from the commit of a change to
// the directory's acceptance, with the worker running:
//
//	go test ./data -run '^$' -bench DirectoryLogin -benchtime 1x
func BenchmarkDirectoryLogin(b *testing.B) {
	srv := slapdtest.Start(b)
	d, err := directory.Open(directory.Config{URL: srv.URL(), BindDN: slapdtest.ServiceDN,
		PasswordFile: srv.ServicePasswordFile(), BaseDN: slapdtest.PeopleBase, CAFile: srv.CAFile})
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	open := func(dir Directory) *Store {
		cfg := Config{Hasher: DefaultHasher()}
		if dir != nil {
			cfg.Directory = dir
		}
		s, err := Open(filepath.Join(b.TempDir(), "entkiosk.db"), cfg)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		if _, err := s.LoadDemo(ctx); err != nil {
			b.Fatal(err)
		}
		return s
	}
	withDir, local := open(d), open(nil)
	const n = 200
	client := 0
	logins := func(s *Store, ident, password string, wantErr bool) []time.Duration {
		out := make([]time.Duration, 0, n/4)
		for i := range n / 4 {
			// A client of its own each time: the per-client limit would
			// answer early, without a bind.
			client++
			start := time.Now()
			_, err := s.Login(ctx, ident, password, Origin{Client: fmt.Sprintf("bench-%d", client)})
			out = append(out, time.Since(start))
			if (err != nil) != wantErr {
				b.Fatalf("login %d of %s: %v", i, ident, err)
			}
		}
		return out
	}
	report := func(name string, ds []time.Duration) {
		slices.Sort(ds)
		med, p99 := ds[len(ds)/2], ds[len(ds)*99/100]
		b.ReportMetric(float64(med.Microseconds())/1000, name+"-median-ms")
		b.ReportMetric(float64(p99.Microseconds())/1000, name+"-p99-ms")
		b.Logf("%-22s median %7.2f ms   p99 %7.2f ms   (%d)", name, float64(med.Microseconds())/1000,
			float64(p99.Microseconds())/1000, len(ds))
	}
	for range b.N {
		// Alternate, so that the machine's load falls on both alike.
		var bind, hash, wrong, unknown []time.Duration
		for range 4 {
			bind = append(bind, logins(withDir, "hugo.lefevre", "Kiosque-Demo-2026", false)...)
			hash = append(hash, logins(local, "hugo.lefevre", "Kiosque-Demo-2026", false)...)
			wrong = append(wrong, logins(withDir, "paul.bernard", "Mauvais-Essai-2026", true)...)
			unknown = append(unknown, logins(withDir, "personne.inconnue", "Mauvais-Essai-2026", true)...)
		}
		report("bind", bind)
		report("argon2id", hash)
		// A refusal's cost, known or not (the store's own lock soon holds
		// both: the directory is then not asked, the same wait instead).
		report("wrong-with-directory", wrong)
		report("unknown-with-directory", unknown)

		// The queue: a redirection to the mail de secours applies at once
		// (no code); the worker is woken by the commit.
		wctx, stop := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { withDir.RunDirectoryQueue(wctx, time.Minute, nil); close(done) }()
		hugo := account(b, withDir, "hugo.lefevre")
		var delays []time.Duration
		for i := range 20 {
			keep := i%2 == 0
			if _, err := withDir.SetRedirection(ctx, hugo, "Kiosque-Demo-2026", "hugo.lefevre@example.org", keep, Origin{Client: "bench"}); err != nil {
				b.Fatal(err)
			}
			for {
				rows, err := withDir.DirectoryQueue(ctx, DirectoryFilter{PersonID: hugo.Person.ID, Limit: 1})
				if err != nil {
					b.Fatal(err)
				}
				if rows[0].Status == DirDone {
					// From the change's transaction to the directory's acceptance.
					delays = append(delays, rows[0].DoneAt.Sub(rows[0].CreatedAt))
					break
				}
				time.Sleep(100 * time.Microsecond)
			}
		}
		stop()
		<-done
		report("queue-delay", delays)
	}
}
