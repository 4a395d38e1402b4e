package data

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestHashIsArgon2idPHCWithOWASPParameters(t *testing.T) {
	t.Parallel()
	h := NewHasher(OWASPParams, 1, time.Minute)
	phc, err := h.Hash(ctx, "Kiosque-Demo-2026")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`^\$argon2id\$v=19\$m=19456,t=2,p=1\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$`)
	m := re.FindStringSubmatch(phc)
	if m == nil {
		t.Fatalf("not the expected PHC string: %s", phc)
	}
	salt, _ := b64.DecodeString(m[1])
	key, _ := b64.DecodeString(m[2])
	if len(salt) != 16 || len(key) != 32 {
		t.Fatalf("salt %d bytes, key %d bytes; want 16 and 32", len(salt), len(key))
	}
	again, _ := h.Hash(ctx, "Kiosque-Demo-2026")
	if again == phc {
		t.Fatal("two hashes of one password are equal: the salt is not fresh")
	}
	for pw, want := range map[string]bool{"Kiosque-Demo-2026": true, "kiosque-demo-2026": false, "": false,
		"Kiosque-Demo-2026 ": false} {
		ok, err := h.Verify(ctx, pw, phc)
		if err != nil || ok != want {
			t.Errorf("Verify(%q) = %v, %v; want %v", pw, ok, err, want)
		}
	}
}

func TestVerifyRefusesDamagedHashesWithoutPanicking(t *testing.T) {
	for _, phc := range []string{
		"nope", "$argon2i$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=18$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$m=19456,t=2,p=0$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$m=19456,t=0,p=1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$m=1,t=2,p=1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$m=19456,t=2,p=1$!!!$a2V5a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$",
	} {
		ok, err := testHasher.Verify(ctx, "x", phc)
		if ok || err == nil {
			t.Errorf("Verify against %q = %v, %v; want an error", phc, ok, err)
		}
	}
}

// An unknown identifiant, an account never activated and a wrong password
// each cost exactly one argon2id run: no timing difference.
func TestEveryLoginRefusalCostsOneHash(t *testing.T) {
	s, _ := openTest(t)
	if _, err := s.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ who, ident, pw string }{
		{"unknown identifiant", "personne.inconnue", "Kiosque-Demo-2026"},
		{"never activated", "camille.martin", "Kiosque-Demo-2026"},
		{"wrong password", "hugo.lefevre", "Kiosque-Demo-2027"},
		{"right password", "hugo.lefevre", "Kiosque-Demo-2026"},
		{"rights ended", "paul.bernard", "Archives-Demo-2025"},
	} {
		before := testHasher.computed.Load()
		_, err := s.Login(ctx, c.ident, c.pw, Origin{Client: "hash-test-" + c.who})
		if n := testHasher.computed.Load() - before; n != 1 {
			t.Errorf("%s: %d hashes (err %v), want 1", c.who, n, err)
		}
	}
}

func TestHashingConcurrencyIsBounded(t *testing.T) {
	t.Parallel()
	h := NewHasher(HashParams{MemoryKiB: 1024, Time: 1, Threads: 1}, 2, time.Minute)
	phc, err := h.Hash(ctx, "x")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := h.Verify(ctx, "x", phc); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if peak := h.peak.Load(); peak > 2 {
		t.Fatalf("%d hashes ran at once with 2 slots", peak)
	}
	if d := DefaultHasher(); d.slots != runtime.NumCPU() {
		t.Fatalf("default hasher has %d slots, want one per core (%d)", d.slots, runtime.NumCPU())
	}
}

// When every slot stays taken past the bounded wait, the caller is told
// "busy" rather than queued without end.
func TestHashingWaitIsBounded(t *testing.T) {
	t.Parallel()
	h := NewHasher(HashParams{MemoryKiB: 64, Time: 1, Threads: 1}, 1, 20*time.Millisecond)
	if err := h.acquire(ctx); err != nil { // the only slot, held
		t.Fatal(err)
	}
	if _, err := h.Verify(ctx, "x", ""); !errors.Is(err, ErrBusy) {
		t.Fatalf("Verify with every slot held: %v, want ErrBusy", err)
	}
	if _, err := h.Hash(ctx, "x"); !errors.Is(err, ErrBusy) {
		t.Fatalf("Hash with every slot held: %v, want ErrBusy", err)
	}
	h.release()
	if _, err := h.Verify(ctx, "x", ""); err != nil {
		t.Fatalf("slot released, still %v", err)
	}
}

// BenchmarkVerifyBurstMemory runs 500 simultaneous verifications with the
// production hasher (OWASP costs, one slot per core, 5 s wait) in a fresh
// process and reports its peak RSS (VmHWM), which must stay under 200 MiB.
//
//	go test ./data -run '^$' -bench VerifyBurstMemory -benchtime 1x
func BenchmarkVerifyBurstMemory(b *testing.B) {
	for i := 0; i < b.N; i++ {
		cmd := testChild("TestHelperVerifyBurst", "ENTKIOSK_TEST_BURST=500")
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("%v\n%s", err, out)
		}
		m := regexp.MustCompile(`burst: (\d+) ok, (\d+) busy, peak RSS (\d+) KiB, (\d+) at once, ([0-9.]+)s`).FindStringSubmatch(string(out))
		if m == nil {
			b.Fatalf("no figures:\n%s", out)
		}
		rss, _ := strconv.Atoi(m[3])
		ok, _ := strconv.Atoi(m[1])
		busy, _ := strconv.Atoi(m[2])
		b.ReportMetric(float64(rss)/1024, "peak-MiB")
		b.ReportMetric(float64(ok), "verified")
		b.ReportMetric(float64(busy), "busy")
		b.Logf("500 concurrent verifications: %s verified, %s busy, peak RSS %.1f MiB, %s hashes at once, %ss",
			m[1], m[2], float64(rss)/1024, m[4], m[5])
		if rss >= 200*1024 {
			b.Fatalf("peak RSS %d KiB, over 200 MiB", rss)
		}
	}
}

func TestHelperVerifyBurst(t *testing.T) {
	t.Parallel()
	n, _ := strconv.Atoi(os.Getenv("ENTKIOSK_TEST_BURST"))
	if n == 0 {
		t.Skip("helper of BenchmarkVerifyBurstMemory")
	}
	h := DefaultHasher()
	phc, err := h.Hash(ctx, "Kiosque-Demo-2026")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok, busy := 0, 0
	release := make(chan struct{})
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release // all 500 ask at the same moment
			match, err := h.Verify(ctx, "Kiosque-Demo-2026", phc)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case errors.Is(err, ErrBusy):
				busy++
			case err != nil || !match:
				t.Errorf("verify: %v %v", match, err)
			default:
				ok++
			}
		}()
	}
	close(release)
	wg.Wait()
	fmt.Printf("burst: %d ok, %d busy, peak RSS %d KiB, %d at once, %.1fs\n", ok, busy, vmHWM(t), h.peak.Load(),
		time.Since(start).Seconds())
}

// vmHWM is this process's peak resident set size, in KiB.
func vmHWM(t testing.TB) int {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kib, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return kib
		}
	}
	t.Fatal("no VmHWM in /proc/self/status")
	return 0
}
