package main

import (
	"crypto/rand"
	"fmt"
	"io"
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
// the last of them; the reference is raw argon2id (m=19 MiB, t=2, p=1) on
// 2 goroutines, run just before each entkiosk.
func benchLogin(r *results) error {
	for _, o := range entkiosks() {
		// Raw argon2id just before and just after the burst: the machine is
		// shared, the reference is their mean.
		rawBefore := rawArgon2(*rawFor)
		t, err := startEntkiosk(o)
		if err != nil {
			return err
		}
		run, err := loginBurst(t)
		t.stop()
		if err != nil {
			return err
		}
		rawAfter := rawArgon2(*rawFor)
		raw := (rawBefore + rawAfter) / 2
		fmt.Printf("   raw argon2id on 2 goroutines: %.1f/s before the burst, %.1f/s after\n", rawBefore, rawAfter)
		r.addRef(fmt.Sprintf("%s: %d logins at once, checked per second", t.name, *logins), rateUnit, run.rate,
			"raw argon2id ×2", raw)
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
	t0 = time.Now()
	close(start)
	wg.Wait()
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
	rss, peak, _ := t.proc.status()
	fmt.Printf("   %-10s %d logins at once: %d checked (%.1f/s, last after %s), %d « très sollicité », %d other, %d unanswered; %d saw their place in the queue; RSS %.0f MiB, peak %.0f MiB\n",
		t.name, len(ss), run.checked, run.rate, lastChecked.Round(time.Millisecond), run.busy, run.other, len(failed),
		run.sawQueue, mib(rss), mib(peak))
	// Unanswered sessions are a figure of the run, not the end of it.
	run.unanswered = len(failed)
	for _, err := range failed[:min(len(failed), 3)] {
		fmt.Printf("   unanswered: %v\n", err)
	}
	return run, nil
}

// rawArgon2 is argon2id's rate (m=19 MiB, t=2, p=1) on 2 goroutines for d.
func rawArgon2(d time.Duration) float64 {
	var n atomic.Int64
	end := time.Now().Add(d)
	var wg sync.WaitGroup
	t0 := time.Now()
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			salt := make([]byte, 16)
			for time.Now().Before(end) {
				_, _ = rand.Read(salt)
				argon2.IDKey([]byte("Kiosque-Demo-2026"), salt, 2, 19*1024, 1, 32)
				n.Add(1)
			}
		}()
	}
	wg.Wait()
	return float64(n.Load()) / time.Since(t0).Seconds()
}
