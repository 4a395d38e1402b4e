package pgtest

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

func connect(t *testing.T, u string) *pgx.Conn {
	t.Helper()
	c, err := pgx.Connect(context.Background(), u)
	if err != nil {
		t.Fatalf("connect %s: %v", u, err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

func TestStartGivesAnEmptyDatabase(t *testing.T) {
	u := Start(t)
	c := connect(t, u)
	var one int
	if err := c.QueryRow(context.Background(), "SELECT 1").Scan(&one); err != nil || one != 1 {
		t.Fatalf("SELECT 1 = %d, %v", one, err)
	}
	var tables int
	if err := c.QueryRow(context.Background(),
		"SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'").Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if tables != 0 {
		t.Fatalf("a fresh database has %d tables", tables)
	}
	var version int
	if err := c.QueryRow(context.Background(), "SELECT current_setting('server_version_num')::int").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if version < 150000 {
		t.Fatalf("server version %d, want 15 or later", version)
	}
}

func TestEachCallHasItsOwnDatabase(t *testing.T) {
	a, b := Start(t), Start(t)
	if a == b {
		t.Fatalf("two calls gave the same URL %s", a)
	}
	if _, err := connect(t, a).Exec(context.Background(), "CREATE TABLE only_in_a (x int)"); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := connect(t, b).QueryRow(context.Background(),
		"SELECT count(*) FROM information_schema.tables WHERE table_name = 'only_in_a'").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatal("a table made in one database shows in the other")
	}
}

func TestDatabaseDroppedWhenTheTestEnds(t *testing.T) {
	var name string
	t.Run("inner", func(t *testing.T) {
		u, err := url.Parse(Start(t))
		if err != nil {
			t.Fatal(err)
		}
		name = strings.TrimPrefix(u.Path, "/")
		connect(t, u.String()) // still connected at cleanup: the drop forces it out
	})
	var n int
	if err := connect(t, Shared(t).AdminURL()).QueryRow(context.Background(),
		"SELECT count(*) FROM pg_database WHERE datname = $1", name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("database %s is still there after its test", name)
	}
}

func TestPasswordRoleNeedsItsPassword(t *testing.T) {
	u, pw := StartWithPassword(t)
	if strings.Contains(u, pw) {
		t.Fatal("the URL carries the password")
	}
	t.Setenv("PGPASSWORD", "")
	t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "none"))
	if c, err := pgx.Connect(context.Background(), u); err == nil {
		c.Close(context.Background())
		t.Fatal("connected without the password")
	}
	t.Setenv("PGPASSWORD", pw)
	c := connect(t, u)
	if _, err := c.Exec(context.Background(), "CREATE TABLE mine (x int)"); err != nil {
		t.Fatalf("the role does not own its database: %v", err)
	}
}

// A folder a killed test binary left behind is removed by the next start.
func TestStaleFolderRemoved(t *testing.T) {
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp(os.TempDir(), folderPrefix)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.WriteFile(filepath.Join(dir, "owner.pid"), []byte(strconv.Itoa(dead.Process.Pid)), 0o644); err != nil {
		t.Fatal(err)
	}
	mine, err := os.MkdirTemp(os.TempDir(), folderPrefix)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(mine) })
	if err := os.WriteFile(filepath.Join(mine, "owner.pid"), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		t.Fatal(err)
	}
	removeStale()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("the folder of a gone test binary is still there: %v", err)
	}
	if _, err := os.Stat(mine); err != nil {
		t.Fatalf("the folder of a running test binary was removed: %v", err)
	}
}
