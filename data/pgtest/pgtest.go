// Package pgtest gives tests a real, empty PostgreSQL database: from the
// server named by ENTKIOSK_TEST_POSTGRES when it is set, else from a
// PostgreSQL 15 this package starts once per test binary, on a loopback
// port, in a temporary folder. A test on a machine without PostgreSQL skips
// with one line saying how to get it (fails instead when CI is set).
//
// The server a test binary starts dies with it (its parent-death signal is
// SIGQUIT, PostgreSQL's immediate shutdown); its folder is removed by Main
// at the end of a run, or by the next run when the binary was killed.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvURL names a server the tests use instead of starting their own: a URL
// of a role that may create databases and roles, e.g.
// postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable (the
// password, if any, from PGPASSWORD or ~/.pgpass as libpq reads them).
const EnvURL = "ENTKIOSK_TEST_POSTGRES"

// Install is the line a test without PostgreSQL prints.
const Install = "PostgreSQL 15 absent: apt-get install postgresql-15 (or set " + EnvURL + " to a server's URL)"

// Superuser is the role of the server this package starts (trust on
// 127.0.0.1 and on its socket).
const Superuser = "postgres"

// folderPrefix names the temporary folders of started servers, so that a
// later run finds those a killed test binary left behind.
const folderPrefix = "entkiosk-pgtest-"

// Server is a running PostgreSQL: the shared one a test binary started, or
// the one ENTKIOSK_TEST_POSTGRES names.
type Server struct {
	admin  string // URL of a role that creates databases and roles
	Dir    string // the temporary folder ("" for ENTKIOSK_TEST_POSTGRES)
	Port   int
	Bin    string // the folder of postgres, initdb, pg_dump... ("" for ENTKIOSK_TEST_POSTGRES)
	cmd    *exec.Cmd
	done   chan struct{}
	logOut *os.File
}

var (
	shared     *Server
	sharedErr  error
	sharedSkip string
	sharedMu   sync.Mutex
)

// Start returns the URL of a fresh, empty database (owned by the
// superuser, no password) on the shared server, dropped when t ends.
func Start(t testing.TB) string {
	t.Helper()
	return Shared(t).NewDatabase(t, "")
}

// StartWithPassword returns the URL (without the password) of a fresh,
// empty database owned by a fresh role that must give a password
// (scram-sha-256), and that password: for the tests of PGPASSWORD,
// --db-password-file and ~/.pgpass.
func StartWithPassword(t testing.TB) (url, password string) {
	t.Helper()
	s := Shared(t)
	role := "r_" + randomName()
	password = randomName() + randomName()
	s.Exec(t, fmt.Sprintf(`CREATE ROLE %s LOGIN PASSWORD '%s' IN ROLE entkiosk_password_roles`, role, password))
	u := s.NewDatabase(t, role)
	t.Cleanup(func() { s.exec(fmt.Sprintf(`DROP ROLE IF EXISTS %s`, role)) })
	return u, password
}

// Shared returns the server of this test binary, starting it on first use,
// or skips t (fails it under CI) when there is no PostgreSQL.
func Shared(t testing.TB) *Server {
	t.Helper()
	sharedMu.Lock()
	defer sharedMu.Unlock()
	if shared == nil && sharedErr == nil && sharedSkip == "" {
		if env := os.Getenv(EnvURL); env != "" {
			shared, sharedErr = useServer(env)
		} else if bin := findBin(); bin == "" {
			sharedSkip = Install
		} else {
			shared, sharedErr = startServer(bin)
		}
	}
	switch {
	case sharedSkip != "":
		if os.Getenv("CI") != "" {
			t.Fatal(sharedSkip + " (CI never skips: .ci/run installs it)")
		}
		t.Skip(sharedSkip)
	case sharedErr != nil:
		t.Fatalf("PostgreSQL for the tests: %v", sharedErr)
	}
	return shared
}

// Main runs the tests of a package and then stops the server they shared
// and removes its folder: func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }.
// Without it the server dies with the test binary and the next run removes
// its folder.
func Main(m *testing.M) int {
	code := m.Run()
	sharedMu.Lock()
	defer sharedMu.Unlock()
	if shared != nil {
		shared.Stop()
		shared = nil
	}
	return code
}

