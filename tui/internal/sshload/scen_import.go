package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// exportFile writes the -import-lines export once and returns its path.
func exportFile(lines int) (string, error) {
	dir, err := tempDir("export")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, fmt.Sprintf("ia%d.csv", lines))
	return path, os.WriteFile(path, []byte(universityExport(lines)), 0o600)
}

// benchImport: `entkiosk import` of the export into an empty store, for each
// entkiosk, beside sqlite3's .import of the same file into an empty database.
func benchImport(r *results) error {
	export, err := exportFile(*importLines)
	if err != nil {
		return err
	}
	ref, refCPU, err := sqliteImport(export)
	if err != nil {
		return err
	}
	fmt.Printf("   sqlite3 .import: %s (CPU %s)\n", ref.Round(time.Millisecond), refCPU.Round(time.Millisecond))
	for _, o := range entkiosks() {
		d, cpu, size, err := entkioskImport(o, export)
		if err != nil {
			return err
		}
		fmt.Printf("   %-10s import of %d lines: %s (CPU %s), store %.0f MiB\n", o.name, *importLines, d.Round(time.Millisecond),
			cpu.Round(time.Millisecond), float64(size)/(1<<20))
		r.addRef(fmt.Sprintf("%s: import of %d lines, empty store", o.name, *importLines), secUnit, d.Seconds(),
			"sqlite3 .import", ref.Seconds())
		r.addRef(fmt.Sprintf("%s: import of %d lines, CPU (user+sys)", o.name, *importLines), secUnit, cpu.Seconds(),
			"sqlite3 .import CPU", refCPU.Seconds())
		r.add(fmt.Sprintf("%s: store after the import", o.name), mibUnit, float64(size)/(1<<20))
	}
	return nil
}

// entkioskImport runs `entkiosk import` into a new store; it returns the
// time, the CPU time (user + system: what a busy machine does not change
// much) and the store's size (with its WAL).
func entkioskImport(o serverOpts, export string) (time.Duration, time.Duration, int64, error) {
	dir, err := tempDir("import")
	if err != nil {
		return 0, 0, 0, err
	}
	db := filepath.Join(dir, "entkiosk.db")
	cmd := exec.Command(o.bin, "import", "--db", db, "--link-host", "ent.umontpellier.fr", export)
	t0 := time.Now()
	out, err := cmd.CombinedOutput()
	d := time.Since(t0)
	if err != nil {
		tail := string(out)
		if len(tail) > 1000 {
			tail = tail[len(tail)-1000:]
		}
		return 0, 0, 0, fmt.Errorf("%s import: %v\n%s", o.name, err, tail)
	}
	var size int64
	for _, suffix := range []string{"", "-wal"} {
		if st, err := os.Stat(db + suffix); err == nil {
			size += st.Size()
		}
	}
	return d, cpuOf(cmd), size, nil
}

// cpuOf is the user + system time of a command that ended.
func cpuOf(cmd *exec.Cmd) time.Duration {
	if cmd.ProcessState == nil {
		return 0
	}
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

// sqliteImport is sqlite3's .import of the same file into a new database.
func sqliteImport(export string) (time.Duration, time.Duration, error) {
	dir, err := tempDir("sqlite3")
	if err != nil {
		return 0, 0, err
	}
	cmd := exec.Command(*sqliteBin, filepath.Join(dir, "ref.db"))
	cmd.Stdin = strings.NewReader(".separator ;\n.import " + export + " ia\n")
	t0 := time.Now()
	out, err := cmd.CombinedOutput()
	d := time.Since(t0)
	if err != nil {
		return 0, 0, fmt.Errorf("sqlite3 .import (Debian: apt-get install sqlite3): %v\n%s", err, out)
	}
	return d, cpuOf(cmd), nil
}
