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

// cpuTime is the child's user + system time so far (its own threads).
func (c *child) cpuTime() time.Duration { return procCPU(c.pid()) }

func procCPU(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// Fields after the command name, which is in parentheses.
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	const clkTck = 100 // sysconf(_SC_CLK_TCK) on Linux
	return time.Duration(utime+stime) * time.Second / clkTck
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
