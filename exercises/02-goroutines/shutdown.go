package goroutines

import "net"

// track records conn as open and its handler as running. Serve calls it
// before it starts the handler's goroutine, so that shutdown, which runs in
// Serve's goroutine after the loop, cannot miss a handler.
func (s *server) track(conn net.Conn) {
	// TODO(4): count one more running handler, and add conn to the set of
	// open connections.
}

// untrack forgets conn and records that its handler has ended.
func (s *server) untrack(conn net.Conn) {
	// TODO(4): remove conn from the set, and count one running handler
	// fewer.
}

// shutdown runs once the listener is closed. It waits up to GracePeriod for
// the handlers still running to end by themselves, then closes the
// connections still open and waits for their handlers to return.
func (s *server) shutdown() error {
	// TODO(4): wait for the running handlers, but no longer than
	// GracePeriod; then close every open connection, wait for the handlers
	// to return, and return nil.
	return notImplemented(4)
}
