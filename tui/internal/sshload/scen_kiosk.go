package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// benchKiosk: the time from starting `entkiosk kiosk --demo` on a 100×30
// pty to its home screen visible, median of -kiosk-runs starts: on a new
// store, on the store the previous start left, and on a store of
// -kiosk-people imported lines; beside `echo` started in the same harness.
// The harness answers the terminal's queries (background colour, cursor
// position) as a terminal would.
func benchKiosk(r *results) error {
	var big string
	if *kioskPeople > 0 {
		export, err := exportFile(*kioskPeople)
		if err != nil {
			return err
		}
		big = export
	}
	for _, o := range entkiosks() {
		dir, err := tempDir("kiosk")
		if err != nil {
			return err
		}
		kinds := []struct{ name, db string }{{"new store", ""}, {"existing store", filepath.Join(dir, "kept.db")}}
		if big != "" {
			db := filepath.Join(dir, "big.db")
			if out, err := exec.Command(o.bin, "import", "--db", db, big).CombinedOutput(); err != nil {
				return fmt.Errorf("%s import for the kiosk start: %v\n%s", o.name, err, out)
			}
			kinds = append(kinds, struct{ name, db string }{fmt.Sprintf("%d-line store", *kioskPeople), db})
		}
		for _, k := range kinds {
			var times, echoes, cpus []time.Duration
			for i := range *kioskRuns + 1 {
				db := k.db
				if db == "" {
					db = filepath.Join(dir, fmt.Sprintf("new%d.db", i))
				}
				// Interleaved: echo, then the kiosk.
				e, err := ptyStart(exec.Command("echo", entkioskHome), entkioskHome)
				if err != nil {
					return err
				}
				// The first start on a kept store makes it: it is left to
				// finish its work (a kiosk may load the demo after home), so
				// that the starts measured on it find the store made.
				making := i == 0 && k.db != ""
				d, cpu, err := ptyStartCPU(exec.Command(o.bin, "kiosk", "--demo", "--db", db, "--log", filepath.Join(dir, "kiosk.log")), entkioskHome, making)
				if err != nil {
					return fmt.Errorf("%s kiosk (%s): %w", o.name, k.name, err)
				}
				if i > 0 || k.db == "" { // the first start on a kept store makes it
					times, echoes, cpus = append(times, d), append(echoes, e), append(cpus, cpu)
				}
			}
			med, emed := percentile(times, 0.5), percentile(echoes, 0.5)
			fmt.Printf("   %-10s %s: start → home median %s (min %s, max %s); echo %s\n", o.name, k.name,
				fmtMS(med), fmtMS(percentile(times, 0)), fmtMS(percentile(times, 1)), fmtMS(emed))
			r.addRef(fmt.Sprintf("%s: kiosk start → home, %s", o.name, k.name), msUnit, msOf(med), "echo", msOf(emed))
			r.add(fmt.Sprintf("%s: kiosk start → home, %s, CPU (user+sys)", o.name, k.name), msUnit, msOf(percentile(cpus, 0.5)))
		}
	}
	return nil
}

// ptyStart starts cmd on a 100×30 pty and returns the time until want is
// on its output; the process is ended afterwards.
func ptyStart(cmd *exec.Cmd, want string) (time.Duration, error) {
	d, _, err := ptyStartCPU(cmd, want, false)
	return d, err
}

// ptyStartCPU is ptyStart, with the CPU time (user + system) the process
// spent in all (it is ended as soon as want shows, or with settle once it
// has stopped using CPU).
func ptyStartCPU(cmd *exec.Cmd, want string, settle bool) (d, cpu time.Duration, err error) {
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor")
	t0 := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
	if err != nil {
		return 0, 0, err
	}
	defer func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
		f.Close()
		cpu = cpuOf(cmd)
	}()
	var out bytes.Buffer
	buf := make([]byte, 32<<10)
	found := make(chan time.Duration, 1)
	go func() {
		seen := false
		for {
			n, err := f.Read(buf)
			if n > 0 && !seen { // then read on, so that the process never blocks writing
				chunk := buf[:n]
				// A terminal answers these queries.
				if bytes.Contains(chunk, []byte("\x1b]11;?")) {
					_, _ = f.WriteString("\x1b]11;rgb:0000/0000/0000\x1b\\")
				}
				if bytes.Contains(chunk, []byte("\x1b[6n")) {
					_, _ = f.WriteString("\x1b[1;1R")
				}
				out.Write(chunk)
				if strings.Contains(ansi.Strip(out.String()), want) {
					found <- time.Since(t0)
					seen = true
				}
			}
			if err != nil {
				return
			}
		}
	}()
	select {
	case d = <-found:
		if settle {
			settled(cmd.Process.Pid)
		}
		return d, 0, nil
	case <-time.After(30 * time.Second):
		return 0, 0, fmt.Errorf("%q not on the screen after 30 s", want)
	}
}

// settled waits until the process has used less than 20 ms of CPU in half
// a second (at most 60 s).
func settled(pid int) {
	last := treeCPU(pid)
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); {
		time.Sleep(500 * time.Millisecond)
		now := treeCPU(pid)
		if now-last < 20*time.Millisecond {
			return
		}
		last = now
	}
}
