package netlist

import (
	"errors"
	"net/netip"
	"testing"
)

func TestParseAndContains(t *testing.T) {
	t.Parallel()
	l, err := Parse(" 10.0.0.0/8, 192.0.2.7 ,2001:db8::/32,, 198.51.100.9/24,")
	if err != nil {
		t.Fatal(err)
	}
	if got := l.String(); got != "10.0.0.0/8,192.0.2.7/32,2001:db8::/32,198.51.100.0/24" {
		t.Fatalf("parsed as %s", got)
	}
	for a, want := range map[string]bool{
		"10.255.0.1": true, "11.0.0.1": false, "192.0.2.7": true, "192.0.2.8": false,
		"2001:db8:1::5": true, "2001:db9::5": false, "198.51.100.200": true,
		"::ffff:10.1.2.3": true, // an IPv4-mapped peer is its IPv4 address
	} {
		if got := l.Contains(netip.MustParseAddr(a)); got != want {
			t.Errorf("Contains(%s) = %v, want %v", a, got, want)
		}
	}
	if none, err := Parse(""); err != nil || len(none) != 0 || none.String() != "none" || none.Contains(netip.MustParseAddr("10.0.0.1")) {
		t.Fatalf("empty list: %v %v", none, err)
	}
}

// The error names the entry at fault, not the whole list.
func TestParseNamesTheBadEntry(t *testing.T) {
	t.Parallel()
	for list, bad := range map[string]string{
		"10.0.0.0/8, 10.0.0.0/33": "10.0.0.0/33",
		"campus.example, ::1":     "campus.example",
		"1.2.3":                   "1.2.3",
		"2001:db8::/129":          "2001:db8::/129",
		"10.0.0.0/8 192.0.2.0/24": "10.0.0.0/8 192.0.2.0/24", // a space is no separator
	} {
		_, err := Parse(list)
		var be *BadEntryError
		if !errors.As(err, &be) || be.Entry != bad {
			t.Errorf("Parse(%q): %v, want the entry %q named", list, err, bad)
		}
	}
}
