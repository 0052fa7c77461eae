package procs

import (
	"net/netip"
	"slices"
)

// normalize unmaps IPv4-mapped IPv6 addresses (::ffff:a.b.c.d becomes
// a.b.c.d) and drops zones, so that a socket reported by the kernel in
// /proc/net/tcp6 compares equal to the address Go reports for it.
func normalize(ap netip.AddrPort) netip.AddrPort {
	return netip.AddrPortFrom(ap.Addr().Unmap().WithZone(""), ap.Port())
}

// sameEnd reports whether two socket ends are the same address and port,
// ignoring IPv4-mapped forms and zones.
func sameEnd(a, b netip.AddrPort) bool {
	return normalize(a) == normalize(b)
}

// sortedUniqueAddrs sorts addresses and removes duplicates.
func sortedUniqueAddrs(aps []netip.AddrPort) []netip.AddrPort {
	slices.SortFunc(aps, netip.AddrPort.Compare)
	return slices.Compact(aps)
}
