package data

import (
	"bufio"
	"entkiosk/data/institution"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestKillLoop kills writers with SIGKILL at random moments, again and
// again, and checks after each kill that the file is sound and that every
// commit a writer reported before it died is there, whole. Each round runs
// two writer processes on one store (the test binary re-executed as
// TestKillWriterChild), kills both 0–250 ms after their start (some while
// they open the store, most while they write), then reopens the store,
// runs PRAGMA integrity_check, and looks for every reported commit. Not in
// plain `go test`; one command:
//
//	ENTKIOSK_KILL_LOOP=200 go test ./data -run TestKillLoop -v -timeout 30m
func TestKillLoop(t *testing.T) {
	rounds, _ := strconv.Atoi(os.Getenv("ENTKIOSK_KILL_LOOP"))
	if rounds <= 0 {
		t.Skip("set ENTKIOSK_KILL_LOOP=200 to run the kill -9 loop")
	}
	path := filepath.Join(t.TempDir(), "kill.db")
	if onPostgres() { // the same loop against PostgreSQL: the writers are its clients
		path = testStorePath(t)
	}
	s, err := Open(path, Config{Hasher: testHasher})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 6))
	kills, reported, early := 0, 0, 0
	began := time.Now()
	for round := 0; round < rounds; round++ {
		var wg sync.WaitGroup
		var mu sync.Mutex
		var committed []string
		var procs []*exec.Cmd
		for w := 0; w < 2; w++ {
			base := 30_000_000 + round*100_000 + w*50_000
			cmd := testChild("TestKillWriterChild", "ENTKIOSK_KILL_CHILD="+path, "ENTKIOSK_KILL_BASE="+strconv.Itoa(base))
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stderr = nil
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			procs = append(procs, cmd)
			wg.Add(1)
			go func() {
				defer wg.Done()
				sc := bufio.NewScanner(out)
				mine := 0
				defer func() {
					if mine == 0 {
						mu.Lock()
						early++ // killed while opening the store or in its first transaction
						mu.Unlock()
					}
				}()
				for sc.Scan() {
					// A line counts only if it arrived whole: the writer
					// prints it after its commit returned.
					if n, ok := strings.CutPrefix(sc.Text(), "committed "); ok && len(n) == 8 {
						mu.Lock()
						committed = append(committed, n)
						mu.Unlock()
						mine++
					}
				}
			}()
		}
		window := 250
		if onPostgres() {
			window = 1500 // a client's start (connection, schema check) takes longer than a file's
		}
		time.Sleep(time.Duration(r.IntN(window)) * time.Millisecond)
		for _, p := range procs {
			p.Process.Signal(syscall.SIGKILL)
		}
		for _, p := range procs {
			p.Wait()
			kills++
		}
		wg.Wait()
		reported += len(committed)

		// The file after the kill: open (migrations, probe write), integrity,
		// every reported commit there and whole.
		s, err := Open(path, Config{Hasher: testHasher})
		if err != nil {
			t.Fatalf("round %d: reopen after kill -9: %v", round, err)
		}
		var integrity string
		if onPostgres() {
			integrity = "ok" // the server's own: a killed client's transaction is rolled back by it
		} else if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
			t.Fatalf("round %d: integrity_check %q, %v", round, integrity, err)
		}
		for _, n := range committed {
			var whole int
			err := s.db.QueryRow(`SELECT COUNT(*) FROM people p JOIN registrations r ON r.person_id = p.id
				JOIN accounts a ON a.person_id = p.id JOIN codes c ON c.person_id = p.id
				JOIN outbox o ON o.person_id = p.id WHERE p.student_number = ?`, n).Scan(&whole)
			if err != nil || whole != 1 {
				t.Fatalf("round %d: commit %s reported before the kill is missing or partial (%d, %v)", round, n, whole, err)
			}
		}
		var orphans int
		if err := s.db.QueryRow(`SELECT (SELECT COUNT(*) FROM people p WHERE NOT EXISTS
				(SELECT 1 FROM accounts a WHERE a.person_id = p.id))
			+ (SELECT COUNT(*) FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.person_id = a.person_id))
			+ (SELECT COUNT(*) FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM audit e WHERE e.person_id = a.person_id))`).
			Scan(&orphans); err != nil || orphans != 0 {
			t.Fatalf("round %d: %d half-written people, %v", round, orphans, err)
		}
		s.Close()
	}
	s, err = Open(path, Config{Hasher: testHasher})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var people, audit int
	s.db.QueryRow(`SELECT COUNT(*) FROM people`).Scan(&people)
	s.db.QueryRow(`SELECT COUNT(*) FROM audit`).Scan(&audit)
	t.Logf("%d rounds, %d kill -9 (%d before the writer's first commit), integrity_check ok after each; "+
		"%d commits reported before a kill, all present and whole; %d people and %d audit rows in the file; %v",
		rounds, kills, early, reported, people, audit, time.Since(began).Round(time.Second))
}

// TestKillWriterChild is the writer that TestKillLoop kills: it writes for
// ever — an import line (person, registration, account, code, mail, audit
// in one transaction), and between them failed logins and lost-password
// requests (throttle counters, locks, audit) — and prints each imported
// number once its commit has returned.
func TestKillWriterChild(t *testing.T) {
	path := os.Getenv("ENTKIOSK_KILL_CHILD")
	if path == "" {
		t.Skip("the writer of TestKillLoop")
	}
	base, _ := strconv.Atoi(os.Getenv("ENTKIOSK_KILL_BASE"))
	s, err := Open(path, Config{Hasher: testHasher})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	year := institution.None().AcademicYear(time.Now())
	validated := time.Now().Add(-time.Hour).Format(time.RFC3339)
	for i := 0; ; i++ {
		n := strconv.Itoa(base + i)
		line := importHeader + n + ";Ecrivain" + n + ";Test;01/01/2004;w" + n + "@example.org;etudiant;" +
			strconv.Itoa(year) + ";SLINF3;L3;Licence;Sciences;FI;valide;paye;" + validated + ";\n"
		rep, err := s.Import(ctx, strings.NewReader(line), Origin{Client: "kill"})
		if err != nil || rep.Created != 1 {
			fmt.Fprintln(os.Stderr, err, rep)
			os.Exit(3)
		}
		os.Stdout.WriteString("committed " + n + "\n")
		if i%2 == 0 {
			s.Login(ctx, "test.ecrivain"+strconv.Itoa(i%7), "faux", Origin{Client: "kill:" + strconv.Itoa(base)})
		} else {
			s.StartReset(ctx, "inconnu"+n+".x", Origin{Client: "kill"})
		}
	}
}
