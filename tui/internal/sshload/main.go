// Command sshload measures entkiosk under load and under attack, each figure
// beside a reference measured by the same program in the same run: OpenSSH
// serving `cat` (typing, connect), a bare wish server of the same versions
// (tui/internal/barewish: idle memory, connect), raw argon2id (logins),
// `echo` in the same pty harness (kiosk start) and sqlite3's .import (import).
// The machine is shared and small: a ratio to its same-run reference is what
// a figure means.
//
// A reference measures what it says only if it is like for like:
//   - OpenSSH + cat: sshd on loopback with a config of its own (no PAM, key
//     authentication, limits far above this program's sessions), running
//     only cat in each session: no shell start-up files (SHLVL=1, no
//     ~/.ssh/rc), checked from its process tree before typing. The pty is raw
//     (catModes): the key comes back from cat as it comes back from
//     entkiosk's program, never from the kernel's echo. Its CPU counts every
//     process under sshd's listener.
//   - bare wish: wish and Bubble Tea as entkiosk uses them, with Bubble
//     Tea's own renderer, whose ticker wakes every session 60 times a second
//     (entkiosk draws without it). For idle memory it runs at 1 frame a
//     second: the same renderer, ticker and goroutines (83.1 vs 83.2 KiB a
//     session at 1,000), without the ticks that starved its handshakes past
//     a few thousand sessions.
//   - raw argon2id: as many hashes as the burst has logins, on one goroutine
//     per core (the server's hashing slots), in a process of its own (this
//     program again, -raw-argon2 N), just before and just after the burst.
//     Beside the rates, the CPU each took: the server's per login checked
//     against raw's per hash, which the machine's other load moves less.
//   - The same clients for all: -per-address sessions from each loopback
//     source, the same first-screen wait, the first bytes back after a key.
//
// Typing says under the table whether the typists were really out of step
// (the phases of the times keys were written, over the period's 5 ms slots)
// or in step (how long each tick took to write all its keys).
//
//	go build -o /tmp/entkiosk . && go run ./tui/internal/sshload -bin /tmp/entkiosk -scenario typing,login
//
// Run `go run ./tui/internal/sshload -h` for the scenarios and their flags.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"
)

// scenario is one measure; run adds rows to the results.
type scenario struct {
	name, says string
	run        func(r *results) error
}

var scenarios = []scenario{
	{"connect", "dial to first screen, one connection after the other: entkiosk (home screen) vs OpenSSH + cat (a key echoed) vs bare wish", benchConnect},
	{"typing", "-typists sessions typing a key every 200 ms, out of step (random phase) and/or in step (-step): key-to-echo p50/p99 vs OpenSSH + cat", benchTyping},
	{"idle", "-idle sessions on the first screen: server RSS vs a bare wish server holding as many", benchIdle},
	{"login", "-logins sessions submitting a login at once: logins checked per second, how many told « très sollicité », vs as many raw argon2id hashes on one goroutine per core, in a process of its own", benchLogin},
	{"kiosk", "pty harness: `kiosk --demo` start to home screen visible (new store, existing store, -kiosk-people store) vs `echo` in the same harness", benchKiosk},
	{"import", "`entkiosk import` of a -import-lines export into an empty store vs sqlite3 .import of the same file", benchImport},
	{"typeburst", "issue 13: one session types each of -burst-sizes in one write (not a bracketed paste): the server's CPU for each, until it is quiet", benchTypeBurst},
}

