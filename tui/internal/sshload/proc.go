package main

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// child is a server this program started: entkiosk, bare wish or sshd.
type child struct {
	name   string
	cmd    *exec.Cmd
	dir    string // its temporary directory
	stderr string // file holding its standard error
	done   chan struct{}
}

var (
	childrenMu sync.Mutex
	children   = map[*child]struct{}{}
	tempDirs   []string
)

// tempDir is a directory removed when the program ends (unless -keep).
func tempDir(prefix string) (string, error) {
	dir, err := os.MkdirTemp("", "sshload-"+prefix+"-")
	if err != nil {
		return "", err
	}
	childrenMu.Lock()
	tempDirs = append(tempDirs, dir)
	childrenMu.Unlock()
	return dir, nil
}

func cleanupTemp() {
	childrenMu.Lock()
	defer childrenMu.Unlock()
	for _, d := range tempDirs {
		if *keepStore {
			fmt.Println("   kept:", d)
		} else {
			os.RemoveAll(d)
		}
	}
	tempDirs = nil
}

// startChild starts cmd with its standard error in dir/name.stderr.
func startChild(name, dir string, cmd *exec.Cmd) (*child, error) {
	c := &child{name: name, cmd: cmd, dir: dir, stderr: dir + "/" + name + ".stderr", done: make(chan struct{})}
	f, err := os.Create(c.stderr)
	if err != nil {
		return nil, err
	}
	cmd.Stderr = f
	if cmd.Stdout == nil {
		cmd.Stdout = f
	}
	if err := cmd.Start(); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	childrenMu.Lock()
	children[c] = struct{}{}
	childrenMu.Unlock()
	go func() {
		_ = cmd.Wait()
		f.Close()
		close(c.done)
	}()
	return c, nil
}

func (c *child) pid() int { return c.cmd.Process.Pid }

func (c *child) exited() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// stop sends SIGTERM, then SIGKILL after grace.
func (c *child) stop(grace time.Duration) {
	if !c.exited() {
		_ = c.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-c.done:
		case <-time.After(grace):
			_ = c.cmd.Process.Kill()
			<-c.done
		}
	}
	childrenMu.Lock()
	delete(children, c)
	childrenMu.Unlock()
}

func stopAllChildren() {
	childrenMu.Lock()
	all := make([]*child, 0, len(children))
	for c := range children {
		all = append(all, c)
	}
	childrenMu.Unlock()
	for _, c := range all {
		c.stop(5 * time.Second)
	}
}

// stderrTail is the end of the child's standard error, for error messages.
func (c *child) stderrTail() string {
	b, _ := os.ReadFile(c.stderr)
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

// status reads fields of /proc/PID/status in KiB or units: VmRSS, VmHWM, Threads.
func (c *child) status() (rssKiB, peakKiB, threads int) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", c.pid()))
	if err != nil {
		return 0, 0, 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		n, _ := strconv.Atoi(f[1])
		switch f[0] {
		case "VmRSS:":
			rssKiB = n
		case "VmHWM:":
			peakKiB = n
		case "Threads:":
			threads = n
		}
	}
	return rssKiB, peakKiB, threads
}

// cpuTime is the user + system time so far of the child and of every
// process under it: sshd serves each connection in processes of its own
// (and cat), which its listener's own time leaves out. entkiosk and bare
// wish have none, so theirs is their own time as before.
func (c *child) cpuTime() time.Duration { return treeCPU(c.pid()) }

const clkTck = 100 // sysconf(_SC_CLK_TCK) on Linux

// procStat is what this program reads of /proc/PID/stat.
type procStat struct {
	comm string
	ppid int
	// cpu: user + system time of the process, and of its children it has
	// waited for (so a session that ended between two readings still counts).
	cpu time.Duration
}

func readStat(pid int) (procStat, bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return procStat{}, false
	}
	return parseStat(string(b))
}

// parseStat reads a /proc/PID/stat line: the command name is in parentheses
// (and may hold spaces or parentheses), the fields after it are numbered
// from state (field 3 of proc(5)).
func parseStat(line string) (procStat, bool) {
	open, end := strings.IndexByte(line, '('), strings.LastIndexByte(line, ')')
	if open < 0 || end < open || end+2 > len(line) {
		return procStat{}, false
	}
	f := strings.Fields(line[end+2:])
	if len(f) < 15 {
		return procStat{}, false
	}
	ppid, _ := strconv.Atoi(f[1])
	var ticks int64
	for _, i := range []int{11, 12, 13, 14} { // utime, stime, cutime, cstime
		n, _ := strconv.ParseInt(f[i], 10, 64)
		ticks += n
	}
	return procStat{comm: line[open+1 : end], ppid: ppid, cpu: time.Duration(ticks) * time.Second / clkTck}, true
}

// procTree is pid and every process under it, by pid.
func procTree(root int) map[int]procStat {
	all := map[int]procStat{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if st, ok := readStat(pid); ok {
			all[pid] = st
		}
	}
	return subtree(all, root)
}

// subtree keeps of all the processes root and those under it.
func subtree(all map[int]procStat, root int) map[int]procStat {
	out := map[int]procStat{}
	for pid, st := range all {
		for p, seen := pid, 0; seen < 64; seen++ { // 64: a cycle never ends the walk otherwise
			if p == root {
				out[pid] = st
				break
			}
			parent, ok := all[p]
			if !ok || parent.ppid == p {
				break
			}
			p = parent.ppid
		}
	}
	return out
}

func treeCPU(root int) time.Duration {
	var sum time.Duration
	for _, st := range procTree(root) {
		sum += st.cpu
	}
	return sum
}

// commands counts the processes under the child by command name (itself left out).
func (c *child) commands() map[string]int {
	out := map[string]int{}
	for pid, st := range procTree(c.pid()) {
		if pid != c.pid() {
			out[st.comm]++
		}
	}
	return out
}

var goroutineHeader = regexp.MustCompile(`(?m)^goroutine \d+ (gp=\S+ m=\S+ mp=\S+ )?\[`)

// goroutineDump ends a Go child with SIGQUIT (GOTRACEBACK=all in its
// environment) and counts the goroutines of the dump it writes on its
// standard error: the only way to count them in a server that has no debug
// endpoint. The child is gone afterwards.
func (c *child) goroutineDump() (int, error) {
	if c.exited() {
		return 0, fmt.Errorf("%s already exited", c.name)
	}
	_ = c.cmd.Process.Signal(syscall.SIGQUIT)
	select {
	case <-c.done:
	case <-time.After(30 * time.Second):
		_ = c.cmd.Process.Kill()
		<-c.done
		return 0, fmt.Errorf("%s did not dump its goroutines on SIGQUIT", c.name)
	}
	childrenMu.Lock()
	delete(children, c)
	childrenMu.Unlock()
	b, err := os.ReadFile(c.stderr)
	if err != nil {
		return 0, err
	}
	n := len(goroutineHeader.FindAll(b, -1))
	if n == 0 {
		return 0, fmt.Errorf("%s: no goroutine in its SIGQUIT dump", c.name)
	}
	return n, nil
}

func mib(kib int) float64 { return float64(kib) / 1024 }
