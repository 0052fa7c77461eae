package goroutines

import "net"

// server is what Serve shares with the goroutines that serve its clients.
type server struct {
	stats stats // the shared statistic (TODO 3)

	// TODO(4): add what shutdown needs: a sync.WaitGroup that counts the
	// handlers still running, and the set of open connections
	// (map[net.Conn]struct{}) with a sync.Mutex that guards it.
}

// newServer returns a server ready to accept clients.
func newServer() *server {
	// TODO(4): make the map of open connections here.
	return &server{}
}

// Serve accepts clients on ln and serves each one in a goroutine of its
// own, so that any number of clients are served at the same time. Once ln
// is closed it stops accepting, lets the clients still connected finish
// (see shutdown), and returns nil.
//
// The caller has already created the socket, bound it to an address and made
// it listen: net.Listen does socket(), bind() and listen() in one call.
func Serve(ln net.Listener) error {
	s := newServer()
	// TODO(1): accept clients in a loop. For each connection, call
	// s.track(conn), then start a goroutine (go ...) that serves it with
	// s.handle(conn), logs the error handle returns, and calls
	// s.untrack(conn) at the very end; then go straight back to Accept.
	// When Accept fails because ln was closed (errors.Is(err,
	// net.ErrClosed)), return s.shutdown(). Any other Accept error (such as
	// "too many open files") passes once clients leave: log it, pause (5 ms,
	// twice as long after each failure in a row, at most 1 s), and Accept
	// again.
	_ = s
	return notImplemented(1)
}
