package data

import (
	"crypto/rand"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// damagedStores writes, beside a good store of the demo people, the ways a
// store file gets damaged: random bytes, truncated files, pages overwritten.
func damagedStores(t *testing.T) map[string]string {
	t.Helper()
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	s, err := Open(good, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, err := os.ReadFile(good)
	if err != nil || len(b) < 16384 {
		t.Fatalf("good store: %d bytes, %v", len(b), err)
	}
	noise := make([]byte, len(b))
	rand.Read(noise)
	pagesOverwritten := append([]byte{}, b...)
	copy(pagesOverwritten[4096:], noise[:8192])
	headerThenNoise := append(append([]byte{}, b[:100]...), noise[100:]...)
	paths := map[string]string{}
	for name, content := range map[string][]byte{"random bytes": noise[:65536], "truncated to half": b[:len(b)/2],
		"truncated to one page": b[:4096], "truncated in its header": b[:50], "truncated to nothing": {}, "header then noise": headerThenNoise,
		"pages overwritten": pagesOverwritten} {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".db")
		if err := os.WriteFile(p, content, 0o600); err != nil {
			t.Fatal(err)
		}
		paths[name] = p
	}
	return paths
}

// A damaged store is said in French with its path, whether opened to work
// or only to read; never the driver's English, never a crash.
func TestDamagedStoreSaysSoWithItsPath(t *testing.T) {
	t.Parallel()
	for name, path := range damagedStores(t) {
		for _, readOnly := range []bool{false, true} {
			before, _ := os.ReadFile(path)
			cfg := testConfig()
			cfg.ReadOnly = readOnly
			s, err := Open(path, cfg)
			if err == nil {
				s.Close()
				t.Errorf("%s (read-only %v): opened", name, readOnly)
				continue
			}
			var corrupt *CorruptStoreError
			msg := err.Error()
			if !strings.Contains(msg, path) || strings.Contains(msg, "malformed") ||
				!(errors.As(err, &corrupt) && strings.Contains(msg, "endommagé") || strings.Contains(msg, "n'est pas une base SQLite")) {
				t.Errorf("%s (read-only %v): %v", name, readOnly, err)
			}
			if after, _ := os.ReadFile(path); string(after) != string(before) {
				t.Errorf("%s (read-only %v): the damaged file was written", name, readOnly)
			}
		}
	}
}
