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
				d, cpu, err := ptyStartCPU(exec.Command(o.bin, "kiosk", "--demo", "--db", db, "--log", filepath.Join(dir, "kiosk.log")), entkioskHome)
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
	d, _, err := ptyStartCPU(cmd, want)
	return d, err
}

// ptyStartCPU is ptyStart, with the CPU time (user + system) the process
// spent in all (it is ended as soon as want shows).
func ptyStartCPU(cmd *exec.Cmd, want string) (d, cpu time.Duration, err error) {
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
		for {
			n, err := f.Read(buf)
			if n > 0 {
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
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	select {
	case d = <-found:
		return d, 0, nil
	case <-time.After(30 * time.Second):
		return 0, 0, fmt.Errorf("%q not on the screen after 30 s", want)
	}
}
