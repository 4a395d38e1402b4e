// Package pgtest gives tests a real PostgreSQL: the one named by
// ENTKIOSK_TEST_POSTGRES, or a PostgreSQL 15 it starts itself (initdb and
// pg_ctl of the Debian package, as the postgres user when run as root) in a
// temporary folder, on a loopback port, trusting local connections. Without
// PostgreSQL the test skips with one line; under CI it fails instead.
//
// A minimal harness written by the pgcore branch while pgops's was not
// there yet: pgops's, when merged, replaces it.
package pgtest

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"
)

// Server is a running PostgreSQL.
type Server struct {
	// URL is the server's postgres database as its superuser, without a
	// password: postgres://postgres@127.0.0.1:PORT/postgres?sslmode=disable.
	URL  string
	dir  string
	bin  string
	asPG bool
}

// Start returns a PostgreSQL for t, stopped when t ends.
func Start(t testing.TB) *Server {
	t.Helper()
	if u := os.Getenv("ENTKIOSK_TEST_POSTGRES"); u != "" {
		return &Server{URL: u}
	}
	s, err := start()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL: %v (apt-get install postgresql)", err)
		}
		t.Skipf("PostgreSQL absent (%v): apt-get install postgresql, or set ENTKIOSK_TEST_POSTGRES", err)
	}
	t.Cleanup(s.Stop)
	return s
}

// Bin is the folder of the newest installed PostgreSQL's programs.
func Bin() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(dirs) == 0 {
		if p, err := exec.LookPath("initdb"); err == nil {
			return filepath.Dir(p), nil
		}
		return "", fmt.Errorf("initdb not found")
	}
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) < version(dirs[j]) })
	return filepath.Dir(dirs[len(dirs)-1]), nil
}

func version(initdb string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(initdb))))
	return n
}

func start() (*Server, error) {
	bin, err := Bin()
	if err != nil {
		return nil, err
	}
	s := &Server{bin: bin, asPG: os.Geteuid() == 0}
	if s.dir, err = os.MkdirTemp("", "entkiosk-pg-*"); err != nil {
		return nil, err
	}
	if s.asPG {
		// PostgreSQL refuses to run as root: its folder is the postgres user's.
		pg, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(s.dir)
			return nil, fmt.Errorf("running as root and no postgres user: %v", err)
		}
		uid, _ := strconv.Atoi(pg.Uid)
		gid, _ := strconv.Atoi(pg.Gid)
		if err := os.Chown(s.dir, uid, gid); err != nil {
			os.RemoveAll(s.dir)
			return nil, err
		}
	}
	data := filepath.Join(s.dir, "data")
	if out, err := s.run(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust",
		"-E", "UTF8", "--locale=C.UTF-8", "--no-sync"); err != nil {
		os.RemoveAll(s.dir)
		return nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	port, err := freePort()
	if err != nil {
		os.RemoveAll(s.dir)
		return nil, err
	}
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off "+
		"-c synchronous_commit=off -c max_connections=200", port, s.dir)
	if out, err := s.run(filepath.Join(bin, "pg_ctl"), "-D", data, "-o", opts, "-l", filepath.Join(s.dir, "log"),
		"-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(s.dir, "log"))
		os.RemoveAll(s.dir)
		return nil, fmt.Errorf("pg_ctl start: %v: %s %s", err, out, log)
	}
	s.URL = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
	return s, nil
}

// Stop stops a server Start started and removes its folder.
func (s *Server) Stop() {
	if s.dir == "" {
		return
	}
	s.run(filepath.Join(s.bin, "pg_ctl"), "-D", filepath.Join(s.dir, "data"), "-m", "immediate", "-w", "stop")
	os.RemoveAll(s.dir)
	s.dir = ""
}

func (s *Server) run(name string, args ...string) ([]byte, error) {
	var cmd *exec.Cmd
	if s.asPG {
		cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", name}, args...)...)
	} else {
		cmd = exec.Command(name, args...)
	}
	cmd.Dir = os.TempDir()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return out.Bytes(), err
	case <-time.After(2 * time.Minute):
		cmd.Process.Kill()
		return out.Bytes(), fmt.Errorf("%s: no answer in 2 minutes", filepath.Base(name))
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
