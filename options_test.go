package main

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// The hand-written option parser: every message in French, options before
// or after the arguments, ENTKIOSK_ variables under the command line.

// testFlags is a command with one option of each kind.
func testFlags() (f *flags, name *string, n *int, d *time.Duration, on *bool) {
	f = newFlags("essai", "[options] FICHIER", "un essai")
	name, n, d, on = new(string), new(int), new(time.Duration), new(bool)
	f.str(name, "name", "NOM", "défaut", "un nom")
	f.int(n, "count", 3, "un nombre")
	f.duration(d, "wait", 2*time.Minute, "une durée")
	f.bool(on, "on", "un interrupteur")
	return
}

func TestOptionsBeforeAndAfterArguments(t *testing.T) {
	t.Parallel()
	f, name, n, d, on := testFlags()
	var out strings.Builder
	pos, err := f.parse([]string{"-name", "léa", "a.csv", "--count=7", "--on", "--wait", "90s", "b.csv"}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(pos, " ") != "a.csv b.csv" || *name != "léa" || *n != 7 || *d != 90*time.Second || !*on {
		t.Fatalf("pos=%q name=%q count=%d wait=%s on=%v", pos, *name, *n, *d, *on)
	}
}

func TestOptionsDefaultsWhenAbsent(t *testing.T) {
	t.Parallel()
	f, name, n, d, on := testFlags()
	if _, err := f.parse(nil, &strings.Builder{}); err != nil {
		t.Fatal(err)
	}
	if *name != "défaut" || *n != 3 || *d != 2*time.Minute || *on {
		t.Fatalf("name=%q count=%d wait=%s on=%v", *name, *n, *d, *on)
	}
}

func TestOptionsDoubleDashEndsOptions(t *testing.T) {
	t.Parallel()
	f, _, n, _, _ := testFlags()
	pos, err := f.parse([]string{"--count", "4", "--", "--count", "-h"}, &strings.Builder{})
	if err != nil {
		t.Fatal(err)
	}
	if *n != 4 || strings.Join(pos, " ") != "--count -h" {
		t.Fatalf("count=%d pos=%q", *n, pos)
	}
}

func TestOptionsSwitchTakesAnExplicitValue(t *testing.T) {
	t.Parallel()
	f, _, _, _, on := testFlags()
	if _, err := f.parse([]string{"--on=false", "x"}, &strings.Builder{}); err != nil {
		t.Fatal(err)
	}
	if *on {
		t.Fatal("--on=false left the switch on")
	}
}

func TestOptionsMistakesInFrench(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--colour"}, "essai : option inconnue --colour (entkiosk essai -h donne les options)"},
		{[]string{"--name"}, "essai : --name demande une valeur (NOM)"},
		{[]string{"--count", "trois"}, `essai : --count "trois" : un nombre entier attendu`},
		{[]string{"--wait=-5s"}, `essai : --wait "-5s" : une durée attendue (90s, 2m, 1h30m)`},
		{[]string{"--wait", "5"}, `essai : --wait "5" : une durée attendue (90s, 2m, 1h30m)`},
		{[]string{"--on=peut-être"}, `essai : --on "peut-être" : true ou false attendu`},
	} {
		f, _, _, _, _ := testFlags()
		_, err := f.parse(tc.args, &strings.Builder{})
		var ue usageError
		if !errors.As(err, &ue) || err.Error() != tc.want {
			t.Errorf("%q: got %v, want usage error %q", tc.args, err, tc.want)
		}
	}
}

func TestOptionsHelpPrintsAndStops(t *testing.T) {
	t.Parallel()
	f, _, _, _, _ := testFlags()
	var out strings.Builder
	_, err := f.parse([]string{"a.csv", "--count", "x", "-h"}, &out)
	if !errors.Is(err, errHelp) {
		t.Fatalf("err = %v, want errHelp (help wins over a bad value)", err)
	}
	for _, want := range []string{"Usage : entkiosk essai [options] FICHIER", "--count N", "défaut : 3 · ENTKIOSK_COUNT", "défaut : 2m · ENTKIOSK_WAIT"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("help lacks %q:\n%s", want, out.String())
		}
	}
}

func TestOptionsEnvironmentUnderCommandLine(t *testing.T) {
	t.Setenv("ENTKIOSK_COUNT", "9")
	t.Setenv("ENTKIOSK_NAME", "paul")
	f, name, n, _, _ := testFlags()
	if _, err := f.parse([]string{"--count", "5"}, &strings.Builder{}); err != nil {
		t.Fatal(err)
	}
	if *n != 5 || *name != "paul" {
		t.Fatalf("count=%d (option wins) name=%q (variable gives it)", *n, *name)
	}
}

func TestOptionsEmptyVariableIsNoValue(t *testing.T) {
	t.Setenv("ENTKIOSK_COUNT", "")
	f, _, n, _, _ := testFlags()
	if _, err := f.parse(nil, &strings.Builder{}); err != nil || *n != 3 {
		t.Fatalf("count=%d err=%v: an empty number variable is no value", *n, err)
	}
}

func TestOptionsBadVariableNamed(t *testing.T) {
	t.Setenv("ENTKIOSK_WAIT", "bientôt")
	f, _, _, _, _ := testFlags()
	_, err := f.parse(nil, &strings.Builder{})
	want := `essai : ENTKIOSK_WAIT="bientôt" : une durée attendue (90s, 2m, 1h30m)`
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %q", err, want)
	}
}

func TestOptionsNoArgsRefusesALeftOverWord(t *testing.T) {
	t.Parallel()
	f, _, _, _, _ := testFlags()
	err := f.parseNoArgs([]string{"--count", "2", "oubli"}, &strings.Builder{})
	want := `essai : argument inattendu "oubli" (entkiosk essai -h donne les options)`
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %q", err, want)
	}
}

func TestFmtDuration(t *testing.T) {
	t.Parallel()
	for d, want := range map[time.Duration]string{
		2 * time.Minute: "2m", 30 * time.Minute: "30m", time.Hour: "1h", 90 * time.Minute: "1h30m", 90 * time.Second: "1m30s",
	} {
		if got := fmtDuration(d); got != want {
			t.Errorf("fmtDuration(%s) = %q, want %q", d, got, want)
		}
	}
}

func TestOptionsLanguage(t *testing.T) {
	t.Setenv("ENTKIOSK_LANG", "") // empty: the default, as for a number
	f := newFlags("essai", "", "un essai")
	var lang string
	f.langOpt(&lang, "langue")
	if _, err := f.parse(nil, &strings.Builder{}); err != nil || lang != "fr" {
		t.Fatalf("lang=%q err=%v", lang, err)
	}
	if _, err := f.parse([]string{"--lang", "en"}, &strings.Builder{}); err != nil || lang != "en" {
		t.Fatalf("lang=%q err=%v", lang, err)
	}
	_, err := f.parse([]string{"--lang=de"}, &strings.Builder{})
	if want := `essai : --lang "de" : fr ou en`; err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %q", err, want)
	}
}
