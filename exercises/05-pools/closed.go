package pools

import (
	"net"
	"time"
)

// This file is GIVEN.

// closedPoll is how often listenerClosed looks at the listener.
const closedPoll = 20 * time.Millisecond

// listenerClosed returns a channel that is closed once ln is closed.
//
// Every other server of this kit learns that its listener was closed from
// the error of Accept. The prefork supervisor never calls Accept (its
// workers do, each on its own copy of the socket), so it needs another way,
// and the only one Go offers is to look: a goroutine asks every closedPoll
// whether ln is still open. (A real prefork server, such as Apache's
// parent process, is stopped by a signal instead: SIGTERM.)
func listenerClosed(ln *net.TCPListener) <-chan struct{} {
	closed := make(chan struct{})
	go func() {
		defer close(closed)
		raw, err := ln.SyscallConn()
		if err != nil {
			return
		}
		tick := time.NewTicker(closedPoll)
		defer tick.Stop()
		for range tick.C {
			if raw.Control(func(uintptr) {}) != nil { // fails once ln is closed
				return
			}
		}
	}()
	return closed
}
