package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// benchTypeBurst types each size of -burst-sizes in one write, on a fresh
// server each, and reads the server's CPU until it has been quiet for a
// second (no CPU tick) — or 10 minutes.
func benchTypeBurst(r *results) error {
	for _, f := range strings.Split(*bursts, ",") {
		size, err := parseSize(f)
		if err != nil {
			return err
		}
		for _, o := range entkiosks() {
			t, err := startEntkiosk(o)
			if err != nil {
				return err
			}
			s, err := dial(t)
			if err == nil {
				err = t.ready(s, 30*time.Second)
			}
			if err != nil {
				t.stop()
				return err
			}
			s.quiet.Store(true)
			time.Sleep(2 * time.Second) // the first frame's work is done
			c0, w0 := t.proc.cpuTime(), time.Now()
			burst := strings.Repeat("a", size)
			what := "typed"
			if *asPaste {
				burst, what = "\x1b[200~"+burst+"\x1b[201~", "pasted"
			}
			if _, err := s.stdin.Write([]byte(burst)); err != nil {
				s.close()
				t.stop()
				return err
			}
			written := time.Since(w0)
			last, quiet := t.proc.cpuTime(), 0
			for quiet < 2 && time.Since(w0) < 10*time.Minute {
				time.Sleep(500 * time.Millisecond)
				now := t.proc.cpuTime()
				if now == last {
					quiet++
				} else {
					quiet = 0
				}
				last = now
			}
			fmt.Printf("   %-10s %s %s in one write: server CPU %s (the write took %s; load %s)\n", t.name, f, what,
				(last - c0).Round(time.Millisecond), written.Round(time.Millisecond), loadAverage())
			r.add(fmt.Sprintf("%s: %s %s in one write, server CPU", t.name, f, what), secUnit, (last - c0).Seconds())
			s.close()
			t.stop()
		}
	}
	return nil
}

// parseSize reads "64K", "1M" or a number of bytes.
func parseSize(s string) (int, error) {
	mult := 1
	switch {
	case strings.HasSuffix(s, "K"):
		mult, s = 1<<10, strings.TrimSuffix(s, "K")
	case strings.HasSuffix(s, "M"):
		mult, s = 1<<20, strings.TrimSuffix(s, "M")
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("size %q", s)
	}
	return n * mult, nil
}