var (
	bin       = flag.String("bin", "", "the entkiosk binary to measure (go build -o /tmp/entkiosk .)")
	before    = flag.String("before", "", "an earlier entkiosk binary, measured in the same run beside -bin (\"before\")")
	scenarioF = flag.String("scenario", "connect,typing,login,kiosk,import", "scenarios, comma-separated, or all")
	repeat    = flag.Int("repeat", 1, "run the chosen scenarios this many times; the table gives the range")
	perAddr   = flag.Int("per-address", 2, "sessions per loopback source address (serve lets a source have 2 handshakes under way, and 10 sessions)")
	keepStore = flag.Bool("keep", false, "keep the temporary directories (stores, logs)")
	openWait  = flag.Duration("open-wait", 3*time.Minute, "opening many sessions: how long one may take to its first screen (a loaded server answers slowly; the SSH library reports a step cut by this deadline as EOF)")

	connects = flag.Int("connects", 30, "connect: connections, one after the other, to each server")

	typists = flag.Int("typists", 200, "typing: concurrent sessions")
	typeFor = flag.Duration("type-for", 20*time.Second, "typing: how long they type")
	stepF   = flag.String("step", "both", "typing: out (random phase), in (all at the same instant) or both")

	idleN   = flag.Int("idle", 10000, "idle: concurrent sessions")
	idleFor = flag.Duration("idle-measure", 10*time.Second, "idle: how long CPU is measured once the sessions settled")

	logins     = flag.Int("logins", 500, "login: sessions submitting at once")
	rawArgon2F = flag.Int("raw-argon2", 0, "(internal) run this many raw argon2id hashes on one goroutine per core, print the seconds they took, and exit: the login scenario's reference, in a process of its own")

	kioskRuns   = flag.Int("kiosk-runs", 10, "kiosk: starts of each kind (the median is reported)")
	kioskPeople = flag.Int("kiosk-people", 60000, "kiosk: lines of the large store imported for a start on it (0: none)")

	importLines = flag.Int("import-lines", 60000, "import: lines of the export")

	bursts  = flag.String("burst-sizes", "64K,256K,1M", "typeburst: sizes typed in one write")
	asPaste = flag.Bool("burst-paste", false, "typeburst: each burst is one bracketed paste")

	sshdBin     = flag.String("sshd", "/usr/sbin/sshd", "OpenSSH server for the references (Debian: apt-get install openssh-server)")
	sqliteBin   = flag.String("sqlite3", "sqlite3", "sqlite3 shell for the import reference (Debian: apt-get install sqlite3)")
	barewishF   = flag.String("barewish", "", "bare wish reference binary (default: built from tui/internal/barewish)")
	serverFlags = flag.String("server-flags", "", "extra flags for `entkiosk serve` (space-separated), e.g. a profiling flag")
)

func usage() {
	out := flag.CommandLine.Output()
	fmt.Fprintln(out, `sshload measures entkiosk beside a reference run by this program in the same run.

Usage: go run ./tui/internal/sshload -bin /tmp/entkiosk [-scenario a,b|all] [-repeat N] [flags]

Scenarios:`)
	for _, s := range scenarios {
		fmt.Fprintf(out, "  %-10s %s\n", s.name, s.says)
	}
	fmt.Fprintln(out, `
Every server runs on loopback, on a store of its own in a temporary directory.
The figures mean little on a busy machine: each reference runs in the same run,
and the table ends with the ratio entkiosk / reference (lower is better,
except for rates).

Flags:`)
	flag.PrintDefaults()
}

func main() {
	flag.Usage = usage
	flag.Parse()
	if *rawArgon2F > 0 {
		rawArgon2Child(*rawArgon2F)
		return
	}
	if *bin == "" {
		fmt.Fprintln(os.Stderr, "sshload: -bin PATH is required (go build -o /tmp/entkiosk .)")
		os.Exit(2)
	}
	names := strings.Split(*scenarioF, ",")
	if *scenarioF == "all" {
		names = nil
		for _, s := range scenarios {
			names = append(names, s.name)
		}
	}
	var chosen []scenario
	for _, n := range names {
		i := slices.IndexFunc(scenarios, func(s scenario) bool { return s.name == strings.TrimSpace(n) })
		if i < 0 {
			fmt.Fprintf(os.Stderr, "sshload: unknown scenario %q (see -h)\n", n)
			os.Exit(2)
		}
		chosen = append(chosen, scenarios[i])
	}
	raiseFileLimit()
	// Children (servers, sshd) are ended by their own defers; an interrupt
	// ends this program through the same path.
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, os.Interrupt, syscall.SIGTERM)
		<-c
		fmt.Fprintln(os.Stderr, "sshload: interrupted, stopping the servers")
		stopAllChildren()
		cleanupTemp()
		os.Exit(1)
	}()
	defer cleanupTemp()

	res := &results{}
	failed := false
	for i := range *repeat {
		for _, s := range chosen {
			fmt.Printf("== %s (run %d/%d, load average %s)\n", s.name, i+1, *repeat, loadAverage())
			res.scenario = s.name
			if err := s.run(res); err != nil {
				fmt.Fprintf(os.Stderr, "sshload: %s: %v\n", s.name, err)
				failed = true
			}
		}
	}
	res.print(os.Stdout)
	if failed {
		stopAllChildren()
		cleanupTemp()
		os.Exit(1)
	}
}

// raiseFileLimit: every session is a socket on each side (children inherit).
func raiseFileLimit() {
	var l syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l) != nil {
		return
	}
	if os.Geteuid() == 0 && l.Max < 65536 {
		l.Max = 65536 // root may raise the hard limit
	}
	l.Cur = l.Max
	if syscall.Setrlimit(syscall.RLIMIT_NOFILE, &l) != nil {
		_ = syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l)
		l.Cur = l.Max
		_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &l)
	}
}

// loadAverage is the machine's 1-minute load average.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(b))[0]
}
