// Package netlist reads the lists of networks the servers' options name
// (--trusted-proxy, --shared-networks): IPv4 and IPv6 addresses or
// prefixes, separated by commas.
package netlist

import (
	"net/netip"
	"strings"
)

// List is a set of networks; a bare address is its /32 or /128.
type List []netip.Prefix

// BadEntryError names the entry of a list that is neither an address nor
// a network, so that the operator's message can say which.
type BadEntryError struct{ Entry string }

func (e *BadEntryError) Error() string { return "not an IP address or network: " + e.Entry }

// Parse reads "10.0.0.0/8, 192.0.2.7, 2001:db8::/32"; empty entries (a
// trailing comma) are skipped. A prefix with host bits set is taken as
// its network (10.1.2.3/8 is 10.0.0.0/8); an IPv4-mapped IPv6 address is
// the IPv4 one, as the servers see their peers.
func Parse(s string) (List, error) {
	var out List
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if strings.Contains(f, "/") {
			p, err := netip.ParsePrefix(f)
			if err != nil {
				return nil, &BadEntryError{Entry: f}
			}
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, &BadEntryError{Entry: f}
		}
		a = a.Unmap().WithZone("")
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

// Contains says whether a is in one of the networks.
func (l List) Contains(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range l {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// String is the list as an option would give it ("none" when empty), for
// the start log line.
func (l List) String() string {
	if len(l) == 0 {
		return "none"
	}
	s := make([]string, len(l))
	for i, p := range l {
		s[i] = p.String()
	}
	return strings.Join(s, ",")
}
