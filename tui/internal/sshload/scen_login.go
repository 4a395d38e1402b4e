package main

import (
	"crypto/rand"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/crypto/argon2"
)

// queueText is in entkiosk's login queue position (« 37 personnes avant vous »).
const queueText = "avant vous"

// benchLogin: -logins sessions submit a login at the same instant; half
// Hugo's right password, half unknown identifiants. The rate is of logins
// checked (answered with anything but « très sollicité ») over the time to
// the last of them. The reference is raw argon2id (m=19 MiB, t=2, p=1) doing
// as many hashes as there are logins, on one goroutine per core (the
// server's hashing slots), in a process of its own like the server: run
// just before and just after each burst, the mean of the two (the machine
// is shared). Beside the rates, the CPU each took: the server's per login
// checked against raw's per hash says what the server spends beyond
// argon2 whatever else the machine runs, and this program's own CPU
// during the burst (its 500 SSH clients) is CPU the raw run did not share
// its cores with.
func benchLogin(r *results) error {
	for _, o := range entkiosks() {
		rawBefore, err := rawArgon2(*logins)
		if err != nil {
			return err
		}
		t, err := startEntkiosk(o)
		if err != nil {
			return err
		}
		run, err := loginBurst(t)
		t.stop()
		if err != nil {
			return err
		}
		rawAfter, err := rawArgon2(*logins)
		if err != nil {
			return err
		}
		raw := rawRun{rate: (rawBefore.rate + rawAfter.rate) / 2, cpuPerHash: (rawBefore.cpuPerHash + rawAfter.cpuPerHash) / 2}
		fmt.Printf("   raw argon2id, %d hashes on %d goroutines: %.1f/s (%.1f ms CPU a hash) before the burst, %.1f/s (%.1f ms) after\n",
			*logins, runtime.NumCPU(), rawBefore.rate, msOf(rawBefore.cpuPerHash), rawAfter.rate, msOf(rawAfter.cpuPerHash))
		r.addRef(fmt.Sprintf("%s: %d logins at once, checked per second", t.name, *logins), rateUnit, run.rate,
			"raw argon2id", raw.rate)
		r.addRef(fmt.Sprintf("%s: server CPU per login checked", t.name), msUnit, msOf(run.cpuPerLogin),
			"raw argon2id, CPU a hash", msOf(raw.cpuPerHash))
		r.add(fmt.Sprintf("%s: load program's CPU during the burst", t.name), pctUnit, run.clientCPU)
		r.add(fmt.Sprintf("%s: told « très sollicité »", t.name), countUnit, float64(run.busy))
		r.add(fmt.Sprintf("%s: saw their place in the queue", t.name), countUnit, float64(run.sawQueue))
		r.add(fmt.Sprintf("%s: never answered (3 min)", t.name), countUnit, float64(run.unanswered))
		r.add(fmt.Sprintf("%s: last answer after", t.name), secUnit, run.last.Seconds())
	}
	return nil
}

type loginRun struct {
	rate                 float64
	checked, busy, other int
	sawQueue, unanswered int
	last                 time.Duration
	// cpuPerLogin: the server's CPU from the first key to the last answer,
	// over the logins checked; clientCPU: this program's over that time,
	// in % of one core.
	cpuPerLogin time.Duration
	clientCPU   float64
}

