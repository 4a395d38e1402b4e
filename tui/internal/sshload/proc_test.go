package main

import (
	"maps"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// startTree starts sh running script as if it were sshd's listener, its
// standard input a pipe held open until the test ends.
func startTree(t *testing.T, script string) *target {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("/bin/sh", "-c", script)
	cmd.Stdin = r
	c, err := startChild("sshd", t.TempDir(), cmd)
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	t.Cleanup(func() { w.Close(); c.stop(5 * time.Second) })
	return &target{name: "OpenSSH + cat", proc: c}
}

// waitCommands waits until the tree under tg holds want (by name).
func waitCommands(t *testing.T, tg *target, want map[string]int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if maps.Equal(tg.proc.commands(), want) {
			return
		}
	}
	t.Fatalf("the tree never held %v: %v", want, tg.proc.commands())
}

func TestCheckOnlyCatReadsTheProcessTree(t *testing.T) {
	// A command run in the background reads /dev/null unless told otherwise.
	tg := startTree(t, "exec 3<&0; cat <&3 & cat <&3 & wait")
	waitCommands(t, tg, map[string]int{"cat": 2})
	if err := checkOnlyCat(tg, 2); err != nil {
		t.Fatalf("two cats for two sessions: %v", err)
	}
	if err := checkOnlyCat(tg, 3); err == nil {
		t.Fatal("two cats for three sessions passed")
	}
}

func TestCheckOnlyCatNamesWhatElseRuns(t *testing.T) {
	tg := startTree(t, "exec 3<&0; cat <&3 & sleep 30 & wait")
	waitCommands(t, tg, map[string]int{"cat": 1, "sleep": 1})
	err := checkOnlyCat(tg, 1)
	if err == nil || !strings.Contains(err.Error(), "sleep ×1") {
		t.Fatalf("a sleep beside the cat: %v, want it named", err)
	}
}

func TestTreeCPUCountsChildren(t *testing.T) {
	// The shell itself is idle; a child spins for a while and is reaped
	// before the reading: its time reaches the shell's cutime.
	tg := startTree(t, `i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done & wait; cat`)
	waitCommands(t, tg, map[string]int{"cat": 1}) // the loop ended, cat runs
	// The loop takes a second or so of CPU; the shell's own fork and wait
	// never 200 ms.
	if got := tg.proc.cpuTime(); got < 200*time.Millisecond {
		t.Fatalf("tree CPU %v: the reaped child's time is missing", got)
	}
}
