//go:build !linux

package compare

import (
	"net"
	"os"
)

// wakeOneAccept: there is no EPOLLEXCLUSIVE outside Linux, so the worker
// waits in Accept, in Go's poller, and every idle worker is still woken.
func wakeOneAccept(f *os.File) (func() (net.Conn, error), error) { return acceptIn(f) }