func loginBurst(t *target) (loginRun, error) {
	ss, err := openWatching(t, *logins, queueText)
	if err != nil {
		return loginRun{}, err
	}
	defer closeAll(ss)
	time.Sleep(time.Second)
	// What each answer shows, most specific first ("✗" starts every error).
	shows := []string{"Connecté :", "incorrect", "très sollicité", "Trop de tentatives", "✗"}
	var mu sync.Mutex
	counts := map[string]int{}
	var lastChecked time.Duration
	var failed []error
	var wg sync.WaitGroup
	start := make(chan struct{})
	var t0 time.Time
	for i, s := range ss {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ident, pw := "hugo.lefevre", "Kiosque-Demo-2026"
			if i%2 == 1 {
				ident, pw = fmt.Sprintf("inconnu.%d", i), "Wrong-Password-9"
			}
			<-start
			_, err := io.WriteString(s.stdin, ident+"\r"+pw+"\r")
			var got string
			if err == nil {
				got, err = s.waitFor(180*time.Second, shows...)
			}
			d := time.Since(t0)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				failed = append(failed, err)
				return
			}
			counts[got]++
			if got == "Connecté :" || got == "incorrect" {
				lastChecked = max(lastChecked, d)
			}
		}()
	}
	serverCPU0, clientCPU0 := t.proc.cpuTime(), selfCPU()
	t0 = time.Now()
	close(start)
	wg.Wait()
	serverCPU, clientCPU, wall := t.proc.cpuTime()-serverCPU0, selfCPU()-clientCPU0, time.Since(t0)
	run := loginRun{checked: counts["Connecté :"] + counts["incorrect"], busy: counts["très sollicité"], last: lastChecked}
	run.other = counts["Trop de tentatives"] + counts["✗"]
	sample := ""
	for _, s := range ss {
		if s.seen.Load() {
			run.sawQueue++
			if l, ok := s.seenLine.Load().(string); ok && sample == "" {
				sample = l
			}
		}
	}
	if sample != "" {
		fmt.Printf("   a session in the queue read: %q\n", sample)
	}
	if lastChecked > 0 {
		run.rate = float64(run.checked) / lastChecked.Seconds()
	}
	if run.checked > 0 {
		run.cpuPerLogin = serverCPU / time.Duration(run.checked)
	}
	run.clientCPU = 100 * clientCPU.Seconds() / wall.Seconds()
	rss, peak, _ := t.proc.status()
	fmt.Printf("   %-10s %d logins at once: %d checked (%.1f/s, last after %s), %d « très sollicité », %d other, %d unanswered; %d saw their place in the queue; RSS %.0f MiB, peak %.0f MiB; server CPU %.1f s (%.1f ms a login), this program's %.1f s\n",
		t.name, len(ss), run.checked, run.rate, lastChecked.Round(time.Millisecond), run.busy, run.other, len(failed),
		run.sawQueue, mib(rss), mib(peak), serverCPU.Seconds(), msOf(run.cpuPerLogin), clientCPU.Seconds())
	// Unanswered sessions are a figure of the run, not the end of it.
	run.unanswered = len(failed)
	for _, err := range failed[:min(len(failed), 3)] {
		fmt.Printf("   unanswered: %v\n", err)
	}
	return run, nil
}

// rawRun is the reference: raw argon2id's rate, and its CPU a hash.
type rawRun struct {
	rate       float64
	cpuPerHash time.Duration
}

// rawArgon2 runs n raw argon2id hashes in a process of its own (this
// program again, -raw-argon2 n): a process whose heap holds nothing else,
// as the server's is its own.
func rawArgon2(n int) (rawRun, error) {
	self, err := os.Executable()
	if err != nil {
		return rawRun{}, err
	}
	cmd := exec.Command(self, "-raw-argon2", strconv.Itoa(n))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return rawRun{}, fmt.Errorf("raw argon2id: %w", err)
	}
	secs, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil || secs <= 0 {
		return rawRun{}, fmt.Errorf("raw argon2id said %q", out)
	}
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return rawRun{rate: float64(n) / secs, cpuPerHash: cpu / time.Duration(n)}, nil
}

// rawArgon2Child is the reference's process: n hashes of argon2id (m=19
// MiB, t=2, p=1), as the server's hasher runs them (one goroutine per
// core, a fresh salt each), and the seconds they took on its output.
func rawArgon2Child(n int) {
	var next atomic.Int64
	var wg sync.WaitGroup
	t0 := time.Now()
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			salt := make([]byte, 16)
			for next.Add(1) <= int64(n) {
				_, _ = rand.Read(salt)
				argon2.IDKey([]byte("Kiosque-Demo-2026"), salt, 2, 19*1024, 1, 32)
			}
		}()
	}
	wg.Wait()
	fmt.Println(time.Since(t0).Seconds())
}
