package harness

import (
	"io"
	"net"
)

// ServeFunc is a learner's server: it serves clients on ln and returns nil
// once ln is closed.
type ServeFunc func(ln net.Listener) error

// ClientFunc is a learner's client program: it connects to addr, sends the
// lines it reads from in and writes the replies to out.
type ClientFunc func(addr string, in io.Reader, out io.Writer) error

// Program lists the learner's entry points that specs can start in a child
// process by name, with [StartServer] and [StartClientProgram].
type Program struct {
	// Servers are the servers a spec can start, by name.
	Servers map[string]ServeFunc
	// Clients are the client programs a spec can run, by name.
	Clients map[string]ClientFunc
	// Init, if set, runs first in every process started from the test
	// binary, before anything else. Exercise 03 uses it to let a re-run
	// program enter worker mode; it must return quickly when it has nothing
	// to do.
	Init func()
	// AfterServe, if set, runs in the server's process after Serve has
	// returned; an error it returns fails the shutdown (see
	// [Server.Shutdown]). Exercise 02 uses it to look for leaked goroutines.
	AfterServe func() error
}
