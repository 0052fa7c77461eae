//go:build !linux

package procs

import (
	"fmt"
	"net/netip"
	"runtime"
)

// SocketQueues needs /proc/net/tcp; elsewhere its error wraps
// ErrUnsupported (macOS has no such table, and netstat does not name both
// ends of a loopback connection reliably enough to tell them apart).
func SocketQueues(local, remote netip.AddrPort) (Queues, error) {
	return Queues{}, fmt.Errorf("%w on %s: SocketQueues needs /proc/net/tcp", ErrUnsupported, runtime.GOOS)
}