// NewDatabase creates a database owned by owner ("" for the admin role),
// dropped (with its connections) when t ends, and returns its URL.
func (s *Server) NewDatabase(t testing.TB, owner string) string {
	t.Helper()
	name := "t_" + randomName()
	q := fmt.Sprintf(`CREATE DATABASE %s TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'`, name)
	if owner != "" {
		q += " OWNER " + owner
	}
	s.Exec(t, q)
	t.Cleanup(func() { s.exec(fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, name)) })
	u, err := url.Parse(s.admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	if owner != "" {
		u.User = url.User(owner)
	}
	return u.String()
}

// AdminURL is the URL of the role that creates databases (the superuser of
// a started server), on its "postgres" database.
func (s *Server) AdminURL() string { return s.admin }

// Exec runs one statement as the admin role, failing t on error.
func (s *Server) Exec(t testing.TB, q string) {
	t.Helper()
	if err := s.exec(q); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func (s *Server) exec(q string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, s.admin)
	if err != nil {
		return err
	}
	defer c.Close(context.Background())
	_, err = c.Exec(ctx, q)
	return err
}

// Stop stops a started server (SIGTERM then, after 10 s, SIGQUIT) and
// removes its folder; a no-op for ENTKIOSK_TEST_POSTGRES.
func (s *Server) Stop() {
	if s.cmd == nil {
		return
	}
	s.cmd.Process.Signal(syscall.SIGINT) // fast shutdown: ends sessions, checkpoints
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		s.cmd.Process.Signal(syscall.SIGQUIT)
		<-s.done
	}
	s.cmd = nil
	s.logOut.Close()
	os.RemoveAll(s.Dir)
}

func useServer(env string) (*Server, error) {
	s := &Server{admin: env}
	if err := s.exec(`DO $$ BEGIN
		IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'entkiosk_password_roles') THEN
			CREATE ROLE entkiosk_password_roles NOLOGIN;
		END IF; END $$`); err != nil {
		return nil, fmt.Errorf("%s=%s: %w", EnvURL, redact(env), err)
	}
	return s, nil
}

func redact(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return "(not a URL)"
	}
	return p.Redacted()
}

