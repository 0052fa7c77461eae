package pools

import "net"

// accept waits for the next client of ln and returns its connection, like
// ln.Accept. Unlike ln.Accept, it rides out the errors that pass, so that
// the pool's accept loop can use it: it returns an error only once ln is
// closed (errors.Is(err, net.ErrClosed)).
//
// The error that passes is the one a busy server meets first: "accept4: too
// many open files" (EMFILE). Every connection is a file descriptor, and a
// process may have only so many open (`ulimit -n`, often 256 or 1024). Once
// it has that many, Accept fails, and the new client waits in the kernel's
// queue until a descriptor is free again, when a connected client leaves. A
// server that returns on this error drops every client it has, those the
// workers serve and those waiting in the queue.
func accept(ln net.Listener) (net.Conn, error) {
	// TODO(1): call ln.Accept in a loop. Return what it returns when it
	// succeeds, and when its error is net.ErrClosed (errors.Is). On any
	// other error, log it, sleep, and try again: 5 ms the first time, twice
	// as long each time after, at most 1 s (net/http's Server does the
	// same). Sleep you must: without it, the loop spins on a failing Accept
	// and burns a CPU until a client leaves. Then delete this line.
	return ln.Accept()
}
