package data

import (
	"entkiosk/data/institution"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestLoad500Logins: 500 simultaneous logins, most of them wrong, against
// one store with the real argon2id parameters (DefaultHasher) and the real
// clock. Every answer must be a correct one — success for a right password,
// the wrong-password refusal, a client block, or ErrBusy (the hasher's
// bounded wait) — with no crash; the peak RSS is reported. Not in plain
// `go test`:
//
//	ENTKIOSK_LOAD=1 go test ./data -run TestLoad500Logins -v -timeout 10m
func TestLoad500Logins(t *testing.T) {
	t.Parallel()
	if os.Getenv("ENTKIOSK_LOAD") == "" {
		t.Skip("set ENTKIOSK_LOAD=1 to run the 500-login load")
	}
	const (
		total     = 500
		accounts  = 60
		right     = 50 // right passwords, one per account, each from its own client
		perClient = 15 // wrong ones: 15 per client, so that clients get blocked too
	)
	rssBefore := peakRSS()
	path := filepath.Join(t.TempDir(), "load.db")
	if onPostgres() {
		path = testStorePath(t)
	}
	s, err := Open(path, Config{}) // DefaultHasher, SystemClock
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var csv strings.Builder
	csv.WriteString(importHeader)
	for i := 0; i < accounts; i++ {
		fmt.Fprintf(&csv, "4%07d;Charge%d;Test;01/01/2004;charge%d@example.org;etudiant;%d;SLINF3;L3;Licence;Sciences;FI;valide;paye;%s;\n",
			i, i, i, institution.None().AcademicYear(time.Now()), time.Now().Add(-48*time.Hour).Format(time.RFC3339))
	}
	rep, err := s.Import(ctx, strings.NewReader(csv.String()), Origin{Client: "load"})
	if err != nil || rep.Created != accounts {
		t.Fatalf("import: %v %+v", err, rep)
	}
	const password = "Charge-Serveur-2026"
	hash, err := s.hasher.Hash(ctx, password)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`UPDATE accounts SET status = 'active', password_hash = ?`, hash); err != nil {
		t.Fatal(err)
	}

	type attempt struct {
		ident, password, client string
		right                   bool
	}
	var attempts []attempt
	for i := 0; i < right; i++ {
		attempts = append(attempts, attempt{rep.Accounts[i], password, "ssh:10.1.0." + strconv.Itoa(i), true})
	}
	for i := 0; len(attempts) < total; i++ {
		ident := rep.Accounts[right+i%(accounts-right)]
		if i%3 == 0 {
			ident = fmt.Sprintf("inconnu%d.personne", i)
		}
		attempts = append(attempts, attempt{ident, fmt.Sprintf("Essai-%d-faux", i),
			"ssh:10.2.0." + strconv.Itoa(i/perClient), false})
	}

	results := make([]error, total)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, a := range attempts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, results[i] = s.Login(ctx, a.ident, a.password, Origin{Client: a.client})
		}()
	}
	began := time.Now()
	close(start)
	wg.Wait()
	elapsed := time.Since(began)

	var ok, refused, blocked, busy int
	for i, err := range results {
		a := attempts[i]
		var re *RateLimitError
		switch {
		case err == nil && a.right:
			ok++
		case errors.Is(err, ErrBusy):
			busy++
		case err == ErrInvalidCredentials && !a.right:
			refused++
		case errors.As(err, &re) && re.What == "client" && !a.right:
			blocked++
		default:
			t.Errorf("attempt %d (%s, right=%v): %v", i, a.ident, a.right, err)
		}
	}
	peak := peakRSS()
	t.Logf("%d simultaneous logins in %v (argon2id m=%d KiB t=%d p=%d, %d hash slots, %v wait): "+
		"%d successes, %d wrong-password refusals, %d client blocks, %d busy; peak RSS %.1f MiB (%.1f MiB before the store)",
		total, elapsed.Round(time.Millisecond), OWASPParams.MemoryKiB, OWASPParams.Time, OWASPParams.Threads,
		s.hasher.slots, s.hasher.maxWait, ok, refused, blocked, busy, float64(peak)/(1<<20), float64(rssBefore)/(1<<20))
	if peak > 300<<20 {
		t.Errorf("peak RSS %.1f MiB, over 300 MiB", float64(peak)/(1<<20))
	}
	if ok+refused+blocked+busy != total {
		t.Errorf("%d answers accounted for, want %d", ok+refused+blocked+busy, total)
	}
	var integrity string
	if onPostgres() {
		return // the server keeps its own integrity; SQLite's check is of the file
	}
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
		t.Fatalf("integrity_check: %q %v", integrity, err)
	}
}

// peakRSS is the process's peak resident set (VmHWM), in bytes.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}