// findBin finds PostgreSQL's binaries: Debian's folder for 15 first, then
// any other Debian version (newest first), then PATH.
func findBin() string {
	ok := func(dir string) bool {
		for _, b := range []string{"postgres", "initdb"} {
			if fi, err := os.Stat(filepath.Join(dir, b)); err != nil || fi.Mode()&0o111 == 0 {
				return false
			}
		}
		return true
	}
	if ok("/usr/lib/postgresql/15/bin") {
		return "/usr/lib/postgresql/15/bin"
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if ok(d) {
			return d
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil && ok(filepath.Dir(real)) {
			return filepath.Dir(real)
		}
		if ok(filepath.Dir(p)) {
			return filepath.Dir(p)
		}
	}
	return ""
}

func version(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

// startServer initdbs a cluster in a new temporary folder and starts
// postgres on a free loopback port. As root, both run as the postgres user
// (initdb refuses root), which must be able to reach the folder.
func startServer(bin string) (*Server, error) {
	removeStale()
	cred, err := runAs()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(traversableTemp(), folderPrefix)
	if err != nil {
		return nil, err
	}
	s := &Server{Dir: dir, Bin: bin}
	fail := func(err error) (*Server, error) {
		os.RemoveAll(dir)
		return nil, err
	}
	// Our pid, for the next run to tell whether we are gone.
	if err := os.WriteFile(filepath.Join(dir, "owner.pid"), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		return fail(err)
	}
	if cred != nil {
		if err := os.Chown(dir, int(cred.Uid), int(cred.Gid)); err != nil {
			return fail(err)
		}
	}
	data := filepath.Join(dir, "data")
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-U", Superuser, "-E", "UTF8", "--locale=C",
		"--auth-local=trust", "--auth-host=trust", "--no-sync")
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	initdb.Dir = dir
	if out, err := initdb.CombinedOutput(); err != nil {
		return fail(fmt.Errorf("initdb: %v\n%s", err, out))
	}
	// Roles of entkiosk_password_roles give a password; everyone else is
	// trusted, on loopback only.
	hba := "local all all trust\n" +
		"host all +entkiosk_password_roles 127.0.0.1/32 scram-sha-256\n" +
		"host all all 127.0.0.1/32 trust\n"
	if err := os.WriteFile(filepath.Join(data, "pg_hba.conf"), []byte(hba), 0o600); err != nil {
		return fail(err)
	}
	if cred != nil {
		os.Chown(filepath.Join(data, "pg_hba.conf"), int(cred.Uid), int(cred.Gid))
	}
	var lastErr error
	for try := 0; try < 5; try++ { // a free port may be taken between asking and listening
		s.Port = freePort()
		if lastErr = s.run(cred, data); lastErr == nil {
			break
		}
	}
	if lastErr != nil {
		return fail(lastErr)
	}
	s.admin = fmt.Sprintf("postgres://%s@127.0.0.1:%d/postgres?sslmode=disable", Superuser, s.Port)
	if err := s.exec(`CREATE ROLE entkiosk_password_roles NOLOGIN`); err != nil {
		s.Stop()
		return nil, err
	}
	return s, nil
}

// run starts postgres and waits until it accepts connections.
func (s *Server) run(cred *syscall.Credential, data string) error {
	logPath := filepath.Join(s.Dir, "postgres.log")
	logOut, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	cmd := exec.Command(filepath.Join(s.Bin, "postgres"), "-D", data,
		"-p", strconv.Itoa(s.Port),
		"-c", "listen_addresses=127.0.0.1",
		"-c", "unix_socket_directories="+s.Dir,
		"-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off",
		"-c", "max_connections=300",
		"-c", "shared_buffers=64MB")
	cmd.Stdout, cmd.Stderr = logOut, logOut
	// Dies with the test binary, in an immediate shutdown that leaves no
	// shared memory behind.
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGQUIT, Setpgid: true}
	if err := cmd.Start(); err != nil {
		logOut.Close()
		return fmt.Errorf("postgres: %w", err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	s.cmd, s.done, s.logOut = cmd, done, logOut
	admin := fmt.Sprintf("postgres://%s@127.0.0.1:%d/postgres?sslmode=disable", Superuser, s.Port)
	deadline := time.Now().Add(30 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		c, err := pgx.Connect(ctx, admin)
		cancel()
		if err == nil {
			c.Close(context.Background())
			return nil
		}
		select {
		case <-done:
			s.cmd = nil
			logOut.Close()
			log, _ := os.ReadFile(logPath)
			return fmt.Errorf("postgres stopped at start on port %d:\n%s", s.Port, lastLines(string(log), 20))
		default:
		}
		if time.Now().After(deadline) {
			cmd.Process.Signal(syscall.SIGQUIT)
			<-done
			s.cmd = nil
			logOut.Close()
			log, _ := os.ReadFile(logPath)
			return fmt.Errorf("postgres does not answer on port %d: %v\n%s", s.Port, err, lastLines(string(log), 20))
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// runAs is the postgres user's credential when we are root, nil otherwise
// (then the cluster belongs to us).
func runAs() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, errors.New("running as root and there is no postgres user to run PostgreSQL as (the postgresql package creates it)")
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

// traversableTemp is os.TempDir when every folder above it lets others
// through (the postgres user must reach its cluster), else /tmp.
func traversableTemp() string {
	d := os.TempDir()
	for p := d; ; p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		if err != nil || fi.Mode().Perm()&0o001 == 0 {
			return "/tmp"
		}
		if p == filepath.Dir(p) {
			return d
		}
	}
}

// removeStale removes the folders of servers whose test binary is gone,
// stopping their postgres if it still runs.
func removeStale() {
	for _, base := range []string{os.TempDir(), "/tmp"} {
		dirs, _ := filepath.Glob(filepath.Join(base, folderPrefix+"*"))
		for _, d := range dirs {
			b, err := os.ReadFile(filepath.Join(d, "owner.pid"))
			if err != nil {
				continue
			}
			if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && alive(pid) {
				continue
			}
			if pm, err := os.ReadFile(filepath.Join(d, "data", "postmaster.pid")); err == nil {
				if pid, err := strconv.Atoi(strings.SplitN(string(pm), "\n", 2)[0]); err == nil && alive(pid) {
					syscall.Kill(pid, syscall.SIGQUIT)
					for i := 0; i < 100 && alive(pid); i++ {
						time.Sleep(50 * time.Millisecond)
					}
				}
			}
			os.RemoveAll(d)
		}
	}
}

func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

func freePort() int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func randomName() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
